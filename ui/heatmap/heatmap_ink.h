#pragma once

#include <QColor>

class QPalette;

namespace attn::ui {

class HeatmapPlot;

/// The colours of everything a heatmap draws besides its colour map: the
/// background, the texts and lines around the cells, and what is drawn over
/// them (separators, the hatching of masked cells, the fill of a concealed
/// stage). On screen they come from the widget's palette, so that a dark or a
/// high-contrast palette is followed; an exported figure has a theme of its own.
///
/// From a palette, every colour is Base, Text or a mix of the two,
/// mix(t) = (1 − t)·Base + t·Text, so that a dark palette (light Text on a
/// dark Base) turns them round and a high-contrast one sharpens them. With
/// Base white and Text black the mixes are the greys of the printed theme.
struct HeatmapInk
{
    QColor background;    ///< behind the cells, their names and the colour scale
    QColor text;          ///< title, axis titles, token names, scale numbers
    QColor scaleFrame;    ///< the frame round the colour scale and its ticks
    QColor outline;       ///< the thin frame round the matrix
    QColor separator;     ///< the lines between cells
    QColor maskedFill;    ///< a masked cell (−∞ before the softmax, weight 0)
    QColor maskedHatch;   ///< the hatching over masked cells
    QColor concealedFill; ///< every cell of a stage the learner has not reached
    QColor concealedText; ///< its "?"
    QColor highlightHalo; ///< the dark edge of an outlined region

    /// The colours of a widget drawn with `palette`.
    static HeatmapInk fromPalette(const QPalette &palette);
    /// The colours of a printed figure: `text` for the texts, the fixed greys
    /// of color_maps.h over the cells (a figure keeps its own theme, whatever
    /// the palette of the screen it is made on).
    static HeatmapInk printed(const QColor &text);

    /// Gives the plot's background, texts and colour-scale frame their colours.
    void applyTo(HeatmapPlot &plot) const;
};

} // namespace attn::ui
