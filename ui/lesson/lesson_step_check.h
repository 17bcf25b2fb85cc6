#pragma once

#include "lesson.h"
#include "lesson_goal.h"
#include "scenario.h"
#include "trace.h"

#include <QList>
#include <QString>

namespace attn::ui {

/// Follows the workbench through a lesson as if the learner changed nothing,
/// so that every row, cell, head and goal a step names is checked against the
/// real shapes of the scenario the step opens on. A problem is thrown as a
/// JsonReadFailure whose key is relative to the step ("setup.cells[0]").
class LessonStepCheck
{
public:
    /// The workbench opens on the tutorial's example.
    LessonStepCheck();

    /// Checks `step` against the workbench as the previous steps left it,
    /// then leaves the workbench as `step` sets it up.
    void check(const LessonStep &step);

private:
    static void checkCells(const Scenario &scenario, const QList<LessonCellEdit> &cells,
                           const QString &path);
    static void checkCell(const Trace &trace, Stage stage, int head, int row, int col,
                          const QString &path, bool wholeAllowed = false);
    static void checkGoal(const Trace &trace, const Goal &goal, const QString &path);

    Scenario m_workbench; ///< what the workbench holds when the step opens, if
                          ///< nobody edits
};

} // namespace attn::ui
