#include "matrix_editor.h"

#include "document.h"
#include "matrix_model.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QWheelEvent>
#include <cmath>

namespace attn::ui {

namespace {

/// Nudges of one cell closer together than this merge into one undo step.
constexpr int nudgeMergeMs = 800;

/// Sums of steps like 0.1 pick up binary noise (0.1 + 0.2 = 0.30000000000000004);
/// nine decimals is far finer than any step and hides it.
double tidy(double value)
{
    const double result = std::round(value * 1e9) / 1e9;
    return result == 0.0 ? 0.0 : result; // no −0 in a cell
}

/// Draws cells as usual, and a red outline around the one whose value was refused.
class RefusalOutline : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        if (!index.data(MatrixModel::RefusedRole).toBool())
            return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(QPen(MatrixEditor::refusalColour(option.palette), 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(option.rect.adjusted(1, 1, -1, -1));
        painter->restore();
    }
};

} // namespace

QColor MatrixEditor::refusalColour(const QPalette &palette)
{
    // Deep red on a light base, a light red on a dark one: both keep a
    // contrast of about 4.5:1 against the base.
    return palette.color(QPalette::Base).lightnessF() > 0.5 ? QColor(0xb4, 0x1b, 0x1b)
                                                            : QColor(0xff, 0x8a, 0x80);
}

MatrixEditor::MatrixEditor(QWidget *parent) : QTableView(parent)
{
    setItemDelegate(new RefusalOutline(this));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    connect(horizontalHeader(), &QHeaderView::sectionResized, this, [this] { updateGeometry(); });
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                    QAbstractItemView::AnyKeyPressed);
    setSelectionMode(QAbstractItemView::ContiguousSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed-width columns: resizing to contents re-measures every cell of the
    // matrix on each edit, which at 64×64 costs more than the whole pipeline.
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setMinimumSectionSize(36);
    horizontalHeader()->setDefaultSectionSize(
        fontMetrics().horizontalAdvance(QStringLiteral("−0.00")) + 10);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    setMouseTracking(false);
}

void MatrixEditor::setMatrixModel(MatrixModel *model)
{
    m_model = model;
    setModel(model);
    // The word column is as wide as its longest name, measured when the shape changes.
    auto fitWords = [this] {
        if (m_model->hasTokenColumn() && m_model->columnCount() > 0)
            resizeColumnToContents(0);
    };
    connect(model, &QAbstractItemModel::modelReset, this, [this, fitWords] {
        fitWords();
        updateGeometry();
    });
    connect(model, &QAbstractItemModel::dataChanged, this, [fitWords](const QModelIndex &topLeft) {
        if (topLeft.column() == 0)
            fitWords();
    });
    connect(model, &MatrixModel::refusalChanged, this, [this] {
        if (const QModelIndex cell = m_model->refusedCell(); cell.isValid())
            scrollTo(cell);
    });
    fitWords();
    updateGeometry();
    setToolTip(tr("Type a number, drag a cell left or right to scrub it (Shift: steps of 1), "
                  "Alt+↑/↓ or Alt+wheel to nudge by 0.1, Ctrl+↑/↓ or Ctrl+wheel by 1. "
                  "Ctrl+V pastes a block from a spreadsheet."));
}

QSize MatrixEditor::sizeHint() const
{
    if (!m_model)
        return QTableView::sizeHint();
    ensurePolished();
    const int rows = m_model->rowCount();
    const int columns = m_model->columnCount();
    const QHeaderView *top = horizontalHeader();
    const QHeaderView *side = verticalHeader();
    const int shownColumns = std::min(columns, maxColumnsShown);
    const int shownRows = std::min(rows, maxRowsShown);
    // The header sizes as QTableView::updateGeometries() lays them out.
    const int sideWidth =
        side->isHidden() ? 0 : std::max(side->minimumWidth(), side->sizeHint().width());
    const int topHeight =
        top->isHidden() ? 0 : std::max(top->minimumHeight(), top->sizeHint().height());
    int width = 2 * frameWidth() + sideWidth +
                (shownColumns < columns ? top->sectionPosition(shownColumns) : top->length());
    int height = 2 * frameWidth() + topHeight + shownRows * side->defaultSectionSize();
    // A matrix beyond the limit scrolls inside: leave room for the bars.
    const int bar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    if (shownRows < rows)
        width += bar;
    if (shownColumns < columns)
        height += bar;
    return {width, height};
}

QSize MatrixEditor::minimumSizeHint() const
{
    return sizeHint();
}

bool MatrixEditor::isNumeric(const QModelIndex &index) const
{
    return m_model && index.isValid() && m_model->matrixColumn(index.column()) >= 0;
}

void MatrixEditor::mousePressEvent(QMouseEvent *event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && isNumeric(index) && state() != EditingState) {
        m_scrubIndex = index;
        m_scrubStart = event->position().toPoint();
        m_scrubStartValue = m_model->value(index);
        m_scrubbing = false;
    }
    QTableView::mousePressEvent(event);
}

void MatrixEditor::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_scrubIndex.isValid() || !(event->buttons() & Qt::LeftButton)) {
        QTableView::mouseMoveEvent(event);
        return;
    }
    const int dx = event->position().toPoint().x() - m_scrubStart.x();
    if (!m_scrubbing) {
        if (std::abs(dx) < QApplication::startDragDistance()) {
            QTableView::mouseMoveEvent(event);
            return;
        }
        m_scrubbing = true;
        m_scrubGesture = m_model->beginGesture();
        setCursor(Qt::SizeHorCursor);
    }
    const double step = (event->modifiers() & Qt::ShiftModifier) ? coarseStep : fineStep;
    const double value = tidy(m_scrubStartValue + (dx / pixelsPerStep) * step);
    m_model->setValue(m_scrubIndex, value, m_scrubGesture);
    event->accept();
}

void MatrixEditor::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_scrubbing) {
        unsetCursor();
        m_scrubbing = false;
        m_scrubIndex = QPersistentModelIndex();
        m_scrubGesture = 0;
        event->accept();
        return;
    }
    m_scrubIndex = QPersistentModelIndex();
    QTableView::mouseReleaseEvent(event);
}

void MatrixEditor::nudge(const QModelIndex &index, double delta)
{
    if (!isNumeric(index))
        return;
    const bool sameRun =
        m_nudgeIndex == index && m_lastNudge.isValid() && m_lastNudge.elapsed() < nudgeMergeMs;
    if (!sameRun) {
        m_nudgeIndex = index;
        m_nudgeGesture = m_model->beginGesture();
    }
    m_lastNudge.restart();
    m_model->setValue(index, tidy(m_model->value(index) + delta), m_nudgeGesture);
}

void MatrixEditor::wheelEvent(QWheelEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers();
    const bool fine = modifiers & Qt::AltModifier;
    const bool coarse = modifiers & Qt::ControlModifier;
    const QModelIndex index = indexAt(event->position().toPoint());
    if ((!fine && !coarse) || !isNumeric(index)) {
        QTableView::wheelEvent(event);
        return;
    }
    // With Alt held Qt turns the vertical wheel into a horizontal one.
    const QPoint angle = event->angleDelta();
    m_wheelRemainder += (angle.y() != 0 ? angle.y() : angle.x()) / 120.0;
    const int notches = int(m_wheelRemainder);
    m_wheelRemainder -= notches;
    if (notches != 0)
        nudge(index, notches * (coarse ? coarseStep : fineStep));
    event->accept();
}

void MatrixEditor::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        return;
    }
    if (event->matches(QKeySequence::Paste)) {
        paste();
        return;
    }
    const bool vertical = event->key() == Qt::Key_Up || event->key() == Qt::Key_Down;
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (vertical && (modifiers == Qt::AltModifier || modifiers == Qt::ControlModifier) &&
        isNumeric(currentIndex())) {
        const double step = modifiers == Qt::AltModifier ? fineStep : coarseStep;
        nudge(currentIndex(), event->key() == Qt::Key_Up ? step : -step);
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void MatrixEditor::copySelection()
{
    const QModelIndexList selected = selectedIndexes();
    if (selected.isEmpty() || !m_model)
        return;
    int top = selected.first().row(), bottom = top;
    int left = selected.first().column(), right = left;
    for (const QModelIndex &index : selected) {
        top = std::min(top, index.row());
        bottom = std::max(bottom, index.row());
        left = std::min(left, index.column());
        right = std::max(right, index.column());
    }
    // Every digit, in the UI's locale without group separators: a spreadsheet
    // of the same locale reads it, and so does paste() ("2.125" would be
    // ambiguous in German, "2,125" is not).
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    QStringList lines;
    for (int row = top; row <= bottom; ++row) {
        QStringList cells;
        for (int col = left; col <= right; ++col) {
            const QModelIndex index = m_model->index(row, col);
            cells << (isNumeric(index) ? locale.toString(m_model->value(index), 'g',
                                                         QLocale::FloatingPointShortest)
                                       : index.data().toString());
        }
        lines << cells.join(QLatin1Char('\t'));
    }
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

void MatrixEditor::paste()
{
    if (!m_model)
        return;
    QModelIndex topLeft = currentIndex();
    const QModelIndexList selected = selectedIndexes();
    for (const QModelIndex &index : selected) {
        if (!topLeft.isValid() || index.row() < topLeft.row() ||
            (index.row() == topLeft.row() && index.column() < topLeft.column()))
            topLeft = index;
    }
    if (!topLeft.isValid())
        topLeft = m_model->index(0, m_model->hasTokenColumn() ? 1 : 0);
    m_model->pasteText(topLeft, QApplication::clipboard()->text());
}

} // namespace attn::ui
