#pragma once

#include <cstdint>

namespace attn {

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, portable and easy to write again
/// in NumPy, so a sampled choice or a randomised matrix can be reproduced
/// outside the app from its seed alone.
class RandomSource
{
public:
    explicit RandomSource(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next()
    {
        m_state += 0x9E3779B97F4A7C15ULL;
        std::uint64_t z = m_state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    /// Skips `count` draws at once: the state only ever grows by the same step.
    void discard(std::uint64_t count) { m_state += count * 0x9E3779B97F4A7C15ULL; }

    /// Uniform in [0, 1) with 53 random bits: (next() >> 11) · 2⁻⁵³.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    std::uint64_t m_state;
};

} // namespace attn
