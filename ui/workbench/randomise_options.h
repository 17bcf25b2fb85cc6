#pragma once

#include "options_section.h"

class QPushButton;

namespace attn::ui {

/// Random weights from a visible seed: W_Q, W_K and W_V (and W_O and the
/// score and position parameters when they are used) drawn as the tutorial's
/// integers 0–2 or from N(0, 1); the same seed always draws the same weights.
/// The words stay as they are.
class RandomiseOptions : public OptionsSection
{
    Q_OBJECT

public:
    explicit RandomiseOptions(Document *document);

    /// Nothing to show: the seed and the draw are the teacher's, not the scenario's.
    void showScenario(const Scenario &) override {}
    void retranslate() override;

private:
    void randomise();

    QFormLayout *m_form = nullptr;
    QComboBox *m_distributionCombo = nullptr;
    QSpinBox *m_randomSeedSpin = nullptr;
    QPushButton *m_randomiseButton = nullptr;
};

} // namespace attn::ui
