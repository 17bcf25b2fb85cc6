#include "heatmap_plot.h"

#include <QWindow>
#include <algorithm>
#include <cmath>

namespace attn::ui {

HeatmapPlot::HeatmapPlot(QWidget *parent) : QCustomPlot(parent)
{
    setInteractions(QCP::Interactions()); // no zoom, no drag, no selection
    setMouseTracking(true);

    // Layout: the matrix and its colour scale side by side; setTitle() puts a
    // row with the title above them.
    m_titleElement = new QCPTextElement(this);
    m_titleElement->setMargins(QMargins(4, 6, 4, 2));
    m_titleElement->setVisible(false);
    m_colorScale = new QCPColorScale(this);
    m_colorScale->setType(QCPAxis::atRight);
    m_colorScale->setBarWidth(12);
    plotLayout()->addElement(0, 1, m_colorScale);
    plotLayout()->setColumnSpacing(8);
    auto *marginGroup = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, marginGroup);
    m_colorScale->setMarginGroup(QCP::msTop | QCP::msBottom, marginGroup);

    // Rows on the left axis (row 0 on top), columns on the top axis, as a
    // matrix is written. Ticks are only there to carry the token names.
    xAxis->setVisible(false);
    yAxis2->setVisible(false);
    xAxis2->setVisible(true);
    for (QCPAxis *axis : axisRect()->axes()) {
        axis->grid()->setVisible(false);
        axis->grid()->setSubGridVisible(false);
    }
    for (QCPAxis *axis : {rowAxis(), columnAxis()}) {
        axis->setTickLength(0, 0);
        axis->setSubTicks(false);
        axis->setBasePen(Qt::NoPen);
        axis->setTickPen(Qt::NoPen);
        axis->setTickLabelPadding(5);
        axis->setLabelPadding(6);
        axis->setRange(-0.5, 0.5);
    }
    rowAxis()->setRangeReversed(true);
    m_colorScale->axis()->setTickLabelPadding(4);
    m_colorScale->axis()->setLabelPadding(6);

    m_colorMap = new QCPColorMap(columnAxis(), rowAxis());
    m_colorMap->setInterpolate(false);
    m_colorMap->setTightBoundary(false);
    // The map adopts the scale's gradient and range: the view sets its own afterwards.
    m_colorMap->setColorScale(m_colorScale);

    addLayer(QStringLiteral("highlights"), layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_highlightLayer = layer(QStringLiteral("highlights"));
}

void HeatmapPlot::setTitle(const QString &title)
{
    m_titleElement->setText(title);
    // Without a title the row goes, or it would keep an empty band on top.
    const bool shown = m_titleElement->layout() != nullptr;
    if (title.isEmpty() && shown) {
        plotLayout()->take(m_titleElement);
        plotLayout()->simplify();
    } else if (!title.isEmpty() && !shown) {
        plotLayout()->insertRow(0);
        plotLayout()->addElement(0, 0, m_titleElement);
    }
    m_titleElement->setVisible(!title.isEmpty());
}

QPoint HeatmapPlot::cellAt(const QPointF &position, int rows, int columns) const
{
    if (rows == 0 || columns == 0 || !axisRect()->rect().contains(position.toPoint()))
        return {-1, -1};
    // Cells are centred on integers: cell j spans [j − 0.5, j + 0.5).
    const double column = columnAxis()->pixelToCoord(position.x());
    const double row = rowAxis()->pixelToCoord(position.y());
    if (column < -0.5 || column >= columns - 0.5 || row < -0.5 || row >= rows - 0.5)
        return {-1, -1};
    return {std::clamp(int(std::floor(column + 0.5)), 0, columns - 1),
            std::clamp(int(std::floor(row + 0.5)), 0, rows - 1)};
}

void HeatmapPlot::followScreen()
{
    QWindow *window = this->window()->windowHandle();
    if (window != m_watchedWindow) {
        if (m_watchedWindow)
            disconnect(m_watchedWindow, nullptr, this, nullptr);
        m_watchedWindow = window;
        if (window) {
            connect(window, &QWindow::screenChanged, this, [this] {
                setBufferDevicePixelRatio(devicePixelRatioF());
                replot(rpQueuedReplot);
            });
        }
    }
    if (bufferDevicePixelRatio() != devicePixelRatioF()) {
        setBufferDevicePixelRatio(devicePixelRatioF());
        replot(rpQueuedReplot);
    }
}

void HeatmapPlot::updateLayout()
{
    forgetScaleMargins();
    QCustomPlot::updateLayout();
    for (int pass = 0; pass < 2 && m_adaptToLayout && m_adaptToLayout(); ++pass) {
        forgetScaleMargins();
        QCustomPlot::updateLayout();
    }
}

/// The colour scale shares its top and bottom margins with the matrix (a
/// margin group), and a QCPColorScale offers its current margin as its own
/// need: once upright column names had pushed the top margin up, it never
/// came down. Starting the scale from zero each time breaks that ratchet.
void HeatmapPlot::forgetScaleMargins()
{
    if (!m_colorScale)
        return; // still being built
    QMargins margins = m_colorScale->margins();
    margins.setTop(0);
    margins.setBottom(0);
    m_colorScale->setMargins(margins);
}

} // namespace attn::ui
