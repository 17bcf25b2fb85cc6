#include "lesson_loader.h"

#include "lesson_step_check.h"
#include "lesson_step_reader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSet>

namespace attn::ui {

namespace {

/// The translation context of every message about lesson files.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(LessonFile)
};

const JsonReader &json = lessonJson;

/// The key of a title in another language: "title@de".
const QString translatedTitle = QStringLiteral("title@");

/// Reads the manifest and the steps' Markdown files, remembering which file,
/// chapter and step it is in so every message can name them.
class Loader
{
public:
    Loader(const QString &manifestPath, const QString &language)
        : m_manifestPath(manifestPath), m_folder(QFileInfo(manifestPath).absolutePath()),
          m_manifestName(QFileInfo(manifestPath).fileName()), m_language(language),
          m_file(m_manifestName), m_steps(m_folder)
    {
    }

    /// The lesson; throws a JsonReadFailure.
    Lesson load();
    /// "lesson.json", or the Markdown file being read.
    QString file() const { return m_file; }
    /// "chapter "basics", step "intro"", as far as known.
    QString where() const;

private:
    QString toId(const QJsonValue &value, const QString &key) const;
    QString title(const QJsonObject &object, const QString &path) const;

    LessonChapter readChapter(const QJsonValue &value, const QString &path);
    LessonStep readStep(const QJsonValue &value, const QString &path);
    void readText(LessonStep &step, const QString &path);
    void checkText(const LessonStep &step) const;

    QString m_manifestPath;
    QString m_folder;
    QString m_manifestName;
    QString m_language;
    QString m_file;
    QString m_chapter;
    QString m_step;
    LessonStepReader m_steps;
    LessonStepCheck m_check;
};

QString Loader::where() const
{
    QString text;
    if (!m_chapter.isEmpty())
        text += Text::tr("chapter %1").arg(quotedName(m_chapter));
    if (!m_step.isEmpty())
        text += Text::tr(", step %1").arg(quotedName(m_step));
    return text;
}

QString Loader::toId(const QJsonValue &value, const QString &key) const
{
    const QString id = json.toText(value, key);
    if (id.trimmed().isEmpty())
        JsonReader::fail(key, Text::tr("expected a name, found an empty string"));
    return id;
}

QString Loader::title(const QJsonObject &object, const QString &path) const
{
    QString text =
        json.toText(json.required(object, path, QStringLiteral("title"), Text::tr("a string")),
                    jsonMember(path, QStringLiteral("title")));
    const QString translatedKey = translatedTitle + m_language;
    if (!m_language.isEmpty() && object.contains(translatedKey))
        text = json.toText(object.value(translatedKey), jsonMember(path, translatedKey));
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().startsWith(translatedTitle))
            json.toText(it.value(), jsonMember(path, it.key()));
    }
    return text;
}

Lesson Loader::load()
{
    QFile file(m_manifestPath);
    if (!file.exists())
        JsonReader::fail(QString(), Text::tr("the file does not exist"));
    if (!file.open(QIODevice::ReadOnly))
        JsonReader::fail(QString(), Text::tr("cannot read the file: %1").arg(file.errorString()));
    QJsonDocument document;
    if (const auto syntax = parseJson(file.readAll(), document)) {
        JsonReader::fail(QString(), Text::tr("not valid JSON at line %1, column %2: %3")
                                        .arg(syntax->line)
                                        .arg(syntax->column)
                                        .arg(syntax->reason));
    }
    if (!document.isObject())
        JsonReader::fail(QString(), Text::tr("expected a JSON object { … } at the top level"));
    const QJsonObject root = document.object();

    json.readFormat(root, QLatin1String(lessonFormatName), lessonFormatVersion,
                    Text::tr("expected %1, found %2; this is not an Attention Lab lesson"),
                    Text::tr("the lesson has version %1, but this Attention Lab reads version %2; "
                             "open it with a newer Attention Lab"));
    JsonReader::rejectUnknownKeys(root, {},
                                  {QStringLiteral("format"), QStringLiteral("version"),
                                   QStringLiteral("id"), QStringLiteral("title"),
                                   QStringLiteral("chapters")},
                                  translatedTitle);

    Lesson lesson;
    lesson.manifestPath = m_manifestPath;
    lesson.language = m_language;
    lesson.id = toId(json.required(root, {}, QStringLiteral("id"), Text::tr("a name")),
                     QStringLiteral("id"));
    lesson.title = title(root, {});

    const QJsonArray chapters = json.toArray(
        json.required(root, {}, QStringLiteral("chapters"), Text::tr("a list of chapters")),
        QStringLiteral("chapters"));
    if (chapters.isEmpty())
        JsonReader::fail(QStringLiteral("chapters"),
                         Text::tr("a lesson needs at least one chapter"));
    QSet<QString> chapterIds;
    for (qsizetype index = 0; index < chapters.size(); ++index) {
        m_chapter.clear();
        m_step.clear();
        LessonChapter chapter =
            readChapter(chapters.at(index), jsonIndexed(QStringLiteral("chapters"), index));
        if (chapterIds.contains(chapter.id)) {
            m_step.clear();
            JsonReader::fail(QStringLiteral("id"), Text::tr("another chapter has the same id"));
        }
        chapterIds.insert(chapter.id);
        lesson.chapters.append(std::move(chapter));
    }
    return lesson;
}

LessonChapter Loader::readChapter(const QJsonValue &value, const QString &path)
{
    const QJsonObject object = json.toObject(value, path);
    LessonChapter chapter;
    chapter.id = toId(json.required(object, path, QStringLiteral("id"), Text::tr("a name")),
                      jsonMember(path, QStringLiteral("id")));
    // From here on the messages name the chapter; keys are relative to it.
    m_chapter = chapter.id;
    JsonReader::rejectUnknownKeys(
        object, {}, {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("steps")},
        translatedTitle);
    chapter.title = title(object, {});
    const QJsonArray steps = json.toArray(
        json.required(object, {}, QStringLiteral("steps"), Text::tr("a list of steps")),
        QStringLiteral("steps"));
    if (steps.isEmpty())
        JsonReader::fail(QStringLiteral("steps"), Text::tr("a chapter needs at least one step"));
    QSet<QString> stepIds;
    for (qsizetype index = 0; index < steps.size(); ++index) {
        m_step.clear();
        LessonStep step = readStep(steps.at(index), jsonIndexed(QStringLiteral("steps"), index));
        if (stepIds.contains(step.id))
            JsonReader::fail(QStringLiteral("id"),
                             Text::tr("another step of this chapter has the same id"));
        stepIds.insert(step.id);
        chapter.steps.append(std::move(step));
    }
    return chapter;
}

LessonStep Loader::readStep(const QJsonValue &value, const QString &path)
{
    const QJsonObject object = json.toObject(value, path);
    LessonStep step;
    step.id = toId(json.required(object, path, QStringLiteral("id"), Text::tr("a name")),
                   jsonMember(path, QStringLiteral("id")));
    m_step = step.id;
    JsonReader::rejectUnknownKeys(object, {},
                                  {QStringLiteral("id"), QStringLiteral("text"),
                                   QStringLiteral("setup"), QStringLiteral("activity")});
    step.textFile = json.toText(
        json.required(object, {}, QStringLiteral("text"), Text::tr("the path of a Markdown file")),
        QStringLiteral("text"));
    if (const auto setup = JsonReader::optional(object, QStringLiteral("setup")))
        step.setup = m_steps.readSetup(*setup, QStringLiteral("setup"));
    if (const auto activity = JsonReader::optional(object, QStringLiteral("activity")))
        step.activity = m_steps.readActivity(*activity, QStringLiteral("activity"));
    readText(step, QStringLiteral("text"));
    m_check.check(step);
    return step;
}

void Loader::readText(LessonStep &step, const QString &path)
{
    QString file = QDir(m_folder).filePath(step.textFile);
    if (!QFileInfo::exists(file))
        JsonReader::fail(
            path, Text::tr("the Markdown file %1 does not exist").arg(quotedName(step.textFile)));
    if (!m_language.isEmpty() && step.textFile.endsWith(QLatin1String(".md"))) {
        const QString translated =
            file.left(file.size() - 3) + QLatin1Char('.') + m_language + QStringLiteral(".md");
        if (QFileInfo::exists(translated))
            file = translated;
    }
    step.textPath = file;
    // From here on the messages name the Markdown file.
    m_file = QDir(m_folder).relativeFilePath(file);
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly))
        JsonReader::fail(QString(), Text::tr("cannot read the file: %1").arg(input.errorString()));
    step.text = parseLessonText(QString::fromUtf8(input.readAll()));
    checkText(step);
    m_file = m_manifestName;
}

/// The sections the step's activity needs are there.
void Loader::checkText(const LessonStep &step) const
{
    const LessonText &text = step.text;
    if (text.title.trimmed().isEmpty())
        JsonReader::fail(QString(), Text::tr("no title: the file needs a \"# \" heading"));
    const auto need = [&](const QString &section, const QString &content, const QString &why) {
        if (content.trimmed().isEmpty())
            JsonReader::fail(
                QString(),
                Text::tr("the section <!-- %1 --> is missing or empty; %2").arg(section, why));
    };
    const LessonActivity &activity = step.activity;
    switch (activity.type) {
    case LessonActivity::Type::Read:
        break;
    case LessonActivity::Type::Predict:
        need(QStringLiteral("question"), text.question, Text::tr("a predict step asks it"));
        need(QStringLiteral("right"), text.right, Text::tr("a predict step answers a right guess"));
        need(QStringLiteral("wrong"), text.wrong, Text::tr("a predict step answers a wrong guess"));
        if (activity.hasChoices() && text.choices.size() != activity.choiceKeys.size()) {
            JsonReader::fail(
                QString(),
                Text::tr("the section <!-- choices --> lists %1 choices, but the activity has %2")
                    .arg(text.choices.size())
                    .arg(activity.choiceKeys.size()));
        }
        break;
    case LessonActivity::Type::Try:
        need(QStringLiteral("question"), text.question,
             Text::tr("it states the goal of a try step"));
        need(QStringLiteral("hint"), text.hint, Text::tr("a try step offers a hint"));
        break;
    case LessonActivity::Type::ByHand:
        need(QStringLiteral("question"), text.question, Text::tr("a by-hand step asks it"));
        break;
    }
}

} // namespace

LessonLoadResult loadLesson(const QString &manifestPath, const QString &language)
{
    const QString lang =
        language.isEmpty() ? QLocale().name().section(QLatin1Char('_'), 0, 0) : language;
    Loader loader(manifestPath, lang);
    LessonLoadResult result;
    try {
        result.lesson = loader.load();
    } catch (const JsonReadFailure &failed) {
        QStringList parts{loader.file()};
        const QString where = loader.where();
        if (!where.isEmpty())
            parts << where;
        if (!failed.key.isEmpty())
            parts << failed.key;
        parts << failed.problem;
        result.error = parts.join(QStringLiteral(": "));
    }
    return result;
}

} // namespace attn::ui
