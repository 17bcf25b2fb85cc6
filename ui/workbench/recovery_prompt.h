#pragma once

#include <QString>

class QWidget;

namespace attn::ui {

class MainWindow;

/// How the start-up answers the restore question: by asking the learner, or
/// (for the end-to-end tests of the executable) with a fixed answer.
enum class RecoveryAnswer
{
    Ask,
    Restore,
    Discard,
};

/// Offers back the work of windows that ended without closing (a crash, a
/// kill, a power cut): for each orphaned recovery file in `directory`, oldest
/// first, asks "Attention Lab closed unexpectedly. Restore your unsaved work
/// from 14:32?" with Restore / Discard / Show file.
///
/// Restore opens the work as an unsaved document (the `*` shows) that keeps
/// its original file, so Save writes where the learner expects: into
/// `window` when it holds no unsaved work, else into a new window. The copy
/// is then deleted; the restored document has an autosave of its own.
/// Discard deletes the copy. Show file opens the recovery folder (or names
/// it) and asks again. Closing the question keeps the copy for the next
/// start. A copy that cannot be read is named with the reason and can be
/// discarded or kept. Returns how many copies were restored.
int offerRecovery(MainWindow &window, RecoveryAnswer answer, const QString &directory);

} // namespace attn::ui
