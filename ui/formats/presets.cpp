#include "presets.h"

#include <QCoreApplication>
#include <QFile>

namespace attn::ui {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Presets)
};

struct Preset
{
    const char *name;
    const char *group;
    const char *title;
    const char *description;
};

// The groups of the Presets menu, in its order.
constexpr const char *basics = QT_TRANSLATE_NOOP("Presets", "Basics");
constexpr const char *masks = QT_TRANSLATE_NOOP("Presets", "Masks");
constexpr const char *scoreFunctions = QT_TRANSLATE_NOOP("Presets", "Score functions");
constexpr const char *variants = QT_TRANSLATE_NOOP("Presets", "Other kinds of attention");
constexpr const char *inputs = QT_TRANSLATE_NOOP("Presets", "What the tokens are");

// One line each for `attention-lab presets`; the files hold the longer story.
constexpr Preset builtIn[] = {
    {"tutorial", basics, QT_TRANSLATE_NOOP("Presets", "The tutorial's example"),
     QT_TRANSLATE_NOOP("Presets", "The tutorial's example: four words, "
                                              "weights from np.random.seed(42)")},
    {"causal", masks, QT_TRANSLATE_NOOP("Presets", "Causal mask"),
     QT_TRANSLATE_NOOP("Presets", "Causal mask: each word sees only itself and the "
                                            "words before it")},
    {"padding", masks, QT_TRANSLATE_NOOP("Presets", "Padding mask"),
     QT_TRANSLATE_NOOP("Presets", "Padding mask: the <pad> tokens get no attention")},
    {"cross-attention", variants, QT_TRANSLATE_NOOP("Presets", "Cross-attention"),
     QT_TRANSLATE_NOOP("Presets", "Cross-attention: French queries over an "
                                                     "English source (la maison bleue)")},
    {"local-m", variants, QT_TRANSLATE_NOOP("Presets", "Local attention, monotonic (local-m)"),
     QT_TRANSLATE_NOOP("Presets", "Local attention, monotonic: a window of D = 1 "
                                             "around each word")},
    {"local-p", variants, QT_TRANSLATE_NOOP("Presets", "Local attention, predictive (local-p)"),
     QT_TRANSLATE_NOOP("Presets", "Local attention, predictive: each word predicts "
                                             "where to look, Gaussian window")},
    {"hard", variants, QT_TRANSLATE_NOOP("Presets", "Hard attention"),
     QT_TRANSLATE_NOOP("Presets", "Hard attention: all weight on the highest score")},
    {"sampled", variants, QT_TRANSLATE_NOOP("Presets", "Sampled hard attention"),
     QT_TRANSLATE_NOOP("Presets", "Stochastic hard attention: one key drawn from the "
                                             "softmax, seed 3")},
    {"general", scoreFunctions, QT_TRANSLATE_NOOP("Presets", "General score (Luong)"),
     QT_TRANSLATE_NOOP("Presets", "General score q W_a kᵀ (Luong)")},
    {"additive", scoreFunctions, QT_TRANSLATE_NOOP("Presets", "Additive score (Bahdanau)"),
     QT_TRANSLATE_NOOP("Presets", "Additive score v_aᵀ tanh(q W_a + k U_a) "
                                              "(Bahdanau)")},
    {"multi-head", basics, QT_TRANSLATE_NOOP("Presets", "Multi-head attention"),
     QT_TRANSLATE_NOOP("Presets", "Multi-head attention: two heads, concatenated "
                                                "and projected by W_O")},
    {"positional", inputs, QT_TRANSLATE_NOOP("Presets", "Positional encoding"),
     QT_TRANSLATE_NOOP("Presets", "Sinusoidal positional encoding tells two equal "
                                                "words apart")},
    {"image-patches", inputs, QT_TRANSLATE_NOOP("Presets", "Image patches as tokens"),
     QT_TRANSLATE_NOOP("Presets", "Tokens that are image patches: a 4 × 4 image "
                                                   "cut into four 2 × 2 patches")},
};

} // namespace

QStringList presetGroups()
{
    QStringList groups;
    for (const char *group : {basics, masks, scoreFunctions, variants, inputs})
        groups << Text::tr(group);
    return groups;
}

QList<PresetInfo> presets()
{
    QList<PresetInfo> list;
    for (const Preset &preset : builtIn)
        list.append({QLatin1String(preset.name), Text::tr(preset.title),
                     Text::tr(preset.description), Text::tr(preset.group)});
    return list;
}

ScenarioReadResult loadPreset(const QString &name)
{
    QStringList names;
    for (const Preset &preset : builtIn)
        names << QLatin1String(preset.name);
    if (!names.contains(name)) {
        ScenarioReadResult unknown;
        unknown.error = Text::tr("unknown preset \"%1\"; the presets are: %2")
                            .arg(name, names.join(QStringLiteral(", ")));
        return unknown;
    }
    QFile file(QStringLiteral(":/presets/%1.json").arg(name));
    if (!file.open(QIODevice::ReadOnly)) {
        ScenarioReadResult missing;
        missing.error = Text::tr("preset %1: %2").arg(name, file.errorString());
        return missing;
    }
    return readScenario(file.readAll(), Text::tr("preset %1").arg(name));
}

} // namespace attn::ui
