#include "attention.h"

#include "head_computation.h"
#include "matrix_product.h"

#include <cmath>
#include <limits>
#include <mutex>
#include <new>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

// compute(): the inputs, the projections, the mask and the span; the heads
// themselves are HeadComputation's.

namespace attn {

namespace {

double sigmoid(double x)
{
    return 1.0 / (1.0 + std::exp(-x));
}

/// A NaN counts as −∞, as the softmax counts a NaN score: with inputs near
/// ±1e300 the products overflow and ∞ − ∞ gives NaN.
double nanAsLowest(double x)
{
    return std::isnan(x) ? -std::numeric_limits<double>::infinity() : x;
}

/// Aligned position p_t for local-p: S · sigmoid(v_pᵀ tanh(q_t W_p)).
///
/// Always a number from 0 to S, so the window and the Gaussian stay finite:
/// a NaN before tanh or before the sigmoid is taken as −∞ (tanh → −1,
/// sigmoid → 0), and ±∞ saturate as they should.
Vector predictedPositions(const Matrix &queries, const Matrix &wP, const Vector &vP, int keyCount)
{
    const Matrix hidden =
        (queries * wP).unaryExpr([](double x) { return std::tanh(nanAsLowest(x)); });
    const Vector logits = hidden * vP;
    return logits.unaryExpr(
        [keyCount](double x) { return keyCount * sigmoid(nanAsLowest(x)); });
}

MaskMatrix buildMask(const Scenario &scenario, const Vector &alignedPositions)
{
    const int queryCount = scenario.queryCount();
    const int keyCount = scenario.keyCount();
    MaskMatrix mask = MaskMatrix::Constant(queryCount, keyCount, MaskReason::Visible);
    const bool local = scenario.span != SpanKind::Global;
    const bool padded = !scenario.padding.empty();
    if (scenario.mask == MaskKind::None && !padded && !local)
        return mask;

    for (int key = 0; key < keyCount; ++key) {
        for (int query = 0; query < queryCount; ++query) {
            if (scenario.mask == MaskKind::Causal && key > query)
                mask(query, key) = MaskReason::Causal;
            else if (padded && scenario.padding[static_cast<std::size_t>(key)])
                mask(query, key) = MaskReason::Padding;
            else if (local && std::abs(key - alignedPositions(query)) > scenario.window)
                mask(query, key) = MaskReason::OutsideWindow;
        }
    }
    return mask;
}

/// glibc hands freed blocks above 128 KiB back to the system at once (and
/// trims the heap above 128 KiB free), so every fresh trace faulted all its
/// pages in again: 4 000 faults at 512 tokens × 8 heads, a few microseconds
/// each on a virtual machine, more than the computation itself. Freed blocks
/// below 16 MiB now stay in the heap, up to 128 MiB of them, for the next
/// trace. A process-wide setting, made once by the first computation.
void keepFreedTraceMemory()
{
#if defined(__GLIBC__)
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_MMAP_THRESHOLD, 16 << 20);
        mallopt(M_TRIM_THRESHOLD, 128 << 20);
    });
#endif
}

} // namespace

Matrix sinusoidalEncoding(int count, int dimension)
{
    Matrix encoding(count, dimension);
    for (int feature = 0; feature < dimension; ++feature) {
        const int pairIndex = feature / 2;
        const double frequency = std::pow(10000.0, -2.0 * pairIndex / dimension);
        for (int position = 0; position < count; ++position) {
            const double angle = position * frequency;
            encoding(position, feature) = feature % 2 == 0 ? std::sin(angle) : std::cos(angle);
        }
    }
    return encoding;
}

double scaleDivisor(const Scenario &s)
{
    switch (s.scale) {
    case ScaleMode::SqrtHeadDim:
        return std::sqrt(double(s.keyDim() / s.heads));
    case ScaleMode::None:
        return 1.0;
    case ScaleMode::Custom:
        return s.scaleValue;
    }
    return 1.0;
}

namespace {

std::optional<Error> computeValid(const Scenario &s, Trace &trace);

} // namespace

std::optional<Error> computeInto(const Scenario &s, Trace &trace)
{
    if (auto error = validate(s))
        return error;
    try {
        return computeValid(s, trace);
    } catch (const std::bad_alloc &) {
        // Within the budget the system may still run short. Give the memory
        // back at once and say so; never abort.
        trace = Trace{};
        Error error;
        error.code = ErrorCode::OutOfMemory;
        error.value = traceBytes(s);
        error.message = "the computation needs more memory than the system has free";
        return error;
    }
}

namespace {

std::optional<Error> computeValid(const Scenario &s, Trace &trace)
{
    keepFreedTraceMemory();

    const int queryCount = s.queryCount();
    const int keyCount = s.keyCount();
    const bool positional = s.positional == PositionalEncoding::Sinusoidal;

    trace.embeddings = s.target.embeddings;
    if (positional) {
        trace.positionalEncoding = sinusoidalEncoding(queryCount, s.modelDim());
        trace.input = trace.embeddings + trace.positionalEncoding;
    } else {
        trace.positionalEncoding.resize(0, 0);
        trace.input = trace.embeddings;
    }
    if (s.source) {
        trace.sourceEmbeddings = s.source->embeddings;
        if (positional) {
            trace.sourcePositionalEncoding = sinusoidalEncoding(keyCount, s.modelDim());
            trace.sourceInput = trace.sourceEmbeddings + trace.sourcePositionalEncoding;
        } else {
            trace.sourcePositionalEncoding.resize(0, 0);
            trace.sourceInput = trace.sourceEmbeddings;
        }
    } else {
        trace.sourceEmbeddings.resize(0, 0);
        trace.sourcePositionalEncoding.resize(0, 0);
        trace.sourceInput.resize(0, 0);
    }
    const Matrix &keyInput = s.source ? trace.sourceInput : trace.input;

    multiplyInto(trace.input, s.wQ, trace.queries);
    multiplyInto(keyInput, s.wK, trace.keys);
    multiplyInto(keyInput, s.wV, trace.values);

    const int headCount = s.heads;
    trace.headDim = s.keyDim() / headCount;
    trace.headValueDim = s.valueDim() / headCount;
    trace.scaleDivisor = scaleDivisor(s);
    trace.temperature = s.temperature;

    trace.rowsSumToOne = true;
    if (s.span == SpanKind::LocalM) {
        trace.alignedPositions = Vector::LinSpaced(queryCount, 0.0, queryCount - 1.0);
    } else if (s.span == SpanKind::LocalP) {
        trace.alignedPositions = predictedPositions(trace.queries, s.wP, s.vP, keyCount);
        trace.rowsSumToOne = false;
    } else {
        trace.alignedPositions.resize(0);
    }
    trace.mask = buildMask(s, trace.alignedPositions);
    const bool anyMasked = (trace.mask != MaskReason::Visible).any();
    trace.fullyMaskedRows.clear();
    if (anyMasked) {
        for (int query = 0; query < queryCount; ++query) {
            if ((trace.mask.row(query) != MaskReason::Visible).all())
                trace.fullyMaskedRows.push_back(query);
        }
    }

    trace.anyMasked = anyMasked;
    trace.reciprocalDivisor = 1.0 / (trace.scaleDivisor * trace.temperature);
    // local-p's Gaussian window, σ = D/2.
    trace.gaussianWidth = s.span == SpanKind::LocalP ? s.window / 2.0 : 0.0;

    trace.heads.resize(static_cast<std::size_t>(headCount));
    const HeadComputation::Context context{s, std::uint64_t(queryCount) -
                                                  trace.fullyMaskedRows.size()};
    HeadComputation::computeHeads(context, trace);

    trace.concat.resize(queryCount, s.valueDim());
    for (int h = 0; h < headCount; ++h) {
        trace.concat.middleCols(h * trace.headValueDim, trace.headValueDim) =
            trace.heads[std::size_t(h)].output;
    }
    trace.projected = s.wO.has_value();
    if (trace.projected)
        multiplyInto(trace.concat, *s.wO, trace.output);
    else
        trace.output = trace.concat;
    return std::nullopt;
}

} // namespace

Result<Trace> compute(const Scenario &s)
{
    Trace trace;
    if (auto error = computeInto(s, trace))
        return *error;
    return trace;
}

} // namespace attn
