#pragma once

#include "types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace attn {

/// How a query q and a key k are compared (Luong et al. 2015, Bahdanau et al. 2014).
///
/// - Dot:      score(q, k) = q · k
/// - General:  score(q, k) = q W_a kᵀ               (W_a: d_h × d_h)
/// - Additive: score(q, k) = v_aᵀ tanh(q W_a + k U_a) (W_a, U_a: d_h × d_a; v_a: d_a)
///
/// d_h is the key dimension of one head (d_k / h); with one head it is d_k.
enum class ScoreFunction
{
    Dot,
    General,
    Additive
};

/// What the scores are divided by before the softmax.
/// SqrtHeadDim divides by √d_h, as in the Transformer: the variance of q·k grows
/// with d_h and large scores saturate the softmax.
enum class ScaleMode
{
    SqrtHeadDim,
    None,
    Custom
};

/// Which keys a query may not see. Causal: key j > query i gets −∞ (a decoder
/// must not look at later words). Padding comes on top, one flag per key.
enum class MaskKind
{
    None,
    Causal
};

/// Which keys take part in the softmax (Luong et al. 2015).
///
/// - Global: every key.
/// - LocalM: aligned position p_t = t; only keys s with |s − p_t| ≤ D.
/// - LocalP: p_t = S · sigmoid(v_pᵀ tanh(q_t W_p)), S the number of keys; the
///   softmax over the window |s − p_t| ≤ D is multiplied by
///   exp(−(s − p_t)² / (2σ²)) with σ = D/2, so a row need not sum to 1.
enum class SpanKind
{
    Global,
    LocalM,
    LocalP
};

/// Soft keeps the softmax weights. Hard puts all weight on the row's arg-max
/// (the first on ties). Sample draws one key from the soft row with a seed.
/// Hard and sampled weights are not differentiable: a one-hot choice has no
/// gradient with respect to the scores.
enum class SelectionKind
{
    Soft,
    Hard,
    Sample
};

/// Sinusoidal positional encoding (Vaswani et al. 2017) added to the embeddings:
/// PE(pos, 2i) = sin(pos / 10000^(2i/d_model)), PE(pos, 2i+1) = cos(pos / 10000^(2i/d_model)).
enum class PositionalEncoding
{
    None,
    Sinusoidal
};

/// A sequence of words: one name and one embedding row per token.
struct Sequence
{
    std::vector<std::string> tokens;
    Matrix embeddings; ///< n × d_model
};

/// The whole input of one attention computation.
///
/// Q = X W_Q, K = X_s W_K, V = X_s W_V, where X is the target sequence and
/// X_s the source sequence (X_s = X for self-attention). The heads split the
/// columns of Q, K (d_k) and V (d_v) into h equal slices; each head computes
/// weights = softmax(mask(score(Q_h, K_h) / (s · τ))) and output = weights · V_h;
/// the head outputs are concatenated and, if W_O is given, projected:
/// output = concat · W_O.
struct Scenario
{
    std::string title;
    std::string description;

    Sequence target;                ///< the queries' words (and keys' too for self-attention)
    std::optional<Sequence> source; ///< keys and values come from here for cross-attention

    Matrix wQ;                ///< d_model × d_k
    Matrix wK;                ///< d_model × d_k
    Matrix wV;                ///< d_model × d_v
    std::optional<Matrix> wO; ///< d_v × d_out, the output projection

    int heads = 1;

    ScoreFunction score = ScoreFunction::Dot;
    Matrix wA; ///< general: d_h × d_h; additive: d_h × d_a
    Matrix uA; ///< additive: d_h × d_a
    Vector vA; ///< additive: d_a

    ScaleMode scale = ScaleMode::SqrtHeadDim;
    double scaleValue = 1.0; ///< the divisor when scale is Custom
    double temperature = 1.0;

    MaskKind mask = MaskKind::None;
    std::vector<bool> padding; ///< empty, or one flag per key token: true = padding

    SpanKind span = SpanKind::Global;
    int window = 1; ///< D of local attention
    Matrix wP;      ///< local-p: d_k × d_p
    Vector vP;      ///< local-p: d_p

    SelectionKind selection = SelectionKind::Soft;
    std::uint64_t seed = 42; ///< for sampled selection

    PositionalEncoding positional = PositionalEncoding::None;

    /// Same inputs and options, number for number (NaN never equals NaN).
    bool operator==(const Scenario &other) const;
    bool operator!=(const Scenario &other) const { return !(*this == other); }

    bool isCrossAttention() const { return source.has_value(); }
    /// The sequence keys and values come from.
    const Sequence &keySequence() const { return source ? *source : target; }

    int queryCount() const { return static_cast<int>(target.embeddings.rows()); }
    int keyCount() const { return static_cast<int>(keySequence().embeddings.rows()); }
    int modelDim() const { return static_cast<int>(target.embeddings.cols()); }
    int keyDim() const { return static_cast<int>(wQ.cols()); }
    int valueDim() const { return static_cast<int>(wV.cols()); }
};

/// Limits that keep the window responsive and the memory bounded.
inline constexpr int maxTokens = 1024;
inline constexpr int maxDimension = 1024;
/// The most memory one computation's trace may take, in bytes (2 GiB). The
/// n × m scores of every head dominate: h · n · m · 8 bytes. validate()
/// refuses a scenario whose trace would need more (see traceBytes()).
inline constexpr double traceMemoryBudget = 2.0 * 1024 * 1024 * 1024;

/// The tutorial's example: four words [1,0,0] [0,1,0] [1,1,0] [0,0,1] and the
/// W_Q, W_K, W_V drawn by np.random.seed(42); np.random.randint(3, size=(3, 3)).
Scenario tutorialScenario();

} // namespace attn
