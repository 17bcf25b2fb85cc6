// computeInto(): compute() into an existing trace, reusing its memory.
//
// Whatever the trace held before — more heads, another span, sampled keys,
// a source sequence, fully masked rows — the result must be exactly what a
// fresh compute() gives, field by field and bit for bit; and an invalid
// scenario must leave the trace as it was. The numbers themselves are
// checked against NumPy in the other engine tests; here compute() is the
// reference, because the contract is "the same as compute()".

#include "attention.h"
#include "engine_fixtures.h"
#include "matrix_compare.h"

#include <QtTest>
using testsupport::sequenceOf;

namespace {

using fixtures::pseudoRandom;

attn::Scenario selfAttention(int tokens, int modelDim, int keyDim, int valueDim, int heads,
                             std::uint64_t seed)
{
    attn::Scenario scenario;
    scenario.target = sequenceOf(pseudoRandom(tokens, modelDim, seed));
    scenario.wQ = pseudoRandom(modelDim, keyDim, seed + 1);
    scenario.wK = pseudoRandom(modelDim, keyDim, seed + 2);
    scenario.wV = pseudoRandom(modelDim, valueDim, seed + 3);
    scenario.heads = heads;
    return scenario;
}

// Local-p, sampled, padded so that row 0 sees nothing, 3 heads, W_O.
attn::Scenario busy()
{
    attn::Scenario scenario = selfAttention(9, 5, 6, 9, 3, 7);
    scenario.span = attn::SpanKind::LocalP;
    scenario.window = 2;
    scenario.wP = pseudoRandom(6, 4, 8);
    scenario.vP = pseudoRandom(4, 1, 9);
    scenario.mask = attn::MaskKind::Causal;
    scenario.padding = {true, false, false, true, false, false, false, true, false};
    scenario.selection = attn::SelectionKind::Sample;
    scenario.seed = 99;
    scenario.wO = pseudoRandom(9, 4, 10);
    return scenario;
}

attn::Scenario crossWithEncoding()
{
    attn::Scenario scenario = selfAttention(5, 4, 4, 6, 2, 21);
    scenario.source = sequenceOf(pseudoRandom(7, 4, 25), "s");
    scenario.positional = attn::PositionalEncoding::Sinusoidal;
    scenario.score = attn::ScoreFunction::Additive;
    scenario.wA = pseudoRandom(2, 3, 26);
    scenario.uA = pseudoRandom(2, 3, 27);
    scenario.vA = pseudoRandom(3, 1, 28);
    scenario.wO = pseudoRandom(6, 6, 29);
    return scenario;
}

attn::Scenario hard()
{
    attn::Scenario scenario = attn::tutorialScenario();
    scenario.selection = attn::SelectionKind::Hard;
    return scenario;
}

// Large enough for the heads to be spread over threads.
attn::Scenario manyHeads()
{
    return selfAttention(96, 16, 32, 32, 8, 41);
}

QString compareMatrix(const attn::Matrix &actual, const attn::Matrix &expected, const QString &what)
{
    const testsupport::Comparison comparison =
        testsupport::compareMatrices(actual, expected, 0.0, what);
    return comparison.ok ? QString() : comparison.message;
}

/// Every difference between two traces (cells must be equal to the bit), or
/// an empty string. The scenarios here produce no NaN.
QString firstDifference(const attn::Trace &actual, const attn::Trace &expected)
{
    QStringList problems;
    auto matrix = [&](const attn::Matrix &a, const attn::Matrix &e, const QString &what) {
        const QString difference = compareMatrix(a, e, what);
        if (!difference.isEmpty())
            problems << difference;
    };
    matrix(actual.embeddings, expected.embeddings, QStringLiteral("embeddings"));
    matrix(actual.positionalEncoding, expected.positionalEncoding,
           QStringLiteral("positionalEncoding"));
    matrix(actual.input, expected.input, QStringLiteral("input"));
    matrix(actual.sourceEmbeddings, expected.sourceEmbeddings, QStringLiteral("sourceEmbeddings"));
    matrix(actual.sourcePositionalEncoding, expected.sourcePositionalEncoding,
           QStringLiteral("sourcePositionalEncoding"));
    matrix(actual.sourceInput, expected.sourceInput, QStringLiteral("sourceInput"));
    matrix(actual.queries, expected.queries, QStringLiteral("queries"));
    matrix(actual.keys, expected.keys, QStringLiteral("keys"));
    matrix(actual.values, expected.values, QStringLiteral("values"));
    if (testsupport::maskLetters(actual.mask) != testsupport::maskLetters(expected.mask))
        problems << QStringLiteral("mask %1, expected %2")
                        .arg(testsupport::maskLetters(actual.mask),
                             testsupport::maskLetters(expected.mask));
    matrix(attn::Matrix(actual.alignedPositions), attn::Matrix(expected.alignedPositions),
           QStringLiteral("alignedPositions"));
    if (actual.scaleDivisor != expected.scaleDivisor)
        problems << QStringLiteral("scaleDivisor differs");
    if (actual.temperature != expected.temperature)
        problems << QStringLiteral("temperature differs");
    if (actual.headDim != expected.headDim || actual.headValueDim != expected.headValueDim)
        problems << QStringLiteral("head dimensions differ");
    if (actual.headCount() != expected.headCount()) {
        problems << QStringLiteral("%1 heads, expected %2")
                        .arg(actual.headCount())
                        .arg(expected.headCount());
    } else {
        for (int h = 0; h < actual.headCount(); ++h) {
            const testsupport::HeadStages a = testsupport::headStages(actual, h);
            const testsupport::HeadStages e = testsupport::headStages(expected, h);
            const QString head = QStringLiteral("head %1 ").arg(h);
            matrix(a.queries, e.queries, head + QStringLiteral("queries"));
            matrix(a.keys, e.keys, head + QStringLiteral("keys"));
            matrix(a.values, e.values, head + QStringLiteral("values"));
            matrix(a.scores, e.scores, head + QStringLiteral("scores"));
            matrix(a.scaled, e.scaled, head + QStringLiteral("scaled"));
            matrix(a.masked, e.masked, head + QStringLiteral("masked"));
            matrix(a.softWeights, e.softWeights, head + QStringLiteral("softWeights"));
            matrix(a.weights, e.weights, head + QStringLiteral("weights"));
            matrix(a.output, e.output, head + QStringLiteral("output"));
            if (a.sampledKeys != e.sampledKeys)
                problems << head + QStringLiteral("sampledKeys %1, expected %2")
                                       .arg(testsupport::describe(a.sampledKeys),
                                            testsupport::describe(e.sampledKeys));
        }
    }
    matrix(actual.concat, expected.concat, QStringLiteral("concat"));
    if (actual.projected != expected.projected)
        problems << QStringLiteral("projected differs");
    matrix(actual.output, expected.output, QStringLiteral("output"));
    if (actual.fullyMaskedRows != expected.fullyMaskedRows)
        problems << QStringLiteral("fullyMaskedRows %1, expected %2")
                        .arg(testsupport::describe(actual.fullyMaskedRows),
                             testsupport::describe(expected.fullyMaskedRows));
    if (actual.rowsSumToOne != expected.rowsSumToOne)
        problems << QStringLiteral("rowsSumToOne differs");
    return problems.isEmpty() ? QString() : problems.join(QLatin1Char('\n'));
}

} // namespace

class TestTraceReuse : public QObject
{
    Q_OBJECT

private slots:
    void reusedTraceEqualsFreshCompute_data();
    void reusedTraceEqualsFreshCompute();
    void invalidScenarioLeavesTraceAlone();
};

void TestTraceReuse::reusedTraceEqualsFreshCompute_data()
{
    QTest::addColumn<attn::Scenario>("before");
    QTest::addColumn<attn::Scenario>("after");

    QTest::newRow("empty trace → tutorial") << attn::Scenario() << attn::tutorialScenario();
    QTest::newRow("local-p, sampled, padded, 3 heads → tutorial")
        << busy() << attn::tutorialScenario();
    QTest::newRow("tutorial → local-p, sampled, padded, 3 heads")
        << attn::tutorialScenario() << busy();
    QTest::newRow("cross-attention with encoding → self-attention")
        << crossWithEncoding() << busy();
    QTest::newRow("self-attention → cross-attention with encoding")
        << attn::tutorialScenario() << crossWithEncoding();
    QTest::newRow("hard → soft") << hard() << attn::tutorialScenario();
    QTest::newRow("8 threaded heads, 96 tokens → 3 heads, 9 tokens") << manyHeads() << busy();
    QTest::newRow("3 heads, 9 tokens → 8 threaded heads, 96 tokens") << busy() << manyHeads();
    QTest::newRow("the same scenario again") << busy() << busy();
}

void TestTraceReuse::reusedTraceEqualsFreshCompute()
{
    QFETCH(attn::Scenario, before);
    QFETCH(attn::Scenario, after);

    attn::Trace reused;
    if (before.queryCount() > 0) {
        const std::optional<attn::Error> first = attn::computeInto(before, reused);
        QVERIFY2(!first, first ? first->message.c_str() : "");
    }
    const std::optional<attn::Error> second = attn::computeInto(after, reused);
    QVERIFY2(!second, second ? second->message.c_str() : "");

    const attn::Result<attn::Trace> fresh = attn::compute(after);
    QVERIFY2(fresh.ok(), fresh.ok() ? "" : fresh.error().message.c_str());
    const QString difference = firstDifference(reused, fresh.value());
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestTraceReuse::invalidScenarioLeavesTraceAlone()
{
    attn::Trace trace;
    QVERIFY(!attn::computeInto(busy(), trace));
    const attn::Trace before = trace;

    attn::Scenario invalid = attn::tutorialScenario();
    invalid.temperature = 0.0;
    const std::optional<attn::Error> error = attn::computeInto(invalid, trace);
    QVERIFY2(error.has_value(), "computeInto() accepted temperature 0");
    QCOMPARE(int(error->code), int(attn::ErrorCode::TemperatureNotPositive));
    QCOMPARE(error->field, std::string("temperature"));
    const QString difference = firstDifference(trace, before);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

QTEST_APPLESS_MAIN(TestTraceReuse)
#include "tst_trace_reuse.moc"
