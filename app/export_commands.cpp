#include "export_commands.h"

#include "attention.h"
#include "command_arguments.h"
#include "command_output.h"
#include "deck_export.h"
#include "error_text.h"
#include "figure_export.h"
#include "file_writer.h"
#include "lesson.h"
#include "numpy_script.h"
#include "presets.h"
#include "scenario_file.h"
#include "stage_labels.h"
#include "stage_text.h"
#include "trace_tables.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <optional>
#include <utility>

namespace attn::app {

namespace {

/// Which export options a command takes.
QList<const QCommandLineOption *> optionsOf(const QString &command, const ExportOptions &o)
{
    if (command == QLatin1String(commandExport))
        return {&o.stage, &o.head,  &o.format,      &o.out,    &o.width,   &o.height,
                &o.scale, &o.theme, &o.transparent, &o.values, &o.colormap};
    if (command == QLatin1String(commandExportDeck))
        return {&o.out, &o.theme, &o.page, &o.colormap, &o.lesson};
    if (command == QLatin1String(commandExportLatex))
        return {&o.out, &o.stage, &o.decimals};
    if (command == QLatin1String(commandExportCode) || command == QLatin1String(commandExportCsv))
        return {&o.out};
    return {};
}

/// Writes a file an export produced; a path that cannot be written is
/// reported and leaves nothing behind.
int writeExport(const QString &path, const QByteArray &bytes)
{
    QString error;
    if (ui::writeFileAtomically(path, bytes, &error))
        return exitOk;
    const QString line =
        QCoreApplication::applicationName() + QStringLiteral(": ") + error + QLatin1Char('\n');
    writeAll(stderr, line.toLocal8Bit());
    return exitOutputFailed;
}

/// The lesson.json of `--lesson [PATH]`: the shipped lesson without PATH, and
/// PATH/lesson.json when PATH is the lesson's folder.
QString lessonManifest(const QStringList &operands)
{
    if (operands.isEmpty())
        return QLatin1String(ui::shippedLessonPath);
    const QString path = operands.first();
    if (QFileInfo(path).isDir())
        return QDir(path).filePath(QStringLiteral("lesson.json"));
    return path;
}

/// `loaded` is the scenario to export; with `lesson`, the scenario the lesson
/// starts from (as in the player), and the deck is the lesson's.
int exportScenario(const QString &command, const QCommandLineParser &parser, const ExportOptions &o,
                   const ui::ScenarioReadResult &loaded, const std::optional<QString> &lesson)
{
    if (!parser.isSet(o.out))
        return usageError(Text::tr("%1 needs --out PATH").arg(command));
    const QString out = parser.value(o.out);

    // Arguments first, so a typo is reported before any work is done.
    std::optional<Stage> stage;
    bool pipeline = false;
    if (parser.isSet(o.stage)) {
        const QString name = parser.value(o.stage);
        pipeline = command == QLatin1String(commandExport) && name == QLatin1String("pipeline");
        if (!pipeline) {
            stage = stageNamed(name);
            if (!stage)
                return usageError(Text::tr("unknown stage \"%1\"; the stages are %2%3")
                                      .arg(name, stageNames(),
                                           command == QLatin1String(commandExport)
                                               ? QStringLiteral(", pipeline")
                                               : QString()));
        }
    } else if (command == QLatin1String(commandExport)) {
        return usageError(
            Text::tr("export needs --stage STAGE (%1 or pipeline)").arg(stageNames()));
    }

    ui::FigureOptions figure;
    if (command == QLatin1String(commandExport)) {
        const QString formatName =
            parser.isSet(o.format) ? parser.value(o.format) : QFileInfo(out).suffix();
        const auto format = ui::formatFromSuffix(formatName);
        if (!format)
            return usageError(
                parser.isSet(o.format)
                    ? Text::tr("unknown format \"%1\"; give png, svg or pdf").arg(formatName)
                    : Text::tr("give --format png, svg or pdf"));
        figure.format = *format;
        figure.stage = stage;
        for (const auto &[option, target] : {std::pair{&o.width, &figure.size.rwidth()},
                                             std::pair{&o.height, &figure.size.rheight()}}) {
            if (!parser.isSet(*option))
                continue;
            const auto value = wholeNumber(parser.value(*option), ui::FigureOptions::minimumSide,
                                           ui::FigureOptions::maximumSide);
            if (!value)
                return usageError(
                    Text::tr("--%1 must be a whole number from %2 to %3, found \"%4\"")
                        .arg(option->names().constLast())
                        .arg(ui::FigureOptions::minimumSide)
                        .arg(ui::FigureOptions::maximumSide)
                        .arg(parser.value(*option)));
            *target = *value;
        }
        if (parser.isSet(o.scale)) {
            bool ok = false;
            const double scale = parser.value(o.scale).toDouble(&ok);
            if (!ok || !(scale >= 1.0 && scale <= ui::FigureOptions::maximumScale))
                return usageError(Text::tr("--scale must be a number from 1 to %1, found \"%2\"")
                                      .arg(ui::FigureOptions::maximumScale)
                                      .arg(parser.value(o.scale)));
            figure.scale = scale;
        }
        if (parser.isSet(o.values)) {
            const QString values = parser.value(o.values);
            if (values != QLatin1String("on") && values != QLatin1String("off"))
                return usageError(Text::tr("--values must be on or off, found \"%1\"").arg(values));
            figure.values = values == QLatin1String("on");
        }
        figure.transparent = parser.isSet(o.transparent);
    }
    if (parser.isSet(o.theme)) {
        const QString theme = parser.value(o.theme);
        if (theme != QLatin1String("light") && theme != QLatin1String("dark"))
            return usageError(Text::tr("--theme must be light or dark, found \"%1\"").arg(theme));
        figure.theme = theme == QLatin1String("dark") ? ui::FigureOptions::Theme::Dark
                                                      : ui::FigureOptions::Theme::Light;
    }
    int decimals = 2;
    if (parser.isSet(o.decimals)) {
        const auto value = wholeNumber(parser.value(o.decimals), 0, 10);
        if (!value)
            return usageError(Text::tr("--decimals must be a whole number from 0 to 10, found "
                                       "\"%1\"")
                                  .arg(parser.value(o.decimals)));
        decimals = *value;
    }
    for (const QString &name : parser.values(o.colormap)) {
        const auto map = ui::colorMapFromKey(name);
        if (!map) {
            QStringList weights, signedStages, both;
            for (const ui::ColorMap each : ui::colorMaps()) {
                const bool probabilities = ui::suitsProbabilities(each);
                const bool signedValues = ui::suitsSignedValues(each);
                (probabilities && signedValues ? both
                 : probabilities               ? weights
                                               : signedStages)
                    << ui::colorMapKey(each);
            }
            const QString comma = QStringLiteral(", ");
            return usageError(
                Text::tr("unknown colour map \"%1\"; the colour maps are %2 (for "
                         "the weights), %3 (for the signed stages) and %4 (for both)")
                    .arg(name, weights.join(comma), signedStages.join(comma), both.join(comma)));
        }
        if (ui::suitsProbabilities(*map))
            figure.probabilityMap = *map;
        if (ui::suitsSignedValues(*map))
            figure.signedMap = *map;
    }
    ui::DeckOptions deck;
    deck.theme = figure.theme;
    deck.probabilityMap = figure.probabilityMap;
    deck.signedMap = figure.signedMap;
    if (parser.isSet(o.page)) {
        const QString page = parser.value(o.page);
        if (page != QLatin1String("widescreen") && page != QLatin1String("a4"))
            return usageError(Text::tr("--page must be widescreen or a4, found \"%1\"").arg(page));
        deck.page = page == QLatin1String("a4") ? ui::DeckOptions::Page::A4Landscape
                                                : ui::DeckOptions::Page::Widescreen;
    }

    if (!loaded.ok())
        return fail(loaded.error);
    const Scenario &scenario = *loaded.scenario;
    if (lesson) {
        const ui::LessonLoadResult read = ui::loadLesson(*lesson);
        if (!read.ok())
            return fail(read.error);
        return writeExport(out, ui::lessonDeck(*read.lesson, scenario, deck));
    }
    const Result<Trace> trace = compute(scenario);
    if (!trace)
        return fail(ui::errorText(trace.error()));

    if (stage && !ui::stage_labels::stages(scenario).contains(*stage))
        return fail(Text::tr("this scenario has no %1 stage (%2)")
                        .arg(ui::stage_text::key(*stage), *stage == Stage::Concat
                                                              ? Text::tr("it has one head")
                                                              : Text::tr("it has no W_O")));

    if (command == QLatin1String(commandExport)) {
        if (parser.isSet(o.head)) {
            const auto head = wholeNumber(parser.value(o.head), 1, trace->headCount());
            if (!head)
                return usageError(Text::tr("--head must be a whole number from 1 to %1, found "
                                           "\"%2\"")
                                      .arg(trace->headCount())
                                      .arg(parser.value(o.head)));
            figure.head = *head - 1;
        }
        ui::FigureRenderer renderer(scenario, *trace);
        return writeExport(out, renderer.bytes(figure));
    }
    if (command == QLatin1String(commandExportDeck))
        return writeExport(out, ui::pipelineDeck(scenario, *trace, deck));
    if (command == QLatin1String(commandExportCode))
        return writeExport(out, ui::numpyScript(scenario));
    if (command == QLatin1String(commandExportLatex))
        return writeExport(out, ui::traceLatex(scenario, *trace, stage, decimals));
    return writeExport(out, ui::traceCsv(scenario, *trace));
}

} // namespace

ExportOptions::ExportOptions()
    : stage{QStringLiteral("stage"),
            Text::tr("export, export-latex: the stage (embeddings, queries, keys, "
                     "values, scores, scaled, masked, weights, output, concat, "
                     "projected; export also: pipeline)."),
            Text::tr("STAGE")},
      head{QStringLiteral("head"),
           Text::tr("export: the head of per-head stages, from 1 (default 1)."), Text::tr("N")},
      format{QStringLiteral("format"),
             Text::tr("export: png, svg or pdf (default: from --out's suffix)."),
             Text::tr("FORMAT")},
      out{{QStringLiteral("o"), QStringLiteral("out")},
          Text::tr("export commands: the file to write."),
          Text::tr("PATH")},
      width{QStringLiteral("width"), Text::tr("export: the width in pixels (default 1200)."),
            Text::tr("W")},
      height{QStringLiteral("height"), Text::tr("export: the height in pixels (default 900)."),
             Text::tr("H")},
      scale{QStringLiteral("scale"), Text::tr("export: PNG pixels per pixel, 1 to 4 (default 1)."),
            Text::tr("S")},
      theme{QStringLiteral("theme"), Text::tr("export, export-deck: light (default) or dark."),
            Text::tr("THEME")},
      values{QStringLiteral("values"),
             Text::tr("export: on (default) or off, the numbers in the cells."),
             Text::tr("on|off")},
      transparent{QStringLiteral("transparent"), Text::tr("export: no background.")},
      decimals{QStringLiteral("decimals"),
               Text::tr("export-latex: decimals of the numbers, 0 to 10 "
                        "(default 2)."),
               Text::tr("D")},
      page{QStringLiteral("page"), Text::tr("export-deck: widescreen (16:9, default) or a4."),
           Text::tr("PAGE")},
      colormap{QStringLiteral("colormap"),
               Text::tr("export, export-deck: the colour map of the weights "
                        "(viridis, default; cividis; magma) or of the signed "
                        "stages (rdbu, default; puor), or greys for both; may "
                        "be given twice."),
               Text::tr("NAME")},
      lesson{QStringLiteral("lesson"),
             Text::tr("export-deck: the guided lesson instead of a scenario, one "
                      "step a page: the shipped lesson, or the lesson.json (or "
                      "its folder) given as PATH.")}
{
}

void ExportOptions::addTo(QCommandLineParser &parser) const
{
    for (const QCommandLineOption *option : all())
        parser.addOption(*option);
}

QList<const QCommandLineOption *> ExportOptions::all() const
{
    return {&stage, &head,   &format,      &out,      &width, &height,   &scale,
            &theme, &values, &transparent, &decimals, &page,  &colormap, &lesson};
}

QString misplacedExportOption(const QString &command, const QCommandLineParser &parser,
                              const ExportOptions &options)
{
    for (const QCommandLineOption *option : options.all()) {
        if (parser.isSet(*option) && !optionsOf(command, options).contains(option)) {
            const QString name = option->names().constLast();
            QStringList owners;
            for (const char *exporter : {commandExport, commandExportDeck, commandExportCode,
                                         commandExportLatex, commandExportCsv}) {
                if (optionsOf(QLatin1String(exporter), options).contains(option))
                    owners << QLatin1String(exporter);
            }
            return Text::tr("--%1 belongs to %2").arg(name, owners.join(QStringLiteral(", ")));
        }
    }
    return {};
}

int exportCommand(const QString &command, const QStringList &operands,
                  const QCommandLineParser &parser, const QCommandLineOption &presetOption,
                  const ExportOptions &options)
{
    if (operands.size() > 1)
        return usageError(
            Text::tr("%1 takes one FILE, found %2 arguments").arg(command).arg(operands.size()));
    if (parser.isSet(options.lesson)) {
        // The one operand, if any, is the lesson's path, not a scenario.
        if (parser.isSet(presetOption))
            return usageError(Text::tr("give export-deck either --lesson [PATH] or a FILE or "
                                       "--preset NAME, not both"));
        const ui::ScenarioReadResult tutorial =
            ui::loadPreset(QLatin1String(ui::tutorialPresetName));
        return exportScenario(command, parser, options,
                              tutorial.ok() ? tutorial
                                            : ui::ScenarioReadResult{attn::tutorialScenario(), {}},
                              lessonManifest(operands));
    }
    if (parser.isSet(presetOption) && !operands.isEmpty())
        return usageError(
            Text::tr("give %1 either a FILE or --preset NAME, not both").arg(command));
    if (!parser.isSet(presetOption) && operands.isEmpty())
        return usageError(Text::tr("%1 needs a FILE or --preset NAME").arg(command));
    return exportScenario(command, parser, options,
                          parser.isSet(presetOption) ? ui::loadPreset(parser.value(presetOption))
                                                     : ui::readScenarioFile(operands.first()),
                          std::nullopt);
}

} // namespace attn::app
