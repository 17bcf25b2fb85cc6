#include "options_section.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <algorithm>

namespace attn::ui {

OptionsSection::OptionsSection(Document *document, const char *objectName) : m_document(document)
{
    setObjectName(QLatin1String(objectName));
}

QSpinBox *OptionsSection::createSpinBox(const char *name, int minimum, int maximum, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(QLatin1String(name));
    spin->setRange(minimum, maximum);
    // Typing "16" must not pass through a scenario with 1.
    spin->setKeyboardTracking(false);
    return spin;
}

QComboBox *OptionsSection::createComboBox(const char *name, std::initializer_list<int> values,
                                          QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QLatin1String(name));
    for (int value : values)
        combo->addItem(QString(), value);
    return combo;
}

QLabel *OptionsSection::createNote(const char *name, QWidget *parent)
{
    auto *note = new QLabel(parent);
    note->setObjectName(QLatin1String(name));
    note->setWordWrap(true);
    QFont font = note->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    note->setFont(font);
    note->setForegroundRole(QPalette::PlaceholderText);
    note->hide();
    return note;
}

void OptionsSection::showValue(QSpinBox *spin, int value, int usualMaximum)
{
    const QSignalBlocker blocker(spin);
    spin->setMaximum(std::max(usualMaximum, value));
    spin->setValue(value);
}

void OptionsSection::addLabelledRow(QFormLayout *form, QWidget *field)
{
    auto *label = new QLabel(form->parentWidget());
    label->setBuddy(field);
    form->addRow(label, field);
}

void OptionsSection::setRowLabel(QFormLayout *form, QWidget *field, const QString &text)
{
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(field)))
        label->setText(text);
}

QString OptionsSection::checkBoxText(const std::string &token)
{
    return QString::fromStdString(token).replace(QLatin1Char('&'), QLatin1String("&&"));
}

void OptionsSection::selectItemData(QComboBox *combo, int value)
{
    const QSignalBlocker blocker(combo);
    combo->setCurrentIndex(combo->findData(value));
}

int OptionsSection::currentItemData(const QComboBox *combo)
{
    return combo->currentData().toInt();
}

} // namespace attn::ui
