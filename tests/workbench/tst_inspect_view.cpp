// One stage close up: a double-click on its card or Enter on the focused card
// shows it in place of the cards, Esc or the button goes back; the learner
// zooms (wheel, Ctrl++ / Ctrl+− / Ctrl+0) and pans down to one cell, whose
// number and token names are then written out, and hovering a cell explains
// it as on the cards. Run in the real window, whose own Ctrl++ zooms its text.

#include "document.h"
#include "heatmap_inspector.h"
#include "heatmap_view.h"
#include "large_scenario_fixture.h"
#include "main_window.h"
#include "pipeline_view.h"
#include "presets.h"
#include "stage_inspector.h"

#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtTest>
#include <memory>
#include <qcustomplot.h>

using attn::Stage;
using attn::ui::HeatmapInspector;
using attn::ui::HeatmapView;
using attn::ui::MainWindow;
using attn::ui::PipelineView;
using attn::ui::StageInspector;

Q_DECLARE_METATYPE(attn::Stage)

namespace {

std::unique_ptr<MainWindow> openWindow(const attn::Scenario &scenario)
{
    auto window = std::make_unique<MainWindow>(scenario);
    window->setWindowState(Qt::WindowNoState);
    window->resize(1280, 800);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    window->pipeline()->revealAll();
    return window;
}

attn::Scenario preset(const char *name)
{
    const attn::ui::ScenarioReadResult read = attn::ui::loadPreset(QLatin1String(name));
    return read.ok() ? *read.scenario : attn::Scenario{};
}

HeatmapView *cardHeatmap(const MainWindow &window, const char *key)
{
    return window.pipeline()->findChild<HeatmapView *>(
        QStringLiteral("heatmap_%1").arg(QLatin1String(key)));
}

QPoint middleOf(const QWidget *widget)
{
    return widget->rect().center();
}

/// The text the last paint drew for a cell (or a name at an index), if any.
QString drawnAt(const QList<HeatmapInspector::DrawnText> &drawn, int row, int column)
{
    for (const HeatmapInspector::DrawnText &text : drawn) {
        if (text.row == row && text.column == column)
            return text.text;
    }
    return {};
}

/// One notch of the mouse wheel over `position` of the inspector's viewport.
void wheelAt(HeatmapInspector *inspector, const QPoint &position, int notches)
{
    QWidget *viewport = inspector->viewport();
    QWheelEvent wheel(position, viewport->mapToGlobal(position), QPoint(), QPoint(0, 120 * notches),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &wheel);
}

/// Paints the inspector now, so that what it drew can be read.
void paint(HeatmapInspector *inspector)
{
    inspector->viewport()->repaint();
}

} // namespace

class TestInspectView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void doubleClickShowsThatStage_data();
    void doubleClickShowsThatStage();
    void enterOnTheFocusedCardShowsIt();
    void escAndTheButtonGoBack();
    void ctrlPlusZoomsTheMatrixNotTheWindow();
    void titleNamesTheHead();
    void numbersAndMaskedCellsOnceZoomedIn();
    void zoomDownToOneLabelledCellOf512Tokens();
    void namesStayAtTheirIndexAcrossStages();
    void hoverExplainsTheCell();
    void anEditUpdatesTheCloseUp();
};

void TestInspectView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("AttentionLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_inspect_view"));
    static QTemporaryDir settingsDir;
    QVERIFY(settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QLocale::setDefault(QLocale::c());
}

void TestInspectView::init()
{
    QSettings().clear();
}

void TestInspectView::doubleClickShowsThatStage_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<Stage>("stage");
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");

    // The tutorial: 4 words, d_model = d_k = d_v = 3.
    QTest::newRow("scores, 4 × 4") << QByteArray("scores") << Stage::Scores << "Scores" << 4 << 4;
    QTest::newRow("weights, 4 × 4")
        << QByteArray("weights") << Stage::Weights << "Attention weights" << 4 << 4;
    QTest::newRow("values, 4 × 3") << QByteArray("values") << Stage::Values << "Values" << 4 << 3;
}

void TestInspectView::doubleClickShowsThatStage()
{
    QFETCH(QByteArray, key);
    QFETCH(Stage, stage);
    QFETCH(QString, title);
    QFETCH(int, rows);
    QFETCH(int, columns);

    const auto window = openWindow(preset("tutorial"));
    QVERIFY(window);
    PipelineView *pipeline = window->pipeline();
    QVERIFY(!pipeline->isInspecting());
    HeatmapView *card = cardHeatmap(*window, key.constData());
    QVERIFY(card);

    QTest::mouseDClick(card->plot(), Qt::LeftButton, {}, middleOf(card->plot()));
    QVERIFY(pipeline->isInspecting());
    StageInspector *inspector = pipeline->inspector();
    QVERIFY(inspector->isVisible());
    QVERIFY(!card->isVisible());
    QCOMPARE(inspector->stage(), stage);
    QVERIFY2(inspector->titleLabel()->text().contains(QStringLiteral("<b>%1</b>").arg(title)),
             qPrintable(inspector->titleLabel()->text()));
    QCOMPARE(inspector->inspector()->rowCount(), rows);
    QCOMPARE(inspector->inspector()->columnCount(), columns);
    // Fitted: the matrix fills the view along one side, square cells.
    const HeatmapInspector *matrix = inspector->inspector();
    QCOMPARE(matrix->visibleCells(), QRect(0, 0, columns, rows));
    QVERIFY(matrix->cellSize() > 40.0);
    QCOMPARE(matrix->cellSize(), matrix->fitCellSize());
}

void TestInspectView::enterOnTheFocusedCardShowsIt()
{
    const auto window = openWindow(preset("tutorial"));
    QVERIFY(window);
    HeatmapView *card = cardHeatmap(*window, "keys");
    // A click on the card gives it the focus, Enter shows it close up.
    QTest::mouseClick(card->plot(), Qt::LeftButton, {}, middleOf(card->plot()));
    QTRY_COMPARE(QApplication::focusWidget(), card->parentWidget());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(window->pipeline()->isInspecting());
    QCOMPARE(window->pipeline()->inspector()->stage(), Stage::Keys);
}

void TestInspectView::escAndTheButtonGoBack()
{
    const auto window = openWindow(preset("tutorial"));
    QVERIFY(window);
    PipelineView *pipeline = window->pipeline();
    HeatmapView *card = cardHeatmap(*window, "output");

    QTest::mouseDClick(card->plot(), Qt::LeftButton, {}, middleOf(card->plot()));
    QVERIFY(pipeline->isInspecting());
    QTRY_VERIFY(QApplication::focusWidget());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!pipeline->isInspecting());
    QVERIFY(card->isVisible());
    // Back on the card it came from, so Enter shows it again.
    QCOMPARE(QApplication::focusWidget(), card->parentWidget());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Enter, Qt::KeypadModifier);
    QVERIFY(pipeline->isInspecting());

    QPushButton *back = pipeline->inspector()->backButton();
    QVERIFY(back->isVisible());
    QVERIFY(back->text().contains(QStringLiteral("Back to all stages")));
    QVERIFY(!back->accessibleName().isEmpty());
    QTest::mouseClick(back, Qt::LeftButton);
    QVERIFY(!pipeline->isInspecting());
}

void TestInspectView::ctrlPlusZoomsTheMatrixNotTheWindow()
{
    const auto window = openWindow(testsupport::largeScenario(64));
    QVERIFY(window);
    HeatmapView *card = cardHeatmap(*window, "scaled");
    QTest::mouseDClick(card->plot(), Qt::LeftButton, {}, middleOf(card->plot()));
    HeatmapInspector *matrix = window->pipeline()->inspector()->inspector();
    QTRY_COMPARE(QApplication::focusWidget(), matrix);
    const double fitted = matrix->cellSize();
    const qreal windowFont = window->font().pointSizeF();

    QTest::keyClick(matrix, Qt::Key_Plus, Qt::ControlModifier);
    QCOMPARE(matrix->cellSize(), fitted * 1.25);
    QTest::keyClick(matrix, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(matrix->cellSize(), fitted * 1.25 * 1.25);
    QCOMPARE(window->font().pointSizeF(), windowFont);
    QVERIFY(matrix->visibleCells() != QRect(0, 0, 64, 64));

    QTest::keyClick(matrix, Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(matrix->cellSize(), fitted * 1.25);
    QTest::keyClick(matrix, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(matrix->cellSize(), fitted);
    QCOMPARE(matrix->visibleCells(), QRect(0, 0, 64, 64));
    // Never smaller than the whole matrix in view.
    QTest::keyClick(matrix, Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(matrix->cellSize(), fitted);
    QCOMPARE(window->font().pointSizeF(), windowFont);

    // Zoomed in, the arrow keys pan: the first column in view moves right.
    for (int step = 0; step < 6; ++step)
        QTest::keyClick(matrix, Qt::Key_Plus, Qt::ControlModifier);
    const QRect before = matrix->visibleCells();
    for (int step = 0; step < 8; ++step)
        QTest::keyClick(matrix, Qt::Key_Right);
    QVERIFY2(matrix->visibleCells().left() > before.left(),
             qPrintable(QStringLiteral("%1 → %2").arg(before.left()).arg(
                 matrix->visibleCells().left())));
    // Dragging to the right brings the left columns back.
    QWidget *viewport = matrix->viewport();
    const QRect dragged = matrix->visibleCells();
    const QPoint start = viewport->rect().center();
    QTest::mousePress(viewport, Qt::LeftButton, {}, start);
    QTest::mouseMove(viewport, start + QPoint(30, 0));
    QTest::mouseMove(viewport, start + QPoint(200, 0));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, start + QPoint(200, 0));
    QVERIFY(matrix->visibleCells().left() < dragged.left());
}

void TestInspectView::titleNamesTheHead()
{
    const auto window = openWindow(testsupport::largeScenario(16)); // 8 heads
    QVERIFY(window);
    PipelineView *pipeline = window->pipeline();
    pipeline->setHead(2);
    HeatmapView *card = cardHeatmap(*window, "weights");
    QTest::mouseDClick(card->plot(), Qt::LeftButton, {}, middleOf(card->plot()));
    QVERIFY(pipeline->isInspecting());
    QLabel *title = pipeline->inspector()->titleLabel();
    QVERIFY2(title->text().contains(QStringLiteral("head 3 of 8")), qPrintable(title->text()));
    // Another head while inspecting: the close-up follows.
    pipeline->setHead(5);
    QVERIFY2(title->text().contains(QStringLiteral("head 6 of 8")), qPrintable(title->text()));
    QCOMPARE(pipeline->inspector()->head(), 5);
}

void TestInspectView::numbersAndMaskedCellsOnceZoomedIn()
{
    // The causal preset: q_1 = x_1 W_Q = (2, 0, 2), k_1 = x_1 W_K = (2, 2, 2):
    // score(1, 1) = 8, scaled 8 / √3 = 4.62; word 1 sees no later word.
    const auto window = openWindow(preset("causal"));
    QVERIFY(window);
    HeatmapView *card = cardHeatmap(*window, "masked");
    QTest::mouseDClick(card->plot(), Qt::LeftButton, {}, middleOf(card->plot()));
    HeatmapInspector *matrix = window->pipeline()->inspector()->inspector();
    paint(matrix);
    // 4 × 4 fitted: the cells are large enough for every number at once.
    QCOMPARE(matrix->drawnValues().size(), 16);
    QCOMPARE(drawnAt(matrix->drawnValues(), 0, 0), QStringLiteral("4.62"));
    QCOMPARE(drawnAt(matrix->drawnValues(), 0, 1), QStringLiteral("−∞"));
    QCOMPARE(drawnAt(matrix->drawnValues(), 0, 3), QStringLiteral("−∞"));
    QCOMPARE(drawnAt(matrix->drawnRowNames(), 0, -1), QStringLiteral("word_1"));
    QCOMPARE(drawnAt(matrix->drawnColumnNames(), -1, 3), QStringLiteral("word_4"));
}

void TestInspectView::zoomDownToOneLabelledCellOf512Tokens()
{
    const attn::Scenario scenario = testsupport::largeScenario(512);
    const auto window = openWindow(scenario);
    QVERIFY(window);
    HeatmapView *card = cardHeatmap(*window, "scores");
    QTest::mouseDClick(card->plot(), Qt::LeftButton, {}, middleOf(card->plot()));
    HeatmapInspector *matrix = window->pipeline()->inspector()->inspector();
    QVERIFY(matrix->isVisible());
    QCOMPARE(matrix->visibleCells(), QRect(0, 0, 512, 512));
    paint(matrix);
    // 512 cells in a few hundred pixels: no numbers, every n-th name.
    QVERIFY(matrix->drawnValues().isEmpty());
    QVERIFY(!matrix->drawnRowNames().isEmpty());
    QVERIFY(matrix->drawnRowNames().size() < 512);

    // The wheel zooms round the cursor. While the matrix is narrower than
    // the view it stays in the middle; once it overflows the view both ways,
    // the cell under the cursor stays under it.
    constexpr int row = 300;
    constexpr int column = 137;
    // (Fitted, a cell is less than a pixel: aim again after each notch.)
    QPoint cursor = matrix->cellCenter(row, column).toPoint();
    for (int notch = 0; notch < 20 && matrix->visibleCells().width() == 512; ++notch) {
        wheelAt(matrix, cursor, 1);
        cursor = matrix->cellCenter(row, column).toPoint();
    }
    QVERIFY(matrix->visibleCells().width() < 512 && matrix->visibleCells().height() < 512);
    QCOMPARE(matrix->cellAt(cursor), QPoint(column, row));
    for (int notch = 0; notch < 40 && matrix->cellSize() < matrix->valueCellSize() * 2; ++notch) {
        wheelAt(matrix, cursor, 1);
        QCOMPARE(matrix->cellAt(cursor), QPoint(column, row));
    }
    QVERIFY(matrix->visibleCells().width() < 20);
    paint(matrix);

    // The scores of head 1: the number as the cards write it (two decimals),
    // the names of word 301 and word 138 (tokens w1 … w512).
    const double score = window->document()->trace().matrix(Stage::Scores, 0)(row, column);
    QCOMPARE(drawnAt(matrix->drawnValues(), row, column), QString::number(score, 'f', 2));
    QCOMPARE(drawnAt(matrix->drawnRowNames(), row, -1), QStringLiteral("w301"));
    QCOMPARE(drawnAt(matrix->drawnColumnNames(), -1, column), QStringLiteral("w138"));
    // Every cell in view is named: its row and its column.
    const QRect cells = matrix->visibleCells();
    QCOMPARE(matrix->drawnRowNames().size(), cells.height());
    QCOMPARE(matrix->drawnColumnNames().size(), cells.width());
    QCOMPARE(matrix->drawnValues().size(), cells.width() * cells.height());
}

void TestInspectView::namesStayAtTheirIndexAcrossStages()
{
    const auto window = openWindow(testsupport::largeScenario(512));
    QVERIFY(window);
    PipelineView *pipeline = window->pipeline();
    const auto namesOf = [&](const char *key) {
        QTest::mouseDClick(cardHeatmap(*window, key)->plot(), Qt::LeftButton, {},
                           middleOf(cardHeatmap(*window, key)->plot()));
        HeatmapInspector *matrix = pipeline->inspector()->inspector();
        paint(matrix);
        const QList<HeatmapInspector::DrawnText> names = matrix->drawnRowNames();
        pipeline->closeInspector();
        return names;
    };
    const QList<HeatmapInspector::DrawnText> scores = namesOf("scores");
    const QList<HeatmapInspector::DrawnText> output = namesOf("output");
    QVERIFY(scores.size() > 4);
    // Each name drawn is that of its index, at indices a power of two apart.
    const int step = scores.at(1).row - scores.at(0).row;
    QVERIFY(step > 1 && (step & (step - 1)) == 0);
    for (const HeatmapInspector::DrawnText &name : scores) {
        QCOMPARE(name.row % step, 0);
        QCOMPARE(name.text, QStringLiteral("w%1").arg(name.row + 1));
    }
    // The output is 512 × 64 and fits by its height as the scores do: the same names.
    QCOMPARE(output.size(), scores.size());
    for (int i = 0; i < scores.size(); ++i) {
        QCOMPARE(output.at(i).row, scores.at(i).row);
        QCOMPARE(output.at(i).text, scores.at(i).text);
    }
    // And after an edit, the same again.
    window->document()->setCell(attn::MatrixId::KeyWeights, 0, 0, 0.5);
    const QList<HeatmapInspector::DrawnText> edited = namesOf("scores");
    QCOMPARE(edited.size(), scores.size());
    for (int i = 0; i < scores.size(); ++i)
        QCOMPARE(edited.at(i).text, scores.at(i).text);
}

void TestInspectView::hoverExplainsTheCell()
{
    const auto window = openWindow(preset("tutorial"));
    QVERIFY(window);
    PipelineView *pipeline = window->pipeline();
    HeatmapView *card = cardHeatmap(*window, "weights");
    QTest::mouseDClick(card->plot(), Qt::LeftButton, {}, middleOf(card->plot()));
    HeatmapInspector *matrix = pipeline->inspector()->inspector();
    QSignalSpy explained(pipeline, &PipelineView::explanationChanged);

    QTest::mouseMove(matrix->viewport(), matrix->cellCenter(1, 2).toPoint());
    QTRY_VERIFY(explained.count() > 0);
    QVERIFY(pipeline->hasExplanation());
    QCOMPARE(pipeline->explanation().cell, (attn::CellRef{Stage::Weights, 0, 1, 2}));
    // The same cell outlined on its card, as a hover there would.
    QCOMPARE(card->highlights().value(0), (HeatmapView::Highlight{1, 2}));

    explained.clear();
    QTest::mouseMove(matrix->viewport(), matrix->cellCenter(3, 0).toPoint());
    QTRY_VERIFY(explained.count() > 0);
    QCOMPARE(pipeline->explanation().cell, (attn::CellRef{Stage::Weights, 0, 3, 0}));
}

void TestInspectView::anEditUpdatesTheCloseUp()
{
    // The causal preset's score(1, 1) = q_1 · k_1 = 8; W_K(1, 1) = 2 → 4 makes
    // k_1 = (4, 2, 2) and the score 2·4 + 0·2 + 2·2 = 12.
    const auto window = openWindow(preset("causal"));
    QVERIFY(window);
    HeatmapView *card = cardHeatmap(*window, "scores");
    QTest::mouseDClick(card->plot(), Qt::LeftButton, {}, middleOf(card->plot()));
    HeatmapInspector *matrix = window->pipeline()->inspector()->inspector();
    QTest::keyClick(matrix, Qt::Key_Plus, Qt::ControlModifier);
    const double zoomed = matrix->cellSize();
    paint(matrix);
    QCOMPARE(drawnAt(matrix->drawnValues(), 0, 0), QStringLiteral("8"));

    window->document()->setCell(attn::MatrixId::KeyWeights, 0, 0, 4.0);
    QVERIFY(window->pipeline()->isInspecting());
    paint(matrix);
    QCOMPARE(drawnAt(matrix->drawnValues(), 0, 0), QStringLiteral("12"));
    QCOMPARE(matrix->cellSize(), zoomed);
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    TestInspectView test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_inspect_view.moc"
