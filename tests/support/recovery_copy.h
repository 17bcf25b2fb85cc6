#pragma once

// A recovery copy as plain JSON, read without the app's reader, so the tests
// check what is on disk rather than what the app makes of it.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QtNumeric>

namespace recovery_copy {

/// The copy's JSON; an empty object when it cannot be read (not yet written).
inline QJsonObject read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

/// X[0][0] of the scenario the copy holds; NaN when there is none.
inline double firstEmbedding(const QJsonObject &copy)
{
    return copy.value(QStringLiteral("scenario"))
        .toObject()
        .value(QStringLiteral("embeddings"))
        .toArray()
        .at(0)
        .toArray()
        .at(0)
        .toDouble(qQNaN());
}

} // namespace recovery_copy
