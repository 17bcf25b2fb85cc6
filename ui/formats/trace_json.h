#pragma once

#include "scenario.h"
#include "trace.h"

#include <QByteArray>
#include <QJsonObject>
#include <functional>

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

/// The same, as indented text ending in a newline (prettyJson of the object,
/// the keys in the order of a lesson), built in memory.
QByteArray traceToJsonText(const Scenario &scenario, const Trace &trace);

/// Receives the next piece of the text; false when it could not be written.
using JsonSink = std::function<bool(const QByteArray &piece)>;

/// Writes exactly the text of traceToJsonText() to `sink`, piece by piece
/// (about a megabyte each), without building a QJsonObject of every number
/// first: at 1024 tokens the text is over 100 MB. Returns false as soon as
/// the sink fails.
bool writeTraceJson(const Scenario &scenario, const Trace &trace, const JsonSink &sink);

} // namespace attn::ui
