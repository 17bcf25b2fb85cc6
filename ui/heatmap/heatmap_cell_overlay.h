#pragma once

#include "heatmap_ink.h"

#include <QPointer>
#include <QRect>
#include <QVector>
#include <qcustomplot.h>
#include <vector>

namespace attn::ui {

/// Draws over the cells of a heatmap what the colour map cannot: the hatching
/// over masked cells (−∞ before the softmax, weight exactly 0), the neutral
/// fill of a concealed matrix, thin separators between cells and a frame round
/// the matrix. One item for the whole matrix; masked cells are kept as runs
/// along each row, so a causal mask costs one rectangle per row.
class HeatmapCellOverlay : public QCPAbstractItem
{
public:
    explicit HeatmapCellOverlay(QCustomPlot *plot);

    /// The cells to draw over; `masked` is row-major, rows × columns.
    void setCells(QCPAxis *columnAxis, QCPAxis *rowAxis, int rows, int columns,
                  const std::vector<bool> &masked, bool concealed);
    void setConcealed(bool concealed) { m_concealed = concealed; }
    /// The colours of the separators, the frame, the hatching and the concealed fill.
    void setInk(const HeatmapInk &ink) { m_ink = ink; }

    double selectTest(const QPointF &, bool, QVariant *) const override { return -1.0; }

protected:
    void draw(QCPPainter *painter) override;

private:
    QRectF cellsRect(int row, int column, int rowCount, int columnCount) const;

    QPointer<QCPAxis> m_columnAxis;
    QPointer<QCPAxis> m_rowAxis;
    int m_rows = 0;
    int m_columns = 0;
    QVector<QRect> m_maskedRuns; ///< x = first column, y = row, width = length, height = 1
    bool m_concealed = false;
    HeatmapInk m_ink = HeatmapInk::printed(Qt::black);
};

} // namespace attn::ui
