#pragma once

#include "types.h"

#include <cstdint>
#include <vector>

namespace attn {

/// The stages of the pipeline, in the order the lesson reveals them.
enum class Stage
{
    Embeddings, ///< X (+ positional encoding)
    Queries,    ///< Q = X W_Q (per head: the head's columns)
    Keys,       ///< K = X_s W_K
    Values,     ///< V = X_s W_V
    Scores,     ///< score(q_i, k_j)
    Scaled,     ///< scores / (s · τ)
    Masked,     ///< scaled with −∞ where a key is hidden
    Weights,    ///< softmax row by row, then the selection (soft, hard, sampled)
    Output,     ///< weights · V_h, one per head
    Concat,     ///< the head outputs side by side
    Projected,  ///< concat · W_O
};

inline constexpr int stageCount = static_cast<int>(Stage::Projected) + 1;

/// Why a score was replaced by −∞ before the softmax.
enum class MaskReason : std::uint8_t
{
    Visible = 0,   ///< not masked
    Causal,        ///< the key comes after the query
    Padding,       ///< the key is padding
    OutsideWindow, ///< the key lies outside the local window
};

using MaskMatrix = Eigen::Array<MaskReason, Eigen::Dynamic, Eigen::Dynamic>;

/// Everything one head computed, n queries × m keys.
struct HeadTrace
{
    Matrix queries; ///< n × d_h, this head's columns of Q
    Matrix keys;    ///< m × d_h
    Matrix values;  ///< m × d_vh

    Matrix scores;      ///< raw score(q_i, k_j)
    Matrix scaled;      ///< scores / (s · τ)
    Matrix masked;      ///< scaled, −∞ where masked
    Matrix softWeights; ///< the softmax (times the Gaussian for local-p); masked cells exactly 0
    Matrix weights;     ///< after the selection; equal to softWeights for soft attention
    Matrix output;      ///< weights · values, n × d_vh

    std::vector<int> sampledKeys; ///< hard / sampled: the chosen key per query (−1: none)
};

/// Every intermediate matrix of one computation, so views never compute.
struct Trace
{
    Matrix embeddings;         ///< X as given, n × d_model
    Matrix positionalEncoding; ///< PE for the target (zeros-sized when off)
    Matrix input;              ///< X + PE, what the projections see

    Matrix sourceEmbeddings;         ///< X_s as given (cross-attention), else empty
    Matrix sourcePositionalEncoding; ///< PE for the source, else empty
    Matrix sourceInput;              ///< X_s + PE, else empty

    Matrix queries; ///< Q = input W_Q, n × d_k
    Matrix keys;    ///< K = sourceInput W_K (or input W_K), m × d_k
    Matrix values;  ///< V, m × d_v

    MaskMatrix mask;         ///< n × m, why each cell is hidden (same for every head)
    Vector alignedPositions; ///< p_t per query for local-m and local-p, else empty

    double scaleDivisor = 1.0; ///< s: √d_h, 1 or the given number
    double temperature = 1.0;  ///< τ
    int headDim = 0;           ///< d_h = d_k / h
    int headValueDim = 0;      ///< d_vh = d_v / h

    std::vector<HeadTrace> heads;

    Matrix concat;          ///< [output_1 … output_h], n × d_v
    bool projected = false; ///< whether W_O was applied
    Matrix output;          ///< concat W_O, or concat itself without W_O

    /// Queries whose every key is masked: their weights are all 0 and their
    /// output is the zero vector (nothing to attend to).
    std::vector<int> fullyMaskedRows;
    /// False for local-p, whose Gaussian factor leaves rows summing below 1.
    bool rowsSumToOne = true;

    int queryCount() const { return static_cast<int>(queries.rows()); }
    int keyCount() const { return static_cast<int>(keys.rows()); }
    int headCount() const { return static_cast<int>(heads.size()); }

    /// The matrix a stage shows; per-head stages take `head`.
    const Matrix &matrix(Stage stage, int head = 0) const;
};

} // namespace attn
