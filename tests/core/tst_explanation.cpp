// Explanations: how a cell's value came about, and which cells it came from.
//
// The text is the working in mathematical notation ending in the value as
// formatNumber() writes it (up to 4 significant digits, "−∞" for masked
// scores); the sources are the rows and columns a heatmap highlights.
// Expected values are NumPy's (tests/reference/engine_reference.py,
// section "tutorial") or worked by hand.

#include "attention.h"
#include "explanation.h"
#include "matrix_compare.h"

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

using testsupport::matrixOf;
using testsupport::sequenceOf;
using testsupport::vectorOf;

Q_DECLARE_METATYPE(attn::Stage)
Q_DECLARE_METATYPE(attn::Explanation::Kind)

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

// The kinds test's mask column holds ints: a reason, or −1 for "not checked".
namespace reason {
constexpr int Visible = int(attn::MaskReason::Visible);
constexpr int Causal = int(attn::MaskReason::Causal);
constexpr int Padding = int(attn::MaskReason::Padding);
constexpr int OutsideWindow = int(attn::MaskReason::OutsideWindow);
constexpr int Any = -1;
} // namespace reason

const char *stageName(attn::Stage stage)
{
    switch (stage) {
    case attn::Stage::Embeddings:
        return "Embeddings";
    case attn::Stage::Queries:
        return "Queries";
    case attn::Stage::Keys:
        return "Keys";
    case attn::Stage::Values:
        return "Values";
    case attn::Stage::Scores:
        return "Scores";
    case attn::Stage::Scaled:
        return "Scaled";
    case attn::Stage::Masked:
        return "Masked";
    case attn::Stage::Weights:
        return "Weights";
    case attn::Stage::Output:
        return "Output";
    case attn::Stage::Concat:
        return "Concat";
    case attn::Stage::Projected:
        return "Projected";
    }
    return "?";
}

QString describe(const attn::CellRef &cell)
{
    return QStringLiteral("%1[head %2](%3, %4)")
        .arg(QString::fromUtf8(stageName(cell.stage)))
        .arg(cell.head)
        .arg(cell.row)
        .arg(cell.col);
}

QString describe(const std::vector<attn::CellRef> &cells)
{
    QStringList items;
    for (const attn::CellRef &cell : cells)
        items << describe(cell);
    return QStringLiteral("{") + items.join(QStringLiteral(", ")) + QStringLiteral("}");
}

bool sameCells(std::vector<attn::CellRef> actual, std::vector<attn::CellRef> expected)
{
    if (actual.size() != expected.size())
        return false;
    for (const attn::CellRef &cell : expected) {
        const auto found = std::find(actual.begin(), actual.end(), cell);
        if (found == actual.end())
            return false;
        actual.erase(found);
    }
    return true;
}

bool contains(const std::vector<attn::CellRef> &cells, const attn::CellRef &cell)
{
    return std::find(cells.begin(), cells.end(), cell) != cells.end();
}

bool endsWith(const std::string &text, const std::string &ending)
{
    return text.size() >= ending.size() &&
           text.compare(text.size() - ending.size(), ending.size(), ending) == 0;
}

attn::Trace computed(const attn::Scenario &scenario)
{
    const attn::Result<attn::Trace> result = attn::compute(scenario);
    Q_ASSERT_X(result.ok(), "computed", result.ok() ? "" : result.error().message.c_str());
    return result.value();
}

// The 4-word, d_model 4 example of tst_multihead, 2 heads with W_O.
attn::Scenario twoHeads()
{
    attn::Scenario scenario;
    scenario.target = sequenceOf(matrixOf({{0.7, -0.3, 0.5, 0.1},
                                           {-0.2, 0.9, 0.4, -0.6},
                                           {0.3, 0.3, -0.7, 0.8},
                                           {0.6, -0.5, 0.2, 0.4}}));
    scenario.wQ = matrixOf({{0.8, -0.2, 0.5, 0.3},
                            {0.1, 0.7, -0.4, 0.6},
                            {-0.5, 0.4, 0.9, -0.1},
                            {0.3, -0.6, 0.2, 0.7}});
    scenario.wK = matrixOf({{0.6, 0.4, -0.3, 0.2},
                            {-0.1, 0.5, 0.8, -0.4},
                            {0.7, -0.2, 0.1, 0.9},
                            {0.2, 0.6, -0.5, 0.3}});
    scenario.wV = matrixOf({{1.0, -0.5, 0.25, 0.75},
                            {0.5, 1.5, -1.0, 0.0},
                            {-0.75, 0.25, 1.25, 0.5},
                            {0.0, 1.0, 0.5, -1.5}});
    scenario.wO = matrixOf({{0.4, -0.3, 0.9}, {0.7, 0.2, -0.5}, {-0.6, 0.8, 0.1}, {0.3, 0.5, 0.6}});
    scenario.heads = 2;
    return scenario;
}

} // namespace

class TestExplanation : public QObject
{
    Q_OBJECT

private slots:
    void tutorialDotScore();
    void tutorialCells_data();
    void tutorialCells();
    void weightsComeFromTheMaskedRow();
    void outputComesFromWeightsRowAndValuesColumn();
    void kinds_data();
    void kinds();
    void hardAndSampledNameTheChosenKey();
    void cellOutsideTheMatrix();
    void formatNumber_data();
    void formatNumber();
};

// The lesson's own example, counted from 1 as the lesson does: q₁ = [2, 0, 2], k₃ = [2, 4, 3].
void TestExplanation::tutorialDotScore()
{
    const attn::Scenario scenario = attn::tutorialScenario();
    const attn::Trace trace = computed(scenario);
    const attn::CellRef cell{attn::Stage::Scores, 0, 0, 2};
    const attn::Explanation explanation = attn::explain(scenario, trace, cell);

    QCOMPARE(QString::fromStdString(explanation.text),
             QString::fromUtf8("score[1][3] = q₁·k₃ = 2·2 + 0·4 + 2·3 = 10"));
    QCOMPARE(explanation.value, 10.0);
    QVERIFY(explanation.cell == cell);
    QCOMPARE(explanation.kind, attn::Explanation::Kind::DotProduct);
    const std::vector<attn::CellRef> expectedSources{{attn::Stage::Queries, 0, 0, -1},
                                                     {attn::Stage::Keys, 0, 2, -1}};
    QVERIFY2(sameCells(explanation.sources, expectedSources),
             qPrintable(QStringLiteral("sources %1, expected %2")
                            .arg(describe(explanation.sources), describe(expectedSources))));
}

void TestExplanation::tutorialCells_data()
{
    QTest::addColumn<attn::Stage>("stage");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("col");
    QTest::addColumn<double>("value");      // NumPy
    QTest::addColumn<QString>("formatted"); // the value to 4 significant digits, by hand

    using attn::Stage;
    QTest::newRow("query (2, 0) = [1,1,0]·W_Q[:,0]") << Stage::Queries << 2 << 0 << 4.0 << "4";
    QTest::newRow("key (2, 1)") << Stage::Keys << 2 << 1 << 4.0 << "4";
    QTest::newRow("value (2, 1)") << Stage::Values << 2 << 1 << 2.0 << "2";
    QTest::newRow("score (3, 2)") << Stage::Scores << 3 << 2 << 14.0 << "14";
    QTest::newRow("scaled (0, 2) = 10/√3")
        << Stage::Scaled << 0 << 2 << 5.773502691896258 << "5.774";
    QTest::newRow("masked (1, 0), visible")
        << Stage::Masked << 1 << 0 << 2.3094010767585034 << "2.309";
    QTest::newRow("weight (0, 2)") << Stage::Weights << 0 << 2 << 0.7491303855446881 << "0.7491";
    QTest::newRow("weight (1, 1)") << Stage::Weights << 1 << 1 << 0.0451736774804248 << "0.04517";
    QTest::newRow("output (3, 1)") << Stage::Output << 3 << 1 << 1.9040730855894112 << "1.904";
    QTest::newRow("concat (0, 0)") << Stage::Concat << 0 << 0 << 0.9852202489021356 << "0.9852";
}

// The value is the cell's, and the text ends with it as formatNumber writes it.
void TestExplanation::tutorialCells()
{
    QFETCH(attn::Stage, stage);
    QFETCH(int, row);
    QFETCH(int, col);
    QFETCH(double, value);
    QFETCH(QString, formatted);

    const attn::Scenario scenario = attn::tutorialScenario();
    const attn::Trace trace = computed(scenario);
    const attn::Explanation explanation = attn::explain(scenario, trace, {stage, 0, row, col});

    VERIFY_NEAR(explanation.value, value, 1e-12);
    QCOMPARE(QString::fromStdString(attn::formatNumber(explanation.value)), formatted);
    QVERIFY2(endsWith(explanation.text, formatted.toStdString()),
             qPrintable(QStringLiteral("\"%1\" does not end with %2")
                            .arg(QString::fromStdString(explanation.text), formatted)));
    QVERIFY2(!explanation.sources.empty(), "a computed cell names the cells it came from");
}

void TestExplanation::weightsComeFromTheMaskedRow()
{
    const attn::Scenario scenario = attn::tutorialScenario();
    const attn::Trace trace = computed(scenario);
    for (int i = 0; i < 4; ++i) {
        for (int j = 0; j < 4; ++j) {
            const attn::Explanation explanation =
                attn::explain(scenario, trace, {attn::Stage::Weights, 0, i, j});
            const attn::CellRef maskedRow{attn::Stage::Masked, 0, i, -1};
            QVERIFY2(contains(explanation.sources, maskedRow),
                     qPrintable(QStringLiteral("weight (%1, %2): sources %3 lack %4")
                                    .arg(i)
                                    .arg(j)
                                    .arg(describe(explanation.sources), describe(maskedRow))));
        }
    }
}

void TestExplanation::outputComesFromWeightsRowAndValuesColumn()
{
    const attn::Scenario scenario = attn::tutorialScenario();
    const attn::Trace trace = computed(scenario);
    for (int i = 0; i < 4; ++i) {
        for (int j = 0; j < 3; ++j) {
            const attn::Explanation explanation =
                attn::explain(scenario, trace, {attn::Stage::Output, 0, i, j});
            const std::vector<attn::CellRef> expected{{attn::Stage::Weights, 0, i, -1},
                                                      {attn::Stage::Values, 0, -1, j}};
            QVERIFY2(sameCells(explanation.sources, expected),
                     qPrintable(QStringLiteral("output (%1, %2): sources %3, expected %4")
                                    .arg(i)
                                    .arg(j)
                                    .arg(describe(explanation.sources), describe(expected))));
            VERIFY_NEAR(explanation.value, trace.heads.front().output(i, j), 0.0);
        }
    }
}

void TestExplanation::kinds_data()
{
    QTest::addColumn<attn::Scenario>("scenario");
    QTest::addColumn<attn::CellRef>("cell");
    QTest::addColumn<attn::Explanation::Kind>("kind");
    QTest::addColumn<int>("maskReason"); // an attn::MaskReason, or −1: not checked
    QTest::addColumn<double>("value");   // NaN: the trace's own value
    QTest::addColumn<QString>("ending"); // empty: formatNumber(value)

    using attn::Explanation;
    using attn::Stage;
    const double traceValue = std::numeric_limits<double>::quiet_NaN();
    const attn::Scenario tutorial = attn::tutorialScenario();

    QTest::newRow("embedding") << tutorial << attn::CellRef{Stage::Embeddings, 0, 2, 1}
                               << Explanation::Kind::Input << reason::Visible << 1.0 << "1";
    QTest::newRow("query") << tutorial << attn::CellRef{Stage::Queries, 0, 3, 1}
                           << Explanation::Kind::DotProduct << reason::Visible << 1.0 << "1";
    QTest::newRow("scaled") << tutorial << attn::CellRef{Stage::Scaled, 0, 1, 1}
                            << Explanation::Kind::Scaling << reason::Visible << 0.0 << "0";
    QTest::newRow("masked, visible")
        << tutorial << attn::CellRef{Stage::Masked, 0, 2, 3} << Explanation::Kind::Masked
        << reason::Visible << 1.1547005383792517 << "1.155";
    QTest::newRow("soft weight") << tutorial << attn::CellRef{Stage::Weights, 0, 1, 2}
                                 << Explanation::Kind::Softmax << reason::Visible
                                 << 0.4548263225195752 << "0.4548";
    QTest::newRow("concat") << tutorial << attn::CellRef{Stage::Concat, 0, 1, 2}
                            << Explanation::Kind::Concatenated << reason::Visible << 0.5 << "0.5";

    attn::Scenario causal = tutorial;
    causal.mask = attn::MaskKind::Causal;
    QTest::newRow("masked, causal (0, 3)")
        << causal << attn::CellRef{Stage::Masked, 0, 0, 3} << Explanation::Kind::Masked
        << reason::Causal << -inf << QStringLiteral("\u2212\u221E");
    attn::Scenario padded = tutorial;
    padded.padding = {false, true, false, false};
    QTest::newRow("masked, padding (2, 1)")
        << padded << attn::CellRef{Stage::Masked, 0, 2, 1} << Explanation::Kind::Masked
        << reason::Padding << -inf << QStringLiteral("\u2212\u221E");
    attn::Scenario window = tutorial;
    window.span = attn::SpanKind::LocalM;
    window.window = 1;
    QTest::newRow("masked, outside the window (0, 3)")
        << window << attn::CellRef{Stage::Masked, 0, 0, 3} << Explanation::Kind::Masked
        << reason::OutsideWindow << -inf << QStringLiteral("\u2212\u221E");
    attn::Scenario fully = causal;
    fully.padding = {true, false, false, false};
    QTest::newRow("weight of a fully masked row")
        << fully << attn::CellRef{Stage::Weights, 0, 0, 0} << Explanation::Kind::FullyMasked
        << reason::Any << 0.0 << "0";

    attn::Scenario hard = tutorial;
    hard.selection = attn::SelectionKind::Hard;
    QTest::newRow("hard weight (0, 2)") << hard << attn::CellRef{Stage::Weights, 0, 0, 2}
                                        << Explanation::Kind::Hard << reason::Visible << 1.0 << "1";
    attn::Scenario sampled = tutorial;
    sampled.selection = attn::SelectionKind::Sample;
    QTest::newRow("sampled weight")
        << sampled << attn::CellRef{Stage::Weights, 0, 3, 1} << Explanation::Kind::Sampled
        << reason::Visible << traceValue << "";
    attn::Scenario localP = tutorial;
    localP.span = attn::SpanKind::LocalP;
    localP.window = 2;
    localP.wP = matrixOf({{0.5, -0.5}, {0.25, 0.75}, {-0.5, 0.5}});
    localP.vP = vectorOf({1.0, 0.5});
    QTest::newRow("local-p weight")
        << localP << attn::CellRef{Stage::Weights, 0, 2, 2} << Explanation::Kind::LocalSoftmax
        << reason::Visible << traceValue << "";

    attn::Scenario general = tutorial;
    general.score = attn::ScoreFunction::General;
    general.wA = matrixOf({{0.5, 0, 0}, {0, 1, 0}, {0, 0, 2}});
    // q1 W_a k3 = [2,0,0]·diag(0.5,1,2)·[0,1,1] = 0; q0 W_a k2 = 2·0.5·2 + 0 + 2·2·3 = 14
    QTest::newRow("general score (0, 2), by hand")
        << general << attn::CellRef{Stage::Scores, 0, 0, 2} << Explanation::Kind::General
        << reason::Visible << 14.0 << "14";
    attn::Scenario additive = tutorial;
    additive.score = attn::ScoreFunction::Additive;
    additive.wA = matrixOf({{0.1, 0}, {0, 0.1}, {0.1, 0.1}});
    additive.uA = matrixOf({{0, 0.1}, {0.1, 0}, {0, 0}});
    additive.vA = vectorOf({1.0, -1.0});
    // q0 W_a = [0.4, 0.2], k0 U_a = [0.2, 0.2]: tanh(0.6) − tanh(0.4)
    QTest::newRow("additive score (0, 0), by hand")
        << additive << attn::CellRef{Stage::Scores, 0, 0, 0} << Explanation::Kind::Additive
        << reason::Visible << std::tanh(0.6) - std::tanh(0.4) << "";
    QTest::newRow("projected (1, 2), 2 heads")
        << twoHeads() << attn::CellRef{Stage::Projected, 0, 1, 2} << Explanation::Kind::DotProduct
        << reason::Visible << 0.2854095506840417 << "0.2854";
}

void TestExplanation::kinds()
{
    QFETCH(attn::Scenario, scenario);
    QFETCH(attn::CellRef, cell);
    QFETCH(attn::Explanation::Kind, kind);
    QFETCH(int, maskReason);
    QFETCH(double, value);
    QFETCH(QString, ending);

    const attn::Trace trace = computed(scenario);
    const attn::Explanation explanation = attn::explain(scenario, trace, cell);
    const double expected =
        std::isnan(value) ? trace.matrix(cell.stage, cell.head)(cell.row, cell.col) : value;
    const std::string expectedEnding =
        ending.isEmpty() ? attn::formatNumber(expected) : ending.toStdString();

    QVERIFY(explanation.cell == cell);
    QCOMPARE(int(explanation.kind), int(kind));
    if (maskReason >= 0)
        QCOMPARE(int(explanation.maskReason), maskReason);
    VERIFY_NEAR(explanation.value, expected, 1e-12);
    QVERIFY2(endsWith(explanation.text, expectedEnding),
             qPrintable(QStringLiteral("\"%1\" does not end with \"%2\"")
                            .arg(QString::fromStdString(explanation.text),
                                 QString::fromStdString(expectedEnding))));
}

// The tutorial's soft rows (plain Python, exp(x − max) / Σ over scores / √3):
//   row 1: [0.2361, 0.00739, 0.7491, 0.00739]: hard picks key 3 (word_3);
//   row 2: [0.4548, 0.04517, 0.4548, 0.04517]: a tie, the first wins: key 1;
//   row 4: [0.08995, 0.002816, 0.9057, 0.001581].
void TestExplanation::hardAndSampledNameTheChosenKey()
{
    attn::Scenario hard = attn::tutorialScenario();
    hard.selection = attn::SelectionKind::Hard;
    const attn::Trace hardTrace = computed(hard);
    attn::Explanation e = attn::explain(hard, hardTrace, {attn::Stage::Weights, 0, 0, 0});
    QCOMPARE(e.kind, attn::Explanation::Kind::Hard);
    QCOMPARE(e.chosenKey, 2);
    QCOMPARE(QString::fromStdString(e.chosenKeyName), QStringLiteral("word_3"));
    VERIFY_NEAR(e.chosenWeight, 0.7491303855446881, 1e-12);
    QCOMPARE(QString::fromStdString(e.text),
             QString::fromUtf8("argmax_k softmax[1][k] = 3 (softmax[1][3] = 0.7491) ⇒ "
                               "weights[1][1] = 0"));
    e = attn::explain(hard, hardTrace, {attn::Stage::Weights, 0, 1, 0});
    QCOMPARE(e.chosenKey, 0);
    QCOMPARE(QString::fromStdString(e.text),
             QString::fromUtf8("argmax_k softmax[2][k] = 1 (softmax[2][1] = 0.4548) ⇒ "
                               "weights[2][1] = 1"));

    attn::Scenario sampled = attn::tutorialScenario();
    sampled.selection = attn::SelectionKind::Sample;
    const attn::Trace sampledTrace = computed(sampled);
    e = attn::explain(sampled, sampledTrace, {attn::Stage::Weights, 0, 3, 0});
    QCOMPARE(e.kind, attn::Explanation::Kind::Sampled);
    // Which key the seed draws is tst_selection's subject; its probability is the soft weight.
    const double soft[] = {0.0899501753541974, 0.0028155406251633023, 0.9056536848050253,
                           0.0015805992156140561};
    QVERIFY(e.chosenKey >= 0 && e.chosenKey < 4);
    VERIFY_NEAR(e.chosenWeight, soft[e.chosenKey], 1e-12);
    const std::string drawn = std::to_string(e.chosenKey + 1);
    QVERIFY2(QString::fromStdString(e.text).startsWith(
                 QString::fromStdString("k* ~ softmax[4]: k* = " + drawn + " (p = ")),
             e.text.c_str());
}

void TestExplanation::cellOutsideTheMatrix()
{
    const attn::Scenario scenario = attn::tutorialScenario();
    const attn::Trace trace = computed(scenario);
    for (const attn::CellRef &cell :
         {attn::CellRef{attn::Stage::Scores, 0, 4, 0}, attn::CellRef{attn::Stage::Scores, 0, 0, 9},
          attn::CellRef{attn::Stage::Weights, 1, 0, 0},
          attn::CellRef{attn::Stage::Output, 0, -5, 0}}) {
        const attn::Explanation explanation = attn::explain(scenario, trace, cell);
        QVERIFY2(!explanation.text.empty(), qPrintable(describe(cell)));
        QVERIFY2(explanation.sources.empty(), qPrintable(describe(cell)));
    }
}

void TestExplanation::formatNumber_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("significant");
    QTest::addColumn<QString>("text");

    QTest::newRow("√3") << 1.7320508075688772 << 4 << "1.732";
    QTest::newRow("integer 10") << 10.0 << 4 << "10";
    QTest::newRow("zero") << 0.0 << 4 << "0";
    QTest::newRow("one half") << 0.5 << 4 << "0.5";
    QTest::newRow("one third") << 1.0 / 3.0 << 4 << "0.3333";
    QTest::newRow("rounds up 0.74913") << 0.7491303855446881 << 4 << "0.7491";
    QTest::newRow("rounds up 5.7735") << 5.773502691896258 << 4 << "5.774";
    QTest::newRow("small 0.045174") << 0.0451736774804248 << 4 << "0.04517";
    QTest::newRow("123.456") << 123.456 << 4 << "123.5";
    QTest::newRow("π to 2 digits") << 3.14159 << 2 << "3.1";
    QTest::newRow("minus infinity") << -inf << 4 << QStringLiteral("\u2212\u221E");
    QTest::newRow("infinity") << inf << 4 << QStringLiteral("\u221E");
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << 4 << "NaN";
}

void TestExplanation::formatNumber()
{
    QFETCH(double, value);
    QFETCH(int, significant);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(attn::formatNumber(value, significant)), text);
}

QTEST_APPLESS_MAIN(TestExplanation)
#include "tst_explanation.moc"
