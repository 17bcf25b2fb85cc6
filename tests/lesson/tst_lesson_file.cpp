// Loading and checking lesson folders: a valid lesson loads whole; every kind
// of mistake is refused with one sentence naming the file, the chapter, the
// step and the key.
#include "attention.h"
#include "lesson.h"
#include "lesson_fixture.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace attn;
using namespace attn::ui;

namespace {

/// Sets the value at a path such as "chapters/1/steps/0/activity/goal/op";
/// an undefined value removes the key.
QJsonValue setAt(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString head = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const int index = head.toInt();
        array[index] = setAt(array.at(index), path, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty() && value.isUndefined())
        object.remove(head);
    else
        object[head] = setAt(object.value(head), path, value);
    return object;
}

} // namespace

class TestLessonFile : public QObject
{
    Q_OBJECT

private slots:
    void validLessonLoads();
    void sectionsAreSplit();
    void translations();
    void rejected_data();
    void rejected();
    void goalKindMessage();
    void listMessages_data();
    void listMessages();
    void optionsFollowTheEditFunctions();
    void missingManifest();
    void symbolicLinksOutOfTheFolderRefused();
};

void TestLessonFile::validLessonLoads()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const LessonLoadResult result = loadLesson(lesson_fixture::write(dir.path()), QStringLiteral("en"));
    QVERIFY2(result.ok(), qPrintable(result.error));
    const Lesson &lesson = *result.lesson;
    QCOMPARE(lesson.id, QStringLiteral("test-lesson"));
    QCOMPARE(lesson.title, QStringLiteral("A test lesson"));
    QCOMPARE(lesson.chapters.size(), 2);
    QCOMPARE(lesson.stepCount(), 6);
    QCOMPARE(lesson.stepNumber(1, 1), 4);

    const LessonStep &intro = lesson.step(0, 0);
    QCOMPARE(intro.text.title, QStringLiteral("Four words"));
    QVERIFY(intro.setup.replacesScenario());
    QCOMPARE(intro.setup.scenario->wK, tutorialScenario().wK);
    QCOMPARE(intro.setup.scenario->target.embeddings, tutorialScenario().target.embeddings);
    QCOMPARE(intro.setup.reveal, std::optional<Stage>(Stage::Scores));
    QCOMPARE(intro.setup.highlights.size(), 1);
    QCOMPARE(intro.setup.highlights.at(0).col, -1);
    QCOMPARE(intro.setup.focus, std::optional<MatrixId>(MatrixId::KeyWeights));
    QCOMPARE(intro.activity.type, LessonActivity::Type::Read);

    const LessonStep &predict = lesson.step(0, 1);
    QVERIFY(!predict.setup.changesScenario());
    QCOMPARE(predict.activity.type, LessonActivity::Type::Predict);
    QCOMPARE(predict.activity.stage, Stage::Weights);
    QCOMPARE(predict.activity.row, 0);
    QCOMPARE(predict.activity.reveal, std::optional<Stage>(Stage::Weights));

    const LessonStep &choose = lesson.step(0, 2);
    QCOMPARE(choose.activity.choiceKeys, (QStringList{"flat", "sharp"}));
    QCOMPARE(choose.activity.correct, 1);
    QCOMPARE(choose.text.choices, (QStringList{"flatter", "sharper"}));

    const LessonStep &tryIt = lesson.step(1, 0);
    QCOMPARE(tryIt.activity.type, LessonActivity::Type::Try);
    QCOMPARE(tryIt.activity.goal.kind, Goal::Kind::ArgMax);
    QCOMPARE(tryIt.activity.goal.row, 1);
    QCOMPARE(tryIt.activity.goal.col, 3);
    QCOMPARE(tryIt.activity.solution.size(), 1);
    QCOMPARE(tryIt.activity.solution.at(0).matrix, MatrixId::KeyWeights);
    QCOMPARE(tryIt.activity.solution.at(0).value, 3.0);

    // The solution meets the goal; the step's start does not (NumPy: row 1's
    // arg-max is word_1 before, word_4 once W_K[2][0] = 3 makes score[1][3] = 6).
    const Scenario start = stepScenario(tryIt.setup, tutorialScenario());
    QVERIFY(!goalMet(tryIt.activity.goal, *compute(start)));
    QVERIFY(goalMet(tryIt.activity.goal, *compute(withCellEdits(start, tryIt.activity.solution))));

    const LessonStep &hand = lesson.step(1, 1);
    QCOMPARE(hand.activity.type, LessonActivity::Type::ByHand);
    QCOMPARE(hand.activity.col, 2);
    QCOMPARE(hand.activity.tolerance, 0.005);

    const LessonStep &causal = lesson.step(1, 2);
    QCOMPARE(causal.setup.preset, QStringLiteral("causal"));
    const Scenario decoder = stepScenario(causal.setup, tutorialScenario());
    QCOMPARE(decoder.mask, MaskKind::Causal);
    QCOMPARE(decoder.temperature, 2.0);
}

void TestLessonFile::sectionsAreSplit()
{
    const LessonText text = parseLessonText(QStringLiteral(
        "Intro line before the title\n# The title\n\nBody **bold**.\n<!-- question -->\nWhy?\n"
        "<!--choices-->\n1. one\n2. two\n   continued\n<!-- hint -->\nLook.\n<!-- right -->\nYes."
        "\n<!-- wrong -->\nNo.\n"));
    QCOMPARE(text.title, QStringLiteral("The title"));
    QCOMPARE(text.body, QStringLiteral("Intro line before the title\n\nBody **bold**."));
    QCOMPARE(text.question, QStringLiteral("Why?"));
    QCOMPARE(text.choices, (QStringList{"one", "two continued"}));
    QCOMPARE(text.hint, QStringLiteral("Look."));
    QCOMPARE(text.right, QStringLiteral("Yes."));
    QCOMPARE(text.wrong, QStringLiteral("No."));
}

void TestLessonFile::translations()
{
    QTemporaryDir dir;
    const QString path = lesson_fixture::write(dir.path());

    const LessonLoadResult german = loadLesson(path, QStringLiteral("de"));
    QVERIFY2(german.ok(), qPrintable(german.error));
    QCOMPARE(german.lesson->title, QStringLiteral("Eine Testlektion"));
    QCOMPARE(german.lesson->chapters.at(0).title, QStringLiteral("Grundlagen"));
    QCOMPARE(german.lesson->chapters.at(1).title, QStringLiteral("Doing")); // no "title@de"
    QCOMPARE(german.lesson->step(0, 0).text.title, QStringLiteral("Vier Wörter"));
    QVERIFY(german.lesson->step(0, 0).textPath.endsWith(QLatin1String("intro.de.md")));
    // No predict.de.md: the plain file is the fallback.
    QCOMPARE(german.lesson->step(0, 1).text.title, QStringLiteral("Guess first"));

    const LessonLoadResult french = loadLesson(path, QStringLiteral("fr"));
    QVERIFY2(french.ok(), qPrintable(french.error));
    QCOMPARE(french.lesson->title, QStringLiteral("A test lesson"));
    QCOMPARE(french.lesson->step(0, 0).text.title, QStringLiteral("Four words"));
}

void TestLessonFile::rejected_data()
{
    QTest::addColumn<QString>("path");   // where to change the manifest, "" for none
    QTest::addColumn<QString>("value");  // JSON text, "" to remove the key
    QTest::addColumn<QString>("file");   // a file to overwrite ("lesson.json": the raw manifest)
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("expected"); // parts the message must contain

    const auto patch = [](const char *name, const char *path, const char *value,
                          const QStringList &expected) {
        QTest::newRow(name) << QString::fromLatin1(path) << QString::fromUtf8(value) << QString()
                            << QByteArray() << expected;
    };
    const auto file = [](const char *name, const char *path, const QByteArray &content,
                         const QStringList &expected) {
        QTest::newRow(name) << QString() << QString() << QString::fromLatin1(path) << content
                            << expected;
    };

    file("not JSON", "lesson.json", "{ \"format\": \"attention-lab-lesson\", ",
         {"lesson.json: not valid JSON at line 1"});
    patch("wrong format", "format", "\"attention-lab-scenario\"",
          {"lesson.json: format: expected \"attention-lab-lesson\"", "not an Attention Lab lesson"});
    patch("newer version", "version", "2", {"lesson.json: version: the lesson has version 2"});
    patch("missing id", "id", "", {"lesson.json: id: this required key is missing"});
    patch("no chapters", "chapters", "[]", {"lesson.json: chapters:"});
    patch("unknown key at the top", "chapter", "[]", {"lesson.json: chapter: unknown key"});
    patch("chapter without title", "chapters/1/title", "",
          {"lesson.json: chapter \"doing\": title: this required key is missing"});
    patch("duplicate chapter id", "chapters/1/id", "\"basics\"",
          {"lesson.json: chapter \"basics\": id: another chapter has the same id"});
    patch("duplicate step id", "chapters/0/steps/1/id", "\"intro\"",
          {"chapter \"basics\", step \"intro\": id: another step"});
    patch("misspelt step key", "chapters/0/steps/0/activty", "{}",
          {"step \"intro\": activty: unknown key"});
    patch("unknown preset", "chapters/0/steps/0/setup/preset", "\"tutorail\"",
          {"lesson.json: chapter \"basics\", step \"intro\": setup.preset: expected one of",
           "found \"tutorail\""});
    patch("preset and scenario", "chapters/0/steps/0/setup/scenario", "\"mine.json\"",
          {"step \"intro\": setup: give \"preset\" or \"scenario\""});
    patch("missing scenario file", "chapters/1/steps/1/setup",
          "{\"scenario\": \"examples/mine.json\"}",
          {"step \"hand\": setup.scenario: the scenario file \"examples/mine.json\" does not exist"});
    patch("unknown stage", "chapters/0/steps/0/setup/reveal", "\"softmax\"",
          {"step \"intro\": setup.reveal: expected one of \"embeddings\"", "found \"softmax\""});
    patch("unknown matrix", "chapters/0/steps/0/setup/focus", "\"w_z\"",
          {"step \"intro\": setup.focus: expected one of \"x\""});
    patch("bad option value", "chapters/1/steps/0/setup/options", "{\"temperature\": \"hot\"}",
          {"step \"try\": setup.options.temperature: expected a number"});
    patch("misspelt option", "chapters/1/steps/0/setup/options", "{\"temprature\": 2}",
          {"step \"try\": setup.options.temprature: unknown key"});
    patch("options that do not fit", "chapters/1/steps/0/setup/options", "{\"temperature\": 0}",
          {"step \"try\": setup.options: "});
    patch("cell outside the matrix", "chapters/0/steps/0/setup/cells",
          "[{\"matrix\": \"w_k\", \"row\": 3, \"col\": 0, \"value\": 1}]",
          {"step \"intro\": setup.cells[0]: cell (3, 0) lies outside W_K, which is 3 × 3"});
    patch("cell of a matrix the scenario lacks", "chapters/0/steps/0/setup/cells",
          "[{\"matrix\": \"w_o\", \"row\": 0, \"col\": 0, \"value\": 1}]",
          {"step \"intro\": setup.cells[0].matrix: the scenario of this step has no W_O"});
    patch("highlight outside", "chapters/0/steps/0/setup/highlight",
          "[{\"stage\": \"scores\", \"row\": 7}]", {"step \"intro\": setup.highlight[0].row"});
    patch("head out of range", "chapters/0/steps/0/setup/head", "1",
          {"step \"intro\": setup.head: the scenario of this step has 1 head(s)"});
    patch("missing Markdown file", "chapters/0/steps/0/text", "\"basics/nowhere.md\"",
          {"lesson.json: chapter \"basics\", step \"intro\": text: the Markdown file "
           "\"basics/nowhere.md\" does not exist"});
    // A lesson reads only the files of its own folder.
    patch("absolute Markdown path", "chapters/0/steps/0/text", "\"/etc/hostname\"",
          {"lesson.json: chapter \"basics\", step \"intro\": text: \"/etc/hostname\" is "
           "outside the lesson's folder"});
    patch("Markdown path climbing out", "chapters/0/steps/0/text", "\"../outside.md\"",
          {"step \"intro\": text: \"../outside.md\" is outside the lesson's folder"});
    patch("Markdown path climbing out from a subfolder", "chapters/0/steps/0/text",
          "\"basics/../../outside.md\"",
          {"step \"intro\": text: \"basics/../../outside.md\" is outside the lesson's folder"});
    patch("scenario path climbing out", "chapters/1/steps/1/setup",
          "{\"scenario\": \"../../mine.json\"}",
          {"step \"hand\": setup.scenario: \"../../mine.json\" is outside the lesson's folder"});
    patch("scenario that is a device", "chapters/1/steps/1/setup", "{\"scenario\": \"/dev/zero\"}",
          {"step \"hand\": setup.scenario: \"/dev/zero\" is outside the lesson's folder"});
    file("Markdown without a title", "basics/intro.md", "Just words, no heading.\n",
         {"basics/intro.md: chapter \"basics\", step \"intro\": no title"});
    file("predict without its wrong section", "basics/predict.md",
         "# Guess\n<!-- question -->\nWhich?\n<!-- right -->\nYes.\n",
         {"basics/predict.md: chapter \"basics\", step \"predict\": the section <!-- wrong -->"});
    file("choices that do not match", "basics/choose.md",
         "# T\n<!-- question -->\nQ\n<!-- choices -->\n- one\n<!-- right -->\nR\n<!-- wrong -->\nW\n",
         {"basics/choose.md: chapter \"basics\", step \"choose\": the section <!-- choices --> "
          "lists 1 choices, but the activity has 2"});
    file("try without a hint", "doing/try.md", "# Try\n<!-- question -->\nDo it.\n",
         {"doing/try.md: chapter \"doing\", step \"try\": the section <!-- hint -->"});
    patch("unknown activity type", "chapters/0/steps/1/activity/type", "\"guess\"",
          {"step \"predict\": activity.type: expected one of \"read\", \"predict\""});
    patch("predict with a bad row", "chapters/0/steps/1/activity/row", "4",
          {"lesson.json: chapter \"basics\", step \"predict\": activity.row: row 4 lies outside "
           "weights, which has 4 rows"});
    patch("predict with a negative row", "chapters/0/steps/1/activity/row", "-1",
          {"step \"predict\": activity.row: expected 0 or more"});
    patch("predict without a stage", "chapters/0/steps/1/activity/stage", "",
          {"step \"predict\": activity.stage: this required key is missing"});
    patch("predict with a wrong correct index", "chapters/0/steps/2/activity/correct", "2",
          {"step \"choose\": activity.correct: expected the index of a choice, 0 to 1, found 2"});
    patch("try without goal", "chapters/1/steps/0/activity/goal", "",
          {"lesson.json: chapter \"doing\", step \"try\": activity.goal: this required key is "
           "missing"});
    patch("try without solution", "chapters/1/steps/0/activity/solution", "",
          {"step \"try\": activity.solution: this required key is missing"});
    patch("bad op", "chapters/1/steps/0/activity/goal",
          "{\"kind\": \"compare\", \"stage\": \"weights\", \"row\": 0, \"col\": 2, \"op\": \"=>\", "
          "\"value\": 0.9}",
          {"step \"try\": activity.goal.op: expected one of \"<\", \"<=\", \">\", \">=\", found "
           "\"=>\""});
    patch("compare without value", "chapters/1/steps/0/activity/goal",
          "{\"kind\": \"compare\", \"stage\": \"weights\", \"row\": 0, \"col\": 2, \"op\": \">\"}",
          {"step \"try\": activity.goal.value: this required key is missing"});
    patch("goal outside the matrix", "chapters/1/steps/0/activity/goal",
          "{\"kind\": \"all\", \"goals\": [{\"kind\": \"argmax\", \"stage\": \"weights\", \"row\": "
          "1, \"col\": 9}]}",
          {"step \"try\": activity.goal.goals[0].col: column 9 lies outside weights"});
    patch("solution outside the matrix", "chapters/1/steps/0/activity/solution/0/row", "5",
          {"step \"try\": activity.solution[0]: cell (5, 0) lies outside W_K"});
    patch("by-hand with a negative tolerance", "chapters/1/steps/1/activity/tolerance", "-1",
          {"step \"hand\": activity.tolerance: expected a number of 0 or more"});
    patch("by-hand without col", "chapters/1/steps/1/activity/col", "",
          {"step \"hand\": activity.col: this required key is missing"});
}

void TestLessonFile::rejected()
{
    QFETCH(QString, path);
    QFETCH(QString, value);
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, expected);

    QTemporaryDir dir;
    QJsonObject manifest = lesson_fixture::manifest();
    if (!path.isEmpty()) {
        const QJsonValue parsed =
            value.isEmpty() ? QJsonValue(QJsonValue::Undefined)
                            : QJsonDocument::fromJson("[" + value.toUtf8() + "]").array().at(0);
        manifest = setAt(manifest, path.split(QLatin1Char('/')), parsed).toObject();
    }
    auto files = lesson_fixture::markdownFiles();
    if (!file.isEmpty() && file != QLatin1String("lesson.json"))
        files[file] = content;
    QString manifestPath = lesson_fixture::write(dir.path(), manifest, files);
    if (file == QLatin1String("lesson.json")) {
        QFile raw(manifestPath);
        QVERIFY(raw.open(QIODevice::WriteOnly | QIODevice::Truncate));
        raw.write(content);
    }

    const LessonLoadResult result = loadLesson(manifestPath, QStringLiteral("en"));
    QVERIFY2(!result.ok(), "the broken lesson was accepted");
    QVERIFY(!result.lesson.has_value());
    for (const QString &part : expected)
        QVERIFY2(result.error.contains(part),
                 qPrintable(QStringLiteral("\n  message: %1\n  missing: %2").arg(result.error, part)));
    QVERIFY2(!result.error.contains(QLatin1Char('\n')), qPrintable(result.error));
}

void TestLessonFile::goalKindMessage()
{
    // The sentence of the format's contract, word for word.
    QTemporaryDir dir;
    const QJsonObject manifest =
        setAt(lesson_fixture::manifest(),
              QStringLiteral("chapters/1/steps/0/activity/goal/kind").split(QLatin1Char('/')),
              QStringLiteral("max"))
            .toObject();
    const LessonLoadResult result =
        loadLesson(lesson_fixture::write(dir.path(), manifest), QStringLiteral("en"));
    QCOMPARE(result.error,
             QStringLiteral("lesson.json: chapter \"doing\", step \"try\": activity.goal.kind: "
                            "expected one of \"argmax\", \"compare\", \"all\", found \"max\""));
}

void TestLessonFile::listMessages_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("value"); // JSON text
    QTest::addColumn<QString>("expected");

    // Word for word: a message names the chapter and step it is in, and no
    // other; an item that is not read yet is named by its place in the list.
    QTest::newRow("no chapters") << "chapters"
                                 << "[]"
                                 << "lesson.json: chapters: a lesson needs at least one chapter";
    QTest::newRow("no steps") << "chapters/1/steps"
                              << "[]"
                              << "lesson.json: chapter \"doing\": steps: a chapter needs at "
                                 "least one step";
    QTest::newRow("chapter not an object")
        << "chapters/1"
        << "5"
        << "lesson.json: chapters[1]: expected an object, found 5";
    QTest::newRow("step not an object")
        << "chapters/1/steps/0"
        << "5"
        << "lesson.json: chapter \"doing\": steps[0]: expected an object, found 5";
    QTest::newRow("empty chapter id")
        << "chapters/1/id"
        << "\"\""
        << "lesson.json: chapters[1].id: expected a name, found an empty string";
    QTest::newRow("empty step id")
        << "chapters/1/steps/1/id"
        << "\" \""
        << "lesson.json: chapter \"doing\": steps[1].id: expected a name, found an empty string";
    QTest::newRow("duplicate chapter id")
        << "chapters/1/id"
        << "\"basics\""
        << "lesson.json: chapter \"basics\": id: another chapter has the same id";
    QTest::newRow("duplicate step id")
        << "chapters/0/steps/1/id"
        << "\"intro\""
        << "lesson.json: chapter \"basics\", step \"intro\": id: another step of this chapter "
           "has the same id";
}

void TestLessonFile::listMessages()
{
    QFETCH(QString, path);
    QFETCH(QString, value);
    QFETCH(QString, expected);

    QTemporaryDir dir;
    const QJsonValue parsed = QJsonDocument::fromJson("[" + value.toUtf8() + "]").array().at(0);
    const QJsonObject manifest =
        setAt(lesson_fixture::manifest(), path.split(QLatin1Char('/')), parsed).toObject();
    const LessonLoadResult result =
        loadLesson(lesson_fixture::write(dir.path(), manifest), QStringLiteral("en"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error, expected);
}

void TestLessonFile::optionsFollowTheEditFunctions()
{
    const QJsonObject options = QJsonDocument::fromJson(R"({
        "heads": 2, "temperature": 0.5, "mask": "causal", "scale": "none",
        "span": {"type": "local-m", "window": 1}, "selection": {"type": "sample", "seed": 7},
        "padding": [false, false, false, true], "score": "general", "positional": "sinusoidal"
    })").object();
    const Scenario tutorial = tutorialScenario();
    const Scenario scenario = withLessonOptions(tutorial, options);
    QCOMPARE(scenario.heads, 2);
    QCOMPARE(scenario.keyDim(), 4); // d_k = 3 grows to the next multiple of 2, as withHeads does
    QCOMPARE(scenario.valueDim(), 4);
    QCOMPARE(scenario.temperature, 0.5);
    QCOMPARE(scenario.mask, MaskKind::Causal);
    QCOMPARE(scenario.scale, ScaleMode::None);
    QCOMPARE(scenario.span, SpanKind::LocalM);
    QCOMPARE(scenario.window, 1);
    QCOMPARE(scenario.selection, SelectionKind::Sample);
    QCOMPARE(scenario.seed, std::uint64_t(7));
    QCOMPARE(scenario.padding, (std::vector<bool>{false, false, false, true}));
    QCOMPARE(scenario.score, ScoreFunction::General);
    QCOMPARE(scenario.wA.rows(), 2); // W_a is d_h × d_h, as withScore shapes it
    QCOMPARE(scenario.positional, PositionalEncoding::Sinusoidal);
    QVERIFY(!validate(scenario).has_value());
    // The words and W_Q's first columns are the learner's, untouched.
    QCOMPARE(scenario.target.embeddings, tutorial.target.embeddings);
    QCOMPARE(scenario.wQ.leftCols(3), tutorial.wQ);
}

void TestLessonFile::missingManifest()
{
    const LessonLoadResult result = loadLesson(QStringLiteral("/nonexistent/lesson.json"));
    QVERIFY(!result.ok());
    QVERIFY2(result.error.startsWith(QLatin1String("lesson.json: ")), qPrintable(result.error));
}

// A symbolic link inside the folder that leads out of it is refused like a
// path with "..": where the file really is decides. A link that stays inside
// and a ".." that comes back inside are fine.
void TestLessonFile::symbolicLinksOutOfTheFolderRefused()
{
    QTemporaryDir outside;
    QTemporaryDir dir;
    QVERIFY(outside.isValid() && dir.isValid());
    auto files = lesson_fixture::markdownFiles();
    const QString secret = outside.filePath(QStringLiteral("secret.md"));
    {
        QFile file(secret);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(files.value(QStringLiteral("basics/intro.md")));
    }

    // Inside, and back inside: loads.
    QJsonObject manifest = setAt(lesson_fixture::manifest(), {"chapters", "0", "steps", "0", "text"},
                                 QStringLiteral("doing/../basics/intro.md"))
                               .toObject();
    QString manifestPath = lesson_fixture::write(dir.path(), manifest, files);
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("basics/intro.md")),
                        dir.filePath(QStringLiteral("inner-link.md"))));
    LessonLoadResult result = loadLesson(manifestPath, QStringLiteral("en"));
    QVERIFY2(result.ok(), qPrintable(result.error));

    // A link to a file outside the folder.
    QVERIFY(QFile::link(secret, dir.filePath(QStringLiteral("basics/link.md"))));
    manifest = setAt(manifest, {"chapters", "0", "steps", "0", "text"},
                     QStringLiteral("basics/link.md"))
                   .toObject();
    manifestPath = lesson_fixture::write(dir.path(), manifest, files);
    result = loadLesson(manifestPath, QStringLiteral("en"));
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(
                 QStringLiteral("text: \"basics/link.md\" is outside the lesson's folder")),
             qPrintable(result.error));

    // A step's scenario that is a link to /dev/zero, which would read forever.
    QVERIFY(QFile::link(QStringLiteral("/dev/zero"), dir.filePath(QStringLiteral("zero.json"))));
    manifest = setAt(lesson_fixture::manifest(), {"chapters", "1", "steps", "1", "setup"},
                     QJsonObject{{QStringLiteral("scenario"), QStringLiteral("zero.json")}})
                   .toObject();
    manifestPath = lesson_fixture::write(dir.path(), manifest, files);
    result = loadLesson(manifestPath, QStringLiteral("en"));
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(
                 QStringLiteral("setup.scenario: \"zero.json\" is outside the lesson's folder")),
             qPrintable(result.error));
}

QTEST_GUILESS_MAIN(TestLessonFile)
#include "tst_lesson_file.moc"
