#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace attn::app {

/// The options of the export commands, each valid for some of them only.
struct ExportOptions
{
    ExportOptions();

    void addTo(QCommandLineParser &parser) const;
    QList<const QCommandLineOption *> all() const;

    QCommandLineOption stage;
    QCommandLineOption head;
    QCommandLineOption format;
    QCommandLineOption out;
    QCommandLineOption width;
    QCommandLineOption height;
    QCommandLineOption scale;
    QCommandLineOption theme;
    QCommandLineOption values;
    QCommandLineOption transparent;
    QCommandLineOption decimals;
    QCommandLineOption page;
    QCommandLineOption colormap;
    QCommandLineOption lesson;
};

/// The first export option given to a command that does not take it, as a
/// usage message ("--stage belongs to export, export-latex"); empty when
/// every option given belongs to the command.
QString misplacedExportOption(const QString &command, const QCommandLineParser &parser,
                              const ExportOptions &options);

/// Runs an export command (export, export-deck, export-code, export-latex,
/// export-csv) on FILE, --preset NAME or, for export-deck, --lesson [PATH]:
/// every argument is checked before any work is done, and the file is
/// written through a temporary file, so a failure leaves nothing behind.
int exportCommand(const QString &command, const QStringList &operands,
                  const QCommandLineParser &parser, const QCommandLineOption &presetOption,
                  const ExportOptions &options);

} // namespace attn::app
