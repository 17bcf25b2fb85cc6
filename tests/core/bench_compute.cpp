// Benchmarks of compute(), run by hand (not by CTest: timings flake on a busy
// machine). The budgets are in DESIGN.md: < 20 µs on the seed example, and at
// 512 tokens, d_model 64, d_k = d_v = 64, 8 heads, no slower than NumPy doing
// the same work on the same machine (tests/reference/bench_numpy.py, which
// builds the very same inputs and prints the same checksum).
//
//   bench_compute -median 9            # median of 9 runs per benchmark
//   /usr/bin/python3 tests/reference/bench_numpy.py

#include "attention.h"
#include "random_source.h"

#include <QtTest>
#include <cstdint>

namespace {

/// rows × cols uniform in [−scale, scale), filled row by row.
attn::Matrix pseudoRandom(int rows, int cols, std::uint64_t seed, double scale)
{
    // The engine's own SplitMix64 source, as bench_numpy.py re-implements it.
    attn::RandomSource generator(seed);
    attn::Matrix matrix(rows, cols);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            matrix(r, c) = scale * (2.0 * generator.uniform() - 1.0);
    return matrix;
}

attn::Scenario large()
{
    constexpr int tokens = 512;
    constexpr int modelDim = 64;
    attn::Scenario scenario;
    scenario.target.embeddings = pseudoRandom(tokens, modelDim, 1, 1.0);
    for (int i = 0; i < tokens; ++i)
        scenario.target.tokens.push_back("w" + std::to_string(i));
    // Weights scaled by 1/√d_model = 1/8 keep the scores in a sensible range.
    scenario.wQ = pseudoRandom(modelDim, 64, 2, 0.125);
    scenario.wK = pseudoRandom(modelDim, 64, 3, 0.125);
    scenario.wV = pseudoRandom(modelDim, 64, 4, 0.125);
    scenario.wO = pseudoRandom(64, 64, 5, 0.125);
    scenario.heads = 8;
    return scenario;
}

} // namespace

class BenchCompute : public QObject
{
    Q_OBJECT

private slots:
    void tutorial();
    void tokens512Heads8();
    void tokens512Heads8IntoReusedTrace();
};

void BenchCompute::tutorial()
{
    const attn::Scenario scenario = attn::tutorialScenario();
    QVERIFY(attn::compute(scenario).ok());
    double sink = 0.0;
    QBENCHMARK
    {
        const attn::Result<attn::Trace> result = attn::compute(scenario);
        sink += result.value().output(0, 0);
    }
    QVERIFY(sink > 0.0);
}

void BenchCompute::tokens512Heads8()
{
    const attn::Scenario scenario = large();
    const attn::Result<attn::Trace> check = attn::compute(scenario);
    QVERIFY2(check.ok(), check.ok() ? "" : check.error().message.c_str());
    // The same checksum as bench_numpy.py prints: the two compute the same thing.
    qInfo("checksum: sum(output) = %.17g, output[0][0] = %.17g", check.value().output.sum(),
          check.value().output(0, 0));
    double sink = 0.0;
    QBENCHMARK
    {
        const attn::Result<attn::Trace> result = attn::compute(scenario);
        sink += result.value().output(0, 0);
    }
    QVERIFY(sink != 0.0);
}

// What an editor that recomputes on every edit does: computeInto() a trace
// whose matrices already have the right sizes.
void BenchCompute::tokens512Heads8IntoReusedTrace()
{
    const attn::Scenario scenario = large();
    attn::Trace trace;
    QVERIFY(!attn::computeInto(scenario, trace));
    QBENCHMARK
    {
        attn::computeInto(scenario, trace);
    }
    QVERIFY(trace.output.allFinite());
}

QTEST_APPLESS_MAIN(BenchCompute)
#include "bench_compute.moc"
