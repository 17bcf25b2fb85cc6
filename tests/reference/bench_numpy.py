#!/usr/bin/python3
"""Times NumPy doing the work of bench_compute's 512-token case.

512 tokens, d_model 64, d_k = d_v = 64, 8 heads, W_O 64×64, scaled dot
product, soft selection, no mask: Q, K, V projections, per-head scores,
scaling, a stable row softmax, weights·V, concatenation and W_O. The inputs
are the same SplitMix64 numbers bench_compute builds, and the checksum
printed here must equal the one bench_compute prints.

Usage: /usr/bin/python3 tests/reference/bench_numpy.py [runs]
Prints the median time in µs over `runs` runs (default 201).
"""

import math
import statistics
import sys
import time

import numpy as np

from attention_reference import SplitMix64

TOKENS, D_MODEL, D_K, D_V, HEADS = 512, 64, 64, 64, 8


def pseudo_random(rows, cols, seed, scale):
    g = SplitMix64(seed)
    values = [scale * (2.0 * ((g.next() >> 11) * 2.0**-53) - 1.0) for _ in range(rows * cols)]
    return np.array(values).reshape(rows, cols)


def attention(X, WQ, WK, WV, WO):
    n = X.shape[0]
    d_h, d_vh = D_K // HEADS, D_V // HEADS
    Q, K, V = X @ WQ, X @ WK, X @ WV
    Qh = Q.reshape(n, HEADS, d_h).transpose(1, 0, 2)
    Kh = K.reshape(n, HEADS, d_h).transpose(1, 0, 2)
    Vh = V.reshape(n, HEADS, d_vh).transpose(1, 0, 2)
    scaled = (Qh @ Kh.transpose(0, 2, 1)) / math.sqrt(d_h)
    e = np.exp(scaled - scaled.max(axis=-1, keepdims=True))
    weights = e / e.sum(axis=-1, keepdims=True)
    concat = (weights @ Vh).transpose(1, 0, 2).reshape(n, D_V)
    return concat @ WO


def blas_library():
    """The BLAS shared library this process has loaded (Linux)."""
    try:
        with open("/proc/self/maps") as maps:
            names = {line.split()[-1] for line in maps if "blas" in line.lower()}
        return ", ".join(sorted(names)) or "none found"
    except OSError:
        return "unknown"


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 201
    X = pseudo_random(TOKENS, D_MODEL, 1, 1.0)
    WQ = pseudo_random(D_MODEL, D_K, 2, 0.125)
    WK = pseudo_random(D_MODEL, D_K, 3, 0.125)
    WV = pseudo_random(D_MODEL, D_V, 4, 0.125)
    WO = pseudo_random(D_V, D_V, 5, 0.125)

    out = attention(X, WQ, WK, WV, WO)
    print(f"checksum: sum(output) = {out.sum()!r}, output[0][0] = {out[0, 0]!r}")
    for _ in range(5):  # warm-up
        attention(X, WQ, WK, WV, WO)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        attention(X, WQ, WK, WV, WO)
        times.append(time.perf_counter() - start)
    print(f"numpy {np.__version__}, BLAS: {blas_library()}")
    print(f"512 tokens, d_model 64, 8 heads: median {statistics.median(times) * 1e6:.0f} µs "
          f"over {runs} runs (min {min(times) * 1e6:.0f} µs)")


if __name__ == "__main__":
    main()
