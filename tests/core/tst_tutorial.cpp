// The tutorial's example, stage by stage, against NumPy.
//
// Four words [1,0,0] [0,1,0] [1,1,0] [0,0,1]; W_Q, W_K, W_V from
// np.random.seed(42); np.random.randint(3, size=(3, 3)). Then Q = X W_Q,
// K = X W_K, V = X W_V, scores = Q Kᵀ, weights = softmax(scores / √d_k),
// output = weights V. The app opens on this example and must reproduce
// NumPy's doubles; the expected numbers come from
// tests/reference/engine_reference.py (section "tutorial").

#include "attention.h"
#include "matrix_compare.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <cmath>

using testsupport::matrixOf;

namespace {

constexpr double tolerance = 1e-12;

// The inputs of ../shared/reference/seed-example.json, written out.
const std::vector<std::string> seedTokens{"word_1", "word_2", "word_3", "word_4"};
const attn::Matrix seedEmbeddings = matrixOf({{1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0, 0, 1}});
const attn::Matrix seedWQ = matrixOf({{2, 0, 2}, {2, 0, 0}, {2, 1, 2}});
const attn::Matrix seedWK = matrixOf({{2, 2, 2}, {0, 2, 1}, {0, 1, 1}});
const attn::Matrix seedWV = matrixOf({{1, 1, 0}, {0, 1, 1}, {0, 0, 0}});

attn::Matrix matrixFromJson(const QJsonArray &rows)
{
    const int colCount = rows.isEmpty() ? 0 : static_cast<int>(rows.first().toArray().size());
    attn::Matrix matrix(rows.size(), colCount);
    for (int r = 0; r < rows.size(); ++r) {
        const QJsonArray row = rows.at(r).toArray();
        for (int c = 0; c < colCount; ++c)
            matrix(r, c) = c < row.size() ? row.at(c).toDouble() : std::nan("");
    }
    return matrix;
}

} // namespace

class TestTutorial : public QObject
{
    Q_OBJECT

private slots:
    void scenarioHoldsTheSeedExample();
    void scenarioComputesThePlainPipeline();
    void writtenOutInputsMatchTheReferenceFile();
    void stagesMatchNumPy_data();
    void stagesMatchNumPy();
    void traceDescribesThePipeline();
};

void TestTutorial::scenarioHoldsTheSeedExample()
{
    const attn::Scenario scenario = attn::tutorialScenario();
    QCOMPARE(scenario.target.tokens, seedTokens);
    VERIFY_MATRIX_EQUAL(scenario.target.embeddings, seedEmbeddings);
    VERIFY_MATRIX_EQUAL(scenario.wQ, seedWQ);
    VERIFY_MATRIX_EQUAL(scenario.wK, seedWK);
    VERIFY_MATRIX_EQUAL(scenario.wV, seedWV);
}

// The tutorial is plain scaled dot-product self-attention with one head: any
// other option would change its numbers.
void TestTutorial::scenarioComputesThePlainPipeline()
{
    const attn::Scenario scenario = attn::tutorialScenario();
    QVERIFY(!scenario.isCrossAttention());
    QVERIFY(!scenario.wO.has_value());
    QCOMPARE(scenario.heads, 1);
    QCOMPARE(scenario.score, attn::ScoreFunction::Dot);
    QCOMPARE(scenario.scale, attn::ScaleMode::SqrtHeadDim);
    QCOMPARE(scenario.temperature, 1.0);
    QCOMPARE(scenario.mask, attn::MaskKind::None);
    QVERIFY(scenario.padding.empty());
    QCOMPARE(scenario.span, attn::SpanKind::Global);
    QCOMPARE(scenario.selection, attn::SelectionKind::Soft);
    QCOMPARE(scenario.positional, attn::PositionalEncoding::None);
    QVERIFY2(!attn::validate(scenario).has_value(), "the tutorial scenario must be valid");
}

// Guards the literals above against drift from the shared reference file.
void TestTutorial::writtenOutInputsMatchTheReferenceFile()
{
    const QString sourceDir = qEnvironmentVariable("ATTENTION_LAB_SOURCE_DIR");
    QFile file(sourceDir + QStringLiteral("/../shared/reference/seed-example.json"));
    if (sourceDir.isEmpty() || !file.open(QIODevice::ReadOnly))
        QSKIP("../shared/reference/seed-example.json is not beside the source tree");
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();

    const QJsonArray tokens = json.value(QStringLiteral("tokens")).toArray();
    QCOMPARE(tokens.size(), qsizetype(seedTokens.size()));
    for (int i = 0; i < tokens.size(); ++i)
        QCOMPARE(tokens.at(i).toString().toStdString(), seedTokens[i]);
    VERIFY_MATRIX_EQUAL(matrixFromJson(json.value(QStringLiteral("embeddings")).toArray()),
                        seedEmbeddings);
    VERIFY_MATRIX_EQUAL(matrixFromJson(json.value(QStringLiteral("w_q")).toArray()), seedWQ);
    VERIFY_MATRIX_EQUAL(matrixFromJson(json.value(QStringLiteral("w_k")).toArray()), seedWK);
    VERIFY_MATRIX_EQUAL(matrixFromJson(json.value(QStringLiteral("w_v")).toArray()), seedWV);
}

void TestTutorial::stagesMatchNumPy_data()
{
    QTest::addColumn<QString>("stage");
    QTest::addColumn<attn::Matrix>("expected");

    // Q = X W_Q, K = X W_K, V = X W_V: integers, so exact in any order.
    // clang-format off
    QTest::newRow("queries Q = X·W_Q") << QStringLiteral("queries") << matrixOf({
        {2.0, 0.0, 2.0},
        {2.0, 0.0, 0.0},
        {4.0, 0.0, 2.0},
        {2.0, 1.0, 2.0}});
    QTest::newRow("keys K = X·W_K") << QStringLiteral("keys") << matrixOf({
        {2.0, 2.0, 2.0},
        {0.0, 2.0, 1.0},
        {2.0, 4.0, 3.0},
        {0.0, 1.0, 1.0}});
    QTest::newRow("values V = X·W_V") << QStringLiteral("values") << matrixOf({
        {1.0, 1.0, 0.0},
        {0.0, 1.0, 1.0},
        {1.0, 2.0, 1.0},
        {0.0, 0.0, 0.0}});
    QTest::newRow("scores Q·Kᵀ") << QStringLiteral("scores") << matrixOf({
        {8.0, 2.0, 10.0, 2.0},
        {4.0, 0.0, 4.0, 0.0},
        {12.0, 2.0, 14.0, 2.0},
        {10.0, 4.0, 14.0, 3.0}});
    QTest::newRow("scaled by √3") << QStringLiteral("scaled") << matrixOf({
        {4.618802153517007, 1.1547005383792517, 5.773502691896258, 1.1547005383792517},
        {2.3094010767585034, 0.0, 2.3094010767585034, 0.0},
        {6.92820323027551, 1.1547005383792517, 8.082903768654761, 1.1547005383792517},
        {5.773502691896258, 2.3094010767585034, 8.082903768654761, 1.7320508075688774}});
    // clang-format on
    // Nothing is masked, so the masked stage is the scaled one.
    // clang-format off
    QTest::newRow("masked (nothing hidden)") << QStringLiteral("masked") << matrixOf({
        {4.618802153517007, 1.1547005383792517, 5.773502691896258, 1.1547005383792517},
        {2.3094010767585034, 0.0, 2.3094010767585034, 0.0},
        {6.92820323027551, 1.1547005383792517, 8.082903768654761, 1.1547005383792517},
        {5.773502691896258, 2.3094010767585034, 8.082903768654761, 1.7320508075688774}});
    const attn::Matrix weights = matrixOf({
        {0.23608986335744747, 0.007389875548932189, 0.7491303855446881, 0.007389875548932189},
        {0.4548263225195752, 0.0451736774804248, 0.4548263225195752, 0.0451736774804248},
        {0.23927504868045535, 0.0007438700150519289, 0.7592372112894408, 0.0007438700150519289},
        {0.08995017535419739, 0.0028155406251633023, 0.9056536848050253, 0.0015805992156140561}});
    // clang-format on
    QTest::newRow("softmax weights") << QStringLiteral("softWeights") << weights;
    QTest::newRow("weights after soft selection") << QStringLiteral("weights") << weights;
    // clang-format off
    const attn::Matrix output = matrixOf({
        {0.9852202489021356, 1.741740509995756, 0.7565202610936204},
        {0.9096526450391504, 1.4096526450391504, 0.5},
        {0.9985122599698961, 1.7584933412743888, 0.7599810813044927},
        {0.9956038601592226, 1.9040730855894112, 0.9084692254301886}});
    // clang-format on
    QTest::newRow("head output weights·V") << QStringLiteral("head output") << output;
    QTest::newRow("concat of one head") << QStringLiteral("concat") << output;
    QTest::newRow("output without W_O") << QStringLiteral("output") << output;
}

void TestTutorial::stagesMatchNumPy()
{
    QFETCH(QString, stage);
    QFETCH(attn::Matrix, expected);

    const attn::Result<attn::Trace> result = attn::compute(attn::tutorialScenario());
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const attn::Trace &trace = result.value();
    QCOMPARE(trace.headCount(), 1);
    const testsupport::HeadStages head = testsupport::headStages(trace, 0);

    const attn::Matrix *actual = nullptr;
    if (stage == QLatin1String("queries"))
        actual = &trace.queries;
    else if (stage == QLatin1String("keys"))
        actual = &trace.keys;
    else if (stage == QLatin1String("values"))
        actual = &trace.values;
    else if (stage == QLatin1String("scores"))
        actual = &head.scores;
    else if (stage == QLatin1String("scaled"))
        actual = &head.scaled;
    else if (stage == QLatin1String("masked"))
        actual = &head.masked;
    else if (stage == QLatin1String("softWeights"))
        actual = &head.softWeights;
    else if (stage == QLatin1String("weights"))
        actual = &head.weights;
    else if (stage == QLatin1String("head output"))
        actual = &head.output;
    else if (stage == QLatin1String("concat"))
        actual = &trace.concat;
    else if (stage == QLatin1String("output"))
        actual = &trace.output;
    QVERIFY2(actual, qPrintable(QStringLiteral("unknown stage ") + stage));

    const testsupport::Comparison comparison =
        testsupport::compareMatrices(*actual, expected, tolerance, stage);
    QVERIFY2(comparison.ok, qPrintable(comparison.message));
}

void TestTutorial::traceDescribesThePipeline()
{
    const attn::Result<attn::Trace> result = attn::compute(attn::tutorialScenario());
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const attn::Trace &trace = result.value();

    VERIFY_MATRIX_EQUAL(trace.embeddings, seedEmbeddings);
    VERIFY_MATRIX_EQUAL(trace.input, seedEmbeddings);
    QCOMPARE(trace.sourceEmbeddings.size(), Eigen::Index(0));
    VERIFY_NEAR(trace.scaleDivisor, 1.7320508075688772, 1e-15); // np.sqrt(3)
    QCOMPARE(trace.temperature, 1.0);
    QCOMPARE(trace.headDim, 3);
    QCOMPARE(trace.headValueDim, 3);
    QCOMPARE(trace.queryCount(), 4);
    QCOMPARE(trace.keyCount(), 4);
    QVERIFY(!trace.projected);
    QVERIFY(trace.rowsSumToOne);
    QVERIFY(trace.fullyMaskedRows.empty());
    QCOMPARE(trace.alignedPositions.size(), Eigen::Index(0));
    QCOMPARE(testsupport::maskLetters(trace.mask), QStringLiteral("VVVV VVVV VVVV VVVV"));
    QVERIFY(trace.heads.front().sampledKeys.empty());
    // The per-head slices of one head are the whole matrices.
    VERIFY_MATRIX_EQUAL(trace.heads.front().queries, trace.queries);
    VERIFY_MATRIX_EQUAL(trace.heads.front().keys, trace.keys);
    VERIFY_MATRIX_EQUAL(trace.heads.front().values, trace.values);
}

QTEST_APPLESS_MAIN(TestTutorial)
#include "tst_tutorial.moc"
