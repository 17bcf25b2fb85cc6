#include "lesson_paths.h"

#include "json_reader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace attn::ui {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(LessonFile)
};

bool startsInside(const QString &path, const QString &folder)
{
    const QString prefix = folder.endsWith(QLatin1Char('/')) ? folder : folder + QLatin1Char('/');
    return path.startsWith(prefix);
}

LessonFilePath refused(const QString &relative)
{
    LessonFilePath result;
    result.error = Text::tr("%1 is outside the lesson's folder; a lesson may only use the files "
                            "in its own folder")
                       .arg(quotedName(relative));
    return result;
}

} // namespace

LessonFilePath fileInsideLesson(const QString &folder, const QString &relative)
{
    if (relative.isEmpty() || QDir::isAbsolutePath(relative) ||
        relative.startsWith(QLatin1Char('\\')))
        return refused(relative);
    const QString base = QDir::cleanPath(QDir(folder).absolutePath());
    const QString file = QDir::cleanPath(QDir(base).filePath(relative));
    if (!startsInside(file, base))
        return refused(relative);
    // Symbolic links: where the file really is must be inside where the folder
    // really is. (Files that do not exist are reported by the caller.)
    const QString realFolder = QFileInfo(base).canonicalFilePath();
    const QString realFile = QFileInfo(file).canonicalFilePath();
    if (!realFolder.isEmpty() && !realFile.isEmpty() && !startsInside(realFile, realFolder))
        return refused(relative);
    LessonFilePath result;
    result.path = file;
    return result;
}

} // namespace attn::ui
