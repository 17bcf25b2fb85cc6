// Properties that hold for any input, and the sinusoidal encoding.
//
// - a soft row sums to 1 (to 1e-12) wherever a key is visible;
// - self-attention without a mask or positional encoding is permutation
//   equivariant: permuting the words permutes the output rows the same way;
// - as τ → 0 the softmax approaches the one-hot arg-max (hard attention);
// - scores that overflow (inputs ±1e300) still give finite weights: inside
//   the softmax ±inf becomes ±DBL_MAX and NaN becomes −DBL_MAX;
// - PE(pos, 2i) = sin(pos / 10000^(2i/d_model)), PE(pos, 2i+1) = cos(…),
//   added to the target and the source before the projections.
// Expected numbers: tests/reference/engine_reference.py, section "invariants".

#include "attention.h"
#include "engine_fixtures.h"
#include "matrix_compare.h"

#include <QtTest>
#include <cfloat>
#include <cmath>
#include <numeric>

using testsupport::matrixOf;
using testsupport::sequenceOf;
using testsupport::vectorOf;

namespace {

constexpr double tolerance = 1e-12;

// Deterministic inputs in [−1, 1) for the property checks (any numbers do).
using fixtures::pseudoRandom;

attn::Scenario randomSelfAttention(int tokens, int modelDim, int keyDim, int valueDim,
                                   std::uint64_t seed)
{
    attn::Scenario scenario;
    scenario.target = sequenceOf(pseudoRandom(tokens, modelDim, seed));
    scenario.wQ = pseudoRandom(modelDim, keyDim, seed + 1);
    scenario.wK = pseudoRandom(modelDim, keyDim, seed + 2);
    scenario.wV = pseudoRandom(modelDim, valueDim, seed + 3);
    return scenario;
}

// The cross-attention example of tst_score_functions.
using namespace fixtures::cross;

attn::Scenario crossAttention()
{
    attn::Scenario scenario;
    scenario.target = sequenceOf(targetEmbeddings, "t");
    scenario.source = sequenceOf(sourceEmbeddings, "s");
    scenario.wQ = queryWeights;
    scenario.wK = keyWeights;
    scenario.wV = valueWeights;
    return scenario;
}

// Every entry of Q and K is at least 2.5e299 in size, so every product in
// q·k overflows: a score is +inf, −inf, or NaN (+inf and −inf summed).
attn::Scenario huge()
{
    attn::Scenario scenario;
    scenario.target = sequenceOf(matrixOf({{1e300, -1e300, 0.5},
                                           {-1e300, 1e300, 1e300},
                                           {0.25, 1e300, -1e300},
                                           {1e300, 1e300, 1e300}}));
    scenario.wQ = matrixOf({{0.5, -0.25, 0.5}, {0.25, 0.5, -0.5}, {-0.5, 0.25, 0.25}});
    scenario.wK = matrixOf({{0.25, 0.5, -0.25}, {-0.5, 0.25, 0.5}, {0.5, -0.5, 0.25}});
    scenario.wV = matrixOf({{0.5, 0.25}, {-0.25, 0.5}, {0.25, -0.5}});
    return scenario;
}

} // namespace

class TestInvariants : public QObject
{
    Q_OBJECT

private slots:
    void softRowsSumToOne_data();
    void softRowsSumToOne();
    void permutingWordsPermutesOutput_data();
    void permutingWordsPermutesOutput();
    void lowTemperatureApproachesHardAttention();
    void higherTemperatureFlattensWeights();
    void overflowingScoresGiveFiniteWeights_data();
    void overflowingScoresGiveFiniteWeights();
    void sinusoidalEncoding_data();
    void sinusoidalEncoding();
    void positionalEncodingFeedsTheProjections();
    void noPositionalEncodingLeavesInputAlone();
};

void TestInvariants::softRowsSumToOne_data()
{
    QTest::addColumn<attn::Scenario>("scenario");

    QTest::newRow("tutorial") << attn::tutorialScenario();
    QTest::newRow("cross-attention 3×4") << crossAttention();
    attn::Scenario causal = randomSelfAttention(7, 5, 6, 4, 11);
    causal.mask = attn::MaskKind::Causal;
    causal.padding = {false, false, true, false, false, false, true};
    QTest::newRow("causal and padding, 7 tokens") << causal;
    attn::Scenario heads = randomSelfAttention(9, 6, 6, 9, 23);
    heads.heads = 3;
    QTest::newRow("3 heads, 9 tokens") << heads;
    attn::Scenario local = randomSelfAttention(8, 4, 4, 4, 31);
    local.span = attn::SpanKind::LocalM;
    local.window = 2;
    QTest::newRow("local-m, D = 2") << local;
    attn::Scenario additive = randomSelfAttention(6, 4, 4, 4, 47);
    additive.heads = 2;
    additive.score = attn::ScoreFunction::Additive;
    additive.wA = pseudoRandom(2, 5, 48);
    additive.uA = pseudoRandom(2, 5, 49);
    additive.vA = pseudoRandom(5, 1, 50);
    QTest::newRow("additive, 2 heads") << additive;
    attn::Scenario large = randomSelfAttention(64, 16, 32, 32, 59);
    large.heads = 4;
    large.temperature = 0.05;
    QTest::newRow("64 tokens, 4 heads, τ = 0.05") << large;
}

void TestInvariants::softRowsSumToOne()
{
    QFETCH(attn::Scenario, scenario);
    const attn::Result<attn::Trace> result = attn::compute(scenario);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const attn::Trace &trace = result.value();
    QVERIFY(trace.rowsSumToOne);
    for (int h = 0; h < trace.headCount(); ++h) {
        const attn::Matrix &weights = trace.softWeights(h);
        for (Eigen::Index i = 0; i < weights.rows(); ++i) {
            const double sum = weights.row(i).sum();
            const testsupport::Comparison comparison = testsupport::compareScalars(
                sum, 1.0, tolerance, QStringLiteral("sum of head %1 row %2").arg(h).arg(i));
            QVERIFY2(comparison.ok, qPrintable(comparison.message));
            QVERIFY2(
                (weights.row(i).array() >= 0.0).all(),
                qPrintable(QStringLiteral("head %1 row %2 has a negative weight").arg(h).arg(i)));
        }
    }
}

void TestInvariants::permutingWordsPermutesOutput_data()
{
    QTest::addColumn<attn::Scenario>("scenario");
    QTest::addColumn<std::vector<int>>("permutation");

    QTest::newRow("dot, 1 head, 5 tokens")
        << randomSelfAttention(5, 4, 4, 3, 101) << std::vector<int>{3, 0, 4, 1, 2};
    attn::Scenario general = randomSelfAttention(6, 4, 4, 4, 211);
    general.heads = 2;
    general.score = attn::ScoreFunction::General;
    general.wA = pseudoRandom(2, 2, 212);
    QTest::newRow("general, 2 heads, 6 tokens") << general << std::vector<int>{5, 4, 3, 2, 1, 0};
    attn::Scenario additive = randomSelfAttention(6, 4, 4, 4, 307);
    additive.heads = 2;
    additive.score = attn::ScoreFunction::Additive;
    additive.wA = pseudoRandom(2, 3, 308);
    additive.uA = pseudoRandom(2, 3, 309);
    additive.vA = pseudoRandom(3, 1, 310);
    additive.wO = pseudoRandom(4, 5, 311);
    QTest::newRow("additive, 2 heads, W_O") << additive << std::vector<int>{1, 2, 0, 5, 3, 4};
}

// Self-attention sees a set of words: with P a permutation, attention(P X) = P attention(X).
void TestInvariants::permutingWordsPermutesOutput()
{
    QFETCH(attn::Scenario, scenario);
    QFETCH(std::vector<int>, permutation);

    attn::Scenario permuted = scenario;
    for (std::size_t i = 0; i < permutation.size(); ++i) {
        permuted.target.embeddings.row(Eigen::Index(i)) =
            scenario.target.embeddings.row(permutation[i]);
        permuted.target.tokens[i] = scenario.target.tokens[permutation[i]];
    }
    const attn::Result<attn::Trace> original = attn::compute(scenario);
    const attn::Result<attn::Trace> shuffled = attn::compute(permuted);
    QVERIFY2(original.ok(), original.ok() ? "" : original.error().message.c_str());
    QVERIFY2(shuffled.ok(), shuffled.ok() ? "" : shuffled.error().message.c_str());

    attn::Matrix expectedOutput(original.value().output.rows(), original.value().output.cols());
    for (std::size_t i = 0; i < permutation.size(); ++i)
        expectedOutput.row(Eigen::Index(i)) = original.value().output.row(permutation[i]);
    VERIFY_MATRIX_NEAR(shuffled.value().output, expectedOutput, tolerance);

    // The weights move both ways: W'(i, j) = W(π(i), π(j)).
    for (int h = 0; h < original.value().headCount(); ++h) {
        const attn::Matrix &weights = original.value().weights(h);
        attn::Matrix expectedWeights(weights.rows(), weights.cols());
        for (Eigen::Index i = 0; i < weights.rows(); ++i)
            for (Eigen::Index j = 0; j < weights.cols(); ++j)
                expectedWeights(i, j) = weights(permutation[i], permutation[j]);
        const testsupport::Comparison comparison = testsupport::compareMatrices(
            shuffled.value().weights(h), expectedWeights, tolerance,
            QStringLiteral("head %1 weights after the permutation").arg(h));
        QVERIFY2(comparison.ok, qPrintable(comparison.message));
    }
}

// τ = 1e-3 multiplies the score gaps (at least 0.15 here) by 1000: the
// softmax is one-hot at the arg-max to the last bit, as hard attention is.
void TestInvariants::lowTemperatureApproachesHardAttention()
{
    const std::vector<int> argmax = std::vector<int>{1, 1, 3}; // np.argmax of each score row
    attn::Scenario cold = crossAttention();
    cold.temperature = 1e-3;
    attn::Scenario hard = crossAttention();
    hard.selection = attn::SelectionKind::Hard;

    const attn::Result<attn::Trace> coldResult = attn::compute(cold);
    const attn::Result<attn::Trace> hardResult = attn::compute(hard);
    QVERIFY2(coldResult.ok(), coldResult.ok() ? "" : coldResult.error().message.c_str());
    QVERIFY2(hardResult.ok(), hardResult.ok() ? "" : hardResult.error().message.c_str());
    const attn::Matrix &coldWeights = coldResult.value().softWeights(0);

    attn::Matrix oneHot = attn::Matrix::Zero(coldWeights.rows(), coldWeights.cols());
    for (std::size_t i = 0; i < argmax.size(); ++i)
        oneHot(Eigen::Index(i), argmax[i]) = 1.0;
    VERIFY_MATRIX_NEAR(coldWeights, oneHot, tolerance);
    VERIFY_MATRIX_NEAR(coldWeights, hardResult.value().weights(0), tolerance);
    VERIFY_MATRIX_NEAR(coldResult.value().output, hardResult.value().output, tolerance);
}

// Raising τ spreads the weight: every row's largest weight shrinks.
void TestInvariants::higherTemperatureFlattensWeights()
{
    double previousLargest = 1.0 + tolerance;
    for (double temperature : {1e-2, 0.25, 1.0, 4.0, 100.0}) {
        attn::Scenario scenario = crossAttention();
        scenario.temperature = temperature;
        const attn::Result<attn::Trace> result = attn::compute(scenario);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        const double largest = result.value().softWeights(0).row(0).maxCoeff();
        QVERIFY2(largest < previousLargest,
                 qPrintable(QStringLiteral("τ = %1: largest weight of row 0 is %2, not below %3")
                                .arg(temperature)
                                .arg(testsupport::fullPrecision(largest),
                                     testsupport::fullPrecision(previousLargest))));
        QVERIFY(largest > 0.25); // never below uniform over 4 keys
        previousLargest = largest;
    }
}

void TestInvariants::overflowingScoresGiveFiniteWeights_data()
{
    QTest::addColumn<attn::Scenario>("scenario");
    // Expected weights by hand from the clamping rule, or empty: only finite, summing to 1.
    QTest::addColumn<attn::Matrix>("weights");

    // Scores (each ±inf or NaN, from NumPy with the same inputs):
    //   row 0: NaN NaN NaN NaN  → all −DBL_MAX → uniform
    //   row 1: NaN NaN NaN NaN  → uniform
    //   row 2: +inf −inf NaN NaN → key 0 alone at DBL_MAX
    //   row 3: NaN NaN NaN +inf → key 3 alone
    // clang-format off
    QTest::newRow("±1e300 embeddings, dot score")
        << huge()
        << matrixOf({{0.25, 0.25, 0.25, 0.25},
                     {0.25, 0.25, 0.25, 0.25},
                     {1.0, 0.0, 0.0, 0.0},
                     {0.0, 0.0, 0.0, 1.0}});
    attn::Scenario causal = huge();
    causal.mask = attn::MaskKind::Causal;
    QTest::newRow("±1e300 embeddings, causal")
        << causal
        << matrixOf({{1.0, 0.0, 0.0, 0.0},
                     {0.5, 0.5, 0.0, 0.0},
                     {1.0, 0.0, 0.0, 0.0},
                     {0.0, 0.0, 0.0, 1.0}});
    // clang-format on
    attn::Scenario general = huge();
    general.score = attn::ScoreFunction::General;
    general.wA = matrixOf({{0.5, -0.25, 0.25}, {0.25, 0.5, -0.5}, {-0.25, 0.25, 0.5}});
    QTest::newRow("±1e300 embeddings, general score") << general << attn::Matrix();
    attn::Scenario additive = huge();
    additive.score = attn::ScoreFunction::Additive;
    additive.wA = matrixOf({{0.5, -0.25}, {0.25, 0.5}, {-0.25, 0.25}});
    additive.uA = matrixOf({{0.25, 0.5}, {-0.5, 0.25}, {0.5, -0.25}});
    additive.vA = vectorOf({1.0, -0.5});
    QTest::newRow("±1e300 embeddings, additive score (tanh saturates)")
        << additive << attn::Matrix();
    attn::Scenario tiny = attn::tutorialScenario();
    tiny.temperature = 1e-308; // scores / (√3 · 1e-308) overflow to +inf
    QTest::newRow("tutorial at τ = 1e-308") << tiny << attn::Matrix();
}

void TestInvariants::overflowingScoresGiveFiniteWeights()
{
    QFETCH(attn::Scenario, scenario);
    QFETCH(attn::Matrix, weights);

    const attn::Result<attn::Trace> result = attn::compute(scenario);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const attn::Trace &trace = result.value();
    const testsupport::HeadStages head = testsupport::headStages(trace, 0);

    VERIFY_ALL_FINITE(head.softWeights);
    VERIFY_ALL_FINITE(head.weights);
    VERIFY_ALL_FINITE(trace.output);
    for (Eigen::Index i = 0; i < head.softWeights.rows(); ++i) {
        const testsupport::Comparison comparison = testsupport::compareScalars(
            head.softWeights.row(i).sum(), 1.0, tolerance, QStringLiteral("sum of row %1").arg(i));
        QVERIFY2(comparison.ok, qPrintable(comparison.message));
    }
    if (weights.size() > 0)
        VERIFY_MATRIX_NEAR(head.softWeights, weights, tolerance);
}

void TestInvariants::sinusoidalEncoding_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("dimension");
    QTest::addColumn<attn::Matrix>("expected");

    // clang-format off
    QTest::newRow("6 positions, d_model 8") << 6 << 8 << matrixOf({
            {0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0},
            {0.8414709848078965, 0.5403023058681397, 0.09983341664682817, 0.9950041652780256, 0.009999833334166664, 0.9999500004166654, 0.0009999998333333417, 0.9999995000000417},
            {0.9092974268256816, -0.4161468365471424, 0.19866933079506124, 0.9800665778412417, 0.01999866669333308, 0.999800006666578, 0.0019999986666669333, 0.9999980000006666},
            {0.1411200080598672, -0.9899924966004454, 0.2955202066613396, 0.9553364891256061, 0.02999550020249566, 0.9995500337489878, 0.002999995500002025, 0.999995500003375},
            {-0.7568024953079284, -0.6536436208636119, 0.3894183423086505, 0.921060994002885, 0.03998933418663416, 0.999200106660978, 0.003999989333341867, 0.9999920000106668},
            {-0.9589242746631386, 0.2836621854632263, 0.47942553860420295, 0.8775825618903725, 0.04997916927067833, 0.9987502603949663, 0.004999979166692708, 0.9999875000260418}});
    QTest::newRow("5 positions, odd d_model 5") << 5 << 5 << matrixOf({
            {0.0, 1.0, 0.0, 1.0, 0.0},
            {0.8414709848078965, 0.5403023058681397, 0.025116222909773774, 0.99968453791521, 0.0006309573026154199},
            {0.9092974268256816, -0.4161468365471424, 0.050216599387465206, 0.9987383506934931, 0.0012619143540422218},
            {0.1411200080598672, -0.9899924966004454, 0.07528529299888895, 0.997162035307237, 0.0018928709030918876},
            {-0.7568024953079284, -0.6536436208636119, 0.10030648729934576, 0.9949565862919175, 0.0025238266985760983}});
    QTest::newRow("1 position, d_model 1") << 1 << 1 << matrixOf({
            {0.0}});
    QTest::newRow("3 positions, d_model 2") << 3 << 2 << matrixOf({
            {0.0, 1.0},
            {0.8414709848078965, 0.5403023058681397},
            {0.9092974268256816, -0.4161468365471424}});
    // clang-format on
}

void TestInvariants::sinusoidalEncoding()
{
    QFETCH(int, count);
    QFETCH(int, dimension);
    QFETCH(attn::Matrix, expected);
    VERIFY_MATRIX_NEAR(attn::sinusoidalEncoding(count, dimension), expected, tolerance);
}

// Cross-attention with PE: each sequence gets the encoding of its own positions.
void TestInvariants::positionalEncodingFeedsTheProjections()
{
    attn::Scenario scenario = crossAttention();
    scenario.positional = attn::PositionalEncoding::Sinusoidal;
    const attn::Result<attn::Trace> result = attn::compute(scenario);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const attn::Trace &trace = result.value();

    VERIFY_MATRIX_EQUAL(trace.embeddings, targetEmbeddings);
    VERIFY_MATRIX_EQUAL(trace.sourceEmbeddings, sourceEmbeddings);
    // clang-format off
    VERIFY_MATRIX_NEAR(trace.positionalEncoding, matrixOf({
        {0.0, 1.0, 0.0},
        {0.8414709848078965, 0.5403023058681397, 0.0021544330233656045},
        {0.9092974268256816, -0.4161468365471424, 0.0043088560467428125}}), tolerance);
    VERIFY_MATRIX_NEAR(trace.sourcePositionalEncoding, matrixOf({
        {0.0, 1.0, 0.0},
        {0.8414709848078965, 0.5403023058681397, 0.0021544330233656045},
        {0.9092974268256816, -0.4161468365471424, 0.0043088560467428125},
        {0.1411200080598672, -0.9899924966004454, 0.006463259070189646}}), tolerance);
    VERIFY_MATRIX_NEAR(trace.input, matrixOf({
        {0.5, 0.0, 0.25},
        {2.3414709848078967, 1.2903023058681398, -0.4978455669766344},
        {0.6592974268256816, 0.0838531634528576, 1.0043088560467428}}), tolerance);
    VERIFY_MATRIX_NEAR(trace.sourceInput, matrixOf({
        {1.0, 1.2, -0.4},
        {1.1414709848078965, -0.1596976941318603, 0.9021544330233656},
        {-0.1907025731743185, 0.18385316345285757, 0.5043088560467428},
        {0.9411200080598673, -0.18999249660044537, -0.19353674092981035}}), tolerance);
    VERIFY_MATRIX_NEAR(trace.queries, matrixOf({
        {0.175, -0.04999999999999999},
        {1.911865835546683, 0.2596925530483032},
        {-0.08980533923739098, 0.2794021614785645}}), tolerance);
    VERIFY_MATRIX_NEAR(trace.keys, matrixOf({
        {0.09999999999999998, 1.02},
        {1.1335550969252814, -0.687425295003833},
        {-0.0557404097891431, -0.33059076042839736},
        {0.6767199820031422, 0.15394514524961234}}), tolerance);
    VERIFY_MATRIX_NEAR(trace.values, matrixOf({
        {2.04, -0.52},
        {0.4939471143957027, -0.10128379600794013},
        {-0.6091797928701077, 0.5225936921731683},
        {1.227530077868492, -0.7571454724669213}}), tolerance);
    VERIFY_MATRIX_NEAR(trace.weights(0), matrixOf({
        {0.23023408897585376, 0.2779271663523087, 0.236885113699683, 0.2549536309721546},
        {0.15508795698138608, 0.4583868587768953, 0.09804617386635014, 0.2884790103753685},
        {0.30729728919196936, 0.20537790007277298, 0.23766760615003324, 0.24965720458522447}}), tolerance);
    VERIFY_MATRIX_NEAR(trace.output, matrixOf({
        {0.775616489325158, -0.21711356587972708},
        {0.8371872125936775, -0.2942551633305802},
        {0.8900117157517317, -0.24541927402788027}}), tolerance);
    // clang-format on
}

void TestInvariants::noPositionalEncodingLeavesInputAlone()
{
    const attn::Result<attn::Trace> result = attn::compute(crossAttention());
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    VERIFY_MATRIX_EQUAL(result.value().input, targetEmbeddings);
    VERIFY_MATRIX_EQUAL(result.value().sourceInput, sourceEmbeddings);
}

QTEST_APPLESS_MAIN(TestInvariants)
#include "tst_invariants.moc"
