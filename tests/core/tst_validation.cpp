// validate() and compute() name the first problem of an invalid scenario.
//
// Each row breaks one thing in an otherwise valid scenario and expects the
// error code, the field (one of a few sensible spellings where the contract
// leaves a choice), the numbers the header documents for that code, and an
// English message that is not empty and names the field. Wording beyond
// that is the implementation's to choose.

#include "attention.h"
#include "matrix_compare.h"

#include <QtTest>
#include <cmath>
#include <limits>

using testsupport::matrixOf;
using testsupport::sequenceOf;
using testsupport::vectorOf;

Q_DECLARE_METATYPE(attn::ErrorCode)

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
const double notANumber = std::numeric_limits<double>::quiet_NaN();

const char *codeName(attn::ErrorCode code)
{
    switch (code) {
    case attn::ErrorCode::EmptySequence:
        return "EmptySequence";
    case attn::ErrorCode::TooLarge:
        return "TooLarge";
    case attn::ErrorCode::ShapeMismatch:
        return "ShapeMismatch";
    case attn::ErrorCode::TokenCountMismatch:
        return "TokenCountMismatch";
    case attn::ErrorCode::NonFinite:
        return "NonFinite";
    case attn::ErrorCode::HeadsInvalid:
        return "HeadsInvalid";
    case attn::ErrorCode::NotDivisibleByHeads:
        return "NotDivisibleByHeads";
    case attn::ErrorCode::TemperatureNotPositive:
        return "TemperatureNotPositive";
    case attn::ErrorCode::ScaleNotPositive:
        return "ScaleNotPositive";
    case attn::ErrorCode::NegativeWindow:
        return "NegativeWindow";
    case attn::ErrorCode::WindowTooSmall:
        return "WindowTooSmall";
    case attn::ErrorCode::MissingParameter:
        return "MissingParameter";
    case attn::ErrorCode::PaddingLengthMismatch:
        return "PaddingLengthMismatch";
    case attn::ErrorCode::DivisorOutOfRange:
        return "DivisorOutOfRange";
    case attn::ErrorCode::TraceTooLarge:
        return "TraceTooLarge";
    case attn::ErrorCode::OutOfMemory:
        return "OutOfMemory";
    }
    return "(unknown code)";
}

// 4 words, d_model 3, d_k = d_v = 4 (so 1, 2 and 4 heads divide them).
attn::Scenario valid()
{
    attn::Scenario scenario;
    scenario.target = sequenceOf(
        matrixOf({{0.5, -0.2, 0.1}, {0.3, 0.8, -0.4}, {-0.6, 0.2, 0.9}, {0.1, 0.1, 0.1}}));
    scenario.wQ = matrixOf({{0.2, -0.1, 0.4, 0.3}, {0.5, 0.2, -0.3, 0.1}, {-0.4, 0.6, 0.2, 0.7}});
    scenario.wK = matrixOf({{0.1, 0.3, -0.2, 0.5}, {-0.6, 0.4, 0.2, 0.1}, {0.3, -0.1, 0.8, 0.2}});
    scenario.wV = matrixOf({{1.0, 0.0, 0.5, -0.5}, {0.0, 1.0, 0.5, 0.5}, {0.5, -0.5, 1.0, 0.0}});
    return scenario;
}

attn::Scenario crossAttention()
{
    attn::Scenario scenario = valid();
    scenario.source =
        sequenceOf(matrixOf({{0.4, 0.1, -0.3}, {0.2, -0.7, 0.5}, {0.9, 0.3, 0.1}}), "s");
    return scenario;
}

attn::Scenario general()
{
    attn::Scenario scenario = valid();
    scenario.score = attn::ScoreFunction::General;
    scenario.wA = matrixOf({{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}});
    return scenario;
}

attn::Scenario additive()
{
    attn::Scenario scenario = valid();
    scenario.score = attn::ScoreFunction::Additive;
    scenario.wA = matrixOf({{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}, {0.7, 0.8, 0.9}, {1.0, 1.1, 1.2}});
    scenario.uA = matrixOf({{0.3, 0.2, 0.1}, {0.6, 0.5, 0.4}, {0.9, 0.8, 0.7}, {1.2, 1.1, 1.0}});
    scenario.vA = vectorOf({1.0, -1.0, 0.5});
    return scenario;
}

attn::Scenario localP()
{
    attn::Scenario scenario = valid();
    scenario.span = attn::SpanKind::LocalP;
    scenario.window = 1;
    scenario.wP = matrixOf({{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}, {0.7, 0.8}});
    scenario.vP = vectorOf({1.0, -1.0});
    return scenario;
}

attn::Sequence tokensWithRows(int tokens, int rows, int columns)
{
    attn::Sequence sequence = sequenceOf(attn::Matrix::Constant(rows, columns, 0.25));
    sequence.tokens.resize(std::size_t(tokens), "w");
    return sequence;
}

// Builds a scenario with one change applied to `base`.
template <typename Change> attn::Scenario with(attn::Scenario base, Change change)
{
    change(base);
    return base;
}

// 1024 tokens of d_model 1 projected to d_k = d_v = 1024, split into `heads`
// heads: tiny to build, but its trace holds heads × 1024 × 1024 scores.
attn::Scenario manyHeads(int heads)
{
    attn::Scenario scenario;
    scenario.target = sequenceOf(attn::Matrix::Constant(1024, 1, 0.5));
    scenario.wQ = attn::Matrix::Constant(1, 1024, 0.25);
    scenario.wK = attn::Matrix::Constant(1, 1024, 0.25);
    scenario.wV = attn::Matrix::Constant(1, 1024, 0.25);
    scenario.heads = heads;
    return scenario;
}

QStringList fields(std::initializer_list<const char *> names)
{
    QStringList list;
    for (const char *name : names)
        list << QString::fromUtf8(name);
    return list;
}

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private slots:
    void validScenariosPass_data();
    void validScenariosPass();
    void invalidScenarios_data();
    void invalidScenarios();
    void notDivisibleNamesTheHeads();
    void hugeTraceRefusedBeforeAllocation();
    void traceWithinBudgetAccepted();
};

void TestValidation::validScenariosPass_data()
{
    QTest::addColumn<attn::Scenario>("scenario");
    QTest::newRow("tutorial") << attn::tutorialScenario();
    QTest::newRow("self-attention, 4 tokens") << valid();
    QTest::newRow("cross-attention 4×3") << crossAttention();
    QTest::newRow("2 heads with W_O") << with(valid(), [](attn::Scenario &s) {
        s.heads = 2;
        s.wO = attn::Matrix::Constant(4, 5, 0.1);
    });
    QTest::newRow("4 heads") << with(valid(), [](attn::Scenario &s) { s.heads = 4; });
    QTest::newRow("general, 2 heads (W_a 2×2)") << with(general(), [](attn::Scenario &s) {
        s.heads = 2;
        s.wA = matrixOf({{1, 0.5}, {-0.5, 1}});
    });
    QTest::newRow("additive") << additive();
    QTest::newRow("local-p, D = 1") << localP();
    QTest::newRow("local-m, D = 0") << with(valid(), [](attn::Scenario &s) {
        s.span = attn::SpanKind::LocalM;
        s.window = 0;
    });
    QTest::newRow("causal, padding, custom scale, sample")
        << with(crossAttention(), [](attn::Scenario &s) {
               s.mask = attn::MaskKind::Causal;
               s.padding = {false, true, false};
               s.scale = attn::ScaleMode::Custom;
               s.scaleValue = 0.5;
               s.temperature = 0.1;
               s.selection = attn::SelectionKind::Sample;
               s.positional = attn::PositionalEncoding::Sinusoidal;
           });
    QTest::newRow("1024 tokens") << with(valid(), [](attn::Scenario &s) {
        s.target = tokensWithRows(attn::maxTokens, attn::maxTokens, 3);
    });
}

void TestValidation::validScenariosPass()
{
    QFETCH(attn::Scenario, scenario);
    const std::optional<attn::Error> error = attn::validate(scenario);
    QVERIFY2(!error.has_value(), error
                                     ? qPrintable(QStringLiteral("%1 on %2: %3")
                                                      .arg(QString::fromUtf8(codeName(error->code)),
                                                           QString::fromStdString(error->field),
                                                           QString::fromStdString(error->message)))
                                     : "");
    const attn::Result<attn::Trace> result = attn::compute(scenario);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
}

void TestValidation::invalidScenarios_data()
{
    QTest::addColumn<attn::Scenario>("scenario");
    // The codes the contract allows (usually one).
    QTest::addColumn<QList<attn::ErrorCode>>("codes");
    // The field names the contract allows (usually one).
    QTest::addColumn<QStringList>("fields");
    // Numbers the header documents for the code; −1: not checked.
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("col");
    QTest::addColumn<int>("actualRows");
    QTest::addColumn<int>("actualCols");
    QTest::addColumn<int>("limit");

    using attn::ErrorCode;
    using attn::Scenario;
    const QList<ErrorCode> missing{ErrorCode::MissingParameter, ErrorCode::ShapeMismatch};
    auto add = [](const char *name, const Scenario &scenario, QList<ErrorCode> codes,
                  QStringList fieldNames, int row = -1, int col = -1, int actualRows = -1,
                  int actualCols = -1, int limit = -1) {
        QTest::newRow(name) << scenario << codes << fieldNames << row << col << actualRows
                            << actualCols << limit;
    };

    // Empty and too large.
    add("no target tokens", with(valid(), [](Scenario &s) { s.target = tokensWithRows(0, 0, 3); }),
        {ErrorCode::EmptySequence}, fields({"tokens"}));
    add("no source tokens",
        with(crossAttention(), [](Scenario &s) { s.source = tokensWithRows(0, 0, 3); }),
        {ErrorCode::EmptySequence}, fields({"source.tokens"}));
    add("1025 target tokens",
        with(valid(), [](Scenario &s) { s.target = tokensWithRows(1025, 1025, 3); }),
        {ErrorCode::TooLarge}, fields({"tokens", "embeddings"}), -1, -1, -1, -1, 1024);
    add("1025 source tokens",
        with(crossAttention(), [](Scenario &s) { s.source = tokensWithRows(1025, 1025, 3); }),
        {ErrorCode::TooLarge}, fields({"source.tokens", "source.embeddings"}), -1, -1, -1, -1,
        1024);
    add("d_model 1025",
        with(valid(),
             [](Scenario &s) {
                 s.target = tokensWithRows(4, 4, 1025);
                 s.wQ = attn::Matrix::Constant(1025, 4, 0.01);
                 s.wK = attn::Matrix::Constant(1025, 4, 0.01);
                 s.wV = attn::Matrix::Constant(1025, 4, 0.01);
             }),
        {ErrorCode::TooLarge}, fields({"embeddings", "w_q"}), -1, -1, -1, -1, 1024);
    add("d_k 1025",
        with(valid(),
             [](Scenario &s) {
                 s.wQ = attn::Matrix::Constant(3, 1025, 0.01);
                 s.wK = attn::Matrix::Constant(3, 1025, 0.01);
             }),
        {ErrorCode::TooLarge}, fields({"w_q", "w_k"}), -1, -1, -1, -1, 1024);
    add("d_v 1025",
        with(valid(), [](Scenario &s) { s.wV = attn::Matrix::Constant(3, 1025, 0.01); }),
        {ErrorCode::TooLarge}, fields({"w_v"}), -1, -1, -1, -1, 1024);

    // Shapes.
    add("w_q with 2 rows for d_model 3",
        with(valid(), [](Scenario &s) { s.wQ = attn::Matrix::Constant(2, 4, 0.1); }),
        {ErrorCode::ShapeMismatch}, fields({"w_q", "embeddings"}), -1, -1, 2, 4);
    add("w_k with 2 rows for d_model 3",
        with(valid(), [](Scenario &s) { s.wK = attn::Matrix::Constant(2, 4, 0.1); }),
        {ErrorCode::ShapeMismatch}, fields({"w_k"}), -1, -1, 2, 4);
    add("w_k with 3 columns for d_k 4",
        with(valid(), [](Scenario &s) { s.wK = attn::Matrix::Constant(3, 3, 0.1); }),
        {ErrorCode::ShapeMismatch}, fields({"w_k"}), -1, -1, 3, 3);
    add("w_v with 2 rows for d_model 3",
        with(valid(), [](Scenario &s) { s.wV = attn::Matrix::Constant(2, 4, 0.1); }),
        {ErrorCode::ShapeMismatch}, fields({"w_v"}), -1, -1, 2, 4);
    add("w_o with 3 rows for d_v 4",
        with(valid(), [](Scenario &s) { s.wO = attn::Matrix::Constant(3, 2, 0.1); }),
        {ErrorCode::ShapeMismatch}, fields({"w_o"}), -1, -1, 3, 2);
    add("source with d_model 2 for 3",
        with(crossAttention(),
             [](Scenario &s) { s.source = sequenceOf(attn::Matrix::Constant(3, 2, 0.5), "s"); }),
        {ErrorCode::ShapeMismatch}, fields({"source.embeddings"}));

    // Token names against embedding rows.
    add("3 tokens for 4 embedding rows",
        with(valid(), [](Scenario &s) { s.target.tokens.pop_back(); }),
        {ErrorCode::TokenCountMismatch}, fields({"tokens"}));
    add("5 tokens for 4 embedding rows",
        with(valid(), [](Scenario &s) { s.target.tokens.push_back("extra"); }),
        {ErrorCode::TokenCountMismatch}, fields({"tokens"}));
    add("source: 2 tokens for 3 rows",
        with(crossAttention(), [](Scenario &s) { s.source->tokens.pop_back(); }),
        {ErrorCode::TokenCountMismatch}, fields({"source.tokens", "tokens"}));

    // Non-finite cells, with their position.
    add("NaN in embeddings (1, 2)",
        with(valid(), [](Scenario &s) { s.target.embeddings(1, 2) = notANumber; }),
        {ErrorCode::NonFinite}, fields({"embeddings"}), 1, 2);
    add("inf in source embeddings (2, 0)",
        with(crossAttention(), [](Scenario &s) { s.source->embeddings(2, 0) = inf; }),
        {ErrorCode::NonFinite}, fields({"source.embeddings"}), 2, 0);
    add("−inf in w_q (0, 3)", with(valid(), [](Scenario &s) { s.wQ(0, 3) = -inf; }),
        {ErrorCode::NonFinite}, fields({"w_q"}), 0, 3);
    add("NaN in w_k (2, 2)", with(valid(), [](Scenario &s) { s.wK(2, 2) = notANumber; }),
        {ErrorCode::NonFinite}, fields({"w_k"}), 2, 2);
    add("inf in w_v (2, 1)", with(valid(), [](Scenario &s) { s.wV(2, 1) = inf; }),
        {ErrorCode::NonFinite}, fields({"w_v"}), 2, 1);
    add("NaN in w_o (1, 0)",
        with(valid(),
             [](Scenario &s) {
                 s.wO = attn::Matrix::Constant(4, 2, 0.1);
                 (*s.wO)(1, 0) = notANumber;
             }),
        {ErrorCode::NonFinite}, fields({"w_o"}), 1, 0);
    add("NaN in w_a (0, 1), general", with(general(), [](Scenario &s) { s.wA(0, 1) = notANumber; }),
        {ErrorCode::NonFinite}, fields({"w_a"}), 0, 1);
    add("inf in u_a (3, 2), additive", with(additive(), [](Scenario &s) { s.uA(3, 2) = inf; }),
        {ErrorCode::NonFinite}, fields({"u_a"}), 3, 2);
    add("inf in v_a, additive", with(additive(), [](Scenario &s) { s.vA(2) = inf; }),
        {ErrorCode::NonFinite}, fields({"v_a"}));
    add("NaN in w_p (1, 1), local-p", with(localP(), [](Scenario &s) { s.wP(1, 1) = notANumber; }),
        {ErrorCode::NonFinite}, fields({"w_p"}), 1, 1);
    add("NaN in v_p, local-p", with(localP(), [](Scenario &s) { s.vP(0) = notANumber; }),
        {ErrorCode::NonFinite}, fields({"v_p"}));

    // Heads.
    add("0 heads", with(valid(), [](Scenario &s) { s.heads = 0; }), {ErrorCode::HeadsInvalid},
        fields({"heads"}));
    add("−2 heads", with(valid(), [](Scenario &s) { s.heads = -2; }), {ErrorCode::HeadsInvalid},
        fields({"heads"}));
    add("d_k 4 with 3 heads", with(valid(), [](Scenario &s) { s.heads = 3; }),
        {ErrorCode::NotDivisibleByHeads}, fields({"w_q", "w_k", "heads"}), -1, -1, -1, 4);
    add("d_v 6 with 4 heads (d_k 4 divides)",
        with(valid(),
             [](Scenario &s) {
                 s.heads = 4;
                 s.wV = attn::Matrix::Constant(3, 6, 0.1);
             }),
        {ErrorCode::NotDivisibleByHeads}, fields({"w_v", "heads"}), -1, -1, -1, 6);

    // Temperature and scale.
    add("temperature 0", with(valid(), [](Scenario &s) { s.temperature = 0.0; }),
        {ErrorCode::TemperatureNotPositive}, fields({"temperature"}));
    add("temperature −0.5", with(valid(), [](Scenario &s) { s.temperature = -0.5; }),
        {ErrorCode::TemperatureNotPositive}, fields({"temperature"}));
    add("temperature NaN", with(valid(), [](Scenario &s) { s.temperature = notANumber; }),
        {ErrorCode::TemperatureNotPositive}, fields({"temperature"}));
    add("temperature inf", with(valid(), [](Scenario &s) { s.temperature = inf; }),
        {ErrorCode::TemperatureNotPositive}, fields({"temperature"}));
    auto customScale = [](double value) {
        return with(valid(), [value](Scenario &s) {
            s.scale = attn::ScaleMode::Custom;
            s.scaleValue = value;
        });
    };
    add("custom scale 0", customScale(0.0), {ErrorCode::ScaleNotPositive}, fields({"scale"}));
    add("custom scale −2", customScale(-2.0), {ErrorCode::ScaleNotPositive}, fields({"scale"}));
    add("custom scale NaN", customScale(notANumber), {ErrorCode::ScaleNotPositive},
        fields({"scale"}));

    // Spans.
    add("local-m, window −1",
        with(valid(),
             [](Scenario &s) {
                 s.span = attn::SpanKind::LocalM;
                 s.window = -1;
             }),
        {ErrorCode::NegativeWindow}, fields({"span.window"}));
    add("local-p, window −1", with(localP(), [](Scenario &s) { s.window = -1; }),
        {ErrorCode::NegativeWindow}, fields({"span.window"}));
    add("local-p, window 0", with(localP(), [](Scenario &s) { s.window = 0; }),
        {ErrorCode::WindowTooSmall}, fields({"span.window"}));

    // Parameters of the score functions and of local-p.
    add("general without w_a", with(general(), [](Scenario &s) { s.wA = attn::Matrix(); }), missing,
        fields({"w_a"}));
    add("general, w_a 3×4 for d_h 4",
        with(general(), [](Scenario &s) { s.wA = attn::Matrix::Constant(3, 4, 0.1); }),
        {ErrorCode::ShapeMismatch}, fields({"w_a"}), -1, -1, 3, 4);
    add("general, 2 heads, w_a 4×4 for d_h 2", with(general(), [](Scenario &s) { s.heads = 2; }),
        {ErrorCode::ShapeMismatch}, fields({"w_a"}), -1, -1, 4, 4);
    add("additive without w_a", with(additive(), [](Scenario &s) { s.wA = attn::Matrix(); }),
        missing, fields({"w_a"}));
    add("additive without u_a", with(additive(), [](Scenario &s) { s.uA = attn::Matrix(); }),
        missing, fields({"u_a"}));
    add("additive without v_a", with(additive(), [](Scenario &s) { s.vA = attn::Vector(); }),
        missing, fields({"v_a"}));
    add("additive, w_a 3×3 for d_h 4",
        with(additive(), [](Scenario &s) { s.wA = attn::Matrix::Constant(3, 3, 0.1); }),
        {ErrorCode::ShapeMismatch}, fields({"w_a"}), -1, -1, 3, 3);
    add("additive, u_a 4×2 for d_a 3",
        with(additive(), [](Scenario &s) { s.uA = attn::Matrix::Constant(4, 2, 0.1); }),
        {ErrorCode::ShapeMismatch}, fields({"u_a"}), -1, -1, 4, 2);
    add("additive, v_a of length 2 for d_a 3",
        with(additive(),
             [](Scenario &s) {
                 s.vA = vectorOf({1.0, 2.0});
             }),
        {ErrorCode::ShapeMismatch}, fields({"v_a"}));
    add("local-p without w_p", with(localP(), [](Scenario &s) { s.wP = attn::Matrix(); }), missing,
        fields({"w_p"}));
    add("local-p without v_p", with(localP(), [](Scenario &s) { s.vP = attn::Vector(); }), missing,
        fields({"v_p"}));
    add("local-p, w_p 3×2 for d_k 4",
        with(localP(), [](Scenario &s) { s.wP = attn::Matrix::Constant(3, 2, 0.1); }),
        {ErrorCode::ShapeMismatch}, fields({"w_p"}), -1, -1, 3, 2);
    add("local-p, v_p of length 3 for d_p 2",
        with(localP(),
             [](Scenario &s) {
                 s.vP = vectorOf({1.0, 2.0, 3.0});
             }),
        {ErrorCode::ShapeMismatch}, fields({"v_p"}));

    // Padding.
    add("padding of 3 flags for 4 keys",
        with(valid(),
             [](Scenario &s) {
                 s.padding = {false, true, false};
             }),
        {ErrorCode::PaddingLengthMismatch}, fields({"padding"}));
    add("padding of 5 flags for 4 keys",
        with(valid(),
             [](Scenario &s) {
                 s.padding = {false, true, false, false, true};
             }),
        {ErrorCode::PaddingLengthMismatch}, fields({"padding"}));
    add("cross-attention padding counted on the 4 target words, 3 keys",
        with(crossAttention(),
             [](Scenario &s) {
                 s.padding = {false, true, false, false};
             }),
        {ErrorCode::PaddingLengthMismatch}, fields({"padding"}));

    // s · τ must be an ordinary number, and so must its reciprocal.
    add("s · τ underflows to 0: scale 1e-10, τ 1e-300",
        with(valid(),
             [](Scenario &s) {
                 s.scale = attn::ScaleMode::Custom;
                 s.scaleValue = 1e-10;
                 s.temperature = 1e-300;
             }),
        {ErrorCode::DivisorOutOfRange}, fields({"temperature"}));
    add("1 / (s · τ) overflows: τ 1e-309 (s · τ subnormal)",
        with(valid(), [](Scenario &s) { s.temperature = 1e-309; }),
        {ErrorCode::DivisorOutOfRange}, fields({"temperature"}));
    add("s · τ overflows: scale 1e10, τ 1e300",
        with(valid(),
             [](Scenario &s) {
                 s.scale = attn::ScaleMode::Custom;
                 s.scaleValue = 1e10;
                 s.temperature = 1e300;
             }),
        {ErrorCode::DivisorOutOfRange}, fields({"temperature"}));

    // NaN and ∞ are refused in parameters the options do not use, too.
    add("NaN in an unused w_a (dot score)",
        with(general(),
             [](Scenario &s) {
                 s.score = attn::ScoreFunction::Dot;
                 s.wA(1, 2) = notANumber;
             }),
        {ErrorCode::NonFinite}, fields({"w_a"}), 1, 2);
    add("∞ in an unused v_a (general score)",
        with(additive(),
             [](Scenario &s) {
                 s.score = attn::ScoreFunction::General;
                 s.wA = attn::Matrix::Identity(4, 4);
                 s.vA(2) = inf;
             }),
        {ErrorCode::NonFinite}, fields({"v_a"}), 2, 0);
    add("NaN in an unused w_p (global span)",
        with(localP(),
             [](Scenario &s) {
                 s.span = attn::SpanKind::Global;
                 s.wP(3, 1) = notANumber;
             }),
        {ErrorCode::NonFinite}, fields({"w_p"}), 3, 1);
    add("NaN divisor kept while scale is √d_k",
        with(valid(), [](Scenario &s) { s.scaleValue = notANumber; }),
        {ErrorCode::ScaleNotPositive}, fields({"scale"}));
}

void TestValidation::invalidScenarios()
{
    QFETCH(attn::Scenario, scenario);
    QFETCH(QList<attn::ErrorCode>, codes);
    QFETCH(QStringList, fields);
    QFETCH(int, row);
    QFETCH(int, col);
    QFETCH(int, actualRows);
    QFETCH(int, actualCols);
    QFETCH(int, limit);

    const std::optional<attn::Error> validated = attn::validate(scenario);
    QVERIFY2(validated.has_value(), "validate() accepted an invalid scenario");
    const attn::Error &error = *validated;
    const QString field = QString::fromStdString(error.field);
    const QString message = QString::fromStdString(error.message);
    const QString summary = QStringLiteral("got %1 on field \"%2\" (row %3, col %4, actual %5×%6, "
                                           "limit %7): %8")
                                .arg(QString::fromUtf8(codeName(error.code)), field)
                                .arg(error.row)
                                .arg(error.col)
                                .arg(error.actualRows)
                                .arg(error.actualCols)
                                .arg(error.limit)
                                .arg(message);

    QVERIFY2(codes.contains(error.code),
             qPrintable(QStringLiteral("expected code %1; %2")
                            .arg(QString::fromUtf8(codeName(codes.first())), summary)));
    QVERIFY2(fields.contains(field),
             qPrintable(QStringLiteral("expected field %1; %2")
                            .arg(fields.join(QStringLiteral(" or ")), summary)));
    QVERIFY2(!message.isEmpty(), qPrintable(summary));
    QVERIFY2(message.contains(field),
             qPrintable(QStringLiteral("the message does not name the field; %1").arg(summary)));
    if (row >= 0)
        QVERIFY2(error.row == row && error.col == col,
                 qPrintable(
                     QStringLiteral("expected cell (%1, %2); %3").arg(row).arg(col).arg(summary)));
    if (actualRows >= 0)
        QVERIFY2(
            error.actualRows == actualRows,
            qPrintable(QStringLiteral("expected actualRows %1; %2").arg(actualRows).arg(summary)));
    if (actualCols >= 0)
        QVERIFY2(
            error.actualCols == actualCols,
            qPrintable(QStringLiteral("expected actualCols %1; %2").arg(actualCols).arg(summary)));
    if (limit >= 0)
        QVERIFY2(error.limit == limit,
                 qPrintable(QStringLiteral("expected limit %1; %2").arg(limit).arg(summary)));

    // compute() refuses with the same error instead of computing anything.
    const attn::Result<attn::Trace> result = attn::compute(scenario);
    QVERIFY2(!result.ok(), "compute() accepted an invalid scenario");
    QCOMPARE(int(result.error().code), int(error.code));
    QCOMPARE(result.error().field, error.field);
}

// "d_k 4 is not divisible by 3 heads" names both numbers: the message must
// say what is wrong, not only where.
void TestValidation::notDivisibleNamesTheHeads()
{
    attn::Scenario scenario = valid();
    scenario.heads = 3;
    const std::optional<attn::Error> error = attn::validate(scenario);
    QVERIFY(error.has_value());
    QCOMPARE(int(error->code), int(attn::ErrorCode::NotDivisibleByHeads));
    QCOMPARE(error->expectedCols, 3);
    const QString message = QString::fromStdString(error->message);
    QVERIFY2(
        message.contains(QLatin1String("head"), Qt::CaseInsensitive) &&
            message.contains(QLatin1Char('3')) && message.contains(QLatin1Char('4')),
        qPrintable(QStringLiteral("message should name the heads (3) and d_k (4): ") + message));
}

// 1024 heads × 1024 × 1024 scores would need 8 GiB: validate() must refuse it
// from the shapes alone, naming the sizes, before compute() allocates any of it.
void TestValidation::hugeTraceRefusedBeforeAllocation()
{
    const attn::Scenario scenario = manyHeads(1024);
    // By hand, n = m = 1024, d_model = 1, d_k = d_v = d_out = 1024, h = 1024:
    //   scores       h·n·m·8       = 8589934592
    //   Q_h, K_h     (n+m)·d_k·8   =   16777216
    //   V_h, out_h   (m+n)·d_v·8   =   16777216
    //   chosen keys  h·n·4         =    4194304
    //   X, PE, X+PE  3·n·d_model·8 =      24576
    //   Q, K         (n+m)·d_k·8   =   16777216
    //   V, concat, output 3·1024·1024·8 = 25165824
    //   mask         n·m·1         =    1048576
    const double expected = 8589934592.0 + 16777216.0 + 16777216.0 + 4194304.0 + 24576.0 +
                            16777216.0 + 25165824.0 + 1048576.0;
    QCOMPARE(attn::traceBytes(scenario), expected);

    const std::optional<attn::Error> error = attn::validate(scenario);
    QVERIFY(error.has_value());
    QCOMPARE(codeName(error->code), "TraceTooLarge");
    QCOMPARE(error->field, std::string("heads"));
    QCOMPARE(error->expectedCols, 1024);
    QCOMPARE(error->actualRows, 1024);
    QCOMPARE(error->actualCols, 1024);
    QCOMPARE(error->value, expected);
    // 8670699520 bytes / 2^30 = 8.08 GiB.
    QCOMPARE(QString::fromStdString(error->message),
             QStringLiteral("1024 heads × 1024 × 1024 scores need 8.1 GiB; the limit is 2.0 GiB"));
    // compute() refuses it the same way instead of allocating 8 GiB.
    const attn::Result<attn::Trace> trace = attn::compute(scenario);
    QVERIFY(!trace.ok());
    QCOMPARE(codeName(trace.error().code), "TraceTooLarge");

    // 256 heads: the scores alone are 256·1024·1024·8 = 2 GiB, the rest tips it over.
    const std::optional<attn::Error> twoGiB = attn::validate(manyHeads(256));
    QVERIFY(twoGiB.has_value());
    QCOMPARE(codeName(twoGiB->code), "TraceTooLarge");
}

// Below the budget nothing changes: 128 heads (1 GiB of scores) and the tutorial pass.
void TestValidation::traceWithinBudgetAccepted()
{
    QVERIFY(!attn::validate(manyHeads(128)).has_value());
    QVERIFY(!attn::validate(attn::tutorialScenario()).has_value());
    QVERIFY(attn::traceBytes(attn::tutorialScenario()) < 4096.0);
}

QTEST_APPLESS_MAIN(TestValidation)
#include "tst_validation.moc"
