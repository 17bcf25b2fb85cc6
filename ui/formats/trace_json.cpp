#include "trace_json.h"

#include "json_format.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QStringList>
#include <cmath>

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

/// The text of prettyJson(), written as it goes: numbers in their shortest
/// exact form, a list of scalars on one line, members two spaces deeper.
class JsonStream
{
public:
    explicit JsonStream(const JsonSink &sink) : m_sink(sink) { m_buffer.reserve(flushSize + 4096); }

    bool ok() const { return m_ok; }

    void beginObject()
    {
        m_buffer += '{';
        m_first.push_back(true);
    }
    void endObject()
    {
        m_first.pop_back();
        newline(depth());
        m_buffer += '}';
    }
    /// `"key": ` on a new line inside the current object.
    void key(const char *name)
    {
        if (!m_first.back())
            m_buffer += ',';
        m_first.back() = false;
        newline(depth());
        m_buffer += '"';
        m_buffer += name;
        m_buffer += "\": ";
    }
    void number(double value)
    {
        if (std::isnan(value))
            m_buffer += "\"nan\"";
        else if (std::isinf(value))
            m_buffer += value > 0 ? "\"inf\"" : "\"-inf\"";
        else
            m_buffer += QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
    }
    void boolean(bool value) { m_buffer += value ? "true" : "false"; }
    void integers(const std::vector<int> &values)
    {
        m_buffer += '[';
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0)
                m_buffer += ", ";
            m_buffer += QByteArray::number(values[i]);
        }
        m_buffer += ']';
    }
    void strings(const std::vector<std::string> &values)
    {
        m_buffer += '[';
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0)
                m_buffer += ", ";
            // Qt escapes the string, as prettyJson() has it do.
            const QByteArray one = QJsonDocument(QJsonArray{QString::fromStdString(values[i])})
                                       .toJson(QJsonDocument::Compact);
            m_buffer += one.mid(1, one.size() - 2);
        }
        m_buffer += ']';
    }
    void vector(const Vector &values)
    {
        m_buffer += '[';
        for (Eigen::Index i = 0; i < values.size(); ++i) {
            if (i > 0)
                m_buffer += ", ";
            number(values(i));
        }
        m_buffer += ']';
    }
    template <typename Rows> void matrix(const Rows &values)
    {
        if (values.rows() == 0) {
            m_buffer += "[]";
            return;
        }
        m_buffer += '[';
        for (Eigen::Index row = 0; row < values.rows(); ++row) {
            if (row > 0)
                m_buffer += ',';
            newline(depth() + 1);
            m_buffer += '[';
            for (Eigen::Index col = 0; col < values.cols(); ++col) {
                if (col > 0)
                    m_buffer += ", ";
                number(values(row, col));
            }
            m_buffer += ']';
            flushIfFull();
        }
        newline(depth());
        m_buffer += ']';
    }
    /// `[` with one object per element to follow on their own lines.
    void beginList()
    {
        m_buffer += '[';
        m_first.push_back(true);
    }
    void listElement()
    {
        if (!m_first.back())
            m_buffer += ',';
        m_first.back() = false;
        newline(depth());
    }
    void endList()
    {
        m_first.pop_back();
        newline(depth());
        m_buffer += ']';
    }
    bool finish()
    {
        m_buffer += '\n';
        flush();
        return m_ok;
    }

private:
    static constexpr qsizetype flushSize = 1 << 20;

    /// How many objects and lists are open.
    int depth() const { return int(m_first.size()); }
    /// A new line indented by `levels` steps of two spaces.
    void newline(int levels)
    {
        m_buffer += '\n';
        m_buffer += QByteArray(2 * levels, ' ');
    }
    void flushIfFull()
    {
        if (m_buffer.size() >= flushSize)
            flush();
    }
    void flush()
    {
        if (m_ok && !m_buffer.isEmpty())
            m_ok = m_sink(m_buffer);
        m_buffer.clear();
    }

    const JsonSink &m_sink;
    QByteArray m_buffer;
    std::vector<bool> m_first; ///< per open object or list: no member written yet
    bool m_ok = true;
};

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

bool writeTraceJson(const Scenario &scenario, const Trace &trace, const JsonSink &sink)
{
    // The keys of traceToJsonText(), in its order.
    JsonStream out(sink);
    out.beginObject();
    out.key("tokens");
    out.strings(scenario.target.tokens);
    if (scenario.source) {
        out.key("source_tokens");
        out.strings(scenario.source->tokens);
    }
    if (scenario.positional != PositionalEncoding::None) {
        out.key("positional_encoding");
        out.matrix(trace.positionalEncoding);
        if (scenario.source) {
            out.key("source_positional_encoding");
            out.matrix(trace.sourcePositionalEncoding);
        }
    }
    out.key("q");
    out.matrix(trace.queries);
    out.key("k");
    out.matrix(trace.keys);
    out.key("v");
    out.matrix(trace.values);
    out.key("scale_divisor");
    out.number(trace.scaleDivisor);
    out.key("temperature");
    out.number(trace.temperature);
    if (trace.alignedPositions.size() > 0) {
        out.key("aligned_positions");
        out.vector(trace.alignedPositions);
    }
    out.key("heads");
    out.beginList();
    const bool oneHot = scenario.selection != SelectionKind::Soft;
    for (int h = 0; h < trace.headCount() && out.ok(); ++h) {
        out.listElement();
        out.beginObject();
        out.key("scores");
        out.matrix(trace.heads[std::size_t(h)].storedScores());
        out.key("scaled");
        out.matrix(trace.scaled(h));
        out.key("masked");
        out.matrix(trace.masked(h));
        const Matrix softWeights = trace.softWeights(h);
        out.key("soft_weights");
        out.matrix(softWeights);
        out.key("weights");
        if (oneHot) {
            out.matrix(trace.weights(h));
            out.key("selected_keys");
            out.integers(trace.heads[std::size_t(h)].sampledKeys);
        } else {
            out.matrix(softWeights);
        }
        out.key("output");
        out.matrix(trace.heads[std::size_t(h)].output);
        out.endObject();
    }
    out.endList();
    out.key("concat");
    out.matrix(trace.concat);
    out.key("projected");
    out.boolean(trace.projected);
    out.key("output");
    out.matrix(trace.output);
    out.key("rows_sum_to_one");
    out.boolean(trace.rowsSumToOne);
    out.key("fully_masked_rows");
    out.integers(trace.fullyMaskedRows);
    out.endObject();
    return out.finish();
}

} // namespace attn::ui
