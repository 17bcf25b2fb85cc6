#include "command_output.h"

#include <QByteArray>
#include <cerrno>
#include <cstring>

namespace attn::app {

bool writeAll(std::FILE *stream, const QByteArray &bytes)
{
    return std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stream) ==
               static_cast<std::size_t>(bytes.size()) &&
           std::fflush(stream) == 0;
}

int outputFailed()
{
    const QString message =
        Text::tr("%1: cannot write the output: %2")
            .arg(QCoreApplication::applicationName(), QString::fromLocal8Bit(std::strerror(errno)));
    writeAll(stderr, (message + QLatin1Char('\n')).toLocal8Bit());
    return exitOutputFailed;
}

int printOutput(const QByteArray &bytes)
{
    return writeAll(stdout, bytes) ? exitOk : outputFailed();
}

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

} // namespace attn::app
