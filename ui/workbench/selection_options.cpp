#include "selection_options.h"

#include "document.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <algorithm>
#include <climits>
#include <cstdint>

namespace attn::ui {

SelectionOptions::SelectionOptions(Document *document) : OptionsSection(document, "selectionGroup")
{
    m_form = new QFormLayout(this);
    m_selectionCombo = createComboBox(
        "selectionCombo",
        {int(SelectionKind::Soft), int(SelectionKind::Hard), int(SelectionKind::Sample)}, this);
    m_selectionSeedSpin = createSpinBox("selectionSeedSpin", 0, INT_MAX, this);
    m_selectionNote = createNote("selectionNote", this);
    addLabelledRow(m_form, m_selectionCombo);
    addLabelledRow(m_form, m_selectionSeedSpin);
    m_form->addRow(m_selectionNote);

    connect(m_selectionCombo, &QComboBox::currentIndexChanged, this, [this] {
        Scenario next = m_document->scenario();
        next.selection = currentData<SelectionKind>(m_selectionCombo);
        m_document->change(next, tr("Selection: %1").arg(m_selectionCombo->currentText()));
    });
    connect(m_selectionSeedSpin, &QSpinBox::valueChanged, this, [this](int value) {
        Scenario next = m_document->scenario();
        next.seed = static_cast<std::uint64_t>(value);
        m_document->change(next, tr("Set the sampling seed to %1").arg(value));
    });
}

void SelectionOptions::showScenario(const Scenario &s)
{
    selectData(m_selectionCombo, s.selection);
    {
        const QSignalBlocker blocker(m_selectionSeedSpin);
        m_selectionSeedSpin->setValue(
            static_cast<int>(std::min<std::uint64_t>(s.seed, std::uint64_t(INT_MAX))));
        m_selectionSeedSpin->setEnabled(s.selection == SelectionKind::Sample);
    }
    m_selectionNote->setVisible(s.selection != SelectionKind::Soft);
}

void SelectionOptions::retranslate()
{
    setTitle(tr("Selection"));
    setRowLabel(m_form, m_selectionCombo, tr("Selection:"));
    setRowLabel(m_form, m_selectionSeedSpin, tr("Seed:"));
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
}

} // namespace attn::ui
