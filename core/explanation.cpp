#include "explanation.h"

#include "head_computation.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

namespace attn {

namespace {

constexpr const char *minusSign = "\u2212";
constexpr const char *dot = "\u00b7";
/// Sums with more terms than this show the first ones, "…" and the last one.
constexpr int maxShownTerms = 8;

/// Rows, columns, words and heads are counted from 1, as the tutorial and the
/// lesson write them: score[1][3], q₁·k₃, W_Q[:,2], head 1.
std::string oneBased(int index)
{
    return std::to_string(index + 1);
}

std::string index(int row, int col)
{
    return "[" + oneBased(row) + "][" + oneBased(col) + "]";
}

/// "q" and 0 give "q₁": a vector named by its 1-based position.
std::string subscripted(const std::string &name, int index)
{
    static const char *const digits[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
    std::string result = name;
    for (char digit : oneBased(index))
        result += digits[digit - '0'];
    return result;
}

/// A factor inside a product: negative numbers in parentheses, 2·(−1).
std::string factor(double value)
{
    const std::string text = formatNumber(value);
    return value < 0 ? "(" + text + ")" : text;
}

/// "a₀·b₀ + a₁·b₁ + …", shortened for long rows.
template <typename Left, typename Right>
std::string sumOfProducts(const Left &left, const Right &right)
{
    const Eigen::Index count = left.size();
    std::string text;
    for (Eigen::Index term = 0; term < count; ++term) {
        if (count > maxShownTerms && term == maxShownTerms - 2) {
            text += " + …";
            term = count - 1;
        }
        if (!text.empty())
            text += " + ";
        text += factor(left(term)) + dot + factor(right(term));
    }
    return text;
}

std::string stageSymbol(Stage stage)
{
    switch (stage) {
    case Stage::Embeddings:
        return "x";
    case Stage::Queries:
        return "Q";
    case Stage::Keys:
        return "K";
    case Stage::Values:
        return "V";
    case Stage::Scores:
        return "score";
    case Stage::Scaled:
        return "scaled";
    case Stage::Masked:
        return "masked";
    case Stage::Weights:
        return "weights";
    case Stage::Output:
        return "output";
    case Stage::Concat:
        return "concat";
    case Stage::Projected:
        return "projected";
    }
    return {};
}

void explainInput(const Trace &trace, Explanation &e)
{
    const int row = e.cell.row;
    const int col = e.cell.col;
    e.kind = Explanation::Kind::Input;
    e.text = "x" + index(row, col) + " = ";
    if (trace.positionalEncoding.size() > 0) {
        e.text += "embedding" + index(row, col) + " + PE" + index(row, col) + " = " +
                  formatNumber(trace.embeddings(row, col)) + " + " +
                  factor(trace.positionalEncoding(row, col)) + " = ";
    }
    e.text += formatNumber(e.value);
}

void explainProjection(const Scenario &s, const Trace &trace, Explanation &e)
{
    const int row = e.cell.row;
    const int col = e.cell.col;
    const Stage stage = e.cell.stage;
    const bool fromSource = s.source && stage != Stage::Queries;
    const Matrix &input = fromSource ? trace.sourceInput : trace.input;
    const Matrix &weights = stage == Stage::Queries ? s.wQ : stage == Stage::Keys ? s.wK : s.wV;
    const std::string weightName = stage == Stage::Queries ? "W_Q"
                                   : stage == Stage::Keys  ? "W_K"
                                                           : "W_V";
    const std::string inputName = fromSource ? "s" : "x";
    e.kind = Explanation::Kind::DotProduct;
    e.text = stageSymbol(stage) + index(row, col) + " = " + subscripted(inputName, row) + dot +
             weightName + "[:," + oneBased(col) + "] = " + sumOfProducts(input.row(row), weights.col(col)) + " = " +
             formatNumber(e.value);
    // The source sequence has no stage of its own; its rows are only named.
    if (!fromSource)
        e.sources.push_back({Stage::Embeddings, 0, row, -1});
}

void explainScore(const Scenario &s, const HeadTrace &head, Explanation &e)
{
    const int row = e.cell.row;
    const int col = e.cell.col;
    const std::string q = subscripted("q", row);
    const std::string k = subscripted("k", col);
    const std::string result = " = " + formatNumber(e.value);
    switch (s.score) {
    case ScoreFunction::Dot:
        e.kind = Explanation::Kind::DotProduct;
        e.text = "score" + index(row, col) + " = " + q + dot + k + " = " +
                 sumOfProducts(head.queries.row(row), head.keys.row(col)) + result;
        break;
    case ScoreFunction::General: {
        e.kind = Explanation::Kind::General;
        const Eigen::RowVectorXd projected = head.queries.row(row) * s.wA;
        e.text = "score" + index(row, col) + " = (" + q + dot + "W_a)" + dot + k + " = " +
                 sumOfProducts(projected, head.keys.row(col)) + result;
        break;
    }
    case ScoreFunction::Additive: {
        e.kind = Explanation::Kind::Additive;
        const Eigen::RowVectorXd hidden = head.queries.row(row) * s.wA + head.keys.row(col) * s.uA;
        std::string terms;
        for (Eigen::Index term = 0; term < hidden.size(); ++term) {
            if (hidden.size() > maxShownTerms && term == maxShownTerms - 2) {
                terms += " + …";
                term = hidden.size() - 1;
            }
            if (!terms.empty())
                terms += " + ";
            terms += factor(s.vA(term)) + dot + "tanh(" + formatNumber(hidden(term)) + ")";
        }
        e.text = "score" + index(row, col) + " = v_a" + dot + "tanh(" + q + dot + "W_a + " + k +
                 dot + "U_a) = " + terms + result;
        break;
    }
    }
    e.sources.push_back({Stage::Queries, e.cell.head, row, -1});
    e.sources.push_back({Stage::Keys, e.cell.head, col, -1});
}

void explainScaled(const Trace &trace, const HeadTrace &head, Explanation &e)
{
    const int row = e.cell.row;
    const int col = e.cell.col;
    e.kind = Explanation::Kind::Scaling;
    const bool withTemperature = trace.temperature != 1.0;
    e.text = "scaled" + index(row, col) + " = score" + index(row, col) +
             (withTemperature ? " / (s" + std::string(dot) + "τ) = " : " / s = ") +
             formatNumber(head.storedScores()(row, col)) + " / " +
             (withTemperature ? "(" + formatNumber(trace.scaleDivisor) + dot +
                                    formatNumber(trace.temperature) + ")"
                              : formatNumber(trace.scaleDivisor)) +
             " = " + formatNumber(e.value);
    e.sources.push_back({Stage::Scores, e.cell.head, row, col});
}

void explainMasked(const Trace &trace, Explanation &e)
{
    const int row = e.cell.row;
    const int col = e.cell.col;
    e.kind = Explanation::Kind::Masked;
    e.maskReason = trace.mask(row, col);
    e.text = "masked" + index(row, col) + " = ";
    if (e.maskReason == MaskReason::Visible)
        e.text += "scaled" + index(row, col) + " = ";
    e.text += formatNumber(e.value);
    e.sources.push_back({Stage::Scaled, e.cell.head, row, col});
}

bool rowFullyMasked(const Trace &trace, int row)
{
    for (int masked : trace.fullyMaskedRows) {
        if (masked == row)
            return true;
    }
    return false;
}

void explainWeight(const Scenario &s, const Trace &trace, const HeadTrace &head, Explanation &e)
{
    const int row = e.cell.row;
    const int col = e.cell.col;
    const std::string cell = "weights" + index(row, col);
    e.maskReason = trace.mask(row, col);
    e.sources.push_back({Stage::Masked, e.cell.head, row, -1});

    if (rowFullyMasked(trace, row)) {
        e.kind = Explanation::Kind::FullyMasked;
        e.text = cell + " = 0";
        return;
    }
    if (s.selection != SelectionKind::Soft) {
        const int chosen =
            head.sampledKeys.empty() ? -1 : head.sampledKeys[static_cast<std::size_t>(row)];
        e.kind = s.selection == SelectionKind::Hard ? Explanation::Kind::Hard
                                                    : Explanation::Kind::Sampled;
        e.chosenKey = chosen;
        e.gaussianWeighted = s.span == SpanKind::LocalP;
        const auto &keyTokens = s.keySequence().tokens;
        if (chosen >= 0 && chosen < static_cast<int>(keyTokens.size()))
            e.chosenKeyName = keyTokens[static_cast<std::size_t>(chosen)];
        // One soft row, as the selection saw it: the probability of the chosen key.
        std::vector<double> soft(static_cast<std::size_t>(head.storedScores().cols()));
        if (chosen >= 0 && HeadComputation::softWeightsRow(trace, head.storedScores(), row,
                                                           soft.data())) {
            e.chosenWeight = soft[static_cast<std::size_t>(chosen)];
            // The draw divides by the row's sum (below 1 only for local-p).
            double total = 0.0;
            for (double weight : soft)
                total += weight;
            if (s.selection == SelectionKind::Sample && total > 0.0)
                e.chosenWeight /= total;
        }
        // argmax_k softmax[1][k] = 3 (softmax[1][3] = 0.7491) ⇒ weights[1][3] = 1
        const std::string softRow = "softmax[" + oneBased(row) + "]";
        e.text = s.selection == SelectionKind::Hard ? "argmax_k " + softRow + "[k] = "
                                                    : "k* ~ " + softRow + ": k* = ";
        if (chosen >= 0)
            e.text += oneBased(chosen) +
                      (s.selection == SelectionKind::Hard
                           ? " (" + softRow + "[" + oneBased(chosen) + "] = "
                           : " (p = ") +
                      formatNumber(e.chosenWeight) + ")";
        else
            e.text += "?";
        e.text += " ⇒ " + cell + " = " + formatNumber(e.value);
        return;
    }

    const Eigen::RowVectorXd masked = trace.matrixRow(Stage::Masked, e.cell.head, row);
    double rowMax = -std::numeric_limits<double>::infinity();
    for (Eigen::Index key = 0; key < masked.size(); ++key) {
        if (trace.mask(row, key) == MaskReason::Visible && masked(key) > rowMax)
            rowMax = masked(key);
    }
    double denominator = 0.0;
    for (Eigen::Index key = 0; key < masked.size(); ++key) {
        if (trace.mask(row, key) == MaskReason::Visible)
            denominator += std::exp(masked(key) - rowMax);
    }
    const std::string x = "masked" + index(row, col);
    const std::string sum = "Σ_k exp(masked[" + oneBased(row) + "][k] " + minusSign + " max)";
    const std::string softmaxText = "exp(" + x + " " + minusSign + " max) / " + sum + " = exp(" +
                                    formatNumber(masked(col)) + " " + minusSign + " " +
                                    factor(rowMax) + ") / " + formatNumber(denominator);

    if (s.span == SpanKind::LocalP) {
        e.kind = Explanation::Kind::LocalSoftmax;
        const double position = trace.alignedPositions(row);
        const double sigma = s.window / 2.0;
        // s is the key's position, measured from 0 like p_t: key j sits at s = j − 1.
        e.text = cell + " = " + softmaxText + " " + dot + " exp(" + minusSign + "(" +
                 std::to_string(col) + " " + minusSign + " " + formatNumber(position) + ")²/(2" +
                 dot + formatNumber(sigma) + "²)) = " + formatNumber(e.value);
        return;
    }
    e.kind = Explanation::Kind::Softmax;
    e.text = cell + " = " + softmaxText + " = " + formatNumber(e.value);
}

void explainOutput(const Trace &trace, const HeadTrace &head, Explanation &e)
{
    const int row = e.cell.row;
    const int col = e.cell.col;
    e.kind = Explanation::Kind::DotProduct;
    e.text =
        "output" + index(row, col) + " = Σ_k weights[" + oneBased(row) + "][k]" + dot + "v[k][" +
        oneBased(col) + "] = " +
        sumOfProducts(trace.matrixRow(Stage::Weights, e.cell.head, row), head.values.col(col)) +
        " = " + formatNumber(e.value);
    e.sources.push_back({Stage::Weights, e.cell.head, row, -1});
    e.sources.push_back({Stage::Values, e.cell.head, -1, e.cell.head * trace.headValueDim + col});
}

void explainConcat(const Trace &trace, Explanation &e)
{
    const int row = e.cell.row;
    const int col = e.cell.col;
    const int head = col / trace.headValueDim;
    const int headCol = col % trace.headValueDim;
    e.kind = Explanation::Kind::Concatenated;
    e.text = "concat" + index(row, col) + " = output_" + oneBased(head) + index(row, headCol) + " = " + formatNumber(e.value);
    e.sources.push_back({Stage::Output, head, row, headCol});
}

void explainProjected(const Scenario &s, const Trace &trace, Explanation &e)
{
    const int row = e.cell.row;
    const int col = e.cell.col;
    e.kind = Explanation::Kind::DotProduct;
    if (!trace.projected) {
        e.kind = Explanation::Kind::Concatenated;
        e.text = "projected" + index(row, col) + " = concat" + index(row, col) + " = " +
                 formatNumber(e.value);
        e.sources.push_back({Stage::Concat, 0, row, col});
        return;
    }
    e.text = "projected" + index(row, col) + " = " + subscripted("concat", row) + dot + "W_O[:," +
             oneBased(col) + "] = " + sumOfProducts(trace.concat.row(row), s.wO->col(col)) +
             " = " + formatNumber(e.value);
    e.sources.push_back({Stage::Concat, 0, row, -1});
}

} // namespace

std::string formatNumber(double value, int significant)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "∞" : std::string(minusSign) + "∞";
    if (value == 0.0)
        return "0"; // also for −0
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*g", significant, std::fabs(value));
    return (value < 0 ? std::string(minusSign) : std::string()) + buffer;
}

Explanation explain(const Scenario &scenario, const Trace &trace, const CellRef &cell)
{
    Explanation e;
    e.cell = cell;
    // One row of the stage: the n × m stages are computed from the scores on demand.
    const Eigen::RowVectorXd values = trace.matrixRow(cell.stage, cell.head, cell.row);
    if (cell.row < 0 || cell.col < 0 || cell.col >= values.size()) {
        e.text = stageSymbol(cell.stage) + index(cell.row, cell.col) + " = ?";
        return e;
    }
    e.value = values(cell.col);

    switch (cell.stage) {
    case Stage::Embeddings:
        explainInput(trace, e);
        break;
    case Stage::Queries:
    case Stage::Keys:
    case Stage::Values:
        explainProjection(scenario, trace, e);
        break;
    case Stage::Scores:
        explainScore(scenario, trace.heads[cell.head], e);
        break;
    case Stage::Scaled:
        explainScaled(trace, trace.heads[cell.head], e);
        break;
    case Stage::Masked:
        explainMasked(trace, e);
        break;
    case Stage::Weights:
        explainWeight(scenario, trace, trace.heads[cell.head], e);
        break;
    case Stage::Output:
        explainOutput(trace, trace.heads[cell.head], e);
        break;
    case Stage::Concat:
        explainConcat(trace, e);
        break;
    case Stage::Projected:
        explainProjected(scenario, trace, e);
        break;
    }
    return e;
}

} // namespace attn
