#include "scenario.h"

#include <cmath>

namespace attn {

namespace {

/// Equal as values, and NaN equal to NaN: a scenario holding a NaN (one that
/// validate() refuses) must still equal its copy, or "nothing changed" and
/// "modified?" would say otherwise.
bool sameNumber(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

bool sameMatrix(const Matrix &a, const Matrix &b)
{
    if (a.rows() != b.rows() || a.cols() != b.cols())
        return false;
    for (Eigen::Index i = 0; i < a.size(); ++i) {
        if (!sameNumber(a.data()[i], b.data()[i]))
            return false;
    }
    return true;
}

bool sameSequence(const Sequence &a, const Sequence &b)
{
    return a.tokens == b.tokens && sameMatrix(a.embeddings, b.embeddings);
}

} // namespace

bool Scenario::operator==(const Scenario &o) const
{
    const bool sameSource =
        source.has_value() == o.source.has_value() && (!source || sameSequence(*source, *o.source));
    const bool sameOutput = wO.has_value() == o.wO.has_value() && (!wO || sameMatrix(*wO, *o.wO));
    return title == o.title && description == o.description && sameSequence(target, o.target) &&
           sameSource && sameMatrix(wQ, o.wQ) && sameMatrix(wK, o.wK) && sameMatrix(wV, o.wV) &&
           sameOutput && heads == o.heads && score == o.score && sameMatrix(wA, o.wA) &&
           sameMatrix(uA, o.uA) && sameMatrix(vA, o.vA) && scale == o.scale &&
           sameNumber(scaleValue, o.scaleValue) && sameNumber(temperature, o.temperature) && mask == o.mask &&
           padding == o.padding && span == o.span && window == o.window && sameMatrix(wP, o.wP) &&
           sameMatrix(vP, o.vP) && selection == o.selection && seed == o.seed &&
           positional == o.positional;
}

Scenario tutorialScenario()
{
    Scenario scenario;
    scenario.title = "Attention from scratch";
    scenario.description = "Four words, three dimensions, the weights of np.random.seed(42).";
    scenario.target.tokens = {"word_1", "word_2", "word_3", "word_4"};
    scenario.target.embeddings.resize(4, 3);
    // One matrix row per line, as the tutorial writes them.
    // clang-format off
    scenario.target.embeddings << 1, 0, 0,
                                  0, 1, 0,
                                  1, 1, 0,
                                  0, 0, 1;
    scenario.wQ.resize(3, 3);
    scenario.wQ << 2, 0, 2,
                   2, 0, 0,
                   2, 1, 2;
    scenario.wK.resize(3, 3);
    scenario.wK << 2, 2, 2,
                   0, 2, 1,
                   0, 1, 1;
    scenario.wV.resize(3, 3);
    scenario.wV << 1, 1, 0,
                   0, 1, 1,
                   0, 0, 0;
    // clang-format on
    return scenario;
}

} // namespace attn
