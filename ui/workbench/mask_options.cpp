#include "mask_options.h"

#include "document.h"
#include "scenario_edit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <algorithm>

namespace attn::ui {

namespace {

constexpr int maxWindowShown = 16;
constexpr int paddingColumns = 2;

} // namespace

MaskOptions::MaskOptions(Document *document) : OptionsSection(document, "maskGroup")
{
    m_form = new QFormLayout(this);
    m_maskCombo = createComboBox("maskCombo", {int(MaskKind::None), int(MaskKind::Causal)}, this);
    m_paddingLabel = new QLabel(this);
    m_paddingLabel->setWordWrap(true);
    m_paddingBox = new QWidget(this);
    m_paddingBox->setObjectName(QStringLiteral("paddingBox"));
    m_paddingGrid = new QGridLayout(m_paddingBox);
    m_paddingGrid->setContentsMargins(0, 0, 0, 0);
    m_spanCombo = createComboBox(
        "spanCombo", {int(SpanKind::Global), int(SpanKind::LocalM), int(SpanKind::LocalP)}, this);
    m_windowSpin = createSpinBox("windowSpin", 0, maxWindowShown, this);
    addLabelledRow(m_form, m_maskCombo);
    m_form->addRow(m_paddingLabel);
    m_form->addRow(m_paddingBox);
    addLabelledRow(m_form, m_spanCombo);
    addLabelledRow(m_form, m_windowSpin);

    connect(m_maskCombo, &QComboBox::currentIndexChanged, this, [this] {
        Scenario next = m_document->scenario();
        next.mask = currentData<MaskKind>(m_maskCombo);
        m_document->change(next, tr("Mask: %1").arg(m_maskCombo->currentText()));
    });
    connect(m_spanCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_document->change(
            edit::withSpan(m_document->scenario(), currentData<SpanKind>(m_spanCombo)),
            tr("Span: %1").arg(m_spanCombo->currentText()));
    });
    connect(m_windowSpin, &QSpinBox::valueChanged, this, [this](int value) {
        Scenario next = m_document->scenario();
        next.window = value;
        m_document->change(next, tr("Set the window D to %1").arg(value));
    });
}

void MaskOptions::changePadding()
{
    const Scenario &current = m_document->scenario();
    std::vector<bool> padding(m_paddingChecks.size(), false);
    for (std::size_t key = 0; key < m_paddingChecks.size(); ++key)
        padding[key] = m_paddingChecks[key]->isChecked();
    if (std::none_of(padding.begin(), padding.end(), [](bool padded) { return padded; }))
        padding.clear();
    if (padding == current.padding)
        return;
    Scenario next = current;
    next.padding = padding;
    m_document->change(next, tr("Change the padding mask"));
}

void MaskOptions::rebuildPaddingBoxes(const Scenario &scenario)
{
    const std::vector<std::string> &tokens = scenario.keySequence().tokens;
    bool same = tokens.size() == m_paddingChecks.size();
    for (std::size_t key = 0; same && key < tokens.size(); ++key)
        same = m_paddingChecks[key]->text() == checkBoxText(tokens[key]);
    if (same)
        return;

    for (QCheckBox *check : m_paddingChecks)
        delete check;
    m_paddingChecks.clear();
    for (std::size_t key = 0; key < tokens.size(); ++key) {
        auto *check = new QCheckBox(checkBoxText(tokens[key]), m_paddingBox);
        check->setObjectName(QStringLiteral("paddingCheck%1").arg(key));
        check->setToolTip(tr("Treat key %1 as padding: every query gives it weight 0.")
                              .arg(QString::fromStdString(tokens[key])));
        connect(check, &QCheckBox::toggled, this, &MaskOptions::changePadding);
        const int index = static_cast<int>(key);
        m_paddingGrid->addWidget(check, index / paddingColumns, index % paddingColumns);
        m_paddingChecks.push_back(check);
    }
}

void MaskOptions::showScenario(const Scenario &s)
{
    selectData(m_maskCombo, s.mask);
    rebuildPaddingBoxes(s);
    for (std::size_t key = 0; key < m_paddingChecks.size(); ++key) {
        const QSignalBlocker blocker(m_paddingChecks[key]);
        m_paddingChecks[key]->setChecked(key < s.padding.size() && s.padding[key]);
    }

    selectData(m_spanCombo, s.span);
    const QSignalBlocker blocker(m_windowSpin);
    // σ = D/2 of local-p must be positive.
    m_windowSpin->setMinimum(s.span == SpanKind::LocalP ? 1 : 0);
    m_windowSpin->setMaximum(std::max(maxWindowShown, s.window));
    m_windowSpin->setValue(s.window);
    m_windowSpin->setEnabled(s.span != SpanKind::Global);
}

void MaskOptions::retranslate()
{
    setTitle(tr("Which keys a query sees"));
    setRowLabel(m_form, m_maskCombo, tr("Mask:"));
    m_maskCombo->setItemText(0, tr("None"));
    m_maskCombo->setItemText(1, tr("Causal"));
    m_maskCombo->setToolTip(
        tr("Causal: query i may not look at a later key j > i. Its score becomes −∞ before the "
           "softmax, so its weight is exactly 0. A decoder needs this so that a word cannot "
           "see the words it has to predict."));
    m_paddingLabel->setText(tr("Padding: hide these keys"));
    m_paddingLabel->setToolTip(
        tr("Padding fills short sentences up to the length of the longest in a batch. A ticked "
           "key's score becomes −∞, so no query gives it any weight."));

    setRowLabel(m_form, m_spanCombo, tr("Span:"));
    setRowLabel(m_form, m_windowSpin, tr("Window D:"));
    m_spanCombo->setItemText(0, tr("Global"));
    m_spanCombo->setItemText(1, tr("Local-m"));
    m_spanCombo->setItemText(2, tr("Local-p"));
    m_spanCombo->setToolTip(
        tr("Which keys a query may look at (Luong et al. 2015).\n"
           "Global: every key.\n"
           "Local-m (monotonic): only keys within D of the aligned position p_t = t.\n"
           "Local-p (predictive): the model predicts p_t = S·sigmoid(v_pᵀ tanh(W_p h_t)) and "
           "weights the "
           "window by a Gaussian exp(−(s − p_t)²/(2σ²)), σ = D/2."));
    m_windowSpin->setToolTip(
        tr("D: the half-width of the local window [p_t − D, p_t + D]. Local-p needs D ≥ 1 "
           "because σ = D/2 must be positive."));
}

} // namespace attn::ui
