// The shipped lesson (resources/lessons/attention-from-scratch): it loads, every
// step sets up a scenario that computes, every try goal is open at the start and
// met by its solution, every answer the learner is asked for matches the engine,
// no step shows an answer before it is asked or an idea before it is taught, and
// every formula from a paper names its source. (The numbers the texts quote are
// tst_lesson_numbers.cpp's.)
//
// Expected numbers come from NumPy (tests/reference/lesson_reference.py), never
// from the engine: the by-hand values to 15 digits, the predicted keys, and the
// rounded numbers the Markdown quotes.

#include "attention.h"
#include "document.h"
#include "lesson.h"
#include "lesson_goal.h"
#include "shipped_lesson.h"

#include <QRegularExpression>
#include <QSet>
#include <QtTest>
#include <cmath>

using namespace attn;
using namespace attn::ui;
using shipped_lesson::allText;
using shipped_lesson::Located;
using shipped_lesson::shownUpTo;
using shipped_lesson::startingPoint;
using shipped_lesson::traceOf;

namespace {

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
    void answersNotShownBeforeTheyAreAsked();
    void weightsOnlyAfterTheSoftmaxIsTaught();
    void gradientExplainedWhereFirstUsed();
    void formulasNameTheirSource_data();
    void formulasNameTheirSource();

private:
    std::optional<Lesson> m_lesson;
    QList<QList<Scenario>> m_start;

    const LessonStep &step(const QString &chapterId, const QString &stepId,
                           Located *where = nullptr)
    {
        const Located at = shipped_lesson::find(*m_lesson, chapterId, stepId);
        if (where)
            *where = at;
        Q_ASSERT(at.chapter >= 0);
        return m_lesson->step(at.chapter, at.step);
    }
};

void TestLessonContent::initTestCase()
{
    const LessonLoadResult loaded =
        loadLesson(QString::fromLatin1(shippedLessonPath), QStringLiteral("en"));
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QVERIFY(loaded.error.isEmpty());
    m_lesson = loaded.lesson;
    m_start = shipped_lesson::startScenarios(*m_lesson);
}

void TestLessonContent::chaptersInOrder()
{
    const QStringList expected = {
        "why-attention",   "queries-keys-values", "scoring",
        "scaling",         "softmax",             "weighted-sum",
        "self-and-cross",  "score-functions",     "masking",
        "global-and-local", "soft-and-hard",      "multi-head",
        "beyond-text",     "strengths-and-weaknesses", "review",
    };
    QStringList ids;
    for (const LessonChapter &chapter : m_lesson->chapters)
        ids.append(chapter.id);
    QCOMPARE(ids, expected);
    QCOMPARE(m_lesson->id, QStringLiteral("attention-from-scratch"));
    QVERIFY2(m_lesson->stepCount() >= 30 && m_lesson->stepCount() <= 60,
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
            // The panel says "Right." or "Not quite." itself: the texts do not say it again.
            static const QRegularExpression verdict(QStringLiteral("^(Right|Yes|Done)\\b"));
            QVERIFY2(!verdict.match(s.text.right).hasMatch(), qPrintable(s.textPath));
            QVERIFY2(!s.text.wrong.contains(QLatin1String("Not quite")), qPrintable(s.textPath));
            // Markdown would take a bare <pad> for an HTML tag and swallow the text after it.
            static const QRegularExpression tag(QStringLiteral("(?<!`)<[A-Za-z/]"));
            QVERIFY2(!tag.match(allText(s)).hasMatch(), qPrintable(s.textPath));
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
    add("score-functions", "additive", Stage::Scores, 0, 1, 0.404866848240104, 0.405);
    add("masking", "causal-by-hand", Stage::Weights, 1, 0, 0.90965264503915, 0.910);
    add("masking", "padding", Stage::Weights, 1, 0, 0.834277848155841, 0.834);
    add("multi-head", "concat-project", Stage::Projected, 1, 0, 1.04460029130839, 1.045);
    // The review's row: the tutorial with W_Q[2][2] = 1, numbers not seen before.
    add("review", "row-score", Stage::Scores, 1, 2, 8, 8);
    add("review", "row-weight", Stage::Weights, 1, 2, 0.733124417939977, 0.733);
    add("review", "row-output", Stage::Output, 1, 0, 0.964169970216714, 0.964);
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
    const QString written = QString::number(answer, 'f', answer == std::round(answer) ? 0 : 3);
    QVERIFY2(st.text.right.contains(written), qPrintable(st.text.right));
    // A first miss gets the hint, which leads the way without giving the answer;
    // neither the text nor the question gives it either.
    const QString given = answer == std::round(answer) ? QStringLiteral("= ") + written : written;
    QVERIFY(!st.text.hint.isEmpty());
    QVERIFY2(!st.text.hint.contains(given), qPrintable(st.text.hint));
    QVERIFY2(!st.text.body.contains(given), qPrintable(st.text.body));
    QVERIFY2(!st.text.question.contains(given), qPrintable(st.text.question));
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
    const auto add = [](const char *chapter, const char *step, int correct, const char *right) {
        QTest::addRow("%s", step) << QString::fromLatin1(chapter) << QString::fromLatin1(step)
                                  << correct << QString::fromUtf8(right);
    };
    add("why-attention", "context-vectors", 1, "Five");
    add("why-attention", "query-key-value", 1, "encoder vectors h_j");
    add("scoring", "length-or-direction", 1, "k₃ is longer");
    add("scaling", "variance", 2, "About 8");
    add("softmax", "wide-keys", 1, "0.995");
    add("softmax", "temperature", 2, "0.39");
    add("score-functions", "score-functions", 0, "The dot score");
    add("global-and-local", "local-p-sum", 1, "0.78");
    add("soft-and-hard", "no-gradient", 0, "gradient is 0");
    add("beyond-text", "captions", 1, "196 annotation vectors");
    add("beyond-text", "patches", 1, "0.25 on each");
    add("strengths-and-weaknesses", "weaknesses", 1, "true previous words");
    add("review", "tips", 1, "Words 1 … 3 only");
    add("review", "faq", 1, "The softmax");
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

void TestLessonContent::answersNotShownBeforeTheyAreAsked()
{
    // The flat list of steps, in the order the learner meets them.
    QList<Located> order;
    for (int c = 0; c < m_lesson->chapters.size(); ++c) {
        for (int s = 0; s < m_lesson->chapters[c].steps.size(); ++s)
            order.append({c, s});
    }
    int asked = 0;
    for (int i = 0; i < order.size(); ++i) {
        const LessonStep &st = m_lesson->step(order[i].chapter, order[i].step);
        const LessonActivity &a = st.activity;
        const bool byHand = a.type == LessonActivity::Type::ByHand;
        const bool predictRow = a.type == LessonActivity::Type::Predict && !a.hasChoices();
        if (!byHand && !predictRow)
            continue;
        ++asked;
        const QString where = m_lesson->chapters[order[i].chapter].id + QLatin1Char('/') + st.id;
        // The step itself hides the stage it asks about.
        QVERIFY2(st.setup.reveal && static_cast<int>(*st.setup.reveal) < static_cast<int>(a.stage),
                 qPrintable(where));
        const Scenario &scenario = m_start[order[i].chapter][order[i].step];
        const Matrix answer = traceOf(scenario).matrix(a.stage, a.head);
        const QString answerText = QString::number(answer(a.row, byHand ? a.col : 0), 'f', 3);
        for (int j = 0; j < i; ++j) {
            const LessonStep &earlier = m_lesson->step(order[j].chapter, order[j].step);
            const QString at = where + QStringLiteral(" shown by ") + earlier.id;
            const Scenario &shownScenario = m_start[order[j].chapter][order[j].step];
            // The screen: the same cell (for a predict, the same row) of the same stage.
            if (shownUpTo(earlier) >= static_cast<int>(a.stage) &&
                shownScenario.target.tokens == scenario.target.tokens &&
                shownScenario.keySequence().tokens == scenario.keySequence().tokens) {
                const Trace shown = traceOf(shownScenario);
                if (a.head < shown.headCount()) {
                    const Matrix m = shown.matrix(a.stage, a.head);
                    if (m.rows() == answer.rows() && m.cols() == answer.cols()) {
                        const bool same = byHand
                                              ? std::abs(m(a.row, a.col) - answer(a.row, a.col)) < 1e-12
                                              : m.row(a.row).isApprox(answer.row(a.row));
                        QVERIFY2(!same, qPrintable(at));
                    }
                }
            }
            // The text: a by-hand answer with decimals, in a step on the same example.
            if (byHand && answer(a.row, a.col) != std::round(answer(a.row, a.col)) &&
                startingPoint(earlier) == startingPoint(st))
                QVERIFY2(!allText(earlier).contains(answerText), qPrintable(at));
        }
    }
    QCOMPARE(asked, 15);
}

void TestLessonContent::weightsOnlyAfterTheSoftmaxIsTaught()
{
    // Before the softmax chapter no step shows, asks for or aims at the weights
    // or anything computed from them.
    const int weights = static_cast<int>(Stage::Weights);
    for (const LessonChapter &chapter : m_lesson->chapters) {
        if (chapter.id == QLatin1String("softmax"))
            return;
        for (const LessonStep &st : chapter.steps) {
            const QString where = chapter.id + QLatin1Char('/') + st.id;
            QVERIFY2(shownUpTo(st) < weights, qPrintable(where));
            if (st.activity.type == LessonActivity::Type::ByHand)
                QVERIFY2(static_cast<int>(st.activity.stage) < weights, qPrintable(where));
            if (st.activity.type == LessonActivity::Type::Try)
                QVERIFY2(static_cast<int>(st.activity.goal.stage) < weights, qPrintable(where));
            QVERIFY2(!allText(st).contains(QLatin1String("Attention weights**")),
                     qPrintable(where));
        }
    }
    QFAIL("the lesson has no softmax chapter");
}

void TestLessonContent::gradientExplainedWhereFirstUsed()
{
    // The first step that speaks of gradients says what one is, and "gradient
    // descent" comes no earlier.
    for (const LessonChapter &chapter : m_lesson->chapters) {
        for (const LessonStep &st : chapter.steps) {
            const QString text = allText(st);
            if (!text.contains(QLatin1String("gradient"), Qt::CaseInsensitive))
                continue;
            QVERIFY2(text.contains(QLatin1String("(the **gradient**)")) ||
                         text.contains(QLatin1String("its **gradient**")),
                     qPrintable(st.id));
            QVERIFY2(!text.contains(QLatin1String("gradient descent")), qPrintable(st.id));
            return;
        }
    }
    QFAIL("no step speaks of gradients");
}

void TestLessonContent::formulasNameTheirSource_data()
{
    QTest::addColumn<QString>("formula");
    QTest::addColumn<QString>("source");
    // The source as the texts cite it: "Luong et al. (2015)" or "(Luong et al., 2015)".
    const auto add = [](const char *formula, const char *author, const char *year) {
        QTest::addRow("%s", formula)
            << QString::fromUtf8(formula)
            << QStringLiteral("%1(, | \\()%2")
                   .arg(QRegularExpression::escape(QString::fromUtf8(author)),
                        QString::fromLatin1(year));
    };
    add("v_aᵀ tanh(W_a s", "Bahdanau et al.", "2014");
    add("h_tᵀ W_a h̄_s", "Luong et al.", "2015");
    add("sigmoid(v_pᵀ tanh(W_p h_t))", "Luong et al.", "2015");
    add("softmax(Q Kᵀ / √d_k)", "Vaswani et al.", "2017");
    add("footnote 4", "Vaswani et al.", "2017");
    add("W_i^Q", "Vaswani et al.", "2017");
    add("LayerNorm(x + Sublayer(x))", "Vaswani et al.", "2017");
    add("PE(pos, 2i)", "Vaswani et al.", "2017");
    add("Multinoulli", "Xu et al.", "2015");
    add("knowledge distillation", "Hinton et al.", "2015");
    add("Listen, Attend and Spell", "Chan et al.", "2016");
    add("Vision Transformer", "Dosovitskiy et al.", "2021");
    add("Music Transformer", "Huang et al.", "2019");
    add("Exposure bias", "Ranzato et al.", "2016");
}

void TestLessonContent::formulasNameTheirSource()
{
    QFETCH(QString, formula);
    QFETCH(QString, source);
    int found = 0;
    for (const LessonChapter &chapter : m_lesson->chapters) {
        for (const LessonStep &st : chapter.steps) {
            const QString text = allText(st);
            if (!text.contains(formula))
                continue;
            ++found;
            QVERIFY2(text.contains(QRegularExpression(source)),
                     qPrintable(chapter.id + QLatin1Char('/') + st.id));
        }
    }
    QVERIFY2(found > 0, qPrintable(formula));
}

QTEST_GUILESS_MAIN(TestLessonContent)
#include "tst_lesson_content.moc"
