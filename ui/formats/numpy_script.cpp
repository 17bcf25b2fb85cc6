#include "numpy_script.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace attn::ui {

namespace {

/// The shortest literal Python reads back as the same double.
QString number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString matrix(const Matrix &values, int indent)
{
    if (values.rows() == 0)
        return QStringLiteral("np.zeros((0, %1))").arg(values.cols());
    const QString pad(indent + 4, QLatin1Char(' '));
    QStringList rows;
    for (Eigen::Index row = 0; row < values.rows(); ++row) {
        QStringList cells;
        for (Eigen::Index col = 0; col < values.cols(); ++col)
            cells << number(values(row, col));
        rows << pad + QLatin1Char('[') + cells.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    return QStringLiteral("np.array([\n") + rows.join(QStringLiteral(",\n")) +
           QStringLiteral(",\n") + QString(indent, QLatin1Char(' ')) +
           QStringLiteral("], dtype=float)");
}

QString vector(const Vector &values)
{
    QStringList cells;
    for (Eigen::Index index = 0; index < values.size(); ++index)
        cells << number(values(index));
    return QStringLiteral("np.array([") + cells.join(QStringLiteral(", ")) +
           QStringLiteral("], dtype=float)");
}

/// A JSON list of strings is a Python list literal too.
QString strings(const std::vector<std::string> &tokens)
{
    QJsonArray array;
    for (const std::string &token : tokens)
        array.append(QString::fromStdString(token));
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

/// A docstring line may not close the docstring or end in a backslash.
QString commentSafe(const std::string &text)
{
    QString safe = QString::fromStdString(text);
    safe.replace(QStringLiteral("\\"), QStringLiteral("\\\\"));
    safe.replace(QStringLiteral("\"\"\""), QStringLiteral("\\\"\\\"\\\""));
    return safe;
}

const char *computation = R"PY(

# ---------------------------------------------------------------------------
# The computation, from the formulas of the scenario format.
# ---------------------------------------------------------------------------


def sinusoidal_encoding(count, d_model):
    """PE(pos, 2i) = sin(pos / 10000^(2i/d_model)), PE(pos, 2i+1) = cos(same angle)."""
    pe = np.zeros((count, d_model))
    for pos in range(count):
        for feature in range(d_model):
            i = feature // 2
            angle = pos / 10000 ** (2 * i / d_model)
            pe[pos, feature] = np.sin(angle) if feature % 2 == 0 else np.cos(angle)
    return pe


class SplitMix64:
    """The generator of sampled attention: 64-bit state, one step per draw."""

    MASK = (1 << 64) - 1

    def __init__(self, seed):
        self.state = seed & self.MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & self.MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK
        return z ^ (z >> 31)

    def uniform(self):
        """A number in [0, 1) from the top 53 bits."""
        return (self.next() >> 11) * 2.0 ** -53


def score_matrix(q, k):
    """score[i][j] for every query q_i and key k_j of one head."""
    if score == "dot":
        return q @ k.T
    if score == "general":
        return q @ W_a @ k.T
    # additive (Bahdanau): v_a · tanh(q_i W_a + k_j U_a)
    return np.tanh((q @ W_a)[:, None, :] + (k @ U_a)[None, :, :]) @ v_a


def softmax_visible(row, visible):
    """Softmax over the visible keys; hidden keys get exactly 0."""
    weights = np.zeros_like(row)
    if visible.any():
        shifted = row[visible] - row[visible].max()
        weights[visible] = np.exp(shifted) / np.exp(shifted).sum()
    return weights


def draw_key(row, u):
    """The key whose cumulative share of the row first exceeds u."""
    total = row.sum()
    cumulative = 0.0
    last = -1
    for j, w in enumerate(row):
        if w <= 0:
            continue
        last = j
        cumulative += w / total
        if cumulative > u:
            return j
    return last


n = X.shape[0]
d_model = X.shape[1]
self_attention = X_source is None

PE = sinusoidal_encoding(n, d_model) if positional == "sinusoidal" else None
X_in = X + PE if PE is not None else X
if self_attention:
    PE_source = None
    X_s = X_in
else:
    PE_source = sinusoidal_encoding(X_source.shape[0], d_model) if positional == "sinusoidal" else None
    X_s = X_source + PE_source if PE_source is not None else X_source
m = X_s.shape[0]

Q = X_in @ W_Q
K = X_s @ W_K
V = X_s @ W_V
d_k = Q.shape[1]
d_v = V.shape[1]
d_h = d_k // heads
d_vh = d_v // heads

if scale == "sqrt_dk":
    s = np.sqrt(d_h)
elif scale == "none":
    s = 1.0
else:
    s = float(scale)
divisor = s * temperature

# Which keys each query may not see.
hidden = np.zeros((n, m), dtype=bool)
if mask == "causal":
    hidden |= np.arange(m)[None, :] > np.arange(n)[:, None]
if padding is not None:
    hidden |= np.array(padding, dtype=bool)[None, :]
p = None
if span == "local-m":
    p = np.arange(n, dtype=float)
elif span == "local-p":
    p = m / (1 + np.exp(-(np.tanh(Q @ W_p) @ v_p)))
if p is not None:
    hidden |= np.abs(np.arange(m)[None, :] - p[:, None]) > window
fully_masked = [i for i in range(n) if hidden[i].all()]

generator = SplitMix64(seed)
head_results = []
for h in range(heads):
    Q_h = Q[:, h * d_h:(h + 1) * d_h]
    K_h = K[:, h * d_h:(h + 1) * d_h]
    V_h = V[:, h * d_vh:(h + 1) * d_vh]
    scores = score_matrix(Q_h, K_h)
    scaled = scores / divisor
    masked = np.where(hidden, -np.inf, scaled)
    soft = np.array([softmax_visible(masked[i], ~hidden[i]) for i in range(n)]).reshape(n, m)
    if span == "local-p":
        sigma = window / 2
        soft = soft * np.exp(-(np.arange(m)[None, :] - p[:, None]) ** 2 / (2 * sigma ** 2))
    selected = None
    if selection == "soft":
        weights = soft
    else:
        weights = np.zeros((n, m))
        selected = []
        for i in range(n):
            if i in fully_masked:
                selected.append(-1)
                continue
            if selection == "hard":
                key = int(np.argmax(soft[i]))  # the first on ties
            else:
                key = draw_key(soft[i], generator.uniform())
            selected.append(key)
            if key >= 0:
                weights[i, key] = 1.0
    output = weights @ V_h
    head_results.append(dict(scores=scores, scaled=scaled, masked=masked, soft_weights=soft,
                             weights=weights, output=output, selected_keys=selected))

concat = np.hstack([r["output"] for r in head_results])
attention = concat @ W_O if W_O is not None else concat


# ---------------------------------------------------------------------------
# Printing.
# ---------------------------------------------------------------------------


def as_json(matrix):
    def cell(x):
        if np.isnan(x):
            return "nan"
        if np.isinf(x):
            return "inf" if x > 0 else "-inf"
        return float(x)
    return [[cell(x) for x in row] for row in np.atleast_2d(matrix)]


if "--json" in sys.argv[1:]:
    trace = {"tokens": tokens}
    if not self_attention:
        trace["source_tokens"] = source_tokens
    if PE is not None:
        trace["positional_encoding"] = as_json(PE)
        if PE_source is not None:
            trace["source_positional_encoding"] = as_json(PE_source)
    trace.update(q=as_json(Q), k=as_json(K), v=as_json(V),
                 scale_divisor=float(s), temperature=float(temperature))
    if p is not None:
        trace["aligned_positions"] = [float(x) for x in p]
    trace["heads"] = []
    for r in head_results:
        head = {key: as_json(r[key])
                for key in ("scores", "scaled", "masked", "soft_weights", "weights", "output")}
        if r["selected_keys"] is not None:
            head["selected_keys"] = r["selected_keys"]
        trace["heads"].append(head)
    trace.update(concat=as_json(concat), projected=W_O is not None, output=as_json(attention),
                 rows_sum_to_one=span != "local-p", fully_masked_rows=fully_masked)
    print(json.dumps(trace, indent=1))
else:
    np.set_printoptions(precision=4, suppress=True, linewidth=120)

    def show(name, matrix):
        print(f"{name} =\n{matrix}\n")

    show("X (embeddings" + (" + positions)" if PE is not None else ")"), X_in)
    if not self_attention:
        show("X_s (source)", X_s)
    show("Q = X W_Q", Q)
    show("K = X_s W_K" if not self_attention else "K = X W_K", K)
    show("V = X_s W_V" if not self_attention else "V = X W_V", V)
    print(f"s = {s:.6g}, temperature = {temperature:.6g}\n")
    if p is not None:
        show("p_t (aligned positions)", p)
    for h, r in enumerate(head_results):
        prefix = f"head {h + 1}: " if heads > 1 else ""
        show(prefix + "scores", r["scores"])
        show(prefix + "scaled = scores / (s * temperature)", r["scaled"])
        show(prefix + "masked", r["masked"])
        show(prefix + "weights = softmax(masked)", r["soft_weights"])
        if r["selected_keys"] is not None:
            show(prefix + f"weights after {selection} selection", r["weights"])
        show(prefix + "output = weights V", r["output"])
    if heads > 1:
        show("concat", concat)
    if W_O is not None:
        show("output = concat W_O", attention)
)PY";

} // namespace

QByteArray numpyScript(const Scenario &s)
{
    QString text;
    text += QStringLiteral("#!/usr/bin/env python3\n\"\"\"");
    text += s.title.empty() ? QStringLiteral("Attention, step by step") : commentSafe(s.title);
    text += QStringLiteral("\n\n");
    if (!s.description.empty())
        text += commentSafe(s.description) + QStringLiteral("\n\n");
    text += QStringLiteral(
        "Exported from Attention Lab: this script rebuilds the scenario with NumPy and\n"
        "prints every intermediate matrix, the same numbers the app shows.\n"
        "\n"
        "    python3 attention.py          the matrices, rounded for reading\n"
        "    python3 attention.py --json   every number, with the keys of\n"
        "                                  `attention-lab compute`\n"
        "\"\"\"\n"
        "import json\n"
        "import sys\n"
        "\n"
        "import numpy as np\n"
        "\n"
        "# ---------------------------------------------------------------------------\n"
        "# The scenario: change any number and run again.\n"
        "# ---------------------------------------------------------------------------\n\n");

    text += QStringLiteral("tokens = %1\n").arg(strings(s.target.tokens));
    text += QStringLiteral("X = %1  # embeddings, one row per token\n")
                .arg(matrix(s.target.embeddings, 0));
    if (s.source) {
        text += QStringLiteral("source_tokens = %1\n").arg(strings(s.source->tokens));
        text += QStringLiteral("X_source = %1  # the source sequence (cross-attention)\n")
                    .arg(matrix(s.source->embeddings, 0));
    } else {
        text += QStringLiteral("source_tokens = None\nX_source = None  # self-attention\n");
    }
    text += QStringLiteral("W_Q = %1\n").arg(matrix(s.wQ, 0));
    text += QStringLiteral("W_K = %1\n").arg(matrix(s.wK, 0));
    text += QStringLiteral("W_V = %1\n").arg(matrix(s.wV, 0));
    text += s.wO ? QStringLiteral("W_O = %1\n").arg(matrix(*s.wO, 0))
                 : QStringLiteral("W_O = None  # no output projection\n");
    text += QStringLiteral("heads = %1\n").arg(s.heads);

    const char *scoreName = s.score == ScoreFunction::Dot       ? "dot"
                            : s.score == ScoreFunction::General ? "general"
                                                                : "additive";
    text += QStringLiteral("score = \"%1\"  # dot, general or additive\n")
                .arg(QLatin1String(scoreName));
    text += s.score != ScoreFunction::Dot ? QStringLiteral("W_a = %1\n").arg(matrix(s.wA, 0))
                                          : QStringLiteral("W_a = None\n");
    if (s.score == ScoreFunction::Additive) {
        text += QStringLiteral("U_a = %1\n").arg(matrix(s.uA, 0));
        text += QStringLiteral("v_a = %1\n").arg(vector(s.vA));
    } else {
        text += QStringLiteral("U_a = None\nv_a = None\n");
    }
    switch (s.scale) {
    case ScaleMode::SqrtHeadDim:
        text += QStringLiteral(
            "scale = \"sqrt_dk\"  # divide by sqrt(d_h); or \"none\", or a number\n");
        break;
    case ScaleMode::None:
        text += QStringLiteral("scale = \"none\"  # or \"sqrt_dk\", or a number\n");
        break;
    case ScaleMode::Custom:
        text += QStringLiteral("scale = %1  # the divisor s; or \"sqrt_dk\" or \"none\"\n")
                    .arg(number(s.scaleValue));
        break;
    }
    text += QStringLiteral("temperature = %1\n").arg(number(s.temperature));
    text +=
        QStringLiteral("mask = \"%1\"  # none or causal\n")
            .arg(s.mask == MaskKind::Causal ? QStringLiteral("causal") : QStringLiteral("none"));
    if (s.padding.empty()) {
        text += QStringLiteral("padding = None  # or one True/False per key: True hides it\n");
    } else {
        QStringList flags;
        for (const bool flag : s.padding)
            flags << (flag ? QStringLiteral("True") : QStringLiteral("False"));
        text += QStringLiteral("padding = [%1]  # True hides that key\n")
                    .arg(flags.join(QStringLiteral(", ")));
    }
    const char *spanName = s.span == SpanKind::Global   ? "global"
                           : s.span == SpanKind::LocalM ? "local-m"
                                                        : "local-p";
    text += QStringLiteral("span = \"%1\"  # global, local-m or local-p\n")
                .arg(QLatin1String(spanName));
    text += QStringLiteral("window = %1  # D\n").arg(s.window);
    if (s.span == SpanKind::LocalP) {
        text += QStringLiteral("W_p = %1\n").arg(matrix(s.wP, 0));
        text += QStringLiteral("v_p = %1\n").arg(vector(s.vP));
    } else {
        text += QStringLiteral("W_p = None\nv_p = None\n");
    }
    const char *selectionName = s.selection == SelectionKind::Soft   ? "soft"
                                : s.selection == SelectionKind::Hard ? "hard"
                                                                     : "sample";
    text += QStringLiteral("selection = \"%1\"  # soft, hard or sample\n")
                .arg(QLatin1String(selectionName));
    text += QStringLiteral("seed = %1\n").arg(s.seed);
    text += QStringLiteral("positional = \"%1\"  # none or sinusoidal\n")
                .arg(s.positional == PositionalEncoding::Sinusoidal ? QStringLiteral("sinusoidal")
                                                                    : QStringLiteral("none"));
    text += QLatin1String(computation);
    return text.toUtf8();
}

} // namespace attn::ui
