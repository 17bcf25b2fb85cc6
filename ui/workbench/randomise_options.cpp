#include "randomise_options.h"

#include "document.h"
#include "scenario_edit.h"

#include <QComboBox>
#include <QFormLayout>
#include <QPushButton>
#include <QSpinBox>
#include <climits>
#include <cstdint>

namespace attn::ui {

namespace {

constexpr int firstRandomSeed = 1;

} // namespace

RandomiseOptions::RandomiseOptions(Document *document) : OptionsSection(document, "randomiseGroup")
{
    m_form = new QFormLayout(this);
    m_distributionCombo = createComboBox(
        "distributionCombo", {int(edit::Distribution::Integers), int(edit::Distribution::Gaussian)},
        this);
    m_randomSeedSpin = createSpinBox("randomSeedSpin", 0, INT_MAX, this);
    m_randomSeedSpin->setValue(firstRandomSeed);
    m_randomiseButton = new QPushButton(this);
    m_randomiseButton->setObjectName(QStringLiteral("randomiseButton"));
    addLabelledRow(m_form, m_distributionCombo);
    addLabelledRow(m_form, m_randomSeedSpin);
    m_form->addRow(m_randomiseButton);

    connect(m_randomiseButton, &QPushButton::clicked, this, &RandomiseOptions::randomise);
}

void RandomiseOptions::randomise()
{
    const int seed = m_randomSeedSpin->value();
    const auto distribution = currentData<edit::Distribution>(m_distributionCombo);
    m_document->change(
        edit::randomised(m_document->scenario(), static_cast<std::uint64_t>(seed), distribution),
        tr("Randomise the weights (seed %1)").arg(seed));
}

void RandomiseOptions::retranslate()
{
    setTitle(tr("Random weights"));
    setRowLabel(m_form, m_distributionCombo, tr("Draw:"));
    setRowLabel(m_form, m_randomSeedSpin, tr("Seed:"));
    m_distributionCombo->setItemText(0, tr("Integers 0–2"));
    m_distributionCombo->setItemText(1, tr("Gaussian N(0, 1)"));
    m_distributionCombo->setToolTip(
        tr("Integers 0–2: like the tutorial's np.random.randint(3). Gaussian: N(0, 1), rounded "
           "to two decimals."));
    m_randomSeedSpin->setToolTip(
        tr("The same seed always draws the same weights: note it down to get them back."));
    m_randomiseButton->setText(tr("Randomise"));
    m_randomiseButton->setToolTip(
        tr("Draws new W_Q, W_K and W_V (and W_O and the score and position parameters when they "
           "are used) from the seed. The words stay as they are."));
}

} // namespace attn::ui
