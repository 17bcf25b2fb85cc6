#include "explanation_text.h"

#include <QCoreApplication>
#include <QLocale>

namespace attn::ui::explanation_text {

namespace {

/// "key 3 (word_3)": the chosen key, 1-based, with its word.
QString keyName(const Explanation &e)
{
    const QString number = QString::number(e.chosenKey + 1);
    return e.chosenKeyName.empty()
               ? QCoreApplication::translate("ExplanationText", "key %1").arg(number)
               : QCoreApplication::translate("ExplanationText", "key %1 (%2)")
                     .arg(number, QString::fromStdString(e.chosenKeyName));
}

QString probability(double value)
{
    return QLocale().toString(value, 'g', 3);
}

} // namespace

QString choiceInWords(const Explanation &e)
{
    if (e.kind != Explanation::Kind::Hard && e.kind != Explanation::Kind::Sampled)
        return {};
    if (e.chosenKey < 0)
        return QCoreApplication::translate("ExplanationText",
                                           "No key could be chosen: the weights are 0.");
    QString choice;
    if (e.kind == Explanation::Kind::Hard)
        choice = e.gaussianWeighted
                     ? QCoreApplication::translate(
                           "ExplanationText",
                           "All weight on %1, the largest weight after the Gaussian (%2).")
                           .arg(keyName(e), probability(e.chosenWeight))
                     : QCoreApplication::translate(
                           "ExplanationText",
                           "All weight on %1, the largest score (soft weight %2).")
                           .arg(keyName(e), probability(e.chosenWeight));
    else if (e.chosenKeyName.empty())
        choice = QCoreApplication::translate(
                     "ExplanationText", "Key %1 was drawn with probability %2, so all weight "
                                        "goes to it.")
                     .arg(QString::number(e.chosenKey + 1), probability(e.chosenWeight));
    else
        choice = QCoreApplication::translate(
                     "ExplanationText", "Key %1 (%2) was drawn with probability %3, so all "
                                        "weight goes to it.")
                     .arg(QString::number(e.chosenKey + 1),
                          QString::fromStdString(e.chosenKeyName), probability(e.chosenWeight));
    // Say what that means for the cell under the pointer.
    const QString cell =
        e.cell.col == e.chosenKey
            ? QCoreApplication::translate("ExplanationText", "This cell is that key: 1.")
            : QCoreApplication::translate("ExplanationText", "This key gets 0.");
    return choice + QLatin1Char(' ') + cell;
}

QString whyNotDifferentiable(Explanation::Kind kind)
{
    if (kind == Explanation::Kind::Hard)
        return QCoreApplication::translate(
            "ExplanationText",
            "Hard attention puts all the weight on the key with the largest soft weight. "
            "Picking the arg-max is a step, with no gradient with respect to the scores, "
            "so hard attention cannot be trained by backpropagation directly.");
    return QCoreApplication::translate(
        "ExplanationText",
        "Stochastic hard attention draws one key, each with probability equal to its "
        "soft weight (the seed makes the draw repeatable), and puts all the weight "
        "on it. A draw has no gradient either; it is trained with sampling-based "
        "estimators instead.");
}

QString meaning(const Explanation &e)
{
    using Kind = Explanation::Kind;
    switch (e.kind) {
    case Kind::Input:
        return QCoreApplication::translate(
            "ExplanationText",
            "The word's embedding as given (plus the encoding of its position, when "
            "positional encoding is on).");
    case Kind::DotProduct:
        switch (e.cell.stage) {
        case Stage::Queries:
        case Stage::Keys:
        case Stage::Values:
            return QCoreApplication::translate(
                "ExplanationText",
                "A row of the embeddings times a column of the weight matrix: multiply "
                "pairwise, then add.");
        case Stage::Scores:
            return QCoreApplication::translate(
                "ExplanationText",
                "How well the query matches the key: the dot product is large when the "
                "two vectors point the same way.");
        case Stage::Output:
            return QCoreApplication::translate(
                "ExplanationText",
                "A mix of the value rows, each weighted by how much this word attends to "
                "that word.");
        default:
            return QCoreApplication::translate(
                "ExplanationText",
                "The output projection W_O mixes the heads' outputs into one vector per "
                "word.");
        }
    case Kind::General:
        return QCoreApplication::translate(
            "ExplanationText",
            "The general score lets a learned matrix W_a decide which features of the "
            "query should match which features of the key.");
    case Kind::Additive:
        return QCoreApplication::translate(
            "ExplanationText", "The additive (Bahdanau) score feeds query and key through a small "
                               "one-layer network and reads the result with v_a.");
    case Kind::Scaling:
        return QCoreApplication::translate(
            "ExplanationText",
            "Dividing by √d_k keeps the scores' spread the same whatever the key size: "
            "the variance of q·k grows with d_k, and large scores would saturate the "
            "softmax. A temperature τ above 1 flattens the weights, below 1 sharpens "
            "them.");
    case Kind::Masked:
        switch (e.maskReason) {
        case MaskReason::Visible:
            return QCoreApplication::translate(
                "ExplanationText", "Not masked: the scaled score passes through unchanged.");
        case MaskReason::Causal:
            return QCoreApplication::translate(
                "ExplanationText",
                "Masked with −∞: this key comes after the query, and a decoder may not "
                "look at words it has not produced yet.");
        case MaskReason::Padding:
            return QCoreApplication::translate(
                "ExplanationText", "Masked with −∞: this key is padding, not a real word.");
        case MaskReason::OutsideWindow:
            return QCoreApplication::translate(
                "ExplanationText",
                "Masked with −∞: this key lies outside the local window around the "
                "aligned position p_t.");
        }
        break;
    case Kind::Softmax:
        if (e.maskReason != MaskReason::Visible)
            return QCoreApplication::translate("ExplanationText",
                                               "exp(−∞) = 0: a masked key gets no weight at all.");
        return QCoreApplication::translate(
            "ExplanationText",
            "exp makes every score positive and dividing by the row's sum makes the "
            "weights add up to 1. Subtracting the row's maximum first keeps exp from "
            "overflowing and does not change the result.");
    case Kind::LocalSoftmax:
        return QCoreApplication::translate(
            "ExplanationText",
            "Local-p: the softmax over the window, multiplied by a Gaussian centred on "
            "the predicted position p_t (σ = D/2), so keys near p_t count most. The row "
            "no longer sums to 1.");
    case Kind::Hard:
    case Kind::Sampled:
        return choiceInWords(e) + QLatin1Char(' ') + whyNotDifferentiable(e.kind);
    case Kind::FullyMasked:
        return QCoreApplication::translate(
            "ExplanationText",
            "Every key of this row is masked: there is nothing to attend to, so the "
            "weights are 0 and the output is the zero vector.");
    case Kind::Concatenated:
        return QCoreApplication::translate(
            "ExplanationText",
            "The heads' outputs are laid side by side: this value is copied from one "
            "head's output.");
    }
    return {};
}

} // namespace attn::ui::explanation_text
