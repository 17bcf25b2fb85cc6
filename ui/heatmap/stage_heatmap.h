#pragma once

#include "heatmap_view.h"
#include "scenario.h"
#include "trace.h"

namespace attn::ui {

/// How a stage of the pipeline is shown as a heatmap: its colour scheme, its
/// labels (from stage_labels), its mask and axis titles.
/// The window's pipeline and the exported figures and decks share it, so a
/// slide shows exactly what the learner saw.
namespace stage_heatmap {

/// Probability for the weights (fixed [0, 1]), Signed for everything else.
HeatmapView::ColorScheme colorScheme(Stage stage);
/// Puts the stage's matrix of `head` into `view`, with its labels, colour
/// scheme, mask (masked and weights) and axis titles.
void show(HeatmapView &view, Stage stage, const Scenario &scenario, const Trace &trace, int head);

} // namespace stage_heatmap
} // namespace attn::ui
