// The built-in scenarios (resources/presets/*.json, embedded at :/presets/).
//
// Every preset must load and compute; the tutorial must be exactly the
// tutorial's inputs (../shared/reference/seed-example.json, pasted below) and
// give NumPy's weights; and each preset must show what its description
// promises. Expected numbers: NumPy (np.random.seed(42), softmax(QKᵀ/√3)) and
// hand arithmetic, never the engine.

#include "attention.h"
#include "matrix_compare.h"
#include "presets.h"

#include <QDir>
#include <QtTest>
#include <cmath>

using testsupport::matrixOf;

namespace {

constexpr double tolerance = 1e-12;

/// The presets the command line and the docs promise, in the lesson's order.
const QStringList expectedNames = {
    "tutorial", "causal",  "padding", "cross-attention", "local-m",    "local-p",
    "hard",     "sampled", "general", "additive",        "multi-head", "positional",
    "image-patches",
};

attn::Scenario loaded(const QString &name)
{
    const attn::ui::ScenarioReadResult result = attn::ui::loadPreset(name);
    if (!result.ok())
        qFatal("preset %s: %s", qPrintable(name), qPrintable(result.error));
    return *result.scenario;
}

attn::Trace computed(const attn::Scenario &scenario)
{
    const attn::Result<attn::Trace> trace = attn::compute(scenario);
    if (!trace)
        qFatal("%s", trace.error().message.c_str());
    return *trace;
}

/// The key each query gives the most weight, per head.
std::vector<int> strongestKeys(const attn::Matrix &weights)
{
    std::vector<int> keys;
    for (Eigen::Index row = 0; row < weights.rows(); ++row) {
        Eigen::Index key = 0;
        weights.row(row).maxCoeff(&key);
        keys.push_back(static_cast<int>(key));
    }
    return keys;
}

} // namespace

class TestPresets : public QObject
{
    Q_OBJECT

private slots:
    void listNamesEveryPresetOnce();
    void everyPresetLoadsAndComputes_data();
    void everyPresetLoadsAndComputes();
    void tutorialIsTheReferenceExample();
    void tutorialGivesNumPysWeights();
    void crossAttentionAlignsTheTranslation();
    void causalHidesLaterWords();
    void paddingGetsNoWeight();
    void localMKeepsToTheWindow();
    void hardAndSampledAreOneHot();
    void multiHeadHasTwoHeadsAndAProjection();
    void positionalTellsEqualWordsApart();
    void unknownPresetListsTheKnownOnes();
};

void TestPresets::listNamesEveryPresetOnce()
{
    QStringList names;
    for (const attn::ui::PresetInfo &preset : attn::ui::presets()) {
        names << preset.name;
        QVERIFY2(!preset.description.isEmpty(), qPrintable(preset.name));
        QVERIFY2(!preset.description.contains('\n'), qPrintable(preset.description));
    }
    QCOMPARE(names, expectedNames);

    // Every embedded file is listed, so no preset is unreachable.
    QStringList files = QDir(":/presets").entryList({"*.json"}, QDir::Files, QDir::Name);
    QStringList sortedNames = expectedNames;
    sortedNames.sort();
    for (QString &file : files)
        file.chop(int(qstrlen(".json")));
    QCOMPARE(files, sortedNames);
}

void TestPresets::everyPresetLoadsAndComputes_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : expectedNames)
        QTest::newRow(qPrintable(name)) << name;
}

void TestPresets::everyPresetLoadsAndComputes()
{
    QFETCH(QString, name);
    const attn::ui::ScenarioReadResult result = attn::ui::loadPreset(name);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const attn::Scenario &scenario = *result.scenario;
    QVERIFY(!scenario.title.empty());
    QVERIFY(!scenario.description.empty());

    const attn::Result<attn::Trace> trace = attn::compute(scenario);
    QVERIFY2(trace.ok(), trace.ok() ? "" : trace.error().message.c_str());
    QVERIFY(trace->fullyMaskedRows.empty());
    for (int h = 0; h < trace->headCount(); ++h) {
        const testsupport::HeadStages head = testsupport::headStages(*trace, h);
        VERIFY_ALL_FINITE(head.weights);
        VERIFY_ALL_FINITE(head.output);
        if (scenario.span == attn::SpanKind::LocalP)
            continue; // the Gaussian factor leaves rows below 1
        for (Eigen::Index row = 0; row < head.weights.rows(); ++row)
            VERIFY_NEAR(head.weights.row(row).sum(), 1.0, tolerance);
    }
    VERIFY_ALL_FINITE(trace->output);
}

void TestPresets::tutorialIsTheReferenceExample()
{
    const attn::Scenario scenario = loaded("tutorial");
    const std::vector<std::string> tokens = {"word_1", "word_2", "word_3", "word_4"};
    QVERIFY(scenario.target.tokens == tokens);
    VERIFY_MATRIX_EQUAL(scenario.target.embeddings,
                        matrixOf({{1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0, 0, 1}}));
    VERIFY_MATRIX_EQUAL(scenario.wQ, matrixOf({{2, 0, 2}, {2, 0, 0}, {2, 1, 2}}));
    VERIFY_MATRIX_EQUAL(scenario.wK, matrixOf({{2, 2, 2}, {0, 2, 1}, {0, 1, 1}}));
    VERIFY_MATRIX_EQUAL(scenario.wV, matrixOf({{1, 1, 0}, {0, 1, 1}, {0, 0, 0}}));
    // The tutorial's pipeline: one head, dot score over √d_k, nothing else.
    QVERIFY(!scenario.source);
    QVERIFY(!scenario.wO);
    QCOMPARE(scenario.heads, 1);
    QCOMPARE(scenario.score, attn::ScoreFunction::Dot);
    QCOMPARE(scenario.scale, attn::ScaleMode::SqrtHeadDim);
    QCOMPARE(scenario.temperature, 1.0);
    QCOMPARE(scenario.mask, attn::MaskKind::None);
    QVERIFY(scenario.padding.empty());
    QCOMPARE(scenario.span, attn::SpanKind::Global);
    QCOMPARE(scenario.selection, attn::SelectionKind::Soft);
    QCOMPARE(scenario.positional, attn::PositionalEncoding::None);
}

void TestPresets::tutorialGivesNumPysWeights()
{
    const attn::Trace trace = computed(loaded("tutorial"));
    // NumPy: softmax(Q Kᵀ / √3) and its product with V.
    VERIFY_MATRIX_EQUAL(trace.scores(0),
                        matrixOf({{8, 2, 10, 2}, {4, 0, 4, 0}, {12, 2, 14, 2}, {10, 4, 14, 3}}));
    VERIFY_MATRIX_NEAR(
        trace.weights(0),
        matrixOf(
            {{0.23608986335744747, 0.007389875548932189, 0.7491303855446881, 0.007389875548932189},
             {0.4548263225195752, 0.0451736774804248, 0.4548263225195752, 0.0451736774804248},
             {0.23927504868045535, 0.0007438700150519289, 0.7592372112894408,
              0.0007438700150519289},
             {0.08995017535419739, 0.0028155406251633023, 0.9056536848050253,
              0.0015805992156140561}}),
        tolerance);
    VERIFY_MATRIX_NEAR(trace.output,
                       matrixOf({{0.9852202489021356, 1.741740509995756, 0.7565202610936204},
                                 {0.9096526450391504, 1.4096526450391504, 0.5},
                                 {0.9985122599698961, 1.7584933412743888, 0.7599810813044927},
                                 {0.9956038601592226, 1.9040730855894112, 0.9084692254301886}}),
                       tolerance);
}

void TestPresets::crossAttentionAlignsTheTranslation()
{
    const attn::Scenario scenario = loaded("cross-attention");
    QVERIFY(scenario.isCrossAttention());
    const std::vector<std::string> french = {"la", "maison", "bleue"};
    const std::vector<std::string> english = {"the", "blue", "house"};
    QVERIFY(scenario.target.tokens == french);
    QVERIFY(scenario.source->tokens == english);
    const attn::Trace trace = computed(scenario);
    // la → the, maison → house, bleue → blue: the order crosses.
    VERIFY_INTS_EQUAL(strongestKeys(trace.weights(0)), (std::vector<int>{0, 2, 1}));
    // NumPy, Q = X W_Q, K = X_s W_K, softmax(Q Kᵀ / √3).
    VERIFY_MATRIX_NEAR(trace.weights(0),
                       matrixOf({{0.7069772771411883, 0.07021749164966243, 0.22280523120914927},
                                 {0.08286107592207957, 0.08286107592207957, 0.8342778481558409},
                                 {0.07021749164966243, 0.7069772771411883, 0.22280523120914927}}),
                       tolerance);
}

void TestPresets::causalHidesLaterWords()
{
    const attn::Trace trace = computed(loaded("causal"));
    const attn::Matrix &weights = trace.weights(0);
    for (Eigen::Index query = 0; query < weights.rows(); ++query) {
        for (Eigen::Index key = query + 1; key < weights.cols(); ++key)
            QCOMPARE(weights(query, key), 0.0);
    }
    // The first word sees only itself.
    QCOMPARE(weights(0, 0), 1.0);
}

void TestPresets::paddingGetsNoWeight()
{
    const attn::Scenario scenario = loaded("padding");
    QVERIFY((scenario.padding == std::vector<bool>{false, false, false, true, true}));
    const attn::Trace trace = computed(scenario);
    for (Eigen::Index query = 0; query < trace.weights(0).rows(); ++query) {
        QCOMPARE(trace.weights(0)(query, 3), 0.0);
        QCOMPARE(trace.weights(0)(query, 4), 0.0);
    }
}

void TestPresets::localMKeepsToTheWindow()
{
    const attn::Scenario scenario = loaded("local-m");
    QCOMPARE(scenario.span, attn::SpanKind::LocalM);
    QCOMPARE(scenario.window, 1);
    const attn::Trace trace = computed(scenario);
    const attn::Matrix &weights = trace.weights(0);
    for (Eigen::Index query = 0; query < weights.rows(); ++query) {
        for (Eigen::Index key = 0; key < weights.cols(); ++key) {
            if (std::abs(key - query) > 1)
                QCOMPARE(weights(query, key), 0.0);
        }
    }
    // Each "the" (positions 0 and 4) finds the noun next to it: cat, mat.
    QCOMPARE(strongestKeys(weights)[0], 1);
    QCOMPARE(strongestKeys(weights)[4], 5);
}

void TestPresets::hardAndSampledAreOneHot()
{
    for (const char *name : {"hard", "sampled"}) {
        const attn::Trace trace = computed(loaded(name));
        const attn::Matrix &weights = trace.weights(0);
        for (Eigen::Index query = 0; query < weights.rows(); ++query) {
            QCOMPARE(weights.row(query).sum(), 1.0);
            QCOMPARE(weights.row(query).maxCoeff(), 1.0);
        }
    }
    // Hard attention: the arg-max of each row of the tutorial's scores
    // [8 2 10 2], [4 0 4 0] (the first of the tie), [12 2 14 2], [10 4 14 3].
    VERIFY_INTS_EQUAL(strongestKeys(computed(loaded("hard")).weights(0)),
                      (std::vector<int>{2, 0, 2, 2}));
}

void TestPresets::multiHeadHasTwoHeadsAndAProjection()
{
    const attn::Scenario scenario = loaded("multi-head");
    QCOMPARE(scenario.heads, 2);
    QVERIFY(scenario.wO.has_value());
    const attn::Trace trace = computed(scenario);
    QCOMPARE(trace.headCount(), 2);
    QVERIFY(trace.projected);
    QCOMPARE(trace.output.cols(), Eigen::Index(3));
    // Head 1: "cat" and "mice" look at the verb; head 2: at the nouns.
    VERIFY_INTS_EQUAL(strongestKeys(trace.weights(0)), (std::vector<int>{0, 2, 1, 2}));
    QCOMPARE(strongestKeys(trace.weights(1))[1], 1);
}

void TestPresets::positionalTellsEqualWordsApart()
{
    const attn::Scenario scenario = loaded("positional");
    QCOMPARE(scenario.positional, attn::PositionalEncoding::Sinusoidal);
    QVERIFY(scenario.target.tokens[0] == scenario.target.tokens[3]);
    VERIFY_MATRIX_EQUAL(attn::Matrix(scenario.target.embeddings.row(0)),
                        attn::Matrix(scenario.target.embeddings.row(3)));
    const attn::Trace trace = computed(scenario);
    QVERIFY(trace.queries.row(0) != trace.queries.row(3));
}

void TestPresets::unknownPresetListsTheKnownOnes()
{
    const attn::ui::ScenarioReadResult result = attn::ui::loadPreset("attention-is-all-you-need");
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains("\"attention-is-all-you-need\""), qPrintable(result.error));
    for (const QString &name : expectedNames)
        QVERIFY2(result.error.contains(name), qPrintable(result.error));
}

QTEST_GUILESS_MAIN(TestPresets)
#include "tst_presets.moc"
