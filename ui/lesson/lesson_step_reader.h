#pragma once

#include "json_reader.h"
#include "lesson.h"

#include <QJsonValue>
#include <QList>
#include <QString>

namespace attn::ui {

/// How the lesson format reads JSON: a key set to null is missing, a value of
/// the wrong kind is quoted as written ("found \"2\""), and whole numbers
/// (rows, columns, heads) lie within ±10⁹.
inline constexpr JsonReader lessonJson{
    JsonReader::Rules{true, JsonReader::Rules::Found::Value, -1e9, 1e9}};

/// Reads what a step of the manifest sets up and asks — its "setup" and its
/// "activity" — checking each key as it goes; a problem is thrown as a
/// JsonReadFailure whose key is relative to the step. The shapes are checked
/// later, against the scenario the step opens on (LessonStepCheck).
class LessonStepReader
{
public:
    /// `folder` is the lesson's, against which scenario files are found.
    explicit LessonStepReader(const QString &folder) : m_folder(folder) {}

    LessonSetup readSetup(const QJsonValue &value, const QString &path) const;
    LessonActivity readActivity(const QJsonValue &value, const QString &path) const;

private:
    Goal readGoal(const QJsonValue &value, const QString &path) const;
    QList<LessonCellEdit> readCells(const QJsonValue &value, const QString &path) const;
    QList<LessonHighlight> readHighlights(const QJsonValue &value, const QString &path) const;
    static Stage toStage(const QJsonValue &value, const QString &key);
    static MatrixId toMatrix(const QJsonValue &value, const QString &key);

    QString m_folder;
};

} // namespace attn::ui
