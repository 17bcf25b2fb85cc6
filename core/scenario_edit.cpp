#include "scenario_edit.h"

#include "random_source.h"

#include <algorithm>
#include <cmath>

namespace attn::edit {

namespace {

constexpr double pi = 3.14159265358979323846;

int roundUpToMultiple(int value, int factor)
{
    return (value + factor - 1) / factor * factor;
}

Sequence resizedSequence(const Sequence &sequence, int count, const std::string &prefix)
{
    Sequence result;
    const int modelDim = static_cast<int>(sequence.embeddings.cols());
    const int kept = std::min<int>(count, static_cast<int>(sequence.embeddings.rows()));
    result.embeddings = Matrix::Zero(count, modelDim);
    result.embeddings.topRows(kept) = sequence.embeddings.topRows(kept);
    for (int token = kept; token < count && modelDim > 0; ++token)
        result.embeddings(token, token % modelDim) = 1.0;

    result.tokens.assign(
        sequence.tokens.begin(),
        sequence.tokens.begin() +
            std::min<std::size_t>(sequence.tokens.size(), static_cast<std::size_t>(count)));
    while (static_cast<int>(result.tokens.size()) < count)
        result.tokens.push_back(prefix + std::to_string(result.tokens.size() + 1));
    return result;
}

/// Keeps the padding flags in step with the keys: one per key, new keys visible.
void fitPadding(Scenario &scenario)
{
    if (!scenario.padding.empty())
        scenario.padding.resize(static_cast<std::size_t>(scenario.keyCount()), false);
}

/// W_a / U_a / v_a shaped for the score function and the head's key size.
void fitScoreParameters(Scenario &s)
{
    const int headDim = s.keyDim() / std::max(1, s.heads);
    switch (s.score) {
    case ScoreFunction::Dot:
        break;
    case ScoreFunction::General:
        s.wA = resized(s.wA, headDim, headDim, true);
        break;
    case ScoreFunction::Additive: {
        const int attentionDim = s.wA.cols() > 0 ? static_cast<int>(s.wA.cols()) : headDim;
        s.wA = resized(s.wA, headDim, attentionDim, true);
        s.uA = resized(s.uA, headDim, attentionDim, true);
        Matrix vA = s.vA;
        vA = resized(vA, attentionDim, 1, false);
        for (int row = static_cast<int>(s.vA.size()); row < attentionDim; ++row)
            vA(row, 0) = 1.0;
        s.vA = vA.col(0);
        break;
    }
    }
}

void fitPositionParameters(Scenario &s)
{
    if (s.span != SpanKind::LocalP)
        return;
    const int positionDim = s.wP.cols() > 0 ? static_cast<int>(s.wP.cols()) : s.keyDim();
    s.wP = resized(s.wP, s.keyDim(), positionDim, true);
    Matrix vP = s.vP;
    vP = resized(vP, positionDim, 1, false);
    for (int row = static_cast<int>(s.vP.size()); row < positionDim; ++row)
        vP(row, 0) = 1.0;
    s.vP = vP.col(0);
    s.window = std::max(1, s.window);
}

double draw(RandomSource &random, Distribution distribution)
{
    if (distribution == Distribution::Integers)
        return static_cast<double>(random.next() % 3);
    // Box–Muller: two uniforms give one standard normal number.
    const double u1 = 1.0 - random.uniform(); // (0, 1], so the log is finite
    const double u2 = random.uniform();
    const double normal = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * pi * u2);
    return std::round(normal * 100.0) / 100.0;
}

void fill(Matrix &matrix, RandomSource &random, Distribution distribution)
{
    // Row by row, as NumPy fills a C-ordered array.
    for (Eigen::Index row = 0; row < matrix.rows(); ++row) {
        for (Eigen::Index col = 0; col < matrix.cols(); ++col)
            matrix(row, col) = draw(random, distribution);
    }
}

} // namespace

Matrix resized(const Matrix &matrix, int rows, int cols, bool identity)
{
    Matrix result = Matrix::Zero(rows, cols);
    const Eigen::Index keptRows = std::min<Eigen::Index>(rows, matrix.rows());
    const Eigen::Index keptCols = std::min<Eigen::Index>(cols, matrix.cols());
    result.topLeftCorner(keptRows, keptCols) = matrix.topLeftCorner(keptRows, keptCols);
    if (identity) {
        for (int index = 0; index < std::min(rows, cols); ++index) {
            if (index >= keptRows || index >= keptCols)
                result(index, index) = 1.0;
        }
    }
    return result;
}

Scenario withTokenCount(const Scenario &scenario, Side side, int count)
{
    Scenario s = scenario;
    count = std::clamp(count, 1, maxTokens);
    if (side == Side::Source) {
        if (!s.source)
            return s; // no source sequence to resize
        s.source = resizedSequence(*s.source, count, "source_");
    } else {
        s.target = resizedSequence(s.target, count, "word_");
    }
    fitPadding(s);
    return s;
}

Scenario withModelDim(const Scenario &scenario, int modelDim)
{
    Scenario s = scenario;
    modelDim = std::clamp(modelDim, 1, maxDimension);
    s.target.embeddings = resized(s.target.embeddings, s.queryCount(), modelDim, false);
    if (s.source)
        s.source->embeddings = resized(s.source->embeddings, s.keyCount(), modelDim, false);
    s.wQ = resized(s.wQ, modelDim, static_cast<int>(s.wQ.cols()), true);
    s.wK = resized(s.wK, modelDim, static_cast<int>(s.wK.cols()), true);
    s.wV = resized(s.wV, modelDim, static_cast<int>(s.wV.cols()), true);
    return s;
}

Scenario withKeyDim(const Scenario &scenario, int keyDim)
{
    Scenario s = scenario;
    const int heads = std::max(1, s.heads);
    keyDim = std::clamp(roundUpToMultiple(std::max(1, keyDim), heads), heads, maxDimension);
    s.wQ = resized(s.wQ, s.modelDim(), keyDim, true);
    s.wK = resized(s.wK, s.modelDim(), keyDim, true);
    fitScoreParameters(s);
    if (s.span == SpanKind::LocalP)
        s.wP = resized(s.wP, keyDim, static_cast<int>(s.wP.cols()), true);
    return s;
}

Scenario withValueDim(const Scenario &scenario, int valueDim)
{
    Scenario s = scenario;
    const int heads = std::max(1, s.heads);
    valueDim = std::clamp(roundUpToMultiple(std::max(1, valueDim), heads), heads, maxDimension);
    s.wV = resized(s.wV, s.modelDim(), valueDim, true);
    if (s.wO)
        s.wO = resized(*s.wO, valueDim, static_cast<int>(s.wO->cols()), true);
    return s;
}

Scenario withHeads(const Scenario &scenario, int heads)
{
    Scenario s = scenario;
    s.heads = std::clamp(heads, 1, maxDimension);
    if (s.keyDim() % s.heads != 0)
        s = withKeyDim(s, roundUpToMultiple(s.keyDim(), s.heads));
    if (s.valueDim() % s.heads != 0)
        s = withValueDim(s, roundUpToMultiple(s.valueDim(), s.heads));
    fitScoreParameters(s);
    return s;
}

Scenario withScore(const Scenario &scenario, ScoreFunction score)
{
    Scenario s = scenario;
    s.score = score;
    fitScoreParameters(s);
    return s;
}

Scenario withSpan(const Scenario &scenario, SpanKind span)
{
    Scenario s = scenario;
    s.span = span;
    fitPositionParameters(s);
    return s;
}

Scenario withOutputProjection(const Scenario &scenario, bool enabled)
{
    Scenario s = scenario;
    if (!enabled)
        s.wO.reset();
    else if (!s.wO)
        s.wO = Matrix::Identity(s.valueDim(), s.valueDim());
    return s;
}

Scenario withCrossAttention(const Scenario &scenario, bool enabled)
{
    Scenario s = scenario;
    if (!enabled) {
        s.source.reset();
    } else if (!s.source) {
        Sequence source = s.target;
        for (std::size_t token = 0; token < source.tokens.size(); ++token)
            source.tokens[token] = "source_" + std::to_string(token + 1);
        s.source = source;
    }
    fitPadding(s);
    return s;
}

Scenario randomised(const Scenario &scenario, std::uint64_t seed, Distribution distribution)
{
    Scenario s = scenario;
    RandomSource random(seed);
    fill(s.wQ, random, distribution);
    fill(s.wK, random, distribution);
    fill(s.wV, random, distribution);
    if (s.wO)
        fill(*s.wO, random, distribution);
    if (s.score != ScoreFunction::Dot) {
        fill(s.wA, random, distribution);
        if (s.score == ScoreFunction::Additive) {
            fill(s.uA, random, distribution);
            Matrix vA = s.vA;
            fill(vA, random, distribution);
            s.vA = vA.col(0);
        }
    }
    if (s.span == SpanKind::LocalP) {
        fill(s.wP, random, distribution);
        Matrix vP = s.vP;
        fill(vP, random, distribution);
        s.vP = vP.col(0);
    }
    return s;
}

} // namespace attn::edit
