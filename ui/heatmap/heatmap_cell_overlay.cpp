#include "heatmap_cell_overlay.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace attn::ui {

namespace {

// Below this cell size the hatching of masked cells is only noise.
constexpr double minimumHatchedCell = 6.0;
// Below this cell size the white lines between cells would eat the colours.
constexpr double minimumSeparatedCell = 10.0;

} // namespace

HeatmapCellOverlay::HeatmapCellOverlay(QCustomPlot *plot) : QCPAbstractItem(plot)
{
    setSelectable(false);
}

void HeatmapCellOverlay::setCells(QCPAxis *columnAxis, QCPAxis *rowAxis, int rows, int columns,
                                  const std::vector<bool> &masked, bool concealed)
{
    m_columnAxis = columnAxis;
    m_rowAxis = rowAxis;
    m_rows = rows;
    m_columns = columns;
    m_concealed = concealed;
    m_maskedRuns.clear();
    for (int row = 0; row < rows; ++row) {
        const auto cells = masked.begin() + std::ptrdiff_t(row) * columns;
        int runStart = -1;
        for (int column = 0; column <= columns; ++column) {
            const bool isMasked = column < columns && cells[column];
            if (isMasked && runStart < 0)
                runStart = column;
            if (!isMasked && runStart >= 0) {
                m_maskedRuns << QRect(runStart, row, column - runStart, 1);
                runStart = -1;
            }
        }
    }
}

void HeatmapCellOverlay::draw(QCPPainter *painter)
{
    if (m_rows == 0 || m_columns == 0 || !m_columnAxis || !m_rowAxis)
        return;
    const double cellWidth =
        std::abs(m_columnAxis->coordToPixel(1.0) - m_columnAxis->coordToPixel(0.0));
    const double cellHeight = std::abs(m_rowAxis->coordToPixel(1.0) - m_rowAxis->coordToPixel(0.0));
    painter->setAntialiasing(false);

    if (m_concealed) {
        painter->fillRect(cellsRect(0, 0, m_rows, m_columns), m_ink.concealedFill);
    } else if (cellWidth >= minimumHatchedCell && cellHeight >= minimumHatchedCell) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(QBrush(m_ink.maskedHatch, Qt::BDiagPattern));
        for (const QRect &run : std::as_const(m_maskedRuns))
            painter->drawRect(cellsRect(run.y(), run.x(), run.height(), run.width()));
    }

    if (cellWidth >= minimumSeparatedCell && cellHeight >= minimumSeparatedCell) {
        const double width = std::min(cellWidth, cellHeight) >= 40.0 ? 2.0 : 1.0;
        painter->setPen(QPen(m_ink.separator, width, Qt::SolidLine, Qt::FlatCap));
        const QRectF all = cellsRect(0, 0, m_rows, m_columns);
        for (int column = 1; column < m_columns; ++column) {
            const double x = std::round(m_columnAxis->coordToPixel(column - 0.5));
            painter->drawLine(QLineF(x, all.top(), x, all.bottom()));
        }
        for (int row = 1; row < m_rows; ++row) {
            const double y = std::round(m_rowAxis->coordToPixel(row - 0.5));
            painter->drawLine(QLineF(all.left(), y, all.right(), y));
        }
    }
    // A thin frame round the matrix, so light cells keep an edge on the background.
    painter->setPen(QPen(m_ink.outline, 1.0));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(cellsRect(0, 0, m_rows, m_columns).normalized().adjusted(0, 0, -1, -1));
}

QRectF HeatmapCellOverlay::cellsRect(int row, int column, int rowCount, int columnCount) const
{
    const QPointF a(m_columnAxis->coordToPixel(column - 0.5), m_rowAxis->coordToPixel(row - 0.5));
    const QPointF b(m_columnAxis->coordToPixel(column + columnCount - 0.5),
                    m_rowAxis->coordToPixel(row + rowCount - 0.5));
    return QRectF(a, b).normalized();
}

} // namespace attn::ui
