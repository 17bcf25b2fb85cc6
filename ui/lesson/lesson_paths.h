#pragma once

#include <QString>

namespace attn::ui {

/// A file a lesson names (a step's Markdown, a step's scenario), found inside
/// the lesson's folder; or why it is refused.
struct LessonFilePath
{
    QString path;  ///< the file inside the folder, when `error` is empty
    QString error; ///< one sentence naming the path as the lesson wrote it
};

/// Where `relative`, as lesson.json writes it, lies inside `folder`. A lesson
/// may only use its own files: an absolute path, a path climbing out with
/// "..", or a symbolic link that leads out of the folder is refused, so a
/// lesson someone sends cannot make the app read other files of the learner.
LessonFilePath fileInsideLesson(const QString &folder, const QString &relative);

} // namespace attn::ui
