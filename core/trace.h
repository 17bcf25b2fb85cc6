#pragma once

#include "types.h"

#include <cstddef>
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

/// Row by row (a query's keys side by side), as the softmax reads it.
using MaskMatrix = Eigen::Array<MaskReason, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
/// A matrix stored row by row: the engine's n × m score matrices.
using RowMajorMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// Everything one head computed, n queries × m keys.
///
/// Of the n × m stages only the scores are stored; the others are exact
/// functions of them, cell by cell, and come from the Trace's accessors
/// (Trace::scaled(), masked(), softWeights(), weights()), which run the very
/// kernels compute() ran, so they give the same bits. One n × m matrix per
/// head instead of five: a fifth of the memory at 1024 tokens.
class HeadTrace
{
public:
    Matrix queries; ///< n × d_h, this head's columns of Q
    Matrix keys;    ///< m × d_h
    Matrix values;  ///< m × d_vh
    Matrix output;  ///< weights · values, n × d_vh

    std::vector<int> sampledKeys; ///< hard / sampled: the chosen key per query (−1: none)

    /// score(q_i, k_j), n × m, row by row (read it through Trace::scores()).
    const RowMajorMatrix &storedScores() const { return m_scores; }

    /// Bytes this head keeps (its matrices and chosen keys).
    std::size_t storedBytes() const;

private:
    friend class HeadComputation;
    RowMajorMatrix m_scores;
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
    bool anyMasked = false;  ///< whether the mask hides any cell
    Vector alignedPositions; ///< p_t per query for local-m and local-p, else empty

    double scaleDivisor = 1.0; ///< s: √d_h, 1 or the given number
    double temperature = 1.0;  ///< τ
    /// 1 / (s · τ): scaled = scores · this (one rounding, like the division).
    double reciprocalDivisor = 1.0;
    /// σ = D/2 of local-p's Gaussian exp(−(j − p_t)² / (2σ²)); 0 without it.
    double gaussianWidth = 0.0;
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

    /// The matrix a stage shows; per-head stages take `head` (empty if out of range).
    Matrix matrix(Stage stage, int head = 0) const;
    /// One row of it (empty if the row or head is out of range).
    Eigen::RowVectorXd matrixRow(Stage stage, int head, int row) const;

    // Each stage of head h, n × m. Only the scores are stored; the rest is
    // computed from them here, in core, with the kernels compute() used.

    /// score(q_i, k_j)
    Matrix scores(int head) const;
    /// scores / (s · τ)
    Matrix scaled(int head) const;
    /// scaled, −∞ where the mask hides a key
    Matrix masked(int head) const;
    /// softmax of each row of masked (times the Gaussian for local-p); hidden keys exactly 0
    Matrix softWeights(int head) const;
    /// after the selection: softWeights for soft attention, one-hot for hard and sampled
    Matrix weights(int head) const;

    /// Bytes the trace keeps in all (every matrix, mask and list).
    std::size_t storedBytes() const;
};

} // namespace attn
