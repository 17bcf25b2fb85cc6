#!/usr/bin/python3
"""NumPy reference for the numbers of the shipped lesson (resources/lessons/attention-from-scratch).

For every step it builds the step's scenario (preset or scenario file, then
"options", then "cells"), computes attention the way the README describes it,
and prints what the lesson's text and tests rely on: the predicted key of
every predict step, the value of every by-hand cell, and every try goal's
value at the step's start and after its solution; then every other number
the texts quote, each checked (rounded as written) against its formula.
tst_lesson_content.cpp and tst_lesson_numbers.cpp hold these numbers as
their expected values. CTest runs this script (test "lesson_reference").

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
    """Attention as the README describes it: the dot score (Vaswani et al., 2017), the general
    score q W_a kᵀ (Luong et al., 2015) and the additive v_aᵀ tanh(q W_a + k U_a) (Bahdanau et al., 2014)."""
    score = s.get("score", "dot")
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
        if score == "dot":
            scores = q @ k.T
        elif score == "general":
            assert h == 1
            scores = q @ np.array(s["w_a"], float) @ k.T
        else:
            assert score == "additive" and h == 1
            Wa, Ua, va = (np.array(s[key], float) for key in ("w_a", "u_a", "v_a"))
            scores = np.array([[va @ np.tanh(q[a] @ Wa + k[b] @ Ua) for b in range(m)] for a in range(n)])
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



def check(label, computed, quoted, decimals=3):
    """A number the lesson's text quotes, rounded as the text writes it, against NumPy."""
    computed = np.round(np.asarray(computed, float), decimals)
    quoted = np.asarray(quoted, float)
    assert computed.shape == quoted.shape and np.allclose(computed, quoted, atol=0.5 * 10 ** -decimals), \
        (label, computed.tolist(), quoted.tolist())
    print("%-58s %s" % (label, computed.tolist()))


def text_facts():
    """Numbers the lesson's text quotes beyond the activities, each checked here from
    the formulas; tst_lesson_numbers.cpp holds the same values against the engine."""
    def scen(setup):
        return load_step_scenario(setup, None)
    tut = compute(scen({"preset": "tutorial"}))
    h = tut["heads"][0]
    Q, K, V = tut["q"], tut["k"], tut["v"]
    check("tutorial Q", Q, [[2, 0, 2], [2, 0, 0], [4, 0, 2], [2, 1, 2]], 0)
    check("tutorial K", K, [[2, 2, 2], [0, 2, 1], [2, 4, 3], [0, 1, 1]], 0)
    check("tutorial V", V, [[1, 1, 0], [0, 1, 1], [1, 2, 1], [0, 0, 0]], 0)
    check("tutorial scores", h["scores"], [[8, 2, 10, 2], [4, 0, 4, 0], [12, 2, 14, 2], [10, 4, 14, 3]], 0)
    # q·k = |q||k| cos θ (dot-product, length-or-direction)
    norm = np.linalg.norm
    check("|q1|, |k1|, |k3|", [norm(Q[0]), norm(K[0]), norm(K[2])], [2.83, 3.46, 5.39], 2)
    check("cos(q1, k1), cos(q1, k3)", [Q[0] @ K[0] / norm(Q[0]) / norm(K[0]),
                                       Q[0] @ K[2] / norm(Q[0]) / norm(K[2])], [0.82, 0.66], 2)
    check("sqrt(3)", math.sqrt(3), 1.732)
    check("scaled row 1", h["scaled"][0], [4.619, 1.155, 5.774, 1.155])
    check("e^4.619, e^5.774", np.exp(h["scaled"][0])[[0, 2]], [101.4, 321.7], 1)
    check("e^1.155", np.exp(h["scaled"][0])[1], 3.17, 2)
    check("sum of exp row 1", np.exp(h["scaled"][0]).sum(), 429.4, 1)
    check("weights row 1", h["weights"][0], [0.236, 0.007, 0.749, 0.007])
    check("scaled row 4", h["scaled"][3], [5.774, 2.309, 8.083, 1.732])
    e4 = np.exp(h["scaled"][3])
    check("e^5.774", e4[0], 321.7, 1)
    check("e^8.083, sum (whole)", [e4[2], e4.sum()], [3239, 3576], 0)
    check("e^2.309, e^1.732", [e4[1], e4[3]], [10.07, 5.65], 2)
    check("weights row 4", h["weights"][3], [0.090, 0.003, 0.906, 0.002])
    check("output row 4", h["output"][3], [0.996, 1.904, 0.908])
    check("output row 1", h["output"][0], [0.985, 1.742, 0.757])
    # Vaswani et al. 2017, footnote 4: q·k of independent mean-0 variance-1 numbers has variance d_k.
    rng = np.random.default_rng(0)
    for dk, quoted in ((3, 1.7), (64, 8.0)):
        q, k = rng.standard_normal((100000, dk)), rng.standard_normal((100000, dk))
        check("std of q·k, 100 000 random pairs, d_k = %d" % dk, (q * k).sum(1).std(), quoted, 1)
    for tau, row in ((0.2, [0.003, 0.000, 0.997, 0.000]), (5, [0.307, 0.153, 0.386, 0.153])):
        t = compute(scen({"preset": "tutorial", "options": {"temperature": tau}}))
        check("temperature %g weights row 1" % tau, t["heads"][0]["weights"][0], row)
    t = compute(scen({"preset": "tutorial", "options": {"temperature": 5}}))
    check("temperature 5 scaled row 1", t["heads"][0]["scaled"][0], [0.924, 0.231, 1.155, 0.231])
    t = compute(scen({"preset": "tutorial", "options": {"scale": "none"}}))
    check("unscaled weights row 1", t["heads"][0]["weights"][0], [0.119, 0.000, 0.880, 0.000])
    for sc, row in (("none", [0.007, 0.000, 0.993, 0.000]), ("sqrt_dk", [0.053, 0.000, 0.947, 0.000])):
        t = compute(scen({"preset": "tutorial", "options": {"scale": sc},
                          "cells": [{"matrix": "w_q", "row": 0, "col": 2, "value": 5}]}))
        check("W_Q[1][3] = 5, scale %s, weights row 1" % sc, t["heads"][0]["weights"][0], row)
        check("W_Q[1][3] = 5 scores row 1", t["heads"][0]["scores"][0], [14, 5, 19, 5], 0)
    t = compute(scen({"scenario": "wide-keys.json", "options": {"scale": "none"}}))
    check("wide keys scores row 1", t["heads"][0]["scores"][0], [0, 0, 6, -4], 0)
    check("wide keys unscaled weights row 1", t["heads"][0]["weights"][0], [0.002, 0.002, 0.995, 0.000])
    check("e^6", math.exp(6), 403, 0)
    t = compute(scen({"scenario": "wide-keys.json"}))
    check("wide keys scaled row 1", t["heads"][0]["scaled"][0], [0, 0, 1.5, -1], 1)
    check("wide keys weights row 1", t["heads"][0]["weights"][0], [0.146, 0.146, 0.654, 0.054])
    t = compute(scen({"preset": "tutorial", "cells": [{"matrix": "w_v", "row": 1, "col": 2, "value": 2}]}))
    check("W_V[2][3] = 2 output row 1", t["heads"][0]["output"][0], [0.985, 1.742, 1.513])
    t = compute(scen({"preset": "tutorial", "cells": [{"matrix": "w_k", "row": 2, "col": 0, "value": 3}]}))
    check("W_K[3][1] = 3 scores row 2", t["heads"][0]["scores"][1], [4, 0, 4, 6], 0)
    t = compute(scen({"preset": "cross-attention"}))
    check("cross scores row 3", t["heads"][0]["scores"][2], [0, 4, 2], 0)
    check("cross weights", t["heads"][0]["weights"], [[0.707, 0.070, 0.223], [0.083, 0.083, 0.834],
                                                     [0.070, 0.707, 0.223]])
    # Luong et al. 2015: general score; Bahdanau et al. 2014: additive score.
    t = compute(scen({"preset": "general"}))
    check("general scores row 1", t["heads"][0]["scores"][0], [6, 1, 7, 1], 0)
    a = scen({"preset": "additive", "options": {"scale": "none"}})
    t = compute(a)
    Wa, Ua = np.array(a["w_a"], float), np.array(a["u_a"], float)
    check("q1 W_a, k2 U_a", [t["q"][0] @ Wa, t["k"][1] @ Ua], [[1, -1], [1, 0]], 0)
    check("tanh(2), tanh(-1)", np.tanh([2, -1]), [0.964, -0.762])
    check("additive scores row 1", t["heads"][0]["scores"][0], [3.046, 0.405, 3.451, 0])
    check("additive weights row 1, unscaled", t["heads"][0]["weights"][0], [0.382, 0.027, 0.573, 0.018])
    t = compute(scen({"preset": "causal"}))
    check("causal masked row 2", np.where(np.isinf(t["heads"][0]["masked"][1]), -99, t["heads"][0]["masked"][1]),
          [2.309, 0, -99, -99])
    check("causal weights rows 1, 2", t["heads"][0]["weights"][:2], [[1, 0, 0, 0], [0.910, 0.090, 0, 0]])
    check("e^2.309", math.exp(4 / math.sqrt(3)), 10.07, 2)
    pad = compute(scen({"preset": "padding"}))
    check("padding masked row 2", np.where(np.isinf(pad["heads"][0]["masked"][1]), -99, pad["heads"][0]["masked"][1]),
          [2.309, 0, 0, -99, -99])
    check("padding weights row 2", pad["heads"][0]["weights"][1], [0.834, 0.083, 0.083, 0, 0])
    check("padding <pad> rows", pad["heads"][0]["weights"][3:], [[0.333, 0.333, 0.333, 0, 0]] * 2)
    nomask = compute(dict(scen({"preset": "padding"}), padding=[]))
    check("padding off, row 2", nomask["heads"][0]["weights"][1], [0.716, 0.071, 0.071, 0.071, 0.071])
    t = compute(scen({"preset": "local-m", "options": {"span": {"type": "global"}}}))
    check("global, rows 1 and 5", t["heads"][0]["weights"][[0, 4]], [[0.041, 0.417, 0.041, 0.041, 0.041, 0.417]] * 2)
    t = compute(scen({"preset": "local-m"}))
    check("local-m scores row 5", t["heads"][0]["scores"][4], [0, 4, 0, 0, 0, 4], 0)
    check("local-m weights rows 1, 5", t["heads"][0]["weights"][[0, 4]],
          [[0.090, 0.910, 0, 0, 0, 0], [0, 0, 0, 0.083, 0.083, 0.834]])
    t = compute(scen({"preset": "local-p"}))
    check("local-p p_t of both \"the\"", t["p"][[0, 4]], [4.34, 4.34], 2)
    check("local-p Gaussian factors, keys 4..6", np.exp(-((np.arange(3, 6) - t["p"][0]) ** 2) / 2), [0.406, 0.943, 0.806])
    check("local-p weights row 1", t["heads"][0]["weights"][0], [0, 0, 0, 0.034, 0.078, 0.673])
    check("local-p row 1 sum", t["heads"][0]["weights"][0].sum(), 0.784)
    t = compute(scen({"preset": "hard"}))
    check("hard scaled row 1", t["heads"][0]["scaled"][0], [4.619, 1.155, 5.774, 1.155])
    check("hard weights rows 1, 2", t["heads"][0]["weights"][:2], [[0, 0, 1, 0], [1, 0, 0, 0]], 0)
    check("hard outputs rows 1, 2", t["heads"][0]["output"][:2], [[1, 2, 1], [1, 1, 0]], 0)
    check("soft weights row 2", t["heads"][0]["soft"][1], [0.455, 0.045, 0.455, 0.045])
    t = compute(scen({"preset": "hard", "cells": [{"matrix": "w_k", "row": 1, "col": 2, "value": -1}]}))
    check("hard, W_K[2][3] = -1: scores row 1", t["heads"][0]["scores"][0], [8, -2, 6, 2], 0)
    check("hard, W_K[2][3] = -1: output row 1", t["heads"][0]["output"][0], [1, 1, 0], 0)
    t = compute(scen({"preset": "multi-head"}))
    h1, h2 = t["heads"]
    check("head 1 scores row 2", h1["scores"][1], [0, 0, 4, 0], 0)
    check("sqrt(2), 4/sqrt(2)", [math.sqrt(2), 4 / math.sqrt(2)], [1.414, 2.828])
    check("head 1 weights rows 2, 3", h1["weights"][1:3], [[0.050, 0.050, 0.849, 0.050], [0.028, 0.472, 0.028, 0.472]])
    check("head 2 weights rows 1, 2, 3", h2["weights"][:3], [[0.849, 0.050, 0.050, 0.050],
                                                              [0.028, 0.472, 0.028, 0.472], [0.25, 0.25, 0.25, 0.25]])
    check("concat row 2", t["concat"][1], [0.100, 0.849, 0.944, 0.028])
    t = compute(scen({"preset": "image-patches"}))
    check("patch weights rows 1, 2", t["heads"][0]["weights"][:2], [[0.25] * 4, [0.134, 0.366, 0.366, 0.134]])
    rv = compute(scen({"preset": "tutorial", "cells": [{"matrix": "w_q", "row": 1, "col": 1, "value": 1}]}))
    r = rv["heads"][0]
    check("review q2", rv["q"][1], [2, 1, 0], 0)
    check("review scores row 2", r["scores"][1], [6, 2, 8, 1], 0)
    check("review scaled row 2", r["scaled"][1], [3.464, 1.155, 4.619, 0.577])
    check("review exp of scaled row 2", np.exp(r["scaled"][1]), [31.95, 3.17, 101.37, 1.78], 2)
    check("review sum of exp", np.exp(r["scaled"][1]).sum(), 138.3, 1)
    check("review weights row 2", r["weights"][1], [0.231, 0.023, 0.733, 0.013])
    check("review output row 2", r["output"][1], [0.964, 1.720, 0.756])


if __name__ == "__main__":
    main()
    text_facts()
