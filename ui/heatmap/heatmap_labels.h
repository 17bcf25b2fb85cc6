#pragma once

#include <QFont>
#include <QSharedPointer>
#include <QStringList>
#include <QVector>

class QCPAxisTickerText;
class QLocale;
class QCPItemText;

namespace attn::ui {

class HeatmapPlot;
class HeatmapView;

/// Every text of a heatmap whose size or spacing depends on the size of a
/// cell in pixels: the token names on the row and column axes, the numbers of
/// the colour scale, the value printed in each cell and the large "?" of a
/// concealed matrix whose cells are too small for their own.
///
/// After each layout of the plot, adaptToLayout() fits them to the cells:
/// column names side by side while they fit (in a slightly smaller font if
/// that is all it takes), else upright; only every k-th name where
/// neighbours would overlap; the value labels at the largest size that fits
/// (readable from the back of a classroom), never below 9 pt.
///
/// What is shown (the cells' texts and colours, the mode, the scheme) is read
/// from the view; this class only decides where and how large.
class HeatmapLabels
{
public:
    /// The text of a value in a cell: integers without decimals, others with
    /// `decimals`, very large ones in 3 significant digits, in `locale`.
    static QString valueText(double value, int decimals, const QLocale &locale);

    /// Installs its tickers on the plot's axes and adds its items to the plot.
    HeatmapLabels(const HeatmapView &view, HeatmapPlot *plot);

    /// The fonts of every text, from the view's font (at least 10 pt): token
    /// names at that size, axis titles italic, the title 2 pt larger and bold.
    void applyFonts();
    /// The names of the rows and columns, one per row and column.
    void setTokenNames(const QStringList &rows, const QStringList &columns);
    const QStringList &rowNames() const { return m_rowNames; }
    const QStringList &columnNames() const { return m_columnNames; }
    /// Places the token names again, e.g. in a new font.
    void rebuildTokenNames();
    /// Names the ends of the colour map's range (and its middle, or its quarters).
    void rebuildColorScaleTicks();
    /// Gives each cell its text and colour, up to the cell limit of the mode.
    void refreshValueLabels();
    void setPlaceholderText(const QString &text);
    void setPlaceholderColor(const QColor &color);

    /// Fits the labels to the cells as the layout has sized them; true when
    /// the tick labels changed, so that the margins need another layout pass.
    bool adaptToLayout();
    /// The smallest cell in which the number fits at the smallest size and the
    /// token names stay level and one per row and column (pixels).
    QSizeF readableCellSize() const;
    /// The plot's size with its cells at readableCellSize(): the cells plus
    /// what the axes, their names and the colour scale take, as the last
    /// layout measured it (or a fair guess before the first).
    QSize readableSize() const;
    /// The longest number in a cell, as last labelled.
    const QString &widestValueLabel() const { return m_widestValueLabel; }
    /// Whether value labels were drawn by the last layout of the plot.
    bool valueLabelsShown() const { return m_valueLabelsShown; }

private:
    void applyValueLabelVisibility(bool shown, double pointSize);
    QString displayedName(const QString &name) const;

    const HeatmapView &m_view;
    HeatmapPlot *m_plot;
    QSharedPointer<QCPAxisTickerText> m_rowTicker;
    QSharedPointer<QCPAxisTickerText> m_columnTicker;
    QSharedPointer<QCPAxisTickerText> m_colorScaleTicker;
    QCPItemText *m_placeholder = nullptr;
    QVector<QCPItemText *> m_valueLabelItems;
    QStringList m_rowNames;
    QStringList m_columnNames;

    QFont m_tickFont;
    QFont m_axisTitleFont;
    QFont m_valueFont;

    // Decided after each layout, from the size of the cells in pixels.
    bool m_valueLabelsShown = false;
    bool m_columnNamesRotated = false;
    int m_rowNameStep = 1;
    int m_columnNameStep = 1;
    int m_colorScaleDivisions = 2;
    int m_widestColumnName = 0;
    QString m_widestValueLabel;
    int m_valueLabelCount = 0; ///< cells with a label item in use
};

} // namespace attn::ui
