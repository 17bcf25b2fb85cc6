#pragma once

#include "options_section.h"

namespace attn::ui {

/// The shape of the attention: h heads, d_model, d_k, d_v, the number of
/// words and of source words. d_k and d_v step by h, so that they keep
/// splitting evenly over the heads; when a new h does not divide them they
/// are raised, and a note under the heads says so once.
class ShapeOptions : public OptionsSection
{
    Q_OBJECT

public:
    explicit ShapeOptions(Document *document);

    void showScenario(const Scenario &scenario) override;
    void retranslate() override;

private:
    void changeHeads(int heads);

    QFormLayout *m_form = nullptr;
    QSpinBox *m_headsSpin = nullptr;
    QLabel *m_headsNote = nullptr;
    QSpinBox *m_modelDimSpin = nullptr;
    QSpinBox *m_keyDimSpin = nullptr;
    QSpinBox *m_valueDimSpin = nullptr;
    QSpinBox *m_tokenCountSpin = nullptr;
    QSpinBox *m_sourceTokenCountSpin = nullptr;
    /// Shown once under the heads after withHeads() had to raise d_k or d_v.
    QString m_pendingHeadsNote;
};

} // namespace attn::ui
