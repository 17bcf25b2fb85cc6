#pragma once

#include "scenario_file.h"

#include <QList>
#include <QString>

namespace attn::ui {

/// A built-in scenario: its name (as `compute --preset NAME` takes it) and
/// what it shows, in one translated line.
struct PresetInfo
{
    QString name;
    QString description;
};

/// The preset the window opens on: the tutorial's example.
inline constexpr char tutorialPresetName[] = "tutorial";

/// Every built-in scenario, in the order of the lesson.
QList<PresetInfo> presets();

/// Reads a built-in scenario (embedded from resources/presets/NAME.json). An
/// unknown name gives an error that lists the known ones.
ScenarioReadResult loadPreset(const QString &name);

} // namespace attn::ui
