#!/usr/bin/python3
"""Prints the expected numbers of the engine's tests as C++ literals.

Usage:  /usr/bin/python3 tests/reference/engine_reference.py [section]
Sections: tutorial, scores, masking, span, selection, multihead, invariants.

The inputs below are the same literals the tests feed the engine; the
outputs come from attention_reference.py (plain NumPy), never from the
engine. Paste a changed block into the matching tst_*.cpp.
"""

import sys

import numpy as np

from attention_reference import (SplitMix64, attention, cpp_ints, cpp_matrix, cpp_vector,
                                 lit, sinusoidal)

# --- inputs, identical to the tests' literals --------------------------------

TUTORIAL = dict(
    X=[[1, 0, 0], [0, 1, 0], [1, 1, 0], [0, 0, 1]],
    WQ=[[2, 0, 2], [2, 0, 0], [2, 1, 2]],
    WK=[[2, 2, 2], [0, 2, 1], [0, 1, 1]],
    WV=[[1, 1, 0], [0, 1, 1], [0, 0, 0]],
)

# tst_score_functions: target 3 tokens, source 4 tokens, d_model 3, d_k = d_v = 2.
SCORE = dict(
    X=[[0.5, -1.0, 0.25], [1.5, 0.75, -0.5], [-0.25, 0.5, 1.0]],
    XS=[[1.0, 0.2, -0.4], [0.3, -0.7, 0.9], [-1.1, 0.6, 0.5], [0.8, 0.8, -0.2]],
    WQ=[[0.6, -0.3], [0.2, 0.9], [-0.5, 0.4]],
    WK=[[0.7, 0.1], [-0.4, 0.5], [0.3, -0.8]],
    WV=[[1.2, -0.6], [0.4, 0.3], [-0.9, 0.7]],
    WA_GENERAL=[[0.9, -0.2], [0.4, 1.1]],
    WA_ADDITIVE=[[0.5, -0.3, 0.8], [0.2, 0.7, -0.6]],
    UA=[[-0.4, 0.6, 0.1], [0.9, -0.2, 0.3]],
    VA=[1.3, -0.7, 0.5],
)

# tst_masking: 4 tokens, d_model 3, d_k 3, d_v 2; a 3-token source for padding
# in cross-attention.
MASK = dict(
    X=[[0.9, -0.4, 0.2], [0.1, 0.8, -0.6], [-0.7, 0.3, 0.5], [0.4, 0.4, 0.4]],
    XS=[[0.3, -0.2, 0.8], [-0.5, 0.6, 0.1], [0.7, 0.7, -0.3]],
    WQ=[[0.5, -0.2, 0.7], [0.3, 0.9, -0.4], [-0.6, 0.1, 0.8]],
    WK=[[0.2, 0.6, -0.3], [-0.7, 0.4, 0.5], [0.9, -0.1, 0.2]],
    WV=[[1.0, -0.5], [0.25, 0.75], [-0.5, 0.5]],
)

# tst_span: 6 tokens, d_model 4, d_k 4, d_v 2; W_p 4×3, v_p 3.
SPAN = dict(
    X=[[0.6, -0.2, 0.1, 0.9], [-0.4, 0.7, 0.3, -0.1], [0.2, 0.2, -0.8, 0.5],
       [0.9, -0.6, 0.4, 0.0], [-0.3, -0.5, 0.6, 0.7], [0.1, 0.8, -0.2, -0.6]],
    WQ=[[0.5, -0.4, 0.3, 0.8], [0.7, 0.2, -0.6, 0.1], [-0.3, 0.9, 0.4, -0.2], [0.6, -0.1, 0.5, 0.3]],
    WK=[[0.4, 0.3, -0.5, 0.2], [-0.2, 0.8, 0.1, 0.6], [0.9, -0.4, 0.3, -0.7], [0.1, 0.5, 0.6, 0.2]],
    WV=[[1.0, 0.5], [-0.5, 1.5], [0.25, -1.0], [2.0, 0.75]],
    WP=[[1.2, -0.7, 0.4], [-0.9, 1.1, 0.6], [0.8, 0.3, -1.3], [-0.5, 0.9, 1.0]],
    VP=[1.5, -1.2, 0.8],
)

# tst_selection: 5 tokens, d_model 3, d_k 3, d_v 3. Rows 1 and 3 are the same
# word, so keys 1 and 3 tie for every query.
SEL = dict(
    X=[[0.8, 0.1, -0.3], [0.2, 0.9, 0.4], [-0.6, 0.5, 0.7], [0.2, 0.9, 0.4], [0.5, -0.8, 0.6]],
    WQ=[[0.9, -0.3, 0.4], [0.2, 0.8, -0.5], [-0.4, 0.6, 0.7]],
    WK=[[0.7, 0.2, -0.6], [0.3, 0.9, 0.1], [-0.5, 0.4, 0.8]],
    WV=[[1.0, 0.0, 0.5], [0.0, 1.0, -0.5], [0.5, 0.5, 1.0]],
)
SEL_SEEDS = [42, 2024]

# tst_multihead: 4 tokens, d_model 4, d_k 4, d_v 4 (and 6), W_O 4×3.
MH = dict(
    X=[[0.7, -0.3, 0.5, 0.1], [-0.2, 0.9, 0.4, -0.6], [0.3, 0.3, -0.7, 0.8], [0.6, -0.5, 0.2, 0.4]],
    WQ=[[0.8, -0.2, 0.5, 0.3], [0.1, 0.7, -0.4, 0.6], [-0.5, 0.4, 0.9, -0.1], [0.3, -0.6, 0.2, 0.7]],
    WK=[[0.6, 0.4, -0.3, 0.2], [-0.1, 0.5, 0.8, -0.4], [0.7, -0.2, 0.1, 0.9], [0.2, 0.6, -0.5, 0.3]],
    WV=[[1.0, -0.5, 0.25, 0.75], [0.5, 1.5, -1.0, 0.0], [-0.75, 0.25, 1.25, 0.5], [0.0, 1.0, 0.5, -1.5]],
    WV6=[[1.0, -0.5, 0.25, 0.75, 0.4, -0.2], [0.5, 1.5, -1.0, 0.0, 0.3, 0.9],
         [-0.75, 0.25, 1.25, 0.5, -0.6, 0.1], [0.0, 1.0, 0.5, -1.5, 0.8, -0.7]],
    WO=[[0.4, -0.3, 0.9], [0.7, 0.2, -0.5], [-0.6, 0.8, 0.1], [0.3, 0.5, 0.6]],
    WO6=[[0.4, -0.3, 0.9], [0.7, 0.2, -0.5], [-0.6, 0.8, 0.1], [0.3, 0.5, 0.6],
         [0.2, -0.9, 0.4], [-0.1, 0.6, 0.3]],
    WA_GENERAL=[[1.1, -0.4], [0.3, 0.8]],
    WA_ADDITIVE=[[0.6, -0.2, 0.5], [0.4, 0.9, -0.3]],
    UA=[[-0.7, 0.3, 0.2], [0.5, -0.4, 0.8]],
    VA=[0.9, -1.1, 0.6],
)

# tst_invariants: inputs of ±1e300 whose scores overflow.
HUGE = dict(
    X=[[1e300, -1e300, 0.5], [-1e300, 1e300, 1e300], [0.25, 1e300, -1e300], [1e300, 1e300, 1e300]],
    WQ=[[0.5, -0.25, 0.5], [0.25, 0.5, -0.5], [-0.5, 0.25, 0.25]],
    WK=[[0.25, 0.5, -0.25], [-0.5, 0.25, 0.5], [0.5, -0.5, 0.25]],
    WV=[[0.5, 0.25], [-0.25, 0.5], [0.25, -0.5]],
)


def header(title):
    print(f"\n// ===== {title} =====")


def print_heads(prefix, r, fields=("scores", "scaled", "soft", "weights", "output")):
    for t, h in enumerate(r["heads"]):
        for f in fields:
            print(cpp_matrix(f"{prefix}{f.capitalize()}{t}", h[f]))


def tutorial():
    header("tutorial")
    r = attention(TUTORIAL["X"], TUTORIAL["WQ"], TUTORIAL["WK"], TUTORIAL["WV"])
    print("    // scale divisor sqrt(3) =", lit(r["scale_divisor"]))
    print(cpp_matrix("expectedQueries", r["Q"]))
    print(cpp_matrix("expectedKeys", r["K"]))
    print(cpp_matrix("expectedValues", r["V"]))
    h = r["heads"][0]
    print(cpp_matrix("expectedScores", h["scores"]))
    print(cpp_matrix("expectedScaled", h["scaled"]))
    print(cpp_matrix("expectedWeights", h["weights"]))
    print(cpp_matrix("expectedOutput", r["output"]))


def score_cases():
    s = SCORE
    common = dict(X=s["X"], WQ=s["WQ"], WK=s["WK"], WV=s["WV"])
    return [
        ("dot, cross-attention 3x4", dict(source=s["XS"], score="dot")),
        ("general, cross-attention 3x4", dict(source=s["XS"], score="general", WA=s["WA_GENERAL"])),
        ("additive, cross-attention 3x4",
         dict(source=s["XS"], score="additive", WA=s["WA_ADDITIVE"], UA=s["UA"], vA=s["VA"])),
        ("dot, self-attention 3 tokens", dict(score="dot")),
        ("general, self-attention 3 tokens", dict(score="general", WA=s["WA_GENERAL"])),
        ("additive, self-attention 3 tokens",
         dict(score="additive", WA=s["WA_ADDITIVE"], UA=s["UA"], vA=s["VA"])),
        ("dot, no scaling", dict(source=s["XS"], score="dot", scale="none")),
        ("dot, custom scale 2.5, temperature 0.7",
         dict(source=s["XS"], score="dot", scale="custom", scale_value=2.5, temperature=0.7)),
        ("general, temperature 2", dict(source=s["XS"], score="general", WA=s["WA_GENERAL"],
                                         temperature=2.0)),
    ], common


def scores():
    header("score functions")
    cases, common = score_cases()
    for name, opts in cases:
        r = attention(common["X"], common["WQ"], common["WK"], common["WV"], **opts)
        h = r["heads"][0]
        print(f"\n    // {name}: scale divisor {lit(r['scale_divisor'])}")
        print(cpp_matrix("queries", r["Q"]))
        print(cpp_matrix("keys", r["K"]))
        print(cpp_matrix("values", r["V"]))
        print(cpp_matrix("scores", h["scores"]))
        print(cpp_matrix("scaled", h["scaled"]))
        print(cpp_matrix("weights", h["weights"]))
        print(cpp_matrix("output", r["output"]))


def masking():
    header("masking")
    m = MASK
    cases = [
        ("no mask", dict()),
        ("causal mask, 4 tokens", dict(causal=True)),
        ("padding on the last key", dict(padding=[False, False, False, True])),
        ("causal and padding", dict(causal=True, padding=[False, True, False, True])),
        ("causal and padding on key 0 hide row 0", dict(causal=True, padding=[True, False, False, True])),
        ("padding on every key", dict(padding=[True, True, True, True])),
        ("padding on a source key, cross-attention", dict(source=m["XS"], padding=[False, True, False])),
    ]
    for name, opts in cases:
        r = attention(m["X"], m["WQ"], m["WK"], m["WV"], **opts)
        h = r["heads"][0]
        print(f"\n    // {name}: fully masked rows {r['fully']}")
        print("    // reasons", r["reason"].tolist())
        print(cpp_matrix("scaled", h["scaled"]))
        print(cpp_matrix("weights", h["weights"]))
        print(cpp_matrix("output", r["output"]))


def span():
    header("span")
    T = TUTORIAL
    r = attention(T["X"], T["WQ"], T["WK"], T["WV"], selection="hard")
    print("    // hard on the tutorial (row 1 ties keys 0 and 2):", r["heads"][0]["sampled"])
    print(cpp_matrix("tutorialHardOutput", r["output"]))
    r = attention(X, WQ, WK, WV, selection="hard", causal=True,
                  padding=[True, False, False, False, False])
    print("    // hard, causal and padding on key 0:", r["heads"][0]["sampled"])
    print(cpp_matrix("softWeights", r["heads"][0]["soft"]))
    print(cpp_matrix("maskedHardOutput", r["output"]))
    p = SPAN
    cases = [
        ("local-m, D = 0", dict(span="localm", window=0)),
        ("local-m, D = 1", dict(span="localm", window=1)),
        ("local-m, D = 1, causal", dict(span="localm", window=1, causal=True)),
        ("local-p, D = 1", dict(span="localp", window=1, WP=p["WP"], vP=p["VP"])),
        ("local-p, D = 2", dict(span="localp", window=2, WP=p["WP"], vP=p["VP"])),
        ("local-p, D = 2, 2 heads", dict(span="localp", window=2, WP=p["WP"], vP=p["VP"], heads=2)),
    ]
    for name, opts in cases:
        r = attention(p["X"], p["WQ"], p["WK"], p["WV"], **opts)
        print(f"\n    // {name}: scale divisor {lit(r['scale_divisor'])}")
        print("    // reasons", r["reason"].tolist())
        print(cpp_vector("aligned", r["aligned"]))
        for t, h in enumerate(r["heads"]):
            print(cpp_matrix(f"softWeights{t}", h["soft"]))
            print("    // row sums", [lit(x) for x in h["soft"].sum(axis=1)])
        print(cpp_matrix("output", r["output"]))


def selection():
    header("selection")
    s = SEL
    X, WQ, WK, WV = s["X"], s["WQ"], s["WK"], s["WV"]
    r = attention(X, WQ, WK, WV, selection="hard")
    h = r["heads"][0]
    print(cpp_matrix("softWeights", h["soft"]))
    print("    // hard:", h["sampled"])
    print(cpp_matrix("hardOutput", r["output"]))
    r0 = attention(X, np.zeros((3, 3)), WK, WV, selection="hard")
    print("    // hard with W_Q = 0 (all scores 0):", r0["heads"][0]["sampled"])
    print(cpp_matrix("zeroQueryOutput", r0["output"]))
    T = TUTORIAL
    r = attention(T["X"], T["WQ"], T["WK"], T["WV"], selection="hard")
    print("    // hard on the tutorial (row 1 ties keys 0 and 2):", r["heads"][0]["sampled"])
    print(cpp_matrix("tutorialHardOutput", r["output"]))
    r = attention(X, WQ, WK, WV, selection="hard", causal=True,
                  padding=[True, False, False, False, False])
    print("    // hard, causal and padding on key 0:", r["heads"][0]["sampled"])
    print(cpp_matrix("softWeights", r["heads"][0]["soft"]))
    print(cpp_matrix("maskedHardOutput", r["output"]))
    p = SPAN
    cases = [
        ("sample, 1 head", X, WQ, WK, WV, dict()),
        ("sample, 2 heads", MH["X"], MH["WQ"], MH["WK"], MH["WV"], dict(heads=2)),
        ("sample, 2 heads, causal and padding hide row 0", MH["X"], MH["WQ"], MH["WK"], MH["WV"],
         dict(heads=2, causal=True, padding=[True, False, False, False])),
        ("sample, 5 tokens, padding on key 0 and causal", X, WQ, WK, WV,
         dict(causal=True, padding=[True, False, False, False, False])),
        ("sample, local-p D = 2", p["X"], p["WQ"], p["WK"], p["WV"],
         dict(span="localp", window=2, WP=p["WP"], vP=p["VP"])),
    ]
    for name, X_, WQ_, WK_, WV_, opts in cases:
        for seed in SEL_SEEDS:
            r = attention(X_, WQ_, WK_, WV_, selection="sample", seed=seed, **opts)
            keys = [h["sampled"] for h in r["heads"]]
            margin = min(d[3] for d in r["draws"])
            print(f"    // {name}, seed {seed}: keys per head {keys}; "
                  f"closest |cumsum - u| = {margin:.3g}")
            # The same with two plausible mistakes, to show the test tells them apart.
            for variant in ("draw-for-fully-masked", "rows-first"):
                w = attention(X_, WQ_, WK_, WV_, selection="sample", seed=seed, variant=variant,
                              **opts)
                wrong = [h["sampled"] for h in w["heads"]]
                print(f"    //   {variant}: {wrong}{'  (same!)' if wrong == keys else ''}")
            print(cpp_matrix("sampleOutput", r["output"]))
    # The generator against widely published SplitMix64 outputs for seeds 0
    # and 1234567, so the Python generator is itself checked.
    g = SplitMix64(0)
    assert [g.next(), g.next()] == [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4]
    g = SplitMix64(1234567)
    assert [g.next() for _ in range(3)] == [6457827717110365317, 3203168211198807973,
                                            9817491932198370423]
    # The first draws of the generator, for a direct check of SplitMix64.
    for seed in SEL_SEEDS:
        g = SplitMix64(seed)
        print(f"    // splitmix64({seed}) first outputs:",
              ", ".join(f"0x{g.next():016x}" for _ in range(3)))
    # Statistics over seeds 0..1999 for the 1-head case, row 2.
    r = attention(X, WQ, WK, WV)
    print("    // soft row 2:", [lit(x) for x in r["heads"][0]["soft"][2]])


def multihead():
    header("multihead")
    m = MH
    cases = [
        ("2 heads with W_O", m["WV"], dict(heads=2, WO=m["WO"])),
        ("2 heads without W_O", m["WV"], dict(heads=2)),
        ("1 head with W_O", m["WV"], dict(heads=1, WO=m["WO"])),
        ("2 heads, d_v 6", m["WV6"], dict(heads=2, WO=m["WO6"])),
        ("2 heads, general score", m["WV"], dict(heads=2, WO=m["WO"], score="general",
                                                 WA=m["WA_GENERAL"])),
        ("2 heads, additive score", m["WV"], dict(heads=2, WO=m["WO"], score="additive",
                                                  WA=m["WA_ADDITIVE"], UA=m["UA"], vA=m["VA"])),
        ("4 heads, causal", m["WV"], dict(heads=4, causal=True, WO=m["WO"])),
    ]
    for name, WV, opts in cases:
        r = attention(m["X"], m["WQ"], m["WK"], WV, **opts)
        print(f"\n    // {name}: scale divisor {lit(r['scale_divisor'])}, "
              f"d_h {r['d_h']}, d_vh {r['d_vh']}")
        for t, h in enumerate(r["heads"]):
            print(cpp_matrix(f"weights{t}", h["weights"]))
            print(cpp_matrix(f"output{t}", h["output"]))
        print(cpp_matrix("concat", r["concat"]))
        print(cpp_matrix("output", r["output"]))


def invariants():
    header("invariants")
    s = SCORE
    r = attention(s["X"], s["WQ"], s["WK"], s["WV"], source=s["XS"])
    print("    // argmax per row of the dot cross-attention scores:",
          [int(np.argmax(row)) for row in r["heads"][0]["scores"]])
    gaps = []
    for row in r["heads"][0]["scaled"]:
        srt = np.sort(row)[::-1]
        gaps.append(srt[0] - srt[1])
    print("    // smallest gap between best and second best scaled score:", min(gaps))
    # tst_invariants huge(): every product in q·k overflows.
    with np.errstate(over="ignore", invalid="ignore"):
        r = attention(HUGE["X"], HUGE["WQ"], HUGE["WK"], HUGE["WV"])
    print("    // scores of the ±1e300 example:", r["heads"][0]["scores"].tolist())
    for count, dim in [(6, 8), (5, 5), (1, 1), (3, 2)]:
        print(cpp_matrix(f"pe{count}x{dim}", sinusoidal(count, dim)))
    r = attention(s["X"], s["WQ"], s["WK"], s["WV"], source=s["XS"], positional=True)
    print("    // cross-attention with sinusoidal encoding")
    print(cpp_matrix("input", r["input"]))
    print(cpp_matrix("sourceInput", r["source_input"]))
    print(cpp_matrix("queries", r["Q"]))
    print(cpp_matrix("keys", r["K"]))
    print(cpp_matrix("values", r["V"]))
    print(cpp_matrix("weights", r["heads"][0]["weights"]))
    print(cpp_matrix("output", r["output"]))


SECTIONS = dict(tutorial=tutorial, scores=scores, masking=masking, span=span,
                selection=selection, multihead=multihead, invariants=invariants)

if __name__ == "__main__":
    np.set_printoptions(precision=17)
    for name in sys.argv[1:] or SECTIONS:
        SECTIONS[name]()
