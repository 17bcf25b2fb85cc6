// One stage of 1024 tokens close up (DESIGN.md budget: opens < 300 ms,
// zoom and pan ≥ 30 frames/s).
//
// A MainWindow at 1280×800 on the large scenario of 1024 tokens (8 heads,
// d_model 64), every stage revealed. Opening is timed from the double-click
// on the scores card to the end of the close-up's first paint. A frame is one
// step of the learner's gesture (a wheel notch round the cursor, or a drag
// step of 12 pixels) and the paint of the close-up that follows; the frames
// are timed at three depths: the whole matrix in view (1024 × 1024 cells),
// halfway (names, no numbers) and deep (every cell numbered).
//
// Run by hand (not in CTest): `build/tests/bench_inspect`. It prints the
// median, minimum and maximum of each figure and whether it is within the
// budget. The offscreen platform is the default, so that runs compare across
// machines with and without a display.

#include "document.h"
#include "heatmap_inspector.h"
#include "heatmap_view.h"
#include "large_scenario_fixture.h"
#include "main_window.h"
#include "pipeline_view.h"
#include "stage_inspector.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>
#include <algorithm>
#include <qcustomplot.h>
#include <vector>

using attn::ui::HeatmapInspector;
using attn::ui::HeatmapView;
using attn::ui::MainWindow;

namespace {

struct Figures
{
    double median = 0.0;
    double minimum = 0.0;
    double maximum = 0.0;
};

Figures figuresOf(std::vector<double> values)
{
    if (values.empty())
        return {};
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    const double median =
        values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
    return {median, values.front(), values.back()};
}

double elapsedMs(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

/// Counts the paints of a widget.
class PaintCounter : public QObject
{
public:
    explicit PaintCounter(QWidget *widget) { widget->installEventFilter(this); }
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

void wheel(QWidget *viewport, const QPoint &position, int delta)
{
    QWheelEvent event(position, viewport->mapToGlobal(position), QPoint(), QPoint(0, delta),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &event);
}

/// The mouse, its left button held, moved to `to`.
void dragTo(QWidget *viewport, const QPoint &to)
{
    QMouseEvent move(QEvent::MouseMove, QPointF(to), viewport->mapToGlobal(QPointF(to)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
}

} // namespace

class BenchInspect : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void openAndMove();

private:
    QTemporaryDir m_settingsDir;
};

void BenchInspect::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("AttentionLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_inspect"));
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings().clear();
}

void BenchInspect::openAndMove()
{
    constexpr int tokens = 1024;
    constexpr double openBudgetMs = 300.0;
    constexpr double frameBudget = 30.0; // frames per second

    MainWindow window(testsupport::largeScenario(tokens));
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    attn::ui::PipelineView *pipeline = window.pipeline();
    pipeline->revealAll();
    QVERIFY(!window.document()->error());
    auto *card = pipeline->findChild<HeatmapView *>(QStringLiteral("heatmap_scores"));
    QVERIFY(card);
    QCOMPARE(card->rowCount(), tokens);
    QTest::qWait(200); // the cards' first layout and paint are no part of the figures

    HeatmapInspector *matrix = pipeline->inspector()->inspector();
    PaintCounter painted(matrix->viewport());

    // Opening: the double-click, then the event loop until the close-up painted.
    std::vector<double> opens;
    for (int run = 0; run < 7; ++run) {
        painted.paints = 0;
        QElapsedTimer clock;
        clock.start();
        QTest::mouseDClick(card->plot(), Qt::LeftButton, {}, card->plot()->rect().center());
        while (painted.paints == 0 && clock.elapsed() < 10000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        opens.push_back(elapsedMs(clock));
        QVERIFY2(painted.paints > 0, "the close-up never painted");
        QCOMPARE(matrix->rowCount(), tokens);
        if (run + 1 < 7) {
            pipeline->closeInspector();
            QTest::qWait(50);
        }
    }
    const Figures open = figuresOf(opens);
    qInfo("open %d × %d: median %.1f ms (min %.1f, max %.1f) over %zu opens; budget %.0f ms: %s",
          tokens, tokens, open.median, open.minimum, open.maximum, opens.size(), openBudgetMs,
          open.median < openBudgetMs ? "within" : "OVER");

    QWidget *viewport = matrix->viewport();
    const QPoint middle = viewport->rect().center();
    const auto frame = [&](const auto &step) {
        QElapsedTimer clock;
        clock.start();
        step();
        viewport->repaint();
        return elapsedMs(clock);
    };
    const auto report = [&](const char *what, const std::vector<double> &frames) {
        const Figures f = figuresOf(frames);
        const double fps = f.median > 0 ? 1000.0 / f.median : 0.0;
        qInfo("%-34s median %.2f ms/frame = %.0f frames/s (min %.2f, max %.2f ms) over %zu "
              "frames; budget %.0f frames/s: %s",
              what, f.median, fps, f.minimum, f.maximum, frames.size(), frameBudget,
              fps >= frameBudget ? "within" : "OVER");
    };

    // Zooming: from the whole matrix down to numbered cells and back, a notch a frame.
    matrix->fit();
    std::vector<double> zoomFrames;
    while (matrix->cellSize() < matrix->valueCellSize() * 1.5)
        zoomFrames.push_back(frame([&] { wheel(viewport, middle, 120); }));
    while (matrix->cellSize() > matrix->fitCellSize() * 1.0001)
        zoomFrames.push_back(frame([&] { wheel(viewport, middle, -120); }));
    report("zoom (fit ↔ numbered cells)", zoomFrames);

    // Panning at three depths: a drag of 12 pixels a frame.
    const auto pan = [&](double cellSize, const char *what) {
        matrix->fit();
        while (matrix->cellSize() < cellSize)
            wheel(viewport, middle, 120);
        matrix->centerOn(tokens / 2, tokens / 2);
        std::vector<double> frames;
        QMouseEvent press(QEvent::MouseButtonPress, QPointF(middle),
                          viewport->mapToGlobal(QPointF(middle)), Qt::LeftButton, Qt::LeftButton,
                          Qt::NoModifier);
        QApplication::sendEvent(viewport, &press);
        QPoint at = middle;
        for (int step = 0; step < 60; ++step) {
            const QPoint next = at + QPoint(step < 30 ? 12 : -12, step % 2 ? 6 : -6);
            frames.push_back(frame([&] { dragTo(viewport, next); }));
            at = next;
        }
        QMouseEvent release(QEvent::MouseButtonRelease, QPointF(at),
                            viewport->mapToGlobal(QPointF(at)), Qt::LeftButton, Qt::NoButton,
                            Qt::NoModifier);
        QApplication::sendEvent(viewport, &release);
        report(what, frames);
    };
    pan(matrix->fitCellSize() * 1.3, "pan, whole matrix almost in view");
    pan(10.0, "pan, 10-pixel cells (names)");
    pan(matrix->valueCellSize() * 1.5, "pan, numbered cells");
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    BenchInspect bench;
    return QTest::qExec(&bench, argc, argv);
}

#include "bench_inspect.moc"
