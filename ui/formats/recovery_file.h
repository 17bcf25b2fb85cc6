#pragma once

#include "scenario.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

class QLockFile;

namespace attn::ui {

/// A recovery file: the unsaved work of one open document, written by the
/// autosave so that a crash, a kill or a power cut loses at most the last
/// few seconds. It wraps an ordinary scenario with what the restore question
/// needs to name:
///
/// {"format": "attention-lab-recovery", "version": 1,
///  "saved_at": "2026-12-03T14:32:05Z", "file": "/home/me/lesson.json",
///  "scenario": {... a scenario file, see scenario_file.h ...}}
///
/// `file` is the document's own file, empty for work never saved. Each open
/// document has its own file, NAME.json, in recoveryDirectory(), guarded by
/// NAME.lock (a QLockFile holding the owner's process id): while the owner
/// runs, the lock is held and nobody else touches the file; after a crash the
/// lock is stale and the next start offers the work back.
inline constexpr char recoveryFormatName[] = "attention-lab-recovery";
inline constexpr int recoveryFormatVersion = 1;

struct RecoveryCopy
{
    Scenario scenario;
    QString originalPath; ///< the document's file; empty if it had none
    QDateTime savedAt;    ///< when the copy was taken (local time)
};

struct RecoveryReadResult
{
    std::optional<RecoveryCopy> copy;
    QString error; ///< what is wrong, naming the file

    bool ok() const { return copy.has_value(); }
};

QByteArray writeRecovery(const Scenario &scenario, const QString &originalPath,
                         const QDateTime &savedAt);
RecoveryReadResult readRecovery(const QByteArray &json, const QString &origin);

/// The folder of the recovery files: "recovery" in the user's data location
/// (QStandardPaths::AppDataLocation, ~/.local/share/Attention Lab/attention-lab
/// on Linux).
QString recoveryDirectory();
/// The lock file that guards a recovery file (NAME.json → NAME.lock).
QString recoveryLockPath(const QString &recoveryPath);

/// A recovery file whose owner is gone, claimed by this process: its lock is
/// held, so no other instance offers it at the same time.
struct OrphanedRecovery
{
    QString path;
    RecoveryReadResult content;
    std::shared_ptr<QLockFile> lock;

    /// Deletes the file and its lock: the work was restored or discarded.
    void remove();
    /// Gives the claim up and leaves the file to be offered at the next start.
    void release();
};

/// The recovery files in `directory` whose lock is free or stale (the owner
/// crashed or was killed), oldest first, each claimed. Files of a running
/// instance, this one included, are left alone.
std::vector<OrphanedRecovery> claimOrphanedRecoveries(const QString &directory);

} // namespace attn::ui
