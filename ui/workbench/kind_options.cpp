#include "kind_options.h"

#include "document.h"
#include "scenario_edit.h"

#include <QCheckBox>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace attn::ui {

KindOptions::KindOptions(Document *document) : OptionsSection(document, "kindGroup")
{
    auto *layout = new QVBoxLayout(this);
    m_crossAttentionCheck = new QCheckBox(this);
    m_crossAttentionCheck->setObjectName(QStringLiteral("crossAttentionCheck"));
    m_positionalCheck = new QCheckBox(this);
    m_positionalCheck->setObjectName(QStringLiteral("positionalCheck"));
    m_outputProjectionCheck = new QCheckBox(this);
    m_outputProjectionCheck->setObjectName(QStringLiteral("outputProjectionCheck"));
    layout->addWidget(m_crossAttentionCheck);
    layout->addWidget(m_positionalCheck);
    layout->addWidget(m_outputProjectionCheck);

    connect(m_crossAttentionCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_document->change(edit::withCrossAttention(m_document->scenario(), on),
                           on ? tr("Use cross-attention") : tr("Use self-attention"));
    });
    connect(m_positionalCheck, &QCheckBox::toggled, this, [this](bool on) {
        Scenario next = m_document->scenario();
        next.positional = on ? PositionalEncoding::Sinusoidal : PositionalEncoding::None;
        m_document->change(next,
                           on ? tr("Add positional encoding") : tr("Remove positional encoding"));
    });
    connect(m_outputProjectionCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_document->change(edit::withOutputProjection(m_document->scenario(), on),
                           on ? tr("Add the output projection W_O")
                              : tr("Remove the output projection W_O"));
    });
}

void KindOptions::showScenario(const Scenario &s)
{
    const QSignalBlocker cross(m_crossAttentionCheck);
    const QSignalBlocker positional(m_positionalCheck);
    const QSignalBlocker projection(m_outputProjectionCheck);
    m_crossAttentionCheck->setChecked(s.isCrossAttention());
    m_positionalCheck->setChecked(s.positional == PositionalEncoding::Sinusoidal);
    m_outputProjectionCheck->setChecked(s.wO.has_value());
}

void KindOptions::retranslate()
{
    setTitle(tr("Kind of attention"));
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
}

} // namespace attn::ui
