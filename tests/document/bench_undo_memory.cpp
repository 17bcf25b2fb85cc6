// The memory the undo history takes at the size limits: a scenario of 1024
// words, d_model = d_k = d_v = 1024 (X, W_Q, W_K, W_V: 8 MiB each), then a
// number of temperature changes, each its own undo step. Prints the peak
// resident memory; run it under `/usr/bin/time -v` for a second opinion:
//
//   /usr/bin/time -v build/tests/bench_undo_memory 100

#include "document.h"
#include "large_scenario_fixture.h"

#include <QCoreApplication>
#include <QUndoStack>
#include <cstdio>
#include <cstdlib>
#include <sys/resource.h>

namespace {

attn::Scenario scenarioAtTheLimits()
{
    constexpr int size = attn::maxTokens; // = attn::maxDimension
    attn::Scenario scenario;
    scenario.target.embeddings = testsupport::pseudoRandom(size, size, 1, 1.0);
    for (int i = 0; i < size; ++i)
        scenario.target.tokens.push_back("w" + std::to_string(i + 1));
    scenario.wQ = testsupport::pseudoRandom(size, size, 2, 1.0 / 32);
    scenario.wK = testsupport::pseudoRandom(size, size, 3, 1.0 / 32);
    scenario.wV = testsupport::pseudoRandom(size, size, 4, 1.0 / 32);
    return scenario;
}

long peakResidentKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int changes = argc > 1 ? std::atoi(argv[1]) : 100;

    attn::ui::Document document;
    document.reset(scenarioAtTheLimits());
    std::printf("scenario loaded: peak %ld MiB\n", peakResidentKiB() / 1024);

    for (int step = 0; step < changes; ++step) {
        attn::Scenario next = document.scenario();
        next.temperature = 1.0 + 0.01 * (step + 1);
        document.change(next, QStringLiteral("temperature"));
        next = attn::Scenario(); // only the document and its history hold the scenario
        if ((step + 1) % 10 == 0)
            std::printf("%3d changes, %3d undo steps: peak %ld MiB\n", step + 1,
                        document.undoStack()->count(), peakResidentKiB() / 1024);
    }
    std::fflush(stdout);
    return 0;
}
