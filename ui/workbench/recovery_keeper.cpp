#include "recovery_keeper.h"

#include "document.h"
#include "file_writer.h"
#include "recovery_file.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QMutex>
#include <QUuid>
#include <optional>

namespace attn::ui {

namespace {

constexpr int defaultDelayMs = 2000;

/// One piece of work for the writer thread: a copy to write, or the file to remove.
struct RecoveryJob
{
    bool write = false;
    Scenario scenario;
    QString originalPath;
    QDateTime savedAt;
};

} // namespace

/// Only the latest job counts: a copy taken while an older one is still
/// being written replaces any copy still waiting, and a removal replaces a
/// copy not yet written. One thread works the inbox, so the file sees the
/// jobs in the order they were posted.
struct RecoveryKeeper::Shared
{
    QMutex mutex;
    std::optional<RecoveryJob> pending;
    bool draining = false;
};

RecoveryKeeper::RecoveryKeeper(Document *document, const QString &directory, QObject *parent)
    : QObject(parent), m_document(document), m_directory(directory),
      m_path(QDir(directory).filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) +
                                      QStringLiteral(".json"))),
      m_shared(std::make_shared<Shared>())
{
    m_writer.setMaxThreadCount(1);
    m_timer.setSingleShot(true);
    m_timer.setInterval(defaultDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &RecoveryKeeper::saveCopyNow);
    connect(document, &Document::scenarioChanged, this, &RecoveryKeeper::changed);
    connect(document, &Document::filePathChanged, this, &RecoveryKeeper::changed);
    connect(document, &Document::modifiedChanged, this, &RecoveryKeeper::modifiedChanged);
    if (document->isModified())
        changed();
}

RecoveryKeeper::~RecoveryKeeper()
{
    // Ending with the window (a clean quit): the copy goes, after any write
    // in flight, so that no late write brings it back.
    m_timer.stop();
    m_writer.waitForDone();
    QFile::remove(m_path);
    m_lock.reset(); // unlocks and deletes the lock file
}

void RecoveryKeeper::discard()
{
    m_timer.stop();
    post(false);
}

void RecoveryKeeper::changed()
{
    if (!m_document->isModified())
        return;
    if (!m_timer.isActive())
        m_firstUnwritten.start();
    // Keep waiting while the learner is busy, but not for ever: a long drag
    // is written at least every maxWait().
    const qint64 waited = m_firstUnwritten.elapsed();
    if (m_timer.isActive() && waited + m_timer.interval() > m_maxWait)
        return;
    m_timer.start();
}

void RecoveryKeeper::modifiedChanged(bool modified)
{
    if (modified) {
        changed();
        return;
    }
    discard();
}

void RecoveryKeeper::saveCopyNow()
{
    m_timer.stop();
    if (!m_document->isModified())
        return;
    if (!m_lock) {
        QDir().mkpath(m_directory);
        auto lock = std::make_unique<QLockFile>(recoveryLockPath(m_path));
        lock->setStaleLockTime(0);
        // The name is fresh, so the lock is free; when the folder cannot be
        // written, the write below fails and says why.
        if (lock->tryLock(0))
            m_lock = std::move(lock);
    }
    post(true);
}

void RecoveryKeeper::post(bool write)
{
    RecoveryJob job;
    job.write = write;
    if (write) {
        job.scenario = m_document->scenario(); // the only work on this thread: a copy
        job.originalPath = m_document->filePath();
        job.savedAt = QDateTime::currentDateTime();
    }
    {
        QMutexLocker locker(&m_shared->mutex);
        m_shared->pending = std::move(job);
        if (m_shared->draining)
            return; // the writer takes it when it is done with the one before
        m_shared->draining = true;
    }
    const std::shared_ptr<Shared> shared = m_shared;
    const QString path = m_path;
    m_writer.start([this, shared, path] {
        for (;;) {
            std::optional<RecoveryJob> job;
            {
                QMutexLocker locker(&shared->mutex);
                job.swap(shared->pending);
                if (!job) {
                    shared->draining = false;
                    return;
                }
            }
            if (!job->write) {
                QFile::remove(path);
                QMetaObject::invokeMethod(
                    this, [this] { emit removed(); }, Qt::QueuedConnection);
                continue;
            }
            QString reason;
            QDir().mkpath(QFileInfo(path).path()); // it may have been deleted meanwhile
            const QByteArray bytes = writeRecovery(job->scenario, job->originalPath, job->savedAt);
            // The keeper outlives this task (its destructor waits for the
            // writer), and a report queued to it after it is gone is dropped.
            if (replaceFileContents(path, bytes, &reason))
                QMetaObject::invokeMethod(
                    this, [this, path] { emit written(path); }, Qt::QueuedConnection);
            else
                QMetaObject::invokeMethod(
                    this, [this, reason] { emit writeFailed(reason); }, Qt::QueuedConnection);
        }
    });
}

} // namespace attn::ui
