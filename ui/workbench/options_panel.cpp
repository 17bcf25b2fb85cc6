#include "options_panel.h"

#include "document.h"
#include "error_text.h"
#include "kind_options.h"
#include "mask_options.h"
#include "randomise_options.h"
#include "selection_options.h"
#include "shape_options.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <algorithm>

namespace attn::ui {

OptionsPanel::OptionsPanel(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    m_errorLabel = new QLabel(content);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #fdecea; color: #8a1c12; border: 1px solid #e8a39b;"
                       " border-radius: 3px; padding: 4px; }"));
    m_errorLabel->hide();
    column->addWidget(m_errorLabel);
    m_sections = {new ShapeOptions(document),     new KindOptions(document),
                  new ScoreOptions(document),     new MaskOptions(document),
                  new SelectionOptions(document), new RandomiseOptions(document)};
    for (OptionsSection *section : m_sections)
        column->addWidget(section);
    column->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("optionsScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    // Scrolling the panel must not change a value the pointer passes over:
    // the wheel only reaches a control that has the keyboard focus.
    const auto controls = content->findChildren<QWidget *>();
    for (QWidget *control : controls) {
        if (qobject_cast<QAbstractSpinBox *>(control) || qobject_cast<QComboBox *>(control) ||
            qobject_cast<QAbstractSlider *>(control)) {
            control->setFocusPolicy(Qt::StrongFocus);
            control->installEventFilter(this);
        }
    }

    retranslate();
    // Narrower than its content, the dock would cut the fields on the right.
    scroll->setMinimumWidth(content->minimumSizeHint().width() +
                            scroll->verticalScrollBar()->sizeHint().width());
    connect(m_document, &Document::scenarioChanged, this, &OptionsPanel::syncFromDocument);
    // error() is only fresh once the trace has been recomputed.
    connect(m_document, &Document::traceChanged, this, &OptionsPanel::showError);
    syncFromDocument();
    showError();
}

void OptionsPanel::syncFromDocument()
{
    const Scenario &scenario = m_document->scenario();
    for (OptionsSection *section : m_sections)
        section->showScenario(scenario);
}

void OptionsPanel::showError()
{
    const auto &error = m_document->error();
    m_errorLabel->setVisible(error.has_value());
    if (error)
        m_errorLabel->setText(tr("This scenario cannot be computed: %1").arg(errorText(*error)));
}

void OptionsPanel::retranslate()
{
    for (OptionsSection *section : m_sections)
        section->retranslate();
    alignLabelColumns();
}

void OptionsPanel::alignLabelColumns()
{
    // One label column across the groups, so the fields line up in one column.
    std::vector<QWidget *> labels;
    int width = 0;
    const auto forms = findChildren<QFormLayout *>();
    for (QFormLayout *form : forms) {
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
            if (item && item->widget()) {
                item->widget()->setMinimumWidth(0);
                width = std::max(width, item->widget()->sizeHint().width());
                labels.push_back(item->widget());
            }
        }
    }
    for (QWidget *label : labels)
        label->setMinimumWidth(width);
}

void OptionsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        showError();
    }
    QWidget::changeEvent(event);
}

bool OptionsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Wheel) {
        auto *control = qobject_cast<QWidget *>(watched);
        if (control && !control->hasFocus()) {
            // Unaccepted, the wheel goes on to the scroll area.
            event->ignore();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace attn::ui
