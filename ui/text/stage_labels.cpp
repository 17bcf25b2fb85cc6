#include "stage_labels.h"

namespace attn::ui::stage_labels {

namespace {

QStringList names(const std::vector<std::string> &tokens)
{
    QStringList result;
    result.reserve(int(tokens.size()));
    for (const auto &token : tokens)
        result << QString::fromStdString(token);
    return result;
}

QStringList indices(Eigen::Index count)
{
    QStringList result;
    result.reserve(int(count));
    for (Eigen::Index index = 0; index < count; ++index)
        result << QString::number(index);
    return result;
}

} // namespace

QList<Stage> stages(const Scenario &scenario)
{
    QList<Stage> result;
    for (int index = 0; index <= int(Stage::Output); ++index)
        result << Stage(index);
    if (scenario.heads > 1)
        result << Stage::Concat;
    if (scenario.wO)
        result << Stage::Projected;
    return result;
}

bool isPerHead(Stage stage)
{
    return stage >= Stage::Scores && stage <= Stage::Output;
}

QStringList rowLabels(Stage stage, const Scenario &scenario, const Trace &trace, int head)
{
    // The trace may lag behind a scenario that no longer computes; its own
    // shapes decide the labels then.
    const Matrix &matrix = trace.matrix(stage, head);
    const bool fromKeys = stage == Stage::Keys || stage == Stage::Values;
    QStringList labels = names(fromKeys ? scenario.keySequence().tokens : scenario.target.tokens);
    if (labels.size() != matrix.rows())
        labels = indices(matrix.rows());
    return labels;
}

QStringList columnLabels(Stage stage, const Scenario &scenario, const Trace &trace, int head)
{
    const Matrix &matrix = trace.matrix(stage, head);
    QStringList labels;
    if (stage >= Stage::Scores && stage <= Stage::Weights)
        labels = names(scenario.keySequence().tokens);
    if (labels.size() != matrix.cols())
        labels = indices(matrix.cols());
    return labels;
}

} // namespace attn::ui::stage_labels
