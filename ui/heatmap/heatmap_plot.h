#pragma once

#include <QPointer>
#include <functional>
#include <qcustomplot.h>

namespace attn::ui {

/// The plot of a HeatmapView: a QCustomPlot laid out for a matrix. Cell (i, j)
/// sits at column j of the top axis and row i of the left axis, reversed so
/// that row 0 is on top, as a matrix is written; the colour scale stands
/// beside the cells with the same top and bottom margins, and a title row
/// above them appears only while there is a title. No zoom, drag or selection.
///
/// Tick label steps, their rotation and the value labels depend on the size
/// of a cell in pixels, which is only known once the layout has run; the tick
/// labels in turn change the margins, so the layout runs again when the
/// labels changed (at most twice more, within the same replot).
class HeatmapPlot : public QCustomPlot
{
public:
    explicit HeatmapPlot(QWidget *parent);

    QCPColorMap *colorMap() const { return m_colorMap; }
    QCPColorScale *colorScale() const { return m_colorScale; }
    QCPTextElement *titleElement() const { return m_titleElement; }
    /// The axis the rows are on (left, reversed: row 0 on top).
    QCPAxis *rowAxis() const { return yAxis; }
    /// The axis the columns are on (top).
    QCPAxis *columnAxis() const { return xAxis2; }
    /// The layer above the cells and their labels, for outlines.
    QCPLayer *highlightLayer() const { return m_highlightLayer; }

    /// Shows `title` in a row above the cells; an empty title removes the row.
    void setTitle(const QString &title);

    /// The cell of a rows × columns matrix under a point of the plot:
    /// x = column, y = row; (−1, −1) outside the cells.
    QPoint cellAt(const QPointF &position, int rows, int columns) const;
    /// Draws at the pixel ratio of the screen the window is on, now and
    /// whenever the window moves to another screen (call once shown).
    void followScreen();
    /// The brush the whole plot is filled with before anything is drawn.
    QBrush backgroundBrush() const { return mBackgroundBrush; }

    /// Called after each layout pass: returns true when it changed what sets
    /// the margins (the tick labels), so that the layout runs again.
    void setLayoutAdapter(std::function<bool()> adapt) { m_adaptToLayout = std::move(adapt); }

protected:
    void updateLayout() override;

private:
    void forgetScaleMargins();

    QCPColorMap *m_colorMap = nullptr;
    QCPColorScale *m_colorScale = nullptr;
    QCPTextElement *m_titleElement = nullptr;
    QCPLayer *m_highlightLayer = nullptr;
    std::function<bool()> m_adaptToLayout;
    QPointer<QWindow> m_watchedWindow;
};

} // namespace attn::ui
