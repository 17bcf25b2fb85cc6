#!/usr/bin/python3
"""NumPy doing the work bench_compute times, on the same inputs.

Cases: `tutorial` (the four words, d_model 3, one head, no W_O) and N tokens
with d_model 64, d_k = d_v = 64, 8 heads and W_O 64×64, scaled dot product,
soft selection, no mask (or a causal one): Q, K, V projections, per-head
scores, scaling, a stable row softmax, weights·V, concatenation and W_O. The
inputs are the SplitMix64 numbers bench_compute builds, and the checksum
printed here equals the one bench_compute prints.

Usage: /usr/bin/python3 tests/reference/bench_numpy.py [--tokens N | --tutorial]
           [--runs R] [--threads T] [--causal] [--json]
  --runs R     print the median time in µs over R runs (default 51)
  --threads T  run OpenBLAS with T threads (checked with threadpoolctl)
  --json       print every stage of the computation as JSON instead (the
               engine's tests compare with it)
"""

import argparse
import json
import math
import statistics
import sys
import time

import numpy as np

from attention_reference import SplitMix64

D_MODEL, D_K, D_V, HEADS = 64, 64, 64, 8


def pseudo_random(rows, cols, seed, scale):
    g = SplitMix64(seed)
    values = [scale * (2.0 * g.uniform() - 1.0) for _ in range(rows * cols)]
    return np.array(values).reshape(rows, cols)


def large_inputs(tokens):
    return {
        "X": pseudo_random(tokens, D_MODEL, 1, 1.0),
        "WQ": pseudo_random(D_MODEL, D_K, 2, 0.125),
        "WK": pseudo_random(D_MODEL, D_K, 3, 0.125),
        "WV": pseudo_random(D_MODEL, D_V, 4, 0.125),
        "WO": pseudo_random(D_V, D_V, 5, 0.125),
        "heads": HEADS,
    }


def tutorial_inputs():
    # The tutorial: np.random.seed(42); W_Q, W_K, W_V = randint(3, size=(3, 3)).
    return {
        "X": np.array([[1, 0, 0], [0, 1, 0], [1, 1, 0], [0, 0, 1]], dtype=float),
        "WQ": np.array([[2, 0, 2], [2, 0, 0], [2, 1, 2]], dtype=float),
        "WK": np.array([[2, 2, 2], [0, 2, 1], [0, 1, 1]], dtype=float),
        "WV": np.array([[1, 1, 0], [0, 1, 1], [0, 0, 0]], dtype=float),
        "WO": None,
        "heads": 1,
    }


def attention(X, WQ, WK, WV, WO, heads, causal=False, keep=None):
    n = X.shape[0]
    d_h, d_vh = WQ.shape[1] // heads, WV.shape[1] // heads
    Q, K, V = X @ WQ, X @ WK, X @ WV
    Qh = Q.reshape(n, heads, d_h).transpose(1, 0, 2)
    Kh = K.reshape(n, heads, d_h).transpose(1, 0, 2)
    Vh = V.reshape(n, heads, d_vh).transpose(1, 0, 2)
    scores = Qh @ Kh.transpose(0, 2, 1)
    scaled = scores / math.sqrt(d_h)
    if causal:
        scaled = np.where(np.triu(np.ones((n, n), dtype=bool), 1), -np.inf, scaled)
    e = np.exp(scaled - scaled.max(axis=-1, keepdims=True))
    weights = e / e.sum(axis=-1, keepdims=True)
    outputs = weights @ Vh
    concat = outputs.transpose(1, 0, 2).reshape(n, heads * d_vh)
    out = concat @ WO if WO is not None else concat
    if keep is not None:
        keep.update(q=Q, k=K, v=V, scores=scores, weights=weights, outputs=outputs,
                    concat=concat, output=out)
    return out


def blas_info():
    """The BLAS NumPy runs, from threadpoolctl (Debian's python3-threadpoolctl)."""
    from threadpoolctl import threadpool_info

    return [i for i in threadpool_info() if i.get("user_api") == "blas"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tokens", type=int, default=512)
    parser.add_argument("--tutorial", action="store_true")
    parser.add_argument("--runs", type=int, default=51)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--causal", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    inputs = tutorial_inputs() if args.tutorial else large_inputs(args.tokens)
    if args.json:
        keep = {}
        attention(**inputs, causal=args.causal, keep=keep)
        print(json.dumps({k: v.tolist() for k, v in keep.items()}))
        return

    from threadpoolctl import threadpool_limits

    limits = threadpool_limits(limits=args.threads, user_api="blas") if args.threads else None
    blas = blas_info()
    if not blas or blas[0].get("internal_api") != "openblas":
        sys.exit(f"NumPy does not run OpenBLAS ({blas}): apt-get install libopenblas0-pthread")
    if args.threads and blas[0]["num_threads"] != args.threads:
        sys.exit(f"OpenBLAS runs {blas[0]['num_threads']} threads, not {args.threads}")

    out = attention(**inputs, causal=args.causal)
    print(f"checksum: sum(output) = {out.sum()!r}, output[0][0] = {out[0, 0]!r}")
    for _ in range(3):  # warm-up
        attention(**inputs, causal=args.causal)
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        attention(**inputs, causal=args.causal)
        times.append(time.perf_counter() - start)
    b = blas[0]
    print(f"numpy {np.__version__}, {b['internal_api']} {b['version']} {b.get('architecture')}, "
          f"{b['num_threads']} thread(s)")
    label = "tutorial" if args.tutorial else f"{args.tokens} tokens"
    print(f"{label}: median {statistics.median(times) * 1e6:.2f} µs over {args.runs} runs "
          f"(min {min(times) * 1e6:.2f} µs)")
    del limits


if __name__ == "__main__":
    main()
