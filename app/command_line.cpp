#include "command_line.h"

#include "attention.h"
#include "error_text.h"
#include "main_window.h"
#include "presets.h"
#include "scenario_file.h"
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

/// Names, version and the user's language, for the window and the command line alike.
void setUpApplication(QCoreApplication &app)
{
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
        const bool command = first == commandCompute || first == commandPresets;
        return command || !(first.endsWith(".json") || QFileInfo::exists(QFile::decodeName(first)));
    }
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == commandCompute || argument == commandPresets || argument == "-h" ||
            argument == "--help" || argument == "-?" || argument == "--help-all" ||
            argument == "-v" || argument == "--version" || argument == "-p" ||
            argument == "--preset" || argument.startsWith("--preset="))
            return true;
    }
    return false;
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
                 "\n"
                 "Without a command the window opens on the tutorial's example,\n"
                 "or on FILE.json when a scenario file is given.\n"
                 "Exit status: 0 done, 2 bad arguments or a bad scenario."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption presetOption(
        {QStringLiteral("p"), QStringLiteral("preset")},
        Text::tr("compute: the built-in scenario NAME instead of a file (see: presets)."),
        Text::tr("NAME"));
    parser.addOption(presetOption);
    parser.addPositionalArgument(QStringLiteral("command"), Text::tr("compute or presets."),
                                 QStringLiteral("[command]"));
    parser.addPositionalArgument(QStringLiteral("file"),
                                 Text::tr("compute: the scenario file (.json)."),
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
        return usageError(Text::tr("--preset belongs to compute"));
    return usageError(
        Text::tr("unknown command \"%1\"; the commands are compute and presets").arg(command));
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
    if (!file.isEmpty())
        window.openFile(file);
    return QApplication::exec();
}

} // namespace attn::app
