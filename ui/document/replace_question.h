#pragma once

#include "scenario.h"

#include <QString>

namespace attn::ui {

/// What the one unsaved-changes prompt asks before the document is replaced
/// (a new scenario, a file, a preset, a lesson step). Empty texts take the
/// prompt's own words ("This scenario has changes that are not saved. Save
/// them first?", Save / Discard / Cancel); a caller with its own context, the
/// lesson, words the question and the two other answers itself. Save is
/// always offered.
struct ReplaceQuestion
{
    QString text;
    QString informativeText;
    QString discardLabel; ///< the answer that drops the changes and goes on
    QString cancelLabel;  ///< the answer that keeps them and stays
    /// Changes that only bring the document back to this scenario are not
    /// worth a question (a lesson step that set options up, then nothing).
    /// Null: any unsaved change asks.
    const Scenario *unchangedFrom = nullptr;
};

} // namespace attn::ui
