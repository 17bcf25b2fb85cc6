#include "heatmap_ink.h"

#include "color_maps.h"
#include "heatmap_plot.h"

#include <QPalette>

namespace attn::ui {

namespace {

/// (1 − t)·a + t·b, channel by channel, with t = parts / 255 so that a
/// white–black mix gives exactly the grey 255 − parts.
QColor mix(const QColor &a, const QColor &b, int parts)
{
    const auto channel = [parts](int from, int to) {
        return (from * (255 - parts) + to * parts + 127) / 255;
    };
    return QColor(channel(a.red(), b.red()), channel(a.green(), b.green()),
                  channel(a.blue(), b.blue()));
}

} // namespace

HeatmapInk HeatmapInk::fromPalette(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    HeatmapInk ink;
    ink.background = base;
    ink.text = text;
    ink.scaleFrame = text;
    ink.separator = base;
    // The parts are those of the printed greys on white: 0xb4 is 255 − 75.
    ink.outline = mix(base, text, 255 - 0xb4);
    ink.maskedFill = mix(base, text, 255 - maskedCellColor().red());
    ink.maskedHatch = mix(base, text, 255 - maskedHatchColor().red());
    ink.concealedFill = mix(base, text, 255 - concealedCellColor().red());
    ink.concealedText = mix(base, text, 255 - concealedTextColor().red());
    ink.highlightHalo = mix(base, text, 255 - 0x1a);
    return ink;
}

HeatmapInk HeatmapInk::printed(const QColor &text)
{
    HeatmapInk ink;
    ink.background = Qt::white;
    ink.text = text;
    ink.scaleFrame = Qt::black;
    ink.outline = QColor(0xb4, 0xb4, 0xb4);
    ink.separator = Qt::white;
    ink.maskedFill = maskedCellColor();
    ink.maskedHatch = maskedHatchColor();
    ink.concealedFill = concealedCellColor();
    ink.concealedText = concealedTextColor();
    ink.highlightHalo = QColor(0x1a, 0x1a, 0x1a);
    return ink;
}

void HeatmapInk::applyTo(HeatmapPlot &plot) const
{
    plot.setBackground(background);
    for (QCPAxis *axis : {plot.rowAxis(), plot.columnAxis(), plot.colorScale()->axis()}) {
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
    }
    // The colour scale is framed by the four axes of its own axis rect, which
    // only the plot knows as its children.
    const QList<QCPAxis *> axes = plot.findChildren<QCPAxis *>();
    for (QCPAxis *axis : axes) {
        if (axis->axisRect() == plot.axisRect())
            continue;
        QPen pen = axis->basePen();
        pen.setColor(scaleFrame);
        axis->setBasePen(pen);
        pen = axis->tickPen();
        pen.setColor(scaleFrame);
        axis->setTickPen(pen);
        pen = axis->subTickPen();
        pen.setColor(scaleFrame);
        axis->setSubTickPen(pen);
    }
    plot.titleElement()->setTextColor(text);
}

} // namespace attn::ui
