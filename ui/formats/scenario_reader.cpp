#include "scenario_reader.h"

#include "attention.h"
#include "error_text.h"
#include "file_reader.h"
#include "json_reader.h"
#include "scenario_file.h"
#include "scenario_names.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <new>

namespace attn::ui {

namespace {

using namespace scenario_names;

/// The translation context of every message about scenario files.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioFile)
};

/// How the scenario format reads: a required key set to null is a value of
/// the wrong kind, a wrong value is named by its kind ("found a string"), and
/// every int is a whole number it takes.
constexpr JsonReader json{JsonReader::Rules{}};

/// "inf", "-inf" and "nan" stand for the numbers JSON cannot write.
std::optional<double> nonFiniteNumber(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text == QLatin1String("inf"))
        return std::numeric_limits<double>::infinity();
    if (text == QLatin1String("-inf"))
        return -std::numeric_limits<double>::infinity();
    if (text == QLatin1String("nan"))
        return std::numeric_limits<double>::quiet_NaN();
    return std::nullopt;
}

/// Reads one JSON object of the format into a Scenario, key by key.
class Reader
{
public:
    static Scenario read(const QJsonObject &root);
    /// The options (heads, score, scale, temperature, mask, padding, span,
    /// selection, positional) of the object at `path`; with `parameters`, also
    /// the matrices that go with them (W_a, U_a, v_a; the span's W_p, v_p).
    static void readOptions(const QJsonObject &object, const QString &path, Scenario &scenario,
                            bool parameters);

private:
    static double toNumber(const QJsonValue &value, const QString &key);
    static std::uint64_t toSeed(const QJsonValue &value, const QString &key);
    static std::vector<std::string> toTokens(const QJsonValue &value, const QString &key);
    static std::vector<bool> toFlags(const QJsonValue &value, const QString &key);
    static Vector toVector(const QJsonValue &value, const QString &key);
    static Matrix toMatrix(const QJsonValue &value, const QString &key);
    static void readScale(const QJsonValue &value, const QString &key, Scenario &scenario);

    template <typename Enum, std::size_t count>
    static Enum toChoice(const QJsonValue &value, const QString &key,
                         const Named<Enum> (&names)[count]);
};

/// Refuses a list longer than `limit` before anything is sized after it: a
/// file's first row of 100 000 numbers must not make a 100 000 × 100 000 matrix.
void checkLength(const QJsonArray &array, const QString &key, int limit, const QString &what)
{
    if (array.size() > limit)
        JsonReader::fail(key, Text::tr("%1 %2 is more than the limit of %3")
                                  .arg(array.size())
                                  .arg(what)
                                  .arg(limit));
}

double Reader::toNumber(const QJsonValue &value, const QString &key)
{
    if (value.isString()) {
        if (const auto number = nonFiniteNumber(value))
            return *number;
    }
    return json.toNumber(value, key);
}

std::uint64_t Reader::toSeed(const QJsonValue &value, const QString &key)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (number >= 0 && number == std::floor(number) &&
            number <= static_cast<double>(largestExactSeed))
            return static_cast<std::uint64_t>(number);
    } else if (value.isString()) {
        bool ok = false;
        const qulonglong number = value.toString().toULongLong(&ok, 10);
        if (ok)
            return number;
    }
    JsonReader::fail(key, Text::tr("expected a whole number from 0 to 2^53, or a larger one as a "
                                   "string of digits, found %1")
                              .arg(jsonDescription(value)));
}

std::vector<std::string> Reader::toTokens(const QJsonValue &value, const QString &key)
{
    const QJsonArray array = json.toArray(value, key, Text::tr("a list of words"));
    checkLength(array, key, maxTokens, Text::tr("words"));
    std::vector<std::string> tokens;
    tokens.reserve(static_cast<std::size_t>(array.size()));
    for (qsizetype i = 0; i < array.size(); ++i)
        tokens.push_back(json.toText(array.at(i), jsonIndexed(key, i)).toStdString());
    return tokens;
}

std::vector<bool> Reader::toFlags(const QJsonValue &value, const QString &key)
{
    const QJsonArray array = json.toArray(value, key, Text::tr("a list of true or false"));
    checkLength(array, key, maxTokens, Text::tr("flags"));
    std::vector<bool> flags;
    flags.reserve(static_cast<std::size_t>(array.size()));
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue flag = array.at(i);
        if (!flag.isBool())
            json.wrongKind(jsonIndexed(key, i), Text::tr("true or false"), flag);
        flags.push_back(flag.toBool());
    }
    return flags;
}

Vector Reader::toVector(const QJsonValue &value, const QString &key)
{
    const QJsonArray array = json.toArray(value, key, Text::tr("a list of numbers"));
    checkLength(array, key, maxDimension, Text::tr("numbers"));
    Vector vector(array.size());
    for (qsizetype i = 0; i < array.size(); ++i)
        vector(i) = toNumber(array.at(i), jsonIndexed(key, i));
    return vector;
}

Matrix Reader::toMatrix(const QJsonValue &value, const QString &key)
{
    const QJsonArray rows = json.toArray(value, key, Text::tr("a list of rows"));
    // Rows are tokens or dimensions: neither may pass 1024 (maxTokens == maxDimension).
    checkLength(rows, key, std::max(maxTokens, maxDimension), Text::tr("rows"));
    Matrix matrix;
    for (qsizetype row = 0; row < rows.size(); ++row) {
        const QJsonArray cells = json.toArray(rows.at(row), jsonIndexed(key, row),
                                              Text::tr("a row (a list of numbers)"));
        if (row == 0) {
            checkLength(cells, jsonIndexed(key, row), maxDimension, Text::tr("numbers in a row"));
            matrix.resize(rows.size(), cells.size());
        } else if (cells.size() != matrix.cols()) {
            JsonReader::fail(jsonIndexed(key, row),
                             Text::tr("expected %1 numbers like the first row, found %2")
                                 .arg(matrix.cols())
                                 .arg(cells.size()));
        }
        for (qsizetype col = 0; col < cells.size(); ++col) {
            const QJsonValue cell = cells.at(col);
            // The path is only built when something is wrong: matrices can be large.
            matrix(row, col) = cell.isDouble()
                                   ? cell.toDouble()
                                   : toNumber(cell, jsonIndexed(jsonIndexed(key, row), col));
        }
    }
    return matrix;
}

void Reader::readScale(const QJsonValue &value, const QString &key, Scenario &scenario)
{
    if (value.isString()) {
        const QString text = value.toString();
        if (text == QLatin1String("sqrt_dk")) {
            scenario.scale = ScaleMode::SqrtHeadDim;
            return;
        }
        if (text == QLatin1String("none")) {
            scenario.scale = ScaleMode::None;
            return;
        }
    }
    const bool number = value.isDouble() || (value.isString() && nonFiniteNumber(value));
    if (!number)
        JsonReader::fail(key, Text::tr("expected \"sqrt_dk\", \"none\" or a number, found %1")
                                  .arg(jsonDescription(value)));
    scenario.scale = ScaleMode::Custom;
    scenario.scaleValue = toNumber(value, key);
}

template <typename Enum, std::size_t count>
Enum Reader::toChoice(const QJsonValue &value, const QString &key,
                      const Named<Enum> (&names)[count])
{
    QStringList choices;
    for (const auto &named : names) {
        if (value.isString() && value.toString() == QLatin1String(named.name))
            return named.value;
        choices << QLatin1String(named.name);
    }
    JsonReader::notOneOf(key, choices, value);
}

Scenario Reader::read(const QJsonObject &root)
{
    json.readFormat(root, QLatin1String(scenarioFormatName), scenarioFormatVersion,
                    Text::tr("expected %1, found %2; this is not an Attention Lab scenario"),
                    Text::tr("the file has version %1, but this Attention Lab reads version %2 "
                             "and older; open it with a newer Attention Lab"));
    JsonReader::rejectUnknownKeys(root, {}, topLevelKeys);

    Scenario scenario;
    if (const auto title = JsonReader::optional(root, QStringLiteral("title")))
        scenario.title = json.toText(*title, QStringLiteral("title")).toStdString();
    if (const auto description = JsonReader::optional(root, QStringLiteral("description")))
        scenario.description =
            json.toText(*description, QStringLiteral("description")).toStdString();

    const QString listOfWords = Text::tr("a list of words");
    const QString listOfRows = Text::tr("a list of rows");
    scenario.target.tokens = toTokens(
        json.required(root, {}, QStringLiteral("tokens"), listOfWords), QStringLiteral("tokens"));
    scenario.target.embeddings =
        toMatrix(json.required(root, {}, QStringLiteral("embeddings"), listOfRows),
                 QStringLiteral("embeddings"));
    if (const auto sourceValue = JsonReader::optional(root, QStringLiteral("source"))) {
        const QString path = QStringLiteral("source");
        const QJsonObject source = json.toObject(*sourceValue, path, sourceKeys);
        Sequence sequence;
        sequence.tokens =
            toTokens(json.required(source, path, QStringLiteral("tokens"), listOfWords),
                     jsonMember(path, QStringLiteral("tokens")));
        sequence.embeddings =
            toMatrix(json.required(source, path, QStringLiteral("embeddings"), listOfRows),
                     jsonMember(path, QStringLiteral("embeddings")));
        scenario.source = std::move(sequence);
    }

    for (const auto &[name, matrix] : {std::pair{QStringLiteral("w_q"), &scenario.wQ},
                                       std::pair{QStringLiteral("w_k"), &scenario.wK},
                                       std::pair{QStringLiteral("w_v"), &scenario.wV}})
        *matrix = toMatrix(json.required(root, {}, name, listOfRows), name);
    if (const auto wO = JsonReader::optional(root, QStringLiteral("w_o")))
        scenario.wO = toMatrix(*wO, QStringLiteral("w_o"));
    readOptions(root, {}, scenario, true);
    return scenario;
}

void Reader::readOptions(const QJsonObject &object, const QString &path, Scenario &scenario,
                         bool parameters)
{
    const auto key = [&path](const char *name) { return jsonMember(path, QLatin1String(name)); };
    const auto value = [&object](const char *name) {
        return JsonReader::optional(object, QLatin1String(name));
    };

    if (const auto heads = value("heads"))
        scenario.heads = json.toInteger(*heads, key("heads"));
    if (const auto score = value("score"))
        scenario.score = toChoice(*score, key("score"), scoreNames);
    if (parameters) {
        if (const auto wA = value("w_a"))
            scenario.wA = toMatrix(*wA, key("w_a"));
        if (const auto uA = value("u_a"))
            scenario.uA = toMatrix(*uA, key("u_a"));
        if (const auto vA = value("v_a"))
            scenario.vA = toVector(*vA, key("v_a"));
    }

    if (const auto scale = value("scale"))
        readScale(*scale, key("scale"), scenario);
    if (const auto temperature = value("temperature"))
        scenario.temperature = toNumber(*temperature, key("temperature"));
    if (const auto mask = value("mask"))
        scenario.mask = toChoice(*mask, key("mask"), maskNames);
    if (const auto padding = value("padding"))
        scenario.padding = toFlags(*padding, key("padding"));

    if (const auto spanValue = value("span")) {
        const QString spanPath = key("span");
        const QJsonObject span = json.toObject(
            *spanValue, spanPath,
            parameters ? spanKeys : QStringList{QStringLiteral("type"), QStringLiteral("window")});
        const auto spanKey = [&spanPath](const char *name) {
            return jsonMember(spanPath, QLatin1String(name));
        };
        if (const auto type = JsonReader::optional(span, QStringLiteral("type")))
            scenario.span = toChoice(*type, spanKey("type"), spanNames);
        if (const auto window = JsonReader::optional(span, QStringLiteral("window")))
            scenario.window = json.toInteger(*window, spanKey("window"));
        if (parameters) {
            if (const auto wP = JsonReader::optional(span, QStringLiteral("w_p")))
                scenario.wP = toMatrix(*wP, spanKey("w_p"));
            if (const auto vP = JsonReader::optional(span, QStringLiteral("v_p")))
                scenario.vP = toVector(*vP, spanKey("v_p"));
        }
    }

    if (const auto selectionValue = value("selection")) {
        const QString selectionPath = key("selection");
        const QJsonObject selection = json.toObject(*selectionValue, selectionPath, selectionKeys);
        if (const auto type = JsonReader::optional(selection, QStringLiteral("type")))
            scenario.selection =
                toChoice(*type, jsonMember(selectionPath, QStringLiteral("type")), selectionNames);
        if (const auto seed = JsonReader::optional(selection, QStringLiteral("seed")))
            scenario.seed = toSeed(*seed, jsonMember(selectionPath, QStringLiteral("seed")));
    }

    if (const auto positional = value("positional"))
        scenario.positional = toChoice(*positional, key("positional"), positionalNames);
}

ScenarioReadResult failure(const QString &message)
{
    ScenarioReadResult result;
    result.error = message;
    return result;
}

} // namespace

ScenarioReadResult readScenario(const QByteArray &json, const QString &origin)
{
    QJsonDocument document;
    if (const auto syntax = parseJson(json, document)) {
        return failure(Text::tr("%1: not valid JSON at line %2, column %3 (byte offset %4): %5")
                           .arg(origin)
                           .arg(syntax->line)
                           .arg(syntax->column)
                           .arg(syntax->offset)
                           .arg(syntax->reason));
    }
    if (!document.isObject()) {
        return failure(
            Text::tr("%1: expected a JSON object { … } at the top level, found %2")
                .arg(origin, document.isArray() ? Text::tr("a list") : Text::tr("a value")));
    }

    ScenarioReadResult result;
    try {
        result.scenario = Reader::read(document.object());
    } catch (const JsonReadFailure &failed) {
        return failure(Text::tr("%1: %2: %3").arg(origin, failed.key, failed.problem));
    } catch (const std::bad_alloc &) {
        return failure(Text::tr("%1: there is not enough memory to read this scenario").arg(origin));
    }
    if (const auto error = validate(*result.scenario))
        return failure(Text::tr("%1: %2").arg(origin, errorText(*error)));
    return result;
}

ScenarioReadResult readScenarioFile(const QString &path)
{
    const QString shownPath = QDir::toNativeSeparators(path);
    const InputFile file = readInputFile(path);
    if (!file.ok())
        return failure(Text::tr("%1: %2").arg(shownPath, file.error));
    return readScenario(file.bytes, shownPath);
}

QString readScenarioOptions(const QJsonObject &options, const QString &path, Scenario &scenario)
{
    QStringList allowed;
    for (const char *key : scenarioOptionKeys)
        allowed << QLatin1String(key);
    Scenario read = scenario;
    try {
        JsonReader::rejectUnknownKeys(options, path, allowed);
        Reader::readOptions(options, path, read, false);
    } catch (const JsonReadFailure &failed) {
        return Text::tr("%1: %2").arg(failed.key, failed.problem);
    }
    scenario = std::move(read);
    return {};
}

} // namespace attn::ui
