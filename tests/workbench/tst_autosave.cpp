// The autosave and the restore question, in the window: unsaved work is kept
// in a recovery file of its own per window, which goes away when the work is
// saved, undone to the saved state or closed cleanly; at start-up the copies
// a crash left behind are offered (Restore / Discard / Show file), the copies
// of running windows never; and an autosave that cannot be written leaves the
// learner's work and screen alone but for a line in the status bar.
//
// The end-to-end case (the real process killed with SIGKILL) is
// tests/app/tst_crash_recovery.cpp. Every test has its own data folder
// (XDG_DATA_HOME), never the user's.

#include "document.h"
#include "main_window.h"
#include "message_box_answerer.h"
#include "presets.h"
#include "recovery_copy.h"
#include "recovery_file.h"
#include "recovery_keeper.h"
#include "recovery_prompt.h"
#include "scenario_file.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>
#include <memory>

using namespace attn;
using namespace attn::ui;
using attn::test::MessageBoxAnswerer;

namespace {

constexpr int waitMs = 10000;

Scenario tutorial()
{
    return *loadPreset(QLatin1String(tutorialPresetName)).scenario;
}

std::unique_ptr<MainWindow> openWindow()
{
    auto window = std::make_unique<MainWindow>(tutorial());
    window->recoveryKeeper()->setDelay(20); // the learner's 2 s, shortened
    window->show();
    return window;
}

using recovery_copy::firstEmbedding;

/// Leaves a copy as a crashed window would: the file, no live lock.
QString leaveOrphan(double firstValue, const QString &originalPath, const QDateTime &savedAt)
{
    Scenario scenario = tutorial();
    scenario.target.embeddings(0, 0) = firstValue;
    QDir().mkpath(recoveryDirectory());
    const QString path = QDir(recoveryDirectory()).filePath(QStringLiteral("crashed.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(writeRecovery(scenario, originalPath, savedAt));
    return path;
}

class TestAutosave : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void copyHoldsTheUnsavedWork();
    void twoWindowsKeepSeparateCopies();
    void cleanSaveRemovesTheCopy();
    void undoToTheSavedStateRemovesTheCopy();
    void cleanCloseRemovesTheCopy();
    void restoreBringsTheWorkBackUnsaved();
    void restoreIntoBusyWindowOpensAnother();
    void discardDeletesTheCopy();
    void closingTheQuestionKeepsTheCopy();
    void runningOwnersCopyIsNotOffered();
    void unreadableCopyIsNamedNotDeleted();
    void failedAutosaveLeavesTheWorkAlone();

private:
    std::unique_ptr<QTemporaryDir> m_data;
};

void TestAutosave::init()
{
    m_data = std::make_unique<QTemporaryDir>();
    QVERIFY(m_data->isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_data->path()));
    QVERIFY(recoveryDirectory().startsWith(m_data->path()));
}

void TestAutosave::cleanup()
{
    m_data.reset();
}

void TestAutosave::copyHoldsTheUnsavedWork()
{
    auto window = openWindow();
    RecoveryKeeper *keeper = window->recoveryKeeper();
    QSignalSpy written(keeper, &RecoveryKeeper::written);
    QVERIFY(!QFile::exists(keeper->recoveryPath())); // nothing unsaved, nothing written

    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    window->document()->setCell(MatrixId::Embeddings, 0, 0, 7.25);
    QVERIFY(written.wait(waitMs));
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);

    QVERIFY(keeper->recoveryPath().startsWith(recoveryDirectory()));
    const QJsonObject copy = recovery_copy::read(keeper->recoveryPath());
    QCOMPARE(copy.value(QStringLiteral("format")).toString(),
             QStringLiteral("attention-lab-recovery"));
    QCOMPARE(firstEmbedding(copy), 7.25);
    QCOMPARE(copy.value(QStringLiteral("file")).toString(), QString()); // never saved
    const QDateTime savedAt =
        QDateTime::fromString(copy.value(QStringLiteral("saved_at")).toString(), Qt::ISODateWithMs);
    QVERIFY2(savedAt >= before && savedAt <= after, qPrintable(savedAt.toString(Qt::ISODate)));
    // The work itself is untouched by the autosave.
    QVERIFY(window->document()->isModified());
    QVERIFY(window->isWindowModified());
}

void TestAutosave::twoWindowsKeepSeparateCopies()
{
    auto first = openWindow();
    auto second = openWindow();
    QSignalSpy firstWritten(first->recoveryKeeper(), &RecoveryKeeper::written);
    QSignalSpy secondWritten(second->recoveryKeeper(), &RecoveryKeeper::written);
    first->document()->setCell(MatrixId::Embeddings, 0, 0, 7.25);
    second->document()->setCell(MatrixId::Embeddings, 0, 0, -3.5);
    QTRY_VERIFY_WITH_TIMEOUT(!firstWritten.isEmpty() && !secondWritten.isEmpty(), waitMs);

    const QString firstPath = first->recoveryKeeper()->recoveryPath();
    const QString secondPath = second->recoveryKeeper()->recoveryPath();
    QVERIFY(firstPath != secondPath);
    QCOMPARE(firstEmbedding(recovery_copy::read(firstPath)), 7.25);
    QCOMPARE(firstEmbedding(recovery_copy::read(secondPath)), -3.5);
    QCOMPARE(QDir(recoveryDirectory()).entryList({QStringLiteral("*.json")}).size(), 2);
}

void TestAutosave::cleanSaveRemovesTheCopy()
{
    auto window = openWindow();
    QSignalSpy written(window->recoveryKeeper(), &RecoveryKeeper::written);
    window->document()->setCell(MatrixId::Embeddings, 0, 0, 7.25);
    QVERIFY(written.wait(waitMs));
    const QString copy = window->recoveryKeeper()->recoveryPath();
    QVERIFY(QFile::exists(copy));

    QVERIFY(window->saveFile(m_data->filePath(QStringLiteral("saved.json"))));
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(copy), waitMs);
    QTest::qWait(100); // no late write brings it back
    QVERIFY(!QFile::exists(copy));
}

void TestAutosave::undoToTheSavedStateRemovesTheCopy()
{
    auto window = openWindow();
    QSignalSpy written(window->recoveryKeeper(), &RecoveryKeeper::written);
    window->document()->setCell(MatrixId::Embeddings, 0, 0, 7.25);
    QVERIFY(written.wait(waitMs));
    window->document()->undoStack()->undo();
    QVERIFY(!window->document()->isModified());
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(window->recoveryKeeper()->recoveryPath()), waitMs);
}

void TestAutosave::cleanCloseRemovesTheCopy()
{
    auto window = openWindow();
    QSignalSpy written(window->recoveryKeeper(), &RecoveryKeeper::written);
    window->document()->setCell(MatrixId::Embeddings, 0, 0, 7.25);
    QVERIFY(written.wait(waitMs));
    const QString copy = window->recoveryKeeper()->recoveryPath();

    MessageBoxAnswerer answerer(QStringLiteral("Discard")); // "Save them first?" — no
    QVERIFY(window->close());
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(copy), waitMs);
    window.reset();
    QVERIFY(QDir(recoveryDirectory()).entryList(QDir::Files).isEmpty()); // the lock too
}

void TestAutosave::restoreBringsTheWorkBackUnsaved()
{
    const QString original = m_data->filePath(QStringLiteral("lesson.json"));
    const QDateTime savedAt(QDate::currentDate(), QTime(14, 32));
    const QString orphan = leaveOrphan(7.25, original, savedAt);
    auto window = openWindow();

    MessageBoxAnswerer answerer(QStringLiteral("Restore"));
    QCOMPARE(offerRecovery(*window, RecoveryAnswer::Ask, recoveryDirectory()), 1);
    QCOMPARE(answerer.texts.size(), 1);
    QVERIFY2(answerer.texts.first().contains(
                 QStringLiteral("Attention Lab closed unexpectedly. Restore your unsaved work "
                                "from 14:32?")),
             qPrintable(answerer.texts.first()));
    QVERIFY2(answerer.texts.first().contains(QDir::toNativeSeparators(original)),
             qPrintable(answerer.texts.first()));
    QCOMPARE(answerer.buttons.first(),
             (QStringList{QStringLiteral("Restore"), QStringLiteral("Discard"),
                          QStringLiteral("Show file")}));

    Document *document = window->document();
    QCOMPARE(document->scenario().target.embeddings(0, 0), 7.25);
    QVERIFY(document->isModified());
    QVERIFY(window->isWindowModified());
    QCOMPARE(document->filePath(), original); // Save writes where the learner expects
    // The old copy goes once the restored work has its own.
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(orphan), waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(window->recoveryKeeper()->recoveryPath()), waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(firstEmbedding(recovery_copy::read(window->recoveryKeeper()->recoveryPath())),
                              7.25, waitMs);
}

void TestAutosave::restoreIntoBusyWindowOpensAnother()
{
    auto window = openWindow();
    window->document()->setCell(MatrixId::Embeddings, 0, 0, -3.5); // the window's own work
    leaveOrphan(7.25, QString(), QDateTime::currentDateTime());

    QCOMPARE(offerRecovery(*window, RecoveryAnswer::Restore, recoveryDirectory()), 1);
    QCOMPARE(window->document()->scenario().target.embeddings(0, 0), -3.5);
    MainWindow *other = nullptr;
    for (QWidget *widget : QApplication::topLevelWidgets())
        if (auto *candidate = qobject_cast<MainWindow *>(widget);
            candidate && candidate != window.get())
            other = candidate;
    QVERIFY2(other, "the restored work has no window");
    QCOMPARE(other->document()->scenario().target.embeddings(0, 0), 7.25);
    QVERIFY(other->document()->isModified());
    delete other;
}

void TestAutosave::discardDeletesTheCopy()
{
    const QString orphan = leaveOrphan(7.25, QString(), QDateTime::currentDateTime());
    auto window = openWindow();
    MessageBoxAnswerer answerer(QStringLiteral("Discard"));
    QCOMPARE(offerRecovery(*window, RecoveryAnswer::Ask, recoveryDirectory()), 0);
    QCOMPARE(answerer.texts.size(), 1);
    QVERIFY(!QFile::exists(orphan));
    QVERIFY(!QFile::exists(recoveryLockPath(orphan)));
    QCOMPARE(window->document()->scenario().target.embeddings(0, 0), 1.0);
    QVERIFY(!window->document()->isModified());

    // Not asked again.
    QCOMPARE(offerRecovery(*window, RecoveryAnswer::Ask, recoveryDirectory()), 0);
    QCOMPARE(answerer.texts.size(), 1);
}

void TestAutosave::closingTheQuestionKeepsTheCopy()
{
    const QString orphan = leaveOrphan(7.25, QString(), QDateTime::currentDateTime());
    auto window = openWindow();
    MessageBoxAnswerer answerer(QStringLiteral("no such answer")); // Escape, as a person might
    QCOMPARE(offerRecovery(*window, RecoveryAnswer::Ask, recoveryDirectory()), 0);
    QCOMPARE(answerer.texts.size(), 1);
    QVERIFY(QFile::exists(orphan));
    QVERIFY(!QFile::exists(recoveryLockPath(orphan))); // released: offered at the next start
    QCOMPARE(claimOrphanedRecoveries(recoveryDirectory()).size(), std::size_t(1));
}

void TestAutosave::runningOwnersCopyIsNotOffered()
{
    const QString copy = leaveOrphan(7.25, QString(), QDateTime::currentDateTime());
    // This process is the owner, alive, as another window or instance would be.
    QLockFile owner(recoveryLockPath(copy));
    QVERIFY(owner.tryLock(0));

    auto window = openWindow();
    MessageBoxAnswerer answerer(QStringLiteral("Discard"));
    QCOMPARE(offerRecovery(*window, RecoveryAnswer::Ask, recoveryDirectory()), 0);
    QCOMPARE(offerRecovery(*window, RecoveryAnswer::Discard, recoveryDirectory()), 0);
    QVERIFY(answerer.texts.isEmpty());
    QVERIFY(QFile::exists(copy));
    QCOMPARE(firstEmbedding(recovery_copy::read(copy)), 7.25);
}

void TestAutosave::unreadableCopyIsNamedNotDeleted()
{
    QDir().mkpath(recoveryDirectory());
    const QString copy = QDir(recoveryDirectory()).filePath(QStringLiteral("damaged.json"));
    QFile file(copy);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"attention-lab-recovery\", \"version\": 1, \"scenario\": {\"tok");
    file.close();

    auto window = openWindow();
    MessageBoxAnswerer answerer(QStringLiteral("Keep for later"));
    QCOMPARE(offerRecovery(*window, RecoveryAnswer::Ask, recoveryDirectory()), 0);
    QCOMPARE(answerer.texts.size(), 1);
    QVERIFY2(answerer.texts.first().contains(QDir::toNativeSeparators(copy)),
             qPrintable(answerer.texts.first()));
    QVERIFY(!answerer.buttons.first().contains(QStringLiteral("Restore")));
    QVERIFY(QFile::exists(copy));
    QVERIFY(!window->document()->isModified());
}

void TestAutosave::failedAutosaveLeavesTheWorkAlone()
{
    // The data folder cannot be made: a file stands where a folder should be.
    const QString blocker = m_data->filePath(QStringLiteral("not-a-folder"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    qputenv("XDG_DATA_HOME", QFile::encodeName(blocker));

    auto window = openWindow();
    QSignalSpy failed(window->recoveryKeeper(), &RecoveryKeeper::writeFailed);
    MessageBoxAnswerer answerer(QStringLiteral("OK"));
    window->document()->setCell(MatrixId::Embeddings, 0, 0, 7.25);
    QVERIFY(failed.wait(waitMs));
    QVERIFY2(!failed.first().first().toString().isEmpty(), "the reason is missing");
    QTRY_VERIFY_WITH_TIMEOUT(
        window->statusBar()->currentMessage().contains(QStringLiteral("Autosave failed")), waitMs);
    QTest::qWait(50);
    QVERIFY2(answerer.texts.isEmpty(), qPrintable(answerer.texts.join(QLatin1Char('\n'))));
    QCOMPARE(window->document()->scenario().target.embeddings(0, 0), 7.25);
    QVERIFY(window->document()->isModified());
    QCOMPARE(window->document()->undoStack()->count(), 1);

    // The next change tries again.
    window->document()->setCell(MatrixId::Embeddings, 0, 1, 2.5);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, waitMs);
}

} // namespace

QTEST_MAIN(TestAutosave)
#include "tst_autosave.moc"
