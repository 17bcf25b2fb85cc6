#include "lesson_goal.h"

#include <cmath>

namespace attn {

int rowArgMax(const Trace &trace, Stage stage, int head, int row)
{
    const Matrix &matrix = trace.matrix(stage, head);
    if (row < 0 || row >= matrix.rows())
        return -1;
    int best = -1;
    for (int col = 0; col < matrix.cols(); ++col) {
        const double value = matrix(row, col);
        if (std::isnan(value))
            continue;
        // Strictly greater: the first of equal values wins, as np.argmax.
        if (best < 0 || value > matrix(row, best))
            best = col;
    }
    return best;
}

bool goalMet(const Goal &goal, const Trace &trace)
{
    switch (goal.kind) {
    case Goal::Kind::ArgMax:
        return goal.col >= 0 && rowArgMax(trace, goal.stage, goal.head, goal.row) == goal.col;
    case Goal::Kind::Compare: {
        const Matrix &matrix = trace.matrix(goal.stage, goal.head);
        if (goal.row < 0 || goal.col < 0 || goal.row >= matrix.rows() || goal.col >= matrix.cols())
            return false;
        const double value = matrix(goal.row, goal.col);
        switch (goal.op) {
        case Goal::Op::Less:
            return value < goal.value;
        case Goal::Op::LessOrEqual:
            return value <= goal.value;
        case Goal::Op::Greater:
            return value > goal.value;
        case Goal::Op::GreaterOrEqual:
            return value >= goal.value;
        }
        return false;
    }
    case Goal::Kind::All:
        for (const Goal &part : goal.goals) {
            if (!goalMet(part, trace))
                return false;
        }
        return true;
    }
    return false;
}

} // namespace attn
