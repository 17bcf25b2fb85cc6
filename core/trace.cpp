#include "trace.h"

#include "head_computation.h"

#include <limits>

namespace attn {

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();

bool isPerHead(Stage stage)
{
    return stage >= Stage::Scores && stage <= Stage::Output;
}

template <typename Storage> std::size_t bytesOf(const Storage &storage)
{
    return static_cast<std::size_t>(storage.size()) * sizeof(typename Storage::Scalar);
}

/// Row `row` of a per-head n × m stage, into `out` (m values).
void headStageRow(const Trace &trace, Stage stage, int head, int row, double *out)
{
    const HeadTrace &h = trace.heads[std::size_t(head)];
    const RowMajorMatrix &scores = h.storedScores();
    const Eigen::Index keyCount = scores.cols();
    const double *scoreRow = scores.data() + row * keyCount;
    switch (stage) {
    case Stage::Scores:
        std::copy(scoreRow, scoreRow + keyCount, out);
        return;
    case Stage::Scaled:
    case Stage::Masked:
        for (Eigen::Index key = 0; key < keyCount; ++key) {
            const bool hidden =
                stage == Stage::Masked && trace.mask(row, key) != MaskReason::Visible;
            out[key] = hidden ? -infinity : scoreRow[key] * trace.reciprocalDivisor;
        }
        return;
    case Stage::Weights:
        if (!h.sampledKeys.empty()) {
            std::fill(out, out + keyCount, 0.0);
            const int chosen = h.sampledKeys[std::size_t(row)];
            if (chosen >= 0)
                out[chosen] = 1.0;
            return;
        }
        HeadComputation::softWeightsRow(trace, scores, row, out);
        return;
    default:
        return;
    }
}

/// A per-head n × m stage, all of it.
Matrix headStage(const Trace &trace, Stage stage, int head)
{
    if (head < 0 || head >= trace.headCount())
        return {};
    const RowMajorMatrix &scores = trace.heads[std::size_t(head)].storedScores();
    RowMajorMatrix result(scores.rows(), scores.cols());
    for (Eigen::Index row = 0; row < scores.rows(); ++row)
        headStageRow(trace, stage, head, int(row), result.data() + row * scores.cols());
    return result;
}

} // namespace

std::size_t HeadTrace::storedBytes() const
{
    return bytesOf(queries) + bytesOf(keys) + bytesOf(values) + bytesOf(output) +
           bytesOf(m_scores) + sampledKeys.size() * sizeof(int);
}

Matrix Trace::scores(int head) const
{
    return headStage(*this, Stage::Scores, head);
}

Matrix Trace::scaled(int head) const
{
    return headStage(*this, Stage::Scaled, head);
}

Matrix Trace::masked(int head) const
{
    return headStage(*this, Stage::Masked, head);
}

Matrix Trace::weights(int head) const
{
    return headStage(*this, Stage::Weights, head);
}

Matrix Trace::softWeights(int head) const
{
    if (head < 0 || head >= headCount())
        return {};
    const RowMajorMatrix &scores = heads[std::size_t(head)].storedScores();
    RowMajorMatrix result(scores.rows(), scores.cols());
    for (Eigen::Index row = 0; row < scores.rows(); ++row)
        HeadComputation::softWeightsRow(*this, scores, int(row),
                                        result.data() + row * scores.cols());
    return result;
}

Matrix Trace::matrix(Stage stage, int head) const
{
    if (isPerHead(stage) && (head < 0 || head >= headCount()))
        return {};

    switch (stage) {
    case Stage::Embeddings:
        return input;
    case Stage::Queries:
        return queries;
    case Stage::Keys:
        return keys;
    case Stage::Values:
        return values;
    case Stage::Scores:
    case Stage::Scaled:
    case Stage::Masked:
    case Stage::Weights:
        return headStage(*this, stage, head);
    case Stage::Output:
        return heads[std::size_t(head)].output;
    case Stage::Concat:
        return concat;
    case Stage::Projected:
        return output;
    }
    return {};
}

Eigen::RowVectorXd Trace::matrixRow(Stage stage, int head, int row) const
{
    if (isPerHead(stage) && (head < 0 || head >= headCount()))
        return {};
    if (stage >= Stage::Scores && stage <= Stage::Weights) {
        const RowMajorMatrix &scores = heads[std::size_t(head)].storedScores();
        if (row < 0 || row >= scores.rows())
            return {};
        Eigen::RowVectorXd result(scores.cols());
        headStageRow(*this, stage, head, row, result.data());
        return result;
    }
    const Matrix whole = matrix(stage, head);
    if (row < 0 || row >= whole.rows())
        return {};
    return whole.row(row);
}

std::size_t Trace::storedBytes() const
{
    std::size_t bytes = bytesOf(embeddings) + bytesOf(positionalEncoding) + bytesOf(input) +
                        bytesOf(sourceEmbeddings) + bytesOf(sourcePositionalEncoding) +
                        bytesOf(sourceInput) + bytesOf(queries) + bytesOf(keys) + bytesOf(values) +
                        bytesOf(mask) + bytesOf(alignedPositions) + bytesOf(concat) +
                        bytesOf(output) + fullyMaskedRows.size() * sizeof(int);
    for (const HeadTrace &head : heads)
        bytes += head.storedBytes();
    return bytes;
}

} // namespace attn
