#include "heatmap_highlights.h"

#include "heatmap_plot.h"

namespace attn::ui {

namespace {

const QColor highlightColor(0xff, 0x8c, 0x00);

} // namespace

HeatmapHighlights::HeatmapHighlights(HeatmapPlot *plot)
    : m_plot(plot), m_haloColor(0x1a, 0x1a, 0x1a)
{
}

void HeatmapHighlights::setHaloColor(const QColor &color)
{
    m_haloColor = color;
    for (int index = 0; index < m_items.size(); index += 2) {
        QPen pen = m_items.at(index)->pen();
        pen.setColor(color);
        m_items.at(index)->setPen(pen);
    }
}

void HeatmapHighlights::show(const QVector<HeatmapView::Highlight> &regions, int rows,
                             int columns)
{
    QVector<QRect> blocks;
    for (const HeatmapView::Highlight &region : regions) {
        if (region.row >= rows || region.column >= columns || rows == 0 || columns == 0)
            continue; // not part of this matrix
        const int firstRow = region.row < 0 ? 0 : region.row;
        const int firstColumn = region.column < 0 ? 0 : region.column;
        blocks << QRect(firstColumn, firstRow, region.column < 0 ? columns : 1,
                        region.row < 0 ? rows : 1);
    }
    show(blocks);
}

void HeatmapHighlights::show(const QVector<QRect> &regions)
{
    m_regions = regions;
    while (m_items.size() < 2 * m_regions.size()) {
        const bool halo = m_items.size() % 2 == 0;
        auto *item = new QCPItemRect(m_plot);
        item->setLayer(m_plot->highlightLayer());
        item->setSelectable(false);
        item->setClipToAxisRect(false);
        item->setBrush(Qt::NoBrush);
        QPen pen(halo ? m_haloColor : highlightColor, halo ? 6.0 : 3.0);
        pen.setJoinStyle(Qt::MiterJoin);
        item->setPen(pen);
        for (QCPItemPosition *corner : {item->topLeft, item->bottomRight}) {
            corner->setType(QCPItemPosition::ptPlotCoords);
            corner->setAxes(m_plot->columnAxis(), m_plot->rowAxis());
        }
        m_items << item;
    }
    for (int index = 0; index < m_items.size(); ++index) {
        QCPItemRect *item = m_items.at(index);
        const int region = index / 2;
        item->setVisible(region < m_regions.size());
        if (region >= m_regions.size())
            continue;
        const QRect cells = m_regions.at(region);
        item->topLeft->setCoords(cells.left() - 0.5, cells.top() - 0.5);
        item->bottomRight->setCoords(cells.right() + 0.5, cells.bottom() + 0.5);
    }
}

} // namespace attn::ui
