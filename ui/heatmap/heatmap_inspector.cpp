#include "heatmap_inspector.h"

#include "heatmap_view.h"

#include <QApplication>
#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace attn::ui {

namespace {

/// The largest cell: a few numbers wide, so that a cell is never the whole view.
constexpr double maximumCellSize = 160.0;
/// One zoom step (a wheel notch, Ctrl++).
constexpr double zoomStep = 1.25;
/// The numbers are never drawn smaller than this.
constexpr double minimumValuePointSize = 9.0;
/// Names longer than this many average characters are elided.
constexpr int longestName = 14;
/// The gap between a name and the cells, where its tick is drawn.
constexpr int tickLength = 4;

QString nameAt(const QStringList &names, int index)
{
    return index < names.size() ? names.at(index) : QString::number(index + 1);
}

/// The names of every n-th index are drawn, n the smallest power of two for
/// which n cells hold a line of text: it depends on the index and the cell
/// size only.
int nameStep(double cellSize, int lineHeight)
{
    int step = 1;
    while (step * cellSize < lineHeight && step < (1 << 20))
        step *= 2;
    return step;
}

} // namespace

HeatmapInspector::HeatmapInspector(QWidget *parent) : QAbstractScrollArea(parent)
{
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setAutoFillBackground(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    measureNames();
}

HeatmapInspector::~HeatmapInspector() = default;

void HeatmapInspector::setSource(const HeatmapView *source, const QStringList &rowNames,
                                 const QStringList &columnNames)
{
    m_source = source;
    m_hovered = QPoint(-1, -1);
    readSource(rowNames, columnNames);
    fit();
}

void HeatmapInspector::refresh(const QStringList &rowNames, const QStringList &columnNames)
{
    const int rows = m_rows;
    const int columns = m_columns;
    readSource(rowNames, columnNames);
    if (rows != m_rows || columns != m_columns || m_fitted) {
        fit();
    } else {
        clampPosition();
        updateScrollBars();
        viewport()->update();
    }
}

void HeatmapInspector::readSource(const QStringList &rowNames, const QStringList &columnNames)
{
    m_rowNames = rowNames;
    m_columnNames = columnNames;
    m_cells.read(m_source);
    m_rows = m_cells.rowCount();
    m_columns = m_cells.columnCount();
    // The widest number decides when the numbers fit the cells.
    const QFontMetricsF metrics(valueFont());
    m_valueWidth = 0.0;
    for (const QPoint &cell : m_cells.widestCells())
        m_valueWidth = std::max(
            m_valueWidth, metrics.horizontalAdvance(m_source->cellLabel(cell.y(), cell.x())));
    measureNames();
}

void HeatmapInspector::measureNames()
{
    const QFontMetrics metrics(font());
    const int longest = longestName * metrics.averageCharWidth();
    int widestRow = metrics.horizontalAdvance(QStringLiteral("000"));
    for (int row = 0; row < m_rows; ++row)
        widestRow = std::max(widestRow, metrics.horizontalAdvance(nameAt(m_rowNames, row)));
    int widestColumn = metrics.horizontalAdvance(QStringLiteral("000"));
    for (int column = 0; column < m_columns; ++column)
        widestColumn =
            std::max(widestColumn, metrics.horizontalAdvance(nameAt(m_columnNames, column)));
    m_rowBand = std::min(widestRow, longest) + tickLength + 8;
    m_columnBand = std::min(widestColumn, longest) + tickLength + 8;
}

QFont HeatmapInspector::valueFont() const
{
    QFont valueFont = font();
    if (valueFont.pointSizeF() > 0 && valueFont.pointSizeF() < minimumValuePointSize)
        valueFont.setPointSizeF(minimumValuePointSize);
    return valueFont;
}

QRect HeatmapInspector::cellArea() const
{
    return viewport()->rect().adjusted(m_rowBand, m_columnBand, 0, 0);
}

double HeatmapInspector::fitCellSize() const
{
    const QRect area = cellArea();
    if (m_rows == 0 || m_columns == 0 || area.width() <= 0 || area.height() <= 0)
        return 1.0;
    return std::min(double(area.width()) / m_columns, double(area.height()) / m_rows);
}

double HeatmapInspector::valueCellSize() const
{
    const QFontMetricsF metrics(valueFont());
    return std::max(m_valueWidth + 6.0, metrics.height() + 4.0);
}

QPointF HeatmapInspector::origin() const
{
    const QRect area = cellArea();
    const double width = m_columns * m_cellSize;
    const double height = m_rows * m_cellSize;
    // A matrix smaller than the view sits in its middle.
    const double x = width <= area.width() ? area.left() + (area.width() - width) / 2.0
                                           : area.left() - m_left * m_cellSize;
    const double y = height <= area.height() ? area.top() + (area.height() - height) / 2.0
                                             : area.top() - m_top * m_cellSize;
    return {x, y};
}

QRect HeatmapInspector::visibleCells() const
{
    if (m_rows == 0 || m_columns == 0)
        return {};
    const QRect area = cellArea();
    const QPointF corner = origin();
    const int left = std::max(0, int(std::floor((area.left() - corner.x()) / m_cellSize)));
    const int top = std::max(0, int(std::floor((area.top() - corner.y()) / m_cellSize)));
    const int right =
        std::min(m_columns, int(std::ceil((area.right() + 1 - corner.x()) / m_cellSize)));
    const int bottom =
        std::min(m_rows, int(std::ceil((area.bottom() + 1 - corner.y()) / m_cellSize)));
    if (right <= left || bottom <= top)
        return {};
    return QRect(left, top, right - left, bottom - top);
}

QPoint HeatmapInspector::cellAt(const QPoint &viewportPosition) const
{
    if (m_rows == 0 || m_columns == 0 || !cellArea().contains(viewportPosition))
        return {-1, -1};
    const QPointF corner = origin();
    const int column = int(std::floor((viewportPosition.x() - corner.x()) / m_cellSize));
    const int row = int(std::floor((viewportPosition.y() - corner.y()) / m_cellSize));
    if (row < 0 || column < 0 || row >= m_rows || column >= m_columns)
        return {-1, -1};
    return {column, row};
}

QPointF HeatmapInspector::cellCenter(int row, int column) const
{
    const QPointF corner = origin();
    return {corner.x() + (column + 0.5) * m_cellSize, corner.y() + (row + 0.5) * m_cellSize};
}

void HeatmapInspector::centerOn(int row, int column)
{
    const QRect area = cellArea();
    m_left = column + 0.5 - area.width() / (2.0 * m_cellSize);
    m_top = row + 0.5 - area.height() / (2.0 * m_cellSize);
    clampPosition();
    updateScrollBars();
    viewport()->update();
}

void HeatmapInspector::zoomIn()
{
    zoomTo(m_cellSize * zoomStep, QRectF(cellArea()).center());
}

void HeatmapInspector::zoomOut()
{
    zoomTo(m_cellSize / zoomStep, QRectF(cellArea()).center());
}

void HeatmapInspector::fit()
{
    m_cellSize = fitCellSize();
    m_left = 0.0;
    m_top = 0.0;
    m_fitted = true;
    updateScrollBars();
    viewport()->update();
    emit cellSizeChanged(m_cellSize);
}

void HeatmapInspector::zoomTo(double cellSize, const QPointF &anchor)
{
    const double smallest = fitCellSize();
    cellSize = std::clamp(cellSize, smallest, std::max(smallest, maximumCellSize));
    if (cellSize == m_cellSize)
        return;
    const QRect area = cellArea();
    const QPointF corner = origin();
    // The point of the matrix under the anchor, in cells, stays under it.
    const double column = (anchor.x() - corner.x()) / m_cellSize;
    const double row = (anchor.y() - corner.y()) / m_cellSize;
    m_cellSize = cellSize;
    m_left = column - (anchor.x() - area.left()) / m_cellSize;
    m_top = row - (anchor.y() - area.top()) / m_cellSize;
    m_fitted = cellSize <= smallest * (1.0 + 1e-9);
    clampPosition();
    updateScrollBars();
    viewport()->update();
    emit cellSizeChanged(m_cellSize);
}

void HeatmapInspector::clampPosition()
{
    const QRect area = cellArea();
    const double columnsInView = area.width() / m_cellSize;
    const double rowsInView = area.height() / m_cellSize;
    m_left = std::clamp(m_left, 0.0, std::max(0.0, m_columns - columnsInView));
    m_top = std::clamp(m_top, 0.0, std::max(0.0, m_rows - rowsInView));
}

void HeatmapInspector::updateScrollBars()
{
    if (m_syncing)
        return;
    m_syncing = true;
    const QRect area = cellArea();
    const auto sync = [this](QScrollBar *bar, double cells, double first, int page) {
        const int range = std::max(0, int(std::lround(cells * m_cellSize - page)));
        bar->setRange(0, range);
        bar->setPageStep(std::max(1, page));
        bar->setSingleStep(std::max(20, int(std::ceil(m_cellSize))));
        bar->setValue(int(std::lround(first * m_cellSize)));
    };
    sync(horizontalScrollBar(), m_columns, m_left, area.width());
    sync(verticalScrollBar(), m_rows, m_top, area.height());
    m_syncing = false;
}

void HeatmapInspector::scrollContentsBy(int, int)
{
    // The scroll bars moved (dragged, arrow keys, page keys): follow them.
    if (!m_syncing) {
        m_left = horizontalScrollBar()->value() / m_cellSize;
        m_top = verticalScrollBar()->value() / m_cellSize;
    }
    viewport()->update();
}

void HeatmapInspector::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_fitted) {
        fit();
    } else {
        m_cellSize = std::max(m_cellSize, fitCellSize());
        clampPosition();
        updateScrollBars();
    }
}

void HeatmapInspector::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        if (m_source)
            readSource(m_rowNames, m_columnNames);
        else
            measureNames();
        if (m_fitted)
            fit();
        viewport()->update();
    }
}

void HeatmapInspector::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QAbstractScrollArea::wheelEvent(event);
        return;
    }
    zoomTo(m_cellSize * std::pow(zoomStep, delta / 120.0), event->position());
    event->accept();
}

void HeatmapInspector::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_pressPosition = event->position().toPoint();
    m_pressedCell = cellAt(m_pressPosition);
    m_dragStart = QPointF(m_left, m_top);
    event->accept();
}

void HeatmapInspector::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint position = event->position().toPoint();
    if (m_pressed && (event->buttons() & Qt::LeftButton)) {
        const QPoint moved = position - m_pressPosition;
        if (!m_dragging && moved.manhattanLength() >= QApplication::startDragDistance()) {
            m_dragging = true;
            viewport()->setCursor(Qt::ClosedHandCursor);
        }
        if (m_dragging) {
            m_left = m_dragStart.x() - moved.x() / m_cellSize;
            m_top = m_dragStart.y() - moved.y() / m_cellSize;
            clampPosition();
            updateScrollBars();
            viewport()->update();
            return;
        }
    }
    setHovered(cellAt(position));
}

void HeatmapInspector::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    const bool dragged = m_dragging;
    m_pressed = false;
    m_dragging = false;
    viewport()->unsetCursor();
    const QPoint cell = cellAt(event->position().toPoint());
    if (!dragged && cell.x() >= 0 && cell == m_pressedCell)
        emit cellClicked(cell.y(), cell.x());
    setHovered(cell);
}

void HeatmapInspector::leaveEvent(QEvent *event)
{
    QAbstractScrollArea::leaveEvent(event);
    setHovered(QPoint(-1, -1));
}

void HeatmapInspector::setHovered(const QPoint &cell)
{
    if (cell == m_hovered)
        return;
    m_hovered = cell;
    viewport()->update();
    emit cellHovered(cell.y(), cell.x());
}

void HeatmapInspector::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), palette().color(QPalette::Base));
    m_drawnRowNames.clear();
    m_drawnColumnNames.clear();
    m_drawnValues.clear();
    const QRect cells = visibleCells();
    if (m_cells.isEmpty() || cells.isEmpty())
        return;

    const QRect area = cellArea();
    const QPointF corner = origin();
    const double size = m_cellSize;
    painter.save();
    painter.setClipRect(area);
    m_cells.paint(painter, cells, corner, size);
    if (size >= valueCellSize())
        paintValues(painter, cells);
    if (cells.contains(m_hovered)) {
        painter.setPen(QPen(palette().color(QPalette::Text), 2.0));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(corner.x() + m_hovered.x() * size, corner.y() + m_hovered.y() * size,
                                size, size)
                             .adjusted(1, 1, -1, -1));
    }
    painter.restore();
    paintNames(painter, cells);
}

void HeatmapInspector::paintValues(QPainter &painter, const QRect &cells)
{
    painter.setFont(valueFont());
    const QPointF corner = origin();
    for (int row = cells.top(); row <= cells.bottom(); ++row) {
        for (int column = cells.left(); column <= cells.right(); ++column) {
            const QString text = m_source->cellLabel(row, column);
            painter.setPen(m_source->cellLabelColor(row, column));
            painter.drawText(QRectF(corner.x() + column * m_cellSize,
                                    corner.y() + row * m_cellSize, m_cellSize, m_cellSize),
                             Qt::AlignCenter, text);
            m_drawnValues.append({row, column, text});
        }
    }
}

void HeatmapInspector::paintNames(QPainter &painter, const QRect &cells)
{
    const QRect area = cellArea();
    const QPointF corner = origin();
    const QFontMetrics metrics(font());
    const int line = metrics.height();
    const int step = nameStep(m_cellSize, line);
    painter.setFont(font());
    const QColor ink = palette().color(QPalette::Text);

    // The names sit next to the cells, also when a matrix smaller than the
    // view is in its middle.
    const double rowsEdge = std::max(double(m_rowBand), corner.x());
    const double columnsEdge = std::max(double(m_columnBand), corner.y());
    painter.save();
    painter.setClipRect(QRectF(0, area.top(), rowsEdge, area.height()));
    const int textWidth = m_rowBand - tickLength - 6;
    for (int row = (cells.top() + step - 1) / step * step; row <= cells.bottom(); row += step) {
        const double middle = corner.y() + (row + 0.5) * m_cellSize;
        const QString text = metrics.elidedText(nameAt(m_rowNames, row), Qt::ElideRight, textWidth);
        painter.setPen(ink);
        painter.drawText(QRectF(rowsEdge - tickLength - 4 - textWidth, middle - line / 2.0,
                                textWidth, line),
                         Qt::AlignRight | Qt::AlignVCenter, text);
        painter.drawLine(QPointF(rowsEdge - tickLength, middle), QPointF(rowsEdge - 1, middle));
        m_drawnRowNames.append({row, -1, text});
    }
    painter.restore();

    painter.save();
    painter.setClipRect(QRectF(area.left(), 0, area.width(), columnsEdge));
    const int textHeight = m_columnBand - tickLength - 6;
    for (int column = (cells.left() + step - 1) / step * step; column <= cells.right();
         column += step) {
        const double middle = corner.x() + (column + 0.5) * m_cellSize;
        const QString text =
            metrics.elidedText(nameAt(m_columnNames, column), Qt::ElideRight, textHeight);
        painter.setPen(ink);
        painter.drawLine(QPointF(middle, columnsEdge - tickLength), QPointF(middle, columnsEdge - 1));
        // Read upwards, from the cells.
        painter.save();
        painter.translate(middle, columnsEdge - tickLength - 2);
        painter.rotate(-90.0);
        painter.drawText(QRectF(0, -line / 2.0, textHeight, line),
                         Qt::AlignLeft | Qt::AlignVCenter, text);
        painter.restore();
        m_drawnColumnNames.append({-1, column, text});
    }
    painter.restore();
}

} // namespace attn::ui
