// Soft, hard and sampled selection of the attention weights.
//
//   soft    weights = softmax row
//   hard    weights = one-hot at the row's arg-max (the first key on ties)
//   sample  weights = one-hot at a key drawn from p = row / Σ row
//
// Sampling uses SplitMix64 seeded with scenario.seed: for head 0 rows 0..n−1,
// then head 1, ..., one u = (next() >> 11) · 2⁻⁵³ per row that sees a key
// (fully masked rows draw nothing), and the key is the first j with
// cumsum(p)[j] > u. The expected keys come from an independent Python
// SplitMix64 (tests/reference/attention_reference.py, checked against the
// published test vector) and NumPy: tests/reference/engine_reference.py,
// section "selection", which also shows that drawing for fully masked rows
// or drawing row by row across heads would give other keys.

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

// 5 words, d_model 3, d_k 3, d_v 3. Words 1 and 3 are the same, so keys 1
// and 3 tie for every query.
// clang-format off
const attn::Matrix embeddings = matrixOf({
    {0.8, 0.1, -0.3},
    {0.2, 0.9, 0.4},
    {-0.6, 0.5, 0.7},
    {0.2, 0.9, 0.4},
    {0.5, -0.8, 0.6}});
const attn::Matrix queryWeights = matrixOf({
    {0.9, -0.3, 0.4},
    {0.2, 0.8, -0.5},
    {-0.4, 0.6, 0.7}});
const attn::Matrix keyWeights = matrixOf({
    {0.7, 0.2, -0.6},
    {0.3, 0.9, 0.1},
    {-0.5, 0.4, 0.8}});
const attn::Matrix valueWeights = matrixOf({
    {1.0, 0.0, 0.5},
    {0.0, 1.0, -0.5},
    {0.5, 0.5, 1.0}});
// clang-format on

// 4 words, d_model 4, d_k = d_v = 4 for two heads (as in tst_multihead).
// clang-format off
const attn::Matrix twoHeadEmbeddings = matrixOf({
    {0.7, -0.3, 0.5, 0.1},
    {-0.2, 0.9, 0.4, -0.6},
    {0.3, 0.3, -0.7, 0.8},
    {0.6, -0.5, 0.2, 0.4}});
const attn::Matrix twoHeadQueryWeights = matrixOf({
    {0.8, -0.2, 0.5, 0.3},
    {0.1, 0.7, -0.4, 0.6},
    {-0.5, 0.4, 0.9, -0.1},
    {0.3, -0.6, 0.2, 0.7}});
const attn::Matrix twoHeadKeyWeights = matrixOf({
    {0.6, 0.4, -0.3, 0.2},
    {-0.1, 0.5, 0.8, -0.4},
    {0.7, -0.2, 0.1, 0.9},
    {0.2, 0.6, -0.5, 0.3}});
const attn::Matrix twoHeadValueWeights = matrixOf({
    {1.0, -0.5, 0.25, 0.75},
    {0.5, 1.5, -1.0, 0.0},
    {-0.75, 0.25, 1.25, 0.5},
    {0.0, 1.0, 0.5, -1.5}});
// clang-format on

// The 6 words of tst_span, with a local-p span.
namespace local = fixtures::local;

attn::Scenario fiveWords(attn::SelectionKind selection, std::uint64_t seed = 42)
{
    attn::Scenario scenario;
    scenario.target = sequenceOf(embeddings);
    scenario.wQ = queryWeights;
    scenario.wK = keyWeights;
    scenario.wV = valueWeights;
    scenario.selection = selection;
    scenario.seed = seed;
    return scenario;
}

attn::Scenario masked(attn::Scenario scenario, std::vector<bool> padding)
{
    scenario.mask = attn::MaskKind::Causal;
    scenario.padding = std::move(padding);
    return scenario;
}

attn::Scenario twoHeads(attn::SelectionKind selection, std::uint64_t seed)
{
    attn::Scenario scenario;
    scenario.target = sequenceOf(twoHeadEmbeddings);
    scenario.wQ = twoHeadQueryWeights;
    scenario.wK = twoHeadKeyWeights;
    scenario.wV = twoHeadValueWeights;
    scenario.heads = 2;
    scenario.selection = selection;
    scenario.seed = seed;
    return scenario;
}

attn::Scenario localP(attn::SelectionKind selection, std::uint64_t seed)
{
    attn::Scenario scenario;
    scenario.target = sequenceOf(local::embeddings);
    scenario.wQ = local::queryWeights;
    scenario.wK = local::keyWeights;
    scenario.wV = local::valueWeights;
    scenario.span = attn::SpanKind::LocalP;
    scenario.window = 2;
    scenario.wP = local::positionWeights;
    scenario.vP = local::positionVector;
    scenario.selection = selection;
    scenario.seed = seed;
    return scenario;
}

// Weights must be exactly one-hot at the chosen key (all 0 where it is −1).
testsupport::Comparison checkOneHot(const attn::Matrix &weights, const std::vector<int> &keys,
                                    int head)
{
    if (weights.rows() != Eigen::Index(keys.size()))
        return {false, QStringLiteral("head %1: %2 weight rows for %3 chosen keys")
                           .arg(head)
                           .arg(weights.rows())
                           .arg(keys.size())};
    for (Eigen::Index i = 0; i < weights.rows(); ++i) {
        for (Eigen::Index j = 0; j < weights.cols(); ++j) {
            const double expected = j == keys[i] ? 1.0 : 0.0;
            if (weights(i, j) != expected)
                return {false, QStringLiteral("head %1 weight (%2, %3) is %4, expected exactly %5 "
                                              "(chosen key %6)")
                                   .arg(head)
                                   .arg(i)
                                   .arg(j)
                                   .arg(testsupport::fullPrecision(weights(i, j)))
                                   .arg(expected)
                                   .arg(keys[i])};
        }
    }
    return {};
}

} // namespace

class TestSelection : public QObject
{
    Q_OBJECT

private slots:
    void hard_data();
    void hard();
    void sample_data();
    void sample();
    void softKeepsNoChosenKeys();
    void sameSeedSameChoice();
    void sampledFrequenciesFollowTheWeights();
    void sampledHeadsDoNotDependOnThreads();
};

void TestSelection::hard_data()
{
    QTest::addColumn<attn::Scenario>("scenario");
    QTest::addColumn<std::vector<int>>("chosenKeys");
    QTest::addColumn<attn::Matrix>("softWeights");
    QTest::addColumn<attn::Matrix>("output");

    using attn::SelectionKind;
    // Rows 1 and 3 have their maximum on the tied keys 1 and 3: key 1 wins.
    // clang-format off
    QTest::newRow("hard, keys 1 and 3 tie, first wins")
        << fiveWords(SelectionKind::Hard)
        << std::vector<int>{0, 1, 2, 1, 2}
        << matrixOf({
            {0.2819834833360786, 0.18878146239163965, 0.13845605292181237, 0.18878146239163965, 0.20199753895882966},
            {0.18224167621949516, 0.2570921183834883, 0.1831699444118487, 0.2570921183834883, 0.12040414260167966},
            {0.11679401198374945, 0.24196592281495846, 0.2712067146026295, 0.24196592281495846, 0.12806742778370414},
            {0.18224167621949516, 0.2570921183834883, 0.1831699444118487, 0.2570921183834883, 0.12040414260167966},
            {0.12612811805295895, 0.17990453532115952, 0.2895189370167492, 0.17990453532115952, 0.22454387428797287}})
        << matrixOf({
            {0.65, -0.04999999999999999, 0.050000000000000044},
            {0.4, 1.1, 0.050000000000000044},
            {-0.25, 0.85, 0.1499999999999999},
            {0.4, 1.1, 0.050000000000000044},
            {-0.25, 0.85, 0.1499999999999999}});
    // clang-format on
    attn::Scenario uniform = fiveWords(SelectionKind::Hard);
    uniform.wQ.setZero();
    // clang-format off
    QTest::newRow("hard, all scores equal, key 0 wins")
        << uniform
        << std::vector<int>{0, 0, 0, 0, 0}
        << matrixOf({
            {0.2, 0.2, 0.2, 0.2, 0.2},
            {0.2, 0.2, 0.2, 0.2, 0.2},
            {0.2, 0.2, 0.2, 0.2, 0.2},
            {0.2, 0.2, 0.2, 0.2, 0.2},
            {0.2, 0.2, 0.2, 0.2, 0.2}})
        << matrixOf({
            {0.65, -0.04999999999999999, 0.050000000000000044},
            {0.65, -0.04999999999999999, 0.050000000000000044},
            {0.65, -0.04999999999999999, 0.050000000000000044},
            {0.65, -0.04999999999999999, 0.050000000000000044},
            {0.65, -0.04999999999999999, 0.050000000000000044}});
    // clang-format on
    attn::Scenario tutorial = attn::tutorialScenario();
    tutorial.selection = SelectionKind::Hard;
    // clang-format off
    QTest::newRow("hard, tutorial, row 1 ties keys 0 and 2")
        << tutorial
        << std::vector<int>{2, 0, 2, 2}
        << matrixOf({
            {0.23608986335744747, 0.007389875548932189, 0.7491303855446881, 0.007389875548932189},
            {0.4548263225195752, 0.0451736774804248, 0.4548263225195752, 0.0451736774804248},
            {0.23927504868045535, 0.0007438700150519289, 0.7592372112894408, 0.0007438700150519289},
            {0.08995017535419739, 0.0028155406251633023, 0.9056536848050253, 0.0015805992156140561}})
        << matrixOf({
            {1.0, 2.0, 1.0},
            {1.0, 1.0, 0.0},
            {1.0, 2.0, 1.0},
            {1.0, 2.0, 1.0}});
    QTest::newRow("hard, causal and padding hide row 0")
        << masked(fiveWords(SelectionKind::Hard), {true, false, false, false, false})
        << std::vector<int>{-1, 1, 2, 1, 2}
        << matrixOf({
            {0.0, 0.0, 0.0, 0.0, 0.0},
            {0.0, 1.0, 0.0, 0.0, 0.0},
            {0.0, 0.4715097906088505, 0.5284902093911495, 0.0, 0.0},
            {0.0, 0.3686679241657277, 0.2626641516685446, 0.3686679241657277, 0.0},
            {0.0, 0.20587060762307743, 0.33130593053490054, 0.20587060762307743, 0.2569528542189447}})
        << matrixOf({
            {0.0, 0.0, 0.0},
            {0.4, 1.1, 0.050000000000000044},
            {-0.25, 0.85, 0.1499999999999999},
            {0.4, 1.1, 0.050000000000000044},
            {-0.25, 0.85, 0.1499999999999999}});
    // clang-format on
}

void TestSelection::hard()
{
    QFETCH(attn::Scenario, scenario);
    QFETCH(std::vector<int>, chosenKeys);
    QFETCH(attn::Matrix, softWeights);
    QFETCH(attn::Matrix, output);

    const attn::Result<attn::Trace> result = attn::compute(scenario);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const attn::Trace &trace = result.value();
    const testsupport::HeadStages head = testsupport::headStages(trace, 0);

    VERIFY_MATRIX_NEAR(head.softWeights, softWeights, tolerance);
    VERIFY_INTS_EQUAL(head.sampledKeys, chosenKeys);
    const testsupport::Comparison oneHot = checkOneHot(head.weights, chosenKeys, 0);
    QVERIFY2(oneHot.ok, qPrintable(oneHot.message));
    VERIFY_MATRIX_NEAR(trace.output, output, tolerance);
}

void TestSelection::sample_data()
{
    QTest::addColumn<attn::Scenario>("scenario");
    QTest::addColumn<std::vector<int>>("chosenKeysHead0");
    QTest::addColumn<std::vector<int>>("chosenKeysHead1"); // empty with one head
    QTest::addColumn<attn::Matrix>("output");

    using attn::SelectionKind;
    // clang-format off
    QTest::newRow("sample, 1 head, seed 42")
        << fiveWords(SelectionKind::Sample, 42)
        << std::vector<int>{3, 0, 1, 1, 0} << std::vector<int>{}
        << matrixOf({
            {0.4, 1.1, 0.050000000000000044},
            {0.65, -0.04999999999999999, 0.050000000000000044},
            {0.4, 1.1, 0.050000000000000044},
            {0.4, 1.1, 0.050000000000000044},
            {0.65, -0.04999999999999999, 0.050000000000000044}});
    QTest::newRow("sample, 1 head, seed 2024")
        << fiveWords(SelectionKind::Sample, 2024)
        << std::vector<int>{3, 0, 1, 0, 4} << std::vector<int>{}
        << matrixOf({
            {0.4, 1.1, 0.050000000000000044},
            {0.65, -0.04999999999999999, 0.050000000000000044},
            {0.4, 1.1, 0.050000000000000044},
            {0.65, -0.04999999999999999, 0.050000000000000044},
            {0.8, -0.5, 1.25}});
    // clang-format on
    // Head 0 draws for all its rows before head 1 draws.
    // clang-format off
    QTest::newRow("sample, 2 heads, seed 42")
        << twoHeads(SelectionKind::Sample, 42)
        << std::vector<int>{3, 0, 0, 1} << std::vector<int>{0, 3, 0, 2}
        << matrixOf({
            {0.19999999999999996, -0.6, 1.1500000000000001, 0.6249999999999999},
            {0.17499999999999993, -0.575, 1.1, -0.050000000000000155},
            {0.17499999999999993, -0.575, 1.1500000000000001, 0.6249999999999999},
            {-0.050000000000000044, 0.9500000000000003, -0.7000000000000001, -1.3250000000000002}});
    QTest::newRow("sample, 2 heads, seed 2024")
        << twoHeads(SelectionKind::Sample, 2024)
        << std::vector<int>{2, 0, 0, 0} << std::vector<int>{2, 2, 0, 1}
        << matrixOf({
            {0.9749999999999999, 0.925, -0.7000000000000001, -1.3250000000000002},
            {0.17499999999999993, -0.575, -0.7000000000000001, -1.3250000000000002},
            {0.17499999999999993, -0.575, 1.1500000000000001, 0.6249999999999999},
            {0.17499999999999993, -0.575, -0.75, 0.95}});
    // clang-format on
    // Row 0 sees no key: it draws nothing and its key is −1.
    // clang-format off
    QTest::newRow("sample, 2 heads, row 0 fully masked, seed 42")
        << masked(twoHeads(SelectionKind::Sample, 42), {true, false, false, false})
        << std::vector<int>{-1, 1, 1, 1} << std::vector<int>{-1, 1, 1, 3}
        << matrixOf({
            {0.0, 0.0, 0.0, 0.0},
            {-0.050000000000000044, 0.9500000000000003, -0.75, 0.95},
            {-0.050000000000000044, 0.9500000000000003, -0.75, 0.95},
            {-0.050000000000000044, 0.9500000000000003, 1.1, -0.050000000000000155}});
    QTest::newRow("sample, 2 heads, row 0 fully masked, seed 2024")
        << masked(twoHeads(SelectionKind::Sample, 2024), {true, false, false, false})
        << std::vector<int>{-1, 1, 1, 1} << std::vector<int>{-1, 1, 2, 2}
        << matrixOf({
            {0.0, 0.0, 0.0, 0.0},
            {-0.050000000000000044, 0.9500000000000003, -0.75, 0.95},
            {-0.050000000000000044, 0.9500000000000003, -0.7000000000000001, -1.3250000000000002},
            {-0.050000000000000044, 0.9500000000000003, -0.7000000000000001, -1.3250000000000002}});
    QTest::newRow("sample, 5 tokens, row 0 fully masked, seed 42")
        << masked(fiveWords(SelectionKind::Sample, 42), {true, false, false, false, false})
        << std::vector<int>{-1, 1, 1, 1, 2} << std::vector<int>{}
        << matrixOf({
            {0.0, 0.0, 0.0},
            {0.4, 1.1, 0.050000000000000044},
            {0.4, 1.1, 0.050000000000000044},
            {0.4, 1.1, 0.050000000000000044},
            {-0.25, 0.85, 0.1499999999999999}});
    QTest::newRow("sample, 5 tokens, row 0 fully masked, seed 2024")
        << masked(fiveWords(SelectionKind::Sample, 2024), {true, false, false, false, false})
        << std::vector<int>{-1, 1, 1, 1, 1} << std::vector<int>{}
        << matrixOf({
            {0.0, 0.0, 0.0},
            {0.4, 1.1, 0.050000000000000044},
            {0.4, 1.1, 0.050000000000000044},
            {0.4, 1.1, 0.050000000000000044},
            {0.4, 1.1, 0.050000000000000044}});
    // clang-format on
    // Local-p rows sum below 1: they are normalised before the draw.
    // clang-format off
    QTest::newRow("sample, local-p D = 2, seed 42")
        << localP(SelectionKind::Sample, 42)
        << std::vector<int>{5, 2, 4, 2, 0, 5} << std::vector<int>{}
        << matrixOf({
            {-1.55, 1.0000000000000002},
            {0.9, 1.5750000000000002},
            {1.5, -0.9750000000000001},
            {0.9, 1.5750000000000002},
            {2.525, 0.575},
            {-1.55, 1.0000000000000002}});
    QTest::newRow("sample, local-p D = 2, seed 2024")
        << localP(SelectionKind::Sample, 2024)
        << std::vector<int>{4, 1, 4, 1, 2, 4} << std::vector<int>{}
        << matrixOf({
            {1.5, -0.9750000000000001},
            {-0.875, 0.4749999999999998},
            {1.5, -0.9750000000000001},
            {-0.875, 0.4749999999999998},
            {0.9, 1.5750000000000002},
            {1.5, -0.9750000000000001}});
    // clang-format on
}

void TestSelection::sample()
{
    QFETCH(attn::Scenario, scenario);
    QFETCH(std::vector<int>, chosenKeysHead0);
    QFETCH(std::vector<int>, chosenKeysHead1);
    QFETCH(attn::Matrix, output);

    const attn::Result<attn::Trace> result = attn::compute(scenario);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const attn::Trace &trace = result.value();

    const std::vector<std::vector<int>> expected =
        chosenKeysHead1.empty() ? std::vector<std::vector<int>>{chosenKeysHead0}
                                : std::vector<std::vector<int>>{chosenKeysHead0, chosenKeysHead1};
    QCOMPARE(trace.headCount(), int(expected.size()));
    for (int h = 0; h < trace.headCount(); ++h) {
        const testsupport::HeadStages head = testsupport::headStages(trace, h);
        QVERIFY2(head.sampledKeys == expected[h],
                 qPrintable(QStringLiteral("head %1 sampled keys %2, expected %3")
                                .arg(h)
                                .arg(testsupport::describe(head.sampledKeys),
                                     testsupport::describe(expected[h]))));
        const testsupport::Comparison oneHot = checkOneHot(head.weights, expected[h], h);
        QVERIFY2(oneHot.ok, qPrintable(oneHot.message));
    }
    VERIFY_MATRIX_NEAR(trace.output, output, tolerance);
}

void TestSelection::softKeepsNoChosenKeys()
{
    const attn::Result<attn::Trace> result = attn::compute(fiveWords(attn::SelectionKind::Soft));
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    QVERIFY(result.value().heads.front().sampledKeys.empty());
    VERIFY_MATRIX_EQUAL(result.value().weights(0), result.value().softWeights(0));
}

void TestSelection::sameSeedSameChoice()
{
    for (std::uint64_t seed : {0ull, 1ull, 42ull, 0xFFFFFFFFFFFFFFFFull}) {
        const attn::Result<attn::Trace> first =
            attn::compute(twoHeads(attn::SelectionKind::Sample, seed));
        const attn::Result<attn::Trace> second =
            attn::compute(twoHeads(attn::SelectionKind::Sample, seed));
        QVERIFY(first.ok() && second.ok());
        for (int h = 0; h < 2; ++h) {
            VERIFY_INTS_EQUAL(first.value().heads[h].sampledKeys,
                              second.value().heads[h].sampledKeys);
            VERIFY_MATRIX_EQUAL(first.value().weights(h), second.value().weights(h));
        }
        VERIFY_MATRIX_EQUAL(first.value().output, second.value().output);
    }
}

// Over 4000 seeds, query 2 picks each key about as often as its weight says.
// Deterministic (fixed seeds); the bound is 4.5 standard deviations.
void TestSelection::sampledFrequenciesFollowTheWeights()
{
    const attn::Vector softRow2 =
        vectorOf({0.11679401198374945, 0.24196592281495846, 0.2712067146026295, 0.24196592281495846,
                  0.12806742778370414});
    constexpr int draws = 4000;
    std::vector<int> counts(softRow2.size(), 0);
    for (int seed = 1; seed <= draws; ++seed) {
        const attn::Result<attn::Trace> result =
            attn::compute(fiveWords(attn::SelectionKind::Sample, std::uint64_t(seed)));
        QVERIFY(result.ok());
        const int key = result.value().heads.front().sampledKeys.at(2);
        QVERIFY2(key >= 0 && key < int(counts.size()), qPrintable(QString::number(key)));
        ++counts[key];
    }
    for (Eigen::Index j = 0; j < softRow2.size(); ++j) {
        const double p = softRow2(j);
        const double frequency = double(counts[j]) / draws;
        const double bound = 4.5 * std::sqrt(p * (1.0 - p) / draws);
        QVERIFY2(std::abs(frequency - p) <= bound,
                 qPrintable(QStringLiteral("key %1 drawn with frequency %2, weight %3, allowed "
                                           "difference %4")
                                .arg(j)
                                .arg(frequency)
                                .arg(p)
                                .arg(bound)));
    }
}

// Large enough (2 heads × 256 × 256 score cells) that the heads are computed on
// separate threads. Head 0 starts the generator at the seed, so its draws must
// equal those of a one-head scenario made of head 0's columns alone, which is
// computed on one thread; and repeated runs must agree draw for draw.
void TestSelection::sampledHeadsDoNotDependOnThreads()
{
    constexpr int tokens = 256;
    attn::Scenario twoHeads;
    twoHeads.target.embeddings.resize(tokens, 4);
    for (int i = 0; i < tokens; ++i) {
        twoHeads.target.tokens.push_back("w" + std::to_string(i));
        for (int j = 0; j < 4; ++j)
            twoHeads.target.embeddings(i, j) = std::sin(0.37 * i + 1.3 * j);
    }
    twoHeads.wQ = attn::Matrix::Identity(4, 4);
    twoHeads.wK = attn::Matrix::Identity(4, 4);
    twoHeads.wK(0, 1) = 0.5;
    twoHeads.wV = attn::Matrix::Identity(4, 4);
    twoHeads.heads = 2;
    twoHeads.selection = attn::SelectionKind::Sample;
    twoHeads.seed = 2024;

    attn::Scenario firstHeadOnly = twoHeads;
    firstHeadOnly.heads = 1;
    firstHeadOnly.wQ = twoHeads.wQ.leftCols(2);
    firstHeadOnly.wK = twoHeads.wK.leftCols(2);
    firstHeadOnly.wV = twoHeads.wV.leftCols(2);

    const auto reference = attn::compute(firstHeadOnly);
    QVERIFY(reference.ok());
    for (int run = 0; run < 3; ++run) {
        const auto parallel = attn::compute(twoHeads);
        QVERIFY(parallel.ok());
        QCOMPARE(parallel->heads[0].sampledKeys, reference->heads[0].sampledKeys);
        QCOMPARE(parallel->weights(0), reference->weights(0));
        if (run == 0)
            continue;
        const auto again = attn::compute(twoHeads);
        QCOMPARE(again->heads[1].sampledKeys, parallel->heads[1].sampledKeys);
    }
}

QTEST_APPLESS_MAIN(TestSelection)
#include "tst_selection.moc"
