#pragma once

#include "scenario.h"

#include <cstdint>

namespace attn {

/// Edits of a scenario's shape and options that keep it computable.
///
/// Each function returns a new scenario; what still fits is kept, and new
/// cells get values that teach well: a new word's embedding is the one-hot
/// vector e_(k mod d_model), a new row or column of a weight matrix continues
/// the identity (1 on the diagonal, 0 elsewhere), so a new dimension passes its
/// feature through instead of vanishing.
namespace edit {

/// Which sequence an edit of tokens applies to.
enum class Side
{
    Target,
    Source
};

/// Grows or shrinks a sequence to `count` tokens (at least 1). New tokens are
/// named "word_<k>" (target) or "source_<k>" (source), 1-based. Without a
/// source sequence, an edit of the source changes nothing.
Scenario withTokenCount(const Scenario &scenario, Side side, int count);

/// Changes d_model: the embeddings' columns and the rows of W_Q, W_K, W_V.
Scenario withModelDim(const Scenario &scenario, int modelDim);

/// Changes d_k: the columns of W_Q and W_K, and the matrices sized by the
/// head's key dimension (W_a, U_a) or by d_k (W_p). d_k is raised to the next
/// multiple of the number of heads, so the heads still split it evenly.
Scenario withKeyDim(const Scenario &scenario, int keyDim);

/// Changes d_v: the columns of W_V and the rows of W_O, raised to the next
/// multiple of the number of heads.
Scenario withValueDim(const Scenario &scenario, int valueDim);

/// Sets the number of heads; d_k and d_v grow to the next multiple of
/// `heads` when they do not split evenly.
Scenario withHeads(const Scenario &scenario, int heads);

/// Chooses the score function and gives W_a, U_a, v_a the shapes it needs.
Scenario withScore(const Scenario &scenario, ScoreFunction score);

/// Chooses the span; local-p gets W_p (d_k × d_k) and v_p if they are missing.
Scenario withSpan(const Scenario &scenario, SpanKind span);

/// Adds (the identity, d_v × d_v) or removes the output projection W_O.
Scenario withOutputProjection(const Scenario &scenario, bool enabled);

/// Turns cross-attention on (the source starts as a copy of the target
/// sequence, its words renamed) or off. Padding flags follow the key count.
Scenario withCrossAttention(const Scenario &scenario, bool enabled);

/// How Randomise draws new weights.
enum class Distribution
{
    Integers, ///< uniform integers 0, 1, 2, as np.random.randint(3)
    Gaussian, ///< N(0, 1) rounded to two decimals
};

/// New W_Q, W_K, W_V (and W_O, W_a, U_a, v_a, W_p, v_p where present), drawn
/// from `seed` with the same portable generator as sampled attention, so the
/// same seed gives the same weights on every machine.
Scenario randomised(const Scenario &scenario, std::uint64_t seed, Distribution distribution);

/// A matrix resized to rows × cols keeping the overlap; new cells continue the
/// identity when `identity` is true, else they are 0.
Matrix resized(const Matrix &matrix, int rows, int cols, bool identity);

} // namespace edit
} // namespace attn
