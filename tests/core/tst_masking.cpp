// Masking: which keys a query may not see, and what the softmax makes of it.
//
//   masked(i, j) = −∞              where key j is hidden from query i
//                = scaled(i, j)     elsewhere
//   weights(i, ·) = softmax over the visible keys; hidden keys get exactly 0
//
// Causal hides key j > i (a decoder must not read ahead); padding[j] hides
// key j from every query. When several apply, the mask says Causal before
// Padding before OutsideWindow. A query that sees no key at all gets weights
// 0 and output 0 and is listed in trace.fullyMaskedRows — no NaN anywhere.
// Expected numbers: tests/reference/engine_reference.py, section "masking".

#include "attention.h"
#include "matrix_compare.h"

#include <QtTest>
#include <cmath>

using testsupport::matrixOf;
using testsupport::sequenceOf;

namespace {

constexpr double tolerance = 1e-12;

// 4 words, d_model 3, d_k 3, d_v 2; a 3-word source for cross-attention.
// clang-format off
const attn::Matrix embeddings = matrixOf({
    {0.9, -0.4, 0.2},
    {0.1, 0.8, -0.6},
    {-0.7, 0.3, 0.5},
    {0.4, 0.4, 0.4}});
const attn::Matrix sourceEmbeddings = matrixOf({
    {0.3, -0.2, 0.8},
    {-0.5, 0.6, 0.1},
    {0.7, 0.7, -0.3}});
const attn::Matrix queryWeights = matrixOf({
    {0.5, -0.2, 0.7},
    {0.3, 0.9, -0.4},
    {-0.6, 0.1, 0.8}});
const attn::Matrix keyWeights = matrixOf({
    {0.2, 0.6, -0.3},
    {-0.7, 0.4, 0.5},
    {0.9, -0.1, 0.2}});
const attn::Matrix valueWeights = matrixOf({
    {1.0, -0.5},
    {0.25, 0.75},
    {-0.5, 0.5}});
// clang-format on

// scores / √3 of the self-attention example: masking must not change them.
// clang-format off
const attn::Matrix selfScaled = matrixOf({
        {-0.26633167917717443, -0.12592009371025742, 0.3695041722813605, -0.0009237604307033636},
        {0.5544294635027976, -0.3480844772944253, -0.28567291319502686, 0.12563141857566262},
        {-0.059178402591936706, 0.4357262481574107, -0.1810570444178666, 0.02447965141364011},
        {-0.013163586137523461, 0.09491638425477449, 0.05681126648825917, 0.11454629340722179}});
const attn::Matrix crossScaled = matrixOf({
        {0.08908514653595931, 0.22666771568384708, -0.25045454677445966},
        {0.3652895153162763, -0.38532356965715625, 0.0033486315612998893},
        {-0.2885019295140561, 0.06345079458393992, 0.3846307493341287},
        {0.03856699798186701, 0.08660254037844385, 0.12655517900636598}});
// clang-format on

attn::Scenario selfAttention(attn::MaskKind mask, std::vector<bool> padding)
{
    attn::Scenario scenario;
    scenario.target = sequenceOf(embeddings);
    scenario.wQ = queryWeights;
    scenario.wK = keyWeights;
    scenario.wV = valueWeights;
    scenario.mask = mask;
    scenario.padding = std::move(padding);
    return scenario;
}

attn::Scenario crossAttention(std::vector<bool> padding)
{
    attn::Scenario scenario = selfAttention(attn::MaskKind::None, std::move(padding));
    scenario.source = sequenceOf(sourceEmbeddings, "s");
    return scenario;
}

} // namespace

class TestMasking : public QObject
{
    Q_OBJECT

private slots:
    void masks_data();
    void masks();
    void paddingWithoutCausalIgnoresOrder();
};

void TestMasking::masks_data()
{
    QTest::addColumn<attn::Scenario>("scenario");
    QTest::addColumn<attn::Matrix>("scaled");
    // V visible, C causal, P padding, W outside window; one group per query.
    QTest::addColumn<QString>("reasons");
    QTest::addColumn<std::vector<int>>("fullyMaskedRows");
    QTest::addColumn<attn::Matrix>("weights");
    QTest::addColumn<attn::Matrix>("output");

    using attn::MaskKind;
    // clang-format off
    QTest::newRow("no mask, 4 tokens")
        << selfAttention(MaskKind::None, {}) << selfScaled
        << QStringLiteral("VVVV VVVV VVVV VVVV")
        << std::vector<int>{}
        << matrixOf({
            {0.1871499063382422, 0.21536225545497162, 0.3534513264043104, 0.24403651180247585},
            {0.4018474329010152, 0.16296876483079675, 0.1734640060151339, 0.2617197962530542},
            {0.21678549876585268, 0.35560232094712463, 0.19191061905678206, 0.23570156123024052},
            {0.23132933083310986, 0.2577325296037749, 0.24809636083209824, 0.2628417787310171}})
        << matrixOf({
            {0.024163330646723713, 0.2970014225681843},
            {0.30580939554186276, 0.001165103660441008},
            {0.2678999183987596, 0.17702673512989428},
            {0.17833826723666102, 0.19760109866520847}});
    QTest::newRow("causal mask, 4 tokens")
        << selfAttention(MaskKind::Causal, {}) << selfScaled
        << QStringLiteral("VCCC VVCC VVVC VVVV")
        << std::vector<int>{}
        << matrixOf({
            {1.0, 0.0, 0.0, 0.0},
            {0.7114658441361165, 0.28853415586388365, 0.0, 0.0},
            {0.2836398555449072, 0.4652663186379317, 0.251093825817161, 0.0},
            {0.23132933083310986, 0.2577325296037749, 0.24809636083209824, 0.2628417787310171}})
        << matrixOf({
            {0.7000000000000001, -0.65},
            {0.6711465844136117, -0.3903192597225048},
            {0.2580005924741782, 0.13910307985445108},
            {0.17833826723666102, 0.19760109866520847}});
    QTest::newRow("padding on the last key")
        << selfAttention(MaskKind::None, {false, false, false, true}) << selfScaled
        << QStringLiteral("VVVP VVVP VVVP VVVP")
        << std::vector<int>{}
        << matrixOf({
            {0.24756474255717253, 0.28488446706397025, 0.46755079037885733, 0.0},
            {0.544302056132001, 0.22074107365156465, 0.23495687021643438, 0.0},
            {0.2836398555449072, 0.4652663186379317, 0.251093825817161, 0.0},
            {0.3138123189277973, 0.34962986529554063, 0.33655781577666205, 0.0}})
        << matrixOf({
            {-0.0648809415530972, 0.2960334361663877},
            {0.3078688220439594, -0.10477165014435114},
            {0.2580005924741782, 0.13910307985445108},
            {0.13495845362220332, 0.16108965703656308}});
    // clang-format on
    // Cells (1,3), (2,3): causal and padding both apply, causal is named.
    // clang-format off
    QTest::newRow("causal and padding")
        << selfAttention(MaskKind::Causal, {false, true, false, true}) << selfScaled
        << QStringLiteral("VCCC VPCC VPVC VPVP")
        << std::vector<int>{}
        << matrixOf({
            {1.0, 0.0, 0.0, 0.0},
            {1.0, 0.0, 0.0, 0.0},
            {0.5304319990138318, 0.0, 0.4695680009861683, 0.0},
            {0.48251342148482823, 0.0, 0.5174865785151718, 0.0}})
        << matrixOf({
            {0.7000000000000001, -0.65},
            {0.7000000000000001, -0.65},
            {-0.039569601553214984, 0.04261280145459817},
            {-0.11504136116139552, 0.11329270330987834}});
    // clang-format on
    // Query 0 sees only key 0, which is padding: nothing left to attend to.
    // clang-format off
    QTest::newRow("causal and padding on key 0 hide row 0")
        << selfAttention(MaskKind::Causal, {true, false, false, true}) << selfScaled
        << QStringLiteral("PCCC PVCC PVVC PVVP")
        << std::vector<int>{0}
        << matrixOf({
            {0.0, 0.0, 0.0, 0.0},
            {0.0, 1.0, 0.0, 0.0},
            {0.0, 0.6494866056400188, 0.3505133943599812, 0.0},
            {0.0, 0.5095251269291609, 0.4904748730708391, 0.0}})
        << matrixOf({
            {0.0, 0.0},
            {0.6000000000000001, 0.25000000000000006},
            {0.08299274331902784, 0.4515452017569892},
            {-0.12345043777948767, 0.5320230520157325}});
    QTest::newRow("padding on every key")
        << selfAttention(MaskKind::None, {true, true, true, true}) << selfScaled
        << QStringLiteral("PPPP PPPP PPPP PPPP")
        << std::vector<int>{0, 1, 2, 3}
        << matrixOf({
            {0.0, 0.0, 0.0, 0.0},
            {0.0, 0.0, 0.0, 0.0},
            {0.0, 0.0, 0.0, 0.0},
            {0.0, 0.0, 0.0, 0.0}})
        << matrixOf({
            {0.0, 0.0},
            {0.0, 0.0},
            {0.0, 0.0},
            {0.0, 0.0}});
    QTest::newRow("padding on a source key, cross-attention 4×3")
        << crossAttention({false, true, false}) << crossScaled
        << QStringLiteral("VPV VPV VPV VPV")
        << std::vector<int>{}
        << matrixOf({
            {0.5840787046057785, 0.0, 0.41592129539422157},
            {0.5895101859563233, 0.0, 0.4104898140436767},
            {0.33779573688272724, 0.0, 0.6622042631172728},
            {0.4780171353791595, 0.0, 0.5219828646208405}})
        << matrixOf({
            {0.33870752208821026, 0.06880590284543335},
            {0.33232553150132005, 0.06921326394672421},
            {0.6280900091627954, 0.050334680266204496},
            {0.4633298659294876, 0.06085128515343692}});
    // clang-format on
}

void TestMasking::masks()
{
    QFETCH(attn::Scenario, scenario);
    QFETCH(attn::Matrix, scaled);
    QFETCH(QString, reasons);
    QFETCH(std::vector<int>, fullyMaskedRows);
    QFETCH(attn::Matrix, weights);
    QFETCH(attn::Matrix, output);

    const attn::Result<attn::Trace> result = attn::compute(scenario);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const attn::Trace &trace = result.value();
    const testsupport::HeadStages head = testsupport::headStages(trace, 0);

    QCOMPARE(testsupport::maskLetters(trace.mask), reasons);
    VERIFY_INTS_EQUAL(trace.fullyMaskedRows, fullyMaskedRows);
    QVERIFY(trace.rowsSumToOne);
    VERIFY_MATRIX_NEAR(head.scaled, scaled, tolerance);

    // −∞ exactly where hidden; the scaled score itself where visible.
    attn::Matrix expectedMasked = head.scaled;
    for (Eigen::Index i = 0; i < expectedMasked.rows(); ++i)
        for (Eigen::Index j = 0; j < expectedMasked.cols(); ++j)
            if (trace.mask(i, j) != attn::MaskReason::Visible)
                expectedMasked(i, j) = -std::numeric_limits<double>::infinity();
    VERIFY_MATRIX_EQUAL(head.masked, expectedMasked);

    // Hidden weights are exactly 0.0, not 5.6e-309 from a clamped exp.
    for (Eigen::Index i = 0; i < weights.rows(); ++i) {
        for (Eigen::Index j = 0; j < weights.cols(); ++j) {
            if (trace.mask(i, j) == attn::MaskReason::Visible)
                continue;
            QVERIFY2(head.softWeights(i, j) == 0.0 && head.weights(i, j) == 0.0,
                     qPrintable(QStringLiteral("hidden cell (%1, %2) has soft weight %3 and "
                                               "weight %4, expected exactly 0")
                                    .arg(i)
                                    .arg(j)
                                    .arg(testsupport::fullPrecision(head.softWeights(i, j)),
                                         testsupport::fullPrecision(head.weights(i, j)))));
        }
    }
    VERIFY_ALL_FINITE(head.softWeights);
    VERIFY_ALL_FINITE(head.weights);
    VERIFY_ALL_FINITE(head.output);
    VERIFY_ALL_FINITE(trace.output);
    VERIFY_MATRIX_NEAR(head.softWeights, weights, tolerance);
    VERIFY_MATRIX_NEAR(head.weights, weights, tolerance);
    VERIFY_MATRIX_NEAR(trace.output, output, tolerance);

    // A query that sees nothing has an all-zero weight row and output row.
    for (int row : fullyMaskedRows) {
        VERIFY_MATRIX_EQUAL(attn::Matrix(head.weights.row(row)),
                            attn::Matrix::Zero(1, head.weights.cols()));
        VERIFY_MATRIX_EQUAL(attn::Matrix(trace.output.row(row)),
                            attn::Matrix::Zero(1, trace.output.cols()));
    }
}

// Padding alone does not hide later keys: the last query still sees key 0
// and the first query still sees key 2.
void TestMasking::paddingWithoutCausalIgnoresOrder()
{
    const attn::Result<attn::Trace> result =
        attn::compute(selfAttention(attn::MaskKind::None, {false, true, false, false}));
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const attn::Trace &trace = result.value();
    QCOMPARE(testsupport::maskLetters(trace.mask), QStringLiteral("VPVV VPVV VPVV VPVV"));
    QVERIFY(trace.weights(0)(0, 2) > 0.0);
    QVERIFY(trace.weights(0)(3, 0) > 0.0);
}

QTEST_APPLESS_MAIN(TestMasking)
#include "tst_masking.moc"
