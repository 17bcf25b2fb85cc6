#pragma once

// The large scenario of the benchmarks and of tst_large_scenario: N tokens,
// d_model 64, d_k = d_v = 64, 8 heads, W_O 64 × 64, filled with the engine's
// SplitMix64 numbers exactly as tests/reference/bench_numpy.py builds them.

#include "random_source.h"
#include "scenario.h"

#include <cstdint>
#include <string>

namespace testsupport {

/// rows × cols uniform in [−scale, scale), filled row by row.
inline attn::Matrix pseudoRandom(int rows, int cols, std::uint64_t seed, double scale)
{
    attn::RandomSource generator(seed);
    attn::Matrix matrix(rows, cols);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            matrix(r, c) = scale * (2.0 * generator.uniform() - 1.0);
    return matrix;
}

inline attn::Scenario largeScenario(int tokens)
{
    constexpr int modelDim = 64;
    attn::Scenario scenario;
    scenario.target.embeddings = pseudoRandom(tokens, modelDim, 1, 1.0);
    for (int i = 0; i < tokens; ++i)
        scenario.target.tokens.push_back("w" + std::to_string(i + 1));
    // Weights scaled by 1/√d_model = 1/8 keep the scores in a sensible range.
    scenario.wQ = pseudoRandom(modelDim, 64, 2, 0.125);
    scenario.wK = pseudoRandom(modelDim, 64, 3, 0.125);
    scenario.wV = pseudoRandom(modelDim, 64, 4, 0.125);
    scenario.wO = pseudoRandom(64, 64, 5, 0.125);
    scenario.heads = 8;
    return scenario;
}

} // namespace testsupport
