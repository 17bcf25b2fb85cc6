#include "lesson_step_reader.h"

#include "lesson_paths.h"
#include "presets.h"
#include "scenario_reader.h"
#include "stage_text.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <cmath>

namespace attn::ui {

namespace {

/// The translation context of every message about lesson files.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(LessonFile)
};

const JsonReader &json = lessonJson;

} // namespace

Stage LessonStepReader::toStage(const QJsonValue &value, const QString &key)
{
    if (value.isString()) {
        if (const auto stage = lessonStage(value.toString()))
            return *stage;
    }
    QStringList keys;
    for (int index = 0; index < stageCount; ++index)
        keys << stage_text::key(static_cast<Stage>(index));
    JsonReader::notOneOf(key, keys, value);
}

MatrixId LessonStepReader::toMatrix(const QJsonValue &value, const QString &key)
{
    if (value.isString()) {
        if (const auto id = lessonMatrixId(value.toString()))
            return *id;
    }
    JsonReader::notOneOf(key, lessonMatrixNames(), value);
}

QList<LessonCellEdit> LessonStepReader::readCells(const QJsonValue &value,
                                                  const QString &path) const
{
    QList<LessonCellEdit> cells;
    const QStringList keys = {QStringLiteral("matrix"), QStringLiteral("row"),
                              QStringLiteral("col"), QStringLiteral("value")};
    json.forEachObject(value, path, keys, [&](const QJsonObject &object, const QString &cellPath) {
        LessonCellEdit cell;
        cell.matrix = toMatrix(
            json.required(object, cellPath, QStringLiteral("matrix"), Text::tr("a matrix id")),
            jsonMember(cellPath, QStringLiteral("matrix")));
        cell.row = json.requiredInteger(object, cellPath, QStringLiteral("row"));
        cell.col = json.requiredInteger(object, cellPath, QStringLiteral("col"));
        cell.value = json.toNumber(
            json.required(object, cellPath, QStringLiteral("value"), Text::tr("a number")),
            jsonMember(cellPath, QStringLiteral("value")));
        if (!std::isfinite(cell.value))
            JsonReader::fail(jsonMember(cellPath, QStringLiteral("value")),
                             Text::tr("expected a finite number"));
        cells.append(cell);
    });
    return cells;
}

QList<LessonHighlight> LessonStepReader::readHighlights(const QJsonValue &value,
                                                        const QString &path) const
{
    QList<LessonHighlight> highlights;
    const QStringList keys = {QStringLiteral("stage"), QStringLiteral("row"),
                              QStringLiteral("col")};
    json.forEachObject(value, path, keys, [&](const QJsonObject &item, const QString &itemPath) {
        LessonHighlight region;
        region.stage =
            toStage(json.required(item, itemPath, QStringLiteral("stage"), Text::tr("a stage")),
                    jsonMember(itemPath, QStringLiteral("stage")));
        if (const auto row = JsonReader::optional(item, QStringLiteral("row")))
            region.row = json.toInteger(*row, jsonMember(itemPath, QStringLiteral("row")));
        if (const auto col = JsonReader::optional(item, QStringLiteral("col")))
            region.col = json.toInteger(*col, jsonMember(itemPath, QStringLiteral("col")));
        if (region.row < -1 || region.col < -1)
            JsonReader::fail(itemPath, Text::tr("rows and columns are 0 or more, or −1 for all"));
        highlights.append(region);
    });
    return highlights;
}

LessonSetup LessonStepReader::readSetup(const QJsonValue &value, const QString &path) const
{
    const QJsonObject object = json.toObject(value, path);
    JsonReader::rejectUnknownKeys(object, path,
                                  {QStringLiteral("preset"), QStringLiteral("scenario"),
                                   QStringLiteral("options"), QStringLiteral("cells"),
                                   QStringLiteral("reveal"), QStringLiteral("head"),
                                   QStringLiteral("highlight"), QStringLiteral("focus")});
    LessonSetup setup;
    const auto preset = JsonReader::optional(object, QStringLiteral("preset"));
    const auto scenario = JsonReader::optional(object, QStringLiteral("scenario"));
    if (preset && scenario)
        JsonReader::fail(path, Text::tr("give \"preset\" or \"scenario\", not both"));
    if (preset) {
        const QString key = jsonMember(path, QStringLiteral("preset"));
        setup.preset = json.toText(*preset, key);
        QStringList names;
        for (const PresetInfo &info : presets())
            names << info.name;
        if (!names.contains(setup.preset))
            JsonReader::notOneOf(key, names, *preset);
        const ScenarioReadResult read = loadPreset(setup.preset);
        if (!read.ok())
            JsonReader::fail(key, read.error);
        setup.scenario = *read.scenario;
    }
    if (scenario) {
        const QString key = jsonMember(path, QStringLiteral("scenario"));
        setup.scenarioFile = json.toText(*scenario, key);
        const LessonFilePath inside = fileInsideLesson(m_folder, setup.scenarioFile);
        if (!inside.error.isEmpty())
            JsonReader::fail(key, inside.error);
        const QString file = inside.path;
        if (!QFileInfo::exists(file))
            JsonReader::fail(key, Text::tr("the scenario file %1 does not exist")
                                      .arg(quotedName(setup.scenarioFile)));
        const ScenarioReadResult read = readScenarioFile(file);
        if (!read.ok())
            JsonReader::fail(key, read.error);
        setup.scenario = *read.scenario;
    }
    if (const auto options = JsonReader::optional(object, QStringLiteral("options"))) {
        const QString key = jsonMember(path, QStringLiteral("options"));
        setup.options = json.toObject(*options, key);
        Scenario parsed;
        const QString problem = readScenarioOptions(setup.options, key, parsed);
        if (!problem.isEmpty())
            JsonReader::fail(QString(), problem); // the problem names its key
    }
    if (const auto cells = JsonReader::optional(object, QStringLiteral("cells")))
        setup.cells = readCells(*cells, jsonMember(path, QStringLiteral("cells")));
    if (const auto reveal = JsonReader::optional(object, QStringLiteral("reveal")))
        setup.reveal = toStage(*reveal, jsonMember(path, QStringLiteral("reveal")));
    if (const auto head = JsonReader::optional(object, QStringLiteral("head"))) {
        setup.head = json.toInteger(*head, jsonMember(path, QStringLiteral("head")));
        if (setup.head < 0)
            JsonReader::fail(jsonMember(path, QStringLiteral("head")),
                             Text::tr("expected 0 or more"));
    }
    if (const auto highlight = JsonReader::optional(object, QStringLiteral("highlight")))
        setup.highlights =
            readHighlights(*highlight, jsonMember(path, QStringLiteral("highlight")));
    if (const auto focus = JsonReader::optional(object, QStringLiteral("focus")))
        setup.focus = toMatrix(*focus, jsonMember(path, QStringLiteral("focus")));
    return setup;
}

Goal LessonStepReader::readGoal(const QJsonValue &value, const QString &path) const
{
    const QJsonObject object = json.toObject(value, path);
    Goal goal;
    const QString kindKey = jsonMember(path, QStringLiteral("kind"));
    const QJsonValue kind = json.required(object, path, QStringLiteral("kind"),
                                          Text::tr("\"argmax\", \"compare\" or \"all\""));
    const QString kindName = kind.toString();
    const auto readCell = [&](bool withValue) {
        QStringList allowed = {QStringLiteral("kind"), QStringLiteral("stage"),
                               QStringLiteral("head"), QStringLiteral("row"),
                               QStringLiteral("col")};
        if (withValue)
            allowed << QStringLiteral("op") << QStringLiteral("value");
        JsonReader::rejectUnknownKeys(object, path, allowed);
        goal.stage =
            toStage(json.required(object, path, QStringLiteral("stage"), Text::tr("a stage")),
                    jsonMember(path, QStringLiteral("stage")));
        if (const auto head = JsonReader::optional(object, QStringLiteral("head")))
            goal.head = json.toInteger(*head, jsonMember(path, QStringLiteral("head")));
        goal.row = json.requiredInteger(object, path, QStringLiteral("row"));
        goal.col = json.requiredInteger(object, path, QStringLiteral("col"));
    };
    if (kindName == QLatin1String("argmax")) {
        goal.kind = Goal::Kind::ArgMax;
        readCell(false);
    } else if (kindName == QLatin1String("compare")) {
        goal.kind = Goal::Kind::Compare;
        readCell(true);
        const QString opKey = jsonMember(path, QStringLiteral("op"));
        const QJsonValue op = json.required(object, path, QStringLiteral("op"),
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
            JsonReader::notOneOf(opKey,
                                 {QStringLiteral("<"), QStringLiteral("<="), QStringLiteral(">"),
                                  QStringLiteral(">=")},
                                 op);
        goal.value = json.toNumber(
            json.required(object, path, QStringLiteral("value"), Text::tr("a number")),
            jsonMember(path, QStringLiteral("value")));
    } else if (kindName == QLatin1String("all")) {
        goal.kind = Goal::Kind::All;
        JsonReader::rejectUnknownKeys(object, path,
                                      {QStringLiteral("kind"), QStringLiteral("goals")});
        const QString goalsKey = jsonMember(path, QStringLiteral("goals"));
        const QJsonArray goals = json.toArray(
            json.required(object, path, QStringLiteral("goals"), Text::tr("a list of goals")),
            goalsKey);
        if (goals.isEmpty())
            JsonReader::fail(goalsKey, Text::tr("expected at least one goal"));
        for (qsizetype index = 0; index < goals.size(); ++index)
            goal.goals.push_back(readGoal(goals.at(index), jsonIndexed(goalsKey, index)));
    } else {
        JsonReader::notOneOf(
            kindKey, {QStringLiteral("argmax"), QStringLiteral("compare"), QStringLiteral("all")},
            kind);
    }
    return goal;
}

LessonActivity LessonStepReader::readActivity(const QJsonValue &value, const QString &path) const
{
    const QJsonObject object = json.toObject(value, path);
    LessonActivity activity;
    const QJsonValue type =
        json.required(object, path, QStringLiteral("type"),
                      Text::tr("\"read\", \"predict\", \"try\" or \"by-hand\""));
    const QString typeName = type.toString();
    const auto stageAt = [&](bool needed) {
        if (const auto stage = JsonReader::optional(object, QStringLiteral("stage")))
            activity.stage = toStage(*stage, jsonMember(path, QStringLiteral("stage")));
        else if (needed)
            json.required(object, path, QStringLiteral("stage"), Text::tr("a stage"));
        if (const auto head = JsonReader::optional(object, QStringLiteral("head"))) {
            activity.head = json.toInteger(*head, jsonMember(path, QStringLiteral("head")));
            if (activity.head < 0)
                JsonReader::fail(jsonMember(path, QStringLiteral("head")),
                                 Text::tr("expected 0 or more"));
        }
    };
    const auto integer = [&](const QString &name) {
        const int number = json.requiredInteger(object, path, name);
        if (number < 0)
            JsonReader::fail(jsonMember(path, name),
                             Text::tr("expected 0 or more, found %1").arg(number));
        return number;
    };

    if (typeName == QLatin1String("read")) {
        activity.type = LessonActivity::Type::Read;
        JsonReader::rejectUnknownKeys(object, path, {QStringLiteral("type")});
    } else if (typeName == QLatin1String("predict")) {
        activity.type = LessonActivity::Type::Predict;
        JsonReader::rejectUnknownKeys(object, path,
                                      {QStringLiteral("type"), QStringLiteral("stage"),
                                       QStringLiteral("head"), QStringLiteral("row"),
                                       QStringLiteral("reveal"), QStringLiteral("choices"),
                                       QStringLiteral("correct")});
        if (const auto choices = JsonReader::optional(object, QStringLiteral("choices"))) {
            const QString key = jsonMember(path, QStringLiteral("choices"));
            const QJsonArray array = json.toArray(*choices, key);
            if (array.size() < 2)
                JsonReader::fail(key, Text::tr("expected at least two choices"));
            for (qsizetype index = 0; index < array.size(); ++index)
                activity.choiceKeys << json.toText(array.at(index), jsonIndexed(key, index));
            activity.correct = integer(QStringLiteral("correct"));
            if (activity.correct >= activity.choiceKeys.size())
                JsonReader::fail(jsonMember(path, QStringLiteral("correct")),
                                 Text::tr("expected the index of a choice, 0 to %1, found %2")
                                     .arg(activity.choiceKeys.size() - 1)
                                     .arg(activity.correct));
            stageAt(false);
            if (object.contains(QStringLiteral("row")))
                activity.row = integer(QStringLiteral("row"));
        } else {
            if (object.contains(QStringLiteral("correct")))
                JsonReader::fail(jsonMember(path, QStringLiteral("correct")),
                                 Text::tr("\"correct\" goes with \"choices\""));
            stageAt(true);
            activity.row = integer(QStringLiteral("row"));
        }
        if (const auto reveal = JsonReader::optional(object, QStringLiteral("reveal")))
            activity.reveal = toStage(*reveal, jsonMember(path, QStringLiteral("reveal")));
    } else if (typeName == QLatin1String("try")) {
        activity.type = LessonActivity::Type::Try;
        JsonReader::rejectUnknownKeys(
            object, path,
            {QStringLiteral("type"), QStringLiteral("goal"), QStringLiteral("solution")});
        activity.goal =
            readGoal(json.required(object, path, QStringLiteral("goal"), Text::tr("a goal")),
                     jsonMember(path, QStringLiteral("goal")));
        const QString solutionKey = jsonMember(path, QStringLiteral("solution"));
        activity.solution = readCells(json.required(object, path, QStringLiteral("solution"),
                                                    Text::tr("a list of cell edits")),
                                      solutionKey);
        if (activity.solution.isEmpty())
            JsonReader::fail(solutionKey, Text::tr("expected at least one cell edit"));
    } else if (typeName == QLatin1String("by-hand")) {
        activity.type = LessonActivity::Type::ByHand;
        JsonReader::rejectUnknownKeys(object, path,
                                      {QStringLiteral("type"), QStringLiteral("stage"),
                                       QStringLiteral("head"), QStringLiteral("row"),
                                       QStringLiteral("col"), QStringLiteral("tolerance")});
        stageAt(true);
        activity.row = integer(QStringLiteral("row"));
        activity.col = integer(QStringLiteral("col"));
        if (const auto tolerance = JsonReader::optional(object, QStringLiteral("tolerance"))) {
            activity.tolerance =
                json.toNumber(*tolerance, jsonMember(path, QStringLiteral("tolerance")));
            if (!(activity.tolerance >= 0) || !std::isfinite(activity.tolerance))
                JsonReader::fail(jsonMember(path, QStringLiteral("tolerance")),
                                 Text::tr("expected a number of 0 or more, found %1")
                                     .arg(jsonDescription(*tolerance)));
        }
    } else {
        JsonReader::notOneOf(jsonMember(path, QStringLiteral("type")),
                             {QStringLiteral("read"), QStringLiteral("predict"),
                              QStringLiteral("try"), QStringLiteral("by-hand")},
                             type);
    }
    return activity;
}

} // namespace attn::ui
