#include "json_reader.h"

#include <QCoreApplication>
#include <QLocale>
#include <cmath>

namespace attn::ui {

namespace {

/// The translation context of the words every JSON reader shares.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(JsonReader)
};

} // namespace

QString jsonMember(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString jsonIndexed(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QString quotedName(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString quotedNames(const QStringList &names)
{
    QStringList quoted;
    for (const QString &name : names)
        quoted << quotedName(name);
    return quoted.join(QStringLiteral(", "));
}

QString jsonKind(const QJsonValue &value)
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

QString jsonDescription(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return quotedName(value.toString());
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return jsonKind(value);
    }
}

std::optional<JsonSyntaxError> parseJson(const QByteArray &json, QJsonDocument &document)
{
    QJsonParseError parseError;
    document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error == QJsonParseError::NoError)
        return std::nullopt;
    const QByteArray before = json.left(parseError.offset);
    JsonSyntaxError error;
    error.line = before.count('\n') + 1;
    error.column = parseError.offset - before.lastIndexOf('\n');
    error.offset = parseError.offset;
    error.reason = parseError.errorString();
    return error;
}

void JsonReader::fail(const QString &key, const QString &problem)
{
    throw JsonReadFailure{key, problem};
}

void JsonReader::wrongKind(const QString &key, const QString &expected,
                           const QJsonValue &value) const
{
    const QString found =
        m_rules.found == Rules::Found::Kind ? jsonKind(value) : jsonDescription(value);
    fail(key, Text::tr("expected %1, found %2").arg(expected, found));
}

void JsonReader::notOneOf(const QString &key, const QStringList &names, const QJsonValue &value)
{
    fail(key,
         Text::tr("expected one of %1, found %2").arg(quotedNames(names), jsonDescription(value)));
}

std::optional<QJsonValue> JsonReader::optional(const QJsonObject &object, const QString &name)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    return value;
}

QJsonValue JsonReader::required(const QJsonObject &object, const QString &path, const QString &name,
                                const QString &expected) const
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined() || (m_rules.nullIsMissing && value.isNull()))
        fail(jsonMember(path, name),
             Text::tr("this required key is missing; expected %1").arg(expected));
    return value;
}

void JsonReader::rejectUnknownKeys(const QJsonObject &object, const QString &path,
                                   const QStringList &allowed, const QString &allowedPrefix)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (allowed.contains(it.key()))
            continue;
        if (!allowedPrefix.isEmpty() && it.key().startsWith(allowedPrefix))
            continue;
        fail(jsonMember(path, it.key()),
             Text::tr("unknown key; expected one of: %1").arg(allowed.join(QStringLiteral(", "))));
    }
}

QJsonObject JsonReader::toObject(const QJsonValue &value, const QString &key) const
{
    if (!value.isObject())
        wrongKind(key, Text::tr("an object"), value);
    return value.toObject();
}

QJsonObject JsonReader::toObject(const QJsonValue &value, const QString &key,
                                 const QStringList &allowed) const
{
    const QJsonObject object = toObject(value, key);
    rejectUnknownKeys(object, key, allowed);
    return object;
}

QJsonArray JsonReader::toArray(const QJsonValue &value, const QString &key,
                               const QString &expected) const
{
    if (!value.isArray())
        wrongKind(key, expected.isEmpty() ? Text::tr("a list") : expected, value);
    return value.toArray();
}

QString JsonReader::toText(const QJsonValue &value, const QString &key) const
{
    if (!value.isString())
        wrongKind(key, Text::tr("a string"), value);
    return value.toString();
}

double JsonReader::toNumber(const QJsonValue &value, const QString &key) const
{
    if (!value.isDouble())
        wrongKind(key, Text::tr("a number"), value);
    return value.toDouble();
}

int JsonReader::toInteger(const QJsonValue &value, const QString &key) const
{
    if (!value.isDouble())
        wrongKind(key, Text::tr("a whole number"), value);
    const double number = value.toDouble();
    if (number != std::floor(number) || number < m_rules.lowestInteger ||
        number > m_rules.highestInteger) {
        fail(key, Text::tr("expected a whole number, found %1").arg(jsonDescription(value)));
    }
    return static_cast<int>(number);
}

int JsonReader::requiredInteger(const QJsonObject &object, const QString &path,
                                const QString &name) const
{
    return toInteger(required(object, path, name, Text::tr("a whole number")),
                     jsonMember(path, name));
}

int JsonReader::readFormat(const QJsonObject &root, const QString &formatName, int readableVersion,
                           const QString &notThisFormat, const QString &newerVersion) const
{
    const QString formatKey = QStringLiteral("format");
    const QJsonValue format = required(root, {}, formatKey, quotedName(formatName));
    if (format.toString() != formatName)
        fail(formatKey, notThisFormat.arg(quotedName(formatName), jsonDescription(format)));
    const QString versionKey = QStringLiteral("version");
    const int version =
        toInteger(required(root, {}, versionKey, QString::number(readableVersion)), versionKey);
    if (version > readableVersion)
        fail(versionKey, newerVersion.arg(version).arg(readableVersion));
    if (version < 1)
        fail(versionKey, Text::tr("expected 1, found %1").arg(version));
    return version;
}

} // namespace attn::ui
