#pragma once

#include "heatmap_view.h"
#include "scenario.h"
#include "trace.h"

#include <QList>
#include <QStringList>

namespace attn::ui {

/// How a stage of the pipeline is shown as a heatmap: which stages a scenario
/// has, how rows and columns are named, which colour scheme a stage takes.
/// The window's pipeline and the exported figures and decks share it, so a
/// slide shows exactly what the learner saw.
namespace stage_heatmap {

/// The stages this scenario has, in order: embeddings … output, then concat
/// with several heads and the projection with W_O.
QList<Stage> stages(const Scenario &scenario);
/// Scores … output exist once per head.
bool isPerHead(Stage stage);
/// Row names: the target words, or the key words for K and V.
QStringList rowLabels(Stage stage, const Scenario &scenario, const Trace &trace, int head);
/// Column names: the key words for scores … weights, else feature indices.
QStringList columnLabels(Stage stage, const Scenario &scenario, const Trace &trace, int head);
/// Probability for the weights (fixed [0, 1]), Signed for everything else.
HeatmapView::ColorScheme colorScheme(Stage stage);
/// Puts the stage's matrix of `head` into `view`, with its labels, colour
/// scheme, mask (masked and weights) and axis titles.
void show(HeatmapView &view, Stage stage, const Scenario &scenario, const Trace &trace, int head);

} // namespace stage_heatmap
} // namespace attn::ui
