// Every way the learner's work can be replaced goes through one question:
// File > New, a preset, Open Recent, a scenario file dropped on the window,
// the lesson's Next, "Restore this step" and Lesson > Open lesson. With
// unsaved changes it asks; Cancel (Stay, for a lesson step) keeps the edit,
// its undo step, the file name and the lesson exactly as they were; Discard
// goes on; nothing is asked when nothing would be lost.

#include "document.h"
#include "file_actions.h"
#include "lesson.h"
#include "lesson_fixture.h"
#include "lesson_panel.h"
#include "main_window.h"
#include "message_box_answerer.h"
#include "presets.h"
#include "scenario_file.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QUrl>
#include <QtTest>

#include <memory>

using namespace attn;
using namespace attn::ui;
using attn::test::MessageBoxAnswerer;

namespace {

Scenario preset(const char *name)
{
    return *loadPreset(QLatin1String(name)).scenario;
}

QAction *actionNamed(const QMenu *menu, const QString &startsWith)
{
    for (QAction *action : menu->actions())
        if (action->text().remove(QLatin1Char('&')).startsWith(startsWith))
            return action;
    return nullptr;
}

QMenu *menuNamed(const MainWindow &window, const QString &title)
{
    for (QAction *action : window.menuBar()->actions())
        if (action->menu() && action->text().remove(QLatin1Char('&')) == title)
            return action->menu();
    return nullptr;
}

/// Drags `path` from a file manager and drops it on the window; whether the
/// window took the drag.
bool dropFile(MainWindow &window, const QString &path)
{
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(path)});
    const QPoint centre = window.rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(centre), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    return drop.isAccepted();
}

} // namespace

class TestReplacePrompt : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cancelKeepsEdits_data();
    void cancelKeepsEdits();
    void discardReplaces_data();
    void discardReplaces();
    void nothingToLoseAsksNothing();
    void droppedScenarioOpensAfterPrompt();
    void droppedOtherFileIsRefused();

private:
    std::unique_ptr<MainWindow> editedWindow();
    /// Replaces the work the way `trigger` names; false if it could not be started.
    bool replaceBy(MainWindow &window, const QString &trigger);

    QTemporaryDir m_dir;
    Lesson m_lesson;
    QString m_otherLessonPath;
    QString m_causalPath;
};

void TestReplacePrompt::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("AttentionLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_replace_prompt"));
    static QTemporaryDir settingsDir;
    QVERIFY(settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QLocale::setDefault(QLocale::c());

    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("lesson")));
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("other")));
    const LessonLoadResult result = loadLesson(
        lesson_fixture::write(m_dir.filePath(QStringLiteral("lesson"))), QStringLiteral("en"));
    QVERIFY2(result.ok(), qPrintable(result.error));
    m_lesson = *result.lesson;
    QJsonObject other = lesson_fixture::manifest();
    other[QStringLiteral("id")] = QStringLiteral("other-lesson");
    other[QStringLiteral("title")] = QStringLiteral("Another lesson");
    m_otherLessonPath = lesson_fixture::write(m_dir.filePath(QStringLiteral("other")), other);

    m_causalPath = m_dir.filePath(QStringLiteral("causal.json"));
    QString error;
    QVERIFY2(writeScenarioFile(preset("causal"), m_causalPath, &error), qPrintable(error));
}

void TestReplacePrompt::init()
{
    QSettings().clear();
}

/// The window on the lesson's first step (the tutorial), with one edit of W_K
/// typed by the learner and not saved.
std::unique_ptr<MainWindow> TestReplacePrompt::editedWindow()
{
    auto window = std::make_unique<MainWindow>(preset("tutorial"));
    window->resize(1280, 800);
    window->show();
    window->lessonDock()->show();
    window->lessonPanel()->setLesson(m_lesson, true);
    // The recent file the Open Recent row opens.
    const auto seen = window->fileActions()->openFile(m_causalPath);
    Q_UNUSED(seen);
    window->lessonPanel()->restoreStep(); // back on the step's example, nothing unsaved
    window->document()->setCell(MatrixId::KeyWeights, 1, 0, 3.0);
    return window;
}

bool TestReplacePrompt::replaceBy(MainWindow &window, const QString &trigger)
{
    if (trigger == QLatin1String("new") || trigger == QLatin1String("preset") ||
        trigger == QLatin1String("recent")) {
        QAction *action = nullptr;
        if (trigger == QLatin1String("new"))
            action = actionNamed(menuNamed(window, QStringLiteral("File")), QStringLiteral("New"));
        else if (trigger == QLatin1String("preset"))
            action = actionNamed(menuNamed(window, QStringLiteral("Presets")),
                                 QStringLiteral("Causal mask"));
        else
            action = actionNamed(window.fileActions()->recentMenu(), QStringLiteral("causal.json"));
        if (!action)
            return false;
        action->trigger();
        return true;
    }
    if (trigger == QLatin1String("drop")) {
        if (!dropFile(window, m_causalPath))
            return false;
        QTest::qWait(100); // the question comes once the drag is over
        return true;
    }
    LessonPanel *panel = window.lessonPanel();
    if (trigger == QLatin1String("next")) {
        // The next chapter, chosen in the lesson's chapter list, brings its own example.
        panel->chapterBox()->setFocus();
        QTest::keyClick(panel->chapterBox(), Qt::Key_Down);
        return true;
    }
    if (trigger == QLatin1String("restore")) {
        QTest::mouseClick(panel->restoreButton(), Qt::LeftButton);
        return true;
    }
    if (trigger == QLatin1String("lesson")) {
        window.openLesson(m_otherLessonPath);
        return true;
    }
    return false;
}

void TestReplacePrompt::cancelKeepsEdits_data()
{
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<QString>("cancel");
    QTest::newRow("File > New") << "new" << "Cancel";
    QTest::newRow("a preset") << "preset" << "Cancel";
    QTest::newRow("Open Recent") << "recent" << "Cancel";
    QTest::newRow("a dropped scenario") << "drop" << "Cancel";
    QTest::newRow("the lesson's next example") << "next" << "Stay";
    QTest::newRow("Restore this step") << "restore" << "Cancel";
    QTest::newRow("Lesson > Open lesson") << "lesson" << "Cancel";
}

void TestReplacePrompt::cancelKeepsEdits()
{
    QFETCH(QString, trigger);
    QFETCH(QString, cancel);
    const auto window = editedWindow();
    const Scenario edited = window->document()->scenario();
    QCOMPARE(edited.wK(1, 0), 3.0);
    const int undoSteps = window->document()->undoStack()->count();
    const QString file = window->document()->filePath();

    MessageBoxAnswerer answerer(cancel);
    QVERIFY(replaceBy(*window, trigger));

    QCOMPARE(answerer.texts.size(), 1);
    QCOMPARE(answerer.missed, 0);
    QVERIFY2(answerer.buttons.first().contains(QLatin1String("Save")),
             qPrintable(answerer.buttons.first().join(QLatin1Char(','))));
    QVERIFY(window->document()->scenario() == edited);
    QCOMPARE(window->document()->undoStack()->count(), undoSteps);
    QVERIFY(window->document()->isModified());
    QVERIFY(window->isWindowModified());
    QCOMPARE(window->document()->filePath(), file);
    QCOMPARE(window->lessonPanel()->lesson().id, QStringLiteral("test-lesson"));
    // Undo still takes the edit back.
    window->document()->undoStack()->undo();
    QCOMPARE(window->document()->scenario().wK(1, 0), preset("tutorial").wK(1, 0));
}

void TestReplacePrompt::discardReplaces_data()
{
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<QString>("discard");
    QTest::addColumn<QString>("mask");
    QTest::addColumn<QString>("lesson");
    QTest::newRow("File > New") << "new" << "Discard" << "none" << "test-lesson";
    QTest::newRow("a preset") << "preset" << "Discard" << "causal" << "test-lesson";
    QTest::newRow("Open Recent") << "recent" << "Discard" << "causal" << "test-lesson";
    QTest::newRow("a dropped scenario") << "drop" << "Discard" << "causal" << "test-lesson";
    QTest::newRow("the lesson's next example") << "next" << "Continue" << "none" << "test-lesson";
    QTest::newRow("Restore this step") << "restore" << "Discard" << "none" << "test-lesson";
    QTest::newRow("Lesson > Open lesson") << "lesson" << "Discard" << "none" << "other-lesson";
}

void TestReplacePrompt::discardReplaces()
{
    QFETCH(QString, trigger);
    QFETCH(QString, discard);
    QFETCH(QString, mask);
    QFETCH(QString, lesson);
    const auto window = editedWindow();

    MessageBoxAnswerer answerer(discard);
    QVERIFY(replaceBy(*window, trigger));

    QCOMPARE(answerer.texts.size(), 1);
    QCOMPARE(answerer.missed, 0);
    QTRY_COMPARE(window->document()->scenario().wK(1, 0), preset("tutorial").wK(1, 0));
    QCOMPARE(window->document()->scenario().mask,
             mask == QLatin1String("causal") ? MaskKind::Causal : MaskKind::None);
    QCOMPARE(window->document()->undoStack()->count(), 0);
    QVERIFY(!window->isWindowModified());
    QCOMPARE(window->lessonPanel()->lesson().id, lesson);
}

// Saved work, or a step's example left as it was, is no work to lose.
void TestReplacePrompt::nothingToLoseAsksNothing()
{
    const auto window = editedWindow();
    const QString path = m_dir.filePath(QStringLiteral("saved.json"));
    QVERIFY(window->saveFile(path));
    MessageBoxAnswerer answerer(QStringLiteral("Cancel"));
    QVERIFY(window->loadPreset(QStringLiteral("causal")));
    QVERIFY(window->lessonPanel()->goTo(1, 0));
    QVERIFY(window->lessonPanel()->goTo(1, 1));
    window->lessonPanel()->restoreStep();
    QCOMPARE(answerer.texts, QStringList());
}

void TestReplacePrompt::droppedScenarioOpensAfterPrompt()
{
    const auto window = editedWindow();
    MessageBoxAnswerer answerer(QStringLiteral("Discard"));
    QVERIFY(dropFile(*window, m_causalPath));
    QTRY_COMPARE(window->document()->scenario().mask, MaskKind::Causal);
    QCOMPARE(answerer.texts.size(), 1);
    QVERIFY2(answerer.texts.first().contains(QLatin1String("not saved")),
             qPrintable(answerer.texts.first()));
    QVERIFY(window->document()->scenario() == preset("causal"));
    QCOMPARE(window->document()->filePath(), QFileInfo(m_causalPath).absoluteFilePath());
    QVERIFY(!window->isWindowModified());
}

void TestReplacePrompt::droppedOtherFileIsRefused()
{
    const auto window = editedWindow();
    const QString notes = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile file(notes);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a scenario");
    file.close();
    MessageBoxAnswerer answerer(QStringLiteral("Discard"));
    QVERIFY(!dropFile(*window, notes));
    QTest::qWait(50);
    QCOMPARE(answerer.texts, QStringList());
    QCOMPARE(window->document()->scenario().wK(1, 0), 3.0);
}

QTEST_MAIN(TestReplacePrompt)
#include "tst_replace_prompt.moc"
