// The workbench in front of a class: View ▸ Zoom in / out / Actual size scale
// the whole window, heatmap numbers included; F11 fills the screen; F5 is the
// presentation mode; Help ▸ Handbook lists the keys and the user guide.

#include "classroom_actions.h"
#include "handbook_dialog.h"
#include "heatmap_view.h"
#include "main_window.h"
#include "presets.h"
#include "scenario_file.h"

#include <QAction>
#include <QDockWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>
#include <memory>

using attn::Stage;
using attn::ui::ClassroomActions;
using attn::ui::HandbookDialog;
using attn::ui::MainWindow;

namespace {

std::unique_ptr<MainWindow> openTutorial()
{
    const attn::ui::ScenarioReadResult tutorial = attn::ui::loadPreset(QStringLiteral("tutorial"));
    auto window = std::make_unique<MainWindow>(*tutorial.scenario);
    window->setWindowState(Qt::WindowNoState);
    window->resize(1280, 800);
    window->show();
    window->activateWindow();
    return window;
}

QAction *actionNamed(const MainWindow &window, const QString &name)
{
    for (QAction *action : window.findChildren<QAction *>())
        if (action->objectName() == name)
            return action;
    return nullptr;
}

QDockWidget *dockNamed(const MainWindow &window, const QString &name)
{
    return window.findChild<QDockWidget *>(name);
}

} // namespace

class TestClassroom : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void zoomKeysScaleTheWholeWindow();
    void zoomIsRemembered();
    void fullScreenKey();
    void presentationHidesTheEditorsAndPutsThemBack();
    void handbookListsTheKeysAndTheGuide();
    void userGuideIsTheReadmeSection();
};

void TestClassroom::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("AttentionLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_classroom"));
    static QTemporaryDir settingsDir;
    QVERIFY(settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QLocale::setDefault(QLocale::c());
    // A known base size, so that the steps can be checked by hand.
    QFont font = QApplication::font();
    font.setPointSizeF(10.0);
    QApplication::setFont(font);
}

void TestClassroom::init()
{
    QSettings().clear();
}

void TestClassroom::zoomKeysScaleTheWholeWindow()
{
    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    window->revealAll();
    attn::ui::HeatmapView *scores = window->heatmap(Stage::Scores);
    QVERIFY(scores);
    QTRY_COMPARE(scores->font().pointSizeF(), 10.0);

    // Ctrl+= (Ctrl++ without Shift): 10 pt → 11 pt (110 %), then 12.5 pt (125 %).
    QTest::keyClick(window.get(), Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(window->classroomActions()->zoom(), 1.1);
    QTRY_COMPARE(window->font().pointSizeF(), 11.0);
    QTRY_COMPARE(window->menuBar()->font().pointSizeF(), 11.0);
    QTRY_COMPARE(scores->font().pointSizeF(), 11.0);
    QTest::keyClick(window.get(), Qt::Key_Plus, Qt::ControlModifier);
    QTRY_COMPARE(scores->font().pointSizeF(), 12.5);
    QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("125")));

    // Ctrl+−: back one step; Ctrl+0: the system's size.
    QTest::keyClick(window.get(), Qt::Key_Minus, Qt::ControlModifier);
    QTRY_COMPARE(scores->font().pointSizeF(), 11.0);
    QTest::keyClick(window.get(), Qt::Key_0, Qt::ControlModifier);
    QTRY_COMPARE(scores->font().pointSizeF(), 10.0);
    QVERIFY(!actionNamed(*window, QStringLiteral("actualSize"))->isEnabled());

    // Five steps out from 100 %: 90, 80, 67, 50, and no further.
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(window.get(), Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(window->classroomActions()->zoom(), 0.5);
    QTRY_COMPARE(scores->font().pointSizeF(), 5.0);
    QVERIFY(!actionNamed(*window, QStringLiteral("zoomOut"))->isEnabled());
}

void TestClassroom::zoomIsRemembered()
{
    {
        const auto window = openTutorial();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTest::keyClick(window.get(), Qt::Key_Equal, Qt::ControlModifier);
        QTest::keyClick(window.get(), Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(window->classroomActions()->zoom(), 1.25);
    }
    const auto again = openTutorial();
    QCOMPARE(again->classroomActions()->zoom(), 1.25);
    QTRY_COMPARE(again->font().pointSizeF(), 12.5);
    again->classroomActions()->setZoom(1.0);
}

void TestClassroom::fullScreenKey()
{
    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QAction *fullScreen = actionNamed(*window, QStringLiteral("fullScreen"));
    QVERIFY(fullScreen);
    QVERIFY(fullScreen->shortcuts().contains(QKeySequence(Qt::Key_F11)));
    QTest::keyClick(window.get(), Qt::Key_F11);
    QTRY_VERIFY(window->windowState().testFlag(Qt::WindowFullScreen));
    QVERIFY(fullScreen->isChecked());
    QTest::keyClick(window.get(), Qt::Key_F11);
    QTRY_VERIFY(!window->windowState().testFlag(Qt::WindowFullScreen));
    QVERIFY(!fullScreen->isChecked());
}

void TestClassroom::presentationHidesTheEditorsAndPutsThemBack()
{
    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QDockWidget *inputs = dockNamed(*window, QStringLiteral("inputsDock"));
    QDockWidget *options = dockNamed(*window, QStringLiteral("optionsDock"));
    QVERIFY(inputs && options);
    // Tabbed: the Matrices tab is the one shown.
    QVERIFY(inputs->isVisible());

    QTest::keyClick(window.get(), Qt::Key_F5);
    QVERIFY(actionNamed(*window, QStringLiteral("presentation"))->isChecked());
    QVERIFY(!inputs->isVisible());
    QVERIFY(!options->isVisible());
    QVERIFY(!window->statusBar()->isVisible());
    QTRY_VERIFY(window->windowState().testFlag(Qt::WindowFullScreen));
    // Two zoom steps in: 100 % → 125 %.
    QCOMPARE(window->classroomActions()->zoom(), 1.25);

    // Esc, with nothing else to take it, ends the presentation.
    QTest::keyClick(window.get(), Qt::Key_Escape);
    QVERIFY(!actionNamed(*window, QStringLiteral("presentation"))->isChecked());
    QVERIFY(inputs->isVisible());
    QVERIFY(!options->isHidden()); // tabbed behind Matrices, not closed
    QVERIFY(window->statusBar()->isVisible());
    QTRY_VERIFY(!window->windowState().testFlag(Qt::WindowFullScreen));
    QCOMPARE(window->classroomActions()->zoom(), 1.0);
}

void TestClassroom::handbookListsTheKeysAndTheGuide()
{
    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QAction *handbook = actionNamed(*window, QStringLiteral("handbook"));
    QVERIFY(handbook);
    handbook->trigger();
    auto *dialog = window->findChild<HandbookDialog *>();
    QVERIFY(dialog);
    const QString page = dialog->markdown();
    // Keys read from the menus, written here as a user would look them up.
    QVERIFY2(page.contains(QStringLiteral("| View ▸ Full screen | `F11` |")), qPrintable(page));
    QVERIFY(page.contains(QStringLiteral("| View ▸ Presentation mode | `F5` |")));
    QVERIFY(page.contains(QStringLiteral("| File ▸ Open | `Ctrl+O` |")));
    QVERIFY(page.contains(QStringLiteral("`Ctrl+0`")));
    // The README's user guide is built in.
    QVERIFY(page.contains(QStringLiteral("## Using the window")));
    QVERIFY(page.contains(QStringLiteral("### Saving, autosave and recovery")));
    QVERIFY(!page.contains(QStringLiteral("## Scenario files")));
    auto *text = dialog->findChild<QTextBrowser *>(QStringLiteral("handbookText"));
    QVERIFY(text);
    QVERIFY(text->toPlainText().contains(QStringLiteral("Using the window")));
    dialog->close();
}

void TestClassroom::userGuideIsTheReadmeSection()
{
    const QString readme = QStringLiteral("# Title\n\nIntro.\n\n## Start\n\nRun it.\n\n"
                                          "## Using the window\n\nPoint at a cell.\n\n"
                                          "### Export\n\nFigures.\n\n## Scenario files\n\nJSON.\n");
    QCOMPARE(HandbookDialog::userGuide(readme),
             QStringLiteral("## Using the window\n\nPoint at a cell.\n\n### Export\n\nFigures.\n"));
    QCOMPARE(HandbookDialog::userGuide(QStringLiteral("# Nothing here\n")), QString());
}

QTEST_MAIN(TestClassroom)
#include "tst_classroom.moc"
