#pragma once

#include "options_section.h"

namespace attn::ui {

/// How the weights select the values: soft (the softmax itself), hard (all
/// the weight on the largest score) or sampled (one key drawn from the
/// softmax with a visible seed), with a note that hard choices have no
/// gradient with respect to the scores.
class SelectionOptions : public OptionsSection
{
    Q_OBJECT

public:
    explicit SelectionOptions(Document *document);

    void showScenario(const Scenario &scenario) override;
    void retranslate() override;

private:
    QFormLayout *m_form = nullptr;
    QComboBox *m_selectionCombo = nullptr;
    QSpinBox *m_selectionSeedSpin = nullptr;
    QLabel *m_selectionNote = nullptr;
};

} // namespace attn::ui
