#pragma once

#include "options_section.h"

class QCheckBox;

namespace attn::ui {

/// The kind of attention: self or cross (queries from the target sentence,
/// keys and values from a source sentence), sinusoidal positional encoding
/// added to the embeddings, and the output projection W_O after the heads.
class KindOptions : public OptionsSection
{
    Q_OBJECT

public:
    explicit KindOptions(Document *document);

    void showScenario(const Scenario &scenario) override;
    void retranslate() override;

private:
    QCheckBox *m_crossAttentionCheck = nullptr;
    QCheckBox *m_positionalCheck = nullptr;
    QCheckBox *m_outputProjectionCheck = nullptr;
};

} // namespace attn::ui
