#pragma once

#include "scenario.h"

#include <optional>

namespace attn {

/// The editable matrices of a scenario, named for the editors and the undo
/// commands. Vectors (v_a, v_p) are shown and edited as one row.
enum class MatrixId
{
    Embeddings,        ///< X, the target words
    SourceEmbeddings,  ///< X_s, the source words (cross-attention)
    QueryWeights,      ///< W_Q
    KeyWeights,        ///< W_K
    ValueWeights,      ///< W_V
    OutputWeights,     ///< W_O
    ScoreQueryWeights, ///< W_a (general, additive)
    ScoreKeyWeights,   ///< U_a (additive)
    ScoreVector,       ///< v_a (additive)
    PositionWeights,   ///< W_p (local-p)
    PositionVector,    ///< v_p (local-p)
};

inline constexpr int matrixIdCount = static_cast<int>(MatrixId::PositionVector) + 1;

/// Whether the scenario uses this matrix with its current options.
bool hasMatrix(const Scenario &scenario, MatrixId id);

/// The matrix as the editors show it (a vector as a 1 × n row); empty if unused.
Matrix matrixOf(const Scenario &scenario, MatrixId id);

/// Writes `block` with its top-left corner at (row, col), clipped to the matrix.
/// Returns false (and changes nothing) if the matrix is unused or the corner
/// lies outside it.
bool setBlock(Scenario &scenario, MatrixId id, int row, int col, const Matrix &block);

/// The short name learners read: "X", "W_Q", "v_a"…
const char *matrixSymbol(MatrixId id);

} // namespace attn
