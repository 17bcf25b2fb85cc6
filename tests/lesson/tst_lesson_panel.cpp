// The lesson player driven as a learner drives it, on a small test lesson
// (tests/lesson_fixture.h) in a real MainWindow.
//
// Expected numbers from NumPy (np.random.seed(42), the tutorial):
//   score[0][2] = q0·k2 = 2·2 + 0·4 + 2·3 = 10
//   weights row 0 = [0.2361, 0.0074, 0.7491, 0.0074]: word_1 attends most to word_3
//   W_K[2][0] = 3 makes score[1][3] = 6 > 4: word_2 then attends most to word_4
#include "document.h"
#include "heatmap_view.h"
#include "lesson.h"
#include "lesson_fixture.h"
#include "lesson_panel.h"
#include "main_window.h"
#include "pipeline_view.h"
#include "presets.h"

#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>
#include <memory>

using namespace attn;
using namespace attn::ui;

namespace {

/// Clicks the button labelled `text` of the next message box, once it is shown.
void answerMessageBox(const QString &text, QString *seen = nullptr)
{
    QTimer::singleShot(50, [text, seen] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            answerMessageBox(text, seen); // not open yet: look again
            return;
        }
        if (seen)
            *seen = box->text() + QLatin1Char('\n') + box->informativeText();
        for (QAbstractButton *button : box->buttons()) {
            if (button->text().remove(QLatin1Char('&')) == text) {
                button->click();
                return;
            }
        }
        box->reject();
    });
}

Scenario tutorial()
{
    return *loadPreset(QLatin1String(tutorialPresetName)).scenario;
}

} // namespace

class TestLessonPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void nextAndBackApplyTheSetup();
    void predictRevealsAndExplains_data();
    void predictRevealsAndExplains();
    void predictWithChoices();
    void tryGoalIsCheckedLive();
    void byHand_data();
    void byHand();
    void leavingAfterAnEditAsksFirst();
    void restoreThisStep();
    void progressIsRestored();
    void brokenLessonKeepsTheCurrentOne();

private:
    std::unique_ptr<MainWindow> newWindow();
    QTemporaryDir m_dir;
    Lesson m_lesson;
};

void TestLessonPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("AttentionLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_lesson_panel"));
    static QTemporaryDir settingsDir;
    QVERIFY(settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QLocale::setDefault(QLocale::c());

    QVERIFY(m_dir.isValid());
    const LessonLoadResult result =
        loadLesson(lesson_fixture::write(m_dir.path()), QStringLiteral("en"));
    QVERIFY2(result.ok(), qPrintable(result.error));
    m_lesson = *result.lesson;
}

void TestLessonPanel::init()
{
    QSettings().clear();
}

std::unique_ptr<MainWindow> TestLessonPanel::newWindow()
{
    auto window = std::make_unique<MainWindow>(tutorial());
    window->resize(1280, 800);
    window->show();
    window->lessonDock()->show();
    window->lessonPanel()->setLesson(m_lesson, true);
    return window;
}

void TestLessonPanel::nextAndBackApplyTheSetup()
{
    auto window = newWindow();
    LessonPanel *panel = window->lessonPanel();
    QVERIFY(window->lessonDock()->isVisible());
    QCOMPARE(panel->chapterIndex(), 0);
    QCOMPARE(panel->stepIndex(), 0);
    QCOMPARE(panel->progressLabel()->text(), QStringLiteral("Step 1 of 6"));
    QVERIFY(panel->markdown().contains(QLatin1String("Each word is a row")));
    QCOMPARE(window->pipeline()->revealedStage(), Stage::Scores);
    QCOMPARE(window->pipeline()->heatmap(Stage::Scores)->highlights().size(), 1);
    QCOMPARE(window->document()->scenario(), tutorial());
    QVERIFY(!panel->backButton()->isEnabled());

    QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
    QCOMPARE(panel->stepIndex(), 1);
    QCOMPARE(panel->progressLabel()->text(), QStringLiteral("Step 2 of 6"));
    QCOMPARE(window->pipeline()->revealedStage(), Stage::Scaled);

    QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
    QCOMPARE(panel->stepIndex(), 2);
    QCOMPARE(window->pipeline()->revealedStage(), window->pipeline()->stages().last());

    QTest::mouseClick(panel->nextButton(), Qt::LeftButton); // into chapter "doing"
    QCOMPARE(panel->chapterIndex(), 1);
    QCOMPARE(panel->chapterBox()->currentIndex(), 1);

    panel->nextAction()->trigger();
    panel->nextAction()->trigger();
    QCOMPARE(panel->progressLabel()->text(), QStringLiteral("Step 6 of 6"));
    QCOMPARE(window->document()->scenario().mask, MaskKind::Causal);
    QCOMPARE(window->document()->scenario().temperature, 2.0);
    QCOMPARE(window->pipeline()->revealedStage(), Stage::Masked);
    QVERIFY(!panel->nextButton()->isEnabled());
    QVERIFY(!window->document()->isModified()); // a step's example is a fresh start

    QTest::mouseClick(panel->backButton(), Qt::LeftButton);
    QCOMPARE(panel->stepIndex(), 1);
    QCOMPARE(window->document()->scenario(), tutorial());
    QCOMPARE(window->pipeline()->revealedStage(), Stage::Keys);

    // The shortcut, pressed as a learner does.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTest::keyClick(window.get(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(panel->stepIndex(), 0);
}

void TestLessonPanel::predictRevealsAndExplains_data()
{
    QTest::addColumn<int>("choice");
    QTest::addColumn<QString>("feedback");
    QTest::addColumn<QString>("status");
    QTest::newRow("word_3, right") << 2 << QStringLiteral("Yes: its score 10 is the largest.")
                                   << QStringLiteral("Right");
    QTest::newRow("word_1, wrong") << 0 << QStringLiteral("Look at the largest score of row 0.")
                                   << QStringLiteral("Not quite");
}

void TestLessonPanel::predictRevealsAndExplains()
{
    QFETCH(int, choice);
    QFETCH(QString, feedback);
    QFETCH(QString, status);
    auto window = newWindow();
    LessonPanel *panel = window->lessonPanel();
    QVERIFY(panel->goTo(0, 1));
    QCOMPARE(window->pipeline()->revealedStage(), Stage::Scaled);
    const QList<QPushButton *> buttons = panel->answerButtons();
    QCOMPARE(buttons.size(), 4);
    QCOMPARE(buttons.at(0)->text(), QStringLiteral("word_1"));
    QCOMPARE(buttons.at(3)->text(), QStringLiteral("word_4"));
    QVERIFY(!panel->markdown().contains(feedback));

    QTest::mouseClick(buttons.at(choice), Qt::LeftButton);
    QVERIFY2(panel->markdown().contains(feedback), qPrintable(panel->markdown()));
    // The row's numbers, from the trace: 0.2361 · 0.00739 · 0.7491 · 0.00739.
    QVERIFY2(panel->markdown().contains(QLatin1String("0.7491")), qPrintable(panel->markdown()));
    QVERIFY2(panel->markdown().contains(QLatin1String("0.2361")), qPrintable(panel->markdown()));
    QVERIFY2(panel->statusText().startsWith(status), qPrintable(panel->statusText()));
    QCOMPARE(window->pipeline()->revealedStage(), Stage::Weights);
    QCOMPARE(panel->isStepDone(), choice == 2);
    QVERIFY(buttons.at(2)->text().endsWith(QStringLiteral("✓")));
}

void TestLessonPanel::predictWithChoices()
{
    auto window = newWindow();
    LessonPanel *panel = window->lessonPanel();
    QVERIFY(panel->goTo(0, 2));
    const QList<QPushButton *> buttons = panel->answerButtons();
    QCOMPARE(buttons.size(), 2);
    QCOMPARE(buttons.at(0)->text(), QStringLiteral("flatter"));
    QTest::mouseClick(buttons.at(1), Qt::LeftButton);
    QVERIFY(panel->isStepDone());
    QVERIFY(panel->markdown().contains(QLatin1String("Right.")));
}

void TestLessonPanel::tryGoalIsCheckedLive()
{
    auto window = newWindow();
    LessonPanel *panel = window->lessonPanel();
    QVERIFY(panel->goTo(1, 0));
    QVERIFY(!panel->isStepDone());
    QVERIFY2(panel->statusText().startsWith(QLatin1String("Not yet")),
             qPrintable(panel->statusText()));
    QVERIFY(panel->showMeButton()->isVisible());
    QVERIFY(!panel->markdown().contains(QLatin1String("k_4 is the last row")));
    QTest::mouseClick(panel->hintButton(), Qt::LeftButton);
    QVERIFY(panel->markdown().contains(QLatin1String("k_4 is the last row")));

    QTest::mouseClick(panel->showMeButton(), Qt::LeftButton);
    QCOMPARE(window->document()->scenario().wK(2, 0), 3.0);
    QVERIFY(panel->isStepDone());
    QVERIFY2(panel->statusText().startsWith(QStringLiteral("Done ✓")),
             qPrintable(panel->statusText()));
    QVERIFY(panel->markdown().contains(QLatin1String("Done: word_4 wins.")));

    window->document()->undoStack()->undo();
    QCOMPARE(window->document()->scenario().wK(2, 0), 0.0);
    QVERIFY(!panel->isStepDone());
    QVERIFY(panel->statusText().startsWith(QLatin1String("Not yet")));

    // The learner's own edit counts the same as "Show me".
    window->document()->setCell(MatrixId::KeyWeights, 2, 0, 5.0);
    QVERIFY(panel->isStepDone());
}

void TestLessonPanel::byHand_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("right");
    QTest::newRow("10") << QStringLiteral("10") << true;
    QTest::newRow("10.004, inside the tolerance") << QStringLiteral("10.004") << true;
    QTest::newRow("9") << QStringLiteral("9") << false;
    QTest::newRow("10.01, outside the tolerance") << QStringLiteral("10.01") << false;
}

void TestLessonPanel::byHand()
{
    QFETCH(QString, typed);
    QFETCH(bool, right);
    auto window = newWindow();
    LessonPanel *panel = window->lessonPanel();
    QVERIFY(panel->goTo(1, 1));
    QCOMPARE(window->pipeline()->revealedStage(), Stage::Keys);
    QVERIFY(panel->answerEdit()->isVisible());
    QTest::keyClicks(panel->answerEdit(), typed);
    QTest::mouseClick(panel->checkButton(), Qt::LeftButton);
    QCOMPARE(panel->isStepDone(), right);
    const QString text = panel->markdown();
    if (right) {
        QVERIFY2(text.contains(QLatin1String("Right: 10.")), qPrintable(text));
        // The engine's working, with the numbers.
        QVERIFY2(text.contains(QStringLiteral("2·2 + 0·4 + 2·3 = 10")), qPrintable(text));
        QVERIFY(window->pipeline()->isRevealed(Stage::Scores));
    } else {
        QVERIFY2(text.contains(QLatin1String("Not quite.")), qPrintable(text));
        QVERIFY(!text.contains(QLatin1String("= 10")));
        QTest::mouseClick(panel->showMeButton(), Qt::LeftButton);
        QVERIFY2(panel->markdown().contains(QStringLiteral("2·2 + 0·4 + 2·3 = 10")),
                 qPrintable(panel->markdown()));
    }
}

void TestLessonPanel::leavingAfterAnEditAsksFirst()
{
    auto window = newWindow();
    LessonPanel *panel = window->lessonPanel();
    QVERIFY(panel->goTo(1, 0));
    window->document()->setCell(MatrixId::KeyWeights, 0, 0, 7.0);

    QString question;
    answerMessageBox(QStringLiteral("Stay"), &question);
    QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
    QVERIFY2(question.contains(QLatin1String("Replace your changes with the next step's example?")),
             qPrintable(question));
    QCOMPARE(panel->stepIndex(), 0); // still "try"
    QCOMPARE(panel->chapterIndex(), 1);
    QCOMPARE(window->document()->scenario().wK(0, 0), 7.0);

    answerMessageBox(QStringLiteral("Continue"));
    QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
    QCOMPARE(panel->stepIndex(), 1);
    QCOMPARE(window->document()->scenario(), tutorial());

    // Without an edit nobody is asked: the next step just opens.
    QVERIFY(panel->goTo(1, 0));
    QVERIFY(panel->goTo(1, 1));
}

void TestLessonPanel::restoreThisStep()
{
    auto window = newWindow();
    LessonPanel *panel = window->lessonPanel();
    QVERIFY(panel->goTo(1, 0));
    window->document()->setCell(MatrixId::KeyWeights, 2, 0, 3.0);
    window->pipeline()->revealAll();
    // The edit is unsaved: restoring asks first (tst_replace_prompt), and Discard goes on.
    answerMessageBox(QStringLiteral("Discard"));
    QTest::mouseClick(panel->restoreButton(), Qt::LeftButton);
    QCOMPARE(window->document()->scenario().wK(2, 0), 0.0);
    QVERIFY(!panel->isStepDone());
}

void TestLessonPanel::progressIsRestored()
{
    {
        auto window = newWindow();
        QVERIFY(window->lessonPanel()->goTo(1, 1));
    }
    auto window = std::make_unique<MainWindow>(tutorial());
    LessonPanel *panel = window->lessonPanel();
    panel->setLesson(m_lesson, false);
    QCOMPARE(panel->chapterIndex(), 1);
    QCOMPARE(panel->stepIndex(), 1);
    QCOMPARE(panel->progressLabel()->text(), QStringLiteral("Step 5 of 6"));
    // Not applied yet: the window's own scenario stays until the learner starts.
    QVERIFY(window->pipeline()->isRevealed(Stage::Output));
    window->startLesson();
    QCOMPARE(window->pipeline()->revealedStage(), Stage::Keys);
}

void TestLessonPanel::brokenLessonKeepsTheCurrentOne()
{
    auto window = newWindow();
    QTemporaryDir broken;
    QJsonObject manifest = lesson_fixture::manifest();
    manifest[QStringLiteral("version")] = 7;
    const QString path = lesson_fixture::write(broken.path(), manifest);

    QString message;
    answerMessageBox(QStringLiteral("OK"), &message);
    QVERIFY(!window->openLesson(path));
    QVERIFY2(message.contains(QLatin1String("lesson.json: version:")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("current lesson stays open")), qPrintable(message));
    QCOMPARE(window->lessonPanel()->lesson().id, QStringLiteral("test-lesson"));
}

QTEST_MAIN(TestLessonPanel)
#include "tst_lesson_panel.moc"
