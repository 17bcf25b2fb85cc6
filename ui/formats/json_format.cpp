#include "json_format.h"

#include <QJsonDocument>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace attn::ui {

namespace {

constexpr int indentStep = 2;

bool isScalar(const QJsonValue &value)
{
    return !value.isArray() && !value.isObject();
}

void appendScalar(QByteArray &out, const QJsonValue &value)
{
    if (value.isDouble() && std::isfinite(value.toDouble())) {
        // What QJsonDocument writes too, without building a document per number.
        out += QByteArray::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
        return;
    }
    // Strings, booleans and null: let Qt do the escaping. A non-finite double
    // comes out as null here; jsonNumber() keeps them away.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    out += wrapped.mid(1, wrapped.size() - 2);
}

void appendValue(QByteArray &out, const QJsonValue &value, int indent, const QStringList &keyOrder);

void appendNewline(QByteArray &out, int indent)
{
    out += '\n';
    out += QByteArray(indent, ' ');
}

void appendArray(QByteArray &out, const QJsonArray &array, int indent, const QStringList &keyOrder)
{
    if (array.isEmpty()) {
        out += "[]";
        return;
    }
    const bool inline_ = std::all_of(array.begin(), array.end(),
                                     [](const QJsonValue &element) { return isScalar(element); });
    out += '[';
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (i > 0)
            out += inline_ ? ", " : ",";
        if (!inline_)
            appendNewline(out, indent + indentStep);
        appendValue(out, array.at(i), indent + indentStep, keyOrder);
    }
    if (!inline_)
        appendNewline(out, indent);
    out += ']';
}

void appendObject(QByteArray &out, const QJsonObject &object, int indent,
                  const QStringList &keyOrder)
{
    if (object.isEmpty()) {
        out += "{}";
        return;
    }
    QStringList keys = object.keys(); // alphabetical
    std::stable_sort(keys.begin(), keys.end(), [&keyOrder](const QString &a, const QString &b) {
        const qsizetype rankA = keyOrder.indexOf(a);
        const qsizetype rankB = keyOrder.indexOf(b);
        // Named keys first, in the given order; the rest keep their alphabetical order.
        if (rankA < 0 || rankB < 0)
            return rankA >= 0 && rankB < 0;
        return rankA < rankB;
    });
    out += '{';
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (i > 0)
            out += ',';
        appendNewline(out, indent + indentStep);
        appendScalar(out, keys.at(i));
        out += ": ";
        appendValue(out, object.value(keys.at(i)), indent + indentStep, keyOrder);
    }
    appendNewline(out, indent);
    out += '}';
}

void appendValue(QByteArray &out, const QJsonValue &value, int indent, const QStringList &keyOrder)
{
    if (value.isArray())
        appendArray(out, value.toArray(), indent, keyOrder);
    else if (value.isObject())
        appendObject(out, value.toObject(), indent, keyOrder);
    else
        appendScalar(out, value);
}

} // namespace

QJsonValue jsonNumber(double value)
{
    if (std::isnan(value))
        return QStringLiteral("nan");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return value;
}

QJsonArray jsonVector(const Vector &vector)
{
    QJsonArray array;
    for (Eigen::Index i = 0; i < vector.size(); ++i)
        array.append(jsonNumber(vector(i)));
    return array;
}

QJsonArray jsonStrings(const std::vector<std::string> &strings)
{
    QJsonArray array;
    for (const auto &text : strings)
        array.append(QString::fromStdString(text));
    return array;
}

QJsonArray jsonMatrix(const Matrix &matrix)
{
    QJsonArray rows;
    for (Eigen::Index row = 0; row < matrix.rows(); ++row) {
        QJsonArray cells;
        for (Eigen::Index col = 0; col < matrix.cols(); ++col)
            cells.append(jsonNumber(matrix(row, col)));
        rows.append(cells);
    }
    return rows;
}

QByteArray prettyJson(const QJsonObject &object, const QStringList &keyOrder)
{
    QByteArray out;
    appendObject(out, object, 0, keyOrder);
    out += '\n';
    return out;
}

} // namespace attn::ui
