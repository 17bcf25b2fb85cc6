#include "attention.h"

#include "random_source.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <system_error>
#include <thread>
#include <tuple>

namespace attn {

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr double largest = std::numeric_limits<double>::max();

std::string shapeText(Eigen::Index rows, Eigen::Index cols)
{
    std::ostringstream out;
    out << rows << " × " << cols;
    return out.str();
}

Error shapeError(const std::string &field, const std::string &meaning, const Matrix &matrix,
                 int expectedRows, int expectedCols)
{
    Error error;
    error.code = ErrorCode::ShapeMismatch;
    error.field = field;
    error.expectedRows = expectedRows;
    error.expectedCols = expectedCols;
    error.actualRows = static_cast<int>(matrix.rows());
    error.actualCols = static_cast<int>(matrix.cols());
    std::ostringstream out;
    out << field << ": expected " << meaning << " = ";
    out << (expectedRows < 0 ? std::string("any") : std::to_string(expectedRows)) << " × "
        << (expectedCols < 0 ? std::string("any") : std::to_string(expectedCols));
    out << ", found " << shapeText(matrix.rows(), matrix.cols());
    error.message = out.str();
    return error;
}

/// Checks a matrix's shape (−1: any positive size), its size limit and its values.
std::optional<Error> checkMatrix(const std::string &field, const std::string &meaning,
                                 const Matrix &matrix, int expectedRows, int expectedCols)
{
    const bool rowsWrong = expectedRows >= 0 ? matrix.rows() != expectedRows : matrix.rows() < 1;
    const bool colsWrong = expectedCols >= 0 ? matrix.cols() != expectedCols : matrix.cols() < 1;
    if (matrix.rows() > maxDimension || matrix.cols() > maxDimension) {
        Error error;
        error.code = ErrorCode::TooLarge;
        error.field = field;
        error.limit = maxDimension;
        error.actualRows = static_cast<int>(matrix.rows());
        error.actualCols = static_cast<int>(matrix.cols());
        error.message = field + ": " + shapeText(matrix.rows(), matrix.cols()) +
                        " is larger than the limit of " + std::to_string(maxDimension) +
                        " dimensions";
        return error;
    }
    if (matrix.size() == 0) {
        // Absent rather than mis-shaped: say what the options need.
        Error error;
        error.code = ErrorCode::MissingParameter;
        error.field = field;
        error.expectedRows = expectedRows;
        error.expectedCols = expectedCols;
        error.message = field + ": missing; the chosen options need " + meaning;
        return error;
    }
    if (rowsWrong || colsWrong)
        return shapeError(field, meaning, matrix, expectedRows, expectedCols);
    for (Eigen::Index col = 0; col < matrix.cols(); ++col) {
        for (Eigen::Index row = 0; row < matrix.rows(); ++row) {
            const double value = matrix(row, col);
            if (!std::isfinite(value)) {
                Error error;
                error.code = ErrorCode::NonFinite;
                error.field = field;
                error.row = static_cast<int>(row);
                error.col = static_cast<int>(col);
                error.value = value;
                error.message = field + "[" + std::to_string(row) + "][" + std::to_string(col) +
                                "]: " + (std::isnan(value) ? "NaN" : "infinity") +
                                " is not a number the engine can use";
                return error;
            }
        }
    }
    return std::nullopt;
}

std::optional<Error> checkVector(const std::string &field, const std::string &meaning,
                                 const Vector &vector, int expectedSize)
{
    // A vector is checked as a one-column matrix so the messages read alike.
    Matrix asColumn = vector;
    return checkMatrix(field, meaning, asColumn, expectedSize, 1);
}

std::optional<Error> checkSequence(const std::string &prefix, const Sequence &sequence,
                                   int expectedModelDim)
{
    const std::string tokensField = prefix + "tokens";
    const std::string embeddingsField = prefix + "embeddings";
    if (sequence.tokens.empty() || sequence.embeddings.rows() == 0) {
        Error error;
        error.code = ErrorCode::EmptySequence;
        error.field = sequence.tokens.empty() ? tokensField : embeddingsField;
        error.message = error.field + ": the sequence has no tokens; attention needs at least one";
        return error;
    }
    if (sequence.embeddings.rows() > maxTokens ||
        static_cast<Eigen::Index>(sequence.tokens.size()) > maxTokens) {
        Error error;
        error.code = ErrorCode::TooLarge;
        error.field = tokensField;
        error.limit = maxTokens;
        error.actualRows = static_cast<int>(std::max<Eigen::Index>(
            sequence.embeddings.rows(), static_cast<Eigen::Index>(sequence.tokens.size())));
        error.message = tokensField + ": " + std::to_string(error.actualRows) +
                        " tokens is more than the limit of " + std::to_string(maxTokens);
        return error;
    }
    if (static_cast<Eigen::Index>(sequence.tokens.size()) != sequence.embeddings.rows()) {
        Error error;
        error.code = ErrorCode::TokenCountMismatch;
        error.field = tokensField;
        error.expectedRows = static_cast<int>(sequence.embeddings.rows());
        error.actualRows = static_cast<int>(sequence.tokens.size());
        error.message = tokensField + ": " + std::to_string(sequence.tokens.size()) +
                        " token names for " + std::to_string(sequence.embeddings.rows()) +
                        " embedding rows; give one name per row";
        return error;
    }
    return checkMatrix(embeddingsField, "tokens × d_model", sequence.embeddings,
                       static_cast<int>(sequence.embeddings.rows()), expectedModelDim);
}

Error simpleError(ErrorCode code, const std::string &field, const std::string &message)
{
    Error error;
    error.code = code;
    error.field = field;
    error.message = field + ": " + message;
    return error;
}

double sigmoid(double x)
{
    return 1.0 / (1.0 + std::exp(-x));
}

/// Aligned position p_t for local-p: S · sigmoid(v_pᵀ tanh(q_t W_p)).
Vector predictedPositions(const Matrix &queries, const Matrix &wP, const Vector &vP, int keyCount)
{
    const Matrix hidden = (queries * wP).array().tanh().matrix();
    const Vector logits = hidden * vP;
    return logits.unaryExpr([keyCount](double x) { return keyCount * sigmoid(x); });
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

/// Scores of one head for the chosen score function, into `scores`.
void headScores(const Scenario &scenario, const Matrix &queries, const Matrix &keys, Matrix &scores)
{
    switch (scenario.score) {
    case ScoreFunction::Dot:
        scores.noalias() = queries * keys.transpose();
        return;
    case ScoreFunction::General:
        scores.noalias() = (queries * scenario.wA) * keys.transpose();
        return;
    case ScoreFunction::Additive: {
        const Matrix projectedQueries = queries * scenario.wA; // n × d_a
        const Matrix projectedKeys = keys * scenario.uA;       // m × d_a
        scores.resize(queries.rows(), keys.rows());
        for (Eigen::Index key = 0; key < keys.rows(); ++key) {
            for (Eigen::Index query = 0; query < queries.rows(); ++query) {
                scores(query, key) =
                    (projectedQueries.row(query) + projectedKeys.row(key)).array().tanh().matrix() *
                    scenario.vA;
            }
        }
        return;
    }
    }
}

/// Row softmax over the visible keys; masked cells and fully masked rows are exactly 0.
///
/// exp is Eigen's vectorised one. It may differ from the C library's in the
/// last bit, as NumPy's own SIMD exp does (on an AVX-512 machine NumPy and
/// libm disagree in the last bit for about one value in four), so agreement
/// with NumPy is to within a few ulps either way, far inside 1e-12.
void softmaxRows(const Matrix &masked, const MaskMatrix &mask, bool anyMasked, Matrix &weights)
{
    const Matrix *logits = &masked;
    Matrix clamped;
    if (!masked.allFinite()) {
        // Overflowed scores (inputs near ±1e300) are clamped so the weights stay
        // finite; −∞ from the mask stays −∞ and is zeroed below.
        clamped = masked;
        for (Eigen::Index col = 0; col < clamped.cols(); ++col) {
            for (Eigen::Index row = 0; row < clamped.rows(); ++row) {
                if (anyMasked && mask(row, col) != MaskReason::Visible)
                    continue;
                double &value = clamped(row, col);
                if (std::isnan(value))
                    value = -largest;
                else if (value == infinity)
                    value = largest;
                else if (value == -infinity)
                    value = -largest;
            }
        }
        logits = &clamped;
    }

    const Vector rowMax = logits->rowwise().maxCoeff();
    weights = logits->colwise() - rowMax;
    weights = weights.array().exp().matrix();
    if (anyMasked) {
        // exp(−∞ − max) is 0 already, but a fully masked row gives −∞ − (−∞) = NaN.
        for (Eigen::Index col = 0; col < weights.cols(); ++col) {
            for (Eigen::Index row = 0; row < weights.rows(); ++row) {
                if (mask(row, col) != MaskReason::Visible)
                    weights(row, col) = 0.0;
            }
        }
    }
    Vector rowSum = weights.rowwise().sum();
    for (Eigen::Index row = 0; row < rowSum.size(); ++row) {
        // A fully masked row keeps its zeros: nothing to attend to.
        if (rowMax(row) == -infinity || !(rowSum(row) > 0.0))
            rowSum(row) = infinity;
    }
    weights.array().colwise() /= rowSum.array();
}

int argMax(const Eigen::Ref<const Eigen::RowVectorXd> &row)
{
    int best = 0;
    for (int key = 1; key < row.size(); ++key) {
        if (row(key) > row(best))
            best = key;
    }
    return best;
}

int sampleKey(const Eigen::Ref<const Eigen::RowVectorXd> &row, double uniform)
{
    const double total = row.sum();
    double cumulative = 0.0;
    int lastPositive = -1;
    for (int key = 0; key < row.size(); ++key) {
        if (row(key) <= 0.0)
            continue;
        lastPositive = key;
        cumulative += row(key) / total;
        if (cumulative > uniform)
            return key;
    }
    return lastPositive;
}

bool isFullyMasked(const std::vector<int> &fullyMaskedRows, int row)
{
    return std::find(fullyMaskedRows.begin(), fullyMaskedRows.end(), row) != fullyMaskedRows.end();
}

} // namespace

std::optional<Error> validate(const Scenario &s)
{
    if (auto error = checkSequence("", s.target, -1))
        return error;
    const int modelDim = s.modelDim();
    if (s.source) {
        if (auto error = checkSequence("source.", *s.source, modelDim))
            return error;
    }
    if (auto error = checkMatrix("w_q", "d_model × d_k", s.wQ, modelDim, -1))
        return error;
    const int keyDim = s.keyDim();
    if (auto error = checkMatrix("w_k", "d_model × d_k", s.wK, modelDim, keyDim))
        return error;
    if (auto error = checkMatrix("w_v", "d_model × d_v", s.wV, modelDim, -1))
        return error;
    const int valueDim = s.valueDim();

    if (s.heads < 1) {
        Error error = simpleError(ErrorCode::HeadsInvalid, "heads",
                                  "needs at least one head, found " + std::to_string(s.heads));
        error.value = s.heads;
        return error;
    }
    for (const auto &[field, dim, name] :
         {std::tuple{"w_q", keyDim, "d_k"}, std::tuple{"w_v", valueDim, "d_v"}}) {
        if (dim % s.heads != 0) {
            Error error = simpleError(ErrorCode::NotDivisibleByHeads, field,
                                      std::string(name) + " = " + std::to_string(dim) +
                                          " cannot be split into " + std::to_string(s.heads) +
                                          " equal heads");
            error.actualCols = dim;
            error.expectedCols = s.heads;
            return error;
        }
    }
    const int headDim = keyDim / s.heads;

    if (s.wO) {
        if (auto error = checkMatrix("w_o", "d_v × d_out", *s.wO, valueDim, -1))
            return error;
    }

    if (s.score == ScoreFunction::General) {
        if (auto error =
                checkMatrix("w_a", "d_h × d_h (the key size of one head)", s.wA, headDim, headDim))
            return error;
    } else if (s.score == ScoreFunction::Additive) {
        if (auto error = checkMatrix("w_a", "d_h × d_a", s.wA, headDim, -1))
            return error;
        const int attentionDim = static_cast<int>(s.wA.cols());
        if (auto error = checkMatrix("u_a", "d_h × d_a", s.uA, headDim, attentionDim))
            return error;
        if (auto error = checkVector("v_a", "d_a × 1", s.vA, attentionDim))
            return error;
    }

    if (s.scale == ScaleMode::Custom && !(std::isfinite(s.scaleValue) && s.scaleValue > 0.0)) {
        Error error = simpleError(ErrorCode::ScaleNotPositive, "scale",
                                  "the divisor must be a number greater than 0");
        error.value = s.scaleValue;
        return error;
    }
    if (!(std::isfinite(s.temperature) && s.temperature > 0.0)) {
        Error error = simpleError(ErrorCode::TemperatureNotPositive, "temperature",
                                  "τ must be a number greater than 0");
        error.value = s.temperature;
        return error;
    }

    if (!s.padding.empty() && static_cast<int>(s.padding.size()) != s.keyCount()) {
        Error error =
            simpleError(ErrorCode::PaddingLengthMismatch, "padding",
                        "expected one flag per key token (" + std::to_string(s.keyCount()) +
                            "), found " + std::to_string(s.padding.size()));
        error.expectedRows = s.keyCount();
        error.actualRows = static_cast<int>(s.padding.size());
        return error;
    }

    if (s.span != SpanKind::Global) {
        if (s.window < 0) {
            Error error =
                simpleError(ErrorCode::NegativeWindow, "span.window",
                            "the window D must be 0 or more, found " + std::to_string(s.window));
            error.value = s.window;
            return error;
        }
        if (s.span == SpanKind::LocalP) {
            if (s.window < 1) {
                Error error = simpleError(ErrorCode::WindowTooSmall, "span.window",
                                          "local-p needs D ≥ 1, because σ = D/2 must be above 0");
                error.value = s.window;
                return error;
            }
            if (auto error = checkMatrix("w_p", "d_k × d_p", s.wP, keyDim, -1))
                return error;
            if (auto error = checkVector("v_p", "d_p × 1", s.vP, static_cast<int>(s.wP.cols())))
                return error;
        }
    }
    return std::nullopt;
}

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

namespace {

/// Per-head work: scores, scaling, mask, softmax, selection and output.
struct HeadContext
{
    const Scenario &scenario;
    const Trace &trace;
    const Matrix &gaussian; ///< local-p window factor, else empty
    double divisor;         ///< s · τ
    bool anyMasked;
    /// Draws each head takes from the sampling generator (one per visible row).
    std::uint64_t drawsPerHead;
};

void computeHead(const HeadContext &context, int h, HeadTrace &head)
{
    const Scenario &s = context.scenario;
    const Trace &trace = context.trace;
    const int queryCount = trace.queryCount();
    const int keyCount = trace.keyCount();

    head.queries = trace.queries.middleCols(h * trace.headDim, trace.headDim);
    head.keys = trace.keys.middleCols(h * trace.headDim, trace.headDim);
    head.values = trace.values.middleCols(h * trace.headValueDim, trace.headValueDim);

    headScores(s, head.queries, head.keys, head.scores);
    head.scaled = head.scores / context.divisor;
    head.masked = head.scaled;
    if (context.anyMasked) {
        for (int key = 0; key < keyCount; ++key) {
            for (int query = 0; query < queryCount; ++query) {
                if (trace.mask(query, key) != MaskReason::Visible)
                    head.masked(query, key) = -infinity;
            }
        }
    }
    softmaxRows(head.masked, trace.mask, context.anyMasked, head.softWeights);
    if (s.span == SpanKind::LocalP)
        head.softWeights.array() *= context.gaussian.array();

    if (s.selection == SelectionKind::Soft) {
        head.weights = head.softWeights;
        head.sampledKeys.clear();
    } else {
        // Head h continues the one generator where head h − 1 stopped, so the
        // draws do not depend on how the heads are spread over threads.
        RandomSource generator(s.seed);
        generator.discard(context.drawsPerHead * std::uint64_t(h));
        head.weights.setZero(queryCount, keyCount);
        head.sampledKeys.assign(static_cast<std::size_t>(queryCount), -1);
        for (int query = 0; query < queryCount; ++query) {
            if (isFullyMasked(trace.fullyMaskedRows, query))
                continue;
            const auto row = head.softWeights.row(query);
            const int key = s.selection == SelectionKind::Hard
                                ? argMax(row)
                                : sampleKey(row, generator.uniform());
            if (key < 0)
                continue;
            head.sampledKeys[static_cast<std::size_t>(query)] = key;
            head.weights(query, key) = 1.0;
        }
    }
    head.output.noalias() = head.weights * head.values;
}

/// Heads are independent: above this many score cells in all, they are
/// spread over the processor's cores (below it, starting threads costs more
/// than it saves).
constexpr double parallelCellThreshold = 65536.0;

void computeHeads(const HeadContext &context, std::vector<HeadTrace> &heads)
{
    const int headCount = static_cast<int>(heads.size());
    const double cells = double(context.trace.queryCount()) * context.trace.keyCount() * headCount;
    // hardware_concurrency() reads /sys on every call: ask once, and only
    // when the work is large enough to share.
    static const int cores = std::max(1, int(std::thread::hardware_concurrency()));
    const int threadCount = cells >= parallelCellThreshold ? std::min(headCount, cores) : 1;
    std::vector<std::thread> workers;
    if (threadCount > 1) {
        for (int worker = 1; worker < threadCount; ++worker) {
            try {
                workers.emplace_back([&context, &heads, worker, threadCount, headCount] {
                    for (int h = worker; h < headCount; h += threadCount)
                        computeHead(context, h, heads[std::size_t(h)]);
                });
            } catch (const std::system_error &) {
                break; // no thread to be had: this one does the rest
            }
        }
    }
    // This thread takes its own share and that of any worker that did not start.
    const int started = int(workers.size()) + 1;
    for (int h = 0; h < headCount; ++h) {
        if (h % threadCount == 0 || h % threadCount >= started)
            computeHead(context, h, heads[std::size_t(h)]);
    }
    for (std::thread &worker : workers)
        worker.join();
}

} // namespace

std::optional<Error> computeInto(const Scenario &s, Trace &trace)
{
    if (auto error = validate(s))
        return error;

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

    trace.queries.noalias() = trace.input * s.wQ;
    trace.keys.noalias() = keyInput * s.wK;
    trace.values.noalias() = keyInput * s.wV;

    const int headCount = s.heads;
    trace.headDim = s.keyDim() / headCount;
    trace.headValueDim = s.valueDim() / headCount;
    switch (s.scale) {
    case ScaleMode::SqrtHeadDim:
        trace.scaleDivisor = std::sqrt(double(trace.headDim));
        break;
    case ScaleMode::None:
        trace.scaleDivisor = 1.0;
        break;
    case ScaleMode::Custom:
        trace.scaleDivisor = s.scaleValue;
        break;
    }
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

    // The Gaussian window of local-p, the same for every head.
    Matrix gaussian;
    if (s.span == SpanKind::LocalP) {
        const double sigma = s.window / 2.0;
        gaussian.resize(queryCount, keyCount);
        for (int key = 0; key < keyCount; ++key) {
            for (int query = 0; query < queryCount; ++query) {
                const double distance = key - trace.alignedPositions(query);
                gaussian(query, key) = std::exp(-distance * distance / (2.0 * sigma * sigma));
            }
        }
    }

    trace.heads.resize(static_cast<std::size_t>(headCount));
    const HeadContext context{s,         trace,
                              gaussian,  trace.scaleDivisor * trace.temperature,
                              anyMasked, std::uint64_t(queryCount) - trace.fullyMaskedRows.size()};
    computeHeads(context, trace.heads);

    trace.concat.resize(queryCount, s.valueDim());
    for (int h = 0; h < headCount; ++h) {
        trace.concat.middleCols(h * trace.headValueDim, trace.headValueDim) =
            trace.heads[std::size_t(h)].output;
    }
    trace.projected = s.wO.has_value();
    if (trace.projected)
        trace.output.noalias() = trace.concat * *s.wO;
    else
        trace.output = trace.concat;
    return std::nullopt;
}

Result<Trace> compute(const Scenario &s)
{
    Trace trace;
    if (auto error = computeInto(s, trace))
        return *error;
    return trace;
}

} // namespace attn
