#pragma once

#include "trace.h"

#include <QString>
#include <optional>

class QByteArray;

namespace attn::app {

/// The commands, as typed.
inline constexpr char commandCompute[] = "compute";
inline constexpr char commandPresets[] = "presets";
inline constexpr char commandExport[] = "export";
inline constexpr char commandExportDeck[] = "export-deck";
inline constexpr char commandExportCode[] = "export-code";
inline constexpr char commandExportLatex[] = "export-latex";
inline constexpr char commandExportCsv[] = "export-csv";

/// The export commands: they read a scenario like compute and write a file.
bool isExportCommand(const QByteArray &argument);

/// A whole number in [low, high] from an option's text; nothing if it is not one.
std::optional<int> wholeNumber(const QString &text, int low, int high);

/// The stage a command-line key names ("weights"), as stage_text::key() spells it.
std::optional<Stage> stageNamed(const QString &name);
/// Every stage key, for a message: "embeddings, queries, …".
QString stageNames();

} // namespace attn::app
