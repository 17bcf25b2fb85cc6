#include "lesson_text.h"

#include <QMap>
#include <QRegularExpression>

namespace attn::ui {

namespace {

/// The marker line of a section, e.g. "<!-- hint -->", or nothing.
QString sectionMarker(const QString &line)
{
    static const QRegularExpression marker(
        QStringLiteral(R"(^\s*<!--\s*(question|choices|hint|right|wrong)\s*-->\s*$)"));
    const QRegularExpressionMatch match = marker.match(line);
    return match.hasMatch() ? match.captured(1) : QString();
}

QStringList listItems(const QString &markdown)
{
    static const QRegularExpression item(QStringLiteral(R"(^\s*(?:[-*+]|\d+[.)])\s+(.*)$)"));
    QStringList items;
    for (const QString &line : markdown.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch match = item.match(line);
        if (match.hasMatch())
            items << match.captured(1).trimmed();
        else if (!items.isEmpty() && !line.trimmed().isEmpty())
            items.last() += QLatin1Char(' ') + line.trimmed();
    }
    return items;
}

} // namespace

LessonText parseLessonText(const QString &markdown)
{
    QString text = markdown;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    QMap<QString, QStringList> sections;
    QString current; // the body
    bool titleFound = false;
    LessonText result;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString marker = sectionMarker(line);
        if (!marker.isEmpty()) {
            current = marker;
            continue;
        }
        if (current.isEmpty() && !titleFound && line.startsWith(QLatin1String("# "))) {
            result.title = line.mid(2).trimmed();
            titleFound = true;
            continue;
        }
        sections[current] << line;
    }
    const auto section = [&](const QString &name) {
        return sections.value(name).join(QLatin1Char('\n')).trimmed();
    };
    result.body = section(QString());
    result.question = section(QStringLiteral("question"));
    result.choices = listItems(section(QStringLiteral("choices")));
    result.hint = section(QStringLiteral("hint"));
    result.right = section(QStringLiteral("right"));
    result.wrong = section(QStringLiteral("wrong"));
    return result;
}

} // namespace attn::ui
