#include "command_line.h"

#include "attention.h"
#include "command_arguments.h"
#include "command_output.h"
#include "error_text.h"
#include "export_commands.h"
#include "main_window.h"
#include "presets.h"
#include "recovery_file.h"
#include "recovery_prompt.h"
#include "scenario_file.h"
#include "test_hooks.h"
#include "trace_json.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <algorithm>

namespace attn::app {

namespace {

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

int computeCommand(const ui::ScenarioReadResult &loaded)
{
    if (!loaded.ok())
        return fail(loaded.error);
    const Result<Trace> trace = compute(*loaded.scenario);
    if (!trace)
        return fail(ui::errorText(trace.error()));
    // Streamed: at 1024 tokens the text is over 100 MB.
    const bool written = ui::writeTraceJson(*loaded.scenario, *trace, [](const QByteArray &piece) {
        return std::fwrite(piece.constData(), 1, std::size_t(piece.size()), stdout) ==
               std::size_t(piece.size());
    });
    return written && std::fflush(stdout) == 0 ? exitOk : outputFailed();
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
    if (const QString misplaced = misplacedExportOption(command, parser, exportOptions);
        !misplaced.isEmpty())
        return usageError(misplaced);
    if (isExportCommand(command.toUtf8()))
        return exportCommand(command, operands, parser, presetOption, exportOptions);
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
    // Work a crash left behind is offered back once the window is set up; a
    // restore takes the window's place of the file or the lesson step.
    ui::offerRecovery(window, recoveryAnswerFromEnvironment(), ui::recoveryDirectory());
    applyTestEdit(window);
    return QApplication::exec();
}

} // namespace attn::app
