#include "heatmap_cell_image.h"

#include "color_maps.h"
#include "heatmap_view.h"

#include <QPainter>
#include <cmath>

namespace attn::ui {

namespace {

/// Below these cell sizes the hatching is noise and the separators eat the colours.
constexpr double minimumHatchedCell = 6.0;
constexpr double minimumSeparatedCell = 10.0;

} // namespace

void HeatmapCellImage::read(const HeatmapView *source)
{
    const int rows = source ? source->rowCount() : 0;
    const int columns = source ? source->columnCount() : 0;
    m_maskRuns.clear();
    m_rowRuns.assign(std::size_t(rows) + 1, 0);
    m_widestCells.clear();
    if (rows == 0 || columns == 0) {
        m_image = QImage();
        return;
    }

    m_image = QImage(columns, rows, QImage::Format_RGB32);
    QPoint lowest(-1, -1);
    QPoint highest(-1, -1);
    QPoint firstMasked(-1, -1);
    double low = 0.0;
    double high = 0.0;
    for (int row = 0; row < rows; ++row) {
        auto *line = reinterpret_cast<QRgb *>(m_image.scanLine(row));
        m_rowRuns[std::size_t(row)] = int(m_maskRuns.size());
        int runStart = -1;
        for (int column = 0; column <= columns; ++column) {
            const bool masked = column < columns && source->cellIsMasked(row, column);
            if (masked && runStart < 0)
                runStart = column;
            if (!masked && runStart >= 0) {
                m_maskRuns.emplace_back(runStart, row, column - runStart, 1);
                runStart = -1;
            }
            if (column == columns)
                break;
            line[column] = source->cellColor(row, column).rgb();
            if (masked) {
                if (firstMasked.x() < 0)
                    firstMasked = QPoint(column, row);
                continue;
            }
            const double value = source->cellValue(row, column);
            if (std::isnan(value))
                continue;
            if (lowest.x() < 0 || value < low) {
                low = value;
                lowest = QPoint(column, row);
            }
            if (highest.x() < 0 || value > high) {
                high = value;
                highest = QPoint(column, row);
            }
        }
    }
    m_rowRuns[std::size_t(rows)] = int(m_maskRuns.size());
    for (const QPoint &cell : {lowest, highest, firstMasked}) {
        if (cell.x() >= 0)
            m_widestCells << cell;
    }
}

void HeatmapCellImage::paint(QPainter &painter, const QRect &cells, const QPointF &origin,
                             double size) const
{
    if (m_image.isNull() || cells.isEmpty())
        return;
    const auto cellRect = [&](int row, int column, int rowSpan, int columnSpan) {
        return QRectF(origin.x() + column * size, origin.y() + row * size, columnSpan * size,
                      rowSpan * size);
    };
    const QRectF span = cellRect(cells.top(), cells.left(), cells.height(), cells.width());
    // Nearest-neighbour scaling: square cells with sharp edges.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(span, m_image, QRectF(cells));

    if (size >= minimumHatchedCell && !m_maskRuns.empty()) {
        const QBrush hatch(maskedHatchColor(), Qt::BDiagPattern);
        for (int row = cells.top(); row <= cells.bottom(); ++row) {
            for (int run = m_rowRuns[std::size_t(row)]; run < m_rowRuns[std::size_t(row) + 1];
                 ++run) {
                const QRect masked = m_maskRuns[std::size_t(run)].intersected(cells);
                if (!masked.isEmpty())
                    painter.fillRect(cellRect(row, masked.left(), 1, masked.width()), hatch);
            }
        }
    }
    if (size >= minimumSeparatedCell) {
        painter.setPen(QPen(Qt::white, 1.0));
        for (int column = cells.left() + 1; column <= cells.right(); ++column) {
            const double x = origin.x() + column * size;
            painter.drawLine(QPointF(x, span.top()), QPointF(x, span.bottom()));
        }
        for (int row = cells.top() + 1; row <= cells.bottom(); ++row) {
            const double y = origin.y() + row * size;
            painter.drawLine(QPointF(span.left(), y), QPointF(span.right(), y));
        }
    }
}

} // namespace attn::ui
