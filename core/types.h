#pragma once

#include <Eigen/Dense>

namespace attn {

/// Every matrix of the engine: rows are tokens, columns are features.
using Matrix = Eigen::MatrixXd;
/// A column vector (v_a, v_p, one row of a matrix taken as a vector).
using Vector = Eigen::VectorXd;

} // namespace attn
