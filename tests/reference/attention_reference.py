"""An independent NumPy implementation of the attention engine's contract.

The C++ tests take their expected numbers from here (printed by
engine_reference.py), never from the engine itself. Everything is written
straight from the formulas of the lesson, with plain NumPy:

    input   = X (+ PE)                      PE(pos, 2i)   = sin(pos / 10000^(2i/d_model))
                                            PE(pos, 2i+1) = cos(pos / 10000^(2i/d_model))
    Q = input W_Q,  K = source_input W_K,  V = source_input W_V
    head t: Q_t = Q[:, t*d_h:(t+1)*d_h], K_t likewise, V_t = V[:, t*d_vh:(t+1)*d_vh]
    scores  = Q_t K_tᵀ | Q_t W_a K_tᵀ | v_aᵀ tanh(q W_a + k U_a)
    scaled  = scores / (s τ)
    masked  = scaled with -inf where hidden (causal, padding, window)
    soft    = softmax over the visible keys (times the Gaussian for local-p)
    weights = soft | one-hot(argmax) | one-hot(sample)
    output  = weights V_t;  concat = [output_1 ... output_h];  out = concat W_O
"""

import math

import numpy as np

MASK_VISIBLE, MASK_CAUSAL, MASK_PADDING, MASK_OUTSIDE_WINDOW = 0, 1, 2, 3

U64 = (1 << 64) - 1


class SplitMix64:
    """SplitMix64 with Python integers (exact mod 2^64 arithmetic)."""

    def __init__(self, seed):
        self.state = seed & U64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & U64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & U64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & U64
        return z ^ (z >> 31)

    def uniform(self):
        """A double in [0, 1) from the top 53 bits."""
        return (self.next() >> 11) * 2.0**-53


def sinusoidal(count, dim):
    pe = np.zeros((count, dim))
    for pos in range(count):
        for c in range(dim):
            i = c // 2
            angle = pos / np.power(10000.0, (2.0 * i) / dim)
            pe[pos, c] = np.sin(angle) if c % 2 == 0 else np.cos(angle)
    return pe


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def attention(X, WQ, WK, WV, *, source=None, WO=None, heads=1, score="dot",
              WA=None, UA=None, vA=None, scale="sqrt", scale_value=1.0,
              temperature=1.0, causal=False, padding=None, span="global",
              window=1, WP=None, vP=None, selection="soft", seed=42,
              positional=False, variant=None):
    """Returns a dict with every intermediate matrix, per head in lists.

    `variant` deliberately breaks the sampling contract, only to show that a
    test tells the contract from a plausible mistake:
    "draw-for-fully-masked" draws a number for fully masked rows too;
    "rows-first" draws row 0 of every head, then row 1, ... (instead of head
    0's rows first).
    """
    X = np.asarray(X, dtype=float)
    n, d_model = X.shape
    pe = sinusoidal(n, d_model) if positional else np.zeros((n, d_model))
    inp = X + pe
    if source is not None:
        Xs = np.asarray(source, dtype=float)
        spe = sinusoidal(Xs.shape[0], Xs.shape[1]) if positional else np.zeros(Xs.shape)
        sinp = Xs + spe
    else:
        Xs, spe, sinp = X, pe, inp
    m = sinp.shape[0]

    Q = inp @ np.asarray(WQ, dtype=float)
    K = sinp @ np.asarray(WK, dtype=float)
    V = sinp @ np.asarray(WV, dtype=float)
    d_k, d_v = Q.shape[1], V.shape[1]
    d_h, d_vh = d_k // heads, d_v // heads

    s = {"sqrt": math.sqrt(d_h), "none": 1.0, "custom": scale_value}[scale]

    # Why each cell is hidden; the first reason in priority order wins.
    reason = np.zeros((n, m), dtype=int)
    aligned = None
    if span == "localm":
        aligned = np.arange(n, dtype=float)
    elif span == "localp":
        WP = np.asarray(WP, dtype=float)
        vP = np.asarray(vP, dtype=float)
        aligned = m * sigmoid(np.tanh(Q @ WP) @ vP)
    for i in range(n):
        for j in range(m):
            if causal and j > i:
                reason[i, j] = MASK_CAUSAL
            elif padding is not None and padding[j]:
                reason[i, j] = MASK_PADDING
            elif aligned is not None and abs(j - aligned[i]) > window:
                reason[i, j] = MASK_OUTSIDE_WINDOW
    hidden = reason != MASK_VISIBLE
    fully = [i for i in range(n) if hidden[i].all()]

    rng = SplitMix64(seed)
    uniforms = {}
    if selection == "sample" and variant == "rows-first":
        for i in range(n):
            for t in range(heads):
                if i not in fully:
                    uniforms[(t, i)] = rng.uniform()
    draws = []  # (head, row, u, margin) for the sampled selection
    out_heads = []
    for t in range(heads):
        Qt = Q[:, t * d_h:(t + 1) * d_h]
        Kt = K[:, t * d_h:(t + 1) * d_h]
        Vt = V[:, t * d_vh:(t + 1) * d_vh]
        if score == "dot":
            S = Qt @ Kt.T
        elif score == "general":
            S = Qt @ np.asarray(WA, dtype=float) @ Kt.T
        elif score == "additive":
            WA_, UA_, vA_ = (np.asarray(a, dtype=float) for a in (WA, UA, vA))
            S = np.zeros((n, m))
            for i in range(n):
                for j in range(m):
                    S[i, j] = vA_ @ np.tanh(Qt[i] @ WA_ + Kt[j] @ UA_)
        scaled = S / (s * temperature)
        masked = np.where(hidden, -np.inf, scaled)
        soft = np.zeros((n, m))
        for i in range(n):
            if i in fully:
                continue
            vis = ~hidden[i]
            row = masked[i, vis]
            e = np.exp(row - row.max())
            soft[i, vis] = e / e.sum()
            if span == "localp":
                sigma = window / 2.0
                g = np.exp(-((np.arange(m) - aligned[i]) ** 2) / (2.0 * sigma**2))
                soft[i, vis] *= g[vis]
        sampled = []
        if selection == "soft":
            W = soft.copy()
        else:
            W = np.zeros((n, m))
            for i in range(n):
                if i in fully:
                    if selection == "sample" and variant == "draw-for-fully-masked":
                        rng.uniform()
                    sampled.append(-1)
                    continue
                if selection == "hard":
                    j = int(np.argmax(soft[i]))  # first index on ties
                else:
                    u = uniforms[(t, i)] if uniforms else rng.uniform()
                    p = soft[i] / soft[i].sum()
                    c = np.cumsum(p)
                    above = np.nonzero(c > u)[0]
                    j = int(above[0]) if len(above) else int(np.nonzero(p > 0)[0][-1])
                    draws.append((t, i, u, float(np.min(np.abs(c - u)))))
                W[i, j] = 1.0
                sampled.append(j)
        out = W @ Vt
        out_heads.append(dict(queries=Qt, keys=Kt, values=Vt, scores=S, scaled=scaled,
                              masked=masked, soft=soft, weights=W, output=out,
                              sampled=sampled))
    concat = np.hstack([h["output"] for h in out_heads])
    output = concat @ np.asarray(WO, dtype=float) if WO is not None else concat
    return dict(pe=pe, input=inp, source_pe=spe, source_input=sinp, Q=Q, K=K, V=V,
                reason=reason, aligned=aligned, fully=fully, heads=out_heads,
                concat=concat, output=output, scale_divisor=s, d_h=d_h, d_vh=d_vh,
                draws=draws)


# ----------------------------------------------------------------------------
# Printing as C++ literals, full double precision.

def lit(x):
    x = float(x)
    if math.isinf(x):
        return "-inf" if x < 0 else "inf"
    r = repr(x)
    if "e" not in r and "." not in r and "inf" not in r:
        r += ".0"
    return r


def cpp_matrix(name, M, indent="    "):
    """`const attn::Matrix name = matrixOf({{...}, ...});` with repr'd cells."""
    M = np.atleast_2d(np.asarray(M, dtype=float))
    rows = [indent + "    {" + ", ".join(lit(v) for v in row) + "}" for row in M]
    return f"{indent}const attn::Matrix {name} = matrixOf({{\n" + ",\n".join(rows) + f"}});"


def cpp_vector(name, v, indent="    "):
    v = np.asarray(v, dtype=float).ravel()
    return f"{indent}const attn::Vector {name} = vectorOf({{" + ", ".join(lit(x) for x in v) + "});"


def cpp_ints(name, v, indent="    "):
    return f"{indent}const std::vector<int> {name} = {{" + ", ".join(str(int(x)) for x in v) + "};"
