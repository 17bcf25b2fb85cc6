#pragma once

// The engine's inner loops over one row of scores, chosen at run time for the
// processor's widest vectors. Plain pointers and counts only: this header and
// its source use no Eigen, so no template is compiled twice with different
// instruction sets (the linker could keep the AVX copy for every caller).

#include <cstddef>
#include <cstdint>

namespace attn::kernels {

/// The vector instructions a kernel uses. Baseline is SSE2, which every
/// x86-64 processor has (two doubles a vector); Avx2 adds FMA (four);
/// Avx512 is AVX-512F/DQ (eight). Elsewhere Baseline is plain C++.
enum class InstructionSet
{
    Baseline,
    Avx2,
    Avx512,
};

/// Whether this processor (and its operating system) runs `set`.
bool supported(InstructionSet set);

/// The set the kernels use: the widest supported one, unless a test chose another.
InstructionSet activeInstructionSet();

/// Makes the kernels use `set` from now on (tests compare the paths); false,
/// and nothing changes, if the processor does not run it.
bool useInstructionSet(InstructionSet set);

/// out[i] = eˣ for x = in[i], within two units in the last place of the
/// correctly rounded value; e⁻∞ = 0 exactly and results below the smallest
/// double are 0. `in` and `out` may be the same array.
///
/// x = k·ln 2 + r with |r| ≤ ln 2 / 2 (Cody and Waite), eʳ by its Taylor
/// series to r¹³ (the first term left out is below 2⁻⁵⁸), then times 2ᵏ in
/// two steps so that gradual underflow comes out right.
void exponential(const double *in, double *out, std::size_t count);

/// One row of the softmax, fused: with x_j = scores[j] · reciprocal,
///
///     weights[j] = exp(x_j − max_k x_k) / Σ_k exp(x_k − max_k x_k)
///
/// over the keys j with hidden[j] == 0; a hidden key gets exactly 0 (hidden
/// may be null: nothing hidden). Scores that overflowed are clamped first
/// (NaN and −∞ to −DBL_MAX, +∞ to DBL_MAX) so the weights stay finite.
/// Returns false, with a row of zeros, when every key is hidden.
bool softmaxRow(const double *scores, const std::uint8_t *hidden, std::size_t count,
                double reciprocal, double *weights);

} // namespace attn::kernels
