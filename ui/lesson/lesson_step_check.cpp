#include "lesson_step_check.h"

#include "attention.h"
#include "error_text.h"
#include "json_reader.h"
#include "presets.h"
#include "scenario_matrix.h"
#include "stage_text.h"

#include <QCoreApplication>

namespace attn::ui {

namespace {

/// The translation context of every message about lesson files.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(LessonFile)
};

} // namespace

LessonStepCheck::LessonStepCheck()
{
    const ScenarioReadResult tutorial = loadPreset(QLatin1String(tutorialPresetName));
    m_workbench = tutorial.ok() ? *tutorial.scenario : tutorialScenario();
}

void LessonStepCheck::checkCells(const Scenario &scenario, const QList<LessonCellEdit> &cells,
                                 const QString &path)
{
    for (qsizetype index = 0; index < cells.size(); ++index) {
        const LessonCellEdit &cell = cells.at(index);
        const QString cellPath = jsonIndexed(path, index);
        const QString name = QString::fromLatin1(matrixSymbol(cell.matrix));
        if (!hasMatrix(scenario, cell.matrix))
            JsonReader::fail(jsonMember(cellPath, QStringLiteral("matrix")),
                             Text::tr("the scenario of this step has no %1").arg(name));
        const Matrix matrix = matrixOf(scenario, cell.matrix);
        if (cell.row < 0 || cell.row >= matrix.rows() || cell.col < 0 || cell.col >= matrix.cols())
            JsonReader::fail(cellPath, Text::tr("cell (%1, %2) lies outside %3, which is %4 × %5")
                                           .arg(cell.row)
                                           .arg(cell.col)
                                           .arg(name)
                                           .arg(matrix.rows())
                                           .arg(matrix.cols()));
    }
}

void LessonStepCheck::checkCell(const Trace &trace, Stage stage, int head, int row, int col,
                                const QString &path, bool wholeAllowed)
{
    const Matrix &matrix = trace.matrix(stage, head);
    const bool perHead = stage >= Stage::Scores && stage <= Stage::Output;
    if (perHead && (head < 0 || head >= trace.headCount()))
        JsonReader::fail(jsonMember(path, QStringLiteral("head")),
                         Text::tr("the scenario of this step has %1 head(s), "
                                  "numbered from 0; found %2")
                             .arg(trace.headCount())
                             .arg(head));
    if (matrix.size() == 0)
        JsonReader::fail(jsonMember(path, QStringLiteral("stage")),
                         Text::tr("the scenario of this step has no %1 stage")
                             .arg(quotedName(stage_text::key(stage))));
    const int lowest = wholeAllowed ? -1 : 0;
    if (row < lowest || row >= matrix.rows())
        JsonReader::fail(jsonMember(path, QStringLiteral("row")),
                         Text::tr("row %1 lies outside %2, which has %3 rows (numbered from 0)")
                             .arg(row)
                             .arg(stage_text::key(stage))
                             .arg(matrix.rows()));
    if (col < lowest || col >= matrix.cols())
        JsonReader::fail(
            jsonMember(path, QStringLiteral("col")),
            Text::tr("column %1 lies outside %2, which has %3 columns (numbered from 0)")
                .arg(col)
                .arg(stage_text::key(stage))
                .arg(matrix.cols()));
}

void LessonStepCheck::checkGoal(const Trace &trace, const Goal &goal, const QString &path)
{
    if (goal.kind == Goal::Kind::All) {
        for (std::size_t index = 0; index < goal.goals.size(); ++index)
            checkGoal(trace, goal.goals[index],
                      jsonIndexed(jsonMember(path, QStringLiteral("goals")), qsizetype(index)));
        return;
    }
    checkCell(trace, goal.stage, goal.head, goal.row, goal.col, path);
}

void LessonStepCheck::check(const LessonStep &step)
{
    const LessonSetup &setup = step.setup;
    Scenario scenario = setup.scenario ? *setup.scenario : m_workbench;
    if (!setup.options.isEmpty()) {
        scenario = withLessonOptions(scenario, setup.options);
        if (const auto error = validate(scenario))
            JsonReader::fail(QStringLiteral("setup.options"), errorText(*error));
    }
    checkCells(scenario, setup.cells, QStringLiteral("setup.cells"));
    scenario = withCellEdits(scenario, setup.cells);
    const Result<Trace> trace = compute(scenario);
    if (!trace.ok())
        JsonReader::fail(QStringLiteral("setup"), errorText(trace.error()));
    m_workbench = scenario;

    if (setup.head >= trace->headCount())
        JsonReader::fail(QStringLiteral("setup.head"),
                         Text::tr("the scenario of this step has %1 head(s), "
                                  "numbered from 0; found %2")
                             .arg(trace->headCount())
                             .arg(setup.head));
    for (qsizetype index = 0; index < setup.highlights.size(); ++index) {
        const LessonHighlight &region = setup.highlights.at(index);
        checkCell(*trace, region.stage, setup.head, region.row, region.col,
                  jsonIndexed(QStringLiteral("setup.highlight"), index), true);
    }
    if (setup.focus && !hasMatrix(scenario, *setup.focus))
        JsonReader::fail(QStringLiteral("setup.focus"),
                         Text::tr("the scenario of this step has no %1")
                             .arg(QString::fromLatin1(matrixSymbol(*setup.focus))));

    const LessonActivity &activity = step.activity;
    const QString activityPath = QStringLiteral("activity");
    switch (activity.type) {
    case LessonActivity::Type::Read:
        break;
    case LessonActivity::Type::Predict:
        if (!activity.hasChoices()) {
            checkCell(*trace, activity.stage, activity.head, activity.row, 0, activityPath);
        }
        break;
    case LessonActivity::Type::Try:
        checkGoal(*trace, activity.goal, jsonMember(activityPath, QStringLiteral("goal")));
        checkCells(scenario, activity.solution,
                   jsonMember(activityPath, QStringLiteral("solution")));
        break;
    case LessonActivity::Type::ByHand:
        checkCell(*trace, activity.stage, activity.head, activity.row, activity.col, activityPath);
        break;
    }
}

} // namespace attn::ui
