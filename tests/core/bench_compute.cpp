// Benchmarks of compute(), run by hand (not by CTest: timings flake on a busy
// machine). The budgets are in DESIGN.md: < 1 µs on the seed example; at 512
// and 1024 tokens, d_model 64, d_k = d_v = 64, 8 heads and W_O, computeInto()
// at least 1.5× faster than NumPy + OpenBLAS doing the same work with the same
// threads (tests/reference/bench_numpy.py builds the very same inputs and
// prints the same checksum); a fresh compute() within 1.2× of computeInto().
//
//   bench_compute -median 9                   # every case, every core
//   bench_compute -threads 1 -median 9 reused:"512 tokens"
//   tests/bench_against_numpy.py              # both, alternately, with a table

#include "attention.h"
#include "large_scenario_fixture.h"

#include <QtTest>
#include <cstdlib>
#include <cstring>
#include <vector>

class BenchCompute : public QObject
{
    Q_OBJECT

private slots:
    void checksum_data() { cases(); }
    void checksum();
    void fresh_data() { cases(); }
    void fresh();
    void reused_data() { cases(); }
    void reused();

private:
    static void cases();
};

Q_DECLARE_METATYPE(attn::Scenario)

void BenchCompute::cases()
{
    QTest::addColumn<attn::Scenario>("scenario");
    QTest::newRow("tutorial") << attn::tutorialScenario();
    for (int tokens : {64, 512, 1024})
        QTest::addRow("%d tokens", tokens) << testsupport::largeScenario(tokens);
}

// The same checksum as bench_numpy.py prints: the two compute the same thing.
void BenchCompute::checksum()
{
    QFETCH(attn::Scenario, scenario);
    const attn::Result<attn::Trace> result = attn::compute(scenario);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    qInfo("checksum: sum(output) = %.17g, output[0][0] = %.17g", result->output.sum(),
          result->output(0, 0));
}

// What the command line, the lesson and the decks do: a new trace each time.
void BenchCompute::fresh()
{
    QFETCH(attn::Scenario, scenario);
    QVERIFY(attn::compute(scenario).ok());
    double sink = 0.0;
    QBENCHMARK
    {
        const attn::Result<attn::Trace> result = attn::compute(scenario);
        sink += result.value().output(0, 0);
    }
    QVERIFY(sink != 0.0);
}

// What the window does on every edit: computeInto() a trace whose matrices
// already have the right sizes.
void BenchCompute::reused()
{
    QFETCH(attn::Scenario, scenario);
    attn::Trace trace;
    QVERIFY(!attn::computeInto(scenario, trace));
    QBENCHMARK
    {
        attn::computeInto(scenario, trace);
    }
    QVERIFY(trace.output.allFinite());
}

// `-threads N` (before Qt Test's own options) lets the heads use at most N
// threads; without it they use every core.
int main(int argc, char **argv)
{
    std::vector<char *> arguments;
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "-threads") == 0 && i + 1 < argc) {
            attn::setComputeThreads(std::atoi(argv[++i]));
            continue;
        }
        arguments.push_back(argv[i]);
    }
    BenchCompute bench;
    return QTest::qExec(&bench, int(arguments.size()), arguments.data());
}

#include "bench_compute.moc"
