#pragma once

#include "error.h"
#include "scenario.h"
#include "trace.h"

namespace attn {

/// Checks a scenario; the first problem found, naming its field, or nothing.
std::optional<Error> validate(const Scenario &scenario);

/// The bytes compute() would keep in the trace of a scenario whose shapes are
/// consistent: every head's scores, queries, keys, values and output, and the
/// trace's own embeddings, projections, concatenation, output and mask. An
/// upper estimate, counted before anything is allocated.
double traceBytes(const Scenario &scenario);

/// s, what the scores are divided by before τ: √d_h, 1, or the given number.
/// For a scenario whose heads divide d_k.
double scaleDivisor(const Scenario &scenario);

/// Runs the whole pipeline and keeps every intermediate matrix.
///
/// For each head h, with Q_h, K_h, V_h the head's column slices:
///   scores  = score(Q_h, K_h)
///   scaled  = scores / (s · τ)
///   masked  = scaled with −∞ where the mask or the span hides a key
///   weights = select(softmax_rows(masked))   (stable: the row maximum is subtracted)
///   output  = weights · V_h
/// then concat = [output_1 … output_h] and output = concat W_O (if given).
///
/// An invalid scenario gives an Error naming the field; nothing throws.
Result<Trace> compute(const Scenario &scenario);

/// compute() into an existing trace, reusing its matrices' memory: what an
/// editor that recomputes on every change wants. On an invalid scenario the
/// trace is left untouched and the error returned.
std::optional<Error> computeInto(const Scenario &scenario, Trace &trace);

/// How many threads compute() may spread the heads over: 0, the default,
/// uses every core; 1 keeps everything on the calling thread. Heads are only
/// shared out above 65 536 score cells in all.
void setComputeThreads(int count);

/// Sinusoidal positional encoding for `count` positions of `dimension` features.
Matrix sinusoidalEncoding(int count, int dimension);

} // namespace attn
