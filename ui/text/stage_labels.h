#pragma once

#include "scenario.h"
#include "trace.h"

#include <QList>
#include <QStringList>

namespace attn::ui {

/// Which stages a scenario has and how their rows and columns are named. The
/// pipeline, the exported figures and decks and the CSV/LaTeX tables share it,
/// so every place names a matrix's rows and columns the same way.
namespace stage_labels {

/// The stages this scenario has, in order: embeddings … output, then concat
/// with several heads and the projection with W_O.
QList<Stage> stages(const Scenario &scenario);
/// Scores … output exist once per head.
bool isPerHead(Stage stage);
/// Row names: the target words, or the key words for K and V.
QStringList rowLabels(Stage stage, const Scenario &scenario, const Trace &trace, int head);
/// Column names: the key words for scores … weights, else feature indices
/// counted from 1 (d_k columns are 1 … d_k).
QStringList columnLabels(Stage stage, const Scenario &scenario, const Trace &trace, int head);

} // namespace stage_labels
} // namespace attn::ui
