// Local attention (Luong et al. 2015): which keys take part in the softmax.
//
//   local-m  p_t = t;                               key s hidden if |s − p_t| > D
//   local-p  p_t = S · sigmoid(v_pᵀ tanh(q_t W_p));  key s hidden if |s − p_t| > D
//            weights = softmax over the window · exp(−(s − p_t)² / (2σ²)), σ = D/2
//
// q_t is the whole query row (all d_k columns), so every head shares p_t. The
// Gaussian leaves local-p rows summing below 1: trace.rowsSumToOne is false.
// Expected numbers: tests/reference/engine_reference.py, section "span".

#include "attention.h"
#include "engine_fixtures.h"
#include "matrix_compare.h"

#include <QtTest>
#include <cmath>

using testsupport::matrixOf;
using testsupport::sequenceOf;
using testsupport::vectorOf;

namespace {

constexpr double tolerance = 1e-12;

using namespace fixtures::local;

attn::Scenario local(attn::SpanKind span, int window, int heads = 1,
                     attn::MaskKind mask = attn::MaskKind::None)
{
    attn::Scenario scenario;
    scenario.target = sequenceOf(embeddings);
    scenario.wQ = queryWeights;
    scenario.wK = keyWeights;
    scenario.wV = valueWeights;
    scenario.heads = heads;
    scenario.mask = mask;
    scenario.span = span;
    scenario.window = window;
    if (span == attn::SpanKind::LocalP) {
        scenario.wP = positionWeights;
        scenario.vP = positionVector;
    }
    return scenario;
}

} // namespace

class TestSpan : public QObject
{
    Q_OBJECT

private slots:
    void spans_data();
    void spans();
    void localPRowsSumBelowOne();
    void localPHugeInputsKeepWeightsFinite();
};

void TestSpan::spans_data()
{
    QTest::addColumn<attn::Scenario>("scenario");
    // V visible, C causal, W outside the window; one group per query.
    QTest::addColumn<QString>("reasons");
    QTest::addColumn<attn::Vector>("alignedPositions");
    QTest::addColumn<bool>("rowsSumToOne");
    QTest::addColumn<attn::Matrix>("softWeightsHead0");
    QTest::addColumn<attn::Matrix>("softWeightsHead1"); // empty with one head
    QTest::addColumn<attn::Matrix>("output");

    using attn::SpanKind;
    // D = 0: each word sees only itself, the weights are the identity.
    // clang-format off
    QTest::newRow("local-m, D = 0")
        << local(SpanKind::LocalM, 0)
        << QStringLiteral("VWWWWW WVWWWW WWVWWW WWWVWW WWWWVW WWWWWV")
        << vectorOf({0.0, 1.0, 2.0, 3.0, 4.0, 5.0}) << true
        << matrixOf({
            {1.0, 0.0, 0.0, 0.0, 0.0, 0.0},
            {0.0, 1.0, 0.0, 0.0, 0.0, 0.0},
            {0.0, 0.0, 1.0, 0.0, 0.0, 0.0},
            {0.0, 0.0, 0.0, 1.0, 0.0, 0.0},
            {0.0, 0.0, 0.0, 0.0, 1.0, 0.0},
            {0.0, 0.0, 0.0, 0.0, 0.0, 1.0}})
        << attn::Matrix()
        << matrixOf({
            {2.525, 0.575},
            {-0.875, 0.4749999999999998},
            {0.9, 1.5750000000000002},
            {1.3, -0.8499999999999999},
            {1.5, -0.9750000000000001},
            {-1.55, 1.0000000000000002}});
    QTest::newRow("local-m, D = 1")
        << local(SpanKind::LocalM, 1)
        << QStringLiteral("VVWWWW VVVWWW WVVVWW WWVVVW WWWVVV WWWWVV")
        << vectorOf({0.0, 1.0, 2.0, 3.0, 4.0, 5.0}) << true
        << matrixOf({
            {0.5312965315120685, 0.4687034684879315, 0.0, 0.0, 0.0, 0.0},
            {0.34694182643457977, 0.3160837211137741, 0.3369744524516461, 0.0, 0.0, 0.0},
            {0.0, 0.29042239701802774, 0.22709908151473315, 0.482478521467239, 0.0, 0.0},
            {0.0, 0.0, 0.4029328512814376, 0.24101759182069152, 0.3560495568978709, 0.0},
            {0.0, 0.0, 0.0, 0.25522333549893944, 0.41413374919246454, 0.33064291530859596},
            {0.0, 0.0, 0.0, 0.0, 0.4214801929888156, 0.5785198070111843}})
        << attn::Matrix()
        << matrixOf({
            {0.9314082071410328, 0.5281296531512067},
            {0.9027318629792429, 0.8803660803402686},
            {0.5774916538798962, 0.0855249487221148},
            {1.210036770866999, 0.08260596974525236},
            {0.4404944412089943, -0.29007732532815544},
            {-0.2644854113841123, 0.1675766188470892}});
    // clang-format on
    // Above the diagonal causal wins over the window; below it the window hides.
    // clang-format off
    QTest::newRow("local-m, D = 1, causal")
        << local(SpanKind::LocalM, 1, 1, attn::MaskKind::Causal)
        << QStringLiteral("VCCCCC VVCCCC WVVCCC WWVVCC WWWVVC WWWWVV")
        << vectorOf({0.0, 1.0, 2.0, 3.0, 4.0, 5.0}) << true
        << matrixOf({
            {1.0, 0.0, 0.0, 0.0, 0.0, 0.0},
            {0.5232706759452246, 0.47672932405477536, 0.0, 0.0, 0.0, 0.0},
            {0.0, 0.5611794081308705, 0.43882059186912953, 0.0, 0.0, 0.0},
            {0.0, 0.0, 0.6257202795612229, 0.3742797204387771, 0.0, 0.0},
            {0.0, 0.0, 0.0, 0.38129623385790556, 0.6187037661420944, 0.0},
            {0.0, 0.0, 0.0, 0.0, 0.4214801929888156, 0.5785198070111843}})
        << attn::Matrix()
        << matrixOf({
            {2.525, 0.575},
            {0.9041202982137636, 0.5273270675945223},
            {-0.09609344943229514, 0.9577026510560425},
            {1.0497118881755108, 0.6673716779359657},
            {1.423740753228419, -0.9273379707677618},
            {-0.2644854113841123, 0.1675766188470892}});
    QTest::newRow("local-p, D = 1")
        << local(SpanKind::LocalP, 1)
        << QStringLiteral("WWWWVV WWVVWW WWWWWV WWVVWW WVVWWW WWWWVV")
        << vectorOf({4.4047254572206, 2.4040720247930443, 5.581274515495665, 2.0890207596876524, 1.1596391879203232, 4.058064692580629}) << false
        << matrixOf({
            {0.0, 0.0, 0.0, 0.0, 0.4406036325790587, 0.19130088598682168},
            {0.0, 0.0, 0.3478960804735843, 0.2544850050553209, 0.0, 0.0},
            {0.0, 0.0, 0.0, 0.0, 0.0, 0.5087695452764727},
            {0.0, 0.0, 0.6158811719002152, 0.07118179381800685, 0.0, 0.0},
            {0.0, 0.4739422631312795, 0.12208801978176323, 0.0, 0.0, 0.0},
            {0.0, 0.0, 0.0, 0.0, 0.41864770535026286, 0.09810011490627878}})
        << attn::Matrix()
        << matrixOf({
            {0.3643890755890144, -0.23828765577776054},
            {0.6439369789981431, 0.3316240724488726},
            {-0.7885927951785326, 0.5087695452764728},
            {0.6468293866736026, 0.9095083209975333},
            {-0.3048202624362827, 0.4174112061436348},
            {0.47591637992066216, -0.31008139781022753}});
    QTest::newRow("local-p, D = 2")
        << local(SpanKind::LocalP, 2)
        << QStringLiteral("WWWVVV WVVVVW WWWWVV WVVVVW VVVVWW WWWVVV")
        << vectorOf({4.4047254572206, 2.4040720247930443, 5.581274515495665, 2.0890207596876524, 1.1596391879203232, 4.058064692580629}) << false
        << matrixOf({
            {0.0, 0.0, 0.0, 0.11748575189731628, 0.38580903651873993, 0.22293226484362882},
            {0.0, 0.0908914857924777, 0.2393048724431109, 0.23342489597728136, 0.06100662138187603, 0.0},
            {0.0, 0.0, 0.0, 0.0, 0.16814381895404995, 0.3487984310494889},
            {0.0, 0.150400545270351, 0.2921223719985194, 0.11584968783956563, 0.04174227131846886, 0.0},
            {0.13648438163531662, 0.27634480396843436, 0.1976284126447307, 0.03152332511287137, 0.0, 0.0},
            {0.0, 0.0, 0.0, 0.2332711450952743, 0.24897840913716235, 0.21967097858088325}})
        << attn::Matrix()
        << matrixOf({
            {0.3859000217369964, -0.25309443487486144},
            {0.5308066319736617, 0.16218601242130837},
            {-0.2884218396956329, 0.18485820756929022},
            {0.344527658856249, 0.39236204570194694},
            {0.32166725418378483, 0.4942122248948235},
            {0.33623008552923106, -0.22136344365883315}});
    // clang-format on
    // p_t comes from the whole query row: the same positions as with one head.
    // clang-format off
    QTest::newRow("local-p, D = 2, 2 heads")
        << local(SpanKind::LocalP, 2, 2)
        << QStringLiteral("WWWVVV WVVVVW WWWWVV WVVVVW VVVVWW WWWVVV")
        << vectorOf({4.4047254572206, 2.4040720247930443, 5.581274515495665, 2.0890207596876524, 1.1596391879203232, 4.058064692580629}) << false
        << matrixOf({
            {0.0, 0.0, 0.0, 0.15720986641134177, 0.34579517216998956, 0.17006266501509296},
            {0.0, 0.0976402730012761, 0.2815242111142786, 0.18384106540562525, 0.059697710972340744, 0.0},
            {0.0, 0.0, 0.0, 0.0, 0.2093704710052764, 0.2272443278910021},
            {0.0, 0.13793023294451132, 0.24695167397658727, 0.16452992392928814, 0.040807735231535185, 0.0},
            {0.12366137463106158, 0.2480605521140357, 0.23555703102913875, 0.03148201831953634, 0.0, 0.0},
            {0.0, 0.0, 0.0, 0.21041298248855836, 0.34804650289014355, 0.18166382167406472}})
        << matrixOf({
            {0.0, 0.0, 0.0, 0.08640106151063709, 0.35861407906690995, 0.3174930011691597},
            {0.0, 0.08426354266755623, 0.19513167905039142, 0.2727199305197666, 0.06625702711235226, 0.0},
            {0.0, 0.0, 0.0, 0.0, 0.10800157074016527, 0.5261239396668295},
            {0.0, 0.1545230169602766, 0.3116228991508635, 0.09940189455806975, 0.04139912040844513, 0.0},
            {0.14340657273929994, 0.2853188198833034, 0.15321128405309278, 0.038984839000250224, 0.0, 0.0},
            {0.0, 0.0, 0.0, 0.22493669864040433, 0.20677239070123615, 0.2561613966058542}})
        << matrixOf({
            {0.4594684538163345, -0.105596628205119},
            {0.49647650261255816, 0.050945034895110625},
            {-0.0381730017231387, 0.4208224081951684},
            {0.3766680567078585, 0.43934874644614813},
            {0.34811993958527143, 0.42615587800307503},
            {0.5140277079755409, -0.1366378781721947}});
    // clang-format on
}

void TestSpan::spans()
{
    QFETCH(attn::Scenario, scenario);
    QFETCH(QString, reasons);
    QFETCH(attn::Vector, alignedPositions);
    QFETCH(bool, rowsSumToOne);
    QFETCH(attn::Matrix, softWeightsHead0);
    QFETCH(attn::Matrix, softWeightsHead1);
    QFETCH(attn::Matrix, output);

    const attn::Result<attn::Trace> result = attn::compute(scenario);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const attn::Trace &trace = result.value();

    QCOMPARE(testsupport::maskLetters(trace.mask), reasons);
    VERIFY_MATRIX_NEAR(attn::Matrix(trace.alignedPositions), attn::Matrix(alignedPositions),
                       tolerance);
    QCOMPARE(trace.rowsSumToOne, rowsSumToOne);
    QVERIFY(trace.fullyMaskedRows.empty());

    const std::vector<attn::Matrix> expectedSoftWeights =
        softWeightsHead1.size() == 0
            ? std::vector<attn::Matrix>{softWeightsHead0}
            : std::vector<attn::Matrix>{softWeightsHead0, softWeightsHead1};
    QCOMPARE(trace.headCount(), int(expectedSoftWeights.size()));
    for (int h = 0; h < trace.headCount(); ++h) {
        const testsupport::HeadStages head = testsupport::headStages(trace, h);
        const QString which = QStringLiteral("head %1 soft weights").arg(h);
        const testsupport::Comparison comparison = testsupport::compareMatrices(
            head.softWeights, expectedSoftWeights[h], tolerance, which);
        QVERIFY2(comparison.ok, qPrintable(comparison.message));
        VERIFY_MATRIX_EQUAL(head.weights, head.softWeights); // soft selection
        for (Eigen::Index i = 0; i < head.masked.rows(); ++i) {
            for (Eigen::Index j = 0; j < head.masked.cols(); ++j) {
                const bool hidden = trace.mask(i, j) != attn::MaskReason::Visible;
                const QString where = QStringLiteral("head %1 cell (%2, %3)").arg(h).arg(i).arg(j);
                if (hidden) {
                    QVERIFY2(head.masked(i, j) == -std::numeric_limits<double>::infinity(),
                             qPrintable(where + QStringLiteral(": masked score is not −∞")));
                    QVERIFY2(
                        head.softWeights(i, j) == 0.0,
                        qPrintable(where + QStringLiteral(": hidden weight is not exactly 0")));
                } else {
                    QVERIFY2(head.masked(i, j) == head.scaled(i, j),
                             qPrintable(where + QStringLiteral(": visible score changed")));
                }
            }
        }
    }
    VERIFY_MATRIX_NEAR(trace.output, output, tolerance);
}

// The Gaussian factor is below 1 away from p_t, so no local-p row reaches 1.
void TestSpan::localPRowsSumBelowOne()
{
    const attn::Result<attn::Trace> result = attn::compute(local(attn::SpanKind::LocalP, 2));
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const attn::Trace &trace = result.value();
    QVERIFY(!trace.rowsSumToOne);
    const attn::Vector sums = trace.softWeights(0).rowwise().sum();
    for (Eigen::Index i = 0; i < sums.size(); ++i)
        QVERIFY2(sums(i) > 0.0 && sums(i) < 1.0,
                 qPrintable(QStringLiteral("row %1 sums to %2, expected strictly between 0 and 1")
                                .arg(i)
                                .arg(testsupport::fullPrecision(sums(i)))));
}

// Inputs of ±1e300 overflow the projections: q = 1e300·1e300 + (−1e300)·1e300
// = ∞ − ∞ = NaN. local-p takes a NaN as −∞, as the softmax does, so
// p_t = S · sigmoid(v_p · tanh(−∞)) = 3 · sigmoid(−1) = 3 / (1 + e), and the
// weights stay numbers. By NumPy from the formulas (tests/reference style):
//   p = 3 / (1 + np.e) = 0.8068242641099854; keys 0 and 1 lie within D = 1;
//   both scores are NaN, clamped alike, so the softmax gives 0.5 and 0.5;
//   times exp(−(j − p)² / (2 · 0.5²)): 0.1360030500209148, 0.46404167664529805.
// V = 1e300·1 + (−1e300)·1 = 0, so the output is 0.
void TestSpan::localPHugeInputsKeepWeightsFinite()
{
    attn::Scenario scenario;
    scenario.target = sequenceOf(matrixOf({{1e300, -1e300}, {1e300, -1e300}, {1e300, -1e300}}));
    scenario.wQ = matrixOf({{1e300}, {1e300}});
    scenario.wK = matrixOf({{1e300}, {1e300}});
    scenario.wV = matrixOf({{1.0}, {1.0}});
    scenario.span = attn::SpanKind::LocalP;
    scenario.window = 1;
    scenario.wP = matrixOf({{1.0}});
    scenario.vP = vectorOf({1.0});

    const attn::Result<attn::Trace> result = attn::compute(scenario);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const attn::Trace &trace = result.value();
    const double position = 0.8068242641099854;
    for (Eigen::Index i = 0; i < 3; ++i)
        QVERIFY2(std::abs(trace.alignedPositions(i) - position) < 1e-15,
                 qPrintable(QStringLiteral("p_%1 = %2, expected 3 / (1 + e)")
                                .arg(i)
                                .arg(testsupport::fullPrecision(trace.alignedPositions(i)))));
    const attn::Matrix expected = matrixOf({{0.1360030500209148, 0.46404167664529805, 0.0},
                                            {0.1360030500209148, 0.46404167664529805, 0.0},
                                            {0.1360030500209148, 0.46404167664529805, 0.0}});
    VERIFY_MATRIX_NEAR(trace.softWeights(0), expected, 1e-15);
    VERIFY_MATRIX_NEAR(trace.output, attn::Matrix::Zero(3, 1), 0.0);
}

QTEST_APPLESS_MAIN(TestSpan)
#include "tst_span.moc"
