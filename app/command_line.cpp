#include "command_line.h"

#include "attention.h"
#include "deck_export.h"
#include "error_text.h"
#include "figure_export.h"
#include "file_writer.h"
#include "lesson.h"
#include "main_window.h"
#include "numpy_script.h"
#include "presets.h"
#include "scenario_file.h"
#include "stage_labels.h"
#include "stage_text.h"
#include "trace_json.h"
#include "trace_tables.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace attn::app {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

constexpr int exitOk = 0;
constexpr int exitOutputFailed = 1;
constexpr int exitBadInput = 2;

const char *const commandCompute = "compute";
const char *const commandPresets = "presets";
const char *const commandExport = "export";
const char *const commandExportDeck = "export-deck";
const char *const commandExportCode = "export-code";
const char *const commandExportLatex = "export-latex";
const char *const commandExportCsv = "export-csv";

/// The export commands: they read a scenario like compute and write a file.
bool isExportCommand(const QByteArray &argument)
{
    return argument == commandExport || argument == commandExportDeck ||
           argument == commandExportCode || argument == commandExportLatex ||
           argument == commandExportCsv;
}

/// Names, version and the user's language, for the window and the command line alike.
void setUpApplication(QCoreApplication &app)
{
    // Settings live in ~/.config/Attention Lab/attention-lab.conf.
    QCoreApplication::setOrganizationName(QStringLiteral("Attention Lab"));
    QCoreApplication::setApplicationName(QStringLiteral("attention-lab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ATTENTION_LAB_VERSION));

    const QLocale locale;
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *appTranslator = new QTranslator(&app);
    if (appTranslator->load(locale, QStringLiteral("attention-lab"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(appTranslator);
}

/// Writes everything or reports that it could not; the output is built before.
bool writeAll(std::FILE *stream, const QByteArray &bytes)
{
    return std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stream) ==
               static_cast<std::size_t>(bytes.size()) &&
           std::fflush(stream) == 0;
}

int printOutput(const QByteArray &bytes)
{
    if (writeAll(stdout, bytes))
        return exitOk;
    const QString message =
        Text::tr("%1: cannot write the output: %2")
            .arg(QCoreApplication::applicationName(), QString::fromLocal8Bit(std::strerror(errno)));
    writeAll(stderr, (message + QLatin1Char('\n')).toLocal8Bit());
    return exitOutputFailed;
}

/// One line on stderr, nothing on stdout.
int fail(const QString &message)
{
    const QString line =
        QCoreApplication::applicationName() + QStringLiteral(": ") + message + QLatin1Char('\n');
    writeAll(stderr, line.toLocal8Bit());
    return exitBadInput;
}

int usageError(const QString &message)
{
    return fail(Text::tr("%1 (see %2 --help)").arg(message, QCoreApplication::applicationName()));
}

int computeCommand(const ui::ScenarioReadResult &loaded)
{
    if (!loaded.ok())
        return fail(loaded.error);
    const Result<Trace> trace = compute(*loaded.scenario);
    if (!trace)
        return fail(ui::errorText(trace.error()));
    return printOutput(ui::traceToJsonText(*loaded.scenario, *trace));
}

int presetsCommand()
{
    const QList<ui::PresetInfo> list = ui::presets();
    qsizetype width = 0;
    for (const ui::PresetInfo &preset : list)
        width = std::max(width, preset.name.size());
    QString text;
    for (const ui::PresetInfo &preset : list)
        text += preset.name.leftJustified(width + 2) + preset.description + QLatin1Char('\n');
    return printOutput(text.toLocal8Bit());
}

/// The options of the export commands, each valid for some of them only.
struct ExportOptions
{
    QCommandLineOption stage{QStringLiteral("stage"),
                             Text::tr("export, export-latex: the stage (embeddings, queries, keys, "
                                      "values, scores, scaled, masked, weights, output, concat, "
                                      "projected; export also: pipeline)."),
                             Text::tr("STAGE")};
    QCommandLineOption head{QStringLiteral("head"),
                            Text::tr("export: the head of per-head stages, from 1 (default 1)."),
                            Text::tr("N")};
    QCommandLineOption format{QStringLiteral("format"),
                              Text::tr("export: png, svg or pdf (default: from --out's suffix)."),
                              Text::tr("FORMAT")};
    QCommandLineOption out{{QStringLiteral("o"), QStringLiteral("out")},
                           Text::tr("export commands: the file to write."),
                           Text::tr("PATH")};
    QCommandLineOption width{QStringLiteral("width"),
                             Text::tr("export: the width in pixels (default 1200)."),
                             Text::tr("W")};
    QCommandLineOption height{QStringLiteral("height"),
                              Text::tr("export: the height in pixels (default 900)."),
                              Text::tr("H")};
    QCommandLineOption scale{QStringLiteral("scale"),
                             Text::tr("export: PNG pixels per pixel, 1 to 4 (default 1)."),
                             Text::tr("S")};
    QCommandLineOption theme{QStringLiteral("theme"),
                             Text::tr("export, export-deck: light (default) or dark."),
                             Text::tr("THEME")};
    QCommandLineOption values{QStringLiteral("values"),
                              Text::tr("export: on (default) or off, the numbers in the cells."),
                              Text::tr("on|off")};
    QCommandLineOption transparent{QStringLiteral("transparent"),
                                   Text::tr("export: no background.")};
    QCommandLineOption decimals{QStringLiteral("decimals"),
                                Text::tr("export-latex: decimals of the numbers, 0 to 10 "
                                         "(default 2)."),
                                Text::tr("D")};
    QCommandLineOption page{QStringLiteral("page"),
                            Text::tr("export-deck: widescreen (16:9, default) or a4."),
                            Text::tr("PAGE")};
    QCommandLineOption colormap{QStringLiteral("colormap"),
                                Text::tr("export, export-deck: the colour map of the weights "
                                         "(viridis, default; cividis; magma) or of the signed "
                                         "stages (rdbu, default; puor), or greys for both; may "
                                         "be given twice."),
                                Text::tr("NAME")};
    QCommandLineOption lesson{QStringLiteral("lesson"),
                              Text::tr("export-deck: the guided lesson instead of a scenario, one "
                                       "step a page: the shipped lesson, or the lesson.json (or "
                                       "its folder) given as PATH.")};

    void addTo(QCommandLineParser &parser) const
    {
        for (const QCommandLineOption *option : all())
            parser.addOption(*option);
    }
    QList<const QCommandLineOption *> all() const
    {
        return {&stage, &head,  &format, &out,         &width,    &height,
                &scale, &theme, &values, &transparent, &decimals, &page, &colormap, &lesson};
    }
};

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

/// A whole number in [low, high] from an option, or an error message.
std::optional<int> wholeNumber(const QString &text, int low, int high)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < low || value > high)
        return std::nullopt;
    return value;
}

std::optional<Stage> stageNamed(const QString &name)
{
    for (int index = 0; index < stageCount; ++index) {
        if (ui::stage_text::key(Stage(index)) == name)
            return Stage(index);
    }
    return std::nullopt;
}

QString stageNames()
{
    QStringList names;
    for (int index = 0; index < stageCount; ++index)
        names << ui::stage_text::key(Stage(index));
    return names.join(QStringLiteral(", "));
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
int exportCommand(const QString &command, const QCommandLineParser &parser, const ExportOptions &o,
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
            return usageError(Text::tr("unknown colour map \"%1\"; the colour maps are %2 (for "
                                       "the weights), %3 (for the signed stages) and %4 (for both)")
                                  .arg(name, weights.join(comma), signedStages.join(comma),
                                       both.join(comma)));
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

bool isHeadless(int argc, char *argv[])
{
    // A first argument that is not an option is a command, known or not: an
    // unknown one is reported without opening a display. The others are
    // looked for anywhere, so "--preset x compute" is headless too; the
    // window's own options (-platform, -style …) are left to QApplication.
    if (argc > 1 && argv[1][0] != '-') {
        // …except a scenario file, which opens in the window (as a file
        // manager or the desktop entry's "attention-lab %f" passes it).
        const QByteArray first(argv[1]);
        const bool command =
            first == commandCompute || first == commandPresets || isExportCommand(first);
        return command || !(first.endsWith(".json") || QFileInfo::exists(QFile::decodeName(first)));
    }
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == commandCompute || argument == commandPresets || isExportCommand(argument) ||
            argument == "-h" || argument == "--help" || argument == "-?" ||
            argument == "--help-all" || argument == "-v" || argument == "--version" ||
            argument == "-p" || argument == "--preset" || argument.startsWith("--preset="))
            return true;
    }
    return false;
}

bool drawsFigures(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (isExportCommand(QByteArray(argv[i])))
            return true;
    }
    return false;
}

void quietenPlatformWarnings()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (type == QtCriticalMsg || type == QtFatalMsg)
            writeAll(stderr, (message + QLatin1Char('\n')).toLocal8Bit());
    });
}

int runHeadless(QCoreApplication &app)
{
    setUpApplication(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Attention Lab: learn the attention mechanism by doing it.\n"
                 "\n"
                 "Commands:\n"
                 "  compute FILE           print every matrix the scenario FILE computes, as JSON\n"
                 "  compute --preset NAME  the same for a built-in scenario\n"
                 "  presets                list the built-in scenarios\n"
                 "  export (FILE | --preset NAME) --stage STAGE --out PATH [--format png|svg|pdf]\n"
                 "         [--head N] [--width W --height H --scale S] [--theme light|dark]\n"
                 "         [--values on|off] [--transparent] [--colormap NAME]\n"
                 "                         one stage's heatmap, or --stage pipeline, as a figure\n"
                 "  export-deck (FILE | --preset NAME) --out deck.pdf [--page widescreen|a4]\n"
                 "         [--theme light|dark] [--colormap NAME]\n"
                 "                         the pipeline as a PDF deck, one stage a page\n"
                 "  export-deck --lesson [PATH] --out lesson.pdf [--page ...] [--theme ...]\n"
                 "                         the guided lesson (the shipped one, or the lesson.json\n"
                 "                         or folder PATH) as a PDF deck, one step a page\n"
                 "  export-code (FILE | --preset NAME) --out attention.py\n"
                 "                         a NumPy script that computes the same numbers\n"
                 "  export-latex (FILE | --preset NAME) [--stage STAGE] [--decimals D] --out PATH\n"
                 "                         the matrices as LaTeX bmatrix blocks\n"
                 "  export-csv (FILE | --preset NAME) --out PATH\n"
                 "                         every matrix as CSV, one section each\n"
                 "\n"
                 "Without a command the window opens on the tutorial's example,\n"
                 "or on FILE.json when a scenario file is given.\n"
                 "Exit status: 0 done, 1 the output could not be written,\n"
                 "2 bad arguments or a bad scenario."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption presetOption(
        {QStringLiteral("p"), QStringLiteral("preset")},
        Text::tr("compute, export commands: the built-in scenario NAME instead of a file "
                 "(see: presets)."),
        Text::tr("NAME"));
    parser.addOption(presetOption);
    const ExportOptions exportOptions;
    exportOptions.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("command"),
                                 Text::tr("compute, presets, export, export-deck, export-code, "
                                          "export-latex or export-csv."),
                                 QStringLiteral("[command]"));
    parser.addPositionalArgument(QStringLiteral("file"),
                                 Text::tr("compute, export commands: the scenario file (.json)."),
                                 QStringLiteral("[FILE]"));

    if (!parser.parse(QCoreApplication::arguments())) {
        QString message = parser.errorText(); // "Unknown option 'x'."
        if (message.endsWith(QLatin1Char('.')))
            message.chop(1);
        return usageError(message);
    }
    if (parser.isSet(helpOption) || parser.isSet(QStringLiteral("help-all")))
        return printOutput(parser.helpText().toLocal8Bit());
    if (parser.isSet(versionOption)) {
        return printOutput((QCoreApplication::applicationName() + QLatin1Char(' ') +
                            QCoreApplication::applicationVersion() + QLatin1Char('\n'))
                               .toLocal8Bit());
    }

    const QStringList arguments = parser.positionalArguments();
    const QString command = arguments.value(0);
    const QStringList operands = arguments.mid(1);
    // Export options belong to the export commands that take them.
    for (const QCommandLineOption *option : exportOptions.all()) {
        if (parser.isSet(*option) && !optionsOf(command, exportOptions).contains(option)) {
            const QString name = option->names().constLast();
            QStringList owners;
            for (const char *exporter : {commandExport, commandExportDeck, commandExportCode,
                                         commandExportLatex, commandExportCsv}) {
                if (optionsOf(QLatin1String(exporter), exportOptions).contains(option))
                    owners << QLatin1String(exporter);
            }
            return usageError(
                Text::tr("--%1 belongs to %2").arg(name, owners.join(QStringLiteral(", "))));
        }
    }
    if (isExportCommand(command.toUtf8())) {
        if (operands.size() > 1)
            return usageError(Text::tr("%1 takes one FILE, found %2 arguments")
                                  .arg(command)
                                  .arg(operands.size()));
        if (parser.isSet(exportOptions.lesson)) {
            // The one operand, if any, is the lesson's path, not a scenario.
            if (parser.isSet(presetOption))
                return usageError(Text::tr("give export-deck either --lesson [PATH] or a FILE or "
                                           "--preset NAME, not both"));
            const ui::ScenarioReadResult tutorial =
                ui::loadPreset(QLatin1String(ui::tutorialPresetName));
            return exportCommand(command, parser, exportOptions,
                                 tutorial.ok() ? tutorial
                                               : ui::ScenarioReadResult{attn::tutorialScenario(), {}},
                                 lessonManifest(operands));
        }
        if (parser.isSet(presetOption) && !operands.isEmpty())
            return usageError(
                Text::tr("give %1 either a FILE or --preset NAME, not both").arg(command));
        if (!parser.isSet(presetOption) && operands.isEmpty())
            return usageError(Text::tr("%1 needs a FILE or --preset NAME").arg(command));
        return exportCommand(command, parser, exportOptions,
                             parser.isSet(presetOption) ? ui::loadPreset(parser.value(presetOption))
                                                        : ui::readScenarioFile(operands.first()),
                             std::nullopt);
    }
    if (command == QLatin1String(commandPresets)) {
        if (!operands.isEmpty())
            return usageError(Text::tr("presets takes no arguments, found \"%1\"")
                                  .arg(operands.join(QLatin1Char(' '))));
        if (parser.isSet(presetOption))
            return usageError(Text::tr("--preset belongs to compute"));
        return presetsCommand();
    }
    if (command == QLatin1String(commandCompute)) {
        if (operands.size() > 1)
            return usageError(
                Text::tr("compute takes one FILE, found %1 arguments").arg(operands.size()));
        if (parser.isSet(presetOption)) {
            if (!operands.isEmpty())
                return usageError(Text::tr("give compute either a FILE or --preset NAME, "
                                           "not both"));
            return computeCommand(ui::loadPreset(parser.value(presetOption)));
        }
        if (operands.isEmpty())
            return usageError(Text::tr("compute needs a FILE or --preset NAME"));
        return computeCommand(ui::readScenarioFile(operands.first()));
    }
    if (command.isEmpty() && parser.isSet(presetOption))
        return usageError(Text::tr("--preset belongs to compute and the export commands"));
    return usageError(Text::tr("unknown command \"%1\"; the commands are compute, presets, "
                               "export, export-deck, export-code, export-latex and export-csv")
                          .arg(command));
}

int runWindow(QApplication &app)
{
    setUpApplication(app);

    // QApplication has taken its own options (-platform, -style …) out already.
    QStringList arguments = QCoreApplication::arguments().mid(1);
    QString file;
    if (!arguments.isEmpty() && !arguments.first().startsWith(QLatin1Char('-')))
        file = arguments.takeFirst();
    if (!arguments.isEmpty())
        return usageError(Text::tr("unknown option \"%1\"").arg(arguments.first()));

    const ui::ScenarioReadResult tutorial = ui::loadPreset(QLatin1String(ui::tutorialPresetName));
    ui::MainWindow window(tutorial.ok() ? *tutorial.scenario : tutorialScenario());
    window.show();
    // A file that cannot be read says why in a dialog; the tutorial stays open.
    // Without a file, the workbench shows the lesson step the learner is at.
    if (!file.isEmpty())
        window.openFile(file);
    else
        window.startLesson();
    return QApplication::exec();
}

} // namespace attn::app
