#pragma once

#include "figure_export.h"

#include <QByteArray>
#include <QString>

namespace attn::ui {

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
};

/// One line of what the scenario does: "4 words · d_k 3 · 1 head · dot score · …".
QString scenarioSummary(const Scenario &scenario);

/// The deck as the bytes of a PDF file, one page more than the scenario has stages.
QByteArray pipelineDeck(const Scenario &scenario, const Trace &trace, const DeckOptions &options);

} // namespace attn::ui
