#pragma once

#include "scenario.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace attn::ui {

/// The scenario file format: a JSON object, documented in docs/scenario-format.md.
///
/// {"format": "attention-lab-scenario", "version": 1, "tokens": [...],
///  "embeddings": [[...], ...], "w_q": ..., "w_k": ..., "w_v": ..., ...}
///
/// Keys that are left out take the defaults of attn::Scenario (the tutorial's
/// settings). Unknown keys are rejected, so a misspelt option is never
/// silently ignored.
inline constexpr char scenarioFormatName[] = "attention-lab-scenario";
inline constexpr int scenarioFormatVersion = 1;

/// A scenario read from JSON, or one sentence saying what is wrong: which
/// file, which key (as a path such as `w_k[1][2]` or `span.window`) and what
/// was expected.
struct ScenarioReadResult
{
    std::optional<Scenario> scenario;
    QString error;

    bool ok() const { return scenario.has_value(); }
};

/// Parses a scenario from JSON text; `origin` names it in messages (a file
/// name, "preset tutorial"). The scenario is also checked with attn::validate().
ScenarioReadResult readScenario(const QByteArray &json, const QString &origin);
ScenarioReadResult readScenarioFile(const QString &path);

/// The option keys of the format that a lesson step may set on top of a
/// scenario: "heads", "score", "scale", "temperature", "mask", "padding",
/// "span" ({"type", "window"}), "selection" ({"type", "seed"}), "positional".
inline constexpr const char *scenarioOptionKeys[] = {
    "heads", "score", "scale", "temperature", "mask", "padding", "span", "selection", "positional",
};

/// Reads those keys from `options` onto `scenario`, with the same rules and
/// messages as readScenario() (unknown keys are refused). Only the fields are
/// set: shapes are neither adjusted nor checked (see attn::edit for that).
/// Returns "key: what is wrong", the key prefixed by `path`, or an empty
/// string when all is well.
QString readScenarioOptions(const QJsonObject &options, const QString &path, Scenario &scenario);

/// The scenario as indented JSON; doubles keep their full precision, so
/// reading it back gives the same numbers.
QByteArray writeScenario(const Scenario &scenario);

/// Writes through a temporary file that replaces `path` only when complete:
/// a failed save leaves the old file, or none, behind. On failure returns
/// false and, if `error` is given, says why.
bool writeScenarioFile(const Scenario &scenario, const QString &path, QString *error = nullptr);

} // namespace attn::ui
