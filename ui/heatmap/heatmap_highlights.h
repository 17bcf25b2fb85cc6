#pragma once

#include "heatmap_view.h"

#include <QColor>
#include <QRect>
#include <QVector>

class QCPItemRect;

namespace attn::ui {

class HeatmapPlot;

/// The outlined regions of a heatmap (the cell under the pointer, the row
/// and column it was computed from): each a dark halo under an orange line,
/// so the outline stands out on yellow, red and white cells alike, on a layer
/// above the cells and their numbers. Items are kept and reused.
class HeatmapHighlights
{
public:
    explicit HeatmapHighlights(HeatmapPlot *plot);

    /// Outlines these blocks of cells (x = first column, y = first row) and
    /// no others.
    void show(const QVector<QRect> &regions);
    /// Outlines the regions of a rows × columns matrix; those outside it are left out.
    void show(const QVector<HeatmapView::Highlight> &regions, int rows, int columns);
    /// The colour of the halo (dark on a light background, light on a dark one).
    void setHaloColor(const QColor &color);

    int count() const { return int(m_regions.size()); }
    /// The cells of a drawn region; an empty rectangle past the last.
    QRect cells(int index) const { return m_regions.value(index); }

private:
    HeatmapPlot *m_plot;
    QColor m_haloColor;
    QVector<QRect> m_regions;
    QVector<QCPItemRect *> m_items; ///< two per region: the halo, then the line
};

} // namespace attn::ui
