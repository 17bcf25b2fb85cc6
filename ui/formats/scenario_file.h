#pragma once

#include "scenario_reader.h"
#include "scenario_writer.h"

namespace attn::ui {

/// The scenario file format: a JSON object, documented in the README ("Scenario files").
///
/// {"format": "attention-lab-scenario", "version": 1, "tokens": [...],
///  "embeddings": [[...], ...], "w_q": ..., "w_k": ..., "w_v": ..., ...}
///
/// Keys that are left out take the defaults of attn::Scenario (the tutorial's
/// settings). Unknown keys are rejected, so a misspelt option is never
/// silently ignored. Read by scenario_reader.h, written by scenario_writer.h;
/// the names of its keys and options are in scenario_names.h.
inline constexpr char scenarioFormatName[] = "attention-lab-scenario";
inline constexpr int scenarioFormatVersion = 1;

} // namespace attn::ui
