#include "scenario_reader.h"

#include "attention.h"
#include "error_text.h"
#include "json_format.h"
#include "scenario_file.h"
#include "scenario_names.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <cstddef>
#include <limits>

namespace attn::ui {

namespace {

using namespace scenario_names;

/// The translation context of every message about scenario files.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioFile)
};

/// The kind of a value, for "expected a number, found a string".
QString kindOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return Text::tr("a string");
    case QJsonValue::Double:
        return Text::tr("a number");
    case QJsonValue::Bool:
        return Text::tr("a boolean");
    case QJsonValue::Null:
        return Text::tr("null");
    case QJsonValue::Array:
        return Text::tr("a list");
    case QJsonValue::Object:
        return Text::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return Text::tr("nothing");
}

/// The value in a message: strings, numbers and booleans as written, anything else by its kind.
QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return QLatin1Char('"') + value.toString() + QLatin1Char('"');
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return kindOf(value);
    }
}

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

/// What is wrong, and where; thrown inside the reader only and caught by readScenario().
struct ReadFailure
{
    QString key;
    QString problem;
};

[[noreturn]] void fail(const QString &key, const QString &problem)
{
    throw ReadFailure{key, problem};
}

[[noreturn]] void wrongKind(const QString &key, const QString &expected, const QJsonValue &value)
{
    fail(key, Text::tr("expected %1, found %2").arg(expected, kindOf(value)));
}

/// Reads one JSON object of the format into a Scenario, key by key.
class Reader
{
public:
    static Scenario read(const QJsonObject &root);
    static void readOptions(const QJsonObject &options, const QString &path, Scenario &scenario);

private:
    static std::optional<QJsonValue> optional(const QJsonObject &object, const QString &name);
    static QJsonValue required(const QJsonObject &object, const QString &path, const QString &name,
                               const QString &expected);
    static void rejectUnknownKeys(const QJsonObject &object, const QString &path,
                                  const QStringList &allowed);
    static QJsonObject toObject(const QJsonValue &value, const QString &key,
                                const QStringList &allowed);

    static double toNumber(const QJsonValue &value, const QString &key);
    static int toInteger(const QJsonValue &value, const QString &key);
    static std::uint64_t toSeed(const QJsonValue &value, const QString &key);
    static std::string toText(const QJsonValue &value, const QString &key);
    static std::vector<std::string> toTokens(const QJsonValue &value, const QString &key);
    static std::vector<bool> toFlags(const QJsonValue &value, const QString &key);
    static Vector toVector(const QJsonValue &value, const QString &key);
    static Matrix toMatrix(const QJsonValue &value, const QString &key);
    static void readScale(const QJsonValue &value, Scenario &scenario);

    template <typename Enum, std::size_t count>
    static Enum toChoice(const QJsonValue &value, const QString &key,
                         const Named<Enum> (&names)[count]);
};

std::optional<QJsonValue> Reader::optional(const QJsonObject &object, const QString &name)
{
    // null counts as absent: what other programs write for "not set".
    const QJsonValue value = object.value(name);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    return value;
}

QJsonValue Reader::required(const QJsonObject &object, const QString &path, const QString &name,
                            const QString &expected)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined())
        fail(jsonMember(path, name),
             Text::tr("this required key is missing; expected %1").arg(expected));
    return value;
}

void Reader::rejectUnknownKeys(const QJsonObject &object, const QString &path,
                               const QStringList &allowed)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            fail(jsonMember(path, it.key()), Text::tr("unknown key; expected one of: %1")
                                                 .arg(allowed.join(QStringLiteral(", "))));
        }
    }
}

QJsonObject Reader::toObject(const QJsonValue &value, const QString &key,
                             const QStringList &allowed)
{
    if (!value.isObject())
        wrongKind(key, Text::tr("an object"), value);
    const QJsonObject object = value.toObject();
    rejectUnknownKeys(object, key, allowed);
    return object;
}

double Reader::toNumber(const QJsonValue &value, const QString &key)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        if (const auto number = nonFiniteNumber(value))
            return *number;
    }
    wrongKind(key, Text::tr("a number"), value);
}

int Reader::toInteger(const QJsonValue &value, const QString &key)
{
    if (!value.isDouble())
        wrongKind(key, Text::tr("a whole number"), value);
    const double number = value.toDouble();
    if (number != std::floor(number) || number < std::numeric_limits<int>::min() ||
        number > std::numeric_limits<int>::max()) {
        fail(key, Text::tr("expected a whole number, found %1").arg(describe(value)));
    }
    return static_cast<int>(number);
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
    fail(key, Text::tr("expected a whole number from 0 to 2^53, or a larger one as a string of "
                       "digits, found %1")
                  .arg(describe(value)));
}

std::string Reader::toText(const QJsonValue &value, const QString &key)
{
    if (!value.isString())
        wrongKind(key, Text::tr("a string"), value);
    return value.toString().toStdString();
}

std::vector<std::string> Reader::toTokens(const QJsonValue &value, const QString &key)
{
    if (!value.isArray())
        wrongKind(key, Text::tr("a list of words"), value);
    const QJsonArray array = value.toArray();
    std::vector<std::string> tokens;
    tokens.reserve(static_cast<std::size_t>(array.size()));
    for (qsizetype i = 0; i < array.size(); ++i)
        tokens.push_back(toText(array.at(i), jsonIndexed(key, i)));
    return tokens;
}

std::vector<bool> Reader::toFlags(const QJsonValue &value, const QString &key)
{
    if (!value.isArray())
        wrongKind(key, Text::tr("a list of true or false"), value);
    const QJsonArray array = value.toArray();
    std::vector<bool> flags;
    flags.reserve(static_cast<std::size_t>(array.size()));
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue flag = array.at(i);
        if (!flag.isBool())
            wrongKind(jsonIndexed(key, i), Text::tr("true or false"), flag);
        flags.push_back(flag.toBool());
    }
    return flags;
}

Vector Reader::toVector(const QJsonValue &value, const QString &key)
{
    if (!value.isArray())
        wrongKind(key, Text::tr("a list of numbers"), value);
    const QJsonArray array = value.toArray();
    Vector vector(array.size());
    for (qsizetype i = 0; i < array.size(); ++i)
        vector(i) = toNumber(array.at(i), jsonIndexed(key, i));
    return vector;
}

Matrix Reader::toMatrix(const QJsonValue &value, const QString &key)
{
    if (!value.isArray())
        wrongKind(key, Text::tr("a list of rows"), value);
    const QJsonArray rows = value.toArray();
    Matrix matrix;
    for (qsizetype row = 0; row < rows.size(); ++row) {
        const QJsonValue rowValue = rows.at(row);
        if (!rowValue.isArray())
            wrongKind(jsonIndexed(key, row), Text::tr("a row (a list of numbers)"), rowValue);
        const QJsonArray cells = rowValue.toArray();
        if (row == 0) {
            matrix.resize(rows.size(), cells.size());
        } else if (cells.size() != matrix.cols()) {
            fail(jsonIndexed(key, row), Text::tr("expected %1 numbers like the first row, found %2")
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

void Reader::readScale(const QJsonValue &value, Scenario &scenario)
{
    const QString key = QStringLiteral("scale");
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
        fail(key,
             Text::tr("expected \"sqrt_dk\", \"none\" or a number, found %1").arg(describe(value)));
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
        choices << QLatin1Char('"') + QLatin1String(named.name) + QLatin1Char('"');
    }
    fail(key, Text::tr("expected one of %1, found %2")
                  .arg(choices.join(QStringLiteral(", ")), describe(value)));
}

Scenario Reader::read(const QJsonObject &root)
{
    // The format and the version first: a file from a newer version should say
    // so, not trip over a key this version does not know.
    const QString formatName = QLatin1String(scenarioFormatName);
    const QJsonValue format = required(root, {}, QStringLiteral("format"),
                                       QLatin1Char('"') + formatName + QLatin1Char('"'));
    if (format.toString() != formatName) {
        fail(QStringLiteral("format"),
             Text::tr("expected \"%1\", found %2; this is not an Attention Lab scenario")
                 .arg(formatName, describe(format)));
    }
    const int version = toInteger(
        required(root, {}, QStringLiteral("version"), QString::number(scenarioFormatVersion)),
        QStringLiteral("version"));
    if (version > scenarioFormatVersion) {
        fail(QStringLiteral("version"),
             Text::tr("the file has version %1, but this Attention Lab reads version %2 and older; "
                      "open it with a newer Attention Lab")
                 .arg(version)
                 .arg(scenarioFormatVersion));
    }
    if (version < 1)
        fail(QStringLiteral("version"), Text::tr("expected 1, found %1").arg(version));
    rejectUnknownKeys(root, {}, topLevelKeys);

    Scenario scenario;
    if (const auto title = optional(root, QStringLiteral("title")))
        scenario.title = toText(*title, QStringLiteral("title"));
    if (const auto description = optional(root, QStringLiteral("description")))
        scenario.description = toText(*description, QStringLiteral("description"));

    const QString listOfWords = Text::tr("a list of words");
    const QString listOfRows = Text::tr("a list of rows");
    scenario.target.tokens = toTokens(required(root, {}, QStringLiteral("tokens"), listOfWords),
                                      QStringLiteral("tokens"));
    scenario.target.embeddings = toMatrix(
        required(root, {}, QStringLiteral("embeddings"), listOfRows), QStringLiteral("embeddings"));
    if (const auto sourceValue = optional(root, QStringLiteral("source"))) {
        const QString path = QStringLiteral("source");
        const QJsonObject source = toObject(*sourceValue, path, sourceKeys);
        Sequence sequence;
        sequence.tokens = toTokens(required(source, path, QStringLiteral("tokens"), listOfWords),
                                   jsonMember(path, QStringLiteral("tokens")));
        sequence.embeddings =
            toMatrix(required(source, path, QStringLiteral("embeddings"), listOfRows),
                     jsonMember(path, QStringLiteral("embeddings")));
        scenario.source = std::move(sequence);
    }

    for (const auto &[name, matrix] : {std::pair{QStringLiteral("w_q"), &scenario.wQ},
                                       std::pair{QStringLiteral("w_k"), &scenario.wK},
                                       std::pair{QStringLiteral("w_v"), &scenario.wV}})
        *matrix = toMatrix(required(root, {}, name, listOfRows), name);
    if (const auto wO = optional(root, QStringLiteral("w_o")))
        scenario.wO = toMatrix(*wO, QStringLiteral("w_o"));
    if (const auto heads = optional(root, QStringLiteral("heads")))
        scenario.heads = toInteger(*heads, QStringLiteral("heads"));

    if (const auto score = optional(root, QStringLiteral("score")))
        scenario.score = toChoice(*score, QStringLiteral("score"), scoreNames);
    if (const auto wA = optional(root, QStringLiteral("w_a")))
        scenario.wA = toMatrix(*wA, QStringLiteral("w_a"));
    if (const auto uA = optional(root, QStringLiteral("u_a")))
        scenario.uA = toMatrix(*uA, QStringLiteral("u_a"));
    if (const auto vA = optional(root, QStringLiteral("v_a")))
        scenario.vA = toVector(*vA, QStringLiteral("v_a"));

    if (const auto scale = optional(root, QStringLiteral("scale")))
        readScale(*scale, scenario);
    if (const auto temperature = optional(root, QStringLiteral("temperature")))
        scenario.temperature = toNumber(*temperature, QStringLiteral("temperature"));
    if (const auto mask = optional(root, QStringLiteral("mask")))
        scenario.mask = toChoice(*mask, QStringLiteral("mask"), maskNames);
    if (const auto padding = optional(root, QStringLiteral("padding")))
        scenario.padding = toFlags(*padding, QStringLiteral("padding"));

    if (const auto spanValue = optional(root, QStringLiteral("span"))) {
        const QString path = QStringLiteral("span");
        const QJsonObject span = toObject(*spanValue, path, spanKeys);
        if (const auto type = optional(span, QStringLiteral("type")))
            scenario.span = toChoice(*type, jsonMember(path, QStringLiteral("type")), spanNames);
        if (const auto window = optional(span, QStringLiteral("window")))
            scenario.window = toInteger(*window, jsonMember(path, QStringLiteral("window")));
        if (const auto wP = optional(span, QStringLiteral("w_p")))
            scenario.wP = toMatrix(*wP, jsonMember(path, QStringLiteral("w_p")));
        if (const auto vP = optional(span, QStringLiteral("v_p")))
            scenario.vP = toVector(*vP, jsonMember(path, QStringLiteral("v_p")));
    }

    if (const auto selectionValue = optional(root, QStringLiteral("selection"))) {
        const QString path = QStringLiteral("selection");
        const QJsonObject selection = toObject(*selectionValue, path, selectionKeys);
        if (const auto type = optional(selection, QStringLiteral("type")))
            scenario.selection =
                toChoice(*type, jsonMember(path, QStringLiteral("type")), selectionNames);
        if (const auto seed = optional(selection, QStringLiteral("seed")))
            scenario.seed = toSeed(*seed, jsonMember(path, QStringLiteral("seed")));
    }

    if (const auto positional = optional(root, QStringLiteral("positional")))
        scenario.positional = toChoice(*positional, QStringLiteral("positional"), positionalNames);
    return scenario;
}

void Reader::readOptions(const QJsonObject &options, const QString &path, Scenario &scenario)
{
    QStringList allowed;
    for (const char *key : scenarioOptionKeys)
        allowed << QLatin1String(key);
    rejectUnknownKeys(options, path, allowed);
    const auto key = [&path](const char *name) { return jsonMember(path, QLatin1String(name)); };

    if (const auto heads = optional(options, QStringLiteral("heads")))
        scenario.heads = toInteger(*heads, key("heads"));
    if (const auto score = optional(options, QStringLiteral("score")))
        scenario.score = toChoice(*score, key("score"), scoreNames);
    if (const auto scale = optional(options, QStringLiteral("scale"))) {
        try {
            readScale(*scale, scenario);
        } catch (const ReadFailure &failed) {
            fail(key("scale"), failed.problem);
        }
    }
    if (const auto temperature = optional(options, QStringLiteral("temperature")))
        scenario.temperature = toNumber(*temperature, key("temperature"));
    if (const auto mask = optional(options, QStringLiteral("mask")))
        scenario.mask = toChoice(*mask, key("mask"), maskNames);
    if (const auto padding = optional(options, QStringLiteral("padding")))
        scenario.padding = toFlags(*padding, key("padding"));
    if (const auto spanValue = optional(options, QStringLiteral("span"))) {
        const QString spanPath = key("span");
        const QJsonObject span =
            toObject(*spanValue, spanPath, {QStringLiteral("type"), QStringLiteral("window")});
        if (const auto type = optional(span, QStringLiteral("type")))
            scenario.span =
                toChoice(*type, jsonMember(spanPath, QStringLiteral("type")), spanNames);
        if (const auto window = optional(span, QStringLiteral("window")))
            scenario.window = toInteger(*window, jsonMember(spanPath, QStringLiteral("window")));
    }
    if (const auto selectionValue = optional(options, QStringLiteral("selection"))) {
        const QString selectionPath = key("selection");
        const QJsonObject selection = toObject(*selectionValue, selectionPath, selectionKeys);
        if (const auto type = optional(selection, QStringLiteral("type")))
            scenario.selection =
                toChoice(*type, jsonMember(selectionPath, QStringLiteral("type")), selectionNames);
        if (const auto seed = optional(selection, QStringLiteral("seed")))
            scenario.seed = toSeed(*seed, jsonMember(selectionPath, QStringLiteral("seed")));
    }
    if (const auto positional = optional(options, QStringLiteral("positional")))
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
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int offset = parseError.offset;
        const QByteArray before = json.left(offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = offset - before.lastIndexOf('\n');
        return failure(Text::tr("%1: not valid JSON at line %2, column %3 (byte offset %4): %5")
                           .arg(origin)
                           .arg(line)
                           .arg(column)
                           .arg(offset)
                           .arg(parseError.errorString()));
    }
    if (!document.isObject()) {
        return failure(
            Text::tr("%1: expected a JSON object { … } at the top level, found %2")
                .arg(origin, document.isArray() ? Text::tr("a list") : Text::tr("a value")));
    }

    ScenarioReadResult result;
    try {
        result.scenario = Reader::read(document.object());
    } catch (const ReadFailure &failed) {
        return failure(Text::tr("%1: %2: %3").arg(origin, failed.key, failed.problem));
    }
    if (const auto error = validate(*result.scenario))
        return failure(Text::tr("%1: %2").arg(origin, errorText(*error)));
    return result;
}

ScenarioReadResult readScenarioFile(const QString &path)
{
    const QString shownPath = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(Text::tr("%1: cannot read the file: %2").arg(shownPath, file.errorString()));
    return readScenario(file.readAll(), shownPath);
}

QString readScenarioOptions(const QJsonObject &options, const QString &path, Scenario &scenario)
{
    Scenario read = scenario;
    try {
        Reader::readOptions(options, path, read);
    } catch (const ReadFailure &failed) {
        return Text::tr("%1: %2").arg(failed.key, failed.problem);
    }
    scenario = std::move(read);
    return {};
}

} // namespace attn::ui
