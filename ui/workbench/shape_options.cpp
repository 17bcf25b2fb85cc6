#include "shape_options.h"

#include "document.h"
#include "scenario_edit.h"

#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <algorithm>

namespace attn::ui {

namespace {

/// Spin boxes show up to this much; a loaded scenario may go beyond it.
constexpr int maxHeadsShown = 8;
constexpr int maxDimensionShown = 64;
constexpr int maxTokensShown = 64;

} // namespace

ShapeOptions::ShapeOptions(Document *document) : OptionsSection(document, "shapeGroup")
{
    m_form = new QFormLayout(this);
    m_headsSpin = createSpinBox("headsSpin", 1, maxHeadsShown, this);
    m_headsNote = createNote("headsNote", this);
    m_modelDimSpin = createSpinBox("modelDimSpin", 1, maxDimensionShown, this);
    m_keyDimSpin = createSpinBox("keyDimSpin", 1, maxDimensionShown, this);
    m_valueDimSpin = createSpinBox("valueDimSpin", 1, maxDimensionShown, this);
    m_tokenCountSpin = createSpinBox("tokenCountSpin", 1, maxTokensShown, this);
    m_sourceTokenCountSpin = createSpinBox("sourceTokenCountSpin", 1, maxTokensShown, this);
    addLabelledRow(m_form, m_headsSpin);
    m_form->addRow(m_headsNote);
    addLabelledRow(m_form, m_modelDimSpin);
    addLabelledRow(m_form, m_keyDimSpin);
    addLabelledRow(m_form, m_valueDimSpin);
    addLabelledRow(m_form, m_tokenCountSpin);
    addLabelledRow(m_form, m_sourceTokenCountSpin);

    const auto spinChanged = &QSpinBox::valueChanged;
    connect(m_headsSpin, spinChanged, this, &ShapeOptions::changeHeads);
    connect(m_modelDimSpin, spinChanged, this, [this](int value) {
        m_document->change(edit::withModelDim(m_document->scenario(), value),
                           tr("Set d_model to %1").arg(value));
    });
    connect(m_keyDimSpin, spinChanged, this, [this](int value) {
        m_document->change(edit::withKeyDim(m_document->scenario(), value),
                           tr("Set d_k to %1").arg(value));
    });
    connect(m_valueDimSpin, spinChanged, this, [this](int value) {
        m_document->change(edit::withValueDim(m_document->scenario(), value),
                           tr("Set d_v to %1").arg(value));
    });
    connect(m_tokenCountSpin, spinChanged, this, [this](int value) {
        m_document->change(edit::withTokenCount(m_document->scenario(), edit::Side::Target, value),
                           tr("Set the number of words to %1").arg(value));
    });
    connect(m_sourceTokenCountSpin, spinChanged, this, [this](int value) {
        m_document->change(edit::withTokenCount(m_document->scenario(), edit::Side::Source, value),
                           tr("Set the number of source words to %1").arg(value));
    });
}

Scenario ShapeOptions::withHeadsKeepingHeadDims(const Scenario &current, int heads)
{
    const int oldHeads = std::max(1, current.heads);
    const bool splitsEvenly =
        current.keyDim() % oldHeads == 0 && current.valueDim() % oldHeads == 0;
    const int headKeyDim = current.keyDim() / oldHeads;
    const int headValueDim = current.valueDim() / oldHeads;
    if (heads < 1 || !splitsEvenly || heads * headKeyDim > maxDimension ||
        heads * headValueDim > maxDimension)
        return edit::withHeads(current, heads);
    // One head more is d_h more columns of W_Q and W_K (and d_v/h of W_V): the
    // old heads keep their columns, so their numbers do not change.
    Scenario next = current;
    next.heads = heads;
    next = edit::withKeyDim(next, heads * headKeyDim);
    return edit::withValueDim(next, heads * headValueDim);
}

QString ShapeOptions::headsChangeText(const Scenario &before, const Scenario &after)
{
    const int heads = std::max(1, after.heads);
    const int headKeyDim = after.keyDim() / heads;
    const int headValueDim = after.valueDim() / heads;
    const bool kept = after.keyDim() % heads == 0 && after.valueDim() % heads == 0 &&
                      headKeyDim == before.keyDim() / std::max(1, before.heads) &&
                      headValueDim == before.valueDim() / std::max(1, before.heads);
    QString text;
    if (kept)
        text = heads == 1 ? tr("1 head of d_h = %1, as before (d_v = %2 per head):")
                                .arg(headKeyDim)
                                .arg(headValueDim)
                          : tr("%n heads of d_h = %1 each, as before (d_v = %2 per head):",
                               nullptr, heads)
                                .arg(headKeyDim)
                                .arg(headValueDim);
    else
        text = tr("d_h is now %1 (d_v = %2 per head), so that %n heads split d_k and d_v evenly:",
                  nullptr, heads)
                   .arg(headKeyDim)
                   .arg(headValueDim);
    text += QLatin1Char(' ');
    text += tr("d_k = %1 and d_v = %2; W_Q and W_K are %3×%1, W_V %3×%2.")
                .arg(after.keyDim())
                .arg(after.valueDim())
                .arg(after.modelDim());
    if (after.wO)
        text += QLatin1Char(' ') +
                tr("W_O is %1×%2.").arg(after.wO->rows()).arg(after.wO->cols());
    const int oldHeads = std::max(1, before.heads);
    if (kept && heads > oldHeads)
        text += QLatin1Char(' ') +
                (oldHeads == 1
                     ? tr("Head 1 keeps its numbers; the new heads' columns start at 0.")
                     : tr("Heads 1–%n keep their numbers; the new heads' columns start at 0.",
                          nullptr, oldHeads));
    else if (kept && heads < oldHeads)
        text += QLatin1Char(' ') +
                (heads == 1 ? tr("Head 1 keeps its numbers; the columns of the other heads are "
                                 "gone.")
                            : tr("Heads 1–%n keep their numbers; the columns of the other heads "
                                 "are gone.",
                                 nullptr, heads));
    return text;
}

void ShapeOptions::changeHeads(int heads)
{
    const Scenario &current = m_document->scenario();
    const Scenario next = withHeadsKeepingHeadDims(current, heads);
    m_pendingHeadsNote = next.heads == current.heads ? QString() : headsChangeText(current, next);
    m_document->change(next, tr("Set the number of heads to %1").arg(heads));
}

void ShapeOptions::showScenario(const Scenario &s)
{
    showValue(m_headsSpin, s.heads, maxHeadsShown);
    showValue(m_modelDimSpin, s.modelDim(), maxDimensionShown);
    showValue(m_keyDimSpin, s.keyDim(), maxDimensionShown);
    showValue(m_valueDimSpin, s.valueDim(), maxDimensionShown);
    // Steps of h keep d_k and d_v splitting evenly over the heads.
    m_keyDimSpin->setSingleStep(std::max(1, s.heads));
    m_valueDimSpin->setSingleStep(std::max(1, s.heads));
    showValue(m_tokenCountSpin, s.queryCount(), maxTokensShown);
    showValue(m_sourceTokenCountSpin, s.source ? s.keyCount() : s.queryCount(), maxTokensShown);
    m_sourceTokenCountSpin->setEnabled(s.isCrossAttention());
    m_headsNote->setText(m_pendingHeadsNote);
    m_headsNote->setVisible(!m_pendingHeadsNote.isEmpty());
    m_pendingHeadsNote.clear();
}

void ShapeOptions::retranslate()
{
    setTitle(tr("Shape"));
    setRowLabel(m_form, m_headsSpin, tr("Heads h:"));
    setRowLabel(m_form, m_modelDimSpin, tr("d_model:"));
    setRowLabel(m_form, m_keyDimSpin, tr("d_k:"));
    setRowLabel(m_form, m_valueDimSpin, tr("d_v:"));
    setRowLabel(m_form, m_tokenCountSpin, tr("Words:"));
    setRowLabel(m_form, m_sourceTokenCountSpin, tr("Source words:"));
    m_headsSpin->setToolTip(
        tr("Multi-head attention splits Q, K and V by columns into h slices of d_k/h and d_v/h. "
           "Each head computes its own weights, so different heads can attend to different "
           "words; their outputs are concatenated (and projected by W_O). A change of h keeps "
           "each head's size d_h = d_k/h: d_k and d_v grow or shrink with h, and the note below "
           "says what changed."));
    m_modelDimSpin->setToolTip(
        tr("d_model: the length of each word's embedding, the columns of X and the rows of W_Q, "
           "W_K and W_V. A new feature starts at 0 in every word."));
    m_keyDimSpin->setToolTip(
        tr("d_k: the length of queries and keys, the columns of W_Q and W_K. A score q·k adds up "
           "d_k products, so its spread grows with d_k. Steps of h keep it splitting evenly "
           "over the heads."));
    m_valueDimSpin->setToolTip(
        tr("d_v: the length of the values, the columns of W_V. Each output row is a weighted "
           "average of value rows, so it has d_v numbers."));
    m_tokenCountSpin->setToolTip(
        tr("The number of words in the sentence (rows of X). A new word gets a one-hot "
           "embedding; removing words keeps the first ones."));
    m_sourceTokenCountSpin->setToolTip(
        tr("With cross-attention: the number of words in the source sentence, which gives the "
           "keys and the values."));
}

} // namespace attn::ui
