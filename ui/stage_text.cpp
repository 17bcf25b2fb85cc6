#include "stage_text.h"

#include <QCoreApplication>
#include <QLocale>

namespace attn::ui::stage_text {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("StageText", text); }

QString number(double value) { return QLocale().toString(value, 'g', 4); }

QString shape(const Matrix &matrix)
{
    return QStringLiteral("%1×%2").arg(matrix.rows()).arg(matrix.cols());
}

} // namespace

QString title(Stage stage)
{
    switch (stage) {
    case Stage::Embeddings: return tr("Embeddings");
    case Stage::Queries: return tr("Queries");
    case Stage::Keys: return tr("Keys");
    case Stage::Values: return tr("Values");
    case Stage::Scores: return tr("Scores");
    case Stage::Scaled: return tr("Scaled scores");
    case Stage::Masked: return tr("Masked scores");
    case Stage::Weights: return tr("Attention weights");
    case Stage::Output: return tr("Output");
    case Stage::Concat: return tr("Concatenated heads");
    case Stage::Projected: return tr("Output projection");
    }
    return {};
}

QString symbol(Stage stage)
{
    switch (stage) {
    case Stage::Embeddings: return QStringLiteral("X");
    case Stage::Queries: return QStringLiteral("Q = X·W_Q");
    case Stage::Keys: return QStringLiteral("K = X·W_K");
    case Stage::Values: return QStringLiteral("V = X·W_V");
    case Stage::Scores: return QStringLiteral("Q·Kᵀ");
    case Stage::Scaled: return QStringLiteral("÷ √d_k");
    case Stage::Masked: return QStringLiteral("mask");
    case Stage::Weights: return QStringLiteral("softmax");
    case Stage::Output: return QStringLiteral("weights·V");
    case Stage::Concat: return QStringLiteral("[head₁ … headₕ]");
    case Stage::Projected: return QStringLiteral("concat·W_O");
    }
    return {};
}

QString key(Stage stage)
{
    switch (stage) {
    case Stage::Embeddings: return QStringLiteral("embeddings");
    case Stage::Queries: return QStringLiteral("queries");
    case Stage::Keys: return QStringLiteral("keys");
    case Stage::Values: return QStringLiteral("values");
    case Stage::Scores: return QStringLiteral("scores");
    case Stage::Scaled: return QStringLiteral("scaled");
    case Stage::Masked: return QStringLiteral("masked");
    case Stage::Weights: return QStringLiteral("weights");
    case Stage::Output: return QStringLiteral("output");
    case Stage::Concat: return QStringLiteral("concat");
    case Stage::Projected: return QStringLiteral("projected");
    }
    return {};
}

QString formula(Stage stage, const Scenario &s, const Trace &trace)
{
    const QString source = s.isCrossAttention() ? QStringLiteral("X_s") : QStringLiteral("X");
    switch (stage) {
    case Stage::Embeddings:
        if (s.positional == PositionalEncoding::Sinusoidal)
            return tr("X = word embeddings + sinusoidal positions, %1 (words × d_model)")
                .arg(shape(trace.input));
        return tr("X = one row per word, %1 (words × d_model)").arg(shape(trace.input));
    case Stage::Queries:
        return tr("Q = X · W_Q = %1 · %2 = %3: what each word is looking for")
            .arg(shape(trace.input), shape(s.wQ), shape(trace.queries));
    case Stage::Keys:
        return tr("K = %1 · W_K = %2: what each word offers to be found by")
            .arg(source, shape(trace.keys));
    case Stage::Values:
        return tr("V = %1 · W_V = %2: what each word passes on when attended to")
            .arg(source, shape(trace.values));
    case Stage::Scores:
        switch (s.score) {
        case ScoreFunction::Dot:
            return tr("score[i][j] = q_i · k_j, all at once: scores = Q · Kᵀ (%1)")
                .arg(shape(trace.heads.front().scores));
        case ScoreFunction::General:
            return tr("score[i][j] = q_i · W_a · k_jᵀ (general score)");
        case ScoreFunction::Additive:
            return tr("score[i][j] = v_aᵀ · tanh(q_i · W_a + k_j · U_a) (additive score)");
        }
        break;
    case Stage::Scaled: {
        QString divisor;
        switch (s.scale) {
        case ScaleMode::SqrtHeadDim:
            divisor = tr("√d_k = √%1 = %2").arg(trace.headDim).arg(number(trace.scaleDivisor));
            break;
        case ScaleMode::None: divisor = tr("1 (no scaling)"); break;
        case ScaleMode::Custom: divisor = number(trace.scaleDivisor); break;
        }
        if (trace.temperature != 1.0)
            return tr("scaled = scores ÷ (s · τ), s = %1, τ = %2").arg(divisor, number(trace.temperature));
        return tr("scaled = scores ÷ %1").arg(divisor);
    }
    case Stage::Masked: {
        QStringList hidden;
        if (s.mask == MaskKind::Causal)
            hidden << tr("later words (causal)");
        if (!s.padding.empty())
            hidden << tr("padding");
        if (s.span == SpanKind::LocalM)
            hidden << tr("keys farther than D = %1 from p_t = t (local-m)").arg(s.window);
        if (s.span == SpanKind::LocalP)
            hidden << tr("keys farther than D = %1 from the predicted p_t (local-p)").arg(s.window);
        if (hidden.isEmpty())
            return tr("masked = scaled: nothing is hidden, every word may look at every word");
        return tr("masked = scaled with −∞ for %1").arg(hidden.join(QStringLiteral(", ")));
    }
    case Stage::Weights: {
        QString text = tr("weights = softmax(masked), row by row: exp(x − max) / Σ exp");
        if (s.span == SpanKind::LocalP)
            text += tr(" × exp(−(s − p_t)² / 2σ²), σ = D/2 = %1: rows need not sum to 1")
                        .arg(number(s.window / 2.0));
        else
            text += tr("; each row sums to 1");
        if (s.selection == SelectionKind::Hard)
            text += tr("; hard: 1 at each row's largest weight");
        else if (s.selection == SelectionKind::Sample)
            text += tr("; sampled: 1 at a key drawn from the row (seed %1)").arg(s.seed);
        return text;
    }
    case Stage::Output:
        return tr("output = weights · V = %1 · %2 = %3: each row a weighted mix of values")
            .arg(shape(trace.heads.front().weights), shape(trace.heads.front().values),
                 shape(trace.heads.front().output));
    case Stage::Concat:
        return tr("concat = [head₁ … head_%1] side by side = %2")
            .arg(trace.headCount())
            .arg(shape(trace.concat));
    case Stage::Projected:
        if (!trace.projected)
            return tr("no W_O: the output is the concatenation");
        return tr("output = concat · W_O = %1 · %2 = %3")
            .arg(shape(trace.concat), shape(*s.wO), shape(trace.output));
    }
    return {};
}

QString rowAxis(Stage stage, const Scenario &scenario)
{
    const bool fromKeys = stage == Stage::Keys || stage == Stage::Values;
    if (fromKeys)
        return scenario.isCrossAttention() ? tr("source words") : tr("words (as keys)");
    if (stage == Stage::Embeddings)
        return tr("words");
    return tr("queries");
}

QString columnAxis(Stage stage, const Scenario &scenario)
{
    switch (stage) {
    case Stage::Scores:
    case Stage::Scaled:
    case Stage::Masked:
    case Stage::Weights:
        return scenario.isCrossAttention() ? tr("keys (source words)") : tr("keys");
    case Stage::Embeddings: return tr("d_model");
    case Stage::Queries:
    case Stage::Keys: return tr("d_k");
    case Stage::Values:
    case Stage::Output:
    case Stage::Concat: return tr("d_v");
    case Stage::Projected: return tr("d_out");
    }
    return {};
}

} // namespace attn::ui::stage_text
