#include "lesson.h"

#include "attention.h"
#include "error_text.h"
#include "json_reader.h"
#include "presets.h"
#include "scenario_edit.h"
#include "scenario_file.h"
#include "stage_text.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

namespace attn::ui {

namespace {

/// The translation context of every message about lesson files.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(LessonFile)
};

struct MatrixName
{
    MatrixId id;
    const char *name;
};

constexpr MatrixName matrixNames[] = {
    {MatrixId::Embeddings, "x"},          {MatrixId::SourceEmbeddings, "x_s"},
    {MatrixId::QueryWeights, "w_q"},      {MatrixId::KeyWeights, "w_k"},
    {MatrixId::ValueWeights, "w_v"},      {MatrixId::OutputWeights, "w_o"},
    {MatrixId::ScoreQueryWeights, "w_a"}, {MatrixId::ScoreKeyWeights, "u_a"},
    {MatrixId::ScoreVector, "v_a"},       {MatrixId::PositionWeights, "w_p"},
    {MatrixId::PositionVector, "v_p"},
};

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString quotedList(const QStringList &names)
{
    QStringList quotedNames;
    for (const QString &name : names)
        quotedNames << quoted(name);
    return quotedNames.join(QStringLiteral(", "));
}

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return quoted(value.toString());
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return Text::tr("null");
    case QJsonValue::Array:
        return Text::tr("a list");
    case QJsonValue::Object:
        return Text::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return Text::tr("nothing");
}

QStringList stageKeys()
{
    QStringList keys;
    for (int index = 0; index < stageCount; ++index)
        keys << stage_text::key(static_cast<Stage>(index));
    return keys;
}

/// What is wrong, and where; thrown inside the loader only.
struct LoadFailure
{
    QString file;
    QString key;
    QString problem;
};

/// Reads the manifest, remembering which chapter and step it is in so every
/// message can name them.
class Loader
{
public:
    Loader(const QString &manifestPath, const QString &language)
        : m_manifestPath(manifestPath), m_folder(QFileInfo(manifestPath).absolutePath()),
          m_manifestName(QFileInfo(manifestPath).fileName()), m_language(language)
    {
    }

    Lesson load();
    QString where() const;

private:
    [[noreturn]] void fail(const QString &key, const QString &problem) const
    {
        throw LoadFailure{m_manifestName, key, problem};
    }
    [[noreturn]] void failIn(const QString &file, const QString &key, const QString &problem) const
    {
        throw LoadFailure{file, key, problem};
    }
    [[noreturn]] void wrongKind(const QString &key, const QString &expected,
                                const QJsonValue &value) const
    {
        fail(key, Text::tr("expected %1, found %2").arg(expected, describe(value)));
    }

    QJsonValue required(const QJsonObject &object, const QString &path, const QString &name,
                        const QString &expected) const;
    static std::optional<QJsonValue> optional(const QJsonObject &object, const QString &name);
    void rejectUnknownKeys(const QJsonObject &object, const QString &path,
                           const QStringList &allowed, bool titles = false) const;
    QJsonObject toObject(const QJsonValue &value, const QString &key) const;
    QJsonArray toArray(const QJsonValue &value, const QString &key) const;
    QString toText(const QJsonValue &value, const QString &key) const;
    QString toId(const QJsonValue &value, const QString &key) const;
    int toInteger(const QJsonValue &value, const QString &key) const;
    double toNumber(const QJsonValue &value, const QString &key) const;
    Stage toStage(const QJsonValue &value, const QString &key) const;
    MatrixId toMatrix(const QJsonValue &value, const QString &key) const;
    QString title(const QJsonObject &object, const QString &path) const;

    LessonChapter readChapter(const QJsonValue &value, const QString &path);
    LessonStep readStep(const QJsonValue &value, const QString &path);
    LessonSetup readSetup(const QJsonValue &value, const QString &path) const;
    LessonActivity readActivity(const QJsonValue &value, const QString &path) const;
    Goal readGoal(const QJsonValue &value, const QString &path) const;
    QList<LessonCellEdit> readCells(const QJsonValue &value, const QString &path) const;
    void readText(LessonStep &step, const QString &path) const;

    void checkCells(const Scenario &scenario, const QList<LessonCellEdit> &cells,
                    const QString &path) const;
    void checkCell(const Trace &trace, Stage stage, int head, int row, int col, const QString &path,
                   bool wholeAllowed = false) const;
    void checkGoal(const Trace &trace, const Goal &goal, const QString &path) const;
    void checkAgainstWorkbench(LessonStep &step, const QString &path);

    QString m_manifestPath;
    QString m_folder;
    QString m_manifestName;
    QString m_language;
    QString m_chapter;
    QString m_step;
    Scenario m_workbench; ///< what the workbench holds when the step opens, if nobody edits
};

QString Loader::where() const
{
    QString text;
    if (!m_chapter.isEmpty())
        text += Text::tr("chapter %1").arg(quoted(m_chapter));
    if (!m_step.isEmpty())
        text += Text::tr(", step %1").arg(quoted(m_step));
    return text;
}

QJsonValue Loader::required(const QJsonObject &object, const QString &path, const QString &name,
                            const QString &expected) const
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined() || value.isNull())
        fail(jsonMember(path, name),
             Text::tr("this required key is missing; expected %1").arg(expected));
    return value;
}

std::optional<QJsonValue> Loader::optional(const QJsonObject &object, const QString &name)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    return value;
}

void Loader::rejectUnknownKeys(const QJsonObject &object, const QString &path,
                               const QStringList &allowed, bool titles) const
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (allowed.contains(it.key()))
            continue;
        if (titles && it.key().startsWith(QLatin1String("title@")))
            continue;
        fail(jsonMember(path, it.key()),
             Text::tr("unknown key; expected one of: %1").arg(allowed.join(QStringLiteral(", "))));
    }
}

QJsonObject Loader::toObject(const QJsonValue &value, const QString &key) const
{
    if (!value.isObject())
        wrongKind(key, Text::tr("an object"), value);
    return value.toObject();
}

QJsonArray Loader::toArray(const QJsonValue &value, const QString &key) const
{
    if (!value.isArray())
        wrongKind(key, Text::tr("a list"), value);
    return value.toArray();
}

QString Loader::toText(const QJsonValue &value, const QString &key) const
{
    if (!value.isString())
        wrongKind(key, Text::tr("a string"), value);
    return value.toString();
}

QString Loader::toId(const QJsonValue &value, const QString &key) const
{
    const QString id = toText(value, key);
    if (id.trimmed().isEmpty())
        fail(key, Text::tr("expected a name, found an empty string"));
    return id;
}

int Loader::toInteger(const QJsonValue &value, const QString &key) const
{
    if (!value.isDouble())
        wrongKind(key, Text::tr("a whole number"), value);
    const double number = value.toDouble();
    if (number != std::floor(number) || std::fabs(number) > 1e9)
        fail(key, Text::tr("expected a whole number, found %1").arg(describe(value)));
    return static_cast<int>(number);
}

double Loader::toNumber(const QJsonValue &value, const QString &key) const
{
    if (!value.isDouble())
        wrongKind(key, Text::tr("a number"), value);
    return value.toDouble();
}

Stage Loader::toStage(const QJsonValue &value, const QString &key) const
{
    if (value.isString()) {
        if (const auto stage = lessonStage(value.toString()))
            return *stage;
    }
    fail(key,
         Text::tr("expected one of %1, found %2").arg(quotedList(stageKeys()), describe(value)));
}

MatrixId Loader::toMatrix(const QJsonValue &value, const QString &key) const
{
    if (value.isString()) {
        if (const auto id = lessonMatrixId(value.toString()))
            return *id;
    }
    QStringList names;
    for (const MatrixName &named : matrixNames)
        names << QLatin1String(named.name);
    fail(key, Text::tr("expected one of %1, found %2").arg(quotedList(names), describe(value)));
}

QString Loader::title(const QJsonObject &object, const QString &path) const
{
    QString text = toText(required(object, path, QStringLiteral("title"), Text::tr("a string")),
                          jsonMember(path, QStringLiteral("title")));
    const QString translatedKey = QStringLiteral("title@") + m_language;
    if (!m_language.isEmpty() && object.contains(translatedKey))
        text = toText(object.value(translatedKey), jsonMember(path, translatedKey));
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().startsWith(QLatin1String("title@")))
            toText(it.value(), jsonMember(path, it.key()));
    }
    return text;
}

Lesson Loader::load()
{
    QFile file(m_manifestPath);
    if (!file.exists())
        fail(QString(), Text::tr("the file does not exist"));
    if (!file.open(QIODevice::ReadOnly))
        fail(QString(), Text::tr("cannot read the file: %1").arg(file.errorString()));
    const QByteArray json = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray before = json.left(parseError.offset);
        fail(QString(), Text::tr("not valid JSON at line %1, column %2: %3")
                            .arg(before.count('\n') + 1)
                            .arg(parseError.offset - before.lastIndexOf('\n'))
                            .arg(parseError.errorString()));
    }
    if (!document.isObject())
        fail(QString(), Text::tr("expected a JSON object { … } at the top level"));
    const QJsonObject root = document.object();

    const QString formatName = QLatin1String(lessonFormatName);
    const QJsonValue format = required(root, {}, QStringLiteral("format"), quoted(formatName));
    if (format.toString() != formatName) {
        fail(QStringLiteral("format"),
             Text::tr("expected %1, found %2; this is not an Attention Lab lesson")
                 .arg(quoted(formatName), describe(format)));
    }
    const int version = toInteger(
        required(root, {}, QStringLiteral("version"), QString::number(lessonFormatVersion)),
        QStringLiteral("version"));
    if (version > lessonFormatVersion) {
        fail(QStringLiteral("version"),
             Text::tr("the lesson has version %1, but this Attention Lab reads version %2; open it "
                      "with a newer Attention Lab")
                 .arg(version)
                 .arg(lessonFormatVersion));
    }
    if (version < 1)
        fail(QStringLiteral("version"), Text::tr("expected 1, found %1").arg(version));
    rejectUnknownKeys(root, {},
                      {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("id"),
                       QStringLiteral("title"), QStringLiteral("chapters")},
                      true);

    Lesson lesson;
    lesson.manifestPath = m_manifestPath;
    lesson.language = m_language;
    lesson.id =
        toId(required(root, {}, QStringLiteral("id"), Text::tr("a name")), QStringLiteral("id"));
    lesson.title = title(root, {});

    // The workbench opens on the tutorial's example.
    const ScenarioReadResult tutorial = loadPreset(QLatin1String(tutorialPresetName));
    m_workbench = tutorial.ok() ? *tutorial.scenario : tutorialScenario();

    const QJsonArray chapters =
        toArray(required(root, {}, QStringLiteral("chapters"), Text::tr("a list of chapters")),
                QStringLiteral("chapters"));
    if (chapters.isEmpty())
        fail(QStringLiteral("chapters"), Text::tr("a lesson needs at least one chapter"));
    QSet<QString> chapterIds;
    for (qsizetype index = 0; index < chapters.size(); ++index) {
        m_chapter.clear();
        m_step.clear();
        LessonChapter chapter =
            readChapter(chapters.at(index), jsonIndexed(QStringLiteral("chapters"), index));
        if (chapterIds.contains(chapter.id)) {
            m_step.clear();
            fail(QStringLiteral("id"), Text::tr("another chapter has the same id"));
        }
        chapterIds.insert(chapter.id);
        lesson.chapters.append(std::move(chapter));
    }
    return lesson;
}

LessonChapter Loader::readChapter(const QJsonValue &value, const QString &path)
{
    const QJsonObject object = toObject(value, path);
    LessonChapter chapter;
    chapter.id = toId(required(object, path, QStringLiteral("id"), Text::tr("a name")),
                      jsonMember(path, QStringLiteral("id")));
    // From here on the messages name the chapter; keys are relative to it.
    m_chapter = chapter.id;
    rejectUnknownKeys(
        object, {}, {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("steps")}, true);
    chapter.title = title(object, {});
    const QJsonArray steps =
        toArray(required(object, {}, QStringLiteral("steps"), Text::tr("a list of steps")),
                QStringLiteral("steps"));
    if (steps.isEmpty())
        fail(QStringLiteral("steps"), Text::tr("a chapter needs at least one step"));
    QSet<QString> stepIds;
    for (qsizetype index = 0; index < steps.size(); ++index) {
        m_step.clear();
        LessonStep step = readStep(steps.at(index), jsonIndexed(QStringLiteral("steps"), index));
        if (stepIds.contains(step.id))
            fail(QStringLiteral("id"), Text::tr("another step of this chapter has the same id"));
        stepIds.insert(step.id);
        chapter.steps.append(std::move(step));
    }
    return chapter;
}

LessonStep Loader::readStep(const QJsonValue &value, const QString &path)
{
    const QJsonObject object = toObject(value, path);
    LessonStep step;
    step.id = toId(required(object, path, QStringLiteral("id"), Text::tr("a name")),
                   jsonMember(path, QStringLiteral("id")));
    m_step = step.id;
    rejectUnknownKeys(object, {},
                      {QStringLiteral("id"), QStringLiteral("text"), QStringLiteral("setup"),
                       QStringLiteral("activity")});
    step.textFile = toText(
        required(object, {}, QStringLiteral("text"), Text::tr("the path of a Markdown file")),
        QStringLiteral("text"));
    if (const auto setup = optional(object, QStringLiteral("setup")))
        step.setup = readSetup(*setup, QStringLiteral("setup"));
    if (const auto activity = optional(object, QStringLiteral("activity")))
        step.activity = readActivity(*activity, QStringLiteral("activity"));
    readText(step, QStringLiteral("text"));
    checkAgainstWorkbench(step, QString());
    return step;
}

QList<LessonCellEdit> Loader::readCells(const QJsonValue &value, const QString &path) const
{
    const QJsonArray array = toArray(value, path);
    QList<LessonCellEdit> cells;
    for (qsizetype index = 0; index < array.size(); ++index) {
        const QString cellPath = jsonIndexed(path, index);
        const QJsonObject object = toObject(array.at(index), cellPath);
        rejectUnknownKeys(object, cellPath,
                          {QStringLiteral("matrix"), QStringLiteral("row"), QStringLiteral("col"),
                           QStringLiteral("value")});
        LessonCellEdit cell;
        cell.matrix =
            toMatrix(required(object, cellPath, QStringLiteral("matrix"), Text::tr("a matrix id")),
                     jsonMember(cellPath, QStringLiteral("matrix")));
        cell.row =
            toInteger(required(object, cellPath, QStringLiteral("row"), Text::tr("a whole number")),
                      jsonMember(cellPath, QStringLiteral("row")));
        cell.col =
            toInteger(required(object, cellPath, QStringLiteral("col"), Text::tr("a whole number")),
                      jsonMember(cellPath, QStringLiteral("col")));
        cell.value =
            toNumber(required(object, cellPath, QStringLiteral("value"), Text::tr("a number")),
                     jsonMember(cellPath, QStringLiteral("value")));
        if (!std::isfinite(cell.value))
            fail(jsonMember(cellPath, QStringLiteral("value")),
                 Text::tr("expected a finite number"));
        cells.append(cell);
    }
    return cells;
}

LessonSetup Loader::readSetup(const QJsonValue &value, const QString &path) const
{
    const QJsonObject object = toObject(value, path);
    rejectUnknownKeys(object, path,
                      {QStringLiteral("preset"), QStringLiteral("scenario"),
                       QStringLiteral("options"), QStringLiteral("cells"), QStringLiteral("reveal"),
                       QStringLiteral("head"), QStringLiteral("highlight"),
                       QStringLiteral("focus")});
    LessonSetup setup;
    const auto preset = optional(object, QStringLiteral("preset"));
    const auto scenario = optional(object, QStringLiteral("scenario"));
    if (preset && scenario)
        fail(path, Text::tr("give \"preset\" or \"scenario\", not both"));
    if (preset) {
        const QString key = jsonMember(path, QStringLiteral("preset"));
        setup.preset = toText(*preset, key);
        QStringList names;
        for (const PresetInfo &info : presets())
            names << info.name;
        if (!names.contains(setup.preset))
            fail(key, Text::tr("expected one of %1, found %2")
                          .arg(quotedList(names), quoted(setup.preset)));
        const ScenarioReadResult read = loadPreset(setup.preset);
        if (!read.ok())
            fail(key, read.error);
        setup.scenario = *read.scenario;
    }
    if (scenario) {
        const QString key = jsonMember(path, QStringLiteral("scenario"));
        setup.scenarioFile = toText(*scenario, key);
        const QString file = QDir(m_folder).filePath(setup.scenarioFile);
        if (!QFileInfo::exists(file))
            fail(key,
                 Text::tr("the scenario file %1 does not exist").arg(quoted(setup.scenarioFile)));
        const ScenarioReadResult read = readScenarioFile(file);
        if (!read.ok())
            fail(key, read.error);
        setup.scenario = *read.scenario;
    }
    if (const auto options = optional(object, QStringLiteral("options"))) {
        const QString key = jsonMember(path, QStringLiteral("options"));
        setup.options = toObject(*options, key);
        Scenario parsed;
        const QString problem = readScenarioOptions(setup.options, key, parsed);
        if (!problem.isEmpty())
            throw LoadFailure{m_manifestName, QString(), problem};
    }
    if (const auto cells = optional(object, QStringLiteral("cells")))
        setup.cells = readCells(*cells, jsonMember(path, QStringLiteral("cells")));
    if (const auto reveal = optional(object, QStringLiteral("reveal")))
        setup.reveal = toStage(*reveal, jsonMember(path, QStringLiteral("reveal")));
    if (const auto head = optional(object, QStringLiteral("head"))) {
        setup.head = toInteger(*head, jsonMember(path, QStringLiteral("head")));
        if (setup.head < 0)
            fail(jsonMember(path, QStringLiteral("head")), Text::tr("expected 0 or more"));
    }
    if (const auto highlight = optional(object, QStringLiteral("highlight"))) {
        const QString key = jsonMember(path, QStringLiteral("highlight"));
        const QJsonArray array = toArray(*highlight, key);
        for (qsizetype index = 0; index < array.size(); ++index) {
            const QString itemPath = jsonIndexed(key, index);
            const QJsonObject item = toObject(array.at(index), itemPath);
            rejectUnknownKeys(
                item, itemPath,
                {QStringLiteral("stage"), QStringLiteral("row"), QStringLiteral("col")});
            LessonHighlight region;
            region.stage =
                toStage(required(item, itemPath, QStringLiteral("stage"), Text::tr("a stage")),
                        jsonMember(itemPath, QStringLiteral("stage")));
            if (const auto row = optional(item, QStringLiteral("row")))
                region.row = toInteger(*row, jsonMember(itemPath, QStringLiteral("row")));
            if (const auto col = optional(item, QStringLiteral("col")))
                region.col = toInteger(*col, jsonMember(itemPath, QStringLiteral("col")));
            if (region.row < -1 || region.col < -1)
                fail(itemPath, Text::tr("rows and columns are 0 or more, or −1 for all"));
            setup.highlights.append(region);
        }
    }
    if (const auto focus = optional(object, QStringLiteral("focus")))
        setup.focus = toMatrix(*focus, jsonMember(path, QStringLiteral("focus")));
    return setup;
}

Goal Loader::readGoal(const QJsonValue &value, const QString &path) const
{
    const QJsonObject object = toObject(value, path);
    Goal goal;
    const QString kindKey = jsonMember(path, QStringLiteral("kind"));
    const QJsonValue kind = required(object, path, QStringLiteral("kind"),
                                     Text::tr("\"argmax\", \"compare\" or \"all\""));
    const QString kindName = kind.toString();
    const auto readCell = [&](bool withValue) {
        QStringList allowed = {QStringLiteral("kind"), QStringLiteral("stage"),
                               QStringLiteral("head"), QStringLiteral("row"),
                               QStringLiteral("col")};
        if (withValue)
            allowed << QStringLiteral("op") << QStringLiteral("value");
        rejectUnknownKeys(object, path, allowed);
        goal.stage = toStage(required(object, path, QStringLiteral("stage"), Text::tr("a stage")),
                             jsonMember(path, QStringLiteral("stage")));
        if (const auto head = optional(object, QStringLiteral("head")))
            goal.head = toInteger(*head, jsonMember(path, QStringLiteral("head")));
        goal.row =
            toInteger(required(object, path, QStringLiteral("row"), Text::tr("a whole number")),
                      jsonMember(path, QStringLiteral("row")));
        goal.col =
            toInteger(required(object, path, QStringLiteral("col"), Text::tr("a whole number")),
                      jsonMember(path, QStringLiteral("col")));
    };
    if (kindName == QLatin1String("argmax")) {
        goal.kind = Goal::Kind::ArgMax;
        readCell(false);
    } else if (kindName == QLatin1String("compare")) {
        goal.kind = Goal::Kind::Compare;
        readCell(true);
        const QString opKey = jsonMember(path, QStringLiteral("op"));
        const QJsonValue op = required(object, path, QStringLiteral("op"),
                                       Text::tr("\"<\", \"<=\", \">\" or \">=\""));
        const QString opName = op.toString();
        if (opName == QLatin1String("<"))
            goal.op = Goal::Op::Less;
        else if (opName == QLatin1String("<="))
            goal.op = Goal::Op::LessOrEqual;
        else if (opName == QLatin1String(">"))
            goal.op = Goal::Op::Greater;
        else if (opName == QLatin1String(">=") && op.isString())
            goal.op = Goal::Op::GreaterOrEqual;
        else
            fail(opKey, Text::tr("expected one of \"<\", \"<=\", \">\", \">=\", found %1")
                            .arg(describe(op)));
        goal.value = toNumber(required(object, path, QStringLiteral("value"), Text::tr("a number")),
                              jsonMember(path, QStringLiteral("value")));
    } else if (kindName == QLatin1String("all")) {
        goal.kind = Goal::Kind::All;
        rejectUnknownKeys(object, path, {QStringLiteral("kind"), QStringLiteral("goals")});
        const QString goalsKey = jsonMember(path, QStringLiteral("goals"));
        const QJsonArray goals = toArray(
            required(object, path, QStringLiteral("goals"), Text::tr("a list of goals")), goalsKey);
        if (goals.isEmpty())
            fail(goalsKey, Text::tr("expected at least one goal"));
        for (qsizetype index = 0; index < goals.size(); ++index)
            goal.goals.push_back(readGoal(goals.at(index), jsonIndexed(goalsKey, index)));
    } else {
        fail(kindKey, Text::tr("expected one of \"argmax\", \"compare\", \"all\", found %1")
                          .arg(describe(kind)));
    }
    return goal;
}

LessonActivity Loader::readActivity(const QJsonValue &value, const QString &path) const
{
    const QJsonObject object = toObject(value, path);
    LessonActivity activity;
    const QJsonValue type = required(object, path, QStringLiteral("type"),
                                     Text::tr("\"read\", \"predict\", \"try\" or \"by-hand\""));
    const QString typeName = type.toString();
    const auto stageAt = [&](bool needed) {
        if (const auto stage = optional(object, QStringLiteral("stage")))
            activity.stage = toStage(*stage, jsonMember(path, QStringLiteral("stage")));
        else if (needed)
            required(object, path, QStringLiteral("stage"), Text::tr("a stage"));
        if (const auto head = optional(object, QStringLiteral("head"))) {
            activity.head = toInteger(*head, jsonMember(path, QStringLiteral("head")));
            if (activity.head < 0)
                fail(jsonMember(path, QStringLiteral("head")), Text::tr("expected 0 or more"));
        }
    };
    const auto integer = [&](const QString &name) {
        const int number = toInteger(required(object, path, name, Text::tr("a whole number")),
                                     jsonMember(path, name));
        if (number < 0)
            fail(jsonMember(path, name), Text::tr("expected 0 or more, found %1").arg(number));
        return number;
    };

    if (typeName == QLatin1String("read")) {
        activity.type = LessonActivity::Type::Read;
        rejectUnknownKeys(object, path, {QStringLiteral("type")});
    } else if (typeName == QLatin1String("predict")) {
        activity.type = LessonActivity::Type::Predict;
        rejectUnknownKeys(object, path,
                          {QStringLiteral("type"), QStringLiteral("stage"), QStringLiteral("head"),
                           QStringLiteral("row"), QStringLiteral("reveal"),
                           QStringLiteral("choices"), QStringLiteral("correct")});
        if (const auto choices = optional(object, QStringLiteral("choices"))) {
            const QString key = jsonMember(path, QStringLiteral("choices"));
            const QJsonArray array = toArray(*choices, key);
            if (array.size() < 2)
                fail(key, Text::tr("expected at least two choices"));
            for (qsizetype index = 0; index < array.size(); ++index)
                activity.choiceKeys << toText(array.at(index), jsonIndexed(key, index));
            activity.correct = integer(QStringLiteral("correct"));
            if (activity.correct >= activity.choiceKeys.size())
                fail(jsonMember(path, QStringLiteral("correct")),
                     Text::tr("expected the index of a choice, 0 to %1, found %2")
                         .arg(activity.choiceKeys.size() - 1)
                         .arg(activity.correct));
            stageAt(false);
            if (object.contains(QStringLiteral("row")))
                activity.row = integer(QStringLiteral("row"));
        } else {
            if (object.contains(QStringLiteral("correct")))
                fail(jsonMember(path, QStringLiteral("correct")),
                     Text::tr("\"correct\" goes with \"choices\""));
            stageAt(true);
            activity.row = integer(QStringLiteral("row"));
        }
        if (const auto reveal = optional(object, QStringLiteral("reveal")))
            activity.reveal = toStage(*reveal, jsonMember(path, QStringLiteral("reveal")));
    } else if (typeName == QLatin1String("try")) {
        activity.type = LessonActivity::Type::Try;
        rejectUnknownKeys(
            object, path,
            {QStringLiteral("type"), QStringLiteral("goal"), QStringLiteral("solution")});
        activity.goal = readGoal(required(object, path, QStringLiteral("goal"), Text::tr("a goal")),
                                 jsonMember(path, QStringLiteral("goal")));
        const QString solutionKey = jsonMember(path, QStringLiteral("solution"));
        activity.solution = readCells(
            required(object, path, QStringLiteral("solution"), Text::tr("a list of cell edits")),
            solutionKey);
        if (activity.solution.isEmpty())
            fail(solutionKey, Text::tr("expected at least one cell edit"));
    } else if (typeName == QLatin1String("by-hand")) {
        activity.type = LessonActivity::Type::ByHand;
        rejectUnknownKeys(object, path,
                          {QStringLiteral("type"), QStringLiteral("stage"), QStringLiteral("head"),
                           QStringLiteral("row"), QStringLiteral("col"),
                           QStringLiteral("tolerance")});
        stageAt(true);
        activity.row = integer(QStringLiteral("row"));
        activity.col = integer(QStringLiteral("col"));
        if (const auto tolerance = optional(object, QStringLiteral("tolerance"))) {
            activity.tolerance =
                toNumber(*tolerance, jsonMember(path, QStringLiteral("tolerance")));
            if (!(activity.tolerance >= 0) || !std::isfinite(activity.tolerance))
                fail(
                    jsonMember(path, QStringLiteral("tolerance")),
                    Text::tr("expected a number of 0 or more, found %1").arg(describe(*tolerance)));
        }
    } else {
        fail(jsonMember(path, QStringLiteral("type")),
             Text::tr("expected one of \"read\", \"predict\", \"try\", \"by-hand\", found %1")
                 .arg(describe(type)));
    }
    return activity;
}

void Loader::readText(LessonStep &step, const QString &path) const
{
    QString file = QDir(m_folder).filePath(step.textFile);
    if (!QFileInfo::exists(file))
        fail(path, Text::tr("the Markdown file %1 does not exist").arg(quoted(step.textFile)));
    if (!m_language.isEmpty() && step.textFile.endsWith(QLatin1String(".md"))) {
        const QString translated =
            file.left(file.size() - 3) + QLatin1Char('.') + m_language + QStringLiteral(".md");
        if (QFileInfo::exists(translated))
            file = translated;
    }
    step.textPath = file;
    const QString shown = QDir(m_folder).relativeFilePath(file);
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly))
        failIn(shown, QString(), Text::tr("cannot read the file: %1").arg(input.errorString()));
    step.text = parseLessonText(QString::fromUtf8(input.readAll()));

    const LessonText &text = step.text;
    if (text.title.trimmed().isEmpty())
        failIn(shown, QString(), Text::tr("no title: the file needs a \"# \" heading"));
    const auto need = [&](const QString &section, const QString &content, const QString &why) {
        if (content.trimmed().isEmpty())
            failIn(shown, QString(),
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
            failIn(
                shown, QString(),
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

void Loader::checkCells(const Scenario &scenario, const QList<LessonCellEdit> &cells,
                        const QString &path) const
{
    for (qsizetype index = 0; index < cells.size(); ++index) {
        const LessonCellEdit &cell = cells.at(index);
        const QString cellPath = jsonIndexed(path, index);
        const QString name = QString::fromLatin1(matrixSymbol(cell.matrix));
        if (!hasMatrix(scenario, cell.matrix))
            fail(jsonMember(cellPath, QStringLiteral("matrix")),
                 Text::tr("the scenario of this step has no %1").arg(name));
        const Matrix matrix = matrixOf(scenario, cell.matrix);
        if (cell.row < 0 || cell.row >= matrix.rows() || cell.col < 0 || cell.col >= matrix.cols())
            fail(cellPath, Text::tr("cell (%1, %2) lies outside %3, which is %4 × %5")
                               .arg(cell.row)
                               .arg(cell.col)
                               .arg(name)
                               .arg(matrix.rows())
                               .arg(matrix.cols()));
    }
}

void Loader::checkCell(const Trace &trace, Stage stage, int head, int row, int col,
                       const QString &path, bool wholeAllowed) const
{
    const Matrix &matrix = trace.matrix(stage, head);
    const bool perHead = stage >= Stage::Scores && stage <= Stage::Output;
    if (perHead && (head < 0 || head >= trace.headCount()))
        fail(jsonMember(path, QStringLiteral("head")),
             Text::tr("the scenario of this step has %1 head(s), numbered from 0; found %2")
                 .arg(trace.headCount())
                 .arg(head));
    if (matrix.size() == 0)
        fail(jsonMember(path, QStringLiteral("stage")),
             Text::tr("the scenario of this step has no %1 stage")
                 .arg(quoted(stage_text::key(stage))));
    const int lowest = wholeAllowed ? -1 : 0;
    if (row < lowest || row >= matrix.rows())
        fail(jsonMember(path, QStringLiteral("row")),
             Text::tr("row %1 lies outside %2, which has %3 rows (numbered from 0)")
                 .arg(row)
                 .arg(stage_text::key(stage))
                 .arg(matrix.rows()));
    if (col < lowest || col >= matrix.cols())
        fail(jsonMember(path, QStringLiteral("col")),
             Text::tr("column %1 lies outside %2, which has %3 columns (numbered from 0)")
                 .arg(col)
                 .arg(stage_text::key(stage))
                 .arg(matrix.cols()));
}

void Loader::checkGoal(const Trace &trace, const Goal &goal, const QString &path) const
{
    if (goal.kind == Goal::Kind::All) {
        for (std::size_t index = 0; index < goal.goals.size(); ++index)
            checkGoal(trace, goal.goals[index],
                      jsonIndexed(jsonMember(path, QStringLiteral("goals")), qsizetype(index)));
        return;
    }
    checkCell(trace, goal.stage, goal.head, goal.row, goal.col, path);
}

void Loader::checkAgainstWorkbench(LessonStep &step, const QString &path)
{
    // Follow the workbench through the lesson as if the learner changed
    // nothing, so rows, cells and heads can be checked against real shapes.
    const LessonSetup &setup = step.setup;
    Scenario scenario = setup.scenario ? *setup.scenario : m_workbench;
    if (!setup.options.isEmpty()) {
        scenario = withLessonOptions(scenario, setup.options);
        if (const auto error = validate(scenario))
            fail(jsonMember(path, QStringLiteral("setup.options")), errorText(*error));
    }
    checkCells(scenario, setup.cells, jsonMember(path, QStringLiteral("setup.cells")));
    scenario = withCellEdits(scenario, setup.cells);
    const Result<Trace> trace = compute(scenario);
    if (!trace.ok())
        fail(jsonMember(path, QStringLiteral("setup")), errorText(trace.error()));
    m_workbench = scenario;

    if (setup.head >= trace->headCount())
        fail(jsonMember(path, QStringLiteral("setup.head")),
             Text::tr("the scenario of this step has %1 head(s), numbered from 0; found %2")
                 .arg(trace->headCount())
                 .arg(setup.head));
    for (qsizetype index = 0; index < setup.highlights.size(); ++index) {
        const LessonHighlight &region = setup.highlights.at(index);
        checkCell(*trace, region.stage, setup.head, region.row, region.col,
                  jsonIndexed(jsonMember(path, QStringLiteral("setup.highlight")), index), true);
    }
    if (setup.focus && !hasMatrix(scenario, *setup.focus))
        fail(jsonMember(path, QStringLiteral("setup.focus")),
             Text::tr("the scenario of this step has no %1")
                 .arg(QString::fromLatin1(matrixSymbol(*setup.focus))));

    const LessonActivity &activity = step.activity;
    const QString activityPath = jsonMember(path, QStringLiteral("activity"));
    switch (activity.type) {
    case LessonActivity::Type::Read:
        break;
    case LessonActivity::Type::Predict:
        if (!activity.hasChoices()) {
            checkCell(*trace, activity.stage, activity.head, activity.row, 0, activityPath);
        }
        break;
    case LessonActivity::Type::Try:
        checkGoal(*trace, activity.goal, jsonMember(activityPath, QStringLiteral("goal")));
        checkCells(scenario, activity.solution,
                   jsonMember(activityPath, QStringLiteral("solution")));
        break;
    case LessonActivity::Type::ByHand:
        checkCell(*trace, activity.stage, activity.head, activity.row, activity.col, activityPath);
        break;
    }
}

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

int Lesson::stepCount() const
{
    int count = 0;
    for (const LessonChapter &chapter : chapters)
        count += int(chapter.steps.size());
    return count;
}

int Lesson::stepNumber(int chapter, int step) const
{
    int number = 0;
    for (int index = 0; index < chapter && index < chapters.size(); ++index)
        number += int(chapters.at(index).steps.size());
    return number + step;
}

LessonLoadResult loadLesson(const QString &manifestPath, const QString &language)
{
    const QString lang =
        language.isEmpty() ? QLocale().name().section(QLatin1Char('_'), 0, 0) : language;
    Loader loader(manifestPath, lang);
    LessonLoadResult result;
    try {
        result.lesson = loader.load();
    } catch (const LoadFailure &failed) {
        QStringList parts{failed.file};
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

Scenario withLessonOptions(const Scenario &scenario, const QJsonObject &options)
{
    Scenario parsed = scenario;
    if (!readScenarioOptions(options, QString(), parsed).isEmpty())
        return scenario;
    Scenario result = scenario;
    if (options.contains(QStringLiteral("heads")) && parsed.heads != result.heads)
        result = edit::withHeads(result, parsed.heads);
    if (options.contains(QStringLiteral("score")))
        result = edit::withScore(result, parsed.score);
    if (parsed.span != result.span)
        result = edit::withSpan(result, parsed.span);
    result.window = parsed.window;
    result.scale = parsed.scale;
    result.scaleValue = parsed.scaleValue;
    result.temperature = parsed.temperature;
    result.mask = parsed.mask;
    result.padding = parsed.padding;
    result.selection = parsed.selection;
    result.seed = parsed.seed;
    result.positional = parsed.positional;
    return result;
}

Scenario withCellEdits(const Scenario &scenario, const QList<LessonCellEdit> &cells)
{
    Scenario result = scenario;
    for (const LessonCellEdit &cell : cells) {
        Matrix value(1, 1);
        value(0, 0) = cell.value;
        setBlock(result, cell.matrix, cell.row, cell.col, value);
    }
    return result;
}

Scenario stepScenario(const LessonSetup &setup, const Scenario &current)
{
    Scenario scenario = setup.scenario ? *setup.scenario : current;
    if (!setup.options.isEmpty())
        scenario = withLessonOptions(scenario, setup.options);
    return withCellEdits(scenario, setup.cells);
}

std::optional<MatrixId> lessonMatrixId(const QString &name)
{
    for (const MatrixName &named : matrixNames) {
        if (name == QLatin1String(named.name))
            return named.id;
    }
    return std::nullopt;
}

std::optional<Stage> lessonStage(const QString &key)
{
    for (int index = 0; index < stageCount; ++index) {
        const auto stage = static_cast<Stage>(index);
        if (stage_text::key(stage) == key)
            return stage;
    }
    return std::nullopt;
}

} // namespace attn::ui
