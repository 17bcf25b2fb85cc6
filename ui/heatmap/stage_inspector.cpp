#include "stage_inspector.h"

#include "heatmap_inspector.h"
#include "heatmap_view.h"
#include "stage_labels.h"
#include "stage_text.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace attn::ui {

namespace {

enum KeyAction
{
    NoKey = 0,
    BackKey,
    ZoomInKey,
    ZoomOutKey,
    FitKey,
};

} // namespace

StageInspector::StageInspector(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("stageInspector"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto *header = new QHBoxLayout;
    m_back = new QPushButton(this);
    m_back->setObjectName(QStringLiteral("inspectBack"));
    header->addWidget(m_back);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("inspectTitle"));
    m_title->setTextFormat(Qt::RichText);
    header->addWidget(m_title, 1);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("inspectHint"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    header->addWidget(m_hint);
    // The title and the hint give way on a narrow window rather than widen it.
    for (QLabel *label : {m_title, m_hint})
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_zoomOut = new QToolButton(this);
    m_zoomOut->setObjectName(QStringLiteral("inspectZoomOut"));
    m_zoomOut->setText(QStringLiteral("−"));
    m_zoomIn = new QToolButton(this);
    m_zoomIn->setObjectName(QStringLiteral("inspectZoomIn"));
    m_zoomIn->setText(QStringLiteral("+"));
    m_fit = new QToolButton(this);
    m_fit->setObjectName(QStringLiteral("inspectFit"));
    for (QToolButton *button : {m_zoomOut, m_zoomIn, m_fit}) {
        // The keys stay with the matrix: the buttons take no focus.
        button->setFocusPolicy(Qt::NoFocus);
        header->addWidget(button);
    }
    layout->addLayout(header);

    m_inspector = new HeatmapInspector(this);
    m_inspector->setObjectName(QStringLiteral("inspectMatrix"));
    layout->addWidget(m_inspector, 1);
    setFocusProxy(m_inspector);

    connect(m_back, &QPushButton::clicked, this, &StageInspector::closeRequested);
    connect(m_zoomIn, &QToolButton::clicked, m_inspector, &HeatmapInspector::zoomIn);
    connect(m_zoomOut, &QToolButton::clicked, m_inspector, &HeatmapInspector::zoomOut);
    connect(m_fit, &QToolButton::clicked, m_inspector, &HeatmapInspector::fit);
    connect(m_inspector, &HeatmapInspector::cellHovered, this,
            [this](int row, int column) { emit cellHovered(m_stage, row, column); });
    connect(m_inspector, &HeatmapInspector::cellClicked, this,
            [this](int row, int column) { emit cellClicked(m_stage, row, column); });
    retranslate();
}

void StageInspector::inspect(Stage stage, int head, const HeatmapView *source,
                             const Scenario &scenario, const Trace &trace)
{
    m_stage = stage;
    m_head = stage_labels::isPerHead(stage) ? head : 0;
    m_inspector->setSource(source, stage_labels::rowLabels(stage, scenario, trace, m_head),
                           stage_labels::columnLabels(stage, scenario, trace, m_head));
    refreshTitle(scenario, trace);
}

void StageInspector::openOn(QWidget *card, const QList<QWidget *> &parts, Stage stage)
{
    card->setFocusPolicy(Qt::StrongFocus);
    card->setAccessibleName(stage_text::title(stage));
    card->setToolTip(tr("Double-click or press Enter to see this stage close up"));
    // A click anywhere on the card focuses the card itself.
    for (QWidget *part : parts)
        part->setFocusPolicy(Qt::NoFocus);
    for (QWidget *widget : parts + QList<QWidget *>{card}) {
        m_openers.insert(widget, stage);
        widget->installEventFilter(this);
        connect(widget, &QObject::destroyed, this,
                [this](QObject *gone) { m_openers.remove(gone); });
    }
}

bool StageInspector::eventFilter(QObject *watched, QEvent *event)
{
    const auto opener = m_openers.constFind(watched);
    if (opener != m_openers.constEnd()) {
        bool open = false;
        if (event->type() == QEvent::MouseButtonDblClick) {
            open = static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton;
        } else if (event->type() == QEvent::KeyPress) {
            const auto *key = static_cast<QKeyEvent *>(event);
            open = (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
                   (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
        }
        if (open) {
            emit openRequested(*opener);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void StageInspector::refresh(int head, const Scenario &scenario, const Trace &trace)
{
    m_head = stage_labels::isPerHead(m_stage) ? head : 0;
    m_inspector->refresh(stage_labels::rowLabels(m_stage, scenario, trace, m_head),
                         stage_labels::columnLabels(m_stage, scenario, trace, m_head));
    refreshTitle(scenario, trace);
}

void StageInspector::refreshTitle(const Scenario &scenario, const Trace &trace)
{
    // With positional encoding the first stage is what the heads read: X + PE.
    const QString symbol =
        m_stage == Stage::Embeddings && scenario.positional != PositionalEncoding::None
            ? QStringLiteral("X + PE")
            : stage_text::symbol(m_stage);
    QString title = QStringLiteral("<b>%1</b> &nbsp;%2")
                        .arg(stage_text::title(m_stage).toHtmlEscaped(), symbol.toHtmlEscaped());
    if (stage_labels::isPerHead(m_stage) && trace.headCount() > 1)
        title += tr(" · head %1 of %2").arg(m_head + 1).arg(trace.headCount()).toHtmlEscaped();
    title += QStringLiteral(" &nbsp;<span style='color:%1'>%2</span>")
                 .arg(palette().color(QPalette::PlaceholderText).name(),
                      tr("%1 × %2 · rows: %3, columns: %4")
                          .arg(m_inspector->rowCount())
                          .arg(m_inspector->columnCount())
                          .arg(stage_text::rowAxis(m_stage, scenario),
                               stage_text::columnAxis(m_stage, scenario))
                          .toHtmlEscaped());
    m_title->setText(title);
    m_stageTitle = stage_text::title(m_stage);
    m_inspector->setAccessibleName(tr("%1, close up").arg(m_stageTitle));
}

void StageInspector::retranslate()
{
    m_back->setText(tr("← Back to all stages"));
    m_back->setAccessibleName(tr("Back to all stages"));
    m_back->setToolTip(tr("Back to the cards of every stage (Esc)"));
    m_hint->setText(tr("Wheel or Ctrl+/− to zoom, drag or arrow keys to move"));
    m_zoomOut->setAccessibleName(tr("Zoom out of the matrix"));
    m_zoomOut->setToolTip(tr("Smaller cells (Ctrl+−)"));
    m_zoomIn->setAccessibleName(tr("Zoom into the matrix"));
    m_zoomIn->setToolTip(tr("Larger cells (Ctrl++)"));
    m_fit->setText(tr("Fit"));
    m_fit->setAccessibleName(tr("Fit the matrix to the view"));
    m_fit->setToolTip(tr("The whole matrix in view (Ctrl+0)"));
    m_title->setAccessibleName(tr("Stage shown close up"));
    if (!m_stageTitle.isEmpty())
        m_inspector->setAccessibleName(tr("%1, close up").arg(m_stageTitle));
}

int StageInspector::keyAction(const QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers =
        event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier)
        return BackKey;
    if (modifiers != Qt::ControlModifier)
        return NoKey;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        return ZoomInKey;
    case Qt::Key_Minus:
        return ZoomOutKey;
    case Qt::Key_0:
        return FitKey;
    default:
        return NoKey;
    }
}

bool StageInspector::event(QEvent *event)
{
    // The window zooms its text with the same keys: here they zoom the matrix.
    if (event->type() == QEvent::ShortcutOverride &&
        keyAction(static_cast<QKeyEvent *>(event)) != NoKey) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void StageInspector::keyPressEvent(QKeyEvent *event)
{
    switch (keyAction(event)) {
    case BackKey:
        emit closeRequested();
        break;
    case ZoomInKey:
        m_inspector->zoomIn();
        break;
    case ZoomOutKey:
        m_inspector->zoomOut();
        break;
    case FitKey:
        m_inspector->fit();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void StageInspector::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace attn::ui
