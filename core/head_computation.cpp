#include "head_computation.h"

#include "attention.h"
#include "matrix_product.h"
#include "random_source.h"
#include "row_softmax.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <system_error>
#include <exception>
#include <thread>
#include <vector>

namespace attn {

namespace {

/// The rows of weights one block holds: about 256 KiB, so a block stays in
/// the core's cache between the softmax and weights · V.
constexpr Eigen::Index blockCells = 32768;

/// Heads are independent: above this many score cells in all, they are
/// spread over the processor's cores (below it, starting threads costs more
/// than it saves).
constexpr double parallelCellThreshold = 65536.0;

std::atomic<int> threadLimit{0};

/// scores = queries · keysᵀ (n × m, row by row).
void dotScores(const Matrix &queries, const Matrix &keys, RowMajorMatrix &scores)
{
    scores.resize(queries.rows(), keys.rows());
    if (!largeProduct(queries.rows(), keys.rows(), queries.cols())) {
        scores.noalias() = queries * keys.transpose();
        return;
    }
    // Row-major scores are the column-major m × n matrix K · Qᵀ.
    blasMultiply(false, true, keys.rows(), queries.rows(), keys.cols(), keys.data(), keys.rows(),
                 queries.data(), queries.rows(), scores.data(), keys.rows());
}

/// Scores of one head for the chosen score function.
void headScores(const Scenario &scenario, const Matrix &queries, const Matrix &keys,
                RowMajorMatrix &scores)
{
    switch (scenario.score) {
    case ScoreFunction::Dot:
        dotScores(queries, keys, scores);
        return;
    case ScoreFunction::General:
        dotScores(queries * scenario.wA, keys, scores);
        return;
    case ScoreFunction::Additive: {
        const Matrix projectedQueries = queries * scenario.wA; // n × d_a
        const Matrix projectedKeys = keys * scenario.uA;       // m × d_a
        scores.resize(queries.rows(), keys.rows());
        for (Eigen::Index query = 0; query < queries.rows(); ++query) {
            for (Eigen::Index key = 0; key < keys.rows(); ++key) {
                scores(query, key) =
                    (projectedQueries.row(query) + projectedKeys.row(key)).array().tanh().matrix() *
                    scenario.vA;
            }
        }
        return;
    }
    }
}

int argMax(const double *row, Eigen::Index count)
{
    int best = 0;
    for (int key = 1; key < count; ++key) {
        if (row[key] > row[best])
            best = key;
    }
    return best;
}

int sampleKey(const double *row, Eigen::Index count, double uniform)
{
    double total = 0.0;
    for (Eigen::Index key = 0; key < count; ++key)
        total += row[key];
    double cumulative = 0.0;
    int lastPositive = -1;
    for (int key = 0; key < count; ++key) {
        if (row[key] <= 0.0)
            continue;
        lastPositive = key;
        cumulative += row[key] / total;
        if (cumulative > uniform)
            return key;
    }
    return lastPositive;
}

const std::uint8_t *hiddenRow(const Trace &trace, int row)
{
    if (!trace.anyMasked)
        return nullptr;
    return reinterpret_cast<const std::uint8_t *>(trace.mask.data() + row * trace.mask.cols());
}

} // namespace

void setComputeThreads(int count)
{
    threadLimit.store(std::max(0, count), std::memory_order_relaxed);
}

bool HeadComputation::softWeightsRow(const Trace &trace, const RowMajorMatrix &scores, int row,
                                     double *out)
{
    const Eigen::Index keyCount = scores.cols();
    const std::uint8_t *hidden = hiddenRow(trace, row);
    const bool visible = kernels::softmaxRow(scores.data() + row * keyCount, hidden,
                                             std::size_t(keyCount), trace.reciprocalDivisor, out);
    if (visible && trace.gaussianWidth > 0.0) {
        // local-p: the window's weights times exp(−(j − p_t)² / (2σ²)); the
        // keys outside the window are hidden and stay 0.
        const double sigma = trace.gaussianWidth;
        const double position = trace.alignedPositions(row);
        for (Eigen::Index key = 0; key < keyCount; ++key) {
            if (hidden && hidden[key])
                continue;
            const double distance = double(key) - position;
            out[key] *= std::exp(-distance * distance / (2.0 * sigma * sigma));
        }
    }
    return visible;
}

void HeadComputation::computeHead(const Context &context, const Trace &trace, int h,
                                  HeadTrace &head)
{
    const Scenario &s = context.scenario;
    const Eigen::Index queryCount = trace.queryCount();
    const Eigen::Index keyCount = trace.keyCount();

    head.queries = trace.queries.middleCols(h * trace.headDim, trace.headDim);
    head.keys = trace.keys.middleCols(h * trace.headDim, trace.headDim);
    head.values = trace.values.middleCols(h * trace.headValueDim, trace.headValueDim);
    headScores(s, head.queries, head.keys, head.m_scores);

    const bool soft = s.selection == SelectionKind::Soft;
    // Head h continues the one generator where head h − 1 stopped, so the
    // draws do not depend on how the heads are spread over threads.
    RandomSource generator(s.seed);
    if (!soft) {
        generator.discard(context.drawsPerHead * std::uint64_t(h));
        head.sampledKeys.assign(std::size_t(queryCount), -1);
    } else {
        head.sampledKeys.clear();
    }

    const Eigen::Index blockRows = std::clamp<Eigen::Index>(blockCells / keyCount, 1, queryCount);
    thread_local std::vector<double> block;
    if (block.size() < std::size_t(blockRows * keyCount))
        block.resize(std::size_t(blockRows * keyCount));
    head.output.resize(queryCount, trace.headValueDim);

    for (Eigen::Index first = 0; first < queryCount; first += blockRows) {
        const Eigen::Index rows = std::min(blockRows, queryCount - first);
        for (Eigen::Index i = 0; i < rows; ++i) {
            double *row = block.data() + i * keyCount;
            const int query = int(first + i);
            const bool visible = softWeightsRow(trace, head.m_scores, query, row);
            if (soft || !visible)
                continue;
            const int key = s.selection == SelectionKind::Hard
                                ? argMax(row, keyCount)
                                : sampleKey(row, keyCount, generator.uniform());
            std::fill(row, row + keyCount, 0.0);
            if (key < 0)
                continue;
            head.sampledKeys[std::size_t(query)] = key;
            row[key] = 1.0;
        }
        // output rows = weights rows · V_h
        if (largeProduct(rows, head.values.cols(), keyCount)) {
            blasMultiply(true, false, rows, head.values.cols(), keyCount, block.data(), keyCount,
                         head.values.data(), keyCount, head.output.data() + first, queryCount);
        } else {
            const Eigen::Map<const RowMajorMatrix> weights(block.data(), rows, keyCount);
            head.output.middleRows(first, rows).noalias() = weights * head.values;
        }
    }
}

void HeadComputation::computeHeads(const Context &context, Trace &trace)
{
    std::vector<HeadTrace> &heads = trace.heads;
    const int headCount = static_cast<int>(heads.size());
    const double cells = double(trace.queryCount()) * trace.keyCount() * headCount;
    // hardware_concurrency() reads /sys on every call: ask once, and only
    // when the work is large enough to share.
    static const int cores = std::max(1, int(std::thread::hardware_concurrency()));
    const int limit = threadLimit.load(std::memory_order_relaxed);
    const int usable = limit > 0 ? std::min(limit, cores) : cores;
    const int threadCount = cells >= parallelCellThreshold ? std::min(headCount, usable) : 1;
    // A head that runs out of memory throws std::bad_alloc. On a worker that
    // would end the program; so every thread keeps its failure, all are
    // joined, and the first failure is thrown again here, for compute() to
    // report.
    std::vector<std::exception_ptr> failures(static_cast<std::size_t>(threadCount));
    std::vector<std::thread> workers;
    if (threadCount > 1) {
        for (int worker = 1; worker < threadCount; ++worker) {
            try {
                workers.emplace_back([&context, &trace, &heads, &failures, worker, threadCount,
                                      headCount] {
                    try {
                        for (int h = worker; h < headCount; h += threadCount)
                            computeHead(context, trace, h, heads[std::size_t(h)]);
                    } catch (...) {
                        failures[std::size_t(worker)] = std::current_exception();
                    }
                });
            } catch (const std::system_error &) {
                break; // no thread to be had: this one does the rest
            }
        }
    }
    // This thread takes its own share and that of any worker that did not start.
    const int started = int(workers.size()) + 1;
    try {
        for (int h = 0; h < headCount; ++h) {
            if (h % threadCount == 0 || h % threadCount >= started)
                computeHead(context, trace, h, heads[std::size_t(h)]);
        }
    } catch (...) {
        failures[0] = std::current_exception();
    }
    for (std::thread &worker : workers)
        worker.join();
    for (const std::exception_ptr &failure : failures) {
        if (failure)
            std::rethrow_exception(failure);
    }
}

} // namespace attn
