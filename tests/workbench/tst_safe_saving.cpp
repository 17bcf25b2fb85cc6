// Saving on a full disk, as the learner meets it in the window: the save says
// why it failed, the file on disk keeps the last good save, and the work
// stays marked unsaved, so closing the window still asks.
//
// The full disk is a lowered file size limit of this process (SIGXFSZ
// ignored) for the moment of the save: writes past it fail with EFBIG,
// "File too large", as they fail with ENOSPC on a full disk.

#include "document.h"
#include "main_window.h"
#include "message_box_answerer.h"
#include "presets.h"
#include "scenario_file.h"
#include "write_failure.h"

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <cerrno>
#include <cstring>
#include <memory>

using namespace attn;
using namespace attn::ui;
using attn::test::FileSizeLimit;
using attn::test::MessageBoxAnswerer;

namespace {

std::unique_ptr<MainWindow> openTutorial()
{
    auto window =
        std::make_unique<MainWindow>(*loadPreset(QLatin1String(tutorialPresetName)).scenario);
    window->resize(1280, 800);
    window->show();
    return window;
}

QAction *fileAction(const MainWindow &window, const QString &startsWith)
{
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->text().remove(QLatin1Char('&')) != QLatin1String("File") || !menu->menu())
            continue;
        for (QAction *action : menu->menu()->actions())
            if (action->text().remove(QLatin1Char('&')).startsWith(startsWith))
                return action;
    }
    return nullptr;
}

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

QString fileTooLarge()
{
    return QString::fromLocal8Bit(std::strerror(EFBIG));
}

} // namespace

class TestSafeSaving : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fullDiskKeepsOldFile();
    void fullDiskKeepsDocumentModified();
};

void TestSafeSaving::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("AttentionLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_safe_saving"));
    static QTemporaryDir settingsDir;
    QVERIFY(settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
}

// File ▸ Save on a full disk: the window names the real reason, and the file
// is still the last good save, not an empty one.
void TestSafeSaving::fullDiskKeepsOldFile()
{
    const auto window = openTutorial();
    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("lesson-draft.json"));
    QVERIFY(window->saveFile(path));
    const QByteArray saved = contentsOf(path);
    QVERIFY(saved.size() > 100);
    window->document()->setCell(MatrixId::KeyWeights, 1, 0, 3.0);

    QAction *save = fileAction(*window, QStringLiteral("Save"));
    QVERIFY(save);
    MessageBoxAnswerer answerer(QStringLiteral("OK"));
    {
        const FileSizeLimit fullDisk(16);
        QVERIFY(fullDisk.isActive());
        save->trigger();
    }
    QCOMPARE(answerer.texts.size(), 1);
    QVERIFY2(answerer.texts.first().contains(fileTooLarge()), qPrintable(answerer.texts.first()));
    QVERIFY2(answerer.texts.first().contains(QLatin1String("lesson-draft.json")),
             qPrintable(answerer.texts.first()));
    QCOMPARE(contentsOf(path), saved);
    // The status bar says it too, where "Saved" used to stand.
    QVERIFY2(window->statusBar()->currentMessage().startsWith(QLatin1String("Not saved: ")),
             qPrintable(window->statusBar()->currentMessage()));
    QVERIFY2(window->statusBar()->currentMessage().contains(fileTooLarge()),
             qPrintable(window->statusBar()->currentMessage()));
    const ScenarioReadResult onDisk = readScenarioFile(path);
    QVERIFY2(onDisk.ok(), qPrintable(onDisk.error));
    QCOMPARE(onDisk.scenario->wK(1, 0),
             loadPreset(QLatin1String(tutorialPresetName)).scenario->wK(1, 0));
}

// After the failed save the work is still unsaved: the title keeps its '*',
// closing asks, and a save once there is room writes the edit.
void TestSafeSaving::fullDiskKeepsDocumentModified()
{
    const auto window = openTutorial();
    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("draft.json"));
    QVERIFY(window->saveFile(path));
    window->document()->setCell(MatrixId::KeyWeights, 1, 0, 3.0);
    QVERIFY(window->isWindowModified());

    MessageBoxAnswerer answerer(QStringLiteral("OK"));
    {
        const FileSizeLimit fullDisk(16);
        QVERIFY(!window->saveFile(path));
    }
    QCOMPARE(answerer.texts.size(), 1);
    QVERIFY(window->document()->isModified());
    QVERIFY(window->isWindowModified());
    QCOMPARE(window->document()->undoStack()->count(), 1);

    // Closing still asks; Cancel keeps the window and the edit.
    answerer.setAnswer(QStringLiteral("Cancel"));
    QVERIFY(!window->close());
    QCOMPARE(answerer.texts.size(), 2);
    QVERIFY2(answerer.texts.last().contains(QLatin1String("not saved")),
             qPrintable(answerer.texts.last()));
    QVERIFY(window->isVisible());
    QCOMPARE(window->document()->scenario().wK(1, 0), 3.0);

    // With room again, the same save goes through.
    QVERIFY(window->saveFile(path));
    QVERIFY(!window->isWindowModified());
    const ScenarioReadResult onDisk = readScenarioFile(path);
    QVERIFY2(onDisk.ok(), qPrintable(onDisk.error));
    QCOMPARE(onDisk.scenario->wK(1, 0), 3.0);
}

QTEST_MAIN(TestSafeSaving)
#include "tst_safe_saving.moc"
