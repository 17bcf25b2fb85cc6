#pragma once

#include "types.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <string>
#include <vector>

namespace attn::ui {

/// How Attention Lab writes numbers and matrices as JSON.
///
/// A matrix is a list of rows; a vector is a list of numbers. JSON has no
/// infinity or NaN, so non-finite numbers become the strings "inf", "-inf"
/// and "nan" (a −∞ in a masked score matrix is a lesson, not an accident).
QJsonValue jsonNumber(double value);
QJsonArray jsonMatrix(const Matrix &matrix);
QJsonArray jsonVector(const Vector &vector);
/// Token names (UTF-8) as a list of strings.
QJsonArray jsonStrings(const std::vector<std::string> &strings);

/// Indented JSON that a person can read and a program can parse.
///
/// Unlike QJsonDocument::Indented, a list of numbers or strings stays on one
/// line, so a matrix reads as a block of rows. Keys named in `keyOrder` come
/// first in that order, at every level; the others follow alphabetically.
/// Numbers are written in their shortest form that reads back as the same
/// double (up to 17 significant digits).
QByteArray prettyJson(const QJsonObject &object, const QStringList &keyOrder = {});

} // namespace attn::ui
