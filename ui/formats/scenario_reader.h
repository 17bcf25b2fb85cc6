#pragma once

#include "scenario.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace attn::ui {

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

} // namespace attn::ui
