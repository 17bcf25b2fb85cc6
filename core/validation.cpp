#include "attention.h"

#include <cmath>
#include <iomanip>
#include <sstream>
#include <tuple>

// validate(): every check of a scenario's shapes and values, each with a
// message that names the field.

namespace attn {

namespace {

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

/// Bytes as GiB with one decimal: "8.1 GiB".
std::string gibText(double bytes)
{
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << bytes / (1024.0 * 1024.0 * 1024.0) << " GiB";
    return out.str();
}

} // namespace

double traceBytes(const Scenario &s)
{
    const double cell = sizeof(double);
    const double n = s.queryCount();
    const double m = s.keyCount();
    const double modelDim = s.modelDim();
    const double keyDim = s.keyDim();
    const double valueDim = s.valueDim();
    const double heads = std::max(s.heads, 1);
    const double outputDim = s.wO ? static_cast<double>(s.wO->cols()) : valueDim;
    const double sequenceRows = s.source ? n + m : n;

    // Per head: scores n × m; queries and keys (n + m) × d_h; values and output
    // (m + n) × d_vh; the chosen key per query. Summed over the heads the
    // slices add up to d_k and d_v.
    const double perHead = heads * n * m * cell + (n + m) * keyDim * cell +
                           (m + n) * valueDim * cell + heads * n * sizeof(int);
    // The trace itself: embeddings, positional encoding and input of each
    // sequence; Q, K, V; concat; output; the n × m mask of one byte a cell.
    const double shared = 3 * sequenceRows * modelDim * cell + (n + m) * keyDim * cell +
                          m * valueDim * cell + n * valueDim * cell + n * outputDim * cell +
                          n * m * sizeof(MaskReason);
    return perHead + shared;
}

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

    // Before any matrix of the trace is allocated: will it fit?
    if (const double bytes = traceBytes(s); bytes > traceMemoryBudget) {
        Error error;
        error.code = ErrorCode::TraceTooLarge;
        error.field = "heads";
        error.expectedCols = s.heads;
        error.actualRows = s.queryCount();
        error.actualCols = s.keyCount();
        error.value = bytes;
        error.message = std::to_string(s.heads) + " heads × " + std::to_string(s.queryCount()) +
                        " × " + std::to_string(s.keyCount()) + " scores need " + gibText(bytes) +
                        "; the limit is " + gibText(traceMemoryBudget);
        return error;
    }

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

    // The scores are multiplied by 1 / (s · τ): both must be ordinary numbers.
    // τ = 1e-300 with a divisor of 1e-10 underflows s · τ to 0 and the
    // reciprocal to ∞; τ = 1e300 with s = 1e10 overflows it.
    if (const double divisor = scaleDivisor(s) * s.temperature;
        !(std::isfinite(divisor) && divisor > 0.0 && std::isfinite(1.0 / divisor) &&
          1.0 / divisor > 0.0)) {
        std::ostringstream number;
        number << divisor;
        Error error = simpleError(
            ErrorCode::DivisorOutOfRange, "temperature",
            "s · τ = " + number.str() +
                " is too close to 0 or too large to divide the scores by; choose a temperature "
                "or scale nearer 1");
        error.value = divisor;
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

    // The parameters the chosen options do not use are kept for when they are
    // chosen again: they must be numbers too, or switching back would bring a
    // NaN in (and a file holding one would be read without a word).
    const bool usesWA = s.score != ScoreFunction::Dot;
    const bool usesAdditive = s.score == ScoreFunction::Additive;
    const bool usesSpan = s.span == SpanKind::LocalP;
    for (const auto &[field, matrix, used] :
         {std::tuple{"w_a", &s.wA, usesWA}, std::tuple{"u_a", &s.uA, usesAdditive},
          std::tuple{"w_p", &s.wP, usesSpan}}) {
        if (!used) {
            if (auto error = checkMatrix(field, "any", *matrix, int(matrix->rows()),
                                         int(matrix->cols())))
                if (error->code != ErrorCode::MissingParameter)
                    return error;
        }
    }
    for (const auto &[field, vector, used] :
         {std::tuple{"v_a", &s.vA, usesAdditive}, std::tuple{"v_p", &s.vP, usesSpan}}) {
        if (!used) {
            if (auto error = checkVector(field, "any", *vector, int(vector->size())))
                if (error->code != ErrorCode::MissingParameter)
                    return error;
        }
    }
    if (s.scale != ScaleMode::Custom && !std::isfinite(s.scaleValue)) {
        Error error = simpleError(ErrorCode::ScaleNotPositive, "scale",
                                  "the divisor must be a number greater than 0");
        error.value = s.scaleValue;
        return error;
    }
    return std::nullopt;
}

} // namespace attn
