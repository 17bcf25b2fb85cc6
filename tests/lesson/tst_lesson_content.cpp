// The shipped lesson (resources/lessons/attention-from-scratch): it loads, every
// step sets up a scenario that computes, every try goal is open at the start and
// met by its solution, and every number the learner is asked for or told matches
// the engine.
//
// Expected numbers come from NumPy (tests/reference/lesson_reference.py), never
// from the engine: the by-hand values to 15 digits, the predicted keys, and the
// rounded numbers the Markdown quotes.

#include "attention.h"
#include "document.h"
#include "lesson.h"
#include "lesson_goal.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>
#include <cmath>

using namespace attn;
using namespace attn::ui;

namespace {

struct Located
{
    int chapter = -1;
    int step = -1;
};

Located find(const Lesson &lesson, const QString &chapterId, const QString &stepId)
{
    for (int c = 0; c < lesson.chapters.size(); ++c) {
        if (lesson.chapters[c].id != chapterId)
            continue;
        for (int s = 0; s < lesson.chapters[c].steps.size(); ++s) {
            if (lesson.chapters[c].steps[s].id == stepId)
                return {c, s};
        }
    }
    return {};
}

/// The scenario every step starts from, in lesson order (a step without a
/// preset or scenario keeps the one before).
QList<QList<Scenario>> startScenarios(const Lesson &lesson)
{
    QList<QList<Scenario>> result;
    Scenario current = tutorialScenario();
    for (const LessonChapter &chapter : lesson.chapters) {
        QList<Scenario> steps;
        for (const LessonStep &step : chapter.steps) {
            current = stepScenario(step.setup, current);
            steps.append(current);
        }
        result.append(steps);
    }
    return result;
}

int wordCount(const QString &text)
{
    return static_cast<int>(
        text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size());
}

} // namespace

class TestLessonContent : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void chaptersInOrder();
    void everyChapterHasSomethingToDo();
    void stepsFitThePanel();
    void everyStepComputes();
    void tryGoalsOpenAtStartAndMetBySolution();
    void tryGoalsMetThroughTheDocument();
    void byHandAnswers_data();
    void byHandAnswers();
    void predictAnswers_data();
    void predictAnswers();
    void choiceAnswers_data();
    void choiceAnswers();
    void quotedNumbers_data();
    void quotedNumbers();

private:
    std::optional<Lesson> m_lesson;
    QList<QList<Scenario>> m_start;

    const LessonStep &step(const QString &chapterId, const QString &stepId,
                           Located *where = nullptr)
    {
        const Located at = find(*m_lesson, chapterId, stepId);
        if (where)
            *where = at;
        Q_ASSERT(at.chapter >= 0);
        return m_lesson->step(at.chapter, at.step);
    }
    Trace traceOf(const Scenario &scenario)
    {
        Result<Trace> result = compute(scenario);
        if (!result.ok())
            qFatal("a step's scenario does not compute");
        return std::move(result.value());
    }
};

void TestLessonContent::initTestCase()
{
    const LessonLoadResult loaded =
        loadLesson(QString::fromLatin1(shippedLessonPath), QStringLiteral("en"));
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QVERIFY(loaded.error.isEmpty());
    m_lesson = loaded.lesson;
    m_start = startScenarios(*m_lesson);
}

void TestLessonContent::chaptersInOrder()
{
    const QStringList expected = {
        "why-attention", "queries-keys-values", "scoring",          "scaling",       "softmax",
        "weighted-sum",  "self-and-cross",      "global-and-local", "soft-and-hard", "masking",
        "multi-head",    "strengths-and-uses",
    };
    QStringList ids;
    for (const LessonChapter &chapter : m_lesson->chapters)
        ids.append(chapter.id);
    QCOMPARE(ids, expected);
    QCOMPARE(m_lesson->id, QStringLiteral("attention-from-scratch"));
    QVERIFY2(m_lesson->stepCount() >= 30 && m_lesson->stepCount() <= 45,
             qPrintable(QString::number(m_lesson->stepCount())));
}

void TestLessonContent::everyChapterHasSomethingToDo()
{
    for (const LessonChapter &chapter : m_lesson->chapters) {
        bool interactive = false;
        for (const LessonStep &s : chapter.steps)
            interactive = interactive || s.activity.type != LessonActivity::Type::Read;
        QVERIFY2(interactive, qPrintable(chapter.id));
    }
    // The lesson ends with a row computed by hand: a score, a weight, an output.
    const LessonChapter &last = m_lesson->chapters.last();
    QStringList stages;
    for (const LessonStep &s : last.steps) {
        if (s.activity.type == LessonActivity::Type::ByHand)
            stages.append(QString::number(static_cast<int>(s.activity.stage)));
    }
    QCOMPARE(stages, (QStringList{QString::number(static_cast<int>(Stage::Scores)),
                                  QString::number(static_cast<int>(Stage::Weights)),
                                  QString::number(static_cast<int>(Stage::Output))}));
}

void TestLessonContent::stepsFitThePanel()
{
    // What the panel shows before any answer: the text and the question.
    for (const LessonChapter &chapter : m_lesson->chapters) {
        for (const LessonStep &s : chapter.steps) {
            const int words = wordCount(s.text.body) + wordCount(s.text.question);
            QVERIFY2(!s.text.title.isEmpty(), qPrintable(s.textPath));
            QVERIFY2(words >= 45 && words <= 160,
                     qPrintable(QStringLiteral("%1: %2 words").arg(s.textPath).arg(words)));
        }
    }
}

void TestLessonContent::everyStepComputes()
{
    for (int c = 0; c < m_lesson->chapters.size(); ++c) {
        for (int s = 0; s < m_lesson->chapters[c].steps.size(); ++s) {
            const LessonStep &st = m_lesson->step(c, s);
            const QString where = m_lesson->chapters[c].id + QLatin1Char('/') + st.id;
            // Every step of this lesson starts from a scenario of its own, so a
            // learner's edits in one step never leak into the numbers of the next.
            QVERIFY2(st.setup.replacesScenario(), qPrintable(where));
            Document document;
            document.reset(m_start[c][s]);
            QVERIFY2(!document.error().has_value(), qPrintable(where));
            QVERIFY2(st.setup.head < document.trace().headCount(), qPrintable(where));
        }
    }
}

void TestLessonContent::tryGoalsOpenAtStartAndMetBySolution()
{
    int tries = 0;
    for (int c = 0; c < m_lesson->chapters.size(); ++c) {
        for (int s = 0; s < m_lesson->chapters[c].steps.size(); ++s) {
            const LessonStep &st = m_lesson->step(c, s);
            if (st.activity.type != LessonActivity::Type::Try)
                continue;
            ++tries;
            const QString where = m_lesson->chapters[c].id + QLatin1Char('/') + st.id;
            QVERIFY2(!st.activity.solution.isEmpty(), qPrintable(where));
            QVERIFY2(!goalMet(st.activity.goal, traceOf(m_start[c][s])), qPrintable(where));
            const Scenario solved = withCellEdits(m_start[c][s], st.activity.solution);
            QVERIFY2(goalMet(st.activity.goal, traceOf(solved)), qPrintable(where));
        }
    }
    QCOMPARE(tries, 4);
}

void TestLessonContent::tryGoalsMetThroughTheDocument()
{
    // The same, as the learner does it: typed cells in the workbench's document.
    for (int c = 0; c < m_lesson->chapters.size(); ++c) {
        for (int s = 0; s < m_lesson->chapters[c].steps.size(); ++s) {
            const LessonStep &st = m_lesson->step(c, s);
            if (st.activity.type != LessonActivity::Type::Try)
                continue;
            Document document;
            document.reset(m_start[c][s]);
            QVERIFY(!goalMet(st.activity.goal, document.trace()));
            for (const LessonCellEdit &edit : st.activity.solution)
                document.setCell(edit.matrix, edit.row, edit.col, edit.value);
            QVERIFY(!document.error().has_value());
            QVERIFY2(goalMet(st.activity.goal, document.trace()), qPrintable(st.id));
        }
    }
}

void TestLessonContent::byHandAnswers_data()
{
    QTest::addColumn<QString>("chapter");
    QTest::addColumn<QString>("step");
    QTest::addColumn<int>("stage");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("col");
    QTest::addColumn<double>("numpy");  // lesson_reference.py, 15 digits
    QTest::addColumn<double>("answer"); // what the step's "right" feedback gives
    const auto add = [](const char *chapter, const char *step, Stage stage, int row, int col,
                        double numpy, double answer) {
        QTest::addRow("%s/%s", chapter, step)
            << QString::fromLatin1(chapter) << QString::fromLatin1(step) << static_cast<int>(stage)
            << row << col << numpy << answer;
    };
    add("queries-keys-values", "query-by-hand", Stage::Queries, 2, 0, 4, 4);
    add("scoring", "score-by-hand", Stage::Scores, 0, 2, 10, 10);
    add("softmax", "weight-by-hand", Stage::Weights, 0, 2, 0.749130385544688, 0.749);
    add("weighted-sum", "output-by-hand", Stage::Output, 0, 1, 1.74174050999576, 1.742);
    add("masking", "causal-by-hand", Stage::Weights, 1, 0, 0.90965264503915, 0.910);
    add("multi-head", "concat-project", Stage::Projected, 1, 0, 1.04460029130839, 1.045);
    add("strengths-and-uses", "row-score", Stage::Scores, 1, 2, 4, 4);
    add("strengths-and-uses", "row-weight", Stage::Weights, 1, 2, 0.454826322519575, 0.455);
    add("strengths-and-uses", "row-output", Stage::Output, 1, 0, 0.90965264503915, 0.910);
}

void TestLessonContent::byHandAnswers()
{
    QFETCH(QString, chapter);
    QFETCH(QString, step);
    QFETCH(int, stage);
    QFETCH(int, row);
    QFETCH(int, col);
    QFETCH(double, numpy);
    QFETCH(double, answer);
    Located at;
    const LessonStep &st = this->step(chapter, step, &at);
    QCOMPARE(st.activity.type, LessonActivity::Type::ByHand);
    QCOMPARE(static_cast<int>(st.activity.stage), stage);
    QCOMPARE(st.activity.row, row);
    QCOMPARE(st.activity.col, col);
    const Trace trace = traceOf(m_start[at.chapter][at.step]);
    const double engine = trace.matrix(st.activity.stage, st.activity.head)(row, col);
    QVERIFY2(std::abs(engine - numpy) < 1e-9, qPrintable(QString::number(engine, 'g', 17)));
    // The answer the text gives is accepted, and so is the answer worked from
    // the rounded numbers the hint shows.
    QVERIFY(std::abs(answer - engine) <= st.activity.tolerance);
    QVERIFY2(
        st.text.right.contains(QString::number(answer, 'f', answer == std::round(answer) ? 0 : 3)),
        qPrintable(st.text.right));
}

void TestLessonContent::predictAnswers_data()
{
    QTest::addColumn<QString>("chapter");
    QTest::addColumn<QString>("step");
    QTest::addColumn<int>("col");
    QTest::addColumn<QString>("word");
    QTest::addRow("alignment") << "self-and-cross"
                               << "alignment" << 1 << "blue";
    QTest::addRow("local-m") << "global-and-local"
                             << "local-m" << 5 << "mat";
    QTest::addRow("hard-tie") << "soft-and-hard"
                              << "hard-tie" << 0 << "word_1";
    QTest::addRow("head-predict") << "multi-head"
                                  << "head-predict" << 2 << "chased";
}

void TestLessonContent::predictAnswers()
{
    QFETCH(QString, chapter);
    QFETCH(QString, step);
    QFETCH(int, col);
    QFETCH(QString, word);
    Located at;
    const LessonStep &st = this->step(chapter, step, &at);
    QCOMPARE(st.activity.type, LessonActivity::Type::Predict);
    QVERIFY(!st.activity.hasChoices());
    const Scenario &scenario = m_start[at.chapter][at.step];
    const Trace trace = traceOf(scenario);
    QCOMPARE(rowArgMax(trace, st.activity.stage, st.activity.head, st.activity.row), col);
    QCOMPARE(QString::fromStdString(scenario.keySequence().tokens.at(col)), word);
    QVERIFY2(st.text.right.contains(word), qPrintable(st.text.right));
    QVERIFY2(st.text.wrong.contains(word), qPrintable(st.text.wrong));
}

void TestLessonContent::choiceAnswers_data()
{
    QTest::addColumn<QString>("chapter");
    QTest::addColumn<QString>("step");
    QTest::addColumn<int>("correct");
    QTest::addColumn<QString>("rightChoice");
    QTest::addRow("context-vectors") << "why-attention"
                                     << "context-vectors" << 1 << "Five";
    QTest::addRow("wide-keys") << "scaling"
                               << "wide-keys" << 1 << "0.995";
    QTest::addRow("temperature") << "softmax"
                                 << "temperature" << 2 << "0.39";
    QTest::addRow("local-p-sum") << "global-and-local"
                                 << "local-p-sum" << 1 << "0.78";
    QTest::addRow("no-gradient") << "soft-and-hard"
                                 << "no-gradient" << 0 << "gradient is 0";
    QTest::addRow("uses") << "strengths-and-uses"
                          << "uses" << 1 << "Regions of the image";
}

void TestLessonContent::choiceAnswers()
{
    QFETCH(QString, chapter);
    QFETCH(QString, step);
    QFETCH(int, correct);
    QFETCH(QString, rightChoice);
    const LessonStep &st = this->step(chapter, step);
    QCOMPARE(st.activity.type, LessonActivity::Type::Predict);
    QCOMPARE(st.activity.correct, correct);
    QCOMPARE(st.text.choices.size(), st.activity.choiceKeys.size());
    QVERIFY2(st.text.choices.at(correct).contains(rightChoice),
             qPrintable(st.text.choices.at(correct)));
}

// Numbers the text quotes, rounded as the text writes them, against the engine's
// trace of the step's scenario (edited by `cells` where the text talks about
// the state after an edit). The quoted values come from lesson_reference.py.
void TestLessonContent::quotedNumbers_data()
{
    QTest::addColumn<QString>("chapter");
    QTest::addColumn<QString>("step");
    QTest::addColumn<bool>("solved"); // after the step's try solution
    QTest::addColumn<QJsonObject>("options");
    QTest::addColumn<int>("stage");
    QTest::addColumn<int>("head");
    QTest::addColumn<int>("row");
    QTest::addColumn<QList<double>>("quoted");
    QTest::addColumn<int>("decimals");
    const auto add = [](const char *name, const char *chapter, const char *step, bool solved,
                        QJsonObject options, Stage stage, int head, int row, QList<double> quoted,
                        int decimals) {
        QTest::addRow("%s", name) << QString::fromLatin1(chapter) << QString::fromLatin1(step)
                                  << solved << options << static_cast<int>(stage) << head << row
                                  << quoted << decimals;
    };
    const QJsonObject none;
    add("tutorial scores 0", "scoring", "dot-product", false, none, Stage::Scores, 0, 0,
        {8, 2, 10, 2}, 0);
    add("tutorial scores 3", "scoring", "all-at-once", false, none, Stage::Scores, 0, 3,
        {10, 4, 14, 3}, 0);
    add("tutorial scaled 0", "scaling", "why-scale", false, none, Stage::Scaled, 0, 0,
        {4.619, 1.155, 5.774, 1.155}, 3);
    add("tutorial weights 0", "softmax", "softmax", false, none, Stage::Weights, 0, 0,
        {0.236, 0.007, 0.749, 0.007}, 3);
    add("tutorial output 0", "weighted-sum", "weighted-sum", false, none, Stage::Output, 0, 0,
        {0.985, 1.742, 0.757}, 3);
    add("tutorial output 1", "strengths-and-uses", "row-output", false, none, Stage::Output, 0, 1,
        {0.910, 1.410, 0.500}, 3);
    add("tutorial queries", "queries-keys-values", "query-by-hand", false, none, Stage::Queries, 0,
        2, {4, 0, 2}, 0);
    add("steer solved scores 1", "scoring", "steer-a-key", true, none, Stage::Scores, 0, 1,
        {4, 0, 4, 6}, 0);
    add("wide unscaled", "scaling", "wide-keys", false, none, Stage::Weights, 0, 0,
        {0.002, 0.002, 0.995, 0.000}, 3);
    add("wide scaled", "scaling", "wide-scaled", false, none, Stage::Weights, 0, 0,
        {0.146, 0.146, 0.654, 0.054}, 3);
    add("saturate start", "scaling", "saturate", false, none, Stage::Weights, 0, 0,
        {0.119, 0.000, 0.880, 0.000}, 3);
    add("saturate solved", "scaling", "saturate", true, none, Stage::Scores, 0, 0, {14, 5, 19, 5},
        0);
    add("saturate solved weights", "scaling", "saturate", true, none, Stage::Weights, 0, 0,
        {0.007, 0.000, 0.993, 0.000}, 3);
    add("saturate solved, scaled again", "scaling", "saturate", true,
        QJsonObject{{"scale", "sqrt_dk"}}, Stage::Weights, 0, 0, {0.053, 0.000, 0.947, 0.000}, 3);
    add("temperature 5 scaled", "softmax", "temperature", false, none, Stage::Scaled, 0, 0,
        {0.924, 0.231, 1.155, 0.231}, 3);
    add("temperature 5", "softmax", "temperature", false, none, Stage::Weights, 0, 0,
        {0.307, 0.153, 0.386, 0.153}, 3);
    add("temperature 0.2", "softmax", "temperature", false, QJsonObject{{"temperature", 0.2}},
        Stage::Weights, 0, 0, {0.003, 0.000, 0.997, 0.000}, 3);
    add("values try solved", "weighted-sum", "matrix-form", true, none, Stage::Output, 0, 0,
        {0.985, 1.742, 1.513}, 3);
    add("cross la", "self-and-cross", "alignment", false, none, Stage::Weights, 0, 0,
        {0.707, 0.070, 0.223}, 3);
    add("cross maison", "self-and-cross", "alignment", false, none, Stage::Weights, 0, 1,
        {0.083, 0.083, 0.834}, 3);
    add("cross bleue", "self-and-cross", "alignment", false, none, Stage::Weights, 0, 2,
        {0.070, 0.707, 0.223}, 3);
    add("global the", "global-and-local", "global", false, none, Stage::Weights, 0, 4,
        {0.041, 0.417, 0.041, 0.041, 0.041, 0.417}, 3);
    add("local-m the", "global-and-local", "local-m", false, none, Stage::Weights, 0, 4,
        {0, 0, 0, 0.083, 0.083, 0.834}, 3);
    add("local-m first the", "global-and-local", "local-m", false, none, Stage::Weights, 0, 0,
        {0.090, 0.910, 0, 0, 0, 0}, 3);
    add("local-p the", "global-and-local", "local-p-sum", false, none, Stage::Weights, 0, 0,
        {0, 0, 0, 0.034, 0.078, 0.673}, 3);
    add("hard word_1", "soft-and-hard", "hard", false, none, Stage::Output, 0, 0, {1, 2, 1}, 0);
    add("hard tie", "soft-and-hard", "hard-tie", false, none, Stage::Output, 0, 1, {1, 1, 0}, 0);
    add("jump solved scores", "soft-and-hard", "jump", true, none, Stage::Scores, 0, 0,
        {8, -2, 6, 2}, 0);
    add("jump solved output", "soft-and-hard", "jump", true, none, Stage::Output, 0, 0, {1, 1, 0},
        0);
    add("causal masked", "masking", "causal-by-hand", false, none, Stage::Weights, 0, 1,
        {0.910, 0.090, 0, 0}, 3);
    add("causal word_1", "masking", "causal", false, none, Stage::Weights, 0, 0, {1, 0, 0, 0}, 3);
    add("head 1 cat", "multi-head", "head-predict", false, none, Stage::Weights, 0, 1,
        {0.050, 0.050, 0.849, 0.050}, 3);
    add("head 1 chased", "multi-head", "head-predict", false, none, Stage::Weights, 0, 2,
        {0.028, 0.472, 0.028, 0.472}, 3);
    add("head 2 the", "multi-head", "second-head", false, none, Stage::Weights, 1, 0,
        {0.849, 0.050, 0.050, 0.050}, 3);
    add("head 2 cat", "multi-head", "second-head", false, none, Stage::Weights, 1, 1,
        {0.028, 0.472, 0.028, 0.472}, 3);
    add("head 2 chased", "multi-head", "second-head", false, none, Stage::Weights, 1, 2,
        {0.25, 0.25, 0.25, 0.25}, 3);
    add("concat cat", "multi-head", "concat-project", false, none, Stage::Concat, 0, 1,
        {0.100, 0.849, 0.944, 0.028}, 3);
}

void TestLessonContent::quotedNumbers()
{
    QFETCH(QString, chapter);
    QFETCH(QString, step);
    QFETCH(bool, solved);
    QFETCH(QJsonObject, options);
    QFETCH(int, stage);
    QFETCH(int, head);
    QFETCH(int, row);
    QFETCH(QList<double>, quoted);
    QFETCH(int, decimals);
    Located at;
    const LessonStep &st = this->step(chapter, step, &at);
    Scenario scenario = m_start[at.chapter][at.step];
    if (solved)
        scenario = withCellEdits(scenario, st.activity.solution);
    scenario = withLessonOptions(scenario, options);
    const Trace trace = traceOf(scenario);
    const Matrix &m = trace.matrix(static_cast<Stage>(stage), head);
    QCOMPARE(static_cast<int>(m.cols()), static_cast<int>(quoted.size()));
    const double unit = std::pow(10.0, decimals);
    for (int col = 0; col < m.cols(); ++col) {
        const double rounded = std::round(m(row, col) * unit) / unit;
        QVERIFY2(std::abs(rounded - quoted[col]) < 0.5 / unit,
                 qPrintable(QStringLiteral("col %1: engine %2, text %3")
                                .arg(col)
                                .arg(m(row, col))
                                .arg(quoted[col])));
    }
}

QTEST_GUILESS_MAIN(TestLessonContent)
#include "tst_lesson_content.moc"
