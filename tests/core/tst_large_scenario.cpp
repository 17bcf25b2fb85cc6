// Scenarios large enough for the engine's fast paths: products through
// OpenBLAS (which sums in its own order), the fused row softmax over blocks
// of rows, heads spread over threads. Every stage is compared with NumPy at
// 1e-12, as the small scenarios are (tests/reference/bench_numpy.py --json
// computes the same inputs from the formulas); and the memory a trace keeps.

#include "attention.h"
#include "large_scenario_fixture.h"
#include "matrix_compare.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace {

constexpr double tolerance = 1e-12;

attn::Matrix matrixFromJson(const QJsonArray &rows)
{
    attn::Matrix matrix(rows.size(), rows.isEmpty() ? 0 : rows.first().toArray().size());
    for (int r = 0; r < rows.size(); ++r) {
        const QJsonArray row = rows.at(r).toArray();
        for (int c = 0; c < row.size(); ++c)
            matrix(r, c) = row.at(c).toDouble();
    }
    return matrix;
}

/// Every stage NumPy computes for `tokens` tokens (and a causal mask).
QJsonObject numpyStages(int tokens, bool causal, QString &problem)
{
    const QString sourceDir = qEnvironmentVariable("ATTENTION_LAB_SOURCE_DIR");
    QStringList arguments = {sourceDir + QStringLiteral("/tests/reference/bench_numpy.py"),
                             QStringLiteral("--json"), QStringLiteral("--tokens"),
                             QString::number(tokens)};
    if (causal)
        arguments << QStringLiteral("--causal");
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), arguments);
    if (!python.waitForFinished(120000) || python.exitCode() != 0) {
        problem = QString::fromUtf8(python.readAllStandardError());
        return {};
    }
    return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
}

} // namespace

class TestLargeScenario : public QObject
{
    Q_OBJECT

private slots:
    void stagesMatchNumPy_data();
    void stagesMatchNumPy();
    void oneThreadAndTwoAgree();
    void traceKeepsAFifthOfFiveMatrices();
};

void TestLargeScenario::stagesMatchNumPy_data()
{
    QTest::addColumn<int>("tokens");
    QTest::addColumn<bool>("causal");
    // 96 tokens: scores and weights · V go to OpenBLAS, one block of rows.
    // 300 tokens: several blocks of rows, and the heads on two threads.
    QTest::newRow("96 tokens, 8 heads") << 96 << false;
    QTest::newRow("96 tokens, 8 heads, causal") << 96 << true;
    QTest::newRow("300 tokens, 8 heads, causal") << 300 << true;
}

void TestLargeScenario::stagesMatchNumPy()
{
    QFETCH(int, tokens);
    QFETCH(bool, causal);
    attn::Scenario scenario = testsupport::largeScenario(tokens);
    if (causal)
        scenario.mask = attn::MaskKind::Causal;
    const attn::Result<attn::Trace> result = attn::compute(scenario);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const attn::Trace &trace = result.value();

    QString problem;
    const QJsonObject numpy = numpyStages(tokens, causal, problem);
    QVERIFY2(!numpy.isEmpty(), qPrintable(problem));

    VERIFY_MATRIX_NEAR(trace.queries, matrixFromJson(numpy[QStringLiteral("q")].toArray()),
                       tolerance);
    VERIFY_MATRIX_NEAR(trace.keys, matrixFromJson(numpy[QStringLiteral("k")].toArray()), tolerance);
    VERIFY_MATRIX_NEAR(trace.values, matrixFromJson(numpy[QStringLiteral("v")].toArray()),
                       tolerance);
    const QJsonArray scores = numpy[QStringLiteral("scores")].toArray();
    const QJsonArray weights = numpy[QStringLiteral("weights")].toArray();
    const QJsonArray outputs = numpy[QStringLiteral("outputs")].toArray();
    QCOMPARE(trace.headCount(), int(scores.size()));
    for (int h = 0; h < trace.headCount(); ++h) {
        const testsupport::Comparison s =
            testsupport::compareMatrices(trace.scores(h), matrixFromJson(scores.at(h).toArray()),
                                         tolerance, QStringLiteral("head %1 scores").arg(h + 1));
        QVERIFY2(s.ok, qPrintable(s.message));
        const testsupport::Comparison w =
            testsupport::compareMatrices(trace.weights(h), matrixFromJson(weights.at(h).toArray()),
                                         tolerance, QStringLiteral("head %1 weights").arg(h + 1));
        QVERIFY2(w.ok, qPrintable(w.message));
        const testsupport::Comparison o = testsupport::compareMatrices(
            trace.heads[std::size_t(h)].output, matrixFromJson(outputs.at(h).toArray()), tolerance,
            QStringLiteral("head %1 output").arg(h + 1));
        QVERIFY2(o.ok, qPrintable(o.message));
    }
    VERIFY_MATRIX_NEAR(trace.concat, matrixFromJson(numpy[QStringLiteral("concat")].toArray()),
                       tolerance);
    VERIFY_MATRIX_NEAR(trace.output, matrixFromJson(numpy[QStringLiteral("output")].toArray()),
                       tolerance);
}

void TestLargeScenario::oneThreadAndTwoAgree()
{
    // Heads on one thread or two: the same numbers, bit for bit.
    attn::Scenario scenario = testsupport::largeScenario(300);
    scenario.mask = attn::MaskKind::Causal;
    attn::setComputeThreads(1);
    const attn::Result<attn::Trace> one = attn::compute(scenario);
    attn::setComputeThreads(2);
    const attn::Result<attn::Trace> two = attn::compute(scenario);
    attn::setComputeThreads(0);
    QVERIFY(one.ok() && two.ok());
    VERIFY_MATRIX_EQUAL(one->output, two->output);
    for (int h = 0; h < one->headCount(); ++h)
        VERIFY_MATRIX_EQUAL(one->weights(h), two->weights(h));
}

void TestLargeScenario::traceKeepsAFifthOfFiveMatrices()
{
    // Five n × m matrices a head (scores, scaled, masked, soft weights,
    // weights) were 40·n² bytes; the trace keeps the scores and computes the
    // rest from them, so a head takes at most a quarter of that.
    constexpr int tokens = 1024;
    const attn::Result<attn::Trace> result = attn::compute(testsupport::largeScenario(tokens));
    QVERIFY(result.ok());
    const double fiveMatrices = 5.0 * sizeof(double) * tokens * tokens;
    for (const attn::HeadTrace &head : result->heads) {
        const double share = double(head.storedBytes()) / fiveMatrices;
        QVERIFY2(share <= 0.25, qPrintable(QStringLiteral("a head keeps %1 bytes, %2 % of %3")
                                               .arg(head.storedBytes())
                                               .arg(100.0 * share)
                                               .arg(fiveMatrices)));
    }
    const double wholeTrace = double(result->storedBytes()) / (8 * fiveMatrices);
    QVERIFY2(wholeTrace <= 0.25, qPrintable(QString::number(wholeTrace)));
}

QTEST_APPLESS_MAIN(TestLargeScenario)
#include "tst_large_scenario.moc"
