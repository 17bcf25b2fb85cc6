#include "recovery_file.h"

#include "file_reader.h"
#include "scenario_reader.h"
#include "scenario_writer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>
#include <algorithm>

namespace attn::ui {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(RecoveryFile)
};

/// A recovery file is a scenario and a short header: it is read with the
/// scenario's size limit and room for the header.
constexpr qint64 maxRecoveryBytes = maxInputFileBytes + 64 * 1024;

RecoveryReadResult failure(const QString &message)
{
    return {std::nullopt, message};
}

} // namespace

QByteArray writeRecovery(const Scenario &scenario, const QString &originalPath,
                         const QDateTime &savedAt)
{
    QJsonObject header;
    header[QStringLiteral("format")] = QLatin1String(recoveryFormatName);
    header[QStringLiteral("version")] = recoveryFormatVersion;
    header[QStringLiteral("saved_at")] = savedAt.toUTC().toString(Qt::ISODateWithMs);
    header[QStringLiteral("file")] = originalPath;
    // The scenario is spliced in as the scenario writer wrote it, so the
    // numbers keep all their digits and are written once, not re-encoded.
    QByteArray bytes = QJsonDocument(header).toJson(QJsonDocument::Compact);
    bytes.chop(1); // the closing brace
    bytes += ",\"scenario\":\n";
    bytes += writeScenario(scenario);
    bytes += "}\n";
    return bytes;
}

RecoveryReadResult readRecovery(const QByteArray &json, const QString &origin)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return failure(Text::tr("%1: not a recovery file (%2)")
                           .arg(origin, parseError.error != QJsonParseError::NoError
                                            ? parseError.errorString()
                                            : Text::tr("not a JSON object")));
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(recoveryFormatName))
        return failure(Text::tr("%1: not a recovery file (format is not \"%2\")")
                           .arg(origin, QLatin1String(recoveryFormatName)));
    if (root.value(QStringLiteral("version")).toInt() != recoveryFormatVersion)
        return failure(Text::tr("%1: recovery file version %2 is not known (this version "
                                "reads %3)")
                           .arg(origin)
                           .arg(root.value(QStringLiteral("version")).toInt())
                           .arg(recoveryFormatVersion));
    const QJsonValue inner = root.value(QStringLiteral("scenario"));
    if (!inner.isObject())
        return failure(Text::tr("%1: the recovery file holds no scenario").arg(origin));
    const ScenarioReadResult scenario =
        readScenario(QJsonDocument(inner.toObject()).toJson(QJsonDocument::Compact), origin);
    if (!scenario.ok())
        return failure(scenario.error);
    RecoveryCopy copy{
        *scenario.scenario, root.value(QStringLiteral("file")).toString(),
        QDateTime::fromString(root.value(QStringLiteral("saved_at")).toString(), Qt::ISODateWithMs)
            .toLocalTime()};
    return {std::move(copy), QString()};
}

QString recoveryDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/recovery");
}

QString recoveryLockPath(const QString &recoveryPath)
{
    QString lock = recoveryPath;
    if (lock.endsWith(QLatin1String(".json")))
        lock.chop(5);
    return lock + QStringLiteral(".lock");
}

void OrphanedRecovery::remove()
{
    QFile::remove(path);
    release();
}

void OrphanedRecovery::release()
{
    if (lock)
        lock->unlock(); // deletes the lock file
    lock.reset();
}

std::vector<OrphanedRecovery> claimOrphanedRecoveries(const QString &directory)
{
    std::vector<OrphanedRecovery> found;
    const QFileInfoList files =
        QDir(directory).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Time);
    for (const QFileInfo &info : files) {
        auto lock = std::make_shared<QLockFile>(recoveryLockPath(info.filePath()));
        // Age never makes a lock stale, only a dead owner: a learner may
        // keep a window open for days.
        lock->setStaleLockTime(0);
        if (!lock->tryLock(0))
            continue; // a running instance owns it, or the folder is not ours to lock
        OrphanedRecovery orphan{info.filePath(), {}, lock};
        const QString shown = QDir::toNativeSeparators(info.filePath());
        const InputFile file = readInputFile(info.filePath(), maxRecoveryBytes);
        orphan.content =
            file.ok() ? readRecovery(file.bytes, shown)
                      : failure(Text::tr("%1: cannot read the file: %2").arg(shown, file.error));
        found.push_back(std::move(orphan));
    }
    // Oldest first: the work of the first crash is offered first.
    std::stable_sort(found.begin(), found.end(),
                     [](const OrphanedRecovery &a, const OrphanedRecovery &b) {
                         return QFileInfo(a.path).lastModified() < QFileInfo(b.path).lastModified();
                     });
    return found;
}

} // namespace attn::ui
