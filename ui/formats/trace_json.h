#pragma once

#include "scenario.h"
#include "trace.h"

#include <QByteArray>
#include <QJsonObject>

namespace attn::ui {

/// A computed trace as JSON, to check the app against NumPy cell by cell.
///
/// Keys: `q`, `k`, `v`; `heads`, a list with one object per head holding
/// `scores`, `scaled`, `masked`, `soft_weights`, `weights` and `output`
/// (and `selected_keys` for hard and sampled selection); `concat`; `output`
/// (concat · W_O, or concat itself without W_O). Besides: `tokens`,
/// `source_tokens` (cross-attention), `positional_encoding` (when on),
/// `scale_divisor`, `temperature`, `aligned_positions` (local spans),
/// `projected`, `rows_sum_to_one` and `fully_masked_rows`.
///
/// Matrices are lists of rows; −∞, ∞ and NaN are the strings "-inf", "inf",
/// "nan"; every double keeps all the digits needed to read it back exactly.
QJsonObject traceToJson(const Scenario &scenario, const Trace &trace);

/// The same, as indented text ending in a newline.
QByteArray traceToJsonText(const Scenario &scenario, const Trace &trace);

} // namespace attn::ui
