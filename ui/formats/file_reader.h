#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace attn::ui {

/// The largest file the app reads as input (a scenario, a lesson, a lesson's
/// Markdown step): 64 MiB. A scenario at the limits (1024 × 1024 numbers in
/// each of its matrices) is about 30 MiB of JSON.
inline constexpr qint64 maxInputFileBytes = 64 * 1024 * 1024;

/// A whole input file, or why it was not read.
struct InputFile
{
    QByteArray bytes;
    /// Empty when the file was read; else one sentence without the file's
    /// name, which the caller puts in front ("cannot read the file: …").
    QString error;

    bool ok() const { return error.isEmpty(); }
};

/// Reads a file the app takes as input. Refuses, before reading anything,
/// what is not a regular file (a folder; a device such as /dev/zero, which
/// would read forever; a pipe) and files over `limit` bytes. Never reads more
/// than `limit` bytes, even from a file that grows while it is read.
InputFile readInputFile(const QString &path, qint64 limit = maxInputFileBytes);

} // namespace attn::ui
