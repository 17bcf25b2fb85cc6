#include "row_softmax.h"

#include <atomic>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define ATTN_X86_KERNELS 1
#include <immintrin.h>
#endif

// Every function here has internal linkage and takes plain pointers: the
// AVX2 and AVX-512 ones are compiled for their instruction set through
// target attributes, and none of them is an inline function or template that
// another translation unit could share.

namespace attn::kernels {

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr double largest = DBL_MAX;

// exp(x) = 2ᵏ · eʳ, k = round(x / ln 2), r = x − k·ln 2 (Cody–Waite: ln 2 in
// two parts, the first with 32 significant bits, so k·ln2Hi is exact).
constexpr double log2e = 1.4426950408889634074;
constexpr double ln2Hi = 6.93147180369123816490e-01;
constexpr double ln2Lo = 1.90821492927058770002e-10;
// Adding 1.5·2⁵² rounds to a whole number and leaves it in the low bits.
constexpr double shifter = 0x1.8p52;
constexpr std::int64_t shifterBits = 0x4338000000000000LL;
// Below −746 the result is below half the smallest subnormal: 0. Above 710
// it is above DBL_MAX: ∞ (2⁵¹² · 2⁵¹² overflows on its own).
constexpr double lowestExponent = -746.0;
constexpr double highestExponent = 710.0;

// Taylor coefficients 1/n!, n = 2 … 13.
constexpr double c2 = 1.0 / 2.0;
constexpr double c3 = 1.0 / 6.0;
constexpr double c4 = 1.0 / 24.0;
constexpr double c5 = 1.0 / 120.0;
constexpr double c6 = 1.0 / 720.0;
constexpr double c7 = 1.0 / 5040.0;
constexpr double c8 = 1.0 / 40320.0;
constexpr double c9 = 1.0 / 362880.0;
constexpr double c10 = 1.0 / 3628800.0;
constexpr double c11 = 1.0 / 39916800.0;
constexpr double c12 = 1.0 / 479001600.0;
constexpr double c13 = 1.0 / 6227020800.0;
/// The coefficients Horner's rule adds after starting from c13.
constexpr double hornerSteps[] = {c12, c11, c10, c9, c8, c7, c6, c5, c4, c3, c2, 1.0, 1.0};

// ---- plain C++: the tails of rows, and the whole path off x86-64 ----

double powerOfTwo(double wholeNumber)
{
    const std::int64_t bits = (static_cast<std::int64_t>(wholeNumber) + 1023) << 52;
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

double scalarExp(double x)
{
    if (std::isnan(x))
        return x;
    x = x < lowestExponent ? lowestExponent : (x > highestExponent ? highestExponent : x);
    const double k = (x * log2e + shifter) - shifter;
    const double r = (x - k * ln2Hi) - k * ln2Lo;
    double p = c13;
    for (const double c : hornerSteps)
        p = p * r + c;
    const double half = (k * 0.5 + shifter) - shifter;
    return p * powerOfTwo(half) * powerOfTwo(k - half);
}

double clampedLogit(double score, double reciprocal)
{
    const double x = score * reciprocal;
    if (!(x >= -largest)) // NaN and −∞
        return -largest;
    return x > largest ? largest : x;
}

void scalarLogits(const double *scores, std::size_t count, double reciprocal, double *out)
{
    for (std::size_t j = 0; j < count; ++j)
        out[j] = clampedLogit(scores[j], reciprocal);
}

double scalarMaximum(const double *values, std::size_t count)
{
    double best = -infinity;
    for (std::size_t j = 0; j < count; ++j)
        best = values[j] > best ? values[j] : best;
    return best;
}

double scalarExpShiftSum(double *values, std::size_t count, double shift)
{
    double sum = 0.0;
    for (std::size_t j = 0; j < count; ++j) {
        values[j] = scalarExp(values[j] - shift);
        sum += values[j];
    }
    return sum;
}

void scalarScale(double *values, std::size_t count, double factor)
{
    for (std::size_t j = 0; j < count; ++j)
        values[j] *= factor;
}

void scalarExponential(const double *in, double *out, std::size_t count)
{
    for (std::size_t j = 0; j < count; ++j)
        out[j] = scalarExp(in[j]);
}

/// One implementation of each pass of the row softmax.
struct RowKernels
{
    void (*logits)(const double *, std::size_t, double, double *);
    double (*maximum)(const double *, std::size_t);
    double (*expShiftSum)(double *, std::size_t, double);
    void (*scale)(double *, std::size_t, double);
    void (*exponential)(const double *, double *, std::size_t);
};

constexpr RowKernels scalarKernels{scalarLogits, scalarMaximum, scalarExpShiftSum, scalarScale,
                                   scalarExponential};

#ifdef ATTN_X86_KERNELS

// ---- SSE2, two doubles: every x86-64 processor ----

__m128d exp2Lanes(__m128d x)
{
    x = _mm_min_pd(_mm_set1_pd(highestExponent), _mm_max_pd(_mm_set1_pd(lowestExponent), x));
    const __m128d shift = _mm_set1_pd(shifter);
    const __m128d k = _mm_sub_pd(_mm_add_pd(_mm_mul_pd(x, _mm_set1_pd(log2e)), shift), shift);
    __m128d r = _mm_sub_pd(x, _mm_mul_pd(k, _mm_set1_pd(ln2Hi)));
    r = _mm_sub_pd(r, _mm_mul_pd(k, _mm_set1_pd(ln2Lo)));
    __m128d p = _mm_set1_pd(c13);
    for (const double c : hornerSteps)
        p = _mm_add_pd(_mm_mul_pd(p, r), _mm_set1_pd(c));
    const __m128d half = _mm_add_pd(_mm_mul_pd(k, _mm_set1_pd(0.5)), shift);
    const __m128d rest = _mm_add_pd(_mm_sub_pd(k, _mm_sub_pd(half, shift)), shift);
    const __m128i bias = _mm_set1_epi64x(1023 - shifterBits);
    const __m128i first = _mm_slli_epi64(_mm_add_epi64(_mm_castpd_si128(half), bias), 52);
    const __m128i second = _mm_slli_epi64(_mm_add_epi64(_mm_castpd_si128(rest), bias), 52);
    return _mm_mul_pd(_mm_mul_pd(p, _mm_castsi128_pd(first)), _mm_castsi128_pd(second));
}

void sse2Logits(const double *scores, std::size_t count, double reciprocal, double *out)
{
    const __m128d factor = _mm_set1_pd(reciprocal);
    const __m128d low = _mm_set1_pd(-largest);
    const __m128d high = _mm_set1_pd(largest);
    std::size_t j = 0;
    for (; j + 2 <= count; j += 2) {
        // max(x, low) gives low for NaN: the second operand wins.
        const __m128d x = _mm_max_pd(_mm_mul_pd(_mm_loadu_pd(scores + j), factor), low);
        _mm_storeu_pd(out + j, _mm_min_pd(x, high));
    }
    scalarLogits(scores + j, count - j, reciprocal, out + j);
}

double sse2Maximum(const double *values, std::size_t count)
{
    __m128d best = _mm_set1_pd(-infinity);
    std::size_t j = 0;
    for (; j + 2 <= count; j += 2)
        best = _mm_max_pd(best, _mm_loadu_pd(values + j));
    double lanes[2];
    _mm_storeu_pd(lanes, best);
    const double tail = scalarMaximum(values + j, count - j);
    return std::fmax(std::fmax(lanes[0], lanes[1]), tail);
}

double sse2ExpShiftSum(double *values, std::size_t count, double shift)
{
    const __m128d offset = _mm_set1_pd(shift);
    __m128d sum = _mm_setzero_pd();
    std::size_t j = 0;
    for (; j + 2 <= count; j += 2) {
        const __m128d e = exp2Lanes(_mm_sub_pd(_mm_loadu_pd(values + j), offset));
        _mm_storeu_pd(values + j, e);
        sum = _mm_add_pd(sum, e);
    }
    double lanes[2];
    _mm_storeu_pd(lanes, sum);
    return lanes[0] + lanes[1] + scalarExpShiftSum(values + j, count - j, shift);
}

void sse2Scale(double *values, std::size_t count, double factor)
{
    const __m128d f = _mm_set1_pd(factor);
    std::size_t j = 0;
    for (; j + 2 <= count; j += 2)
        _mm_storeu_pd(values + j, _mm_mul_pd(_mm_loadu_pd(values + j), f));
    scalarScale(values + j, count - j, factor);
}

void sse2Exponential(const double *in, double *out, std::size_t count)
{
    std::size_t j = 0;
    for (; j + 2 <= count; j += 2)
        _mm_storeu_pd(out + j, exp2Lanes(_mm_loadu_pd(in + j)));
    scalarExponential(in + j, out + j, count - j);
}

constexpr RowKernels sse2Kernels{sse2Logits, sse2Maximum, sse2ExpShiftSum, sse2Scale,
                                 sse2Exponential};

// ---- AVX2 with FMA, four doubles ----

#define ATTN_AVX2 __attribute__((target("avx2,fma")))

ATTN_AVX2 __m256d exp4Lanes(__m256d x)
{
    x = _mm256_min_pd(_mm256_set1_pd(highestExponent),
                      _mm256_max_pd(_mm256_set1_pd(lowestExponent), x));
    const __m256d shift = _mm256_set1_pd(shifter);
    const __m256d k = _mm256_sub_pd(_mm256_fmadd_pd(x, _mm256_set1_pd(log2e), shift), shift);
    __m256d r = _mm256_fnmadd_pd(k, _mm256_set1_pd(ln2Hi), x);
    r = _mm256_fnmadd_pd(k, _mm256_set1_pd(ln2Lo), r);
    __m256d p = _mm256_set1_pd(c13);
    for (const double c : hornerSteps)
        p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(c));
    const __m256d half = _mm256_fmadd_pd(k, _mm256_set1_pd(0.5), shift);
    const __m256d rest = _mm256_add_pd(_mm256_sub_pd(k, _mm256_sub_pd(half, shift)), shift);
    const __m256i bias = _mm256_set1_epi64x(1023 - shifterBits);
    const __m256i first = _mm256_slli_epi64(_mm256_add_epi64(_mm256_castpd_si256(half), bias), 52);
    const __m256i second = _mm256_slli_epi64(_mm256_add_epi64(_mm256_castpd_si256(rest), bias), 52);
    return _mm256_mul_pd(_mm256_mul_pd(p, _mm256_castsi256_pd(first)), _mm256_castsi256_pd(second));
}

ATTN_AVX2 void avx2Logits(const double *scores, std::size_t count, double reciprocal, double *out)
{
    const __m256d factor = _mm256_set1_pd(reciprocal);
    const __m256d low = _mm256_set1_pd(-largest);
    const __m256d high = _mm256_set1_pd(largest);
    std::size_t j = 0;
    for (; j + 4 <= count; j += 4) {
        const __m256d x = _mm256_max_pd(_mm256_mul_pd(_mm256_loadu_pd(scores + j), factor), low);
        _mm256_storeu_pd(out + j, _mm256_min_pd(x, high));
    }
    scalarLogits(scores + j, count - j, reciprocal, out + j);
}

ATTN_AVX2 double avx2Maximum(const double *values, std::size_t count)
{
    __m256d best = _mm256_set1_pd(-infinity);
    std::size_t j = 0;
    for (; j + 4 <= count; j += 4)
        best = _mm256_max_pd(best, _mm256_loadu_pd(values + j));
    double lanes[4];
    _mm256_storeu_pd(lanes, best);
    double result = scalarMaximum(values + j, count - j);
    for (const double lane : lanes)
        result = std::fmax(result, lane);
    return result;
}

ATTN_AVX2 double avx2ExpShiftSum(double *values, std::size_t count, double shift)
{
    const __m256d offset = _mm256_set1_pd(shift);
    __m256d sum = _mm256_setzero_pd();
    std::size_t j = 0;
    for (; j + 4 <= count; j += 4) {
        const __m256d e = exp4Lanes(_mm256_sub_pd(_mm256_loadu_pd(values + j), offset));
        _mm256_storeu_pd(values + j, e);
        sum = _mm256_add_pd(sum, e);
    }
    double lanes[4];
    _mm256_storeu_pd(lanes, sum);
    return (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]) +
           scalarExpShiftSum(values + j, count - j, shift);
}

ATTN_AVX2 void avx2Scale(double *values, std::size_t count, double factor)
{
    const __m256d f = _mm256_set1_pd(factor);
    std::size_t j = 0;
    for (; j + 4 <= count; j += 4)
        _mm256_storeu_pd(values + j, _mm256_mul_pd(_mm256_loadu_pd(values + j), f));
    scalarScale(values + j, count - j, factor);
}

ATTN_AVX2 void avx2Exponential(const double *in, double *out, std::size_t count)
{
    std::size_t j = 0;
    for (; j + 4 <= count; j += 4)
        _mm256_storeu_pd(out + j, exp4Lanes(_mm256_loadu_pd(in + j)));
    scalarExponential(in + j, out + j, count - j);
}

constexpr RowKernels avx2Kernels{avx2Logits, avx2Maximum, avx2ExpShiftSum, avx2Scale,
                                 avx2Exponential};

// ---- AVX-512F/DQ, eight doubles ----

#define ATTN_AVX512 __attribute__((target("avx512f,avx512dq")))

ATTN_AVX512 __m512d exp8Lanes(__m512d x)
{
    x = _mm512_min_pd(_mm512_set1_pd(highestExponent),
                      _mm512_max_pd(_mm512_set1_pd(lowestExponent), x));
    const __m512d shift = _mm512_set1_pd(shifter);
    const __m512d k = _mm512_sub_pd(_mm512_fmadd_pd(x, _mm512_set1_pd(log2e), shift), shift);
    __m512d r = _mm512_fnmadd_pd(k, _mm512_set1_pd(ln2Hi), x);
    r = _mm512_fnmadd_pd(k, _mm512_set1_pd(ln2Lo), r);
    __m512d p = _mm512_set1_pd(c13);
    for (const double c : hornerSteps)
        p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(c));
    const __m512d half = _mm512_fmadd_pd(k, _mm512_set1_pd(0.5), shift);
    const __m512d rest = _mm512_add_pd(_mm512_sub_pd(k, _mm512_sub_pd(half, shift)), shift);
    const __m512i bias = _mm512_set1_epi64(1023 - shifterBits);
    const __m512i first = _mm512_slli_epi64(_mm512_add_epi64(_mm512_castpd_si512(half), bias), 52);
    const __m512i second = _mm512_slli_epi64(_mm512_add_epi64(_mm512_castpd_si512(rest), bias), 52);
    return _mm512_mul_pd(_mm512_mul_pd(p, _mm512_castsi512_pd(first)), _mm512_castsi512_pd(second));
}

ATTN_AVX512 void avx512Logits(const double *scores, std::size_t count, double reciprocal,
                              double *out)
{
    const __m512d factor = _mm512_set1_pd(reciprocal);
    const __m512d low = _mm512_set1_pd(-largest);
    const __m512d high = _mm512_set1_pd(largest);
    std::size_t j = 0;
    for (; j + 8 <= count; j += 8) {
        const __m512d x = _mm512_max_pd(_mm512_mul_pd(_mm512_loadu_pd(scores + j), factor), low);
        _mm512_storeu_pd(out + j, _mm512_min_pd(x, high));
    }
    scalarLogits(scores + j, count - j, reciprocal, out + j);
}

ATTN_AVX512 double avx512Maximum(const double *values, std::size_t count)
{
    __m512d best = _mm512_set1_pd(-infinity);
    std::size_t j = 0;
    for (; j + 8 <= count; j += 8)
        best = _mm512_max_pd(best, _mm512_loadu_pd(values + j));
    return std::fmax(_mm512_reduce_max_pd(best), scalarMaximum(values + j, count - j));
}

ATTN_AVX512 double avx512ExpShiftSum(double *values, std::size_t count, double shift)
{
    const __m512d offset = _mm512_set1_pd(shift);
    __m512d sum = _mm512_setzero_pd();
    std::size_t j = 0;
    for (; j + 8 <= count; j += 8) {
        const __m512d e = exp8Lanes(_mm512_sub_pd(_mm512_loadu_pd(values + j), offset));
        _mm512_storeu_pd(values + j, e);
        sum = _mm512_add_pd(sum, e);
    }
    return _mm512_reduce_add_pd(sum) + scalarExpShiftSum(values + j, count - j, shift);
}

ATTN_AVX512 void avx512Scale(double *values, std::size_t count, double factor)
{
    const __m512d f = _mm512_set1_pd(factor);
    std::size_t j = 0;
    for (; j + 8 <= count; j += 8)
        _mm512_storeu_pd(values + j, _mm512_mul_pd(_mm512_loadu_pd(values + j), f));
    scalarScale(values + j, count - j, factor);
}

ATTN_AVX512 void avx512Exponential(const double *in, double *out, std::size_t count)
{
    std::size_t j = 0;
    for (; j + 8 <= count; j += 8)
        _mm512_storeu_pd(out + j, exp8Lanes(_mm512_loadu_pd(in + j)));
    scalarExponential(in + j, out + j, count - j);
}

constexpr RowKernels avx512Kernels{avx512Logits, avx512Maximum, avx512ExpShiftSum, avx512Scale,
                                   avx512Exponential};

#endif // ATTN_X86_KERNELS

const RowKernels *kernelsFor(InstructionSet set)
{
#ifdef ATTN_X86_KERNELS
    switch (set) {
    case InstructionSet::Baseline:
        return &sse2Kernels;
    case InstructionSet::Avx2:
        return &avx2Kernels;
    case InstructionSet::Avx512:
        return &avx512Kernels;
    }
#endif
    (void)set;
    return &scalarKernels;
}

InstructionSet widestSupported()
{
    if (supported(InstructionSet::Avx512))
        return InstructionSet::Avx512;
    if (supported(InstructionSet::Avx2))
        return InstructionSet::Avx2;
    return InstructionSet::Baseline;
}

/// The set in use, as an int so it can be atomic; −1 until first asked.
std::atomic<int> chosenSet{-1};

InstructionSet chosen()
{
    int set = chosenSet.load(std::memory_order_relaxed);
    if (set < 0) {
        set = static_cast<int>(widestSupported());
        chosenSet.store(set, std::memory_order_relaxed);
    }
    return static_cast<InstructionSet>(set);
}

} // namespace

bool supported(InstructionSet set)
{
    switch (set) {
    case InstructionSet::Baseline:
        return true;
    case InstructionSet::Avx2:
#ifdef ATTN_X86_KERNELS
        // __builtin_cpu_supports also checks that the system saves the registers.
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
        return false;
#endif
    case InstructionSet::Avx512:
#ifdef ATTN_X86_KERNELS
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
#else
        return false;
#endif
    }
    return false;
}

InstructionSet activeInstructionSet()
{
    return chosen();
}

bool useInstructionSet(InstructionSet set)
{
    if (!supported(set))
        return false;
    chosenSet.store(static_cast<int>(set), std::memory_order_relaxed);
    return true;
}

void exponential(const double *in, double *out, std::size_t count)
{
    kernelsFor(chosen())->exponential(in, out, count);
}

bool softmaxRow(const double *scores, const std::uint8_t *hidden, std::size_t count,
                double reciprocal, double *weights)
{
    // A row shorter than the active set's vectors would run only its plain
    // tails: two-wide SSE2 does better there.
    const InstructionSet set = chosen();
    const std::size_t width = set == InstructionSet::Avx512 ? 8
                              : set == InstructionSet::Avx2 ? 4
                                                            : 2;
    const RowKernels &k = *kernelsFor(count < width ? InstructionSet::Baseline : set);
    k.logits(scores, count, reciprocal, weights);
    if (hidden) {
        for (std::size_t j = 0; j < count; ++j)
            weights[j] = hidden[j] ? -infinity : weights[j];
    }
    const double rowMax = k.maximum(weights, count);
    if (rowMax == -infinity) {
        // Every key hidden: nothing to attend to.
        for (std::size_t j = 0; j < count; ++j)
            weights[j] = 0.0;
        return false;
    }
    // The largest visible term is e⁰ = 1, so the sum is at least 1.
    const double sum = k.expShiftSum(weights, count, rowMax);
    k.scale(weights, count, 1.0 / sum);
    return true;
}

} // namespace attn::kernels
