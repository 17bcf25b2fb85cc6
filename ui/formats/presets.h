#pragma once

#include "scenario_file.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace attn::ui {

/// A built-in scenario: its name (as `compute --preset NAME` takes it), its
/// title in the Presets menu, what it shows in one line, and the menu's group
/// it belongs to (all translated).
struct PresetInfo
{
    QString name;
    QString title;
    QString description;
    QString group;
};

/// The preset the window opens on: the tutorial's example.
inline constexpr char tutorialPresetName[] = "tutorial";

/// The groups of the Presets menu, translated, in the menu's order.
QStringList presetGroups();

/// Every built-in scenario, in the order of the lesson.
QList<PresetInfo> presets();

/// Reads a built-in scenario (embedded from resources/presets/NAME.json). An
/// unknown name gives an error that lists the known ones.
ScenarioReadResult loadPreset(const QString &name);

} // namespace attn::ui
