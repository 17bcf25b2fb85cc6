#!/usr/bin/python3
"""NumPy reference for the numbers of the shipped lesson (resources/lessons/attention-from-scratch).

For every step it builds the step's scenario (preset or scenario file, then
"options", then "cells"), computes attention the way the README describes it,
and prints what the lesson's text and tests rely on: the predicted key of
every predict step, the value of every by-hand cell, and every try goal's
value at the step's start and after its solution. tst_lesson_content.cpp
holds these numbers as its expected values.

Run:  /usr/bin/python3 tests/reference/lesson_reference.py [path/to/attention-lab]
With the executable, every step's trace from `attention-lab compute` is also
compared with NumPy (tolerance 1e-9), so engine and reference can be told apart.
"""
import json
import math
import os
import subprocess
import sys
import tempfile

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
LESSON = os.path.join(ROOT, "resources", "lessons", "attention-from-scratch")
PRESETS = os.path.join(ROOT, "resources", "presets")


def load_step_scenario(setup, previous):
    if "preset" in setup:
        with open(os.path.join(PRESETS, setup["preset"] + ".json")) as f:
            s = json.load(f)
    elif "scenario" in setup:
        with open(os.path.join(LESSON, setup["scenario"])) as f:
            s = json.load(f)
    else:
        s = json.loads(json.dumps(previous))
    for key, value in setup.get("options", {}).items():
        if key == "span":
            span = dict(s.get("span", {}))
            span.update(value)
            s["span"] = span
        elif key == "selection":
            sel = dict(s.get("selection", {}))
            sel.update(value)
            s["selection"] = sel
        else:
            s[key] = value
    return apply_cells(s, setup.get("cells", []))


def apply_cells(s, cells):
    s = json.loads(json.dumps(s))
    for c in cells:
        m = c["matrix"]
        if m == "x":
            target = s["embeddings"]
        elif m == "x_s":
            target = s["source"]["embeddings"]
        elif m in ("w_p", "v_p"):
            target = s["span"][m]
        else:
            target = s[m]
        if isinstance(target[0], list):
            target[c["row"]][c["col"]] = c["value"]
        else:
            target[c["col"]] = c["value"]
    return s


def softmax_row(row):
    finite = np.isfinite(row)
    out = np.zeros_like(row)
    if not finite.any():
        return out
    e = np.exp(row[finite] - row[finite].max())
    out[finite] = e / e.sum()
    return out


def compute(s):
    """Dot-product attention as the README describes it (the scores the lesson uses)."""
    assert s.get("score", "dot") == "dot", "the lesson uses the dot score only"
    assert s.get("positional", "none") in ("none", "sinusoidal")
    X = np.array(s["embeddings"], float)
    Xs = np.array(s["source"]["embeddings"], float) if s.get("source") else X
    if s.get("positional", "none") == "sinusoidal":
        X = X + pe(len(X), X.shape[1])
        Xs = Xs + pe(len(Xs), Xs.shape[1])
    Q = X @ np.array(s["w_q"], float)
    K = Xs @ np.array(s["w_k"], float)
    V = Xs @ np.array(s["w_v"], float)
    h = s.get("heads", 1)
    dh, dvh = Q.shape[1] // h, V.shape[1] // h
    scale = s.get("scale", "sqrt_dk")
    sdiv = math.sqrt(dh) if scale == "sqrt_dk" else 1.0 if scale == "none" else float(scale)
    tau = s.get("temperature", 1)
    n, m = len(Q), len(K)
    span = s.get("span", {"type": "global"})
    kind, D = span.get("type", "global"), span.get("window", 1)
    if kind == "local-p":
        Wp, vp = np.array(span["w_p"], float), np.array(span["v_p"], float)
        p = m / (1 + np.exp(-(np.tanh(Q @ Wp) @ vp)))
    else:
        p = np.arange(n, dtype=float)
    hidden = np.zeros((n, m), bool)
    if s.get("mask", "none") == "causal":
        hidden |= np.arange(m)[None, :] > np.arange(n)[:, None]
    if s.get("padding"):
        hidden |= np.array(s["padding"])[None, :]
    if kind in ("local-m", "local-p"):
        hidden |= np.abs(np.arange(m)[None, :] - p[:, None]) > D
    heads = []
    for i in range(h):
        q, k, v = Q[:, i * dh:(i + 1) * dh], K[:, i * dh:(i + 1) * dh], V[:, i * dvh:(i + 1) * dvh]
        scores = q @ k.T
        scaled = scores / (sdiv * tau)
        masked = np.where(hidden, -np.inf, scaled)
        w = np.array([softmax_row(r) for r in masked])
        if kind == "local-p":
            sigma = D / 2
            w = w * np.exp(-((np.arange(m)[None, :] - p[:, None]) ** 2) / (2 * sigma ** 2))
        soft = w
        sel = s.get("selection", {}).get("type", "soft")
        if sel == "hard":
            hard = np.zeros_like(w)
            for r in range(n):
                if w[r].any():
                    hard[r, int(np.argmax(w[r]))] = 1
            w = hard
        heads.append({"scores": scores, "scaled": scaled, "masked": masked, "weights": w, "soft": soft,
                      "sampled": sel == "sample",
                      "output": w @ v, "queries": q, "keys": k, "values": v})
    concat = np.hstack([hd["output"] for hd in heads])
    out = concat @ np.array(s["w_o"], float) if s.get("w_o") else concat
    return {"heads": heads, "concat": concat, "projected": out, "q": Q, "k": K, "v": V,
            "p": p, "sdiv": sdiv}


def pe(count, dim):
    P = np.zeros((count, dim))
    for pos in range(count):
        for j in range(dim):
            i2 = j - j % 2
            angle = pos / 10000 ** (i2 / dim)
            P[pos, j] = math.sin(angle) if j % 2 == 0 else math.cos(angle)
    return P


def stage_matrix(t, stage, head):
    if stage in ("concat", "projected"):
        return t[stage]
    return t["heads"][head][stage]


def goal_value(t, goal):
    if goal["kind"] == "all":
        return all(goal_value(t, g) for g in goal["goals"])
    row = stage_matrix(t, goal["stage"], goal.get("head", 0))[goal["row"]]
    if goal["kind"] == "argmax":
        return int(np.argmax(row)) == goal["col"]
    x = row[goal["col"]]
    return {"<": x < goal["value"], "<=": x <= goal["value"],
            ">": x > goal["value"], ">=": x >= goal["value"]}[goal["op"]]


def engine_trace(exe, s):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(s, f)
    try:
        out = subprocess.run([exe, "compute", f.name], capture_output=True, text=True, check=True)
    finally:
        os.unlink(f.name)
    return json.loads(out.stdout)


def num(x):
    return np.array([[float(v) if not isinstance(v, str) else float(v.replace("inf", "inf")) for v in r]
                     for r in x])


def compare_engine(t, e):
    """Largest difference between NumPy and the engine. A sampled draw comes from
    the engine's own generator: NumPy checks the soft weights it is drawn from and
    that every drawn key had a weight above 0."""
    worst = 0.0
    for hd, eh in zip(t["heads"], e["heads"]):
        a, b = hd["soft"], num(eh["soft_weights"])
        worst = max(worst, float(np.max(np.abs(a - b))))
        if hd["sampled"]:
            for r, key in enumerate(eh["selected_keys"]):
                assert key < 0 or hd["soft"][r][key] > 0
            keys = ("scores", "scaled")
        else:
            keys = ("scores", "scaled", "weights", "output")
        for key in keys:
            a, b = hd[key], num(eh[key])
            worst = max(worst, float(np.max(np.abs(a - b))))
        a, b = hd["masked"], num(eh["masked"])
        assert np.array_equal(np.isinf(a), np.isinf(b))
        worst = max(worst, float(np.max(np.abs(np.where(np.isinf(a), 0, a) - np.where(np.isinf(b), 0, b)))))
    if not any(hd["sampled"] for hd in t["heads"]):
        worst = max(worst, float(np.max(np.abs(t["projected"] - np.array(e["output"], float)))))
    return worst


def main():
    exe = sys.argv[1] if len(sys.argv) > 1 else None
    with open(os.path.join(LESSON, "lesson.json")) as f:
        lesson = json.load(f)
    previous = None
    for ch in lesson["chapters"]:
        for step in ch["steps"]:
            s = load_step_scenario(step.get("setup", {}), previous)
            previous = s
            t = compute(s)
            name = "%s/%s" % (ch["id"], step["id"])
            a = step.get("activity", {"type": "read"})
            line = ""
            if a["type"] == "predict" and "choices" not in a:
                row = stage_matrix(t, a["stage"], a.get("head", 0))[a["row"]]
                keys = s["source"]["tokens"] if s.get("source") else s["tokens"]
                line = "predict row %d: %s (col %d) %s" % (a["row"], keys[int(np.argmax(row))],
                                                         int(np.argmax(row)), np.round(row, 4).tolist())
            elif a["type"] == "by-hand":
                v = stage_matrix(t, a["stage"], a.get("head", 0))[a["row"]][a["col"]]
                line = "by-hand %s[%d][%d] = %.15g" % (a["stage"], a["row"], a["col"], v)
            elif a["type"] == "try":
                after = compute(apply_cells(s, a["solution"]))
                g = a["goal"]
                gs = [g] if g["kind"] != "all" else g["goals"]
                vals = []
                for gg in gs:
                    for tt in (t, after):
                        row = stage_matrix(tt, gg["stage"], gg.get("head", 0))[gg["row"]]
                        vals.append(np.round(row, 4).tolist())
                line = "try: at start %s, after solution %s; rows %s" % (
                    goal_value(t, g), goal_value(after, g), vals)
                assert not goal_value(t, g) and goal_value(after, g), name
            if exe:
                worst = compare_engine(t, engine_trace(exe, s))
                assert worst < 1e-9, (name, worst)
                if a["type"] == "try":
                    compare_engine(after, engine_trace(exe, apply_cells(s, a["solution"])))
                line += "  [engine agrees, max |diff| %.1e]" % worst
            print("%-40s %s" % (name, line))



def text_facts():
    """Other numbers the lesson's text quotes, one line each."""
    def scen(setup):
        return load_step_scenario(setup, None)
    tut = compute(scen({"preset": "tutorial"}))
    h = tut["heads"][0]
    r = lambda x, d=3: np.round(np.asarray(x, float), d).tolist()
    print("tutorial Q", r(tut["q"]), "K", r(tut["k"]), "V", r(tut["v"]))
    print("tutorial scores", r(h["scores"]), "sqrt(3)", r(tut["sdiv"], 4))
    print("tutorial scaled row 0", r(h["scaled"][0]), "exp", r(np.exp(h["scaled"][0]), 2),
          "sum", r(np.exp(h["scaled"][0]).sum(), 2))
    print("tutorial weights", r(h["weights"]), "row sums", r(h["weights"].sum(1), 12))
    print("tutorial output", r(h["output"]))
    for tau in (0.2, 5):
        t = compute(scen({"preset": "tutorial", "options": {"temperature": tau}}))
        print("temperature", tau, "scaled row 0", r(t["heads"][0]["scaled"][0]),
              "weights row 0", r(t["heads"][0]["weights"][0]))
    t = compute(scen({"preset": "tutorial", "options": {"scale": "none"}}))
    print("scale none weights row 0", r(t["heads"][0]["weights"][0]))
    t = compute(scen({"preset": "tutorial", "cells": [{"matrix": "w_q", "row": 0, "col": 2, "value": 5}]}))
    print("W_Q[0][2]=5, scaled: scores row 0", r(t["heads"][0]["scores"][0]),
          "weights row 0", r(t["heads"][0]["weights"][0]))
    for sc in ("none", "sqrt_dk"):
        t = compute(scen({"scenario": "wide-keys.json", "options": {"scale": sc}}))
        print("wide-keys", sc, "scores", r(t["heads"][0]["scores"]), "weights", r(t["heads"][0]["weights"]))
    t = compute(scen({"preset": "cross-attention"}))
    print("cross Q", r(t["q"]), "K", r(t["k"]), "scores", r(t["heads"][0]["scores"]),
          "weights", r(t["heads"][0]["weights"]))
    t = compute(scen({"preset": "local-m", "options": {"span": {"type": "global"}}}))
    print("local-m preset, global span: weights rows 0, 4", r(t["heads"][0]["weights"][[0, 4]]))
    t = compute(scen({"preset": "local-m"}))
    print("local-m weights", r(t["heads"][0]["weights"]))
    t = compute(scen({"preset": "local-p"}))
    w = t["heads"][0]["weights"]
    print("local-p p_t", r(t["p"]), "weights", r(w), "row sums", r(w.sum(1)))
    print("local-p Gaussian factors of row 0, keys 3..5",
          r(np.exp(-((np.arange(3, 6) - t["p"][0]) ** 2) / 2)))
    print("e^6", r(math.exp(6), 1), "e^2.309", r(math.exp(4 / math.sqrt(3)), 2),
          "sqrt(2)", r(math.sqrt(2)), "4/sqrt(2)", r(4 / math.sqrt(2), 2))
    t = compute(scen({"preset": "causal"}))
    print("causal masked row 1", r(t["heads"][0]["masked"][1]), "weights", r(t["heads"][0]["weights"]))
    t = compute(scen({"preset": "multi-head"}))
    for i, hd in enumerate(t["heads"]):
        print("multi-head head", i, "scores", r(hd["scores"]), "weights", r(hd["weights"]), "output", r(hd["output"]))
    print("multi-head concat", r(t["concat"]), "projected", r(t["projected"]))
    t = compute(scen({"preset": "tutorial", "cells": [{"matrix": "w_k", "row": 2, "col": 0, "value": 3}]}))
    print("W_K[2][0]=3: K", r(t["k"]), "scores row 1", r(t["heads"][0]["scores"][1]))
    t = compute(scen({"preset": "hard", "cells": [{"matrix": "w_k", "row": 1, "col": 2, "value": -1}]}))
    print("hard, W_K[1][2]=-1: scores row 0", r(t["heads"][0]["scores"][0]), "output row 0", r(t["heads"][0]["output"][0]))
    t = compute(scen({"preset": "hard"}))
    print("hard output", r(t["heads"][0]["output"]))


if __name__ == "__main__":
    main()
    text_facts()
