#pragma once

#include "scenario.h"
#include "trace.h"

#include <string>
#include <vector>

namespace attn {

/// A cell (or a whole row / column when `row` or `col` is −1) of a stage.
struct CellRef
{
    Stage stage = Stage::Scores;
    int head = 0; ///< for per-head stages; ignored otherwise
    int row = -1;
    int col = -1;

    bool operator==(const CellRef &other) const
    {
        return stage == other.stage && head == other.head && row == other.row && col == other.col;
    }
};

/// How a cell's value came about, with the numbers, for the UI to show.
///
/// `text` is the whole working in mathematical notation, for example
/// `score[1][3] = q₁·k₃ = 2·2 + 0·4 + 2·3 = 10`; rows, columns and heads are
/// counted from 1, as the tutorial writes them. It contains no words, so it
/// needs no translation. `kind` and `maskReason` let the UI add a sentence in
/// the learner's language. `sources` are the cells the value was computed
/// from, for highlighting in the other heatmaps.
struct Explanation
{
    enum class Kind
    {
        Input,        ///< an embedding as given (plus positional encoding)
        DotProduct,   ///< a sum of products: projections, dot scores, outputs
        General,      ///< (q W_a) · k
        Additive,     ///< v_a · tanh(q W_a + k U_a)
        Scaling,      ///< a quotient by s · τ
        Masked,       ///< −∞ for `maskReason`, or the scaled score passed through
        Softmax,      ///< exp(x − max) / Σ
        LocalSoftmax, ///< softmax over the window times the Gaussian around p_t
        Hard,         ///< one-hot at the arg-max
        Sampled,      ///< one-hot at a key drawn from the soft row
        FullyMasked,  ///< every key of the row is hidden: weight 0
        Concatenated, ///< copied from one head's output
    };

    CellRef cell;
    Kind kind = Kind::DotProduct;
    double value = 0.0;
    MaskReason maskReason = MaskReason::Visible;
    std::string text;
    std::vector<CellRef> sources;
    /// Hard and sampled weights: the key that got all the weight (0-based,
    /// −1 if none), its word, and its soft weight (hard) or the probability it
    /// was drawn with (sampled: the soft weight over the row's sum, the same
    /// but for local-p). The UI says it in words: "all weight on key 3 (word_3)".
    int chosenKey = -1;
    std::string chosenKeyName;
    double chosenWeight = 0.0;
    /// local-p: the soft weights are multiplied by the Gaussian around p_t,
    /// so the hard choice is the largest weight, not always the largest score.
    bool gaussianWeighted = false;
};

/// Explains one cell of a computed trace. The cell must lie inside the stage's
/// matrix; otherwise the explanation's text says so and it has no sources.
Explanation explain(const Scenario &scenario, const Trace &trace, const CellRef &cell);

/// A number as the explanations write it: up to `significant` digits, no
/// trailing zeros, "−∞" / "∞" / "NaN" for non-finite values.
std::string formatNumber(double value, int significant = 4);

} // namespace attn
