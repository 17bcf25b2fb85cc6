#pragma once

#include "scenario.h"

#include <QByteArray>

namespace attn::ui {

/// A self-contained Python script (NumPy only) that rebuilds `scenario` and
/// prints every intermediate matrix, so a learner can check the app's numbers
/// in a notebook of their own.
///
/// The script holds the scenario's numbers at full precision and computes,
/// from the formulas of the scenario format (README, "What the app
/// computes"): positions, Q = X W_Q, K = X_s W_K, V = X_s W_V, the split into
/// heads, score, scaled = scores / (s · τ), masks (causal, padding, local-m,
/// local-p), softmax, hard or sampled selection (SplitMix64 from the seed, one
/// draw per visible query, the heads one after another), output = weights · V_h,
/// concat and W_O.
///
/// `python3 attention.py` prints the matrices for people; `--json` prints the
/// same keys as `attention-lab compute`.
QByteArray numpyScript(const Scenario &scenario);

} // namespace attn::ui
