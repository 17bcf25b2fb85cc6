#include "stage_text.h"

#include <QCoreApplication>
#include <QLocale>

namespace attn::ui::stage_text {

namespace {

QString number(double value)
{
    return QLocale().toString(value, 'g', 4);
}

/// "n×m" of any matrix (a head's scores are stored row by row).
template <typename Stored> QString shape(const Stored &matrix)
{
    return QStringLiteral("%1×%2").arg(matrix.rows()).arg(matrix.cols());
}

} // namespace

QString title(Stage stage)
{
    switch (stage) {
    case Stage::Embeddings:
        return QCoreApplication::translate("StageText", "Embeddings");
    case Stage::Queries:
        return QCoreApplication::translate("StageText", "Queries");
    case Stage::Keys:
        return QCoreApplication::translate("StageText", "Keys");
    case Stage::Values:
        return QCoreApplication::translate("StageText", "Values");
    case Stage::Scores:
        return QCoreApplication::translate("StageText", "Scores");
    case Stage::Scaled:
        return QCoreApplication::translate("StageText", "Scaled scores");
    case Stage::Masked:
        return QCoreApplication::translate("StageText", "Masked scores");
    case Stage::Weights:
        return QCoreApplication::translate("StageText", "Attention weights");
    case Stage::Output:
        return QCoreApplication::translate("StageText", "Output");
    case Stage::Concat:
        return QCoreApplication::translate("StageText", "Concatenated heads");
    case Stage::Projected:
        return QCoreApplication::translate("StageText", "Output projection");
    }
    return {};
}

QString symbol(Stage stage)
{
    switch (stage) {
    case Stage::Embeddings:
        return QStringLiteral("X");
    case Stage::Queries:
        return QStringLiteral("Q = X·W_Q");
    case Stage::Keys:
        return QStringLiteral("K = X·W_K");
    case Stage::Values:
        return QStringLiteral("V = X·W_V");
    case Stage::Scores:
        return QStringLiteral("Q·Kᵀ");
    case Stage::Scaled:
        return QStringLiteral("÷ √d_k");
    case Stage::Masked:
        return QStringLiteral("mask");
    case Stage::Weights:
        return QStringLiteral("softmax");
    case Stage::Output:
        return QStringLiteral("weights·V");
    case Stage::Concat:
        return QStringLiteral("[head₁ … headₕ]");
    case Stage::Projected:
        return QStringLiteral("concat·W_O");
    }
    return {};
}

QString subtitle(Stage stage, const Scenario &s)
{
    if (stage == Stage::Embeddings && s.positional != PositionalEncoding::None)
        return QStringLiteral("X + PE");
    if (stage != Stage::Scaled)
        return symbol(stage);
    const bool withTemperature = s.temperature != 1.0;
    switch (s.scale) {
    case ScaleMode::SqrtHeadDim:
        return withTemperature ? QStringLiteral("÷ (√d_k · τ)") : symbol(stage);
    case ScaleMode::None:
        return withTemperature
                   ? QCoreApplication::translate("StageText", "÷ τ, not scaled by √d_k")
                   : QCoreApplication::translate("StageText", "not scaled");
    case ScaleMode::Custom:
        return withTemperature
                   ? QCoreApplication::translate("StageText", "÷ (s · τ), s = %1")
                         .arg(number(s.scaleValue))
                   : QCoreApplication::translate("StageText", "÷ s, s = %1")
                         .arg(number(s.scaleValue));
    }
    return symbol(stage);
}

QString noKeyNote(Stage stage, const Scenario &s, const Trace &trace)
{
    if ((stage != Stage::Weights && stage != Stage::Output) || trace.fullyMaskedRows.empty())
        return {};
    // A long list would crowd the card: the first few, then the count.
    constexpr int maxNamed = 5;
    const int count = int(trace.fullyMaskedRows.size());
    QStringList queries;
    for (int index = 0; index < count && index < maxNamed; ++index) {
        const int row = trace.fullyMaskedRows[std::size_t(index)];
        const auto &tokens = s.target.tokens;
        queries << (row >= 0 && row < int(tokens.size())
                        ? QStringLiteral("%1 (%2)").arg(row + 1).arg(
                              QString::fromStdString(tokens[std::size_t(row)]))
                        : QString::number(row + 1));
    }
    if (count > maxNamed) {
        queries << QStringLiteral("…");
        return QCoreApplication::translate(
                   "StageText",
                   "%n queries see no key (%1): their weights and outputs are 0", nullptr, count)
            .arg(queries.join(QStringLiteral(", ")));
    }
    if (count == 1)
        return QCoreApplication::translate("StageText",
                                           "Query %1 sees no key: its weights and output are 0")
            .arg(queries.front());
    return QCoreApplication::translate(
               "StageText", "Queries %1 see no key: their weights and outputs are 0", nullptr,
               count)
        .arg(QCoreApplication::translate("StageText", "%1 and %2", "a list: \"1, 3 and 5\"")
                 .arg(queries.mid(0, count - 1).join(QStringLiteral(", ")), queries.last()));
}

QString key(Stage stage)
{
    switch (stage) {
    case Stage::Embeddings:
        return QStringLiteral("embeddings");
    case Stage::Queries:
        return QStringLiteral("queries");
    case Stage::Keys:
        return QStringLiteral("keys");
    case Stage::Values:
        return QStringLiteral("values");
    case Stage::Scores:
        return QStringLiteral("scores");
    case Stage::Scaled:
        return QStringLiteral("scaled");
    case Stage::Masked:
        return QStringLiteral("masked");
    case Stage::Weights:
        return QStringLiteral("weights");
    case Stage::Output:
        return QStringLiteral("output");
    case Stage::Concat:
        return QStringLiteral("concat");
    case Stage::Projected:
        return QStringLiteral("projected");
    }
    return {};
}

QString formula(Stage stage, const Scenario &s, const Trace &trace)
{
    const QString source = s.isCrossAttention() ? QStringLiteral("X_s") : QStringLiteral("X");
    switch (stage) {
    case Stage::Embeddings:
        if (s.positional == PositionalEncoding::Sinusoidal)
            return QCoreApplication::translate(
                       "StageText",
                       "X = word embeddings + sinusoidal positions, %1 (words × d_model)")
                .arg(shape(trace.input));
        return QCoreApplication::translate("StageText",
                                           "X = one row per word, %1 (words × d_model)")
            .arg(shape(trace.input));
    case Stage::Queries:
        return QCoreApplication::translate(
                   "StageText", "Q = X · W_Q = %1 · %2 = %3: what each word is looking for")
            .arg(shape(trace.input), shape(s.wQ), shape(trace.queries));
    case Stage::Keys:
        return QCoreApplication::translate(
                   "StageText", "K = %1 · W_K = %2: what each word offers to be found by")
            .arg(source, shape(trace.keys));
    case Stage::Values:
        return QCoreApplication::translate(
                   "StageText", "V = %1 · W_V = %2: what each word passes on when attended to")
            .arg(source, shape(trace.values));
    case Stage::Scores:
        switch (s.score) {
        case ScoreFunction::Dot:
            return QCoreApplication::translate(
                       "StageText", "score[i][j] = q_i · k_j, all at once: scores = Q · Kᵀ (%1)")
                .arg(shape(trace.heads.front().storedScores()));
        case ScoreFunction::General:
            return QCoreApplication::translate("StageText",
                                               "score[i][j] = q_i · W_a · k_jᵀ (general score)");
        case ScoreFunction::Additive:
            return QCoreApplication::translate(
                "StageText", "score[i][j] = v_aᵀ · tanh(q_i · W_a + k_j · U_a) (additive score)");
        }
        break;
    case Stage::Scaled: {
        QString divisor;
        switch (s.scale) {
        case ScaleMode::SqrtHeadDim:
            divisor = QCoreApplication::translate("StageText", "√d_k = √%1 = %2")
                          .arg(trace.headDim)
                          .arg(number(trace.scaleDivisor));
            break;
        case ScaleMode::None:
            divisor = QCoreApplication::translate("StageText", "1 (no scaling)");
            break;
        case ScaleMode::Custom:
            divisor = number(trace.scaleDivisor);
            break;
        }
        if (trace.temperature != 1.0)
            return QCoreApplication::translate("StageText",
                                               "scaled = scores ÷ (s · τ), s = %1, τ = %2")
                .arg(divisor, number(trace.temperature));
        return QCoreApplication::translate("StageText", "scaled = scores ÷ %1").arg(divisor);
    }
    case Stage::Masked: {
        QStringList hidden;
        if (s.mask == MaskKind::Causal)
            hidden << QCoreApplication::translate("StageText", "later words (causal)");
        if (!s.padding.empty())
            hidden << QCoreApplication::translate("StageText", "padding");
        if (s.span == SpanKind::LocalM)
            hidden << QCoreApplication::translate("StageText",
                                                  "keys farther than D = %1 from p_t = t (local-m)")
                          .arg(s.window);
        if (s.span == SpanKind::LocalP)
            hidden << QCoreApplication::translate(
                          "StageText", "keys farther than D = %1 from the predicted p_t (local-p)")
                          .arg(s.window);
        if (hidden.isEmpty())
            return QCoreApplication::translate(
                "StageText",
                "masked = scaled: nothing is hidden, every word may look at every word");
        return QCoreApplication::translate("StageText", "masked = scaled with −∞ for %1")
            .arg(hidden.join(QStringLiteral(", ")));
    }
    case Stage::Weights: {
        QString text = QCoreApplication::translate(
            "StageText", "weights = softmax(masked), row by row: exp(x − max) / Σ exp");
        if (s.span == SpanKind::LocalP)
            text +=
                QCoreApplication::translate(
                    "StageText", " × exp(−(s − p_t)² / 2σ²), σ = D/2 = %1: rows need not sum to 1")
                    .arg(number(s.window / 2.0));
        else
            text += QCoreApplication::translate("StageText", "; each row sums to 1");
        if (s.selection == SelectionKind::Hard)
            text +=
                QCoreApplication::translate("StageText", "; hard: 1 at each row's largest weight");
        else if (s.selection == SelectionKind::Sample)
            text += QCoreApplication::translate(
                        "StageText", "; sampled: 1 at a key drawn from the row (seed %1)")
                        .arg(s.seed);
        return text;
    }
    case Stage::Output:
        return QCoreApplication::translate(
                   "StageText",
                   "output = weights · V = %1 · %2 = %3: each row a weighted mix of values")
            .arg(shape(trace.heads.front().storedScores()), shape(trace.heads.front().values),
                 shape(trace.heads.front().output));
    case Stage::Concat:
        return QCoreApplication::translate("StageText",
                                           "concat = [head₁ … head_%1] side by side = %2")
            .arg(trace.headCount())
            .arg(shape(trace.concat));
    case Stage::Projected:
        if (!trace.projected)
            return QCoreApplication::translate("StageText",
                                               "no W_O: the output is the concatenation");
        return QCoreApplication::translate("StageText", "output = concat · W_O = %1 · %2 = %3")
            .arg(shape(trace.concat), shape(*s.wO), shape(trace.output));
    }
    return {};
}

QString rowAxis(Stage stage, const Scenario &scenario)
{
    const bool fromKeys = stage == Stage::Keys || stage == Stage::Values;
    if (fromKeys)
        return scenario.isCrossAttention()
                   ? QCoreApplication::translate("StageText", "source words")
                   : QCoreApplication::translate("StageText", "words (as keys)");
    if (stage == Stage::Embeddings)
        return QCoreApplication::translate("StageText", "words");
    return QCoreApplication::translate("StageText", "queries");
}

QString columnAxis(Stage stage, const Scenario &scenario)
{
    switch (stage) {
    case Stage::Scores:
    case Stage::Scaled:
    case Stage::Masked:
    case Stage::Weights:
        return scenario.isCrossAttention()
                   ? QCoreApplication::translate("StageText", "keys (source words)")
                   : QCoreApplication::translate("StageText", "keys");
    case Stage::Embeddings:
        return QCoreApplication::translate("StageText", "d_model");
    case Stage::Queries:
    case Stage::Keys:
        return QCoreApplication::translate("StageText", "d_k");
    case Stage::Values:
    case Stage::Output:
    case Stage::Concat:
        return QCoreApplication::translate("StageText", "d_v");
    case Stage::Projected:
        return QCoreApplication::translate("StageText", "d_out");
    }
    return {};
}

} // namespace attn::ui::stage_text
