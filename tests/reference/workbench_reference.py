#!/usr/bin/python3
"""Prints the expected numbers of the workbench's tests as C++ literals.

Usage:  /usr/bin/python3 tests/reference/workbench_reference.py [section]
Sections: document, scenario_edit.

tst_document and tst_scenario_edit edit the tutorial's scenario and compare
the document's trace, or the edited scenario, with these numbers. They come
from plain NumPy (attention_reference.py) and a Python SplitMix64, never
from the app. Paste a changed block into the matching tst_*.cpp.
"""

import math
import sys

import numpy as np

from attention_reference import SplitMix64, attention, cpp_matrix, lit

TUTORIAL = dict(
    X=[[1, 0, 0], [0, 1, 0], [1, 1, 0], [0, 0, 1]],
    WQ=[[2, 0, 2], [2, 0, 0], [2, 1, 2]],
    WK=[[2, 2, 2], [0, 2, 1], [0, 1, 1]],
    WV=[[1, 1, 0], [0, 1, 1], [0, 0, 0]],
)


def header(title):
    print(f"\n// ===== {title} =====")


def tutorial_attention(**options):
    t = TUTORIAL
    return attention(t["X"], options.pop("WQ", t["WQ"]), options.pop("WK", t["WK"]),
                     options.pop("WV", t["WV"]), **options)


# --- tst_document -------------------------------------------------------------

def document():
    header("document")
    r = tutorial_attention()
    print(cpp_matrix("tutorialWeights", r["heads"][0]["weights"]))

    # The learner types 3 into W_K[1][0]: K rows 1 and 2 (words [0,1,0] and
    # [1,1,0]) change, so every query's scores for keys 1 and 2 change.
    wk = np.array(TUTORIAL["WK"], dtype=float)
    wk[1, 0] = 3.0
    r = tutorial_attention(WK=wk)
    print("    // W_K[1][0] = 3")
    print(cpp_matrix("editedKeys", r["K"]))
    print(cpp_matrix("editedWeights", r["heads"][0]["weights"]))

    # Only an option changes: temperature 2 halves the scaled scores.
    r = tutorial_attention(temperature=2.0)
    print("    // temperature 2")
    print(cpp_matrix("warmWeights", r["heads"][0]["weights"]))


# --- tst_scenario_edit --------------------------------------------------------

def c_round(x):
    """std::round: halves away from zero (Python's round() goes to even)."""
    return math.copysign(math.floor(abs(x) + 0.5), x)


def draw(rng, distribution):
    if distribution == "integers":
        return float(rng.next() % 3)
    u1 = 1.0 - rng.uniform()
    u2 = rng.uniform()
    normal = math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)
    return c_round(normal * 100.0) / 100.0


def randomised(seed, distribution, shapes):
    """Fills the matrices in order, each row by row, from one SplitMix64."""
    rng = SplitMix64(seed)
    return [np.array([[draw(rng, distribution) for _ in range(cols)] for _ in range(rows)])
            for rows, cols in shapes]


def scenario_edit():
    header("scenario_edit")
    t = TUTORIAL
    dot = tutorial_attention()
    print(cpp_matrix("tutorialWeights", dot["heads"][0]["weights"]))

    # General score with W_a = I: q I kᵀ = q · k, the same weights as dot.
    general = tutorial_attention(score="general", WA=np.eye(3))
    assert np.array_equal(general["heads"][0]["weights"], dot["heads"][0]["weights"])
    print("    // general with W_a = I3 gives the same weights as dot (checked here)")

    # Two heads: d_k and d_v grow from 3 to 4; the new column of W_Q, W_K, W_V
    # is 0 (a 3×4 identity has no diagonal cell in column 3).
    grow = lambda m: np.hstack([np.asarray(m, dtype=float), np.zeros((3, 1))])
    r = tutorial_attention(WQ=grow(t["WQ"]), WK=grow(t["WK"]), WV=grow(t["WV"]), heads=2)
    print("    // two heads, d_k = d_v = 4, d_h = 2, scale sqrt(2)")
    for head in range(2):
        print(cpp_matrix(f"twoHeadWeights{head}", r["heads"][head]["weights"]))
    print(cpp_matrix("twoHeadOutput", r["output"]))

    # Randomise: W_Q, W_K, W_V of the tutorial (3×3 each), in that order.
    shapes = [(3, 3)] * 3
    for seed in (7, 8):
        wq, wk, wv = randomised(seed, "integers", shapes)
        print(f"    // seed {seed}, integers")
        print(cpp_matrix(f"integersWQ{seed}", wq))
        print(cpp_matrix(f"integersWK{seed}", wk))
        print(cpp_matrix(f"integersWV{seed}", wv))
    # With W_O present it is drawn right after W_V.
    wq, wk, wv, wo = randomised(7, "integers", [(3, 3)] * 4)
    print("    // seed 7, integers, with W_O")
    print(cpp_matrix("integersWO7", wo))
    wq, wk, wv = randomised(7, "gaussian", shapes)
    print("    // seed 7, Gaussian rounded to two decimals")
    print(cpp_matrix("gaussianWQ7", wq))
    print(cpp_matrix("gaussianWV7", wv))


SECTIONS = dict(document=document, scenario_edit=scenario_edit)

if __name__ == "__main__":
    for name in sys.argv[1:] or SECTIONS:
        SECTIONS[name]()
