// The goals of "try it" steps, checked against the tutorial's trace.
//
// Expected values from NumPy (np.random.seed(42), tests/reference) and by hand:
//   scores  row 0 = [8, 2, 10, 2], row 1 = [4, 0, 4, 0], row 3 = [10, 4, 14, 3]
//   weights row 0 = [0.23608986335744747, 0.0073898755489321894, 0.74913038554468814,
//                    0.0073898755489321894]
//   weights row 1 = [0.4548263225195752, 0.0451736774804248, 0.4548263225195752,
//                    0.0451736774804248]  (a tie: np.argmax gives 0)
#include "attention.h"
#include "lesson_goal.h"

#include <QtTest>

using attn::Goal;
using attn::Stage;

Q_DECLARE_METATYPE(attn::Goal)

namespace {

Goal argMax(Stage stage, int row, int col, int head = 0)
{
    Goal goal;
    goal.kind = Goal::Kind::ArgMax;
    goal.stage = stage;
    goal.head = head;
    goal.row = row;
    goal.col = col;
    return goal;
}

Goal compare(Stage stage, int row, int col, Goal::Op op, double value, int head = 0)
{
    Goal goal = argMax(stage, row, col, head);
    goal.kind = Goal::Kind::Compare;
    goal.op = op;
    goal.value = value;
    return goal;
}

Goal all(std::vector<Goal> goals)
{
    Goal goal;
    goal.kind = Goal::Kind::All;
    goal.goals = std::move(goals);
    return goal;
}

} // namespace

class TestLessonGoal : public QObject
{
    Q_OBJECT

private slots:
    void goalMet_data();
    void goalMet();
    void rowArgMax_data();
    void rowArgMax();
};

void TestLessonGoal::goalMet_data()
{
    QTest::addColumn<Goal>("goal");
    QTest::addColumn<bool>("met");

    QTest::newRow("argmax: word_1 attends most to word_3") << argMax(Stage::Weights, 0, 2) << true;
    QTest::newRow("argmax: not to word_1") << argMax(Stage::Weights, 0, 0) << false;
    QTest::newRow("argmax: a tie goes to the first key") << argMax(Stage::Weights, 1, 0) << true;
    QTest::newRow("argmax: the second of a tie loses") << argMax(Stage::Weights, 1, 2) << false;
    QTest::newRow("argmax on scores, row 3") << argMax(Stage::Scores, 3, 2) << true;
    QTest::newRow("argmax: a fifth word does not exist") << argMax(Stage::Weights, 4, 2) << false;
    QTest::newRow("argmax: a second head does not exist")
        << argMax(Stage::Weights, 0, 2, 1) << false;

    QTest::newRow("compare: 0.7491 >= 0.749")
        << compare(Stage::Weights, 0, 2, Goal::Op::GreaterOrEqual, 0.749) << true;
    QTest::newRow("compare: 0.7491 > 0.75")
        << compare(Stage::Weights, 0, 2, Goal::Op::Greater, 0.75) << false;
    QTest::newRow("compare: 0.7491 < 0.75")
        << compare(Stage::Weights, 0, 2, Goal::Op::Less, 0.75) << true;
    QTest::newRow("compare: 0.74913 <= 0.7491")
        << compare(Stage::Weights, 0, 2, Goal::Op::LessOrEqual, 0.7491) << false;
    QTest::newRow("compare: score 10 >= 10")
        << compare(Stage::Scores, 0, 2, Goal::Op::GreaterOrEqual, 10) << true;
    QTest::newRow("compare: score 10 > 10")
        << compare(Stage::Scores, 0, 2, Goal::Op::Greater, 10) << false;
    QTest::newRow("compare: score 2 <= 2")
        << compare(Stage::Scores, 0, 1, Goal::Op::LessOrEqual, 2) << true;
    QTest::newRow("compare: a cell outside the matrix")
        << compare(Stage::Scores, 0, 4, Goal::Op::GreaterOrEqual, -1e9) << false;

    QTest::newRow("all: both hold")
        << all({argMax(Stage::Weights, 0, 2),
                compare(Stage::Weights, 0, 2, Goal::Op::GreaterOrEqual, 0.7)})
        << true;
    QTest::newRow("all: one fails")
        << all({argMax(Stage::Weights, 0, 2),
                compare(Stage::Weights, 0, 2, Goal::Op::GreaterOrEqual, 0.9)})
        << false;
    QTest::newRow("all: nested")
        << all({all({argMax(Stage::Scores, 3, 2)}), argMax(Stage::Weights, 1, 0)}) << true;
    QTest::newRow("all: nothing asked holds") << all({}) << true;
}

void TestLessonGoal::goalMet()
{
    QFETCH(Goal, goal);
    QFETCH(bool, met);
    const attn::Result<attn::Trace> trace = attn::compute(attn::tutorialScenario());
    QVERIFY2(trace.ok(), trace.ok() ? "" : trace.error().message.c_str());
    QCOMPARE(attn::goalMet(goal, *trace), met);
}

void TestLessonGoal::rowArgMax_data()
{
    QTest::addColumn<int>("stage");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("expected");

    QTest::newRow("weights row 0") << int(Stage::Weights) << 0 << 2;
    QTest::newRow("weights row 1, a tie") << int(Stage::Weights) << 1 << 0;
    QTest::newRow("scores row 2: [12, 2, 14, 2]") << int(Stage::Scores) << 2 << 2;
    QTest::newRow("queries row 0: [2, 0, 2], a tie") << int(Stage::Queries) << 0 << 0;
    QTest::newRow("no row 4") << int(Stage::Weights) << 4 << -1;
    QTest::newRow("no row -1") << int(Stage::Weights) << -1 << -1;
}

void TestLessonGoal::rowArgMax()
{
    QFETCH(int, stage);
    QFETCH(int, row);
    QFETCH(int, expected);
    const attn::Result<attn::Trace> trace = attn::compute(attn::tutorialScenario());
    QVERIFY(trace.ok());
    QCOMPARE(attn::rowArgMax(*trace, static_cast<Stage>(stage), 0, row), expected);
}

QTEST_GUILESS_MAIN(TestLessonGoal)
#include "tst_lesson_goal.moc"
