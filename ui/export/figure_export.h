#pragma once

#include "color_maps.h"
#include "scenario.h"
#include "trace.h"

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QSize>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

class QCPPainter;

namespace attn::ui {

class HeatmapView;

/// What a figure shows and how it looks. A figure is one stage's heatmap (of
/// one head) or the whole pipeline, drawn for a slide: a light theme (white
/// background, dark text) whatever the app's theme, or a dark one.
struct FigureOptions
{
    enum class Theme
    {
        Light,
        Dark
    };
    enum class Format
    {
        Png,
        Svg,
        Pdf
    };

    std::optional<Stage> stage; ///< none: the whole pipeline in one figure
    int head = 0;               ///< the head of per-head stages
    Format format = Format::Png;
    QSize size{1200, 900}; ///< logical pixels (1/96 inch in SVG and PDF)
    double scale = 1.0;    ///< PNG only: pixels per logical pixel (1×, 2×, 3×)
    Theme theme = Theme::Light;
    bool transparent = false;
    bool showTitle = true;
    QString title;        ///< empty: the stage's title (or the scenario's for the pipeline)
    bool values = true;   ///< numbers in the cells, wherever they fit
    double fontSize = 12; ///< points, for token names; titles and numbers scale with it
    int decimals = 2;
    ColorMap probabilityMap = ColorMap::Viridis; ///< the weights (a sequential map or greys)
    ColorMap signedMap = ColorMap::BlueWhiteRed; ///< every other stage (diverging or greys)

    static constexpr int minimumSide = 200;
    static constexpr int maximumSide = 8000;
    static constexpr double maximumScale = 4.0;
};

/// The font every export names explicitly, so an SVG does not say "Sans Serif".
QString exportFontFamily();
QColor figureBackground(FigureOptions::Theme theme);
QColor figureInk(FigureOptions::Theme theme);
/// "png", "svg", "pdf" and back (nothing for an unknown name).
QString formatSuffix(FigureOptions::Format format);
std::optional<FigureOptions::Format> formatFromSuffix(const QString &suffix);

/// Draws figures of one scenario. The heatmaps are widgets that are never
/// shown; the same renderer serves the dialog's preview, the clipboard and
/// the files, so all of them look alike.
class FigureRenderer
{
public:
    FigureRenderer(const Scenario &scenario, const Trace &trace);
    ~FigureRenderer();
    FigureRenderer(const FigureRenderer &) = delete;
    FigureRenderer &operator=(const FigureRenderer &) = delete;

    /// The title drawn when options.title is empty.
    QString defaultTitle(const FigureOptions &options) const;

    /// Paints the figure into `painter` at (0, 0), options.size logical pixels.
    void paint(QCPPainter &painter, const FigureOptions &options);
    /// Paints one stage's heatmap into `rect`; `slot` picks the heatmap widget
    /// (several on one page need one each). An empty title draws none.
    void paintHeatmap(QCPPainter &painter, const QRect &rect, int slot, Stage stage, int head,
                      const FigureOptions &options, const QString &title);

    /// The figure as an image of size × scale pixels.
    QImage image(const FigureOptions &options);
    /// The figure as a file's bytes in options.format.
    QByteArray bytes(const FigureOptions &options);

private:
    HeatmapView *heatmap(int index);
    void prepare(HeatmapView &view, Stage stage, int head, const FigureOptions &options,
                 const QString &title, double fontSize);

    const Scenario &m_scenario;
    const Trace &m_trace;
    std::vector<std::unique_ptr<HeatmapView>> m_heatmaps;
};

/// Renders and writes a figure; see writeFileAtomically() for failures.
bool exportFigure(const Scenario &scenario, const Trace &trace, const FigureOptions &options,
                  const QString &path, QString *error);

} // namespace attn::ui
