#pragma once

#include "figure_export.h"

#include <QByteArray>
#include <QString>

namespace attn::ui {

struct Lesson;

/// A slide deck of the pipeline: a title page, then one page per stage with
/// its title, its formula with the current numbers and its heatmap (every
/// head side by side for the per-head stages).
struct DeckOptions
{
    enum class Page
    {
        Widescreen,  ///< 16:9, 13.33 × 7.5 in, as presentation programs make them
        A4Landscape, ///< 297 × 210 mm
    };
    Page page = Page::Widescreen;
    FigureOptions::Theme theme = FigureOptions::Theme::Light;
    bool values = true;
    int decimals = 2;
    ColorMap probabilityMap = ColorMap::Viridis; ///< the weights
    ColorMap signedMap = ColorMap::BlueWhiteRed; ///< every other stage
};

/// One line of what the scenario does: "4 words · d_k 3 · 1 head · dot score · …".
QString scenarioSummary(const Scenario &scenario);

/// The deck as the bytes of a PDF file, one page more than the scenario has stages.
QByteArray pipelineDeck(const Scenario &scenario, const Trace &trace, const DeckOptions &options);

/// A deck of a guided lesson: a title page, then one page per step with the
/// chapter, the step's title and text beside the heatmap of the stage the
/// step reveals (the weights when it reveals everything), computed on the
/// scenario the step sets up, starting from `start` as the player does.
QByteArray lessonDeck(const Lesson &lesson, const Scenario &start, const DeckOptions &options);

} // namespace attn::ui
