#pragma once

#include "trace.h"

#include <vector>

namespace attn {

/// What a "try it" step of a lesson asks the learner to reach, checked against
/// the trace after every edit.
///
/// - ArgMax:  the arg-max of row `row` of M = trace.matrix(stage, head) is `col`
///            (the first maximum on ties, as np.argmax);
/// - Compare: M[row][col] op value, op one of <, ≤, >, ≥;
/// - All:     every goal of `goals` holds (an empty list holds).
///
/// A cell or row outside the matrix never holds: a goal about a fourth word
/// is not met by a scenario with three.
struct Goal
{
    enum class Kind
    {
        ArgMax,
        Compare,
        All,
    };
    enum class Op
    {
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
    };

    Kind kind = Kind::ArgMax;
    Stage stage = Stage::Weights;
    int head = 0;
    int row = 0;
    int col = 0;
    Op op = Op::GreaterOrEqual;
    double value = 0.0;
    std::vector<Goal> goals; ///< for All
};

/// The column of the largest value of row `row` of the stage's matrix (the
/// first on ties; NaN never wins), or −1 if the row does not exist or holds
/// no number.
int rowArgMax(const Trace &trace, Stage stage, int head, int row);

/// Whether the goal holds for this trace.
bool goalMet(const Goal &goal, const Trace &trace);

} // namespace attn
