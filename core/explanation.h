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
/// `score[0][2] = q0·k2 = 2·2 + 0·4 + 2·3 = 10`; it contains no words, so it
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
};

/// Explains one cell of a computed trace. The cell must lie inside the stage's
/// matrix; otherwise the explanation's text says so and it has no sources.
Explanation explain(const Scenario &scenario, const Trace &trace, const CellRef &cell);

/// A number as the explanations write it: up to `significant` digits, no
/// trailing zeros, "−∞" / "∞" / "NaN" for non-finite values.
std::string formatNumber(double value, int significant = 4);

} // namespace attn
