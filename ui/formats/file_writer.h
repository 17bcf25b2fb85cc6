#pragma once

#include <QByteArray>
#include <QString>

namespace attn::ui {

/// Replaces the file at `path` with `bytes`, or leaves it exactly as it was.
///
/// The bytes go to a new file beside the target; every write, the flush to
/// the disk (fsync) and the close are checked, and only when all of them
/// succeeded is the new file renamed over the old one. A full disk, a file
/// size limit, a read-only folder or a vanished folder therefore keep the old
/// file and leave no temporary file behind. An existing file keeps its
/// permissions; a symbolic link keeps pointing at the file it names.
///
/// On failure returns false and, if `reason` is given, sets it to the
/// system's own words for the cause ("No space left on device", "File too
/// large", "Permission denied"), without the path.
bool replaceFileContents(const QString &path, const QByteArray &bytes, QString *reason);

/// replaceFileContents() with a message for a person: on failure `error`
/// says "cannot write PATH: REASON".
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error);

} // namespace attn::ui
