#include "score_options.h"

#include "document.h"
#include "scenario_edit.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <algorithm>
#include <cmath>

namespace attn::ui {

namespace {

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

} // namespace

int ScoreOptions::temperatureToPosition(double temperature)
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

double ScoreOptions::positionToTemperature(int position)
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

ScoreOptions::ScoreOptions(Document *document) : OptionsSection(document, "scoringGroup")
{
    m_form = new QFormLayout(this);
    m_scoreCombo = createComboBox(
        "scoreCombo",
        {int(ScoreFunction::Dot), int(ScoreFunction::General), int(ScoreFunction::Additive)}, this);
    m_scaleCombo = createComboBox(
        "scaleCombo", {int(ScaleMode::SqrtHeadDim), int(ScaleMode::None), int(ScaleMode::Custom)},
        this);
    m_scaleValueSpin = new QDoubleSpinBox(this);
    m_scaleValueSpin->setObjectName(QStringLiteral("scaleValueSpin"));
    m_scaleValueSpin->setRange(0.01, 1000.0);
    m_scaleValueSpin->setDecimals(2);
    m_scaleValueSpin->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_scaleValueSpin->setKeyboardTracking(false);

    m_temperatureSpin = new TemperatureSpinBox(this);
    m_temperatureSpin->setObjectName(QStringLiteral("temperatureSpin"));
    m_temperatureSpin->setRange(0.01, 100.0);
    m_temperatureSpin->setDecimals(4);
    m_temperatureSpin->setSingleStep(0.1);
    m_temperatureSpin->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_temperatureSpin->setKeyboardTracking(false);

    auto *sliderBox = new QWidget(this);
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

    m_scoreFormula = createNote("scoreFormula", this);
    m_scoreFormula->setForegroundRole(QPalette::WindowText);
    m_scoreFormula->setAlignment(Qt::AlignHCenter);
    m_scoreFormula->show();
    addLabelledRow(m_form, m_scoreCombo);
    m_form->addRow(m_scoreFormula);
    addLabelledRow(m_form, m_scaleCombo);
    addLabelledRow(m_form, m_scaleValueSpin);
    addLabelledRow(m_form, m_temperatureSpin);
    m_form->addRow(sliderBox);

    connect(m_scoreCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_document->change(
            edit::withScore(m_document->scenario(), currentData<ScoreFunction>(m_scoreCombo)),
            tr("Score function: %1").arg(m_scoreCombo->currentText()));
    });
    connect(m_scaleCombo, &QComboBox::currentIndexChanged, this, [this] {
        Scenario next = m_document->scenario();
        next.scale = currentData<ScaleMode>(m_scaleCombo);
        m_document->change(next, tr("Scaling: %1").arg(m_scaleCombo->currentText()));
    });
    connect(m_scaleValueSpin, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        Scenario next = m_document->scenario();
        next.scaleValue = value;
        m_document->change(next, tr("Divide the scores by %1").arg(QLocale().toString(value)));
    });

    connect(m_temperatureSlider, &QSlider::sliderPressed, this,
            [this] { m_temperatureGesture = m_document->beginGesture(); });
    connect(m_temperatureSlider, &QSlider::sliderReleased, this,
            [this] { m_temperatureGesture = 0; });
    connect(m_temperatureSlider, &QSlider::valueChanged, this, [this](int position) {
        // Keys and clicks on the groove are steps of their own; a drag is one.
        const int gesture = m_temperatureSlider->isSliderDown() ? m_temperatureGesture : 0;
        changeTemperature(roundedTemperature(positionToTemperature(position)), gesture);
    });
    connect(m_temperatureSpin, &QDoubleSpinBox::valueChanged, this,
            [this](double value) { changeTemperature(value, 0); });
}

void ScoreOptions::changeTemperature(double temperature, int gesture)
{
    Scenario next = m_document->scenario();
    if (next.temperature == temperature)
        return;
    next.temperature = temperature;
    m_document->change(next, tr("Set the temperature τ to %1").arg(QLocale().toString(temperature)),
                       gesture);
}

void ScoreOptions::showScenario(const Scenario &s)
{
    selectData(m_scoreCombo, s.score);
    showScoreFormula();
    selectData(m_scaleCombo, s.scale);
    {
        // Greyed, the box still shows the divisor in effect: √d_h, or 1 unscaled.
        const QSignalBlocker blocker(m_scaleValueSpin);
        const int headDim = s.keyDim() / std::max(1, s.heads);
        switch (s.scale) {
        case ScaleMode::SqrtHeadDim:
            m_scaleValueSpin->setPrefix(QStringLiteral("√%1 = ").arg(headDim));
            m_scaleValueSpin->setValue(std::sqrt(double(headDim)));
            break;
        case ScaleMode::None:
            m_scaleValueSpin->setPrefix(QString());
            m_scaleValueSpin->setValue(1.0);
            break;
        case ScaleMode::Custom:
            m_scaleValueSpin->setPrefix(QString());
            m_scaleValueSpin->setValue(s.scaleValue);
            break;
        }
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
}

void ScoreOptions::showScoreFormula()
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

void ScoreOptions::retranslate()
{
    setTitle(tr("Scores"));
    setRowLabel(m_form, m_scoreCombo, tr("Score:"));
    setRowLabel(m_form, m_scaleCombo, tr("Scaling:"));
    setRowLabel(m_form, m_scaleValueSpin, tr("Divisor s:"));
    setRowLabel(m_form, m_temperatureSpin, tr("Temperature τ:"));
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
        tr("The number s the scores are divided by. It can be typed when the scaling is "
           "custom; otherwise it shows the divisor in effect: √d_h (d_h = d_k/h, the size of "
           "one head) or 1. Try a small s to watch the softmax saturate."));
    const QString temperatureTip =
        tr("softmax(scores / τ). τ < 1 sharpens the weights towards the largest score (τ → 0: "
           "one-hot); τ > 1 flattens them towards equal weights (τ → ∞: uniform). τ = 1 leaves "
           "the softmax as it is; the slider rests there in the middle.");
    m_temperatureSpin->setToolTip(temperatureTip);
    m_temperatureSlider->setToolTip(temperatureTip);
    m_temperatureMinLabel->setText(QLocale().toString(minTemperature));
    m_temperatureMaxLabel->setText(QLocale().toString(maxTemperature));
}

} // namespace attn::ui
