#!/usr/bin/python3
"""Prints the expected numbers of tst_main_window as C++ literals.

Usage:  /usr/bin/python3 tests/reference/window_reference.py [section]
Sections: tutorial, edits, causal, presets, multihead, explanation.

The window test drives the workbench as a learner does (typing into W_K,
scrubbing W_Q, choosing the causal mask, loading presets) and reads the
heatmaps. Their expected numbers come from plain NumPy
(attention_reference.py) and from the preset files as they ship
(resources/presets/*.json, read here with the json module), never from the
app. Paste a changed block into tests/tst_main_window.cpp.
"""

import json
import math
import pathlib
import sys

import numpy as np

from attention_reference import attention, cpp_matrix

TUTORIAL = dict(
    X=[[1, 0, 0], [0, 1, 0], [1, 1, 0], [0, 0, 1]],
    WQ=[[2, 0, 2], [2, 0, 0], [2, 1, 2]],
    WK=[[2, 2, 2], [0, 2, 1], [0, 1, 1]],
    WV=[[1, 1, 0], [0, 1, 1], [0, 0, 0]],
)

PRESETS = pathlib.Path(__file__).resolve().parents[2] / "resources" / "presets"


def header(title):
    print(f"\n// ===== {title} =====")


def tutorial_attention(**options):
    t = TUTORIAL
    return attention(t["X"], options.pop("WQ", t["WQ"]), options.pop("WK", t["WK"]),
                     options.pop("WV", t["WV"]), **options)


def tutorial():
    """Every stage of the tutorial as the window opens on it."""
    header("tutorial: every stage")
    r = tutorial_attention()
    head = r["heads"][0]
    print(cpp_matrix("tutorialEmbeddings", r["input"]))
    print(cpp_matrix("tutorialQueries", r["Q"]))
    print(cpp_matrix("tutorialKeys", r["K"]))
    print(cpp_matrix("tutorialValues", r["V"]))
    print(cpp_matrix("tutorialScores", head["scores"]))
    print(cpp_matrix("tutorialScaled", head["scaled"]))
    # Nothing is masked: the masked stage is the scaled one.
    assert np.array_equal(head["masked"], head["scaled"])
    print(cpp_matrix("tutorialWeights", head["weights"]))
    print(cpp_matrix("tutorialOutput", head["output"]))


def edits():
    header("edits through the editors")
    # Typed: W_K[1][0] = 3 (was 0). K rows 1 and 2 change, so every row of
    # the weights changes.
    wk = np.array(TUTORIAL["WK"], dtype=float)
    wk[1, 0] = 3.0
    r = tutorial_attention(WK=wk)
    print("    // W_K[1][0] = 3, typed")
    print(cpp_matrix("typedWeights", r["heads"][0]["weights"]))

    # Scrubbed: W_Q[0][0] dragged 30 px right, 6 px per step of 0.1: 2 -> 2.5.
    # Q rows 0 and 2 (words [1,0,0] and [1,1,0]) change.
    wq = np.array(TUTORIAL["WQ"], dtype=float)
    wq[0, 0] = 2.0 + (30 // 6) * 0.1
    assert wq[0, 0] == 2.5
    r = tutorial_attention(WQ=wq)
    print("    // W_Q[0][0] = 2.5, scrubbed 30 px right")
    print(cpp_matrix("scrubbedScores", r["heads"][0]["scores"]))
    print(cpp_matrix("scrubbedWeights", r["heads"][0]["weights"]))


def causal():
    header("causal mask")
    r = tutorial_attention(causal=True)
    head = r["heads"][0]
    print(cpp_matrix("causalWeights", head["weights"]))
    # Row 0 sees only itself: weight 1. Every cell above the diagonal is 0.
    assert head["weights"][0, 0] == 1.0
    assert all(head["weights"][i, j] == 0.0 for i in range(4) for j in range(4) if j > i)


def presets():
    """Token counts as the preset files hold them: queries, keys, and the
    number of stages (nine, plus concat with several heads, plus the
    projection with W_O)."""
    header("presets: words of the target and of the keys' sequence, stages")
    for path in sorted(PRESETS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        queries = len(data["tokens"])
        source = data.get("source")
        keys = len(source["tokens"]) if source else queries
        stages = 9 + (data.get("heads", 1) > 1) + ("w_o" in data)
        print(f'    QTest::newRow("{path.stem}") << QStringLiteral("{path.stem}") << {queries} '
              f"<< {keys} << {stages};")
    data = json.loads((PRESETS / "cross-attention.json").read_text(encoding="utf-8"))
    words = lambda tokens: ", ".join(f'"{w}"' for w in tokens)
    print(f"    // cross-attention: queries {words(data['tokens'])}; "
          f"keys {words(data['source']['tokens'])}")


def multihead():
    """The multi-head preset as it ships: two heads, concatenated, W_O."""
    header("multi-head preset")
    data = json.loads((PRESETS / "multi-head.json").read_text(encoding="utf-8"))
    assert set(data) <= {"format", "version", "title", "description", "tokens", "embeddings",
                         "w_q", "w_k", "w_v", "w_o", "heads"}, "options this script ignores"
    r = attention(data["embeddings"], data["w_q"], data["w_k"], data["w_v"], WO=data["w_o"],
                  heads=data["heads"])
    for head in range(data["heads"]):
        print(cpp_matrix(f"multiHeadWeights{head}", r["heads"][head]["weights"]))
    print(cpp_matrix("multiHeadConcat", r["concat"]))
    print(cpp_matrix("multiHeadProjected", r["output"]))


def explanation():
    header("explanation of score[0][2]")
    r = tutorial_attention()
    q0, k2 = r["Q"][0], r["K"][2]
    terms = " + ".join(f"{a:g}·{b:g}" for a, b in zip(q0, k2))
    total = float(q0 @ k2)
    assert total == r["heads"][0]["scores"][0, 2]
    print(f'    // "score[0][2] = q0·k2 = {terms} = {total:g}"')


SECTIONS = dict(tutorial=tutorial, edits=edits, causal=causal, presets=presets,
                multihead=multihead, explanation=explanation)

if __name__ == "__main__":
    for name in sys.argv[1:] or SECTIONS:
        SECTIONS[name]()
