#include "lesson_loader.h"

#include "file_reader.h"
#include "lesson_paths.h"
#include "lesson_step_check.h"
#include "lesson_step_reader.h"

#include <QCoreApplication>
#include <QDir>
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
    /// The "id" of the object at `path`: a name, not blank.
    QString readId(const QJsonObject &object, const QString &path) const;
    /// Opens a chapter or a step at `path`: its object, whose id goes into
    /// `id` and into `name` (m_chapter or m_step), so that messages name it
    /// by its id from then on (before, by its place in the list); keys other
    /// than `allowed` (and, with `titles`, "title@…") are refused.
    QJsonObject openItem(const QJsonValue &value, const QString &path, QString &name, QString &id,
                         const QStringList &allowed, bool titles = false);
    QString title(const QJsonObject &object, const QString &path) const;
    /// The list at `name`, which may not be empty (`empty` says why), read
    /// item by item with `readItem(value, key)`; an item whose id an earlier
    /// one has is refused with `sameId`.
    template <typename Item, typename ReadItem>
    QList<Item> readList(const QJsonObject &object, const QString &name, const QString &expected,
                         const QString &empty, const QString &sameId, ReadItem readItem);

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

QString Loader::readId(const QJsonObject &object, const QString &path) const
{
    const QString key = jsonMember(path, QStringLiteral("id"));
    const QString id =
        json.toText(json.required(object, path, QStringLiteral("id"), Text::tr("a name")), key);
    if (id.trimmed().isEmpty())
        JsonReader::fail(key, Text::tr("expected a name, found an empty string"));
    return id;
}

QJsonObject Loader::openItem(const QJsonValue &value, const QString &path, QString &name,
                             QString &id, const QStringList &allowed, bool titles)
{
    name.clear();
    const QJsonObject object = json.toObject(value, path);
    id = readId(object, path);
    name = id;
    // Keys are relative to the item from here on.
    JsonReader::rejectUnknownKeys(object, {}, allowed, titles ? translatedTitle : QString());
    return object;
}

template <typename Item, typename ReadItem>
QList<Item> Loader::readList(const QJsonObject &object, const QString &name,
                             const QString &expected, const QString &empty, const QString &sameId,
                             ReadItem readItem)
{
    const QJsonArray array = json.toArray(json.required(object, {}, name, expected), name);
    if (array.isEmpty())
        JsonReader::fail(name, empty);
    QList<Item> items;
    QSet<QString> ids;
    for (qsizetype index = 0; index < array.size(); ++index) {
        Item item = readItem(array.at(index), jsonIndexed(name, index));
        if (ids.contains(item.id))
            JsonReader::fail(QStringLiteral("id"), sameId);
        ids.insert(item.id);
        items.append(std::move(item));
    }
    return items;
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
    if (!QFileInfo::exists(m_manifestPath))
        JsonReader::fail(QString(), Text::tr("the file does not exist"));
    const InputFile file = readInputFile(m_manifestPath);
    if (!file.ok())
        JsonReader::fail(QString(), file.error);
    QJsonDocument document;
    if (const auto syntax = parseJson(file.bytes, document)) {
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
    lesson.id = readId(root, {});
    lesson.title = title(root, {});
    lesson.chapters = readList<LessonChapter>(
        root, QStringLiteral("chapters"), Text::tr("a list of chapters"),
        Text::tr("a lesson needs at least one chapter"),
        Text::tr("another chapter has the same id"),
        [this](const QJsonValue &value, const QString &path) { return readChapter(value, path); });
    return lesson;
}

LessonChapter Loader::readChapter(const QJsonValue &value, const QString &path)
{
    LessonChapter chapter;
    const QJsonObject object =
        openItem(value, path, m_chapter, chapter.id,
                 {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("steps")}, true);
    chapter.title = title(object, {});
    chapter.steps = readList<LessonStep>(
        object, QStringLiteral("steps"), Text::tr("a list of steps"),
        Text::tr("a chapter needs at least one step"),
        Text::tr("another step of this chapter has the same id"),
        [this](const QJsonValue &value, const QString &path) { return readStep(value, path); });
    // What follows is about the chapter, not its last step.
    m_step.clear();
    return chapter;
}

LessonStep Loader::readStep(const QJsonValue &value, const QString &path)
{
    LessonStep step;
    const QJsonObject object = openItem(value, path, m_step, step.id,
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
    const LessonFilePath inside = fileInsideLesson(m_folder, step.textFile);
    if (!inside.error.isEmpty())
        JsonReader::fail(path, inside.error);
    QString file = inside.path;
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
    const InputFile input = readInputFile(file);
    if (!input.ok())
        JsonReader::fail(QString(), input.error);
    step.text = parseLessonText(QString::fromUtf8(input.bytes));
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
