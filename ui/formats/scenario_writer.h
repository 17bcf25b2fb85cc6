#pragma once

#include "scenario.h"

#include <QByteArray>
#include <QString>

namespace attn::ui {

/// The scenario as indented JSON; doubles keep their full precision, so
/// reading it back gives the same numbers.
QByteArray writeScenario(const Scenario &scenario);

/// Writes through replaceFileContents(): a failed save (a full disk, a
/// read-only folder) leaves the old file, or none, behind. On failure returns
/// false and, if `error` is given, says why in the system's words.
bool writeScenarioFile(const Scenario &scenario, const QString &path, QString *error = nullptr);

} // namespace attn::ui
