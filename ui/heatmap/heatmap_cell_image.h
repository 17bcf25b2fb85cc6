#pragma once

#include <QImage>
#include <QList>
#include <QPoint>
#include <QRect>
#include <vector>

class QPainter;

namespace attn::ui {

class HeatmapView;

/// A heatmap's cells as an image, one pixel per cell in the colour the
/// heatmap gives it, with its masked cells as runs of columns in each row:
/// what HeatmapInspector scales to any zoom. Scaling one image with the
/// nearest pixel is what keeps a 1024 × 1024 matrix at the frame rate.
class HeatmapCellImage
{
public:
    /// Reads every cell of `source`; none without one.
    void read(const HeatmapView *source);

    int rowCount() const { return m_image.height(); }
    int columnCount() const { return m_image.width(); }
    bool isEmpty() const { return m_image.isNull(); }
    /// The cells (x = column, y = row) whose text is the widest: the lowest
    /// and the highest value (the most digits and the sign) and a masked cell.
    const QList<QPoint> &widestCells() const { return m_widestCells; }

    /// Paints the `cells` (x = first column, y = first row) with the corner of
    /// cell (0, 0) at `origin` and cells of `size` pixels: the colours, the
    /// hatching of masked cells and, on large cells, white lines between them.
    void paint(QPainter &painter, const QRect &cells, const QPointF &origin, double size) const;

private:
    QImage m_image;
    std::vector<QRect> m_maskRuns; ///< masked cells, row by row, as runs of columns
    std::vector<int> m_rowRuns;    ///< where each row's runs begin in m_maskRuns (rows + 1)
    QList<QPoint> m_widestCells;
};

} // namespace attn::ui
