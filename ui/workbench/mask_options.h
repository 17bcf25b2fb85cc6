#pragma once

#include "options_section.h"

#include <vector>

class QCheckBox;
class QGridLayout;

namespace attn::ui {

/// Which keys a query sees: the mask (none or causal), the padding mask (one
/// checkbox per key, rebuilt when the keys change) and the span (global,
/// local-m, local-p with its window D). A hidden key's score becomes −∞
/// before the softmax, so its weight is exactly 0.
class MaskOptions : public OptionsSection
{
    Q_OBJECT

public:
    explicit MaskOptions(Document *document);

    void showScenario(const Scenario &scenario) override;
    void retranslate() override;

private:
    void rebuildPaddingBoxes(const Scenario &scenario);
    void changePadding();

    QFormLayout *m_form = nullptr;
    QComboBox *m_maskCombo = nullptr;
    QLabel *m_paddingLabel = nullptr;
    QWidget *m_paddingBox = nullptr;
    QGridLayout *m_paddingGrid = nullptr;
    std::vector<QCheckBox *> m_paddingChecks;
    QComboBox *m_spanCombo = nullptr;
    QSpinBox *m_windowSpin = nullptr;
};

} // namespace attn::ui
