#pragma once

#include "scenario.h"
#include "trace.h"

#include <cstdint>

namespace attn {

/// The per-head part of compute(): for head h, with Q_h, K_h, V_h its slices,
///
///   scores_h  = score(Q_h, K_h)                         (stored, n × m)
///   weights_h = select(softmax_rows(mask(scores_h / (s · τ))))
///   output_h  = weights_h · V_h
///
/// The softmax is one fused pass per row (scale, mask, max, exp, sum,
/// normalise, see kernels::softmaxRow) over a block of rows that stays in
/// the cache, and weights · V is taken block by block, so the n × m weights
/// are never written out whole. Large products go to OpenBLAS, run with one
/// thread: the heads themselves are spread over the cores.
class HeadComputation
{
public:
    /// What every head shares.
    struct Context
    {
        const Scenario &scenario;
        /// Draws each head takes from the sampling generator (one per visible row).
        std::uint64_t drawsPerHead;
    };

    /// Fills trace.heads (already sized) from trace.queries, keys and values.
    static void computeHeads(const Context &context, Trace &trace);

    /// Row `row` of the soft weights of a head whose scores are `scores`:
    /// the fused softmax of the row, times local-p's Gaussian. The accessors
    /// call this too, so what they show is what compute() used. False (and
    /// a row of zeros) when the mask hides every key of the row.
    static bool softWeightsRow(const Trace &trace, const RowMajorMatrix &scores, int row,
                               double *out);

private:
    static void computeHead(const Context &context, const Trace &trace, int h, HeadTrace &head);
};

} // namespace attn
