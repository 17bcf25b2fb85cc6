// The workbench window (ui/main_window.h) driven as a learner drives it:
// typing into W_K, scrubbing W_Q and undoing it, stepping Back and Next
// through the pipeline, choosing the causal mask, loading every preset,
// saving and reopening, answering the unsaved-changes prompt, pointing at a
// score, typing something that is not a number.
//
// Each test function opens a fresh window on the tutorial and finds its parts
// by object name, as a person finds them by sight: the editors "editor_W_K",
// the heatmaps "heatmap_weights", the options "maskCombo", the stage formula
// "stageFormula". The heatmaps are read back through HeatmapView (cellValue,
// cellIsMasked, isConcealed, highlightCells).
//
// Expected numbers: tests/reference/window_reference.py (plain NumPy and the
// preset files as they ship) and hand arithmetic, never the app.

#include "document.h"
#include "explanation_panel.h"
#include "heatmap_view.h"
#include "main_window.h"
#include "matrix_compare.h"
#include "matrix_editor.h"
#include "matrix_model.h"
#include "pipeline_view.h"
#include "presets.h"
#include "scenario_file.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QtTest>
#include <cmath>
#include <memory>

using attn::MatrixId;
using attn::Stage;
using attn::ui::HeatmapView;
using attn::ui::MainWindow;
using attn::ui::MatrixEditor;
using testsupport::matrixOf;

namespace {

constexpr double tolerance = 1e-12;

// ---- NumPy: tests/reference/window_reference.py ----------------------------
// clang-format off

// The tutorial as the window opens on it (section "tutorial").
const attn::Matrix tutorialEmbeddings = matrixOf({
    {1.0, 0.0, 0.0},
    {0.0, 1.0, 0.0},
    {1.0, 1.0, 0.0},
    {0.0, 0.0, 1.0}});
const attn::Matrix tutorialQueries = matrixOf({
    {2.0, 0.0, 2.0},
    {2.0, 0.0, 0.0},
    {4.0, 0.0, 2.0},
    {2.0, 1.0, 2.0}});
const attn::Matrix tutorialKeys = matrixOf({
    {2.0, 2.0, 2.0},
    {0.0, 2.0, 1.0},
    {2.0, 4.0, 3.0},
    {0.0, 1.0, 1.0}});
const attn::Matrix tutorialValues = matrixOf({
    {1.0, 1.0, 0.0},
    {0.0, 1.0, 1.0},
    {1.0, 2.0, 1.0},
    {0.0, 0.0, 0.0}});
const attn::Matrix tutorialScores = matrixOf({
    {8.0, 2.0, 10.0, 2.0},
    {4.0, 0.0, 4.0, 0.0},
    {12.0, 2.0, 14.0, 2.0},
    {10.0, 4.0, 14.0, 3.0}});
// Nothing is masked in the tutorial: the masked stage equals the scaled one.
const attn::Matrix tutorialScaled = matrixOf({
    {4.618802153517007, 1.1547005383792517, 5.773502691896258, 1.1547005383792517},
    {2.3094010767585034, 0.0, 2.3094010767585034, 0.0},
    {6.92820323027551, 1.1547005383792517, 8.082903768654761, 1.1547005383792517},
    {5.773502691896258, 2.3094010767585034, 8.082903768654761, 1.7320508075688774}});
const attn::Matrix tutorialWeights = matrixOf({
    {0.23608986335744747, 0.007389875548932189, 0.7491303855446881, 0.007389875548932189},
    {0.4548263225195752, 0.0451736774804248, 0.4548263225195752, 0.0451736774804248},
    {0.23927504868045535, 0.0007438700150519289, 0.7592372112894408, 0.0007438700150519289},
    {0.08995017535419739, 0.0028155406251633023, 0.9056536848050253, 0.0015805992156140561}});
const attn::Matrix tutorialOutput = matrixOf({
    {0.9852202489021356, 1.741740509995756, 0.7565202610936204},
    {0.9096526450391504, 1.4096526450391504, 0.5},
    {0.9985122599698961, 1.7584933412743888, 0.7599810813044927},
    {0.9956038601592226, 1.9040730855894112, 0.9084692254301886}});

// W_K[1][0] = 3, typed (section "edits").
const attn::Matrix typedWeights = matrixOf({
    {0.009670821506313404, 0.009670821506313404, 0.9803556495082324, 0.0003027074791406484},
    {0.02760894959798307, 0.0876052142294083, 0.8820436954411675, 0.0027421407314413148},
    {0.0003083754787203802, 0.0009784979243965437, 0.9987121679040596, 9.586928234365135e-07},
    {0.0030894709095985293, 0.0030894709095985293, 0.993766770178838, 5.4288001964923435e-05}});

// W_Q[0][0] = 2.5: scrubbed 30 px right, 6 px per step of 0.1 (section "edits").
const attn::Matrix scrubbedScores = matrixOf({
    {9.0, 2.0, 11.0, 2.0},
    {4.0, 0.0, 4.0, 0.0},
    {13.0, 2.0, 15.0, 2.0},
    {10.0, 4.0, 14.0, 3.0}});
const attn::Matrix scrubbedWeights = matrixOf({
    {0.2376303344564861, 0.00417562632611923, 0.7540184128912754, 0.00417562632611923},
    {0.4548263225195752, 0.0451736774804248, 0.4548263225195752, 0.0451736774804248},
    {0.2394312887800494, 0.0004178693396700337, 0.7597329725406106, 0.0004178693396700337},
    {0.08995017535419739, 0.0028155406251633023, 0.9056536848050253, 0.0015805992156140561}});

// The causal mask on the tutorial (section "causal").
const attn::Matrix causalWeights = matrixOf({
    {1.0, 0.0, 0.0, 0.0},
    {0.9096526450391504, 0.0903473549608496, 0.0, 0.0},
    {0.2394531707141587, 0.0007444237695726058, 0.7598024055162685, 0.0},
    {0.08995017535419739, 0.0028155406251633023, 0.9056536848050253, 0.0015805992156140561}});

// The multi-head preset as it ships: two heads, concatenated, W_O (section "multihead").
const attn::Matrix multiHeadWeights0 = matrixOf({
    {0.25, 0.25, 0.25, 0.25},
    {0.05020375525778152, 0.05020375525778152, 0.8493887342266555, 0.05020375525778152},
    {0.027903609603584872, 0.47209639039641516, 0.027903609603584872, 0.47209639039641516},
    {0.05020375525778152, 0.05020375525778152, 0.8493887342266555, 0.05020375525778152}});
const attn::Matrix multiHeadWeights1 = matrixOf({
    {0.8493887342266555, 0.05020375525778152, 0.05020375525778152, 0.05020375525778152},
    {0.027903609603584872, 0.47209639039641516, 0.027903609603584872, 0.47209639039641516},
    {0.25, 0.25, 0.25, 0.25},
    {0.027903609603584872, 0.47209639039641516, 0.027903609603584872, 0.47209639039641516}});
const attn::Matrix multiHeadConcat = matrixOf({
    {0.5, 0.25, 0.10040751051556304, 0.8493887342266555},
    {0.10040751051556304, 0.8493887342266555, 0.9441927807928303, 0.027903609603584872},
    {0.9441927807928303, 0.027903609603584872, 0.5, 0.25},
    {0.10040751051556304, 0.8493887342266555, 0.9441927807928303, 0.027903609603584872}});
const attn::Matrix multiHeadProjected = matrixOf({
    {0.6004075105155631, 0.25, 0.8493887342266555},
    {1.0446002913083934, 0.8493887342266555, 0.027903609603584872},
    {1.4441927807928303, 0.027903609603584872, 0.25},
    {1.0446002913083934, 0.8493887342266555, 0.027903609603584872}});

// clang-format on

// ---- the stages of the tutorial, in the order the lesson reveals them -------

struct StageName
{
    Stage stage;
    const char *key;   ///< the heatmap is named "heatmap_<key>"
    const char *title; ///< what the formula line calls the stage
};

const StageName tutorialStages[] = {
    {Stage::Embeddings, "embeddings", "Embeddings"},
    {Stage::Queries, "queries", "Queries"},
    {Stage::Keys, "keys", "Keys"},
    {Stage::Values, "values", "Values"},
    {Stage::Scores, "scores", "Scores"},
    {Stage::Scaled, "scaled", "Scaled scores"},
    {Stage::Masked, "masked", "Masked scores"},
    {Stage::Weights, "weights", "Attention weights"},
    {Stage::Output, "output", "Output"},
};
constexpr int tutorialStageCount = int(std::size(tutorialStages));

/// The presets the menu must offer, in the lesson's order.
const QStringList expectedPresets = {
    "tutorial", "causal",  "padding", "cross-attention", "local-m",    "local-p",
    "hard",     "sampled", "general", "additive",        "multi-head", "positional",
    "image-patches",
};

// ---- finding the window's parts ----------------------------------------------

attn::Scenario tutorialPreset()
{
    const attn::ui::ScenarioReadResult preset = attn::ui::loadPreset(QStringLiteral("tutorial"));
    if (!preset.ok())
        qFatal("the tutorial preset does not load: %s", qPrintable(preset.error));
    return *preset.scenario;
}

/// A new window on the tutorial, shown and active. The offscreen screen is
/// smaller than the 1280×800 the window is designed for, and on a small
/// screen the window starts at the screen's size; `designSize` resizes it to
/// 1280×800 as on the learner's laptop.
std::unique_ptr<MainWindow> openTutorial(bool designSize = true)
{
    auto window = std::make_unique<MainWindow>(tutorialPreset());
    if (designSize) {
        // A first start maximises the window: the tests that need a known size
        // take it back to a normal window first.
        window->setWindowState(Qt::WindowNoState);
        window->resize(1280, 800);
    }
    window->show();
    window->activateWindow();
    return window;
}

/// Scrolls the cards until `view` is wholly in view.
void scrollIntoView(QWidget *view)
{
    for (QWidget *parent = view->parentWidget(); parent; parent = parent->parentWidget()) {
        if (auto *scroll = qobject_cast<QScrollArea *>(parent)) {
            scroll->ensureWidgetVisible(view, 0, 0);
            return;
        }
    }
}

HeatmapView *heatmap(const MainWindow &window, const char *key)
{
    return window.pipeline()->findChild<HeatmapView *>(
        QStringLiteral("heatmap_%1").arg(QLatin1String(key)));
}

MatrixEditor *editorOf(const MainWindow &window, const char *symbol)
{
    return window.findChild<MatrixEditor *>(QStringLiteral("editor_%1").arg(QLatin1String(symbol)));
}

QString formulaText(const MainWindow &window)
{
    const auto *label = window.pipeline()->findChild<QLabel *>(QStringLiteral("stageFormula"));
    return label ? label->text() : QString();
}

QToolBar *toolBar(const MainWindow &window)
{
    return window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
}

/// The top-level menu whose title (without its '&') is `title`.
QMenu *menu(const MainWindow &window, const QString &title)
{
    for (QAction *action : window.menuBar()->actions()) {
        if (action->menu() && action->text().remove(QLatin1Char('&')) == title)
            return action->menu();
    }
    return nullptr;
}

QAction *actionNamed(const QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions()) {
        // A preset is found by its name as well as by its title.
        if (action->text().remove(QLatin1Char('&')) == text || action->data().toString() == text)
            return action;
    }
    return nullptr;
}

/// Everything the heatmap's colour map holds, as a matrix.
attn::Matrix valuesOf(const HeatmapView *view)
{
    attn::Matrix values(view->rowCount(), view->columnCount());
    for (int row = 0; row < view->rowCount(); ++row)
        for (int column = 0; column < view->columnCount(); ++column)
            values(row, column) = view->cellValue(row, column);
    return values;
}

/// The labels a text ticker puts on an axis, in axis order.
QStringList tickLabels(const QCPAxis *axis)
{
    const auto ticker = qSharedPointerDynamicCast<QCPAxisTickerText>(axis->ticker());
    return ticker ? ticker->ticks().values() : QStringList();
}

/// The pixel at the centre of a cell, in the plot's coordinates.
QPoint cellCentre(const HeatmapView *view, int row, int column)
{
    return {int(std::lround(view->columnAxis()->coordToPixel(column))),
            int(std::lround(view->rowAxis()->coordToPixel(row)))};
}

QModelIndex cellOf(const MatrixEditor *editor, int row, int matrixColumn)
{
    const auto *model = editor->matrixModel();
    return model->index(row, matrixColumn + (model->hasTokenColumn() ? 1 : 0));
}

double scenarioValue(const MainWindow &window, MatrixId id, int row, int column)
{
    return attn::matrixOf(window.document()->scenario(), id)(row, column);
}

// ---- doing things as a person does --------------------------------------------

/// Opens a cell's editor, types `text` over the selected value, presses Return.
void typeInto(MatrixEditor *editor, const QModelIndex &index, const QString &text)
{
    editor->setCurrentIndex(index);
    editor->edit(index);
    auto *input = qobject_cast<QLineEdit *>(editor->indexWidget(index));
    QVERIFY2(input, "the cell opened no line edit");
    QTest::keyClicks(input, text);
    QTest::keyClick(input, Qt::Key_Return);
}

/// Presses on a cell, drags `dx` pixels to the right in steps of 3, releases.
void scrub(MatrixEditor *editor, const QModelIndex &index, int dx)
{
    QWidget *viewport = editor->viewport();
    const QPoint start = editor->visualRect(index).center();
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, start);
    for (int moved = 3; moved <= dx; moved += 3)
        QTest::mouseEvent(QTest::MouseMove, viewport, Qt::NoButton, Qt::NoModifier,
                          start + QPoint(moved, 0));
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, start + QPoint(dx, 0));
}

/// Types a key combination where a real key press would go: the focus widget.
void pressKeys(MainWindow &window, Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    QWidget *target = QApplication::focusWidget();
    QTest::keyClick(target ? target : &window, key, modifiers);
}

/// Clicks the Options tab of the dock area, as a learner brings the options up.
bool showOptionsTab(MainWindow &window)
{
    for (QTabBar *tabs : window.findChildren<QTabBar *>()) {
        for (int tab = 0; tab < tabs->count(); ++tab) {
            if (tabs->tabText(tab).remove(QLatin1Char('&')) == QLatin1String("Options")) {
                QTest::mouseClick(tabs, Qt::LeftButton, Qt::NoModifier,
                                  tabs->tabRect(tab).center());
                return true;
            }
        }
    }
    return false;
}

/// Answers every message box the window opens while this lives: keeps its
/// text and clicks `answer` on it (or its escape button if it has no such
/// button). A box runs its own event loop, so the answer comes from a timer.
class MessageBoxAnswerer : public QObject
{
public:
    explicit MessageBoxAnswerer(QMessageBox::StandardButton answer) : m_answer(answer)
    {
        connect(&m_timer, &QTimer::timeout, this, &MessageBoxAnswerer::answerVisibleBox);
        m_timer.start(10);
    }

    QStringList texts;

private:
    void answerVisibleBox()
    {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->isVisible() || box == m_lastAnswered)
            return;
        m_lastAnswered = box;
        texts << box->text();
        QAbstractButton *button = box->button(m_answer);
        if (!button)
            button = box->escapeButton();
        if (button)
            QTest::mouseClick(button, Qt::LeftButton);
        else
            box->reject();
    }

    QMessageBox::StandardButton m_answer;
    QTimer m_timer;
    QPointer<QMessageBox> m_lastAnswered;
};

/// Which stages the heatmaps conceal, e.g. "ooooo????" (o shown, ? concealed).
QString concealment(const MainWindow &window)
{
    QString pattern;
    for (const StageName &stage : tutorialStages) {
        const HeatmapView *view = heatmap(window, stage.key);
        pattern += !view                 ? QLatin1Char('!')
                   : view->isConcealed() ? QLatin1Char('?')
                                         : QLatin1Char('o');
    }
    return pattern;
}

QString expectedConcealment(int revealed)
{
    return QString(revealed + 1, QLatin1Char('o')) +
           QString(tutorialStageCount - revealed - 1, QLatin1Char('?'));
}

QString stageLine(int revealed)
{
    return QStringLiteral("Stage %1 of %2 · %3")
        .arg(revealed + 1)
        .arg(tutorialStageCount)
        .arg(QLatin1String(tutorialStages[revealed].title));
}

enum class Driver
{
    Actions,   ///< the pipeline's QActions, as the View menu triggers them
    Shortcuts, ///< Alt+← and Alt+→
    ToolBar,   ///< the Back and Next buttons of the main tool bar
};

} // namespace

Q_DECLARE_METATYPE(Driver)

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void opensOnTheTutorial();
    void everyStageHoldsTheTutorialsNumbers_data();
    void everyStageHoldsTheTutorialsNumbers();
    void everyStageIsReadableAt1280x800();

    void typingIntoWKChangesTheWeights_data();
    void typingIntoWKChangesTheWeights();
    void scrubIsUndoneInOneStep_data();
    void scrubIsUndoneInOneStep();
    void badValueIsRejectedAndNamed_data();
    void badValueIsRejectedAndNamed();

    void backAndNextStepThroughEveryStage_data();
    void backAndNextStepThroughEveryStage();
    void lastStageIsTheSameWhicheverWayReached();

    void causalMaskFromTheOptions();
    void maskedWeightsReadZero();

    void presetsMenuOffersEveryPreset();
    void everyPresetLoads_data();
    void everyPresetLoads();
    void crossAttentionNamesTheSourceWords_data();
    void crossAttentionNamesTheSourceWords();
    void multiHeadShowsTheChosenHead();

    void saveEditReopen();
    void titleShowsUnsavedChanges();
    void unsavedChangesPrompt_data();
    void unsavedChangesPrompt();
    void promptCanSaveFirst();
    void badFileKeepsTheWork();
    void failedSaveKeepsTheWorkUnsaved();

    void hoverExplainsAScore_data();
    void hoverExplainsAScore();
    void hoverOfAConcealedStageExplainsNothing();

    void windowSizeIsRemembered();
};

void TestMainWindow::initTestCase()
{
    // Never the learner's settings, never an earlier run's: a private settings
    // location, emptied before every test.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("AttentionLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
    static QTemporaryDir settingsDir;
    QVERIFY(settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QLocale::setDefault(QLocale::c());
}

void TestMainWindow::init()
{
    QSettings().clear();
}

// ---- the window as it opens --------------------------------------------------

void TestMainWindow::opensOnTheTutorial()
{
    const auto window = openTutorial(false);
    QVERIFY(QTest::qWaitForWindowActive(window.get()));

    // The first start fills a screen up to 1920 wide (the offscreen test screen is 800×800).
    QVERIFY(window->isMaximized());
    const QSize available = window->screen()->availableGeometry().size();
    QTRY_COMPARE(window->frameGeometry().size(), available);
    QCOMPARE(window->windowTitle(), QStringLiteral("Attention from scratch[*] — Attention Lab"));
    QVERIFY(!window->isWindowModified());
    QCOMPARE(concealment(*window), expectedConcealment(tutorialStageCount - 1));
    QVERIFY2(formulaText(*window).contains(stageLine(tutorialStageCount - 1)),
             qPrintable(formulaText(*window)));
    QVERIFY(window->pipeline()->backAction()->isEnabled());
    QVERIFY(!window->pipeline()->nextAction()->isEnabled());
    QVERIFY(window->explanationPanel()->workingText().isEmpty());
    for (const char *symbol : {"X", "W_Q", "W_K", "W_V"}) {
        const MatrixEditor *editor = editorOf(*window, symbol);
        QVERIFY2(editor && editor->isVisible(), symbol);
    }
    QVERIFY2(!editorOf(*window, "W_O")->isVisibleTo(window.get()),
             "the tutorial has no W_O, yet its editor shows");
}

void TestMainWindow::everyStageHoldsTheTutorialsNumbers_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<attn::Matrix>("expected");

    QTest::newRow("embeddings X") << "embeddings" << tutorialEmbeddings;
    QTest::newRow("queries Q = X W_Q") << "queries" << tutorialQueries;
    QTest::newRow("keys K = X W_K") << "keys" << tutorialKeys;
    QTest::newRow("values V = X W_V") << "values" << tutorialValues;
    QTest::newRow("scores Q Kᵀ") << "scores" << tutorialScores;
    QTest::newRow("scaled by √3") << "scaled" << tutorialScaled;
    QTest::newRow("masked, nothing hidden") << "masked" << tutorialScaled;
    QTest::newRow("softmax weights") << "weights" << tutorialWeights;
    QTest::newRow("output weights·V") << "output" << tutorialOutput;
}

void TestMainWindow::everyStageHoldsTheTutorialsNumbers()
{
    QFETCH(QString, key);
    QFETCH(attn::Matrix, expected);

    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const HeatmapView *view = heatmap(*window, qPrintable(key));
    QVERIFY2(view, qPrintable(QStringLiteral("no heatmap_%1").arg(key)));

    VERIFY_MATRIX_NEAR(valuesOf(view), expected, tolerance);
    for (int row = 0; row < view->rowCount(); ++row)
        for (int column = 0; column < view->columnCount(); ++column)
            QVERIFY(!view->cellIsMasked(row, column));
}

// The promise: at 1280×800 every stage of the tutorial prints its
// numbers in its cells and names every word and every feature on its axes.
void TestMainWindow::everyStageIsReadableAt1280x800()
{
    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QCOMPARE(window->size(), QSize(1280, 800));

    const QStringList words = {"word_1", "word_2", "word_3", "word_4"};
    // Counted from 1, as the lesson counts.
    const QStringList features = {"1", "2", "3"};
    for (const StageName &stage : tutorialStages) {
        const HeatmapView *view = heatmap(*window, stage.key);
        const bool keysAcross = stage.stage >= Stage::Scores && stage.stage <= Stage::Weights;
        QTRY_VERIFY2(view->valueLabelsVisible(),
                     qPrintable(QStringLiteral("%1 prints no numbers").arg(stage.key)));
        QTRY_VERIFY2(tickLabels(view->rowAxis()) == words,
                     qPrintable(QStringLiteral("%1 names its rows %2")
                                    .arg(QLatin1String(stage.key),
                                         tickLabels(view->rowAxis()).join(QStringLiteral(", ")))));
        QTRY_VERIFY2(
            tickLabels(view->columnAxis()) == (keysAcross ? words : features),
            qPrintable(QStringLiteral("%1 names its columns %2")
                           .arg(QLatin1String(stage.key),
                                tickLabels(view->columnAxis()).join(QStringLiteral(", ")))));
    }
}

// ---- editing the matrices ------------------------------------------------------

void TestMainWindow::typingIntoWKChangesTheWeights_data()
{
    QTest::addColumn<QString>("typed");

    QTest::newRow("an integer") << "3";
    QTest::newRow("with decimals") << "3.000";
    QTest::newRow("with an exponent") << "3e0";
}

// W_K[1][0] = 3 (was 0): K row 1 = [0,1,0] W_K = [3, 2, 1] and K row 2 =
// [1,1,0] W_K = [5, 4, 3] by hand; the weights from NumPy.
void TestMainWindow::typingIntoWKChangesTheWeights()
{
    QFETCH(QString, typed);

    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    MatrixEditor *editor = editorOf(*window, "W_K");
    QVERIFY(editor);
    const HeatmapView *weights = heatmap(*window, "weights");
    const HeatmapView *keys = heatmap(*window, "keys");

    typeInto(editor, cellOf(editor, 1, 0), typed);

    QTRY_COMPARE(scenarioValue(*window, MatrixId::KeyWeights, 1, 0), 3.0);
    VERIFY_MATRIX_NEAR(valuesOf(weights), typedWeights, tolerance);
    VERIFY_MATRIX_NEAR(valuesOf(keys), matrixOf({{2, 2, 2}, {3, 2, 1}, {5, 4, 3}, {0, 1, 1}}),
                       tolerance);
    QCOMPARE(editor->model()->data(cellOf(editor, 1, 0)).toString(), QStringLiteral("3"));
    QCOMPARE(window->document()->undoStack()->count(), 1);
    QVERIFY(window->isWindowModified());
}

void TestMainWindow::scrubIsUndoneInOneStep_data()
{
    QTest::addColumn<QString>("undoBy");

    QTest::newRow("Ctrl+Z") << "keys";
    QTest::newRow("Undo on the tool bar") << "toolbar";
    QTest::newRow("Edit > Undo") << "menu";
}

// A drag of 30 px is 5 steps of 0.1: W_Q[0][0] goes from 2 to 2.5 through
// 2.1, 2.2, …; the whole drag is one undo step back to the tutorial.
void TestMainWindow::scrubIsUndoneInOneStep()
{
    QFETCH(QString, undoBy);

    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    MatrixEditor *editor = editorOf(*window, "W_Q");
    QVERIFY(editor);
    const HeatmapView *scores = heatmap(*window, "scores");
    const HeatmapView *weights = heatmap(*window, "weights");
    const attn::Matrix weightsBefore = valuesOf(weights);
    const attn::Matrix scoresBefore = valuesOf(scores);

    scrub(editor, cellOf(editor, 0, 0), 30);

    QTRY_COMPARE(scenarioValue(*window, MatrixId::QueryWeights, 0, 0), 2.5);
    VERIFY_MATRIX_NEAR(valuesOf(scores), scrubbedScores, tolerance);
    VERIFY_MATRIX_NEAR(valuesOf(weights), scrubbedWeights, tolerance);
    QCOMPARE(window->document()->undoStack()->count(), 1);
    QVERIFY(window->isWindowModified());

    if (undoBy == QLatin1String("keys")) {
        pressKeys(*window, Qt::Key_Z, Qt::ControlModifier);
    } else if (undoBy == QLatin1String("toolbar")) {
        QToolBar *tools = toolBar(*window);
        QVERIFY(tools);
        QAction *undo = nullptr;
        for (QAction *action : tools->actions())
            if (action->text().remove(QLatin1Char('&')).startsWith(QLatin1String("Undo")))
                undo = action;
        QVERIFY2(undo, "no Undo button on the tool bar");
        QTest::mouseClick(tools->widgetForAction(undo), Qt::LeftButton);
    } else {
        QMenu *edit = menu(*window, QStringLiteral("Edit"));
        QVERIFY(edit);
        QAction *undo = nullptr;
        for (QAction *action : edit->actions())
            if (action->text().remove(QLatin1Char('&')).startsWith(QLatin1String("Undo")))
                undo = action;
        QVERIFY2(undo, "no Undo in the Edit menu");
        undo->trigger();
    }

    QTRY_COMPARE(scenarioValue(*window, MatrixId::QueryWeights, 0, 0), 2.0);
    // Back to the tutorial to the bit, not merely close to it.
    VERIFY_MATRIX_EQUAL(valuesOf(weights), weightsBefore);
    VERIFY_MATRIX_EQUAL(valuesOf(scores), scoresBefore);
    VERIFY_MATRIX_NEAR(valuesOf(weights), tutorialWeights, tolerance);
    QVERIFY(window->document()->scenario() == tutorialPreset());
    QVERIFY(!window->isWindowModified());
}

void TestMainWindow::badValueIsRejectedAndNamed_data()
{
    QTest::addColumn<QString>("typed");

    QTest::newRow("letters") << "abc";
    QTest::newRow("two decimal points") << "1.2.3";
    QTest::newRow("infinity") << "inf";
}

void TestMainWindow::badValueIsRejectedAndNamed()
{
    QFETCH(QString, typed);

    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    MatrixEditor *editor = editorOf(*window, "W_K");
    QVERIFY(editor);
    const HeatmapView *weights = heatmap(*window, "weights");

    typeInto(editor, cellOf(editor, 1, 0), typed);

    QTRY_VERIFY(!editor->indexWidget(cellOf(editor, 1, 0)));
    const QString message = window->statusBar()->currentMessage();
    QVERIFY2(message.contains(QLatin1String("W_K[2][1]")), qPrintable(message));
    QVERIFY2(message.contains(typed), qPrintable(message));
    QCOMPARE(scenarioValue(*window, MatrixId::KeyWeights, 1, 0), 0.0);
    QCOMPARE(window->document()->undoStack()->count(), 0);
    QVERIFY(!window->isWindowModified());
    VERIFY_MATRIX_NEAR(valuesOf(weights), tutorialWeights, tolerance);
}

// ---- stepping through the pipeline ---------------------------------------------

void TestMainWindow::backAndNextStepThroughEveryStage_data()
{
    QTest::addColumn<Driver>("driver");

    QTest::newRow("View menu actions") << Driver::Actions;
    QTest::newRow("Alt+Left / Alt+Right") << Driver::Shortcuts;
    QTest::newRow("tool bar buttons") << Driver::ToolBar;
}

void TestMainWindow::backAndNextStepThroughEveryStage()
{
    QFETCH(Driver, driver);

    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QAction *back = window->pipeline()->backAction();
    QAction *next = window->pipeline()->nextAction();
    QToolBar *tools = toolBar(*window);
    QVERIFY(tools);

    const auto step = [&](bool forward) {
        switch (driver) {
        case Driver::Actions:
            (forward ? next : back)->trigger();
            break;
        case Driver::Shortcuts:
            pressKeys(*window, forward ? Qt::Key_Right : Qt::Key_Left, Qt::AltModifier);
            break;
        case Driver::ToolBar:
            QTest::mouseClick(tools->widgetForAction(forward ? next : back), Qt::LeftButton);
            break;
        }
    };
    const auto checkRevealed = [&](int revealed) {
        const QString where =
            QStringLiteral(" (revealed: %1)").arg(QLatin1String(tutorialStages[revealed].key));
        QCOMPARE(concealment(*window) + where, expectedConcealment(revealed) + where);
        QVERIFY2(formulaText(*window).contains(stageLine(revealed)),
                 qPrintable(formulaText(*window) + where));
        QCOMPARE(back->isEnabled(), revealed > 0);
        QCOMPARE(next->isEnabled(), revealed < tutorialStageCount - 1);
    };

    checkRevealed(tutorialStageCount - 1);
    for (int revealed = tutorialStageCount - 2; revealed >= 0; --revealed) {
        step(false);
        checkRevealed(revealed);
        QCOMPARE(window->pipeline()->revealedStage(), tutorialStages[revealed].stage);
        if (QTest::currentTestFailed())
            return;
    }
    // At the first stage Back does nothing.
    step(false);
    checkRevealed(0);

    for (int revealed = 1; revealed < tutorialStageCount; ++revealed) {
        step(true);
        checkRevealed(revealed);
        QCOMPARE(window->pipeline()->revealedStage(), tutorialStages[revealed].stage);
        if (QTest::currentTestFailed())
            return;
    }
    // At the last stage Next does nothing.
    step(true);
    checkRevealed(tutorialStageCount - 1);

    // Show all, from the first stage, reveals every stage at once.
    window->pipeline()->revealUpTo(Stage::Embeddings);
    checkRevealed(0);
    QVERIFY(window->pipeline()->showAllAction()->isEnabled());
    window->pipeline()->showAllAction()->trigger();
    checkRevealed(tutorialStageCount - 1);
    QVERIFY(!window->pipeline()->showAllAction()->isEnabled());
}

// The window opens with every stage revealed; stepping Back and Next again
// ends at the same place, and the pipeline must say so the same way. Then a
// stage added at the end (ticking W_O in the options) must come out the same
// whichever way the learner got to the last stage.
void TestMainWindow::lastStageIsTheSameWhicheverWayReached()
{
    const auto fresh = openTutorial();
    const auto stepped = openTutorial();
    QVERIFY(QTest::qWaitForWindowExposed(fresh.get()));
    QVERIFY(QTest::qWaitForWindowExposed(stepped.get()));
    stepped->pipeline()->backAction()->trigger();
    stepped->pipeline()->nextAction()->trigger();
    QCOMPARE(formulaText(*stepped), formulaText(*fresh));
    QCOMPARE(concealment(*stepped), concealment(*fresh));
    const Stage revealedWhenFresh = fresh->pipeline()->revealedStage();
    const Stage revealedWhenStepped = stepped->pipeline()->revealedStage();

    for (MainWindow *window : {fresh.get(), stepped.get()}) {
        QVERIFY(showOptionsTab(*window));
        auto *projection = window->findChild<QCheckBox *>(QStringLiteral("outputProjectionCheck"));
        QVERIFY(projection);
        QTest::mouseClick(projection, Qt::LeftButton);
        QTRY_VERIFY(window->document()->scenario().wO.has_value());
        QVERIFY(heatmap(*window, "projected")->isVisibleTo(window));
    }
    const auto stageText = [](const MainWindow &window) {
        return formulaText(window).section(QLatin1Char('<'), 1, 1);
    };
    QCOMPARE(stageText(*stepped), stageText(*fresh));
    QCOMPARE(heatmap(*stepped, "projected")->isConcealed(),
             heatmap(*fresh, "projected")->isConcealed());
    QCOMPARE(stepped->pipeline()->nextAction()->isEnabled(),
             fresh->pipeline()->nextAction()->isEnabled());
    // Before W_O, both had revealed the same stage: Output, the last there was.
    QVERIFY2(revealedWhenFresh == Stage::Output && revealedWhenStepped == Stage::Output,
             qPrintable(QStringLiteral("revealedStage(): %1 when fresh, %2 after Back and Next "
                                       "(Output is %3)")
                            .arg(int(revealedWhenFresh))
                            .arg(int(revealedWhenStepped))
                            .arg(int(Stage::Output))));
}

// ---- options -------------------------------------------------------------------

// The causal mask, chosen in the options dock: key j > query i is hidden.
// The masked scores show −∞ above the diagonal and the scaled scores on and
// below it; the weights are NumPy's causal softmax.
void TestMainWindow::causalMaskFromTheOptions()
{
    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QVERIFY2(showOptionsTab(*window), "no Options tab beside the matrices");
    auto *maskCombo = window->findChild<QComboBox *>(QStringLiteral("maskCombo"));
    QVERIFY(maskCombo);
    QTRY_VERIFY(maskCombo->isVisible());
    QCOMPARE(maskCombo->currentText(), QStringLiteral("None"));

    maskCombo->setFocus(Qt::TabFocusReason);
    QTest::keyClick(maskCombo, Qt::Key_Down);

    QCOMPARE(maskCombo->currentText(), QStringLiteral("Causal"));
    QTRY_COMPARE(window->document()->scenario().mask, attn::MaskKind::Causal);
    const HeatmapView *masked = heatmap(*window, "masked");
    const HeatmapView *weights = heatmap(*window, "weights");
    const attn::Matrix &engineWeights = window->document()->trace().weights(0);
    for (int row = 0; row < 4; ++row) {
        for (int column = 0; column < 4; ++column) {
            const QString cell = QStringLiteral("cell (%1, %2)").arg(row).arg(column);
            const bool hidden = column > row;
            QVERIFY2(masked->cellIsMasked(row, column) == hidden,
                     qPrintable(QStringLiteral("masked scores, ") + cell));
            QVERIFY2(weights->cellIsMasked(row, column) == hidden,
                     qPrintable(QStringLiteral("weights, ") + cell));
            if (hidden) {
                QCOMPARE(masked->cellLabel(row, column), QStringLiteral("−∞"));
                QCOMPARE(engineWeights(row, column), 0.0);
            } else {
                VERIFY_NEAR(masked->cellValue(row, column), tutorialScaled(row, column), tolerance);
                VERIFY_NEAR(weights->cellValue(row, column), causalWeights(row, column), tolerance);
            }
        }
    }
    VERIFY_MATRIX_NEAR(engineWeights, causalWeights, tolerance);
    QCOMPARE(window->document()->undoStack()->count(), 1);

    // One undo takes the mask away again.
    window->document()->undoStack()->undo();
    QCOMPARE(maskCombo->currentText(), QStringLiteral("None"));
    for (int row = 0; row < 4; ++row)
        for (int column = 0; column < 4; ++column)
            QVERIFY(!masked->cellIsMasked(row, column));
    VERIFY_MATRIX_NEAR(valuesOf(weights), tutorialWeights, tolerance);
}

// A masked key gets weight exactly 0 (exp(−∞) = 0). The weights heatmap may
// draw the cell as masked, but the number it prints is the weight: 0, not
// the −∞ of the masked scores.
void TestMainWindow::maskedWeightsReadZero()
{
    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QVERIFY(showOptionsTab(*window));
    auto *maskCombo = window->findChild<QComboBox *>(QStringLiteral("maskCombo"));
    QVERIFY(maskCombo);
    maskCombo->setFocus(Qt::TabFocusReason);
    QTest::keyClick(maskCombo, Qt::Key_Down);
    QTRY_COMPARE(window->document()->scenario().mask, attn::MaskKind::Causal);

    const HeatmapView *weights = heatmap(*window, "weights");
    QCOMPARE(window->document()->trace().weights(0)(0, 1), 0.0);
    QCOMPARE(weights->cellLabel(0, 1), QStringLiteral("0"));
    QCOMPARE(weights->cellLabel(2, 3), QStringLiteral("0"));
    QCOMPARE(weights->cellLabel(0, 0), QStringLiteral("1"));
}

// ---- presets -------------------------------------------------------------------

void TestMainWindow::presetsMenuOffersEveryPreset()
{
    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const QMenu *presets = menu(*window, QStringLiteral("Presets"));
    QVERIFY2(presets, "no Presets menu");

    // Grouped under headings, each preset by its title, never its bare file name.
    QStringList offered;
    QStringList sections;
    for (const QAction *action : presets->actions()) {
        if (action->isSeparator()) {
            sections << action->text();
            continue;
        }
        const QString name = action->data().toString();
        offered << name;
        const QString title = action->text().remove(QLatin1Char('&'));
        QVERIFY2(title != name && title.size() > 6, qPrintable(title));
        QVERIFY2(!action->statusTip().isEmpty(), qPrintable(name));
    }
    QCOMPARE(sections, (QStringList{"Basics", "Masks", "Score functions",
                                    "Other kinds of attention", "What the tokens are"}));
    offered.sort();
    QStringList expected = expectedPresets;
    expected.sort();
    QCOMPARE(offered, expected);
    const QAction *causal = presets->findChild<QAction *>(QStringLiteral("preset_causal"));
    QVERIFY(causal);
    QCOMPARE(causal->text(), QStringLiteral("Causal mask"));
}

void TestMainWindow::everyPresetLoads_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("queries");
    QTest::addColumn<int>("keys");
    QTest::addColumn<int>("stages");

    // window_reference.py, section "presets": the words in each file and the
    // stages (nine, concat with several heads, the projection with W_O).
    QTest::newRow("additive") << QStringLiteral("additive") << 4 << 4 << 9;
    QTest::newRow("causal") << QStringLiteral("causal") << 4 << 4 << 9;
    QTest::newRow("cross-attention") << QStringLiteral("cross-attention") << 3 << 3 << 9;
    QTest::newRow("general") << QStringLiteral("general") << 4 << 4 << 9;
    QTest::newRow("hard") << QStringLiteral("hard") << 4 << 4 << 9;
    QTest::newRow("local-m") << QStringLiteral("local-m") << 6 << 6 << 9;
    QTest::newRow("local-p") << QStringLiteral("local-p") << 6 << 6 << 9;
    QTest::newRow("multi-head") << QStringLiteral("multi-head") << 4 << 4 << 11;
    QTest::newRow("padding") << QStringLiteral("padding") << 5 << 5 << 9;
    QTest::newRow("positional") << QStringLiteral("positional") << 5 << 5 << 9;
    QTest::newRow("sampled") << QStringLiteral("sampled") << 4 << 4 << 9;
    QTest::newRow("tutorial") << QStringLiteral("tutorial") << 4 << 4 << 9;
}

void TestMainWindow::everyPresetLoads()
{
    QFETCH(QString, name);
    QFETCH(int, queries);
    QFETCH(int, keys);
    QFETCH(int, stages);

    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    // Start from a stage in the middle: a preset shows all of itself.
    window->pipeline()->backAction()->trigger();
    window->pipeline()->backAction()->trigger();
    QMenu *presets = menu(*window, QStringLiteral("Presets"));
    QVERIFY(presets);
    QAction *action = actionNamed(presets, name);
    QVERIFY2(action, qPrintable(QStringLiteral("no %1 in the Presets menu").arg(name)));

    const MessageBoxAnswerer answerer(QMessageBox::Ok);
    action->trigger();

    QVERIFY2(answerer.texts.isEmpty(), qPrintable(answerer.texts.join(QLatin1Char('\n'))));
    QVERIFY2(!window->document()->error(),
             window->document()->error() ? window->document()->error()->message.c_str() : "");
    const auto *error = window->pipeline()->findChild<QLabel *>(QStringLiteral("scenarioError"));
    QVERIFY(error && !error->isVisible());
    QVERIFY(!window->isWindowModified());
    QVERIFY2(window->statusBar()->currentMessage().contains(name),
             qPrintable(window->statusBar()->currentMessage()));

    int shown = 0;
    for (const HeatmapView *view : window->pipeline()->findChildren<HeatmapView *>()) {
        if (!view->isVisibleTo(window.get()))
            continue;
        ++shown;
        QVERIFY2(!view->isConcealed(), qPrintable(view->objectName() + " is concealed"));
        QVERIFY2(view->rowCount() > 0 && view->columnCount() > 0, qPrintable(view->objectName()));
    }
    QCOMPARE(shown, stages);
    QVERIFY2(formulaText(*window).contains(QStringLiteral("Stage %1 of %1").arg(stages)),
             qPrintable(formulaText(*window)));

    for (const char *key : {"queries", "embeddings", "output"})
        QCOMPARE(heatmap(*window, key)->rowCount(), queries);
    for (const char *key : {"keys", "values"})
        QCOMPARE(heatmap(*window, key)->rowCount(), keys);
    for (const char *key : {"scores", "scaled", "masked", "weights"}) {
        const HeatmapView *view = heatmap(*window, key);
        QCOMPARE(QSize(view->columnCount(), view->rowCount()), QSize(keys, queries));
    }
}

void TestMainWindow::crossAttentionNamesTheSourceWords_data()
{
    QTest::addColumn<QSize>("size");

    QTest::newRow("1280×800") << QSize(1280, 800);
    QTest::newRow("1024×768, a classroom projector") << QSize(1024, 768);
    QTest::newRow("800×600, a small screen") << QSize(800, 600);
}

// The translation setting: French queries over the English source. The
// scores' and weights' rows are the French words, their columns every one of
// the three English words, at any usual window size.
void TestMainWindow::crossAttentionNamesTheSourceWords()
{
    QFETCH(QSize, size);

    const auto window = openTutorial();
    window->resize(size);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QAction *action =
        actionNamed(menu(*window, QStringLiteral("Presets")), QStringLiteral("cross-attention"));
    QVERIFY(action);
    action->trigger();
    QTRY_COMPARE(window->size(), size);

    // Which names fit is decided when the plots are laid out, after the
    // queued replots: wait for them.
    const QStringList french = {"la", "maison", "bleue"};
    const QStringList english = {"the", "blue", "house"};
    for (const char *key : {"scores", "scaled", "masked", "weights"}) {
        const HeatmapView *view = heatmap(*window, key);
        QTRY_VERIFY2(
            tickLabels(view->columnAxis()) == english,
            qPrintable(QStringLiteral("%1 names its columns %2")
                           .arg(QLatin1String(key),
                                tickLabels(view->columnAxis()).join(QStringLiteral(", ")))));
        QTRY_VERIFY2(tickLabels(view->rowAxis()) == french,
                     qPrintable(QStringLiteral("%1 names its rows %2")
                                    .arg(QLatin1String(key),
                                         tickLabels(view->rowAxis()).join(QStringLiteral(", ")))));
    }
    QCOMPARE(tickLabels(heatmap(*window, "keys")->rowAxis()), english);
    QCOMPARE(tickLabels(heatmap(*window, "queries")->rowAxis()), french);
}

// Two heads: the per-head stages show the chosen head; concat and the
// projection show both heads together whatever the choice.
void TestMainWindow::multiHeadShowsTheChosenHead()
{
    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QAction *action =
        actionNamed(menu(*window, QStringLiteral("Presets")), QStringLiteral("multi-head"));
    QVERIFY(action);
    action->trigger();

    auto *headCombo = window->pipeline()->findChild<QComboBox *>(QStringLiteral("headCombo"));
    QVERIFY(headCombo);
    QTRY_VERIFY(headCombo->isVisible());
    QCOMPARE(headCombo->count(), 2);
    const HeatmapView *weights = heatmap(*window, "weights");
    VERIFY_MATRIX_NEAR(valuesOf(weights), multiHeadWeights0, tolerance);
    VERIFY_MATRIX_NEAR(valuesOf(heatmap(*window, "concat")), multiHeadConcat, tolerance);
    VERIFY_MATRIX_NEAR(valuesOf(heatmap(*window, "projected")), multiHeadProjected, tolerance);

    headCombo->setFocus(Qt::TabFocusReason);
    QTest::keyClick(headCombo, Qt::Key_Down);

    QCOMPARE(headCombo->currentIndex(), 1);
    VERIFY_MATRIX_NEAR(valuesOf(weights), multiHeadWeights1, tolerance);
    VERIFY_MATRIX_NEAR(valuesOf(heatmap(*window, "concat")), multiHeadConcat, tolerance);
    VERIFY_MATRIX_NEAR(valuesOf(heatmap(*window, "projected")), multiHeadProjected, tolerance);
    // Choosing a head to look at is no change to the work.
    QVERIFY(!window->isWindowModified());
}

// ---- files ---------------------------------------------------------------------

void TestMainWindow::saveEditReopen()
{
    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("lesson.json"));
    MatrixEditor *editor = editorOf(*window, "W_K");

    typeInto(editor, cellOf(editor, 1, 0), QStringLiteral("3"));
    QTRY_VERIFY(window->isWindowModified());
    const attn::Scenario saved = window->document()->scenario();
    QVERIFY(window->saveFile(path));
    QVERIFY(!window->isWindowModified());
    QCOMPARE(window->windowTitle(), QStringLiteral("lesson.json[*] — Attention Lab"));

    typeInto(editor, cellOf(editor, 2, 2), QStringLiteral("-4"));
    QTRY_COMPARE(scenarioValue(*window, MatrixId::KeyWeights, 2, 2), -4.0);
    QVERIFY(window->isWindowModified());

    QVERIFY(window->openFile(path));

    QVERIFY(window->document()->scenario() == saved);
    QVERIFY(!window->isWindowModified());
    QCOMPARE(window->document()->undoStack()->count(), 0);
    QCOMPARE(editor->model()->data(cellOf(editor, 2, 2)).toString(), QStringLiteral("1"));
    VERIFY_MATRIX_NEAR(valuesOf(heatmap(*window, "weights")), typedWeights, tolerance);

    // The file is now a recent one.
    QMenu *file = menu(*window, QStringLiteral("File"));
    QVERIFY(file);
    QAction *recentAction = actionNamed(file, QStringLiteral("Open Recent"));
    QVERIFY(recentAction && recentAction->menu());
    QVERIFY(actionNamed(recentAction->menu(), QStringLiteral("lesson.json")));
}

void TestMainWindow::titleShowsUnsavedChanges()
{
    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MatrixEditor *editor = editorOf(*window, "W_V");
    QVERIFY(editor);

    QVERIFY(window->windowTitle().contains(QLatin1String("[*]")));
    QVERIFY(!window->isWindowModified());

    typeInto(editor, cellOf(editor, 0, 0), QStringLiteral("5"));
    QTRY_VERIFY(window->isWindowModified());
    QVERIFY(window->windowTitle().contains(QLatin1String("[*]")));

    QVERIFY(window->saveFile(dir.filePath(QStringLiteral("values.json"))));
    QVERIFY(!window->isWindowModified());

    // Undo past the save: the work differs from the file again.
    window->document()->undoStack()->undo();
    QVERIFY(window->isWindowModified());
    window->document()->undoStack()->redo();
    QVERIFY(!window->isWindowModified());
}

void TestMainWindow::unsavedChangesPrompt_data()
{
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<bool>("edited");
    QTest::addColumn<QMessageBox::StandardButton>("answer");
    QTest::addColumn<bool>("prompted");
    QTest::addColumn<bool>("proceeds");

    QTest::newRow("preset after an edit, Cancel")
        << "preset" << true << QMessageBox::Cancel << true << false;
    QTest::newRow("preset after an edit, Discard")
        << "preset" << true << QMessageBox::Discard << true << true;
    QTest::newRow("preset without changes, no prompt")
        << "preset" << false << QMessageBox::Cancel << false << true;
    QTest::newRow("close after an edit, Cancel")
        << "close" << true << QMessageBox::Cancel << true << false;
    QTest::newRow("close after an edit, Discard")
        << "close" << true << QMessageBox::Discard << true << true;
    QTest::newRow("close without changes, no prompt")
        << "close" << false << QMessageBox::Cancel << false << true;
    QTest::newRow("New after an edit, Cancel")
        << "new" << true << QMessageBox::Cancel << true << false;
    QTest::newRow("New after an edit, Discard")
        << "new" << true << QMessageBox::Discard << true << true;
}

void TestMainWindow::unsavedChangesPrompt()
{
    QFETCH(QString, trigger);
    QFETCH(bool, edited);
    QFETCH(QMessageBox::StandardButton, answer);
    QFETCH(bool, prompted);
    QFETCH(bool, proceeds);

    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    MatrixEditor *editor = editorOf(*window, "W_K");
    if (edited) {
        typeInto(editor, cellOf(editor, 1, 0), QStringLiteral("3"));
        QTRY_VERIFY(window->isWindowModified());
    }
    const attn::Scenario before = window->document()->scenario();
    const int undoSteps = window->document()->undoStack()->count();

    const MessageBoxAnswerer answerer(answer);
    if (trigger == QLatin1String("preset")) {
        QAction *causal =
            actionNamed(menu(*window, QStringLiteral("Presets")), QStringLiteral("causal"));
        QVERIFY(causal);
        causal->trigger();
    } else if (trigger == QLatin1String("new")) {
        QAction *newAction = nullptr;
        for (QAction *action : menu(*window, QStringLiteral("File"))->actions())
            if (action->text().remove(QLatin1Char('&')).startsWith(QLatin1String("New")))
                newAction = action;
        QVERIFY(newAction);
        newAction->trigger();
    } else {
        QCOMPARE(window->close(), proceeds);
    }

    QCOMPARE(answerer.texts.size(), prompted ? 1 : 0);
    if (prompted)
        QVERIFY2(answerer.texts.first().contains(QLatin1String("not saved")),
                 qPrintable(answerer.texts.first()));

    if (!proceeds) {
        // Nothing happened: the edit, its undo step and the window are all there.
        QVERIFY(window->isVisible());
        QVERIFY(window->document()->scenario() == before);
        QCOMPARE(window->document()->undoStack()->count(), undoSteps);
        QVERIFY(window->isWindowModified());
        VERIFY_MATRIX_NEAR(valuesOf(heatmap(*window, "weights")), typedWeights, tolerance);
        return;
    }
    if (trigger == QLatin1String("close")) {
        QVERIFY(!window->isVisible());
        return;
    }
    QVERIFY(!window->isWindowModified());
    QCOMPARE(window->document()->undoStack()->count(), 0);
    if (trigger == QLatin1String("preset")) {
        QCOMPARE(window->document()->scenario().mask, attn::MaskKind::Causal);
    } else {
        QVERIFY(window->document()->scenario() == tutorialPreset());
        VERIFY_MATRIX_NEAR(valuesOf(heatmap(*window, "weights")), tutorialWeights, tolerance);
    }
}

// Save in the prompt writes the edit to the file the work came from, then
// goes on to the preset.
void TestMainWindow::promptCanSaveFirst()
{
    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("draft.json"));
    QVERIFY(window->saveFile(path));
    MatrixEditor *editor = editorOf(*window, "W_K");
    typeInto(editor, cellOf(editor, 1, 0), QStringLiteral("3"));
    QTRY_VERIFY(window->isWindowModified());
    const attn::Scenario edited = window->document()->scenario();

    const MessageBoxAnswerer answerer(QMessageBox::Save);
    QVERIFY(window->loadPreset(QStringLiteral("causal")));

    QCOMPARE(answerer.texts.size(), 1);
    const attn::ui::ScenarioReadResult onDisk = attn::ui::readScenarioFile(path);
    QVERIFY2(onDisk.ok(), qPrintable(onDisk.error));
    QVERIFY(*onDisk.scenario == edited);
    QCOMPARE(window->document()->scenario().mask, attn::MaskKind::Causal);
    QVERIFY(!window->isWindowModified());
}

// A file that is not a scenario: the window says so and the work stays.
void TestMainWindow::badFileKeepsTheWork()
{
    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    MatrixEditor *editor = editorOf(*window, "W_K");
    typeInto(editor, cellOf(editor, 1, 0), QStringLiteral("3"));
    QTRY_VERIFY(window->isWindowModified());
    const attn::Scenario before = window->document()->scenario();
    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("notes.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"attention-lab-scenario\", \"version\": 1, \"tokens\": [");
    file.close();

    const MessageBoxAnswerer answerer(QMessageBox::Ok);
    QVERIFY(!window->openFile(path));

    QCOMPARE(answerer.texts.size(), 1);
    QVERIFY2(answerer.texts.first().contains(QLatin1String("notes.json")),
             qPrintable(answerer.texts.first()));
    QVERIFY(window->document()->scenario() == before);
    QVERIFY(window->isWindowModified());
    QCOMPARE(window->document()->undoStack()->count(), 1);
    QVERIFY(window->document()->filePath().isEmpty());
    VERIFY_MATRIX_NEAR(valuesOf(heatmap(*window, "weights")), typedWeights, tolerance);
}

// A save that fails says why and leaves the work marked unsaved.
void TestMainWindow::failedSaveKeepsTheWorkUnsaved()
{
    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    MatrixEditor *editor = editorOf(*window, "W_K");
    typeInto(editor, cellOf(editor, 1, 0), QStringLiteral("3"));
    QTRY_VERIFY(window->isWindowModified());
    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("no such folder/lesson.json"));

    const MessageBoxAnswerer answerer(QMessageBox::Ok);
    QVERIFY(!window->saveFile(path));

    QCOMPARE(answerer.texts.size(), 1);
    QVERIFY(window->isWindowModified());
    QVERIFY(window->document()->filePath().isEmpty());
    QVERIFY(!QFile::exists(path));
}

// ---- pointing at a cell --------------------------------------------------------

void TestMainWindow::hoverExplainsAScore_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("working");

    // q_i = row i of Q, k_j = row j of K (tutorialQueries, tutorialKeys),
    // multiplied out by hand. Rows and columns are 0-based here, 1-based in the text.
    QTest::newRow("score[1][3]") << 0 << 2 << "score[1][3] = q₁·k₃ = 2·2 + 0·4 + 2·3 = 10";
    QTest::newRow("score[2][4], a zero") << 1 << 3 << "score[2][4] = q₂·k₄ = 2·0 + 0·1 + 0·1 = 0";
    QTest::newRow("score[4][3], the largest of its row")
        << 3 << 2 << "score[4][3] = q₄·k₃ = 2·2 + 1·4 + 2·3 = 14";
}

void TestMainWindow::hoverExplainsAScore()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, working);

    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    HeatmapView *scores = heatmap(*window, "scores");
    const HeatmapView *queries = heatmap(*window, "queries");
    const HeatmapView *keys = heatmap(*window, "keys");
    QTRY_VERIFY(scores->plot()->axisRect()->rect().width() > 0);
    // The cards scroll at this size: bring the scores into view, as a learner would.
    scrollIntoView(scores);

    QTest::mouseMove(scores->plot(), cellCentre(scores, row, column));

    QTRY_COMPARE(window->explanationPanel()->workingText(), working);
    // The cell itself, and where it came from: row i of Q and row j of K.
    QCOMPARE(scores->highlightCount(), 1);
    QCOMPARE(scores->highlightCells(0), QRect(column, row, 1, 1));
    QVERIFY(queries->highlightCount() > 0);
    QCOMPARE(queries->highlightCells(0), QRect(0, row, 3, 1));
    QCOMPARE(keys->highlightCount(), 1);
    QCOMPARE(keys->highlightCells(0), QRect(0, column, 3, 1));
    QCOMPARE(heatmap(*window, "weights")->highlightCount(), 0);

    // Leaving the cells takes the explanation and the outlines away.
    QTest::mouseMove(scores->plot(), QPoint(1, 1));
    QTRY_VERIFY(window->explanationPanel()->workingText().isEmpty());
    QCOMPARE(queries->highlightCount(), 0);
}

// A stage the learner has not reached gives nothing away.
void TestMainWindow::hoverOfAConcealedStageExplainsNothing()
{
    const auto window = openTutorial();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    window->pipeline()->revealUpTo(Stage::Scores);
    HeatmapView *weights = heatmap(*window, "weights");
    QVERIFY(weights->isConcealed());
    QTRY_VERIFY(weights->plot()->axisRect()->rect().width() > 0);

    scrollIntoView(weights);
    QTest::mouseMove(weights->plot(), cellCentre(weights, 1, 2));
    QTest::mouseClick(weights->plot(), Qt::LeftButton, Qt::NoModifier, cellCentre(weights, 1, 2));

    QVERIFY(window->explanationPanel()->workingText().isEmpty());
    QCOMPARE(heatmap(*window, "scores")->highlightCount(), 0);
}

// ---- settings ------------------------------------------------------------------

void TestMainWindow::windowSizeIsRemembered()
{
    {
        const auto window = openTutorial(false);
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->setWindowState(Qt::WindowNoState);
        window->resize(700, 540);
        QTRY_COMPARE(window->size(), QSize(700, 540));
        QVERIFY(window->close());
    }
    const auto reopened = openTutorial(false);
    QVERIFY(QTest::qWaitForWindowExposed(reopened.get()));
    QCOMPARE(reopened->size(), QSize(700, 540));
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
