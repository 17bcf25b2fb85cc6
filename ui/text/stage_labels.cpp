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

/// Features (and rows without names) counted from 1, as the tutorial counts:
/// the columns of Q are 1 … d_k.
QStringList indices(Eigen::Index count)
{
    QStringList result;
    result.reserve(int(count));
    for (Eigen::Index index = 0; index < count; ++index)
        result << QString::number(index + 1);
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

namespace {

/// rows × cols of a stage, without computing it: the n × m stages of a
/// head are computed from its stored scores when asked for.
struct StageShape
{
    Eigen::Index rowCount = 0;
    Eigen::Index colCount = 0;
    Eigen::Index rows() const { return rowCount; }
    Eigen::Index cols() const { return colCount; }
};

StageShape stageShape(const Trace &trace, Stage stage, int head)
{
    if (stage >= Stage::Scores && stage <= Stage::Weights) {
        if (head < 0 || head >= trace.headCount())
            return {};
        const auto &scores = trace.heads[std::size_t(head)].storedScores();
        return {scores.rows(), scores.cols()};
    }
    const Matrix matrix = trace.matrix(stage, head);
    return {matrix.rows(), matrix.cols()};
}

} // namespace

QStringList rowLabels(Stage stage, const Scenario &scenario, const Trace &trace, int head)
{
    // The trace may lag behind a scenario that no longer computes; its own
    // shapes decide the labels then.
    const StageShape matrix = stageShape(trace, stage, head);
    const bool fromKeys = stage == Stage::Keys || stage == Stage::Values;
    QStringList labels = names(fromKeys ? scenario.keySequence().tokens : scenario.target.tokens);
    if (labels.size() != matrix.rows())
        labels = indices(matrix.rows());
    return labels;
}

QStringList columnLabels(Stage stage, const Scenario &scenario, const Trace &trace, int head)
{
    const StageShape matrix = stageShape(trace, stage, head);
    QStringList labels;
    if (stage >= Stage::Scores && stage <= Stage::Weights)
        labels = names(scenario.keySequence().tokens);
    if (labels.size() != matrix.cols())
        labels = indices(matrix.cols());
    return labels;
}

} // namespace attn::ui::stage_labels
