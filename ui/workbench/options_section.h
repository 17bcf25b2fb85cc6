#pragma once

#include <QGroupBox>
#include <initializer_list>
#include <string>

class QComboBox;
class QFormLayout;
class QLabel;
class QSpinBox;

namespace attn {
struct Scenario;
}

namespace attn::ui {

class Document;

/// One group of the options panel. Its controls show the document's scenario
/// (showScenario(), with their signals blocked, so that showing never pushes
/// a change) and change it through the scenario edit functions and
/// Document::change(), each change one undo step.
///
/// Also the small builders every section shares: spin boxes that do not
/// pass through the values of a half-typed number, combo boxes whose items
/// carry an enum, form rows whose labels are translated again.
class OptionsSection : public QGroupBox
{
    Q_OBJECT

public:
    /// Sets every control from the scenario with its signals blocked.
    virtual void showScenario(const Scenario &scenario) = 0;
    /// Sets every text again, in the current language.
    virtual void retranslate() = 0;

protected:
    OptionsSection(Document *document, const char *objectName);

    static QSpinBox *createSpinBox(const char *name, int minimum, int maximum, QWidget *parent);
    /// A combo box with one item per value (its data); the texts come from retranslate().
    static QComboBox *createComboBox(const char *name, std::initializer_list<int> values,
                                     QWidget *parent);
    /// A hidden, word-wrapped note in a slightly smaller, muted font.
    static QLabel *createNote(const char *name, QWidget *parent);
    /// Shows `value` even when a loaded scenario goes beyond what the spin box offers.
    static void showValue(QSpinBox *spin, int value, int usualMaximum);
    /// A row whose label is set (and translated again) by setRowLabel().
    static void addLabelledRow(QFormLayout *form, QWidget *field);
    static void setRowLabel(QFormLayout *form, QWidget *field, const QString &text);
    /// A word as a checkbox's text: "R&D" must not turn into a shortcut.
    static QString checkBoxText(const std::string &token);

    template <typename Enum> static void selectData(QComboBox *combo, Enum value)
    {
        selectItemData(combo, static_cast<int>(value));
    }
    template <typename Enum> static Enum currentData(const QComboBox *combo)
    {
        return static_cast<Enum>(currentItemData(combo));
    }

    Document *m_document;

private:
    static void selectItemData(QComboBox *combo, int value);
    static int currentItemData(const QComboBox *combo);
};

} // namespace attn::ui
