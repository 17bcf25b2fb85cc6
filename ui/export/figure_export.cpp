#include "figure_export.h"

#include "file_writer.h"
#include "heatmap_view.h"
#include "stage_heatmap.h"
#include "stage_labels.h"
#include "stage_text.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPageSize>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>

namespace attn::ui {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("FigureExport", text);
}

/// Dots per metre of 96 dpi: the resolution logical pixels are laid out at.
constexpr int dotsPerMeterAt96Dpi = 3780;

/// Columns of the pipeline grid whose cells come closest to 5:4.
int pipelineColumns(int count, const QSizeF &area)
{
    int best = 1;
    double bestError = 1e300;
    for (int columns = 1; columns <= count; ++columns) {
        const int rows = (count + columns - 1) / columns;
        const double aspect = (area.width() / columns) / (area.height() / rows);
        const double wasted = double(columns * rows - count) / (columns * rows);
        const double error = std::abs(std::log(aspect / 1.25)) + wasted;
        if (error < bestError) {
            bestError = error;
            best = columns;
        }
    }
    return best;
}

} // namespace

QString exportFontFamily()
{
    return QStringLiteral("DejaVu Sans");
}

QColor figureBackground(FigureOptions::Theme theme)
{
    return theme == FigureOptions::Theme::Dark ? QColor(0x1e, 0x1f, 0x24) : QColor(Qt::white);
}

QColor figureInk(FigureOptions::Theme theme)
{
    return theme == FigureOptions::Theme::Dark ? QColor(0xf0, 0xf0, 0xf0)
                                               : QColor(0x1a, 0x1a, 0x1a);
}

QString formatSuffix(FigureOptions::Format format)
{
    switch (format) {
    case FigureOptions::Format::Png:
        return QStringLiteral("png");
    case FigureOptions::Format::Svg:
        return QStringLiteral("svg");
    case FigureOptions::Format::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

std::optional<FigureOptions::Format> formatFromSuffix(const QString &suffix)
{
    for (auto format :
         {FigureOptions::Format::Png, FigureOptions::Format::Svg, FigureOptions::Format::Pdf}) {
        if (suffix.compare(formatSuffix(format), Qt::CaseInsensitive) == 0)
            return format;
    }
    return std::nullopt;
}

FigureRenderer::FigureRenderer(const Scenario &scenario, const Trace &trace)
    : m_scenario(scenario), m_trace(trace)
{
}

FigureRenderer::~FigureRenderer() = default;

HeatmapView *FigureRenderer::heatmap(int index)
{
    while (int(m_heatmaps.size()) <= index)
        m_heatmaps.push_back(std::make_unique<HeatmapView>());
    return m_heatmaps[std::size_t(index)].get();
}

QString FigureRenderer::defaultTitle(const FigureOptions &options) const
{
    if (!options.stage) {
        if (!m_scenario.title.empty())
            return QString::fromStdString(m_scenario.title);
        return translate("The attention pipeline");
    }
    const Stage stage = *options.stage;
    QString title = stage_text::title(stage) + QStringLiteral("  ") + stage_text::symbol(stage);
    if (stage_labels::isPerHead(stage) && m_trace.headCount() > 1)
        title += translate(" · head %1 of %2").arg(options.head + 1).arg(m_trace.headCount());
    return title;
}

void FigureRenderer::prepare(HeatmapView &view, Stage stage, int head, const FigureOptions &options,
                             const QString &title, double fontSize)
{
    QFont font(exportFontFamily());
    font.setPointSizeF(fontSize);
    view.setFont(font);
    stage_heatmap::show(view, stage, m_scenario, m_trace, head);
    view.setValueLabelCellLimit(HeatmapView::hardValueLabelLimit);
    view.setValueLabels(options.values ? HeatmapView::ValueLabels::Auto
                                       : HeatmapView::ValueLabels::Off);
    view.setDecimals(options.decimals);
    view.setColorMaps(options.probabilityMap, options.signedMap);
    view.setTitle(title);
    view.setColorScaleLabel(stage == Stage::Weights ? translate("weight")
                                                    : stage_text::title(stage).toLower());
    view.setInkColor(figureInk(options.theme));
    view.plot()->setBackground(Qt::NoBrush);
}

void FigureRenderer::paintHeatmap(QCPPainter &painter, const QRect &rect, int slot, Stage stage,
                                  int head, const FigureOptions &options, const QString &title)
{
    HeatmapView *view = heatmap(slot);
    prepare(*view, stage, head, options, title, options.fontSize);
    painter.save();
    painter.translate(rect.topLeft());
    view->plot()->toPainter(&painter, rect.width(), rect.height());
    painter.restore();
}

void FigureRenderer::paint(QCPPainter &painter, const FigureOptions &options)
{
    const QRect area(QPoint(0, 0), options.size);
    if (!options.transparent)
        painter.fillRect(area, figureBackground(options.theme));
    const int head = std::clamp(options.head, 0, std::max(0, m_trace.headCount() - 1));
    const QString title = options.title.isEmpty() ? defaultTitle(options) : options.title;

    if (options.stage) {
        paintHeatmap(painter, area, 0, *options.stage, head, options,
                     options.showTitle ? title : QString());
        return;
    }

    // The whole pipeline: a title, then one heatmap per stage in a grid.
    QRect grid = area.adjusted(8, 8, -8, -8);
    if (options.showTitle) {
        QFont titleFont(exportFontFamily());
        titleFont.setPointSizeF(options.fontSize * 1.5);
        titleFont.setBold(true);
        const int height = int(std::ceil(QFontMetricsF(titleFont).height() * 1.4));
        painter.setFont(titleFont);
        painter.setPen(figureInk(options.theme));
        painter.drawText(QRect(grid.left(), grid.top(), grid.width(), height), Qt::AlignCenter,
                         title);
        grid.setTop(grid.top() + height);
    }
    const QList<Stage> stages = stage_labels::stages(m_scenario);
    const int columns = pipelineColumns(int(stages.size()), grid.size());
    const int rows = (int(stages.size()) + columns - 1) / columns;
    const double cellWidth = double(grid.width()) / columns;
    const double cellHeight = double(grid.height()) / rows;
    FigureOptions cellOptions = options;
    cellOptions.fontSize = std::max(9.0, options.fontSize * 0.85);
    for (int index = 0; index < stages.size(); ++index) {
        const Stage stage = stages.at(index);
        const QRect cell(int(grid.left() + (index % columns) * cellWidth),
                         int(grid.top() + (index / columns) * cellHeight), int(cellWidth),
                         int(cellHeight));
        FigureOptions stageOptions = cellOptions;
        stageOptions.stage = stage;
        stageOptions.head = head;
        paintHeatmap(painter, cell.adjusted(4, 4, -4, -4), index, stage, head, cellOptions,
                     defaultTitle(stageOptions));
    }
}

QImage FigureRenderer::image(const FigureOptions &options)
{
    const double scale = std::clamp(options.scale, 0.25, FigureOptions::maximumScale);
    QImage result(QSize(int(std::lround(options.size.width() * scale)),
                        int(std::lround(options.size.height() * scale))),
                  QImage::Format_ARGB32_Premultiplied);
    // Laid out at 96 dpi (fonts in points become the same pixels as in the
    // SVG and PDF), then scaled.
    result.setDotsPerMeterX(dotsPerMeterAt96Dpi);
    result.setDotsPerMeterY(dotsPerMeterAt96Dpi);
    result.fill(Qt::transparent);
    {
        QCPPainter painter(&result);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
        if (scale > 1.0)
            painter.setMode(QCPPainter::pmNonCosmetic);
        painter.scale(scale, scale);
        paint(painter, options);
    }
    // The resolution a slide program reads: 96 dpi times the scale.
    result.setDotsPerMeterX(int(std::lround(dotsPerMeterAt96Dpi * scale)));
    result.setDotsPerMeterY(int(std::lround(dotsPerMeterAt96Dpi * scale)));
    return result;
}

QByteArray FigureRenderer::bytes(const FigureOptions &options)
{
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    const QString title = options.title.isEmpty() ? defaultTitle(options) : options.title;
    const QSize size = options.size;
    switch (options.format) {
    case FigureOptions::Format::Png:
        image(options).save(&buffer, "PNG");
        break;
    case FigureOptions::Format::Svg: {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setResolution(96); // the default 72 would shrink the text
        generator.setTitle(title);
        generator.setDescription(translate("Made with Attention Lab"));
        QCPPainter painter;
        if (painter.begin(&generator)) {
            painter.setMode(QCPPainter::pmVectorized);
            paint(painter, options);
            painter.end();
        }
        break;
    }
    case FigureOptions::Format::Pdf: {
        QPdfWriter writer(&buffer);
        writer.setResolution(96);
        writer.setPageSize(
            QPageSize(QSizeF(size) * 0.75, QPageSize::Point, QString(), QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setCreator(QStringLiteral("Attention Lab"));
        writer.setTitle(title);
        QCPPainter painter;
        if (painter.begin(&writer)) {
            painter.setMode(QCPPainter::pmVectorized);
            painter.setWindow(QRect(QPoint(0, 0), size));
            painter.setViewport(QRect(0, 0, writer.width(), writer.height()));
            paint(painter, options);
            painter.end();
        }
        break;
    }
    }
    return data;
}

bool exportFigure(const Scenario &scenario, const Trace &trace, const FigureOptions &options,
                  const QString &path, QString *error)
{
    FigureRenderer renderer(scenario, trace);
    const QByteArray data = renderer.bytes(options);
    if (data.isEmpty()) {
        if (error)
            *error = translate("cannot draw the figure for %1").arg(path);
        return false;
    }
    return writeFileAtomically(path, data, error);
}

} // namespace attn::ui
