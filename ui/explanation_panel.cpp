#include "explanation_panel.h"

#include "document.h"
#include "stage_text.h"

#include <QFontDatabase>
#include <QLabel>
#include <QVBoxLayout>

namespace attn::ui {

ExplanationPanel::ExplanationPanel(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(3);
    setObjectName(QStringLiteral("explanationPanel"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("QWidget#explanationPanel { border: 1px solid palette(mid);"
                                 " border-radius: 6px; background: palette(alternate-base); }"));
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("explanationHeading"));
    m_heading->setTextFormat(Qt::RichText);
    m_working = new QLabel(this);
    m_working->setObjectName(QStringLiteral("explanationWorking"));
    m_working->setTextFormat(Qt::PlainText);
    m_working->setWordWrap(true);
    m_working->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(m_working->font().pointSizeF() * 1.15);
    m_working->setFont(mono);
    m_meaning = new QLabel(this);
    m_meaning->setObjectName(QStringLiteral("explanationMeaning"));
    m_meaning->setWordWrap(true);
    layout->addWidget(m_heading);
    layout->addWidget(m_working);
    layout->addWidget(m_meaning);
    layout->addStretch(1);
    clear();
}

void ExplanationPanel::clear()
{
    m_heading->setText(tr("<b>Point at any cell</b> of a heatmap"));
    m_working->setText(QString());
    m_meaning->setText(tr("Its working appears here with the numbers, and the cells it came "
                          "from are outlined in the other heatmaps. Click a cell to keep it."));
}

void ExplanationPanel::showExplanation(const Explanation &e)
{
    const Scenario &scenario = m_document->scenario();
    QString where = stage_text::title(e.cell.stage);
    const bool perHead = e.cell.stage >= Stage::Scores && e.cell.stage <= Stage::Output;
    if (perHead && m_document->trace().headCount() > 1)
        where += tr(", head %1").arg(e.cell.head + 1);
    const auto tokenName = [](const std::vector<std::string> &tokens, int index) {
        return index >= 0 && index < int(tokens.size())
                   ? QString::fromStdString(tokens[std::size_t(index)])
                   : QString();
    };
    QString pair;
    if (e.cell.stage >= Stage::Scores && e.cell.stage <= Stage::Weights) {
        pair = tr("%1 looking at %2")
                   .arg(tokenName(scenario.target.tokens, e.cell.row),
                        tokenName(scenario.keySequence().tokens, e.cell.col));
    } else if (e.cell.stage == Stage::Keys || e.cell.stage == Stage::Values) {
        pair = tokenName(scenario.keySequence().tokens, e.cell.row);
    } else {
        pair = tokenName(scenario.target.tokens, e.cell.row);
    }
    m_heading->setText(
        QStringLiteral("<b>%1</b> · %2").arg(where.toHtmlEscaped(), pair.toHtmlEscaped()));
    m_working->setText(QString::fromStdString(e.text));
    m_meaning->setText(meaning(e));
}

QString ExplanationPanel::workingText() const
{
    return m_working->text();
}

QString ExplanationPanel::meaningText() const
{
    return m_meaning->text();
}

QString ExplanationPanel::meaning(const Explanation &e)
{
    using Kind = Explanation::Kind;
    switch (e.kind) {
    case Kind::Input:
        return tr("The word's embedding as given (plus the encoding of its position, when "
                  "positional encoding is on).");
    case Kind::DotProduct:
        switch (e.cell.stage) {
        case Stage::Queries:
        case Stage::Keys:
        case Stage::Values:
            return tr("A row of the embeddings times a column of the weight matrix: multiply "
                      "pairwise, then add.");
        case Stage::Scores:
            return tr("How well the query matches the key: the dot product is large when the "
                      "two vectors point the same way.");
        case Stage::Output:
            return tr("A mix of the value rows, each weighted by how much this word attends to "
                      "that word.");
        default:
            return tr("The output projection W_O mixes the heads' outputs into one vector per "
                      "word.");
        }
    case Kind::General:
        return tr("The general score lets a learned matrix W_a decide which features of the "
                  "query should match which features of the key.");
    case Kind::Additive:
        return tr("The additive (Bahdanau) score feeds query and key through a small "
                  "one-layer network and reads the result with v_a.");
    case Kind::Scaling:
        return tr("Dividing by √d_k keeps the scores' spread the same whatever the key size: "
                  "the variance of q·k grows with d_k, and large scores would saturate the "
                  "softmax. A temperature τ above 1 flattens the weights, below 1 sharpens "
                  "them.");
    case Kind::Masked:
        switch (e.maskReason) {
        case MaskReason::Visible:
            return tr("Not masked: the scaled score passes through unchanged.");
        case MaskReason::Causal:
            return tr("Masked with −∞: this key comes after the query, and a decoder may not "
                      "look at words it has not produced yet.");
        case MaskReason::Padding:
            return tr("Masked with −∞: this key is padding, not a real word.");
        case MaskReason::OutsideWindow:
            return tr("Masked with −∞: this key lies outside the local window around the "
                      "aligned position p_t.");
        }
        break;
    case Kind::Softmax:
        if (e.maskReason != MaskReason::Visible)
            return tr("exp(−∞) = 0: a masked key gets no weight at all.");
        return tr("exp makes every score positive and dividing by the row's sum makes the "
                  "weights add up to 1. Subtracting the row's maximum first keeps exp from "
                  "overflowing and does not change the result.");
    case Kind::LocalSoftmax:
        return tr("Local-p: the softmax over the window, multiplied by a Gaussian centred on "
                  "the predicted position p_t (σ = D/2), so keys near p_t count most. The row "
                  "no longer sums to 1.");
    case Kind::Hard:
        return tr("Hard attention puts all the weight on the key with the largest soft weight. "
                  "Picking the arg-max is a step, with no gradient with respect to the scores, "
                  "so hard attention cannot be trained by backpropagation directly.");
    case Kind::Sampled:
        return tr("Stochastic hard attention draws one key, each with probability equal to its "
                  "soft weight (the seed makes the draw repeatable), and puts all the weight "
                  "on it. A draw has no gradient either; it is trained with sampling-based "
                  "estimators instead.");
    case Kind::FullyMasked:
        return tr("Every key of this row is masked: there is nothing to attend to, so the "
                  "weights are 0 and the output is the zero vector.");
    case Kind::Concatenated:
        return tr("The heads' outputs are laid side by side: this value is copied from one "
                  "head's output.");
    }
    return {};
}

} // namespace attn::ui
