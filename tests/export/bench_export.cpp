// How long a teacher waits for the exports of the tutorial's example. Budget
// (DESIGN.md): the whole lesson as a deck in under 3 s. Run with -median 9.

#include "attention.h"
#include "deck_export.h"
#include "figure_export.h"
#include "lesson.h"
#include "numpy_script.h"
#include "presets.h"

#include <QtTest>

using namespace attn;
using namespace attn::ui;

class BenchExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pipelineDeck();
    void lessonDeck();
    void weightsSvg();
    void pipelinePngAt2x();
    void numpyScript();

private:
    Scenario m_scenario;
    Trace m_trace;
};

void BenchExport::initTestCase()
{
    const ScenarioReadResult loaded = loadPreset(QStringLiteral("tutorial"));
    QVERIFY(loaded.ok());
    m_scenario = *loaded.scenario;
    m_trace = *compute(m_scenario);
}

void BenchExport::pipelineDeck()
{
    QByteArray pdf;
    QBENCHMARK
    {
        pdf = ui::pipelineDeck(m_scenario, m_trace, DeckOptions());
    }
    QVERIFY(pdf.startsWith("%PDF"));
}

void BenchExport::lessonDeck()
{
    const LessonLoadResult loaded = loadLesson(QLatin1String(shippedLessonPath));
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QByteArray pdf;
    QBENCHMARK {
        pdf = ui::lessonDeck(*loaded.lesson, m_scenario, DeckOptions());
    }
    QVERIFY(pdf.startsWith("%PDF"));
}

void BenchExport::weightsSvg()
{
    FigureOptions options;
    options.stage = Stage::Weights;
    options.format = FigureOptions::Format::Svg;
    QByteArray svg;
    QBENCHMARK
    {
        FigureRenderer renderer(m_scenario, m_trace);
        svg = renderer.bytes(options);
    }
    QVERIFY(!svg.isEmpty());
}

void BenchExport::pipelinePngAt2x()
{
    FigureOptions options;
    options.size = QSize(1600, 900);
    options.scale = 2.0;
    QByteArray png;
    QBENCHMARK
    {
        FigureRenderer renderer(m_scenario, m_trace);
        png = renderer.bytes(options);
    }
    QVERIFY(png.startsWith("\x89PNG"));
}

void BenchExport::numpyScript()
{
    QByteArray script;
    QBENCHMARK
    {
        script = ui::numpyScript(m_scenario);
    }
    QVERIFY(!script.isEmpty());
}

QTEST_MAIN(BenchExport)
#include "bench_export.moc"
