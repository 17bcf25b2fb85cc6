#include "lesson.h"

#include "scenario_edit.h"
#include "scenario_reader.h"
#include "stage_text.h"

namespace attn::ui {

namespace {

struct MatrixName
{
    MatrixId id;
    const char *name;
};

constexpr MatrixName matrixNames[] = {
    {MatrixId::Embeddings, "x"},          {MatrixId::SourceEmbeddings, "x_s"},
    {MatrixId::QueryWeights, "w_q"},      {MatrixId::KeyWeights, "w_k"},
    {MatrixId::ValueWeights, "w_v"},      {MatrixId::OutputWeights, "w_o"},
    {MatrixId::ScoreQueryWeights, "w_a"}, {MatrixId::ScoreKeyWeights, "u_a"},
    {MatrixId::ScoreVector, "v_a"},       {MatrixId::PositionWeights, "w_p"},
    {MatrixId::PositionVector, "v_p"},
};

} // namespace

int Lesson::stepCount() const
{
    int count = 0;
    for (const LessonChapter &chapter : chapters)
        count += int(chapter.steps.size());
    return count;
}

int Lesson::stepNumber(int chapter, int step) const
{
    int number = 0;
    for (int index = 0; index < chapter && index < chapters.size(); ++index)
        number += int(chapters.at(index).steps.size());
    return number + step;
}

Scenario withLessonOptions(const Scenario &scenario, const QJsonObject &options)
{
    Scenario parsed = scenario;
    if (!readScenarioOptions(options, QString(), parsed).isEmpty())
        return scenario;
    Scenario result = scenario;
    if (options.contains(QStringLiteral("heads")) && parsed.heads != result.heads)
        result = edit::withHeads(result, parsed.heads);
    if (options.contains(QStringLiteral("score")))
        result = edit::withScore(result, parsed.score);
    if (parsed.span != result.span)
        result = edit::withSpan(result, parsed.span);
    result.window = parsed.window;
    result.scale = parsed.scale;
    result.scaleValue = parsed.scaleValue;
    result.temperature = parsed.temperature;
    result.mask = parsed.mask;
    result.padding = parsed.padding;
    result.selection = parsed.selection;
    result.seed = parsed.seed;
    result.positional = parsed.positional;
    return result;
}

Scenario withCellEdits(const Scenario &scenario, const QList<LessonCellEdit> &cells)
{
    Scenario result = scenario;
    for (const LessonCellEdit &cell : cells) {
        Matrix value(1, 1);
        value(0, 0) = cell.value;
        setBlock(result, cell.matrix, cell.row, cell.col, value);
    }
    return result;
}

Scenario stepScenario(const LessonSetup &setup, const Scenario &current)
{
    Scenario scenario = setup.scenario ? *setup.scenario : current;
    if (!setup.options.isEmpty())
        scenario = withLessonOptions(scenario, setup.options);
    return withCellEdits(scenario, setup.cells);
}

std::optional<MatrixId> lessonMatrixId(const QString &name)
{
    for (const MatrixName &named : matrixNames) {
        if (name == QLatin1String(named.name))
            return named.id;
    }
    return std::nullopt;
}

QStringList lessonMatrixNames()
{
    QStringList names;
    for (const MatrixName &named : matrixNames)
        names << QLatin1String(named.name);
    return names;
}

std::optional<Stage> lessonStage(const QString &key)
{
    for (int index = 0; index < stageCount; ++index) {
        const auto stage = static_cast<Stage>(index);
        if (stage_text::key(stage) == key)
            return stage;
    }
    return std::nullopt;
}

} // namespace attn::ui
