// Shape and option edits of a scenario (core/scenario_edit.h).
//
// Every edit must keep what still fits, give new cells the values the lesson
// promises (a new word is the one-hot e_(k mod d_model); a weight matrix
// grows like the identity: 1 where a new row meets a new column on the
// diagonal, 0 elsewhere) and leave a scenario that still computes. Expected
// numbers are worked out by hand here or printed by
// tests/reference/workbench_reference.py (section "scenario_edit"), never
// taken from the engine.

#include "attention.h"
#include "matrix_compare.h"
#include "scenario_edit.h"
#include "scenario_matrix.h"

#include <QtTest>

#include <cmath>
#include <set>

Q_DECLARE_METATYPE(std::vector<bool>)

using testsupport::matrixOf;
using testsupport::vectorOf;

namespace {

constexpr double tolerance = 1e-12;

const std::vector<std::string> tutorialTokens{"word_1", "word_2", "word_3", "word_4"};
const attn::Matrix tutorialX = matrixOf({{1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0, 0, 1}});
const attn::Matrix tutorialWQ = matrixOf({{2, 0, 2}, {2, 0, 0}, {2, 1, 2}});
const attn::Matrix tutorialWK = matrixOf({{2, 2, 2}, {0, 2, 1}, {0, 1, 1}});
const attn::Matrix tutorialWV = matrixOf({{1, 1, 0}, {0, 1, 1}, {0, 0, 0}});

// softmax(Q Kᵀ / √3) of the tutorial, by NumPy.
const attn::Matrix tutorialWeights = matrixOf({
    {0.23608986335744747, 0.007389875548932189, 0.7491303855446881, 0.007389875548932189},
    {0.4548263225195752, 0.0451736774804248, 0.4548263225195752, 0.0451736774804248},
    {0.23927504868045535, 0.0007438700150519289, 0.7592372112894408, 0.0007438700150519289},
    {0.08995017535419739, 0.0028155406251633023, 0.9056536848050253, 0.0015805992156140561}});

/// compute() on a scenario that an edit promised to keep computable.
attn::Trace computed(const attn::Scenario &scenario)
{
    const attn::Result<attn::Trace> result = attn::compute(scenario);
    if (!result.ok()) {
        QTest::qFail(qPrintable(QStringLiteral("compute() failed: ")
                                + QString::fromStdString(result.error().message)),
                     __FILE__, __LINE__);
        return {};
    }
    return result.value();
}

QString describeTokens(const std::vector<std::string> &tokens)
{
    QStringList names;
    for (const std::string &token : tokens)
        names << QString::fromStdString(token);
    return names.join(QStringLiteral(", "));
}

std::vector<bool> flags(std::initializer_list<int> values)
{
    std::vector<bool> result;
    for (int value : values)
        result.push_back(value != 0);
    return result;
}

QString describeFlags(const std::vector<bool> &padding)
{
    QString text;
    for (bool padded : padding)
        text += padded ? QLatin1Char('P') : QLatin1Char('.');
    return text;
}

} // namespace

#define VERIFY_COMPUTES(scenario, trace)                                                           \
    [[maybe_unused]] const attn::Trace trace = computed(scenario);                                 \
    if (QTest::currentTestFailed())                                                                \
        return;

/// Padding flags as letters: P padding, . a visible key.
#define COMPARE_PADDING(actual, expected)                                                          \
    QVERIFY2((actual) == (expected),                                                               \
             qPrintable(QStringLiteral("padding is \"%1\", expected \"%2\"")                    \
                            .arg(describeFlags(actual), describeFlags(expected))))

#define COMPARE_TOKENS(actual, expected)                                                           \
    QVERIFY2((actual) == (expected),                                                               \
             qPrintable(QStringLiteral("tokens are [%1], expected [%2]")                           \
                            .arg(describeTokens(actual), describeTokens(expected))))

class TestScenarioEdit : public QObject
{
    Q_OBJECT

private slots:
    void resizedKeepsOverlapAndContinuesIdentity_data();
    void resizedKeepsOverlapAndContinuesIdentity();

    void growingTargetAddsOneHotWords();
    void shrinkingTargetKeepsFirstWords_data();
    void shrinkingTargetKeepsFirstWords();
    void sourceSideGrowsOnlyTheSource();
    void paddingFollowsKeyCount_data();
    void paddingFollowsKeyCount();

    void growingModelDimAddsZeroFeatures();
    void shrinkingModelDimKeepsFirstFeatures();
    void newModelAndKeyDimensionPassesItsFeatureThrough();
    void keyDim_data();
    void keyDim();
    void keyDimResizesScoreAndPositionWeights();
    void valueDimResizesValueAndOutputWeights();

    void headsRaiseDimensionsToAMultiple_data();
    void headsRaiseDimensionsToAMultiple();
    void twoHeadsOnTheTutorialMatchNumPy();
    void dimensionEditsKeepHeadsSplittable_data();
    void dimensionEditsKeepHeadsSplittable();
    void headsResizeGeneralScoreWeights();

    void generalScoreWithIdentityEqualsDotScore();
    void additiveScoreGetsParametersOfMatchingShapes();
    void additiveScoreKeepsExistingWa();
    void localPSpanGetsPositionParameters_data();
    void localPSpanGetsPositionParameters();
    void localMSpanNeedsNoParameters();
    void outputProjectionStartsAsIdentity();
    void outputProjectionKeepsExistingWo();
    void crossAttentionCopiesTargetAsSource();
    void crossAttentionOffRemovesSource();

    void randomisedIntegersMatchSplitMix64_data();
    void randomisedIntegersMatchSplitMix64();
    void randomisedIsReproducible();
    void randomisedDrawsOutputProjectionAfterValues();
    void randomisedGaussianHasTwoDecimals();
};

// --- resized() -----------------------------------------------------------------

void TestScenarioEdit::resizedKeepsOverlapAndContinuesIdentity_data()
{
    QTest::addColumn<attn::Matrix>("input");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::addColumn<bool>("identity");
    QTest::addColumn<attn::Matrix>("expected");

    const attn::Matrix square = matrixOf({{5, 6}, {7, 8}});
    QTest::newRow("2×2 → 3×3, identity: new diagonal cell 1")
        << square << 3 << 3 << true << matrixOf({{5, 6, 0}, {7, 8, 0}, {0, 0, 1}});
    QTest::newRow("2×2 → 3×3, zeros") << square << 3 << 3 << false
                                      << matrixOf({{5, 6, 0}, {7, 8, 0}, {0, 0, 0}});
    QTest::newRow("2×2 → 3×4: column 3 has no diagonal cell")
        << square << 3 << 4 << true << matrixOf({{5, 6, 0, 0}, {7, 8, 0, 0}, {0, 0, 1, 0}});
    QTest::newRow("2×2 → 4×2: rows 2, 3 have no diagonal cell")
        << square << 4 << 2 << true << matrixOf({{5, 6}, {7, 8}, {0, 0}, {0, 0}});
    QTest::newRow("3×1 → 3×3: new columns meet kept rows on the diagonal")
        << matrixOf({{5}, {6}, {7}}) << 3 << 3 << true
        << matrixOf({{5, 0, 0}, {6, 1, 0}, {7, 0, 1}});
    QTest::newRow("kept zeros on the diagonal stay 0")
        << matrixOf({{0, 0}, {0, 0}}) << 3 << 3 << true
        << matrixOf({{0, 0, 0}, {0, 0, 0}, {0, 0, 1}});
    QTest::newRow("2×3 → 3×2: rows grow, columns shrink")
        << matrixOf({{1, 2, 3}, {4, 5, 6}}) << 3 << 2 << true
        << matrixOf({{1, 2}, {4, 5}, {0, 0}});
    QTest::newRow("3×3 → 2×2 keeps the top-left")
        << matrixOf({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}) << 2 << 2 << true
        << matrixOf({{1, 2}, {4, 5}});
    QTest::newRow("empty → 2×3 is the identity") << attn::Matrix() << 2 << 3 << true
                                                 << matrixOf({{1, 0, 0}, {0, 1, 0}});
    QTest::newRow("same shape is a copy") << square << 2 << 2 << true << square;
}

void TestScenarioEdit::resizedKeepsOverlapAndContinuesIdentity()
{
    QFETCH(attn::Matrix, input);
    QFETCH(int, rows);
    QFETCH(int, cols);
    QFETCH(bool, identity);
    QFETCH(attn::Matrix, expected);

    VERIFY_MATRIX_EQUAL(attn::edit::resized(input, rows, cols, identity), expected);
}

// --- tokens --------------------------------------------------------------------

void TestScenarioEdit::growingTargetAddsOneHotWords()
{
    const attn::Scenario scenario =
        attn::edit::withTokenCount(attn::tutorialScenario(), attn::edit::Side::Target, 6);

    const std::vector<std::string> names{"word_1", "word_2", "word_3",
                                         "word_4", "word_5", "word_6"};
    COMPARE_TOKENS(scenario.target.tokens, names);
    // Rows 0–3 kept; word 4 (0-based) is e_(4 mod 3) = e_1, word 5 is e_2.
    VERIFY_MATRIX_EQUAL(scenario.target.embeddings,
                        matrixOf({{1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0, 0, 1}, {0, 1, 0}, {0, 0, 1}}));
    VERIFY_MATRIX_EQUAL(scenario.wQ, tutorialWQ);
    VERIFY_MATRIX_EQUAL(scenario.wK, tutorialWK);
    VERIFY_MATRIX_EQUAL(scenario.wV, tutorialWV);
    QVERIFY(!scenario.isCrossAttention());

    VERIFY_COMPUTES(scenario, trace);
    QCOMPARE(trace.weights(0).rows(), Eigen::Index(6));
    QCOMPARE(trace.weights(0).cols(), Eigen::Index(6));
}

void TestScenarioEdit::shrinkingTargetKeepsFirstWords_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("expectedCount");

    QTest::newRow("4 → 2 words") << 2 << 2;
    QTest::newRow("4 → 1 word") << 1 << 1;
    QTest::newRow("0 is raised to 1 word") << 0 << 1;
    QTest::newRow("a negative count is raised to 1 word") << -3 << 1;
    QTest::newRow("same count changes nothing") << 4 << 4;
}

void TestScenarioEdit::shrinkingTargetKeepsFirstWords()
{
    QFETCH(int, count);
    QFETCH(int, expectedCount);

    const attn::Scenario scenario =
        attn::edit::withTokenCount(attn::tutorialScenario(), attn::edit::Side::Target, count);

    const std::vector<std::string> names(tutorialTokens.begin(),
                                         tutorialTokens.begin() + expectedCount);
    COMPARE_TOKENS(scenario.target.tokens, names);
    VERIFY_MATRIX_EQUAL(scenario.target.embeddings, attn::Matrix(tutorialX.topRows(expectedCount)));
    VERIFY_COMPUTES(scenario, trace);
    QCOMPARE(trace.queryCount(), expectedCount);
}

void TestScenarioEdit::sourceSideGrowsOnlyTheSource()
{
    const attn::Scenario cross = attn::edit::withCrossAttention(attn::tutorialScenario(), true);
    const attn::Scenario scenario = attn::edit::withTokenCount(cross, attn::edit::Side::Source, 5);

    QVERIFY(scenario.source.has_value());
    const std::vector<std::string> sourceNames{"source_1", "source_2", "source_3", "source_4",
                                               "source_5"};
    COMPARE_TOKENS(scenario.source->tokens, sourceNames);
    // Source word 4 (0-based) is e_(4 mod 3) = e_1.
    VERIFY_MATRIX_EQUAL(scenario.source->embeddings,
                        matrixOf({{1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0, 0, 1}, {0, 1, 0}}));
    COMPARE_TOKENS(scenario.target.tokens, tutorialTokens);
    VERIFY_MATRIX_EQUAL(scenario.target.embeddings, tutorialX);

    VERIFY_COMPUTES(scenario, trace);
    QCOMPARE(trace.queryCount(), 4);
    QCOMPARE(trace.keyCount(), 5);

    // And the target side leaves the source alone.
    const attn::Scenario shorter = attn::edit::withTokenCount(scenario, attn::edit::Side::Target, 2);
    COMPARE_TOKENS(shorter.target.tokens, std::vector<std::string>({"word_1", "word_2"}));
    COMPARE_TOKENS(shorter.source->tokens, sourceNames);
}

void TestScenarioEdit::paddingFollowsKeyCount_data()
{
    QTest::addColumn<bool>("cross");
    QTest::addColumn<int>("side"); // 0 target, 1 source
    QTest::addColumn<int>("count");
    QTest::addColumn<std::vector<bool>>("expected");

    QTest::newRow("self-attention, 4 → 6 words: new keys visible")
        << false << 0 << 6 << flags({0, 0, 1, 0, 0, 0});
    QTest::newRow("self-attention, 4 → 2 words: flags cut")
        << false << 0 << 2 << flags({0, 0});
    QTest::newRow("cross-attention, source 4 → 5 keys") << true << 1 << 5 << flags({0, 0, 1, 0, 0});
    QTest::newRow("cross-attention, source 4 → 3 keys") << true << 1 << 3 << flags({0, 0, 1});
    QTest::newRow("cross-attention, target 4 → 6 queries: keys unchanged")
        << true << 0 << 6 << flags({0, 0, 1, 0});
}

void TestScenarioEdit::paddingFollowsKeyCount()
{
    QFETCH(bool, cross);
    QFETCH(int, side);
    QFETCH(int, count);
    QFETCH(std::vector<bool>, expected);

    attn::Scenario scenario = attn::tutorialScenario();
    scenario.padding = flags({0, 0, 1, 0});
    scenario = attn::edit::withCrossAttention(scenario, cross);
    COMPARE_PADDING(scenario.padding, flags({0, 0, 1, 0}));

    scenario = attn::edit::withTokenCount(
        scenario, side == 0 ? attn::edit::Side::Target : attn::edit::Side::Source, count);
    COMPARE_PADDING(scenario.padding, expected);
    VERIFY_COMPUTES(scenario, trace);
    QCOMPARE(trace.keyCount(), int(expected.size()));
}

// --- dimensions ----------------------------------------------------------------

void TestScenarioEdit::growingModelDimAddsZeroFeatures()
{
    const attn::Scenario scenario = attn::edit::withModelDim(attn::tutorialScenario(), 5);

    QCOMPARE(scenario.modelDim(), 5);
    // Embeddings grow without the identity: the words have no new features.
    VERIFY_MATRIX_EQUAL(scenario.target.embeddings, matrixOf({{1, 0, 0, 0, 0},
                                                             {0, 1, 0, 0, 0},
                                                             {1, 1, 0, 0, 0},
                                                             {0, 0, 1, 0, 0}}));
    // W_Q, W_K, W_V grow from 3×3 to 5×3: rows 3 and 4 cross no new column,
    // so they hold no diagonal cell and are 0.
    VERIFY_MATRIX_EQUAL(scenario.wQ, matrixOf({{2, 0, 2}, {2, 0, 0}, {2, 1, 2}, {0, 0, 0}, {0, 0, 0}}));
    VERIFY_MATRIX_EQUAL(scenario.wK, matrixOf({{2, 2, 2}, {0, 2, 1}, {0, 1, 1}, {0, 0, 0}, {0, 0, 0}}));
    VERIFY_MATRIX_EQUAL(scenario.wV, matrixOf({{1, 1, 0}, {0, 1, 1}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}}));

    // Zero features add nothing: the weights are the tutorial's.
    VERIFY_COMPUTES(scenario, trace);
    VERIFY_MATRIX_NEAR(trace.weights(0), tutorialWeights, tolerance);
}

void TestScenarioEdit::shrinkingModelDimKeepsFirstFeatures()
{
    attn::Scenario scenario = attn::edit::withCrossAttention(attn::tutorialScenario(), true);
    scenario = attn::edit::withModelDim(scenario, 2);

    QCOMPARE(scenario.modelDim(), 2);
    VERIFY_MATRIX_EQUAL(scenario.target.embeddings, matrixOf({{1, 0}, {0, 1}, {1, 1}, {0, 0}}));
    VERIFY_MATRIX_EQUAL(scenario.source->embeddings, matrixOf({{1, 0}, {0, 1}, {1, 1}, {0, 0}}));
    VERIFY_MATRIX_EQUAL(scenario.wQ, matrixOf({{2, 0, 2}, {2, 0, 0}}));
    VERIFY_MATRIX_EQUAL(scenario.wK, matrixOf({{2, 2, 2}, {0, 2, 1}}));
    VERIFY_MATRIX_EQUAL(scenario.wV, matrixOf({{1, 1, 0}, {0, 1, 1}}));
    VERIFY_COMPUTES(scenario, trace);
    QCOMPARE(trace.keys.cols(), Eigen::Index(3));
}

// Growing d_model and d_k together makes a new diagonal cell: the new
// feature of a word goes straight into the new column of Q and K.
void TestScenarioEdit::newModelAndKeyDimensionPassesItsFeatureThrough()
{
    attn::Scenario scenario = attn::edit::withModelDim(attn::tutorialScenario(), 4);
    scenario = attn::edit::withKeyDim(scenario, 4);

    VERIFY_MATRIX_EQUAL(scenario.wQ, matrixOf({{2, 0, 2, 0}, {2, 0, 0, 0}, {2, 1, 2, 0}, {0, 0, 0, 1}}));
    VERIFY_MATRIX_EQUAL(scenario.wK, matrixOf({{2, 2, 2, 0}, {0, 2, 1, 0}, {0, 1, 1, 0}, {0, 0, 0, 1}}));
    // d_v was not asked to change: W_V only gained a zero row.
    VERIFY_MATRIX_EQUAL(scenario.wV, matrixOf({{1, 1, 0}, {0, 1, 1}, {0, 0, 0}, {0, 0, 0}}));

    attn::setBlock(scenario, attn::MatrixId::Embeddings, 3, 3, matrixOf({{5}}));
    VERIFY_COMPUTES(scenario, trace);
    // Word 3 is [0, 0, 1, 5]: Q row 3 = [2, 1, 2, 5], K row 3 = [0, 1, 1, 5].
    VERIFY_MATRIX_EQUAL(attn::Matrix(trace.queries.row(3)), matrixOf({{2, 1, 2, 5}}));
    VERIFY_MATRIX_EQUAL(attn::Matrix(trace.keys.row(3)), matrixOf({{0, 1, 1, 5}}));
}

void TestScenarioEdit::keyDim_data()
{
    QTest::addColumn<int>("keyDim");
    QTest::addColumn<attn::Matrix>("expectedWQ");
    QTest::addColumn<attn::Matrix>("expectedWK");

    // 3×3 → 3×5: columns 3, 4 meet no new row, so they are 0.
    QTest::newRow("d_k 3 → 5: zero columns")
        << 5 << matrixOf({{2, 0, 2, 0, 0}, {2, 0, 0, 0, 0}, {2, 1, 2, 0, 0}})
        << matrixOf({{2, 2, 2, 0, 0}, {0, 2, 1, 0, 0}, {0, 1, 1, 0, 0}});
    QTest::newRow("d_k 3 → 2: first columns kept")
        << 2 << matrixOf({{2, 0}, {2, 0}, {2, 1}}) << matrixOf({{2, 2}, {0, 2}, {0, 1}});
    QTest::newRow("d_k 0 is raised to 1") << 0 << matrixOf({{2}, {2}, {2}})
                                          << matrixOf({{2}, {0}, {0}});
}

void TestScenarioEdit::keyDim()
{
    QFETCH(int, keyDim);
    QFETCH(attn::Matrix, expectedWQ);
    QFETCH(attn::Matrix, expectedWK);

    const attn::Scenario scenario = attn::edit::withKeyDim(attn::tutorialScenario(), keyDim);
    VERIFY_MATRIX_EQUAL(scenario.wQ, expectedWQ);
    VERIFY_MATRIX_EQUAL(scenario.wK, expectedWK);
    VERIFY_MATRIX_EQUAL(scenario.wV, tutorialWV);
    VERIFY_COMPUTES(scenario, trace);
    QCOMPARE(trace.headDim, int(expectedWQ.cols()));
}

void TestScenarioEdit::keyDimResizesScoreAndPositionWeights()
{
    attn::Scenario scenario = attn::edit::withScore(attn::tutorialScenario(),
                                                    attn::ScoreFunction::General);
    scenario.wA(0, 1) = 0.5; // a learner's edit that must survive
    scenario = attn::edit::withSpan(scenario, attn::SpanKind::LocalP);
    scenario = attn::edit::withKeyDim(scenario, 4);

    // W_a is d_h × d_h: 3×3 → 4×4, the new diagonal cell 1.
    VERIFY_MATRIX_EQUAL(scenario.wA, matrixOf({{1, 0.5, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}));
    // W_p is d_k × d_p: 3×3 → 4×3, d_p kept; the new row has no diagonal cell.
    VERIFY_MATRIX_EQUAL(scenario.wP, matrixOf({{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 0}}));
    QCOMPARE(scenario.vP.size(), Eigen::Index(3));
    VERIFY_COMPUTES(scenario, trace);
}

void TestScenarioEdit::valueDimResizesValueAndOutputWeights()
{
    attn::Scenario scenario = attn::edit::withOutputProjection(attn::tutorialScenario(), true);
    attn::Scenario wider = attn::edit::withValueDim(scenario, 4);

    VERIFY_MATRIX_EQUAL(wider.wV, matrixOf({{1, 1, 0, 0}, {0, 1, 1, 0}, {0, 0, 0, 0}}));
    // W_O is d_v × d_out: 3×3 → 4×3; d_out stays 3.
    QVERIFY(wider.wO.has_value());
    VERIFY_MATRIX_EQUAL(*wider.wO, matrixOf({{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 0}}));
    VERIFY_MATRIX_EQUAL(wider.wQ, tutorialWQ);
    {
        VERIFY_COMPUTES(wider, trace);
        QCOMPARE(trace.output.cols(), Eigen::Index(3));
    }

    attn::Scenario narrower = attn::edit::withValueDim(scenario, 2);
    VERIFY_MATRIX_EQUAL(narrower.wV, matrixOf({{1, 1}, {0, 1}, {0, 0}}));
    VERIFY_MATRIX_EQUAL(*narrower.wO, matrixOf({{1, 0, 0}, {0, 1, 0}}));
    VERIFY_COMPUTES(narrower, trace);
    QCOMPARE(trace.concat.cols(), Eigen::Index(2));
}

// --- heads ---------------------------------------------------------------------

void TestScenarioEdit::headsRaiseDimensionsToAMultiple_data()
{
    QTest::addColumn<int>("heads");
    QTest::addColumn<int>("expectedHeads");
    QTest::addColumn<int>("expectedKeyDim");
    QTest::addColumn<int>("expectedValueDim");

    QTest::newRow("1 head: d_k 3, d_v 3") << 1 << 1 << 3 << 3;
    QTest::newRow("2 heads: 3 → 4") << 2 << 2 << 4 << 4;
    QTest::newRow("3 heads: 3 splits evenly") << 3 << 3 << 3 << 3;
    QTest::newRow("4 heads: 3 → 4") << 4 << 4 << 4 << 4;
    QTest::newRow("5 heads: 3 → 5") << 5 << 5 << 5 << 5;
    QTest::newRow("0 heads is raised to 1") << 0 << 1 << 3 << 3;
}

void TestScenarioEdit::headsRaiseDimensionsToAMultiple()
{
    QFETCH(int, heads);
    QFETCH(int, expectedHeads);
    QFETCH(int, expectedKeyDim);
    QFETCH(int, expectedValueDim);

    const attn::Scenario scenario = attn::edit::withHeads(attn::tutorialScenario(), heads);
    QCOMPARE(scenario.heads, expectedHeads);
    QCOMPARE(scenario.keyDim(), expectedKeyDim);
    QCOMPARE(scenario.wK.cols(), Eigen::Index(expectedKeyDim));
    QCOMPARE(scenario.valueDim(), expectedValueDim);
    VERIFY_COMPUTES(scenario, trace);
    QCOMPARE(trace.headCount(), expectedHeads);
    QCOMPARE(trace.headDim, expectedKeyDim / expectedHeads);
}

void TestScenarioEdit::twoHeadsOnTheTutorialMatchNumPy()
{
    const attn::Scenario scenario = attn::edit::withHeads(attn::tutorialScenario(), 2);
    // d_k, d_v 3 → 4: a zero column on the right of W_Q, W_K, W_V.
    VERIFY_MATRIX_EQUAL(scenario.wQ, matrixOf({{2, 0, 2, 0}, {2, 0, 0, 0}, {2, 1, 2, 0}}));
    VERIFY_MATRIX_EQUAL(scenario.wK, matrixOf({{2, 2, 2, 0}, {0, 2, 1, 0}, {0, 1, 1, 0}}));
    VERIFY_MATRIX_EQUAL(scenario.wV, matrixOf({{1, 1, 0, 0}, {0, 1, 1, 0}, {0, 0, 0, 0}}));

    VERIFY_COMPUTES(scenario, trace);
    QCOMPARE(trace.headCount(), 2);
    // workbench_reference.py, "two heads, d_k = d_v = 4, d_h = 2, scale sqrt(2)".
    const attn::Matrix twoHeadWeights0 = matrixOf({
        {0.47209639039641516, 0.027903609603584872, 0.47209639039641516, 0.027903609603584872},
        {0.47209639039641516, 0.027903609603584872, 0.47209639039641516, 0.027903609603584872},
        {0.49825933635146724, 0.001740663648532705, 0.49825933635146724, 0.001740663648532705},
        {0.19225226012272428, 0.011363213362777028, 0.7907816817716694, 0.0056028447428293745}});
    const attn::Matrix twoHeadWeights1 = matrixOf({
        {0.17858788902827885, 0.04341770439005499, 0.7345767021916112, 0.04341770439005499},
        {0.25, 0.25, 0.25, 0.25},
        {0.17858788902827885, 0.04341770439005499, 0.7345767021916112, 0.04341770439005499},
        {0.17858788902827885, 0.04341770439005499, 0.7345767021916112, 0.04341770439005499}});
    const attn::Matrix twoHeadOutput = matrixOf({
        {0.9441927807928303, 1.4441927807928303, 0.7779944065816662, 0.0},
        {0.9441927807928303, 1.4441927807928303, 0.5, 0.0},
        {0.9965186727029345, 1.4965186727029345, 0.7779944065816662, 0.0},
        {0.9830339418943936, 1.7851788370288402, 0.7779944065816662, 0.0}});
    VERIFY_MATRIX_NEAR(trace.weights(0), twoHeadWeights0, tolerance);
    VERIFY_MATRIX_NEAR(trace.weights(1), twoHeadWeights1, tolerance);
    VERIFY_MATRIX_NEAR(trace.output, twoHeadOutput, tolerance);
}

// The namespace promises edits "that keep it computable": with two heads, a
// d_k or d_v that two heads cannot split would make compute() refuse.
void TestScenarioEdit::dimensionEditsKeepHeadsSplittable_data()
{
    QTest::addColumn<bool>("keySide");
    QTest::addColumn<int>("dimension");

    QTest::newRow("2 heads, d_k → 5") << true << 5;
    QTest::newRow("2 heads, d_k → 3") << true << 3;
    QTest::newRow("2 heads, d_v → 5") << false << 5;
    QTest::newRow("2 heads, d_k → 6 (splits evenly)") << true << 6;
}

void TestScenarioEdit::dimensionEditsKeepHeadsSplittable()
{
    QFETCH(bool, keySide);
    QFETCH(int, dimension);

    const attn::Scenario twoHeads = attn::edit::withHeads(attn::tutorialScenario(), 2);
    const attn::Scenario scenario = keySide ? attn::edit::withKeyDim(twoHeads, dimension)
                                            : attn::edit::withValueDim(twoHeads, dimension);
    QCOMPARE(scenario.heads, 2);
    QVERIFY2(scenario.keyDim() % scenario.heads == 0,
             qPrintable(QStringLiteral("d_k = %1 cannot be split into %2 heads")
                            .arg(scenario.keyDim())
                            .arg(scenario.heads)));
    QVERIFY2(scenario.valueDim() % scenario.heads == 0,
             qPrintable(QStringLiteral("d_v = %1 cannot be split into %2 heads")
                            .arg(scenario.valueDim())
                            .arg(scenario.heads)));
    VERIFY_COMPUTES(scenario, trace);
}

void TestScenarioEdit::headsResizeGeneralScoreWeights()
{
    attn::Scenario scenario = attn::edit::withScore(attn::tutorialScenario(),
                                                    attn::ScoreFunction::General);
    scenario = attn::edit::withHeads(scenario, 2);
    // d_h = 4 / 2 = 2: W_a shrinks from 3×3 to the 2×2 identity.
    VERIFY_MATRIX_EQUAL(scenario.wA, matrixOf({{1, 0}, {0, 1}}));
    VERIFY_COMPUTES(scenario, trace);
    QCOMPARE(trace.headDim, 2);
}

// --- score, span, projection, cross-attention ------------------------------------

// q W_a kᵀ with W_a = I is q · k: the general score starts where the dot score is.
void TestScenarioEdit::generalScoreWithIdentityEqualsDotScore()
{
    const attn::Scenario scenario = attn::edit::withScore(attn::tutorialScenario(),
                                                          attn::ScoreFunction::General);
    QCOMPARE(scenario.score, attn::ScoreFunction::General);
    VERIFY_MATRIX_EQUAL(scenario.wA, matrixOf({{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}));
    QVERIFY(attn::hasMatrix(scenario, attn::MatrixId::ScoreQueryWeights));
    QVERIFY(!attn::hasMatrix(scenario, attn::MatrixId::ScoreKeyWeights));

    VERIFY_COMPUTES(scenario, trace);
    VERIFY_MATRIX_NEAR(trace.weights(0), tutorialWeights, tolerance);
    VERIFY_NEAR(trace.weights(0)(0, 2), 0.7491303855446881, tolerance);
}

void TestScenarioEdit::additiveScoreGetsParametersOfMatchingShapes()
{
    const attn::Scenario scenario = attn::edit::withScore(attn::tutorialScenario(),
                                                          attn::ScoreFunction::Additive);
    QCOMPARE(scenario.score, attn::ScoreFunction::Additive);
    // d_h = 3, and d_a starts at d_h: W_a, U_a 3×3 identities, v_a all ones.
    VERIFY_MATRIX_EQUAL(scenario.wA, matrixOf({{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}));
    VERIFY_MATRIX_EQUAL(scenario.uA, matrixOf({{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}));
    VERIFY_MATRIX_EQUAL(attn::Matrix(scenario.vA), attn::Matrix(vectorOf({1, 1, 1})));
    QVERIFY(attn::hasMatrix(scenario, attn::MatrixId::ScoreVector));
    VERIFY_COMPUTES(scenario, trace);
    VERIFY_ALL_FINITE(trace.weights(0));
}

void TestScenarioEdit::additiveScoreKeepsExistingWa()
{
    attn::Scenario scenario = attn::edit::withScore(attn::tutorialScenario(),
                                                    attn::ScoreFunction::General);
    scenario.wA(2, 0) = -0.5;
    scenario = attn::edit::withScore(scenario, attn::ScoreFunction::Additive);
    VERIFY_MATRIX_EQUAL(scenario.wA, matrixOf({{1, 0, 0}, {0, 1, 0}, {-0.5, 0, 1}}));
    QCOMPARE(scenario.uA.rows(), Eigen::Index(3));
    QCOMPARE(scenario.uA.cols(), Eigen::Index(3));
    QCOMPARE(scenario.vA.size(), Eigen::Index(3));
    VERIFY_COMPUTES(scenario, trace);
}

void TestScenarioEdit::localPSpanGetsPositionParameters_data()
{
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("expectedWindow");

    QTest::newRow("window 0 is raised to 1 (σ = D/2 > 0)") << 0 << 1;
    QTest::newRow("window 1 stays") << 1 << 1;
    QTest::newRow("window 3 stays") << 3 << 3;
}

void TestScenarioEdit::localPSpanGetsPositionParameters()
{
    QFETCH(int, window);
    QFETCH(int, expectedWindow);

    attn::Scenario scenario = attn::tutorialScenario();
    scenario.window = window;
    scenario = attn::edit::withSpan(scenario, attn::SpanKind::LocalP);

    QCOMPARE(scenario.span, attn::SpanKind::LocalP);
    // W_p is d_k × d_p with d_p starting at d_k; v_p has d_p entries.
    VERIFY_MATRIX_EQUAL(scenario.wP, matrixOf({{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}));
    VERIFY_MATRIX_EQUAL(attn::Matrix(scenario.vP), attn::Matrix(vectorOf({1, 1, 1})));
    QCOMPARE(scenario.wP.cols(), scenario.vP.size());
    QCOMPARE(scenario.window, expectedWindow);
    VERIFY_COMPUTES(scenario, trace);
    QCOMPARE(trace.alignedPositions.size(), Eigen::Index(4));
}

void TestScenarioEdit::localMSpanNeedsNoParameters()
{
    const attn::Scenario scenario = attn::edit::withSpan(attn::tutorialScenario(),
                                                         attn::SpanKind::LocalM);
    QCOMPARE(scenario.span, attn::SpanKind::LocalM);
    QCOMPARE(scenario.wP.size(), Eigen::Index(0));
    QVERIFY(!attn::hasMatrix(scenario, attn::MatrixId::PositionWeights));
    VERIFY_COMPUTES(scenario, trace);
}

void TestScenarioEdit::outputProjectionStartsAsIdentity()
{
    const attn::Scenario scenario = attn::edit::withOutputProjection(attn::tutorialScenario(), true);
    QVERIFY(scenario.wO.has_value());
    VERIFY_MATRIX_EQUAL(*scenario.wO, matrixOf({{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}));

    VERIFY_COMPUTES(scenario, trace);
    QVERIFY(trace.projected);
    // concat · I: every product is x·1 or x·0, so the output is the concat to the bit.
    VERIFY_MATRIX_EQUAL(trace.output, trace.concat);

    const attn::Scenario off = attn::edit::withOutputProjection(scenario, false);
    QVERIFY(!off.wO.has_value());
    QVERIFY(!attn::hasMatrix(off, attn::MatrixId::OutputWeights));
}

void TestScenarioEdit::outputProjectionKeepsExistingWo()
{
    attn::Scenario scenario = attn::tutorialScenario();
    scenario.wO = matrixOf({{0, 1}, {1, 0}, {2, 2}});
    scenario = attn::edit::withOutputProjection(scenario, true);
    VERIFY_MATRIX_EQUAL(*scenario.wO, matrixOf({{0, 1}, {1, 0}, {2, 2}}));
}

void TestScenarioEdit::crossAttentionCopiesTargetAsSource()
{
    const attn::Scenario scenario = attn::edit::withCrossAttention(attn::tutorialScenario(), true);
    QVERIFY(scenario.isCrossAttention());
    COMPARE_TOKENS(scenario.source->tokens,
                   std::vector<std::string>({"source_1", "source_2", "source_3", "source_4"}));
    VERIFY_MATRIX_EQUAL(scenario.source->embeddings, tutorialX);
    COMPARE_TOKENS(scenario.target.tokens, tutorialTokens);

    // Attending to a copy of oneself is self-attention: the tutorial's weights.
    VERIFY_COMPUTES(scenario, trace);
    VERIFY_MATRIX_NEAR(trace.weights(0), tutorialWeights, tolerance);

    // Turning it on again keeps an edited source.
    attn::Scenario edited = scenario;
    edited.source->embeddings(0, 0) = 7;
    edited = attn::edit::withCrossAttention(edited, true);
    QCOMPARE(edited.source->embeddings(0, 0), 7.0);
}

void TestScenarioEdit::crossAttentionOffRemovesSource()
{
    attn::Scenario scenario = attn::tutorialScenario();
    scenario.padding = flags({0, 1, 0, 0});
    scenario = attn::edit::withCrossAttention(scenario, true);
    scenario = attn::edit::withTokenCount(scenario, attn::edit::Side::Source, 6);
    COMPARE_PADDING(scenario.padding, flags({0, 1, 0, 0, 0, 0}));

    scenario = attn::edit::withCrossAttention(scenario, false);
    QVERIFY(!scenario.isCrossAttention());
    QVERIFY(!attn::hasMatrix(scenario, attn::MatrixId::SourceEmbeddings));
    // The keys are the 4 target words again.
    COMPARE_PADDING(scenario.padding, flags({0, 1, 0, 0}));
    VERIFY_COMPUTES(scenario, trace);
    QCOMPARE(trace.keyCount(), 4);
}

// --- randomise -----------------------------------------------------------------

void TestScenarioEdit::randomisedIntegersMatchSplitMix64_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<attn::Matrix>("expectedWQ");
    QTest::addColumn<attn::Matrix>("expectedWK");
    QTest::addColumn<attn::Matrix>("expectedWV");

    // workbench_reference.py: SplitMix64(seed).next() % 3, W_Q, W_K, W_V row by row.
    QTest::newRow("seed 7") << quint64(7)
                            << matrixOf({{0.0, 0.0, 0.0}, {0.0, 1.0, 0.0}, {1.0, 0.0, 2.0}})
                            << matrixOf({{2.0, 1.0, 1.0}, {0.0, 1.0, 0.0}, {0.0, 1.0, 2.0}})
                            << matrixOf({{2.0, 1.0, 1.0}, {2.0, 2.0, 1.0}, {2.0, 0.0, 0.0}});
    QTest::newRow("seed 8") << quint64(8)
                            << matrixOf({{1.0, 2.0, 1.0}, {1.0, 1.0, 0.0}, {2.0, 0.0, 1.0}})
                            << matrixOf({{1.0, 0.0, 1.0}, {0.0, 0.0, 0.0}, {0.0, 2.0, 2.0}})
                            << matrixOf({{1.0, 2.0, 0.0}, {1.0, 0.0, 1.0}, {0.0, 1.0, 2.0}});
}

void TestScenarioEdit::randomisedIntegersMatchSplitMix64()
{
    QFETCH(quint64, seed);
    QFETCH(attn::Matrix, expectedWQ);
    QFETCH(attn::Matrix, expectedWK);
    QFETCH(attn::Matrix, expectedWV);

    const attn::Scenario scenario = attn::edit::randomised(attn::tutorialScenario(), seed,
                                                           attn::edit::Distribution::Integers);
    VERIFY_MATRIX_EQUAL(scenario.wQ, expectedWQ);
    VERIFY_MATRIX_EQUAL(scenario.wK, expectedWK);
    VERIFY_MATRIX_EQUAL(scenario.wV, expectedWV);
    // The words are the learner's, not weights: untouched.
    VERIFY_MATRIX_EQUAL(scenario.target.embeddings, tutorialX);
    QVERIFY(!scenario.wO.has_value());
}

void TestScenarioEdit::randomisedIsReproducible()
{
    const attn::Scenario base = attn::edit::withModelDim(attn::tutorialScenario(), 6);
    const attn::Scenario first = attn::edit::randomised(base, 7, attn::edit::Distribution::Integers);
    const attn::Scenario again = attn::edit::randomised(base, 7, attn::edit::Distribution::Integers);
    const attn::Scenario other = attn::edit::randomised(base, 8, attn::edit::Distribution::Integers);

    VERIFY_MATRIX_EQUAL(again.wQ, first.wQ);
    VERIFY_MATRIX_EQUAL(again.wK, first.wK);
    VERIFY_MATRIX_EQUAL(again.wV, first.wV);
    QVERIFY2(other.wQ != first.wQ || other.wK != first.wK || other.wV != first.wV,
             "seeds 7 and 8 drew the same weights");

    const std::set<double> allowed{0.0, 1.0, 2.0};
    std::set<double> seen;
    for (const attn::Matrix *matrix : {&first.wQ, &first.wK, &first.wV}) {
        for (Eigen::Index i = 0; i < matrix->size(); ++i) {
            const double value = matrix->data()[i];
            QVERIFY2(allowed.count(value) == 1,
                     qPrintable(QStringLiteral("%1 is not one of 0, 1, 2").arg(value)));
            seen.insert(value);
        }
    }
    QCOMPARE(seen, allowed); // 54 draws from {0, 1, 2} show every value
}

void TestScenarioEdit::randomisedDrawsOutputProjectionAfterValues()
{
    const attn::Scenario scenario = attn::edit::randomised(
        attn::edit::withOutputProjection(attn::tutorialScenario(), true), 7,
        attn::edit::Distribution::Integers);
    VERIFY_MATRIX_EQUAL(scenario.wQ, matrixOf({{0.0, 0.0, 0.0}, {0.0, 1.0, 0.0}, {1.0, 0.0, 2.0}}));
    VERIFY_MATRIX_EQUAL(scenario.wV, matrixOf({{2.0, 1.0, 1.0}, {2.0, 2.0, 1.0}, {2.0, 0.0, 0.0}}));
    QVERIFY(scenario.wO.has_value());
    VERIFY_MATRIX_EQUAL(*scenario.wO,
                        matrixOf({{0.0, 0.0, 2.0}, {1.0, 2.0, 0.0}, {0.0, 0.0, 0.0}}));
}

void TestScenarioEdit::randomisedGaussianHasTwoDecimals()
{
    const attn::Scenario scenario = attn::edit::randomised(attn::tutorialScenario(), 7,
                                                           attn::edit::Distribution::Gaussian);
    for (const attn::Matrix *matrix : {&scenario.wQ, &scenario.wK, &scenario.wV}) {
        for (Eigen::Index i = 0; i < matrix->size(); ++i) {
            const double hundredths = matrix->data()[i] * 100.0;
            VERIFY_NEAR(hundredths, std::round(hundredths), 1e-9);
        }
    }
    // workbench_reference.py: Box–Muller on SplitMix64 uniforms, rounded to 0.01.
    VERIFY_MATRIX_NEAR(scenario.wQ,
                       matrixOf({{0.99, -1.86, 0.0}, {-0.53, -0.46, 0.45}, {1.54, -1.91, -0.95}}),
                       tolerance);
    VERIFY_MATRIX_NEAR(scenario.wV,
                       matrixOf({{0.36, 0.31, 1.26}, {0.92, -0.12, 0.58}, {-1.2, -0.96, -0.01}}),
                       tolerance);
    VERIFY_COMPUTES(scenario, trace);

    const attn::Scenario again = attn::edit::randomised(attn::tutorialScenario(), 7,
                                                        attn::edit::Distribution::Gaussian);
    VERIFY_MATRIX_EQUAL(again.wK, scenario.wK);
}

QTEST_APPLESS_MAIN(TestScenarioEdit)

#include "tst_scenario_edit.moc"
