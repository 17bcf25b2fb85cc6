#pragma once

// Helpers shared by the export tests: a scenario from the presets, and the
// poppler tools that read a PDF back (pdfinfo, pdftotext).

#include "attention.h"
#include "presets.h"

#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QtTest>

namespace export_fixture {

struct Computed
{
    attn::Scenario scenario;
    attn::Trace trace;
};

inline Computed preset(const QString &name)
{
    const attn::ui::ScenarioReadResult loaded = attn::ui::loadPreset(name);
    if (!loaded.ok())
        qFatal("preset %s: %s", qPrintable(name), qPrintable(loaded.error));
    attn::Result<attn::Trace> trace = attn::compute(*loaded.scenario);
    if (!trace)
        qFatal("preset %s does not compute", qPrintable(name));
    return {*loaded.scenario, *trace};
}

/// Runs a poppler tool on a PDF file; empty with a warning if it failed.
inline QString popplerOutput(const QString &tool, const QStringList &arguments)
{
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        qWarning("%s failed: %s", qPrintable(tool), process.readAllStandardError().constData());
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

inline bool hasPoppler()
{
    return !QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty() &&
           !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty();
}

/// "Pages: 10" from pdfinfo; −1 if it cannot be read.
inline int pdfPageCount(const QString &path)
{
    const QString info = popplerOutput(QStringLiteral("pdfinfo"), {path});
    for (const QString &line : info.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Pages:")))
            return line.mid(6).trimmed().toInt();
    }
    return -1;
}

/// "Page size: 960 x 540 pts" from pdfinfo.
inline QString pdfPageSize(const QString &path)
{
    const QString info = popplerOutput(QStringLiteral("pdfinfo"), {path});
    for (const QString &line : info.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Page size:")))
            return line.mid(10).trimmed();
    }
    return {};
}

inline QString pdfText(const QString &path)
{
    return popplerOutput(QStringLiteral("pdftotext"),
                         {QStringLiteral("-layout"), path, QStringLiteral("-")});
}

} // namespace export_fixture
