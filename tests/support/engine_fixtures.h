#pragma once

// Inputs shared by several engine test suites. Their expected results come
// from tests/reference/engine_reference.py, which builds the same matrices.

#include "matrix_compare.h"

#include <cstdint>

namespace fixtures {

using testsupport::matrixOf;
using testsupport::vectorOf;

/// Deterministic inputs in [−1, 1) for property checks (any numbers do).
inline attn::Matrix pseudoRandom(int rows, int cols, std::uint64_t seed)
{
    attn::Matrix matrix(rows, cols);
    std::uint64_t state = seed;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            state = state * 6364136223846793005ull + 1442695040888963407ull;
            matrix(r, c) = double(state >> 11) * 0x1.0p-52 - 1.0;
        }
    }
    return matrix;
}

/// Cross-attention: 3 target words over 4 source words.
namespace cross {
// d_model 3, d_k = d_v = 2.
// clang-format off
inline const attn::Matrix targetEmbeddings = matrixOf({
    {0.5, -1.0, 0.25},
    {1.5, 0.75, -0.5},
    {-0.25, 0.5, 1.0}});
inline const attn::Matrix sourceEmbeddings = matrixOf({
    {1.0, 0.2, -0.4},
    {0.3, -0.7, 0.9},
    {-1.1, 0.6, 0.5},
    {0.8, 0.8, -0.2}});
inline const attn::Matrix queryWeights = matrixOf({
    {0.6, -0.3},
    {0.2, 0.9},
    {-0.5, 0.4}});
inline const attn::Matrix keyWeights = matrixOf({
    {0.7, 0.1},
    {-0.4, 0.5},
    {0.3, -0.8}});
inline const attn::Matrix valueWeights = matrixOf({
    {1.2, -0.6},
    {0.4, 0.3},
    {-0.9, 0.7}});
// clang-format on
} // namespace cross

/// Local spans: 6 words, W_p and v_p for local-p.
namespace local {
// 6 words, d_model 4, d_k 4, d_v 2; W_p 4×3, v_p of length 3.
// clang-format off
inline const attn::Matrix embeddings = matrixOf({
    {0.6, -0.2, 0.1, 0.9},
    {-0.4, 0.7, 0.3, -0.1},
    {0.2, 0.2, -0.8, 0.5},
    {0.9, -0.6, 0.4, 0.0},
    {-0.3, -0.5, 0.6, 0.7},
    {0.1, 0.8, -0.2, -0.6}});
inline const attn::Matrix queryWeights = matrixOf({
    {0.5, -0.4, 0.3, 0.8},
    {0.7, 0.2, -0.6, 0.1},
    {-0.3, 0.9, 0.4, -0.2},
    {0.6, -0.1, 0.5, 0.3}});
inline const attn::Matrix keyWeights = matrixOf({
    {0.4, 0.3, -0.5, 0.2},
    {-0.2, 0.8, 0.1, 0.6},
    {0.9, -0.4, 0.3, -0.7},
    {0.1, 0.5, 0.6, 0.2}});
inline const attn::Matrix valueWeights = matrixOf({
    {1.0, 0.5},
    {-0.5, 1.5},
    {0.25, -1.0},
    {2.0, 0.75}});
inline const attn::Matrix positionWeights = matrixOf({
    {1.2, -0.7, 0.4},
    {-0.9, 1.1, 0.6},
    {0.8, 0.3, -1.3},
    {-0.5, 0.9, 1.0}});
// clang-format on
inline const attn::Vector positionVector = vectorOf({1.5, -1.2, 0.8});

} // namespace local

} // namespace fixtures
