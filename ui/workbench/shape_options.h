#pragma once

#include "options_section.h"
#include "scenario.h"

namespace attn::ui {

/// The shape of the attention: h heads, d_model, d_k, d_v, the number of
/// words and of source words. d_k and d_v step by h, so that they keep
/// splitting evenly over the heads.
///
/// A new h keeps each head's size: d_h = d_k / h (the paper's per-head d_k)
/// and d_v / h stay, so d_k becomes h · d_h and d_v h · (d_v / h); the heads
/// there were keep their columns of W_Q, W_K, W_V and their numbers, the new
/// heads' columns start at 0. Only where that cannot be (d_k or d_v not split
/// evenly in a loaded file, or h · d_h over the size limit) d_k and d_v are
/// raised to the next multiple of h instead. A note under the heads says
/// what changed, until the next edit.
class ShapeOptions : public OptionsSection
{
    Q_OBJECT

public:
    explicit ShapeOptions(Document *document);

    /// The scenario with `heads` heads of the same d_h and d_v / h (see above).
    static Scenario withHeadsKeepingHeadDims(const Scenario &scenario, int heads);
    /// What a change of heads did, as the note under the heads says it.
    static QString headsChangeText(const Scenario &before, const Scenario &after);

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
