#pragma once

#include <string>
#include <variant>

namespace attn {

/// What is wrong with an input, as a value the UI can translate.
enum class ErrorCode
{
    EmptySequence,          ///< a sequence has no tokens
    TooLarge,               ///< more than the limit of tokens or dimensions (`limit`)
    ShapeMismatch,          ///< `field` has `actualRows`×`actualCols`, expected
                            ///< `expectedRows`×`expectedCols`
    TokenCountMismatch,     ///< the token names do not match the embedding rows
    NonFinite,              ///< cell (`row`, `col`) of `field` is inf or NaN
    HeadsInvalid,           ///< fewer than one head
    NotDivisibleByHeads,    ///< d_k or d_v (`actualCols`) not divisible by `expectedCols` heads
    TemperatureNotPositive, ///< temperature ≤ 0 or not finite
    ScaleNotPositive,       ///< a given scale divisor ≤ 0 or not finite
    NegativeWindow,         ///< span window D < 0
    WindowTooSmall,         ///< local-p needs D ≥ 1 (σ = D/2 must be > 0)
    MissingParameter,       ///< a matrix the options need is absent (`field`)
    PaddingLengthMismatch,  ///< one padding flag per key token
    DivisorOutOfRange,      ///< s · τ (`value`) or 1 / (s · τ) rounds to 0 or ∞
    OutOfMemory,            ///< the system had no memory left for the computation
    TraceTooLarge,          ///< the trace of `expectedCols` heads × `actualRows` queries ×
                            ///< `actualCols` keys would need `value` bytes, above
                            ///< traceMemoryBudget
};

/// An invalid input: which field, what is wrong, with the numbers.
///
/// `message` is an English sentence for logs and the command line; the UI
/// builds its own translated sentence from `code` and the numbers.
struct Error
{
    ErrorCode code = ErrorCode::ShapeMismatch;
    std::string field;
    int row = -1;
    int col = -1;
    int expectedRows = -1;
    int expectedCols = -1;
    int actualRows = -1;
    int actualCols = -1;
    int limit = -1;
    double value = 0.0;
    std::string message;
};

/// Either a value or the reason there is none. No exceptions cross layers.
template <typename T> class Result
{
public:
    Result(T value) : m_content(std::move(value)) {}
    Result(Error error) : m_content(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_content); }
    explicit operator bool() const { return ok(); }

    const T &value() const { return std::get<T>(m_content); }
    T &value() { return std::get<T>(m_content); }
    const T &operator*() const { return value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<Error>(m_content); }

private:
    std::variant<T, Error> m_content;
};

} // namespace attn
