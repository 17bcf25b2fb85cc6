#include "file_reader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <algorithm>
#include <new>

namespace attn::ui {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(InputFile)
};

QString mebibytes(qint64 bytes)
{
    return QLocale().toString(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

InputFile refused(const QString &error)
{
    InputFile file;
    file.error = error;
    return file;
}

} // namespace

InputFile readInputFile(const QString &path, qint64 limit)
{
    const QFileInfo info(path);
    // A missing file is left to open(), which names the reason as the system does.
    if (info.exists() && info.isDir())
        return refused(Text::tr("this is a folder, not a file"));
    // isFile() follows symbolic links: a link to a regular file is fine.
    if (info.exists() && !info.isFile())
        return refused(Text::tr("this is not a regular file (a device, a pipe or a socket); "
                                "only files can be opened"));
    if (info.exists() && info.size() > limit)
        return refused(Text::tr("the file is %1 MiB; files over %2 MiB are not read")
                           .arg(mebibytes(info.size()), mebibytes(limit)));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refused(Text::tr("cannot read the file: %1").arg(file.errorString()));
    InputFile input;
    try {
        // In pieces, stopping one byte past the limit (a file that grew while
        // it was read); read(limit + 1) would reserve the whole limit at once.
        // Each read reserves what it asks for, so it asks for what the size
        // said is left (and a little more, to see the end), not a whole piece:
        // a 1 KiB file costs kilobytes, not two pieces of 1 MiB.
        const qint64 expected = std::min(info.size(), limit);
        input.bytes.reserve(qsizetype(expected));
        constexpr qint64 piece = 1024 * 1024;
        constexpr qint64 beyondExpected = 4096;
        while (input.bytes.size() <= limit) {
            const qint64 left = std::max<qint64>(expected - input.bytes.size(), 0);
            const QByteArray part = file.read(std::min(
                {piece, limit + 1 - input.bytes.size(), left + beyondExpected}));
            if (part.isEmpty())
                break;
            input.bytes += part;
        }
    } catch (const std::bad_alloc &) {
        return refused(Text::tr("there is not enough memory to read the file"));
    }
    if (file.error() != QFileDevice::NoError)
        return refused(Text::tr("cannot read the file: %1").arg(file.errorString()));
    if (input.bytes.size() > limit)
        return refused(Text::tr("the file is over %1 MiB; files over %1 MiB are not read")
                           .arg(mebibytes(limit)));
    return input;
}

} // namespace attn::ui
