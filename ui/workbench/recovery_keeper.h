#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>
#include <memory>

class QLockFile;

namespace attn::ui {

class Document;

/// The autosave of one open document: while it has unsaved changes, a
/// recovery copy of it (see recovery_file.h) is kept in the recovery folder,
/// so a crash or a kill loses at most the last few seconds of work.
///
/// A change starts a short wait (delay(), 2 s, started again by each change,
/// but never more than maxWait(), 10 s, after the first unwritten change);
/// then the scenario is copied and handed to a writer thread, which turns it
/// into JSON and writes it through replaceFileContents(), the same safe
/// writer as File > Save. The window's thread only copies the scenario.
/// When the document becomes unmodified again (saved, replaced, undone to
/// the saved state) the copy is removed; so it is when the keeper ends with
/// its window. A copy that cannot be written is reported by writeFailed()
/// and tried again after the next change; the work itself is never touched.
///
/// Each keeper has a file of its own (a fresh name per keeper) and holds its
/// lock for as long as it lives, so several windows and several instances
/// never write over each other's copies, and a start-up never offers the
/// copy of a running window.
class RecoveryKeeper : public QObject
{
    Q_OBJECT

public:
    explicit RecoveryKeeper(Document *document, const QString &directory,
                            QObject *parent = nullptr);
    ~RecoveryKeeper() override;

    /// This document's recovery file (it exists only while there is unsaved work).
    QString recoveryPath() const { return m_path; }

    int delay() const { return m_timer.interval(); }
    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    int maxWait() const { return m_maxWait; }
    void setMaxWait(int milliseconds) { m_maxWait = milliseconds; }

    /// Writes the copy without waiting for the delay (restored work, which
    /// has nothing else on disk yet). Nothing happens when there is no unsaved work.
    void saveCopyNow();
    /// Removes the copy now (the window closed cleanly). Later changes write again.
    void discard();

    struct Shared; // the writer thread's inbox

signals:
    /// A copy of the work is on disk.
    void written(const QString &path);
    /// The copy could not be written; `reason` is the system's words.
    void writeFailed(const QString &reason);
    /// The copy was removed (or there was none to remove).
    void removed();

private:
    void changed();
    void modifiedChanged(bool modified);
    void post(bool write);

    Document *m_document;
    QString m_directory;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_timer;
    QElapsedTimer m_firstUnwritten;
    int m_maxWait = 10000;
    std::shared_ptr<Shared> m_shared;
    QThreadPool m_writer;
};

} // namespace attn::ui
