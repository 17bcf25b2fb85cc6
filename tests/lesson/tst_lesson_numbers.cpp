// The numbers the shipped lesson's texts quote, rounded as the texts write them,
// against the engine's trace of the step's scenario (edited by the step's try
// solution, or by extra options, where the text talks about the state after an
// edit). The quoted values come from tests/reference/lesson_reference.py, which
// computes each of them with NumPy from the formulas; none is taken from the engine.

#include "attention.h"
#include "lesson.h"
#include "shipped_lesson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>
#include <cmath>

using namespace attn;
using namespace attn::ui;

class TestLessonNumbers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void quotedNumbers_data();
    void quotedNumbers();
    void textQuotesTheNumber_data();
    void textQuotesTheNumber();

private:
    std::optional<Lesson> m_lesson;
    QList<QList<Scenario>> m_start;
};

void TestLessonNumbers::initTestCase()
{
    const LessonLoadResult loaded =
        loadLesson(QString::fromLatin1(shippedLessonPath), QStringLiteral("en"));
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    m_lesson = loaded.lesson;
    m_start = shipped_lesson::startScenarios(*m_lesson);
}

void TestLessonNumbers::quotedNumbers_data()
{
    QTest::addColumn<QString>("chapter");
    QTest::addColumn<QString>("step");
    QTest::addColumn<bool>("solved"); // after the step's try solution
    QTest::addColumn<QJsonObject>("options");
    QTest::addColumn<int>("stage");
    QTest::addColumn<int>("head");
    QTest::addColumn<int>("row"); // 0-based, as the engine counts; the texts say row + 1
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
    const QJsonObject unpadded{{"padding", QJsonArray()}};
    add("tutorial queries 3", "queries-keys-values", "query-by-hand", false, none, Stage::Queries,
        0, 2, {4, 0, 2}, 0);
    add("tutorial keys 3", "queries-keys-values", "keys-values", false, none, Stage::Keys, 0, 2,
        {2, 4, 3}, 0);
    add("tutorial values 3", "queries-keys-values", "keys-values", false, none, Stage::Values, 0,
        2, {1, 2, 1}, 0);
    add("tutorial scores 4", "scoring", "dot-product", false, none, Stage::Scores, 0, 3,
        {10, 4, 14, 3}, 0);
    add("tutorial scores 1", "scoring", "length-or-direction", false, none, Stage::Scores, 0, 0,
        {8, 2, 10, 2}, 0);
    add("tutorial scores 3", "scoring", "all-at-once", false, none, Stage::Scores, 0, 2,
        {12, 2, 14, 2}, 0);
    add("tutorial scores 2", "scoring", "steer-a-key", false, none, Stage::Scores, 0, 1,
        {4, 0, 4, 0}, 0);
    add("steer solved scores 2", "scoring", "steer-a-key", true, none, Stage::Scores, 0, 1,
        {4, 0, 4, 6}, 0);
    add("tutorial scaled 1", "scaling", "why-scale", false, none, Stage::Scaled, 0, 0,
        {4.619, 1.155, 5.774, 1.155}, 3);
    add("tutorial scaled 4", "softmax", "softmax", false, none, Stage::Scaled, 0, 3,
        {5.774, 2.309, 8.083, 1.732}, 3);
    add("tutorial weights 4", "softmax", "softmax", false, none, Stage::Weights, 0, 3,
        {0.090, 0.003, 0.906, 0.002}, 3);
    add("tutorial weights 1", "softmax", "weight-by-hand", false, none, Stage::Weights, 0, 0,
        {0.236, 0.007, 0.749, 0.007}, 3);
    add("wide unscaled scores", "softmax", "wide-keys", false, none, Stage::Scores, 0, 0,
        {0, 0, 6, -4}, 0);
    add("wide unscaled", "softmax", "wide-keys", false, none, Stage::Weights, 0, 0,
        {0.002, 0.002, 0.995, 0.000}, 3);
    add("wide scaled scores", "softmax", "wide-scaled", false, none, Stage::Scaled, 0, 0,
        {0, 0, 1.5, -1}, 1);
    add("wide scaled", "softmax", "wide-scaled", false, none, Stage::Weights, 0, 0,
        {0.146, 0.146, 0.654, 0.054}, 3);
    add("saturate start", "softmax", "saturate", false, none, Stage::Weights, 0, 0,
        {0.119, 0.000, 0.880, 0.000}, 3);
    add("saturate solved", "softmax", "saturate", true, none, Stage::Scores, 0, 0, {14, 5, 19, 5},
        0);
    add("saturate solved weights", "softmax", "saturate", true, none, Stage::Weights, 0, 0,
        {0.007, 0.000, 0.993, 0.000}, 3);
    add("saturate solved, scaled again", "softmax", "saturate", true,
        QJsonObject{{"scale", "sqrt_dk"}}, Stage::Weights, 0, 0, {0.053, 0.000, 0.947, 0.000}, 3);
    add("temperature 5 scaled", "softmax", "temperature", false, none, Stage::Scaled, 0, 0,
        {0.924, 0.231, 1.155, 0.231}, 3);
    add("temperature 5", "softmax", "temperature", false, none, Stage::Weights, 0, 0,
        {0.307, 0.153, 0.386, 0.153}, 3);
    add("temperature 0.2", "softmax", "temperature", false, QJsonObject{{"temperature", 0.2}},
        Stage::Weights, 0, 0, {0.003, 0.000, 0.997, 0.000}, 3);
    add("tutorial output 4", "weighted-sum", "weighted-sum", false, none, Stage::Output, 0, 3,
        {0.996, 1.904, 0.908}, 3);
    add("tutorial output 1", "weighted-sum", "matrix-form", false, none, Stage::Output, 0, 0,
        {0.985, 1.742, 0.757}, 3);
    add("values try solved", "weighted-sum", "matrix-form", true, none, Stage::Output, 0, 0,
        {0.985, 1.742, 1.513}, 3);
    add("cross bleue scores", "self-and-cross", "alignment", false, none, Stage::Scores, 0, 2,
        {0, 4, 2}, 0);
    add("cross la", "self-and-cross", "alignment", false, none, Stage::Weights, 0, 0,
        {0.707, 0.070, 0.223}, 3);
    add("cross maison", "self-and-cross", "alignment", false, none, Stage::Weights, 0, 1,
        {0.083, 0.083, 0.834}, 3);
    add("cross bleue", "self-and-cross", "alignment", false, none, Stage::Weights, 0, 2,
        {0.070, 0.707, 0.223}, 3);
    add("general scores 1", "score-functions", "score-functions", false, none, Stage::Scores, 0,
        0, {6, 1, 7, 1}, 0);
    add("additive scores 1", "score-functions", "dot-or-additive", false, none, Stage::Scores, 0,
        0, {3.046, 0.405, 3.451, 0}, 3);
    add("additive weights 1", "score-functions", "dot-or-additive", false, none, Stage::Weights,
        0, 0, {0.382, 0.027, 0.573, 0.018}, 3);
    add("causal masked 2", "masking", "causal-by-hand", false, none, Stage::Weights, 0, 1,
        {0.910, 0.090, 0, 0}, 3);
    add("causal word_1", "masking", "causal", false, none, Stage::Weights, 0, 0, {1, 0, 0, 0}, 3);
    add("padding like", "masking", "padding", false, none, Stage::Weights, 0, 1,
        {0.834, 0.083, 0.083, 0, 0}, 3);
    add("padding pad row", "masking", "padding", false, none, Stage::Weights, 0, 3,
        {0.333, 0.333, 0.333, 0, 0}, 3);
    add("padding off", "masking", "padding", false, unpadded, Stage::Weights, 0, 1,
        {0.716, 0.071, 0.071, 0.071, 0.071}, 3);
    add("global the", "global-and-local", "global", false, none, Stage::Weights, 0, 0,
        {0.041, 0.417, 0.041, 0.041, 0.041, 0.417}, 3);
    add("global second the", "global-and-local", "global", false, none, Stage::Weights, 0, 4,
        {0.041, 0.417, 0.041, 0.041, 0.041, 0.417}, 3);
    add("local-m scores", "global-and-local", "local-m", false, none, Stage::Scores, 0, 4,
        {0, 4, 0, 0, 0, 4}, 0);
    add("local-m the", "global-and-local", "local-m", false, none, Stage::Weights, 0, 4,
        {0, 0, 0, 0.083, 0.083, 0.834}, 3);
    add("local-m first the", "global-and-local", "local-m", false, none, Stage::Weights, 0, 0,
        {0.090, 0.910, 0, 0, 0, 0}, 3);
    add("local-p the", "global-and-local", "local-p-sum", false, none, Stage::Weights, 0, 0,
        {0, 0, 0, 0.034, 0.078, 0.673}, 3);
    add("local-p second the", "global-and-local", "local-p", false, none, Stage::Weights, 0, 4,
        {0, 0, 0, 0.034, 0.078, 0.673}, 3);
    add("hard scaled", "soft-and-hard", "hard", false, none, Stage::Scaled, 0, 0,
        {4.619, 1.155, 5.774, 1.155}, 3);
    add("hard weights", "soft-and-hard", "hard", false, none, Stage::Weights, 0, 0, {0, 0, 1, 0},
        0);
    add("hard word_1", "soft-and-hard", "hard", false, none, Stage::Output, 0, 0, {1, 2, 1}, 0);
    add("hard tie scaled", "soft-and-hard", "hard-tie", false, none, Stage::Scaled, 0, 1,
        {2.309, 0, 2.309, 0}, 3);
    add("hard tie", "soft-and-hard", "hard-tie", false, none, Stage::Output, 0, 1, {1, 1, 0}, 0);
    add("hard tie soft", "soft-and-hard", "hard-tie", false, QJsonObject{{"selection", QJsonObject{{"type", "soft"}}}},
        Stage::Weights, 0, 1, {0.455, 0.045, 0.455, 0.045}, 3);
    add("jump solved scores", "soft-and-hard", "jump", true, none, Stage::Scores, 0, 0,
        {8, -2, 6, 2}, 0);
    add("jump solved output", "soft-and-hard", "jump", true, none, Stage::Output, 0, 0, {1, 1, 0},
        0);
    add("head 1 cat scores", "multi-head", "head-predict", false, none, Stage::Scores, 0, 1,
        {0, 0, 4, 0}, 0);
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
    add("blank patch", "beyond-text", "patches", false, none, Stage::Weights, 0, 0,
        {0.25, 0.25, 0.25, 0.25}, 3);
    add("stroke patch", "beyond-text", "patches", false, none, Stage::Weights, 0, 1,
        {0.134, 0.366, 0.366, 0.134}, 3);
    add("review query 2", "review", "row-score", false, none, Stage::Queries, 0, 1, {2, 1, 0}, 0);
    add("review scores 2", "review", "row-score", false, none, Stage::Scores, 0, 1, {6, 2, 8, 1},
        0);
    add("review scaled 2", "review", "row-weight", false, none, Stage::Scaled, 0, 1,
        {3.464, 1.155, 4.619, 0.577}, 3);
    add("review weights 2", "review", "row-weight", false, none, Stage::Weights, 0, 1,
        {0.231, 0.023, 0.733, 0.013}, 3);
    add("review output 2", "review", "row-output", false, none, Stage::Output, 0, 1,
        {0.964, 1.720, 0.756}, 3);
}

void TestLessonNumbers::quotedNumbers()
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
    const shipped_lesson::Located at = shipped_lesson::find(*m_lesson, chapter, step);
    QVERIFY2(at.chapter >= 0, qPrintable(step));
    const LessonStep &st = m_lesson->step(at.chapter, at.step);
    Scenario scenario = m_start[at.chapter][at.step];
    if (solved)
        scenario = withCellEdits(scenario, st.activity.solution);
    scenario = withLessonOptions(scenario, options);
    const Trace trace = shipped_lesson::traceOf(scenario);
    const Matrix &m = trace.matrix(static_cast<Stage>(stage), head);
    QCOMPARE(static_cast<int>(m.cols()), static_cast<int>(quoted.size()));
    const double unit = std::pow(10.0, decimals);
    for (int col = 0; col < m.cols(); ++col) {
        const double rounded = std::round(m(row, col) * unit) / unit;
        QVERIFY2(std::abs(rounded - quoted[col]) < 0.5 / unit,
                 qPrintable(QStringLiteral("col %1: engine %2, text %3")
                                .arg(col + 1)
                                .arg(m(row, col))
                                .arg(quoted[col])));
    }
}

// The rows above are the numbers the texts print: each appears, as written, in
// its step, so a text edited without its check (or the reverse) fails here.
void TestLessonNumbers::textQuotesTheNumber_data()
{
    QTest::addColumn<QString>("chapter");
    QTest::addColumn<QString>("step");
    QTest::addColumn<QString>("written");
    const auto add = [](const char *chapter, const char *step, const char *written) {
        QTest::addRow("%s: %s", step, written) << QString::fromLatin1(chapter)
                                               << QString::fromLatin1(step)
                                               << QString::fromUtf8(written);
    };
    add("scoring", "dot-product", "q₄·k₃ = 2·2 + 1·4 + 2·3 = 14");
    add("scoring", "length-or-direction", "[8, 2, 10, 2]");
    add("scoring", "all-at-once", "[12, 2, 14, 2]");
    add("scaling", "why-scale", "[4.619, 1.155, 5.774, 1.155]");
    add("softmax", "softmax", "[0.090, 0.003, 0.906, 0.002]");
    add("softmax", "wide-scaled", "[0.146, 0.146, 0.654, 0.054]");
    add("softmax", "temperature", "[0.924, 0.231, 1.155, 0.231]");
    add("weighted-sum", "weighted-sum", "[0.996, 1.904, 0.908]");
    add("weighted-sum", "matrix-form", "[0.985, 1.742, 0.757]");
    add("score-functions", "score-functions", "[6, 1, 7, 1]");
    add("score-functions", "dot-or-additive", "[3.046, 0.405, 3.451, 0]");
    add("score-functions", "dot-or-additive", "[0.382, 0.027, 0.573, 0.018]");
    add("masking", "padding", "[2.309, 0, 0, −∞, −∞]");
    add("global-and-local", "global", "[0.041, 0.417, 0.041, 0.041, 0.041, 0.417]");
    add("soft-and-hard", "hard-tie", "[0.455, 0.045, 0.455, 0.045]");
    add("multi-head", "concat-project", "[0.100, 0.849 | 0.944, 0.028]");
    add("review", "row-score", "[6, 2, 8, 1]");
    add("review", "row-weight", "[3.464, 1.155, 4.619, 0.577]");
    add("review", "row-output", "[0.964, 1.720, 0.756]");
}

void TestLessonNumbers::textQuotesTheNumber()
{
    QFETCH(QString, chapter);
    QFETCH(QString, step);
    QFETCH(QString, written);
    const shipped_lesson::Located at = shipped_lesson::find(*m_lesson, chapter, step);
    QVERIFY2(at.chapter >= 0, qPrintable(step));
    const LessonText &text = m_lesson->step(at.chapter, at.step).text;
    const QString all = text.body + text.question + text.hint + text.right + text.wrong;
    QVERIFY2(all.contains(written), qPrintable(written));
}

QTEST_GUILESS_MAIN(TestLessonNumbers)
#include "tst_lesson_numbers.moc"
