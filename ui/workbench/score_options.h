#pragma once

#include "options_section.h"

class QDoubleSpinBox;
class QSlider;

namespace attn::ui {

/// How scores are made and turned into weights: the score function (dot,
/// general, additive) with its formula, the scaling (÷√d_k, none or a custom
/// divisor s) and the temperature τ of softmax(scores / (s · τ)), typed or on
/// a slider. A whole drag of the slider is one undo step.
class ScoreOptions : public OptionsSection
{
    Q_OBJECT

public:
    explicit ScoreOptions(Document *document);

    void showScenario(const Scenario &scenario) override;
    void retranslate() override;

    /// The slider is logarithmic from minTemperature to maxTemperature, with
    /// τ = 1 held over a small detent in the middle.
    static constexpr double minTemperature = 0.05;
    static constexpr double maxTemperature = 20.0;
    static constexpr int temperatureSteps = 1000;
    static constexpr int temperatureDetent = 25;
    static int temperatureToPosition(double temperature);
    static double positionToTemperature(int position);

private:
    void changeTemperature(double temperature, int gesture);
    void showScoreFormula();

    QFormLayout *m_form = nullptr;
    QComboBox *m_scoreCombo = nullptr;
    QLabel *m_scoreFormula = nullptr;
    QComboBox *m_scaleCombo = nullptr;
    QDoubleSpinBox *m_scaleValueSpin = nullptr;
    QSlider *m_temperatureSlider = nullptr;
    QDoubleSpinBox *m_temperatureSpin = nullptr;
    QLabel *m_temperatureMinLabel = nullptr;
    QLabel *m_temperatureMaxLabel = nullptr;
    int m_temperatureGesture = 0;
};

} // namespace attn::ui
