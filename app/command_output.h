#pragma once

#include <QCoreApplication>
#include <QString>
#include <cstdio>

class QByteArray;

namespace attn::app {

/// The translation context of everything the command line says.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

/// The exit statuses of every command.
constexpr int exitOk = 0;
constexpr int exitOutputFailed = 1;
constexpr int exitBadInput = 2;

/// Writes everything or reports that it could not; the output is built before.
bool writeAll(std::FILE *stream, const QByteArray &bytes);
/// Says on stderr that stdout could not be written: exitOutputFailed.
int outputFailed();
/// The command's result on stdout: exitOk, or exitOutputFailed with a line on stderr.
int printOutput(const QByteArray &bytes);
/// One line on stderr, nothing on stdout: exitBadInput.
int fail(const QString &message);
/// fail() with a pointer to --help, for arguments that do not fit a command.
int usageError(const QString &message);

} // namespace attn::app
