#pragma once

#include <QString>
#include <QStringList>

namespace attn::ui {

/// The sections of a step's Markdown file, split at the marker lines
/// <!-- question -->, <!-- choices -->, <!-- hint -->, <!-- right -->, <!-- wrong -->.
struct LessonText
{
    QString title; ///< the first "# " heading, without the "# "
    QString body;  ///< everything before the first marker, the title line left out
    QString question;
    QStringList choices; ///< the items of the choices section's list
    QString hint;
    QString right;
    QString wrong;
};

/// Splits a step's Markdown into its sections (no checks; loadLesson checks).
LessonText parseLessonText(const QString &markdown);

} // namespace attn::ui
