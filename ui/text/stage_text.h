#pragma once

#include "attention.h"

#include <QString>

namespace attn::ui {

/// The words a learner reads about each stage of the pipeline, translated.
namespace stage_text {

/// "Scores", "Softmax weights"…
QString title(Stage stage);
/// The stage's symbol as the lesson writes it: "QKᵀ", "softmax(…)".
QString symbol(Stage stage);
/// The symbol as a card's subtitle says it for this scenario: "X + PE" with
/// positional encoding, the divisor in effect for the scaled scores
/// ("÷ √d_k", "÷ s, s = 2.5", "not scaled"), else symbol().
QString subtitle(Stage stage, const Scenario &scenario);
/// On the weights and output cards, when some queries see no key at all
/// (every key masked): "Query 2 (cat) sees no key: its weights and output
/// are 0", 1-based. Empty for other stages and when every query sees a key.
QString noKeyNote(Stage stage, const Scenario &scenario, const Trace &trace);
/// The formula with the current numbers, e.g. "scaled = scores ÷ √d_k = scores ÷ 1.732".
QString formula(Stage stage, const Scenario &scenario, const Trace &trace);
/// The row and column axis titles of the stage's heatmap.
QString rowAxis(Stage stage, const Scenario &scenario);
QString columnAxis(Stage stage, const Scenario &scenario);
/// The stage's name on the command line and in files: "scores", "weights"…
QString key(Stage stage);

} // namespace stage_text
} // namespace attn::ui
