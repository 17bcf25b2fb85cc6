#pragma once

#include "heatmap_cell_image.h"

#include <QAbstractScrollArea>
#include <QList>
#include <QPoint>
#include <QPointer>
#include <QRect>
#include <QStringList>

namespace attn::ui {

class HeatmapView;

/// One heatmap up close: the matrix of a HeatmapView fills the widget with
/// square cells, and the learner zooms (wheel round the cursor, zoomIn(),
/// zoomOut(), fit()) and pans (dragging, the arrow and page keys, the
/// scroll bars) down to a single cell.
///
/// The cells are one pixel each of an image, scaled when painted, so that a
/// 1024 × 1024 matrix moves at the frame rate; names and numbers are drawn
/// for the cells in view only.
///
/// - Row names on the left, column names on top (read upwards). Where the
///   cells are thinner than a line of text, the names of every n-th index
///   are shown, n the smallest power of two for which n cells hold a line.
///   The rule depends on the index and the cell size only, so an index shows
///   the same name in every stage and after every edit. Long names are elided.
/// - The numbers appear in the cells once a cell holds the widest of them at
///   the value font (9 pt or more), with the text and the "−∞" of masked
///   cells as the heatmap writes them. Masked cells are grey and hatched.
///
/// The colours, numbers and masks are read from the HeatmapView given, so
/// the close-up always matches the card; refresh() after the view changed.
class HeatmapInspector : public QAbstractScrollArea
{
    Q_OBJECT

public:
    /// A name or number drawn by the last paint, for the cell or index it belongs to.
    struct DrawnText
    {
        int row = -1;
        int column = -1;
        QString text;
    };

    explicit HeatmapInspector(QWidget *parent = nullptr);
    ~HeatmapInspector() override;

    /// Shows `source`'s matrix with these row and column names (missing
    /// names are the 1-based index). The zoom fits the matrix to the widget.
    void setSource(const HeatmapView *source, const QStringList &rowNames,
                   const QStringList &columnNames);
    /// Reads the source again (new numbers or names). The zoom and the cells
    /// in view stay while the shape does; a new shape fits again.
    void refresh(const QStringList &rowNames, const QStringList &columnNames);
    const HeatmapView *source() const { return m_source; }

    int rowCount() const { return m_rows; }
    int columnCount() const { return m_columns; }

    /// The side of a cell in pixels.
    double cellSize() const { return m_cellSize; }
    /// The cell size at which the whole matrix fills the widget.
    double fitCellSize() const;
    /// The cell size at which the numbers appear.
    double valueCellSize() const;
    /// The cells (partly) in view: x = first column, y = first row.
    QRect visibleCells() const;
    /// The cell under a point of the viewport; (−1, −1) outside the cells.
    QPoint cellAt(const QPoint &viewportPosition) const;
    /// The centre of a cell in viewport coordinates.
    QPointF cellCenter(int row, int column) const;
    /// Scrolls so that the cell is in the middle of the view (as far as it goes).
    void centerOn(int row, int column);

    /// What the last paint drew: the row names (column −1), the column names
    /// (row −1) and the numbers in the cells.
    const QList<DrawnText> &drawnRowNames() const { return m_drawnRowNames; }
    const QList<DrawnText> &drawnColumnNames() const { return m_drawnColumnNames; }
    const QList<DrawnText> &drawnValues() const { return m_drawnValues; }

public slots:
    /// One step larger (×1.25) or smaller, round the middle of the view.
    void zoomIn();
    void zoomOut();
    /// The whole matrix in view.
    void fit();

signals:
    /// The mouse entered a cell; (−1, −1) when it left the cells.
    void cellHovered(int row, int column);
    /// A cell was clicked without dragging.
    void cellClicked(int row, int column);
    void cellSizeChanged(double cellSize);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void readSource(const QStringList &rowNames, const QStringList &columnNames);
    void measureNames();
    /// Sets the cell size, keeping the cell point `anchor` (viewport) still.
    void zoomTo(double cellSize, const QPointF &anchor);
    void updateScrollBars();
    QRect cellArea() const;
    /// The top-left corner of cell (0, 0) in viewport coordinates.
    QPointF origin() const;
    QFont valueFont() const;
    void setHovered(const QPoint &cell);
    void clampPosition();
    void paintNames(QPainter &painter, const QRect &cells);
    void paintValues(QPainter &painter, const QRect &cells);

    QPointer<const HeatmapView> m_source;
    int m_rows = 0;
    int m_columns = 0;
    HeatmapCellImage m_cells;
    QStringList m_rowNames;
    QStringList m_columnNames;
    int m_rowBand = 0;    ///< the width of the row names' band
    int m_columnBand = 0; ///< the height of the column names' band
    double m_valueWidth = 0.0; ///< the widest number, at the value font

    double m_cellSize = 1.0;
    double m_left = 0.0; ///< the column at the left edge of the cell area
    double m_top = 0.0;  ///< the row at the top edge
    bool m_fitted = true; ///< follows the widget's size until the learner zooms
    bool m_syncing = false;

    QPoint m_hovered{-1, -1};
    QPoint m_pressPosition;
    QPoint m_pressedCell{-1, -1};
    QPointF m_dragStart; ///< m_left, m_top when the drag began
    bool m_pressed = false;
    bool m_dragging = false;

    QList<DrawnText> m_drawnRowNames;
    QList<DrawnText> m_drawnColumnNames;
    QList<DrawnText> m_drawnValues;
};

} // namespace attn::ui
