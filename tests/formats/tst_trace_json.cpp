// The JSON of a trace (attention-lab compute): the text streamed piece by
// piece is the very text prettyJson() makes of the whole object in memory.

#include "attention.h"
#include "large_scenario_fixture.h"
#include "presets.h"
#include "trace_json.h"

#include <QJsonDocument>
#include <QtTest>

Q_DECLARE_METATYPE(attn::Scenario)

class TestTraceJson : public QObject
{
    Q_OBJECT

private slots:
    void streamedTextIsThePrettyText_data();
    void streamedTextIsThePrettyText();
    void aFailingSinkStopsTheStream();
};

void TestTraceJson::streamedTextIsThePrettyText_data()
{
    QTest::addColumn<attn::Scenario>("scenario");
    for (const attn::ui::PresetInfo &preset : attn::ui::presets()) {
        const attn::ui::ScenarioReadResult loaded = attn::ui::loadPreset(preset.name);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        QTest::newRow(qPrintable(preset.name)) << *loaded.scenario;
    }
    // Enough rows for several pieces of a megabyte.
    QTest::newRow("300 tokens, 8 heads") << testsupport::largeScenario(300);
}

void TestTraceJson::streamedTextIsThePrettyText()
{
    QFETCH(attn::Scenario, scenario);
    const attn::Result<attn::Trace> trace = attn::compute(scenario);
    QVERIFY2(trace.ok(), trace.ok() ? "" : trace.error().message.c_str());

    QByteArray streamed;
    int pieces = 0;
    QVERIFY(attn::ui::writeTraceJson(scenario, *trace, [&](const QByteArray &piece) {
        streamed += piece;
        ++pieces;
        return true;
    }));
    const QByteArray whole = attn::ui::traceToJsonText(scenario, *trace);
    QCOMPARE(streamed.size(), whole.size());
    QVERIFY2(streamed == whole, "the streamed text differs from prettyJson's");
    QVERIFY(!QJsonDocument::fromJson(streamed).isNull());
    if (scenario.queryCount() >= 300)
        QVERIFY2(pieces > 1, "a large trace comes in several pieces");
}

void TestTraceJson::aFailingSinkStopsTheStream()
{
    const attn::Scenario scenario = testsupport::largeScenario(300);
    const attn::Result<attn::Trace> trace = attn::compute(scenario);
    QVERIFY(trace.ok());
    int calls = 0;
    QVERIFY(!attn::ui::writeTraceJson(scenario, *trace, [&](const QByteArray &) {
        ++calls;
        return false;
    }));
    QCOMPARE(calls, 1);
}

QTEST_GUILESS_MAIN(TestTraceJson)
#include "tst_trace_json.moc"
