// The engine's row kernels on every instruction set this processor runs
// (SSE2 always; AVX2 and AVX-512 where present): the vectorised exp against
// the C library's, and the fused softmax row against the formula written out
// in long double.

#include "random_source.h"
#include "row_softmax.h"

#include <QtTest>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

using attn::kernels::InstructionSet;

Q_DECLARE_METATYPE(InstructionSet)

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

/// Distance in units in the last place between two finite doubles of the same sign.
double ulpDistance(double actual, double expected)
{
    if (actual == expected)
        return 0.0;
    std::int64_t a;
    std::int64_t e;
    std::memcpy(&a, &actual, sizeof a);
    std::memcpy(&e, &expected, sizeof e);
    if ((a < 0) != (e < 0))
        return std::numeric_limits<double>::infinity();
    return double(a > e ? a - e : e - a);
}

const char *name(InstructionSet set)
{
    switch (set) {
    case InstructionSet::Baseline:
        return "SSE2";
    case InstructionSet::Avx2:
        return "AVX2";
    case InstructionSet::Avx512:
        return "AVX-512";
    }
    return "?";
}

/// softmax of the visible keys of scores · reciprocal, in long double.
std::vector<long double> referenceSoftmax(const std::vector<double> &scores,
                                          const std::vector<std::uint8_t> &hidden,
                                          double reciprocal)
{
    long double largest = -INFINITY;
    for (std::size_t j = 0; j < scores.size(); ++j) {
        if (!hidden[j])
            largest = std::max(largest, (long double)(scores[j] * reciprocal));
    }
    std::vector<long double> weights(scores.size(), 0.0L);
    long double sum = 0.0L;
    for (std::size_t j = 0; j < scores.size(); ++j) {
        if (!hidden[j]) {
            weights[j] = std::exp((long double)(scores[j] * reciprocal) - largest);
            sum += weights[j];
        }
    }
    for (long double &w : weights)
        w /= sum;
    return weights;
}

} // namespace

class TestRowSoftmax : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanupTestCase();

    void widestSetIsChosen();
    void exponentialMatchesTheCLibrary_data();
    void exponentialMatchesTheCLibrary();
    void exponentialEdges_data();
    void exponentialEdges();
    void softmaxRowMatchesTheFormula_data();
    void softmaxRowMatchesTheFormula();
    void hiddenKeysWeighExactlyZero_data();
    void hiddenKeysWeighExactlyZero();
    void overflowedScoresAreClamped_data();
    void overflowedScoresAreClamped();

private:
    void addSets();
    InstructionSet m_default = InstructionSet::Baseline;
    bool m_haveDefault = false;
};

void TestRowSoftmax::init()
{
    if (!m_haveDefault) {
        m_default = attn::kernels::activeInstructionSet();
        m_haveDefault = true;
    }
}

void TestRowSoftmax::cleanupTestCase()
{
    attn::kernels::useInstructionSet(m_default);
}

void TestRowSoftmax::addSets()
{
    QTest::addColumn<InstructionSet>("set");
    for (InstructionSet set :
         {InstructionSet::Baseline, InstructionSet::Avx2, InstructionSet::Avx512}) {
        if (attn::kernels::supported(set))
            QTest::newRow(name(set)) << set;
    }
}

void TestRowSoftmax::widestSetIsChosen()
{
    // The fast path is chosen at run time, from what the processor reports.
    InstructionSet widest = InstructionSet::Baseline;
    if (attn::kernels::supported(InstructionSet::Avx2))
        widest = InstructionSet::Avx2;
    if (attn::kernels::supported(InstructionSet::Avx512))
        widest = InstructionSet::Avx512;
    QCOMPARE(m_default, widest);
    QVERIFY(attn::kernels::supported(InstructionSet::Baseline));
}

void TestRowSoftmax::exponentialMatchesTheCLibrary_data()
{
    addSets();
}

void TestRowSoftmax::exponentialMatchesTheCLibrary()
{
    QFETCH(InstructionSet, set);
    QVERIFY(attn::kernels::useInstructionSet(set));
    // 200 001 numbers over the whole range where eˣ is a normal double, and
    // the range a softmax meets (x − max ≤ 0) twice as densely; an odd count
    // so every path also runs its tail.
    std::vector<double> inputs;
    attn::RandomSource random(7);
    for (int i = 0; i < 100001; ++i)
        inputs.push_back(-708.0 + 1417.0 * random.uniform());
    for (int i = 0; i < 100000; ++i)
        inputs.push_back(-40.0 * random.uniform());
    std::vector<double> outputs(inputs.size());
    attn::kernels::exponential(inputs.data(), outputs.data(), inputs.size());

    double worst = 0.0;
    std::size_t worstAt = 0;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const double distance = ulpDistance(outputs[i], std::exp(inputs[i]));
        if (distance > worst) {
            worst = distance;
            worstAt = i;
        }
    }
    QVERIFY2(worst <= 2.0,
             qPrintable(QStringLiteral("%1: exp(%2) = %3, the C library says %4: %5 ulps apart")
                            .arg(QLatin1String(name(set)))
                            .arg(inputs[worstAt], 0, 'g', 17)
                            .arg(outputs[worstAt], 0, 'g', 17)
                            .arg(std::exp(inputs[worstAt]), 0, 'g', 17)
                            .arg(worst)));
}

void TestRowSoftmax::exponentialEdges_data()
{
    addSets();
}

void TestRowSoftmax::exponentialEdges()
{
    QFETCH(InstructionSet, set);
    QVERIFY(attn::kernels::useInstructionSet(set));
    const std::vector<double> inputs = {0.0,    -0.0,   1.0,    -1.0,  1e-300, -inf,   -1000.0,
                                        -746.0, -745.2, -720.0, 709.7, 710.0,  1000.0, inf};
    std::vector<double> outputs(inputs.size());
    attn::kernels::exponential(inputs.data(), outputs.data(), inputs.size());
    QCOMPARE(outputs[0], 1.0);
    QCOMPARE(outputs[1], 1.0);
    QCOMPARE(outputs[2], std::exp(1.0));
    QVERIFY(ulpDistance(outputs[3], std::exp(-1.0)) <= 1.0);
    QCOMPARE(outputs[4], 1.0);
    // e^−∞ is exactly 0 (a masked key), as are results below the smallest double.
    QCOMPARE(outputs[5], 0.0);
    QCOMPARE(outputs[6], 0.0);
    QCOMPARE(outputs[7], 0.0);
    QCOMPARE(outputs[8], 0.0);
    // Gradual underflow: e^−720 ≈ 2.8e−313 is subnormal, correct to its last digit or so.
    QVERIFY2(std::abs(outputs[9] - std::exp(-720.0)) <=
                 2 * std::numeric_limits<double>::denorm_min(),
             qPrintable(QString::number(outputs[9], 'g', 17)));
    QVERIFY(ulpDistance(outputs[10], std::exp(709.7)) <= 2.0);
    QCOMPARE(outputs[11], inf);
    QCOMPARE(outputs[12], inf);
    QCOMPARE(outputs[13], inf);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    double nanOut = 0.0;
    attn::kernels::exponential(&nan, &nanOut, 1);
    QVERIFY(std::isnan(nanOut));
}

void TestRowSoftmax::softmaxRowMatchesTheFormula_data()
{
    QTest::addColumn<InstructionSet>("set");
    QTest::addColumn<int>("count");
    for (InstructionSet set :
         {InstructionSet::Baseline, InstructionSet::Avx2, InstructionSet::Avx512}) {
        if (!attn::kernels::supported(set))
            continue;
        for (int count : {1, 3, 4, 7, 8, 13, 64, 1000, 1024}) {
            QTest::addRow("%s, %d keys", name(set), count) << set << count;
        }
    }
}

void TestRowSoftmax::softmaxRowMatchesTheFormula()
{
    QFETCH(InstructionSet, set);
    QFETCH(int, count);
    QVERIFY(attn::kernels::useInstructionSet(set));
    attn::RandomSource random(static_cast<std::uint64_t>(count));
    std::vector<double> scores(static_cast<std::size_t>(count));
    std::vector<std::uint8_t> hidden(static_cast<std::size_t>(count), 0);
    for (double &score : scores)
        score = 60.0 * (random.uniform() - 0.5);
    const double reciprocal = 1.0 / std::sqrt(8.0);
    std::vector<double> weights(scores.size());
    QVERIFY(attn::kernels::softmaxRow(scores.data(), nullptr, scores.size(), reciprocal,
                                      weights.data()));
    const std::vector<long double> expected = referenceSoftmax(scores, hidden, reciprocal);
    for (std::size_t j = 0; j < scores.size(); ++j) {
        // The tests of the engine compare with NumPy at 1e-12; the kernel is far inside.
        const long double error = std::fabs((long double)weights[j] - expected[j]);
        QVERIFY2(error <= 1e-15L * std::max(1.0L, expected[j]) + 1e-300L,
                 qPrintable(QStringLiteral("weight %1 is %2, expected %3")
                                .arg(j)
                                .arg(weights[j], 0, 'g', 17)
                                .arg(double(expected[j]), 0, 'g', 17)));
    }
}

void TestRowSoftmax::hiddenKeysWeighExactlyZero_data()
{
    addSets();
}

void TestRowSoftmax::hiddenKeysWeighExactlyZero()
{
    QFETCH(InstructionSet, set);
    QVERIFY(attn::kernels::useInstructionSet(set));
    const std::vector<double> scores = {3.0, -1e300, 2.0, 5.0, 0.5, 4.0, -2.0, 1.0, 7.0};
    const std::vector<std::uint8_t> hidden = {0, 1, 0, 1, 0, 0, 1, 0, 1};
    std::vector<double> weights(scores.size(), -1.0);
    QVERIFY(attn::kernels::softmaxRow(scores.data(), hidden.data(), scores.size(), 0.5,
                                      weights.data()));
    const std::vector<long double> expected = referenceSoftmax(scores, hidden, 0.5);
    for (std::size_t j = 0; j < scores.size(); ++j) {
        if (hidden[j])
            QCOMPARE(weights[j], 0.0);
        else
            QVERIFY(std::fabs((long double)weights[j] - expected[j]) <= 1e-15L);
    }

    // Every key hidden: a row of zeros, and the kernel says so.
    const std::vector<std::uint8_t> all(scores.size(), 1);
    std::vector<double> none(scores.size(), -1.0);
    QVERIFY(!attn::kernels::softmaxRow(scores.data(), all.data(), scores.size(), 0.5, none.data()));
    for (double w : none)
        QCOMPARE(w, 0.0);
}

void TestRowSoftmax::overflowedScoresAreClamped_data()
{
    addSets();
}

void TestRowSoftmax::overflowedScoresAreClamped()
{
    QFETCH(InstructionSet, set);
    QVERIFY(attn::kernels::useInstructionSet(set));
    // +∞ is the largest double: it takes all the weight; NaN and −∞ take none.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<double> scores = {1.0, inf, nan, -inf, 2.0};
    std::vector<double> weights(scores.size());
    QVERIFY(attn::kernels::softmaxRow(scores.data(), nullptr, scores.size(), 1.0, weights.data()));
    const std::vector<double> expected = {0.0, 1.0, 0.0, 0.0, 0.0};
    for (std::size_t j = 0; j < scores.size(); ++j)
        QCOMPARE(weights[j], expected[j]);
}

QTEST_APPLESS_MAIN(TestRowSoftmax)
#include "tst_row_softmax.moc"
