#include "options_panel.h"

#include "document.h"
#include "error_text.h"
#include "scenario_edit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>
#include <cmath>

namespace attn::ui {

namespace {

/// Spin boxes show up to this much; a loaded scenario may go beyond it.
constexpr int maxHeadsShown = 8;
constexpr int maxDimensionShown = 64;
constexpr int maxTokensShown = 64;
constexpr int maxWindowShown = 16;
constexpr int firstRandomSeed = 1;
constexpr int paddingColumns = 2;

/// τ typed or read back: the value, with as few digits as it needs ("1", "0.25", "19.9").
class TemperatureSpinBox : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;

    QString textFromValue(double value) const override { return locale().toString(value, 'g', 4); }
};

/// Rounds τ from the slider to three significant digits: 1.06, not 1.0617.
double roundedTemperature(double temperature)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(temperature)) - 2.0);
    return std::round(temperature / magnitude) * magnitude;
}

QSpinBox *createSpinBox(const char *name, int minimum, int maximum, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(QLatin1String(name));
    spin->setRange(minimum, maximum);
    // Typing "16" must not pass through a scenario with 1.
    spin->setKeyboardTracking(false);
    return spin;
}

QComboBox *createComboBox(const char *name, std::initializer_list<int> values, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QLatin1String(name));
    for (int value : values)
        combo->addItem(QString(), value);
    return combo;
}

template <typename Enum> void selectData(QComboBox *combo, Enum value)
{
    const QSignalBlocker blocker(combo);
    combo->setCurrentIndex(combo->findData(static_cast<int>(value)));
}

template <typename Enum> Enum currentData(const QComboBox *combo)
{
    return static_cast<Enum>(combo->currentData().toInt());
}

/// Shows `value` even when a loaded scenario goes beyond what the spin box offers.
void showValue(QSpinBox *spin, int value, int usualMaximum)
{
    const QSignalBlocker blocker(spin);
    spin->setMaximum(std::max(usualMaximum, value));
    spin->setValue(value);
}

/// A row whose label is set (and translated again) by setRowLabel().
void addLabelledRow(QFormLayout *form, QWidget *field)
{
    auto *label = new QLabel(form->parentWidget());
    label->setBuddy(field);
    form->addRow(label, field);
}

void setRowLabel(QFormLayout *form, QWidget *field, const QString &text)
{
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(field)))
        label->setText(text);
}

/// A word as a checkbox's text: "R&D" must not turn into a shortcut.
QString checkBoxText(const std::string &token)
{
    return QString::fromStdString(token).replace(QLatin1Char('&'), QLatin1String("&&"));
}

QLabel *createNote(const char *name, QWidget *parent)
{
    auto *note = new QLabel(parent);
    note->setObjectName(QLatin1String(name));
    note->setWordWrap(true);
    QFont font = note->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    note->setFont(font);
    note->setForegroundRole(QPalette::PlaceholderText);
    note->hide();
    return note;
}

} // namespace

int OptionsPanel::temperatureToPosition(double temperature)
{
    const int middle = temperatureSteps / 2;
    const int lowerEnd = middle - temperatureDetent;
    const int upperStart = middle + temperatureDetent;
    const double clamped = std::clamp(temperature, minTemperature, maxTemperature);
    if (clamped == 1.0)
        return middle;
    if (clamped < 1.0) {
        const double fraction = std::log(clamped / minTemperature) / std::log(1.0 / minTemperature);
        return std::min(lowerEnd, static_cast<int>(std::lround(fraction * lowerEnd)));
    }
    const double fraction = std::log(clamped) / std::log(maxTemperature);
    return std::max(upperStart, upperStart + static_cast<int>(std::lround(
                                                 fraction * (temperatureSteps - upperStart))));
}

double OptionsPanel::positionToTemperature(int position)
{
    const int middle = temperatureSteps / 2;
    const int lowerEnd = middle - temperatureDetent;
    const int upperStart = middle + temperatureDetent;
    position = std::clamp(position, 0, temperatureSteps);
    if (position >= lowerEnd && position <= upperStart)
        return 1.0;
    if (position < lowerEnd) {
        const double fraction = double(position) / lowerEnd;
        return minTemperature * std::pow(1.0 / minTemperature, fraction);
    }
    const double fraction = double(position - upperStart) / (temperatureSteps - upperStart);
    return std::pow(maxTemperature, fraction);
}

OptionsPanel::OptionsPanel(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    m_errorLabel = new QLabel(content);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #fdecea; color: #8a1c12; border: 1px solid #e8a39b;"
                       " border-radius: 3px; padding: 4px; }"));
    m_errorLabel->hide();
    column->addWidget(m_errorLabel);
    column->addWidget(createShapeGroup());
    column->addWidget(createKindGroup());
    column->addWidget(createScoringGroup());
    column->addWidget(createMaskGroup());
    column->addWidget(createSelectionGroup());
    column->addWidget(createRandomiseGroup());
    column->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("optionsScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    // Scrolling the panel must not change a value the pointer passes over:
    // the wheel only reaches a control that has the keyboard focus.
    const auto controls = content->findChildren<QWidget *>();
    for (QWidget *control : controls) {
        if (qobject_cast<QAbstractSpinBox *>(control) || qobject_cast<QComboBox *>(control) ||
            qobject_cast<QAbstractSlider *>(control)) {
            control->setFocusPolicy(Qt::StrongFocus);
            control->installEventFilter(this);
        }
    }

    retranslate();
    // Narrower than its content, the dock would cut the fields on the right.
    scroll->setMinimumWidth(content->minimumSizeHint().width() +
                            scroll->verticalScrollBar()->sizeHint().width());
    connectControls();
    connect(m_document, &Document::scenarioChanged, this, &OptionsPanel::syncFromDocument);
    // error() is only fresh once the trace has been recomputed.
    connect(m_document, &Document::traceChanged, this, &OptionsPanel::showError);
    syncFromDocument();
    showError();
}

QGroupBox *OptionsPanel::createShapeGroup()
{
    m_shapeGroup = new QGroupBox;
    m_shapeGroup->setObjectName(QStringLiteral("shapeGroup"));
    m_shapeForm = new QFormLayout(m_shapeGroup);
    m_headsSpin = createSpinBox("headsSpin", 1, maxHeadsShown, m_shapeGroup);
    m_headsNote = createNote("headsNote", m_shapeGroup);
    m_modelDimSpin = createSpinBox("modelDimSpin", 1, maxDimensionShown, m_shapeGroup);
    m_keyDimSpin = createSpinBox("keyDimSpin", 1, maxDimensionShown, m_shapeGroup);
    m_valueDimSpin = createSpinBox("valueDimSpin", 1, maxDimensionShown, m_shapeGroup);
    m_tokenCountSpin = createSpinBox("tokenCountSpin", 1, maxTokensShown, m_shapeGroup);
    m_sourceTokenCountSpin = createSpinBox("sourceTokenCountSpin", 1, maxTokensShown, m_shapeGroup);
    addLabelledRow(m_shapeForm, m_headsSpin);
    m_shapeForm->addRow(m_headsNote);
    addLabelledRow(m_shapeForm, m_modelDimSpin);
    addLabelledRow(m_shapeForm, m_keyDimSpin);
    addLabelledRow(m_shapeForm, m_valueDimSpin);
    addLabelledRow(m_shapeForm, m_tokenCountSpin);
    addLabelledRow(m_shapeForm, m_sourceTokenCountSpin);
    return m_shapeGroup;
}

QGroupBox *OptionsPanel::createKindGroup()
{
    m_kindGroup = new QGroupBox;
    m_kindGroup->setObjectName(QStringLiteral("kindGroup"));
    auto *layout = new QVBoxLayout(m_kindGroup);
    m_crossAttentionCheck = new QCheckBox(m_kindGroup);
    m_crossAttentionCheck->setObjectName(QStringLiteral("crossAttentionCheck"));
    m_positionalCheck = new QCheckBox(m_kindGroup);
    m_positionalCheck->setObjectName(QStringLiteral("positionalCheck"));
    m_outputProjectionCheck = new QCheckBox(m_kindGroup);
    m_outputProjectionCheck->setObjectName(QStringLiteral("outputProjectionCheck"));
    layout->addWidget(m_crossAttentionCheck);
    layout->addWidget(m_positionalCheck);
    layout->addWidget(m_outputProjectionCheck);
    return m_kindGroup;
}

QGroupBox *OptionsPanel::createScoringGroup()
{
    m_scoringGroup = new QGroupBox;
    m_scoringGroup->setObjectName(QStringLiteral("scoringGroup"));
    m_scoringForm = new QFormLayout(m_scoringGroup);
    m_scoreCombo = createComboBox(
        "scoreCombo",
        {int(ScoreFunction::Dot), int(ScoreFunction::General), int(ScoreFunction::Additive)},
        m_scoringGroup);
    m_scaleCombo = createComboBox(
        "scaleCombo", {int(ScaleMode::SqrtHeadDim), int(ScaleMode::None), int(ScaleMode::Custom)},
        m_scoringGroup);
    m_scaleValueSpin = new QDoubleSpinBox(m_scoringGroup);
    m_scaleValueSpin->setObjectName(QStringLiteral("scaleValueSpin"));
    m_scaleValueSpin->setRange(0.01, 1000.0);
    m_scaleValueSpin->setDecimals(2);
    m_scaleValueSpin->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_scaleValueSpin->setKeyboardTracking(false);

    m_temperatureSpin = new TemperatureSpinBox(m_scoringGroup);
    m_temperatureSpin->setObjectName(QStringLiteral("temperatureSpin"));
    m_temperatureSpin->setRange(0.01, 100.0);
    m_temperatureSpin->setDecimals(4);
    m_temperatureSpin->setSingleStep(0.1);
    m_temperatureSpin->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_temperatureSpin->setKeyboardTracking(false);

    auto *sliderBox = new QWidget(m_scoringGroup);
    auto *sliderLayout = new QGridLayout(sliderBox);
    sliderLayout->setContentsMargins(0, 0, 0, 0);
    sliderLayout->setVerticalSpacing(0);
    m_temperatureSlider = new QSlider(Qt::Horizontal, sliderBox);
    m_temperatureSlider->setObjectName(QStringLiteral("temperatureSlider"));
    m_temperatureSlider->setRange(0, temperatureSteps);
    m_temperatureSlider->setSingleStep(10);
    m_temperatureSlider->setPageStep(100);
    m_temperatureSlider->setTickPosition(QSlider::TicksBelow);
    m_temperatureSlider->setTickInterval(temperatureSteps / 2);
    m_temperatureMinLabel = new QLabel(sliderBox);
    m_temperatureMaxLabel = new QLabel(sliderBox);
    auto *oneLabel = new QLabel(QLocale().toString(1), sliderBox);
    for (QLabel *label : {m_temperatureMinLabel, oneLabel, m_temperatureMaxLabel}) {
        QFont font = label->font();
        font.setPointSizeF(font.pointSizeF() * 0.85);
        label->setFont(font);
    }
    sliderLayout->addWidget(m_temperatureSlider, 0, 0, 1, 3);
    sliderLayout->addWidget(m_temperatureMinLabel, 1, 0, Qt::AlignLeft);
    sliderLayout->addWidget(oneLabel, 1, 1, Qt::AlignHCenter);
    sliderLayout->addWidget(m_temperatureMaxLabel, 1, 2, Qt::AlignRight);
    sliderLayout->setColumnStretch(0, 1);
    sliderLayout->setColumnStretch(1, 1);
    sliderLayout->setColumnStretch(2, 1);

    m_scoreFormula = createNote("scoreFormula", m_scoringGroup);
    m_scoreFormula->setForegroundRole(QPalette::WindowText);
    m_scoreFormula->setAlignment(Qt::AlignHCenter);
    m_scoreFormula->show();
    addLabelledRow(m_scoringForm, m_scoreCombo);
    m_scoringForm->addRow(m_scoreFormula);
    addLabelledRow(m_scoringForm, m_scaleCombo);
    addLabelledRow(m_scoringForm, m_scaleValueSpin);
    addLabelledRow(m_scoringForm, m_temperatureSpin);
    m_scoringForm->addRow(sliderBox);
    return m_scoringGroup;
}

QGroupBox *OptionsPanel::createMaskGroup()
{
    m_maskGroup = new QGroupBox;
    m_maskGroup->setObjectName(QStringLiteral("maskGroup"));
    m_maskForm = new QFormLayout(m_maskGroup);
    m_maskCombo =
        createComboBox("maskCombo", {int(MaskKind::None), int(MaskKind::Causal)}, m_maskGroup);
    m_paddingLabel = new QLabel(m_maskGroup);
    m_paddingLabel->setWordWrap(true);
    m_paddingBox = new QWidget(m_maskGroup);
    m_paddingBox->setObjectName(QStringLiteral("paddingBox"));
    m_paddingGrid = new QGridLayout(m_paddingBox);
    m_paddingGrid->setContentsMargins(0, 0, 0, 0);
    m_spanCombo = createComboBox(
        "spanCombo", {int(SpanKind::Global), int(SpanKind::LocalM), int(SpanKind::LocalP)},
        m_maskGroup);
    m_windowSpin = createSpinBox("windowSpin", 0, maxWindowShown, m_maskGroup);
    addLabelledRow(m_maskForm, m_maskCombo);
    m_maskForm->addRow(m_paddingLabel);
    m_maskForm->addRow(m_paddingBox);
    addLabelledRow(m_maskForm, m_spanCombo);
    addLabelledRow(m_maskForm, m_windowSpin);
    return m_maskGroup;
}

QGroupBox *OptionsPanel::createSelectionGroup()
{
    m_selectionGroup = new QGroupBox;
    m_selectionGroup->setObjectName(QStringLiteral("selectionGroup"));
    m_selectionForm = new QFormLayout(m_selectionGroup);
    m_selectionCombo = createComboBox(
        "selectionCombo",
        {int(SelectionKind::Soft), int(SelectionKind::Hard), int(SelectionKind::Sample)},
        m_selectionGroup);
    m_selectionSeedSpin = createSpinBox("selectionSeedSpin", 0, INT_MAX, m_selectionGroup);
    m_selectionNote = createNote("selectionNote", m_selectionGroup);
    addLabelledRow(m_selectionForm, m_selectionCombo);
    addLabelledRow(m_selectionForm, m_selectionSeedSpin);
    m_selectionForm->addRow(m_selectionNote);
    return m_selectionGroup;
}

QGroupBox *OptionsPanel::createRandomiseGroup()
{
    m_randomiseGroup = new QGroupBox;
    m_randomiseGroup->setObjectName(QStringLiteral("randomiseGroup"));
    m_randomiseForm = new QFormLayout(m_randomiseGroup);
    m_distributionCombo = createComboBox(
        "distributionCombo", {int(edit::Distribution::Integers), int(edit::Distribution::Gaussian)},
        m_randomiseGroup);
    m_randomSeedSpin = createSpinBox("randomSeedSpin", 0, INT_MAX, m_randomiseGroup);
    m_randomSeedSpin->setValue(firstRandomSeed);
    m_randomiseButton = new QPushButton(m_randomiseGroup);
    m_randomiseButton->setObjectName(QStringLiteral("randomiseButton"));
    addLabelledRow(m_randomiseForm, m_distributionCombo);
    addLabelledRow(m_randomiseForm, m_randomSeedSpin);
    m_randomiseForm->addRow(m_randomiseButton);
    return m_randomiseGroup;
}

void OptionsPanel::connectControls()
{
    Document *document = m_document;
    const auto spinChanged = &QSpinBox::valueChanged;

    connect(m_headsSpin, spinChanged, this, &OptionsPanel::changeHeads);
    connect(m_modelDimSpin, spinChanged, this, [this, document](int value) {
        document->change(edit::withModelDim(document->scenario(), value),
                         tr("Set d_model to %1").arg(value));
    });
    connect(m_keyDimSpin, spinChanged, this, [this, document](int value) {
        document->change(edit::withKeyDim(document->scenario(), value),
                         tr("Set d_k to %1").arg(value));
    });
    connect(m_valueDimSpin, spinChanged, this, [this, document](int value) {
        document->change(edit::withValueDim(document->scenario(), value),
                         tr("Set d_v to %1").arg(value));
    });
    connect(m_tokenCountSpin, spinChanged, this, [this, document](int value) {
        document->change(edit::withTokenCount(document->scenario(), edit::Side::Target, value),
                         tr("Set the number of words to %1").arg(value));
    });
    connect(m_sourceTokenCountSpin, spinChanged, this, [this, document](int value) {
        document->change(edit::withTokenCount(document->scenario(), edit::Side::Source, value),
                         tr("Set the number of source words to %1").arg(value));
    });

    connect(m_crossAttentionCheck, &QCheckBox::toggled, this, [this, document](bool on) {
        document->change(edit::withCrossAttention(document->scenario(), on),
                         on ? tr("Use cross-attention") : tr("Use self-attention"));
    });
    connect(m_positionalCheck, &QCheckBox::toggled, this, [this, document](bool on) {
        Scenario next = document->scenario();
        next.positional = on ? PositionalEncoding::Sinusoidal : PositionalEncoding::None;
        document->change(next,
                         on ? tr("Add positional encoding") : tr("Remove positional encoding"));
    });
    connect(m_outputProjectionCheck, &QCheckBox::toggled, this, [this, document](bool on) {
        document->change(edit::withOutputProjection(document->scenario(), on),
                         on ? tr("Add the output projection W_O")
                            : tr("Remove the output projection W_O"));
    });

    connect(m_scoreCombo, &QComboBox::currentIndexChanged, this, [this, document] {
        document->change(
            edit::withScore(document->scenario(), currentData<ScoreFunction>(m_scoreCombo)),
            tr("Score function: %1").arg(m_scoreCombo->currentText()));
    });
    connect(m_scaleCombo, &QComboBox::currentIndexChanged, this, [this, document] {
        Scenario next = document->scenario();
        next.scale = currentData<ScaleMode>(m_scaleCombo);
        document->change(next, tr("Scaling: %1").arg(m_scaleCombo->currentText()));
    });
    connect(m_scaleValueSpin, &QDoubleSpinBox::valueChanged, this, [this, document](double value) {
        Scenario next = document->scenario();
        next.scaleValue = value;
        document->change(next, tr("Divide the scores by %1").arg(QLocale().toString(value)));
    });

    connect(m_temperatureSlider, &QSlider::sliderPressed, this,
            [this, document] { m_temperatureGesture = document->beginGesture(); });
    connect(m_temperatureSlider, &QSlider::sliderReleased, this,
            [this] { m_temperatureGesture = 0; });
    connect(m_temperatureSlider, &QSlider::valueChanged, this, [this](int position) {
        // Keys and clicks on the groove are steps of their own; a drag is one.
        const int gesture = m_temperatureSlider->isSliderDown() ? m_temperatureGesture : 0;
        changeTemperature(roundedTemperature(positionToTemperature(position)), gesture);
    });
    connect(m_temperatureSpin, &QDoubleSpinBox::valueChanged, this,
            [this](double value) { changeTemperature(value, 0); });

    connect(m_maskCombo, &QComboBox::currentIndexChanged, this, [this, document] {
        Scenario next = document->scenario();
        next.mask = currentData<MaskKind>(m_maskCombo);
        document->change(next, tr("Mask: %1").arg(m_maskCombo->currentText()));
    });

    connect(m_spanCombo, &QComboBox::currentIndexChanged, this, [this, document] {
        document->change(edit::withSpan(document->scenario(), currentData<SpanKind>(m_spanCombo)),
                         tr("Span: %1").arg(m_spanCombo->currentText()));
    });
    connect(m_windowSpin, spinChanged, this, [this, document](int value) {
        Scenario next = document->scenario();
        next.window = value;
        document->change(next, tr("Set the window D to %1").arg(value));
    });

    connect(m_selectionCombo, &QComboBox::currentIndexChanged, this, [this, document] {
        Scenario next = document->scenario();
        next.selection = currentData<SelectionKind>(m_selectionCombo);
        document->change(next, tr("Selection: %1").arg(m_selectionCombo->currentText()));
    });
    connect(m_selectionSeedSpin, spinChanged, this, [this, document](int value) {
        Scenario next = document->scenario();
        next.seed = static_cast<std::uint64_t>(value);
        document->change(next, tr("Set the sampling seed to %1").arg(value));
    });

    connect(m_randomiseButton, &QPushButton::clicked, this, &OptionsPanel::randomise);
}

void OptionsPanel::changeHeads(int heads)
{
    const Scenario &current = m_document->scenario();
    const Scenario next = edit::withHeads(current, heads);
    const bool keyRaised = next.keyDim() != current.keyDim();
    const bool valueRaised = next.valueDim() != current.valueDim();
    // Only two or more heads can raise a dimension: the sentences are plural.
    if (keyRaised && valueRaised)
        m_pendingHeadsNote = tr("d_k raised to %1 and d_v to %2 so that %3 heads split them "
                                "evenly.")
                                 .arg(next.keyDim())
                                 .arg(next.valueDim())
                                 .arg(heads);
    else if (keyRaised)
        m_pendingHeadsNote =
            tr("d_k raised to %1 so that %2 heads split it evenly.").arg(next.keyDim()).arg(heads);
    else if (valueRaised)
        m_pendingHeadsNote = tr("d_v raised to %1 so that %2 heads split it evenly.")
                                 .arg(next.valueDim())
                                 .arg(heads);
    else
        m_pendingHeadsNote.clear();
    m_document->change(next, tr("Set the number of heads to %1").arg(heads));
}

void OptionsPanel::changeTemperature(double temperature, int gesture)
{
    Scenario next = m_document->scenario();
    if (next.temperature == temperature)
        return;
    next.temperature = temperature;
    m_document->change(next, tr("Set the temperature τ to %1").arg(QLocale().toString(temperature)),
                       gesture);
}

void OptionsPanel::changePadding()
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

void OptionsPanel::randomise()
{
    const int seed = m_randomSeedSpin->value();
    const auto distribution = currentData<edit::Distribution>(m_distributionCombo);
    m_document->change(
        edit::randomised(m_document->scenario(), static_cast<std::uint64_t>(seed), distribution),
        tr("Randomise the weights (seed %1)").arg(seed));
}

void OptionsPanel::rebuildPaddingBoxes()
{
    const std::vector<std::string> &tokens = m_document->scenario().keySequence().tokens;
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
        connect(check, &QCheckBox::toggled, this, &OptionsPanel::changePadding);
        const int index = static_cast<int>(key);
        m_paddingGrid->addWidget(check, index / paddingColumns, index % paddingColumns);
        m_paddingChecks.push_back(check);
    }
}

void OptionsPanel::syncFromDocument()
{
    const Scenario &s = m_document->scenario();

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

    {
        const QSignalBlocker cross(m_crossAttentionCheck);
        const QSignalBlocker positional(m_positionalCheck);
        const QSignalBlocker projection(m_outputProjectionCheck);
        m_crossAttentionCheck->setChecked(s.isCrossAttention());
        m_positionalCheck->setChecked(s.positional == PositionalEncoding::Sinusoidal);
        m_outputProjectionCheck->setChecked(s.wO.has_value());
    }

    selectData(m_scoreCombo, s.score);
    showScoreFormula();
    selectData(m_scaleCombo, s.scale);
    {
        const QSignalBlocker blocker(m_scaleValueSpin);
        m_scaleValueSpin->setValue(s.scaleValue);
        m_scaleValueSpin->setEnabled(s.scale == ScaleMode::Custom);
    }
    {
        const QSignalBlocker blocker(m_temperatureSpin);
        m_temperatureSpin->setValue(s.temperature);
    }
    // During a drag the slider is the source of the value: leave the handle under the pointer.
    if (!m_temperatureSlider->isSliderDown()) {
        const QSignalBlocker blocker(m_temperatureSlider);
        m_temperatureSlider->setValue(temperatureToPosition(s.temperature));
    }

    selectData(m_maskCombo, s.mask);
    rebuildPaddingBoxes();
    for (std::size_t key = 0; key < m_paddingChecks.size(); ++key) {
        const QSignalBlocker blocker(m_paddingChecks[key]);
        m_paddingChecks[key]->setChecked(key < s.padding.size() && s.padding[key]);
    }

    selectData(m_spanCombo, s.span);
    {
        const QSignalBlocker blocker(m_windowSpin);
        // σ = D/2 of local-p must be positive.
        m_windowSpin->setMinimum(s.span == SpanKind::LocalP ? 1 : 0);
        m_windowSpin->setMaximum(std::max(maxWindowShown, s.window));
        m_windowSpin->setValue(s.window);
        m_windowSpin->setEnabled(s.span != SpanKind::Global);
    }

    selectData(m_selectionCombo, s.selection);
    {
        const QSignalBlocker blocker(m_selectionSeedSpin);
        m_selectionSeedSpin->setValue(
            static_cast<int>(std::min<std::uint64_t>(s.seed, std::uint64_t(INT_MAX))));
        m_selectionSeedSpin->setEnabled(s.selection == SelectionKind::Sample);
    }
    m_selectionNote->setVisible(s.selection != SelectionKind::Soft);
}

void OptionsPanel::showScoreFormula()
{
    switch (currentData<ScoreFunction>(m_scoreCombo)) {
    case ScoreFunction::Dot:
        m_scoreFormula->setText(tr("score(q, k) = q · k"));
        break;
    case ScoreFunction::General:
        m_scoreFormula->setText(tr("score(q, k) = q W_a kᵀ"));
        break;
    case ScoreFunction::Additive:
        m_scoreFormula->setText(tr("score(q, k) = v_aᵀ tanh(q W_a + k U_a)"));
        break;
    }
}

void OptionsPanel::showError()
{
    const auto &error = m_document->error();
    m_errorLabel->setVisible(error.has_value());
    if (error)
        m_errorLabel->setText(tr("This scenario cannot be computed: %1").arg(errorText(*error)));
}

void OptionsPanel::retranslate()
{
    m_shapeGroup->setTitle(tr("Shape"));
    setRowLabel(m_shapeForm, m_headsSpin, tr("Heads h:"));
    setRowLabel(m_shapeForm, m_modelDimSpin, tr("d_model:"));
    setRowLabel(m_shapeForm, m_keyDimSpin, tr("d_k:"));
    setRowLabel(m_shapeForm, m_valueDimSpin, tr("d_v:"));
    setRowLabel(m_shapeForm, m_tokenCountSpin, tr("Words:"));
    setRowLabel(m_shapeForm, m_sourceTokenCountSpin, tr("Source words:"));
    m_headsSpin->setToolTip(
        tr("Multi-head attention splits Q, K and V by columns into h slices of d_k/h and d_v/h. "
           "Each head computes its own weights, so different heads can attend to different "
           "words; their outputs are concatenated (and projected by W_O). d_k and d_v are raised "
           "when they do not split evenly."));
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

    m_kindGroup->setTitle(tr("Kind of attention"));
    m_crossAttentionCheck->setText(tr("Cross-attention"));
    m_crossAttentionCheck->setToolTip(
        tr("Self-attention: queries, keys and values all come from one sentence. "
           "Cross-attention: the queries come from the target sentence, the keys and values from "
           "a source sentence, as a translating decoder looks at the words it translates."));
    m_positionalCheck->setText(tr("Sinusoidal positional encoding"));
    m_positionalCheck->setToolTip(
        tr("Adds PE(pos, 2i) = sin(pos / 10000^(2i/d_model)) and PE(pos, 2i+1) = cos(…) to the "
           "embeddings. Without it attention cannot see word order: shuffle the words and the "
           "weights are only shuffled too."));
    m_outputProjectionCheck->setText(tr("Output projection W_O"));
    m_outputProjectionCheck->setToolTip(
        tr("Multiplies the concatenated head outputs by W_O (d_v × d_v, starting as the "
           "identity), which mixes what the heads found into one result."));

    m_scoringGroup->setTitle(tr("Scores"));
    setRowLabel(m_scoringForm, m_scoreCombo, tr("Score:"));
    setRowLabel(m_scoringForm, m_scaleCombo, tr("Scaling:"));
    setRowLabel(m_scoringForm, m_scaleValueSpin, tr("Divisor s:"));
    setRowLabel(m_scoringForm, m_temperatureSpin, tr("Temperature τ:"));
    m_scoreCombo->setItemText(0, tr("Dot product"));
    m_scoreCombo->setItemText(1, tr("General"));
    m_scoreCombo->setItemText(2, tr("Additive"));
    showScoreFormula();
    m_scoreCombo->setToolTip(tr("How a query q is compared with a key k.\n"
                                "Dot: q·k, as in the Transformer.\n"
                                "General: q W_a kᵀ, a learnt matrix between them (Luong).\n"
                                "Additive: v_aᵀ tanh(q W_a + k U_a), a small network (Bahdanau)."));
    m_scaleCombo->setItemText(0, tr("÷√d_k"));
    m_scaleCombo->setItemText(1, tr("None"));
    m_scaleCombo->setItemText(2, tr("Custom ÷s"));
    m_scaleCombo->setToolTip(
        tr("What the scores are divided by before the softmax. Why √d_k: q·k adds up d_k "
           "products, so its variance grows with d_k. Large scores saturate the softmax: the "
           "weights become nearly one-hot and the gradients vanish. Dividing by √d_k keeps the "
           "variance near 1. With h heads the divisor is √(d_k/h), the size of one head."));
    m_scaleValueSpin->setToolTip(
        tr("The number s the scores are divided by when the scaling is custom. Try a small s "
           "to watch the softmax saturate."));
    const QString temperatureTip =
        tr("softmax(scores / τ). τ < 1 sharpens the weights towards the largest score (τ → 0: "
           "one-hot); τ > 1 flattens them towards equal weights (τ → ∞: uniform). τ = 1 leaves "
           "the softmax as it is; the slider rests there in the middle.");
    m_temperatureSpin->setToolTip(temperatureTip);
    m_temperatureSlider->setToolTip(temperatureTip);
    m_temperatureMinLabel->setText(QLocale().toString(minTemperature));
    m_temperatureMaxLabel->setText(QLocale().toString(maxTemperature));

    m_maskGroup->setTitle(tr("Which keys a query sees"));
    setRowLabel(m_maskForm, m_maskCombo, tr("Mask:"));
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

    setRowLabel(m_maskForm, m_spanCombo, tr("Span:"));
    setRowLabel(m_maskForm, m_windowSpin, tr("Window D:"));
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

    m_selectionGroup->setTitle(tr("Selection"));
    setRowLabel(m_selectionForm, m_selectionCombo, tr("Selection:"));
    setRowLabel(m_selectionForm, m_selectionSeedSpin, tr("Seed:"));
    m_selectionCombo->setItemText(0, tr("Soft"));
    m_selectionCombo->setItemText(1, tr("Hard (arg max)"));
    m_selectionCombo->setItemText(2, tr("Sampled"));
    m_selectionCombo->setToolTip(
        tr("Soft: the weights are the softmax, every key contributes.\n"
           "Hard: all the weight goes to the key with the largest score.\n"
           "Sampled: one key drawn at random from the softmax (stochastic hard attention, "
           "“Show, attend and tell”)."));
    m_selectionSeedSpin->setToolTip(
        tr("The seed of the random draw of sampled attention: the same seed draws the same keys "
           "every time, on every machine."));
    m_selectionNote->setText(
        tr("Not differentiable: a one-hot choice has no gradient with respect to the scores."));

    m_randomiseGroup->setTitle(tr("Random weights"));
    setRowLabel(m_randomiseForm, m_distributionCombo, tr("Draw:"));
    setRowLabel(m_randomiseForm, m_randomSeedSpin, tr("Seed:"));
    m_distributionCombo->setItemText(0, tr("Integers 0–2"));
    m_distributionCombo->setItemText(1, tr("Gaussian N(0, 1)"));
    m_distributionCombo->setToolTip(
        tr("Integers 0–2: like the tutorial's np.random.randint(3). Gaussian: N(0, 1), rounded "
           "to two decimals."));
    m_randomSeedSpin->setToolTip(
        tr("The same seed always draws the same weights: note it down to get them back."));
    m_randomiseButton->setText(tr("Randomise"));
    m_randomiseButton->setToolTip(
        tr("Draws new W_Q, W_K and W_V (and W_O and the score and position parameters when they "
           "are used) from the seed. The words stay as they are."));
    alignLabelColumns();
}

void OptionsPanel::alignLabelColumns()
{
    // One label column across the groups, so the fields line up in one column.
    std::vector<QWidget *> labels;
    int width = 0;
    const auto forms = findChildren<QFormLayout *>();
    for (QFormLayout *form : forms) {
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
            if (item && item->widget()) {
                item->widget()->setMinimumWidth(0);
                width = std::max(width, item->widget()->sizeHint().width());
                labels.push_back(item->widget());
            }
        }
    }
    for (QWidget *label : labels)
        label->setMinimumWidth(width);
}

void OptionsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        showError();
    }
    QWidget::changeEvent(event);
}

bool OptionsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Wheel) {
        auto *control = qobject_cast<QWidget *>(watched);
        if (control && !control->hasFocus()) {
            // Unaccepted, the wheel goes on to the scroll area.
            event->ignore();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace attn::ui
