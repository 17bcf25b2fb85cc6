#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <optional>
#include <qcustomplot.h>

namespace attn::ui {

/// The colour maps a heatmap can use. Probabilities (range [0, 1]) take a
/// sequential map, signed matrices (range [−a, a]) a diverging one; Greys
/// serves both, for black-and-white printing (more is darker).
enum class ColorMap
{
    Viridis,      ///< sequential, the default for probabilities
    Cividis,      ///< sequential, optimised for colour-vision deficiency
    Magma,        ///< sequential, black – purple – light yellow
    BlueWhiteRed, ///< diverging (ColorBrewer RdBu), the default for signed values
    PurpleOrange, ///< diverging (ColorBrewer PuOr), colour-blind safe
    Greys,        ///< both: white to black
};

/// Every map, in the order menus list them.
QList<ColorMap> colorMaps();
/// Whether a map suits probabilities (sequential) and signed values (diverging).
bool suitsProbabilities(ColorMap map);
bool suitsSignedValues(ColorMap map);
/// The name on the command line: "viridis", "cividis", "magma", "rdbu", "puor", "greys".
QString colorMapKey(ColorMap map);
std::optional<ColorMap> colorMapFromKey(const QString &key);
/// The name shown to the user (translated).
QString colorMapTitle(ColorMap map);
/// The map's gradient, from its published colour stops.
QCPColorGradient colorMapGradient(ColorMap map);

/// Perceptually uniform, colour-blind safe sequential map (matplotlib's
/// viridis, sampled at eleven points): dark purple for 0, yellow for 1. Used
/// for probabilities, whose range is always [0, 1].
QCPColorGradient viridisGradient();

/// Colour-blind safe diverging map (ColorBrewer RdBu, 11 classes): blue for
/// negative, near-white for 0, red for positive. Meant for a data range
/// symmetric around 0, so that white always means 0.
QCPColorGradient divergingGradient();

/// The fill of a cell that has no colour of the scale: masked (−∞ before the
/// softmax) or undefined (NaN). Light grey, outside both maps above.
QColor maskedCellColor();

/// The hatching drawn over masked cells, so they stay distinct from a light
/// cell of the scale even for readers who cannot tell the greys apart.
QColor maskedHatchColor();

/// The fill of every cell of a concealed stage (one the learner has not
/// reached), and the colour of its "?": neutral, outside both maps above.
QColor concealedCellColor();
QColor concealedTextColor();

/// Relative luminance of an sRGB colour (WCAG 2): 0 for black, 1 for white.
double relativeLuminance(const QColor &color);

/// Black or white, whichever contrasts more with `background` (WCAG contrast
/// ratio; the two are equal at a luminance of about 0.18).
QColor readableTextColor(const QColor &background);

} // namespace attn::ui
