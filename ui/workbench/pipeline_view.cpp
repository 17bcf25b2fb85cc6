#include "pipeline_view.h"

#include "document.h"
#include "error_text.h"
#include "stage_heatmap.h"
#include "stage_inspector.h"
#include "stage_labels.h"
#include "stage_text.h"

#include <QAction>
#include <QComboBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace attn::ui {

namespace {

struct Placement
{
    Stage stage;
};

/// Every stage in pipeline order, read left to right and top to bottom:
/// inputs on the first row, the attention matrices on the second, what comes
/// out on the third.
constexpr Placement placements[] = {
    {Stage::Embeddings}, {Stage::Queries}, {Stage::Keys},      {Stage::Values},
    {Stage::Scores},     {Stage::Scaled},  {Stage::Masked},    {Stage::Weights},
    {Stage::Output},     {Stage::Concat},  {Stage::Projected},
};
/// At most three columns of cards; fewer when the cards' readable size needs
/// it. A card is never narrower than minCardWidth.
constexpr int maxGridColumns = 3;
constexpr int minCardWidth = 230;
/// The explanation's height below the cards: the working and its sentence.
constexpr int asideHeight = 118;

const char *currentCardStyle = "QFrame#stageCard { border: 2px solid #d9822b; border-radius: 6px; "
                               "background: palette(base); } "
                               "QFrame#stageCard:focus { border: 2px solid palette(highlight); }";
const char *cardStyle = "QFrame#stageCard { border: 1px solid palette(mid); border-radius: 6px; "
                        "background: palette(base); } "
                        "QFrame#stageCard:focus { border: 2px solid palette(highlight); }";

} // namespace

PipelineView::PipelineView(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);

    auto *header = new QHBoxLayout;
    m_formula = new QLabel(this);
    m_formula->setObjectName(QStringLiteral("stageFormula"));
    m_formula->setWordWrap(true);
    m_formula->setTextFormat(Qt::RichText);
    QFont formulaFont = m_formula->font();
    formulaFont.setPointSizeF(formulaFont.pointSizeF() * 1.15);
    m_formula->setFont(formulaFont);
    header->addWidget(m_formula, 1);
    m_headLabel = new QLabel(tr("Head:"), this);
    m_headCombo = new QComboBox(this);
    m_headCombo->setObjectName(QStringLiteral("headCombo"));
    m_headCombo->setToolTip(tr("Each head has its own scores, weights and output; choose which "
                               "one the heatmaps show."));
    m_headLabel->setBuddy(m_headCombo);
    header->addWidget(m_headLabel);
    header->addWidget(m_headCombo);
    layout->addLayout(header);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("scenarioError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(
        QStringLiteral("QLabel { background: #fdecea; color: #8a1c12; border: 1px solid #e5a59d;"
                       " border-radius: 4px; padding: 6px; }"));
    m_error->hide();
    layout->addWidget(m_error);

    auto *scroll = new QScrollArea(this);
    m_scroll = scroll;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *gridHost = new QWidget(scroll);
    m_grid = new QGridLayout(gridHost);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(8);
    scroll->setWidget(gridHost);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(scroll);
    m_inspector = new StageInspector(m_stack);
    m_stack->addWidget(m_inspector);
    layout->addWidget(m_stack, 1);
    connect(m_inspector, &StageInspector::openRequested, this, &PipelineView::inspect);
    connect(m_inspector, &StageInspector::closeRequested, this, &PipelineView::closeInspector);
    connect(m_inspector, &StageInspector::cellHovered, this, &PipelineView::onHover);
    connect(m_inspector, &StageInspector::cellClicked, this, &PipelineView::onClick);

    // Named for the stages in the menu; on the tool bar, beside "Stage:", the
    // short words. The lesson's own buttons say "Step".
    m_backAction = new QAction(tr("&Previous stage"), this);
    m_backAction->setIconText(tr("Back"));
    m_backAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_backAction->setToolTip(tr("Hide the last revealed stage (Alt+←)"));
    m_nextAction = new QAction(tr("&Next stage"), this);
    m_nextAction->setIconText(tr("Next"));
    m_nextAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_nextAction->setToolTip(tr("Reveal the next stage of the pipeline (Alt+→)"));
    m_showAllAction = new QAction(tr("Show &all"), this);
    m_showAllAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_End));
    m_showAllAction->setToolTip(tr("Reveal every stage (Alt+End)"));
    connect(m_backAction, &QAction::triggered, this, &PipelineView::back);
    connect(m_nextAction, &QAction::triggered, this, &PipelineView::next);
    connect(m_showAllAction, &QAction::triggered, this, &PipelineView::revealAll);

    connect(m_headCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            setHead(index);
    });
    connect(m_document, &Document::traceChanged, this, &PipelineView::refresh);

    buildCards();
    refresh();
}

void PipelineView::buildCards()
{
    for (const Placement &place : placements) {
        Card &card = m_cards[std::size_t(place.stage)];
        // A child of the grid from the start: a card the grid takes in later
        // is not reparented (which would hide it until the next event loop).
        card.frame = new QFrame(m_grid->parentWidget());
        card.frame->setObjectName(QStringLiteral("stageCard"));
        auto *cardLayout = new QVBoxLayout(card.frame);
        cardLayout->setContentsMargins(6, 4, 6, 6);
        cardLayout->setSpacing(2);
        card.title = new QLabel(card.frame);
        card.title->setTextFormat(Qt::RichText);
        card.title->setAlignment(Qt::AlignCenter);
        cardLayout->addWidget(card.title);
        card.heatmap = new HeatmapView(card.frame);
        card.heatmap->setObjectName(QStringLiteral("heatmap_%1").arg(stage_text::key(place.stage)));
        cardLayout->addWidget(card.heatmap, 1);
        m_inspector->openOn(card.frame, {card.title, card.heatmap->plot()}, place.stage);

        const Stage stage = place.stage;
        connect(card.heatmap, &HeatmapView::cellHovered, this,
                [this, stage](int row, int column) { onHover(stage, row, column); });
        connect(card.heatmap, &HeatmapView::cellClicked, this,
                [this, stage](int row, int column) { onClick(stage, row, column); });
    }
    placeCards();
}

void PipelineView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placeCards();
}

void PipelineView::inspect(Stage stage)
{
    if (!stages().contains(stage) || !isRevealed(stage))
        return;
    m_inspector->inspect(stage, m_head, heatmap(stage), m_document->scenario(), m_document->trace());
    m_stack->setCurrentWidget(m_inspector);
    m_inspector->setFocus(Qt::OtherFocusReason);
}

void PipelineView::closeInspector()
{
    if (!isInspecting())
        return;
    const Stage stage = m_inspector->stage();
    m_stack->setCurrentIndex(0);
    onHover(stage, -1, -1); // the cell pointed at in the close-up is out of sight
    m_cards[std::size_t(stage)].frame->setFocus(Qt::OtherFocusReason);
}

void PipelineView::refreshInspector()
{
    const Stage stage = m_inspector->stage();
    if (isInspecting() && (!stages().contains(stage) || !isRevealed(stage)))
        closeInspector(); // a stage gone or hidden again is no longer shown close up
    else if (isInspecting())
        m_inspector->refresh(m_head, m_document->scenario(), m_document->trace());
}

void PipelineView::placeCards()
{
    const QList<Stage> present = stages();
    // As many columns as the widest card allows at the size where every number
    // and name is readable (the heatmaps' minimum); the grid scrolls instead
    // of squeezing them.
    int widest = minCardWidth;
    for (Stage stage : present)
        widest = std::max(widest, m_cards[std::size_t(stage)].frame->minimumSizeHint().width());
    const int room = width() - 12 - style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    const int gridColumns =
        std::clamp((room + m_grid->spacing()) / (widest + m_grid->spacing()), 1, maxGridColumns);
    if (present == m_placed && gridColumns == m_columns)
        return;
    m_placed = present;
    m_columns = gridColumns;
    for (int column = 0; column < maxGridColumns; ++column)
        m_grid->setColumnStretch(column, column < gridColumns ? 1 : 0);
    for (const Placement &place : placements) {
        QFrame *frame = m_cards[std::size_t(place.stage)].frame;
        m_grid->removeWidget(frame);
        frame->setVisible(present.contains(place.stage));
    }
    int position = 0;
    for (Stage stage : present) {
        m_grid->addWidget(m_cards[std::size_t(stage)].frame, position / gridColumns,
                          position % gridColumns);
        ++position;
    }
    const int cardRows = (position + gridColumns - 1) / gridColumns;
    for (int row = 0; row < m_grid->rowCount(); ++row)
        m_grid->setRowStretch(row, row < cardRows ? 1 : 0);
}

void PipelineView::setAsideWidget(QWidget *widget)
{
    // A scroll area of its own keeps the aside's word-wrapped text from making
    // the whole grid height-for-width, which would stretch every heatmap.
    // It sits below the cards, outside their scroll area, so that the working
    // of the cell pointed at is in view wherever the cards are scrolled.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("explanationArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(widget);
    scroll->setFixedHeight(asideHeight);
    layout()->addWidget(scroll);
}

QList<Stage> PipelineView::stages() const
{
    return stage_labels::stages(m_document->scenario());
}

bool PipelineView::isRevealed(Stage stage) const
{
    return stage <= m_revealed;
}

bool PipelineView::isPerHead(Stage stage) const
{
    return stage_labels::isPerHead(stage);
}

void PipelineView::setHead(int head)
{
    head = std::clamp(head, 0, std::max(0, m_document->trace().headCount() - 1));
    if (head == m_head)
        return;
    m_head = head;
    if (m_headCombo->currentIndex() != head)
        m_headCombo->setCurrentIndex(head);
    for (const Placement &place : placements) {
        if (isPerHead(place.stage))
            refreshCard(place.stage);
    }
    refreshInspector();
    if (m_hasPinned && isPerHead(m_pinned.stage))
        m_pinned.head = head;
    if (m_hasPinned)
        showExplanation(m_pinned);
    emit headChanged(head);
}

void PipelineView::next()
{
    const QList<Stage> all = stages();
    for (Stage stage : all) {
        if (stage > m_revealed) {
            revealUpTo(stage);
            return;
        }
    }
}

void PipelineView::back()
{
    const QList<Stage> all = stages();
    Stage current = std::min(m_revealed, all.last());
    const int position = int(all.indexOf(current));
    if (position > 0)
        revealUpTo(all.at(position - 1));
}

void PipelineView::revealAll()
{
    revealUpTo(stages().last());
}

void PipelineView::revealUpTo(Stage stage)
{
    // Revealing the last stage reveals everything, however the learner got there.
    if (stage >= stages().last())
        stage = Stage::Projected;
    if (stage == m_revealed)
        return;
    m_revealed = stage;
    refreshReveal();
    refreshInspector();
    emit revealedStageChanged(revealedStage());
}

Stage PipelineView::revealedStage() const
{
    return std::min(m_revealed, stages().last());
}

void PipelineView::refresh()
{
    const Trace &trace = m_document->trace();
    refreshHeads();
    for (const Placement &place : placements)
        refreshCard(place.stage);
    // After the cards hold their new shapes: their readable sizes decide the columns.
    placeCards();
    refreshReveal();
    refreshInspector();

    if (const auto &error = m_document->error()) {
        m_error->setText(tr("<b>This scenario cannot be computed:</b> %1. The heatmaps show the "
                            "last scenario that could; fix the value or undo (Ctrl+Z).")
                             .arg(errorText(*error).toHtmlEscaped()));
        m_error->show();
    } else {
        m_error->hide();
    }

    // Keep the explanation of the pinned or hovered cell in step with the new numbers.
    if (m_hasExplanation) {
        const Matrix &matrix = trace.matrix(m_explanation.cell.stage, m_explanation.cell.head);
        if (m_explanation.cell.row < matrix.rows() && m_explanation.cell.col < matrix.cols())
            showExplanation(m_explanation.cell);
        else
            clearExplanation();
    }
}

void PipelineView::refreshHeads()
{
    const int count = std::max(1, m_document->trace().headCount());
    if (m_headCombo->count() != count) {
        const QSignalBlocker blocker(m_headCombo);
        m_headCombo->clear();
        for (int head = 0; head < count; ++head)
            m_headCombo->addItem(tr("Head %1 of %2").arg(head + 1).arg(count));
        const int previous = m_head;
        m_head = std::min(m_head, count - 1);
        m_headCombo->setCurrentIndex(m_head);
        if (m_head != previous)
            emit headChanged(m_head);
    }
    m_headCombo->setVisible(count > 1);
    m_headLabel->setVisible(count > 1);
}

void PipelineView::refreshCard(Stage stage)
{
    const Card &card = m_cards[std::size_t(stage)];
    const QList<Stage> all = stages();
    const bool present = all.contains(stage);
    card.frame->setVisible(present);
    if (!present)
        return;

    const Trace &trace = m_document->trace();
    stage_heatmap::show(*card.heatmap, stage, m_document->scenario(), trace, m_head);
    // X + PE with positional encoding; the divisor in effect on the scaled scores.
    const QString symbol = stage_text::subtitle(stage, m_document->scenario());
    // Rich text knows no palette(): the subtitle's grey is taken from the palette
    // in use, so that it stays readable under a dark one.
    QString title = QStringLiteral("<b>%1</b> &nbsp;<span style='color:%3'>%2</span>")
                        .arg(stage_text::title(stage).toHtmlEscaped(), symbol.toHtmlEscaped(),
                             palette().color(QPalette::PlaceholderText).name());
    if (isPerHead(stage) && trace.headCount() > 1)
        title += tr(" · head %1").arg(m_head + 1);
    // Queries that see no key read 0 on these cards: say so on the card itself.
    const QString noKey = stage_text::noKeyNote(stage, m_document->scenario(), trace);
    if (!noKey.isEmpty())
        title += QStringLiteral("<br><i>%1</i>").arg(noKey.toHtmlEscaped());
    card.title->setWordWrap(!noKey.isEmpty());
    card.title->setText(title);
}

void PipelineView::refreshReveal()
{
    const QList<Stage> all = stages();
    const Stage shown = std::min(m_revealed, all.last());
    for (const Placement &place : placements) {
        const Card &card = m_cards[std::size_t(place.stage)];
        card.heatmap->setConcealed(!isRevealed(place.stage));
        card.frame->setStyleSheet(
            QLatin1String(place.stage == shown ? currentCardStyle : cardStyle));
    }
    // The stage the learner just reached stays in view when the grid scrolls.
    // After the layout has run (a new scenario may have re-placed the cards).
    // The first stage scrolls to the very top, whatever the layout does next.
    if (m_scroll) {
        QFrame *frame = m_cards[std::size_t(shown)].frame;
        const bool first = shown == all.first();
        QTimer::singleShot(0, m_scroll, [scroll = m_scroll, frame, first] {
            if (first)
                scroll->verticalScrollBar()->setValue(0);
            else
                scroll->ensureWidgetVisible(frame, 0, 0);
        });
    }
    const int position = int(all.indexOf(shown)) + 1;
    m_formula->setText(
        tr("<b>Stage %1 of %2 · %3</b> — %4")
            .arg(position)
            .arg(all.size())
            .arg(stage_text::title(shown).toHtmlEscaped(),
                 stage_text::formula(shown, m_document->scenario(), m_document->trace())
                     .toHtmlEscaped()));
    m_backAction->setEnabled(position > 1);
    m_nextAction->setEnabled(position < all.size());
    m_showAllAction->setEnabled(position < all.size());
}

CellRef PipelineView::cellOf(Stage stage, int row, int column) const
{
    return CellRef{stage, isPerHead(stage) ? m_head : 0, row, column};
}

void PipelineView::onHover(Stage stage, int row, int column)
{
    if (row < 0 || column < 0 || !isRevealed(stage)) {
        if (m_hasPinned)
            showExplanation(m_pinned);
        else
            clearExplanation();
        return;
    }
    showExplanation(cellOf(stage, row, column));
}

void PipelineView::onClick(Stage stage, int row, int column)
{
    if (!isRevealed(stage))
        return;
    pinCell(cellOf(stage, row, column));
}

void PipelineView::pinCell(const CellRef &cell)
{
    if (cell.row < 0) {
        m_hasPinned = false;
        clearExplanation();
        return;
    }
    m_pinned = cell;
    m_hasPinned = true;
    showExplanation(cell);
}

void PipelineView::showExplanation(const CellRef &cell)
{
    m_explanation = explain(m_document->scenario(), m_document->trace(), cell);
    m_hasExplanation = true;

    QVector<QVector<HeatmapView::Highlight>> regions(stageCount);
    regions[int(cell.stage)].append({cell.row, cell.col});
    for (const CellRef &source : m_explanation.sources) {
        if (isPerHead(source.stage) && source.head != m_head)
            continue;
        regions[int(source.stage)].append({source.row, source.col});
    }
    for (const Placement &place : placements)
        m_cards[std::size_t(place.stage)].heatmap->setHighlights(regions[int(place.stage)]);
    emit explanationChanged();
}

void PipelineView::clearExplanation()
{
    m_hasExplanation = false;
    for (const Placement &place : placements)
        m_cards[std::size_t(place.stage)].heatmap->clearHighlights();
    emit explanationChanged();
}

} // namespace attn::ui
