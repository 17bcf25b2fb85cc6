#pragma once

#include "lesson.h"

#include <QString>
#include <optional>

namespace attn::ui {

/// The lesson or one sentence naming the file, the chapter and step ids and
/// the key of the first problem found.
struct LessonLoadResult
{
    std::optional<Lesson> lesson;
    QString error;

    bool ok() const { return lesson.has_value(); }
};

/// The manifest format name and the version this player reads.
inline constexpr char lessonFormatName[] = "attention-lab-lesson";
inline constexpr int lessonFormatVersion = 1;
/// The lesson that ships with the app (embedded from resources/lessons).
inline constexpr char shippedLessonPath[] = ":/lessons/attention-from-scratch/lesson.json";

/// Reads and checks a lesson from its lesson.json, on disk or in the
/// resources. `language` ("de") picks "NAME.de.md" and "title@de" where they
/// exist; empty means the UI language.
LessonLoadResult loadLesson(const QString &manifestPath, const QString &language = QString());

} // namespace attn::ui
