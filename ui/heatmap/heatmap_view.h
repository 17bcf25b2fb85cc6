#pragma once

#include "color_maps.h"
#include "heatmap_color_range.h"
#include "heatmap_ink.h"
#include "heatmap_plot.h"
#include "trace.h"
#include "types.h"

#include <QPoint>
#include <QStringList>
#include <QVector>
#include <QWidget>
#include <memory>
#include <qcustomplot.h>
#include <vector>

namespace attn::ui {

class HeatmapCellOverlay;
class HeatmapHighlights;
class HeatmapLabels;

/// One matrix of the attention pipeline (Q, K, V, scores, scaled, masked,
/// softmax weights, outputs) as a heatmap: cell (i, j) of the matrix is drawn
/// at row i (row 0 on top, as the matrix is written) and column j, with the
/// row and column labels on the left and top axes and a colour scale beside.
///
/// Two colour schemes:
/// - Probability, for the weights softmax(QKᵀ/√d_k): each row is a
///   distribution over the keys, so the range is fixed to [0, 1] and the
///   colour of a cell can be compared across rows and across edits; or, at
///   many tokens, each row is scaled to its own maximum (WeightsRange).
/// - Signed, for Q, K, V, scores and outputs: a diverging map symmetric
///   around 0, range [−a, a] with a = max |x_ij| over the finite cells, so
///   white always means 0 and blue/red mean negative/positive; or a locked
///   range kept through edits (SignedRange). See HeatmapColorRange.
/// The context menu (right click on the heatmap) switches between them, and
/// the colour scale says which is in effect.
///
/// The background, the texts and what is drawn over the cells take the
/// colours of the widget's palette (HeatmapInk), and follow it when it
/// changes; a figure for export sets its own with setInkColor().
///
/// Masked cells (−∞ before the softmax, or hidden by the mask: causal,
/// padding, outside the local window) carry no colour of the scale: they are
/// light grey, hatched, and labelled "−∞". The weights of masked keys are
/// exactly 0, and they are drawn masked too, so the learner sees *why* they
/// are 0.
///
/// Every change schedules a queued replot: many edits within one event-loop
/// turn (dragging a value) cost one paint.
///
/// The view holds the matrix and answers for its cells; its parts draw it: a
/// HeatmapPlot (the QCustomPlot set up for a matrix), a HeatmapCellOverlay
/// (hatching, concealed fill, separators), HeatmapLabels (token names, scale
/// numbers, values in the cells, fitted to the cell size) and
/// HeatmapHighlights (the outlined regions).
class HeatmapView : public QWidget
{
    Q_OBJECT

public:
    enum class ColorScheme
    {
        Probability, ///< viridis, fixed range [0, 1]
        Signed,      ///< diverging blue–white–red, range [−a, a]
    };
    Q_ENUM(ColorScheme)

    /// Whether the value of each cell is printed in the cell.
    enum class ValueLabels
    {
        Auto, ///< while rows·columns ≤ valueLabelCellLimit() and the numbers fit the cells
        On,   ///< always (up to hardValueLabelLimit cells), at 9 pt or more even if they overflow
        Off,  ///< never
    };
    Q_ENUM(ValueLabels)

    /// A region drawn with a thick outline: a cell, a whole row (column = −1),
    /// a whole column (row = −1) or the whole matrix (both −1).
    struct Highlight
    {
        int row = -1;
        int column = -1;

        friend bool operator==(const Highlight &a, const Highlight &b)
        {
            return a.row == b.row && a.column == b.column;
        }
        friend bool operator!=(const Highlight &a, const Highlight &b) { return !(a == b); }
    };

    /// Above this many cells, value labels are never created, whatever the mode:
    /// one text item per cell costs ~7 ms per 1 000 cells at every replot.
    static constexpr int hardValueLabelLimit = 4096;

    explicit HeatmapView(QWidget *parent = nullptr);
    ~HeatmapView() override;

    /// Shows `values` (rows × columns). `rowLabels` / `columnLabels` name the
    /// rows and columns (missing names are replaced by the 1-based index).
    /// `mask`, if given and of the same shape, marks hidden cells; −∞ cells
    /// are masked whether or not a mask is given. +∞ and values outside the
    /// range are clamped to the ends of the scale.
    void setMatrix(const attn::Matrix &values, const QStringList &rowLabels,
                   const QStringList &columnLabels, ColorScheme scheme,
                   const attn::MaskMatrix *mask = nullptr);
    /// Removes the matrix: an empty plot with its titles.
    void clear();

    void setTitle(const QString &title);
    QString title() const;
    /// Titles of the row axis (left, e.g. "queries") and the column axis (top, e.g. "keys").
    void setAxisTitles(const QString &rows, const QString &columns);
    void setColorScaleLabel(const QString &label);
    /// The colour of every text and line around the cells: title, axis
    /// titles, token names, colour scale numbers. By default they follow the
    /// palette; once an ink is set (an exported figure: dark on a light
    /// slide, light on a dark one) the view keeps the printed theme of
    /// HeatmapInk::printed() whatever the palette.
    void setInkColor(const QColor &color);
    /// The colours in use for the background, texts, hatching and fills.
    const HeatmapInk &ink() const { return m_ink; }

    /// How the weights' colours span each row: [0, 1] (the default) or each
    /// row's maximum. Applies to the Probability scheme.
    void setWeightsRange(WeightsRange range);
    WeightsRange weightsRange() const { return m_colorRange.weightsRange(); }
    /// How signed colours span the values: symmetric and automatic (the
    /// default), or Locked, which keeps the range in effect at that moment.
    /// Applies to the Signed scheme.
    void setSignedRange(SignedRange range);
    SignedRange signedRange() const { return m_colorRange.signedRange(); }
    /// Locks the signed range to [−bound, bound] (e.g. that of another view).
    void lockSignedRange(double bound);
    /// The bound a of the signed range [−a, a] in effect or last shown.
    double signedBound() const { return m_colorRange.signedBound(); }
    /// The range and the colour-map number of each cell.
    const HeatmapColorRange &colorRange() const { return m_colorRange; }
    /// The text beside the colour scale: the label set, and the range if it
    /// is not the default one.
    QString colorScaleText() const;

    /// The colour maps: `probabilities` for the Probability scheme (default
    /// viridis), `signedValues` for the Signed one (default blue–white–red).
    /// A map that does not suit its scheme is ignored.
    void setColorMaps(ColorMap probabilities, ColorMap signedValues);
    /// Uses `map` for each scheme it suits (Greys for both), leaving the other.
    void setColorMap(ColorMap map);
    ColorMap probabilityColorMap() const { return m_probabilityMap; }
    ColorMap signedColorMap() const { return m_signedMap; }
    /// The map the cells are drawn with, for the current scheme.
    ColorMap colorMapInUse() const
    {
        return m_scheme == ColorScheme::Probability ? m_probabilityMap : m_signedMap;
    }

    void setValueLabels(ValueLabels mode);
    ValueLabels valueLabels() const { return m_valueLabelMode; }
    /// In Auto mode, value labels are shown up to this many cells (default 256).
    void setValueLabelCellLimit(int cells);
    int valueLabelCellLimit() const { return m_valueLabelCellLimit; }
    /// Decimals of non-integer values (default 2); integers never get decimals.
    void setDecimals(int decimals);
    int decimals() const { return m_decimals; }

    void setHighlights(const QVector<Highlight> &regions);
    void clearHighlights();
    QVector<Highlight> highlights() const { return m_highlights; }

    /// A stage the learner has not reached: the shape and the labels stay,
    /// the colours and numbers are replaced by a neutral "?".
    void setConcealed(bool concealed);
    bool isConcealed() const { return m_concealed; }

    /// The plot, for export. Its layout belongs to this view.
    QCustomPlot *plot() const { return m_plot; }
    QCPColorMap *colorMap() const { return m_plot->colorMap(); }
    QCPColorScale *colorScale() const { return m_plot->colorScale(); }
    /// The axis the rows are on (left, reversed: row 0 on top).
    QCPAxis *rowAxis() const;
    /// The axis the columns are on (top).
    QCPAxis *columnAxis() const;

    int rowCount() const { return int(m_values.rows()); }
    int columnCount() const { return int(m_values.cols()); }
    ColorScheme colorScheme() const { return m_scheme; }

    /// The value the colour map holds for the cell: clamped to the scale
    /// (divided by the row's maximum where rows are scaled), NaN for masked
    /// cells.
    double cellValue(int row, int column) const;
    bool cellIsMasked(int row, int column) const;
    /// The text printed in the cell when value labels are visible.
    QString cellLabel(int row, int column) const;
    /// The colour the cell is filled with (the NaN colour when masked).
    QColor cellColor(int row, int column) const;
    /// Black or white, whichever reads better on cellColor().
    QColor cellLabelColor(int row, int column) const;
    /// Whether value labels were drawn by the last layout of the plot.
    bool valueLabelsVisible() const;
    /// The regions drawn at the moment (those inside the matrix).
    int highlightCount() const;
    /// The cells a drawn region covers: x = first column, y = first row.
    QRect highlightCells(int index) const;

    /// The cell under a point of plot(): x = column, y = row; (−1, −1)
    /// outside the cells.
    QPoint cellAt(const QPointF &plotPosition) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    /// The mouse entered a cell; (−1, −1) when it left the cells.
    void cellHovered(int row, int column);
    /// A cell was clicked (pressed and released on the same cell).
    void cellClicked(int row, int column);
    /// The weights or signed range changed (from the context menu or a setter).
    void colorRangeChanged();

protected:
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refreshCells();
    void refreshHighlights();
    void refreshConcealment();
    void applyInk();
    void refreshColorRange();
    void setHoveredCell(const QPoint &cell);
    void scheduleReplot();

    HeatmapPlot *m_plot = nullptr;
    HeatmapCellOverlay *m_overlay = nullptr;
    std::unique_ptr<HeatmapLabels> m_labels;
    std::unique_ptr<HeatmapHighlights> m_drawnHighlights;

    attn::Matrix m_values;
    std::vector<bool> m_masked; ///< row-major, rows × columns
    ColorScheme m_scheme = ColorScheme::Probability;
    ColorMap m_probabilityMap = ColorMap::Viridis;
    ColorMap m_signedMap = ColorMap::BlueWhiteRed;
    mutable QCPColorGradient m_gradient; // color() is not const
    QCPRange m_range{0.0, 1.0};
    HeatmapColorRange m_colorRange;
    HeatmapInk m_ink;
    bool m_inkFollowsPalette = true;
    QString m_colorScaleLabel;
    QVector<Highlight> m_highlights;
    QString m_rowsTitle;
    QString m_columnsTitle;

    ValueLabels m_valueLabelMode = ValueLabels::Auto;
    int m_valueLabelCellLimit = 256;
    int m_decimals = 2;
    bool m_concealed = false;

    QPoint m_hoveredCell{-1, -1};
    QPoint m_pressedCell{-1, -1};
};

} // namespace attn::ui
