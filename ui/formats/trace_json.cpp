#include "trace_json.h"

#include "json_format.h"

#include <QJsonArray>
#include <QStringList>

namespace attn::ui {

namespace {

QJsonArray jsonIntegers(const std::vector<int> &values)
{
    QJsonArray array;
    for (const int value : values)
        array.append(value);
    return array;
}

QJsonObject headToJson(const Trace &trace, int h, bool oneHot)
{
    const HeadTrace &head = trace.heads[std::size_t(h)];
    QJsonObject object{
        {QStringLiteral("scores"), jsonMatrix(trace.scores(h))},
        {QStringLiteral("scaled"), jsonMatrix(trace.scaled(h))},
        {QStringLiteral("masked"), jsonMatrix(trace.masked(h))},
        {QStringLiteral("soft_weights"), jsonMatrix(trace.softWeights(h))},
        {QStringLiteral("weights"), jsonMatrix(trace.weights(h))},
        {QStringLiteral("output"), jsonMatrix(head.output)},
    };
    if (oneHot)
        object[QStringLiteral("selected_keys")] = jsonIntegers(head.sampledKeys);
    return object;
}

} // namespace

QJsonObject traceToJson(const Scenario &scenario, const Trace &trace)
{
    QJsonObject object;
    object[QStringLiteral("tokens")] = jsonStrings(scenario.target.tokens);
    if (scenario.source)
        object[QStringLiteral("source_tokens")] = jsonStrings(scenario.source->tokens);
    if (scenario.positional != PositionalEncoding::None) {
        object[QStringLiteral("positional_encoding")] = jsonMatrix(trace.positionalEncoding);
        if (scenario.source) {
            object[QStringLiteral("source_positional_encoding")] =
                jsonMatrix(trace.sourcePositionalEncoding);
        }
    }
    object[QStringLiteral("q")] = jsonMatrix(trace.queries);
    object[QStringLiteral("k")] = jsonMatrix(trace.keys);
    object[QStringLiteral("v")] = jsonMatrix(trace.values);
    object[QStringLiteral("scale_divisor")] = jsonNumber(trace.scaleDivisor);
    object[QStringLiteral("temperature")] = jsonNumber(trace.temperature);
    if (trace.alignedPositions.size() > 0)
        object[QStringLiteral("aligned_positions")] = jsonVector(trace.alignedPositions);

    const bool oneHot = scenario.selection != SelectionKind::Soft;
    QJsonArray heads;
    for (int h = 0; h < trace.headCount(); ++h)
        heads.append(headToJson(trace, h, oneHot));
    object[QStringLiteral("heads")] = heads;

    object[QStringLiteral("concat")] = jsonMatrix(trace.concat);
    object[QStringLiteral("projected")] = trace.projected;
    object[QStringLiteral("output")] = jsonMatrix(trace.output);
    object[QStringLiteral("rows_sum_to_one")] = trace.rowsSumToOne;
    object[QStringLiteral("fully_masked_rows")] = jsonIntegers(trace.fullyMaskedRows);
    return object;
}

QByteArray traceToJsonText(const Scenario &scenario, const Trace &trace)
{
    // The order of a lesson: inputs, projections, then each stage of each head.
    static const QStringList keyOrder = {
        QStringLiteral("tokens"),
        QStringLiteral("source_tokens"),
        QStringLiteral("positional_encoding"),
        QStringLiteral("source_positional_encoding"),
        QStringLiteral("q"),
        QStringLiteral("k"),
        QStringLiteral("v"),
        QStringLiteral("scale_divisor"),
        QStringLiteral("temperature"),
        QStringLiteral("aligned_positions"),
        QStringLiteral("heads"),
        QStringLiteral("scores"),
        QStringLiteral("scaled"),
        QStringLiteral("masked"),
        QStringLiteral("soft_weights"),
        QStringLiteral("weights"),
        QStringLiteral("selected_keys"),
        QStringLiteral("concat"),
        QStringLiteral("projected"),
        QStringLiteral("output"),
        QStringLiteral("rows_sum_to_one"),
        QStringLiteral("fully_masked_rows"),
    };
    return prettyJson(traceToJson(scenario, trace), keyOrder);
}

} // namespace attn::ui
