// Score functions (Luong et al. 2015, Bahdanau et al. 2014) against NumPy:
//
//   dot       score(q, k) = q · k
//   general   score(q, k) = q W_a kᵀ
//   additive  score(q, k) = v_aᵀ tanh(q W_a + k U_a)
//
// then scaled = scores / (s · τ), weights = softmax(scaled), output = weights V.
// A 3-word target attends to a 4-word source (cross-attention) or to itself,
// with non-integer numbers so that a transposed or swapped matrix shows.
// Expected numbers: tests/reference/engine_reference.py, section "scores".

#include "attention.h"
#include "engine_fixtures.h"
#include "matrix_compare.h"

#include <QtTest>
#include <cmath>

using testsupport::matrixOf;
using testsupport::sequenceOf;
using testsupport::vectorOf;

namespace {

constexpr double tolerance = 1e-12;

using namespace fixtures::cross;

// clang-format off
const attn::Matrix generalWA = matrixOf({
    {0.9, -0.2},
    {0.4, 1.1}});
const attn::Matrix additiveWA = matrixOf({
    {0.5, -0.3, 0.8},
    {0.2, 0.7, -0.6}});
const attn::Matrix additiveUA = matrixOf({
    {-0.4, 0.6, 0.1},
    {0.9, -0.2, 0.3}});
// clang-format on
const attn::Vector additiveVA = vectorOf({1.3, -0.7, 0.5});

attn::Scenario selfAttention()
{
    attn::Scenario scenario;
    scenario.target = sequenceOf(targetEmbeddings, "t");
    scenario.wQ = queryWeights;
    scenario.wK = keyWeights;
    scenario.wV = valueWeights;
    return scenario;
}

attn::Scenario crossAttention()
{
    attn::Scenario scenario = selfAttention();
    scenario.source = sequenceOf(sourceEmbeddings, "s");
    return scenario;
}

attn::Scenario general(attn::Scenario scenario)
{
    scenario.score = attn::ScoreFunction::General;
    scenario.wA = generalWA;
    return scenario;
}

attn::Scenario additive(attn::Scenario scenario)
{
    scenario.score = attn::ScoreFunction::Additive;
    scenario.wA = additiveWA;
    scenario.uA = additiveUA;
    scenario.vA = additiveVA;
    return scenario;
}

attn::Scenario scaledBy(attn::Scenario scenario, attn::ScaleMode mode, double value,
                        double temperature)
{
    scenario.scale = mode;
    scenario.scaleValue = value;
    scenario.temperature = temperature;
    return scenario;
}

// Q, K and V do not depend on the score function: the same for every row.
// clang-format off
const attn::Matrix crossQueries = matrixOf({
        {-0.025000000000000022, -0.9500000000000001},
        {1.2999999999999998, 0.025000000000000078},
        {-0.55, 0.925}});
const attn::Matrix crossKeys = matrixOf({
        {0.4999999999999999, 0.52},
        {0.76, -1.04},
        {-0.86, -0.21000000000000005},
        {0.17999999999999988, 0.6400000000000001}});
const attn::Matrix crossValues = matrixOf({
        {1.6400000000000001, -0.8200000000000001},
        {-0.73, 0.24},
        {-1.53, 1.19},
        {1.46, -0.38}});
const attn::Matrix selfKeys = matrixOf({
        {0.825, -0.65},
        {0.5999999999999998, 0.925},
        {-0.07500000000000001, -0.5750000000000001}});
const attn::Matrix selfValues = matrixOf({
        {-0.02500000000000005, -0.425},
        {2.55, -1.025},
        {-1.0, 1.0}});
// clang-format on

} // namespace

class TestScoreFunctions : public QObject
{
    Q_OBJECT

private slots:
    void stagesMatchNumPy_data();
    void stagesMatchNumPy();
    void crossAttentionTakesKeysFromTheSource();
};

void TestScoreFunctions::stagesMatchNumPy_data()
{
    QTest::addColumn<attn::Scenario>("scenario");
    QTest::addColumn<double>("scaleDivisor");
    QTest::addColumn<double>("temperature");
    QTest::addColumn<attn::Matrix>("queries");
    QTest::addColumn<attn::Matrix>("keys");
    QTest::addColumn<attn::Matrix>("values");
    QTest::addColumn<attn::Matrix>("scores");
    QTest::addColumn<attn::Matrix>("scaled");
    QTest::addColumn<attn::Matrix>("weights");
    QTest::addColumn<attn::Matrix>("output");

    const double sqrt2 = 1.4142135623730951; // np.sqrt(2)

    // clang-format off
    QTest::newRow("dot, cross-attention 3×4")
        << crossAttention() << sqrt2 << 1.0 << crossQueries << crossKeys << crossValues
        << matrixOf({
        {-0.5065000000000001, 0.9690000000000001, 0.22100000000000009, -0.6125000000000002},
        {0.6629999999999998, 0.9619999999999997, -1.1232499999999999, 0.24999999999999986},
        {0.20600000000000007, -1.3800000000000001, 0.27874999999999994, 0.4930000000000002}})
        << matrixOf({
        {-0.35814958467098634, 0.6851864709697646, 0.15627059864222706, -0.43310290347676045},
        {0.4688117959266808, 0.6802367235014585, -0.7942576919677894, 0.17677669529663678},
        {0.14566399692442883, -0.9758073580374356, 0.19710601525575006, 0.34860364312496805}})
        << matrixOf({
        {0.15530057054766844, 0.44084725708288003, 0.2597663536796454, 0.14408581868980605},
        {0.30628206931212076, 0.3783922666784354, 0.08661187965316723, 0.22871378435627648},
        {0.2775012979124952, 0.09040994346000468, 0.292150075862183, 0.33993868276531697}})
        << matrixOf({
        {-0.2542027878150668, 0.2328262236274548},
        {0.4274821882874381, -0.14418025410123061},
        {0.4384237306189115, 0.012629212967332354}});
    // clang-format on

    // clang-format off
    QTest::newRow("general, cross-attention 3×4")
        << general(crossAttention()) << sqrt2 << 1.0 << crossQueries << crossKeys << crossValues
        << matrixOf({
        {-0.7420500000000001, 0.7757000000000001, 0.5645500000000001, -0.7380500000000002},
        {0.4690999999999999, 1.1385999999999998, -0.9659749999999999, 0.06359999999999988},
        {0.5238000000000002, -1.2676000000000003, -0.12927500000000008, 0.6991000000000003}})
        << matrixOf({
        {-0.5247085869794776, 0.5485027301664049, 0.39919713331886547, -0.5218801598547315},
        {0.33170379105460934, 0.8051117810590028, -0.6830474729566751, 0.04497199128346433},
        {0.3703825319855137, -0.8963285558320678, -0.09141122913789099, 0.49433835072751553}})
        << matrixOf({
        {0.13428768316491116, 0.392758808687047, 0.3382854644000262, 0.1346680437480157},
        {0.26891393479020975, 0.43172955987087663, 0.09747930698033647, 0.2018771983585773},
        {0.3285286112080855, 0.09256516128512939, 0.2070230561712131, 0.371883171335572}})
        << matrixOf({
        {-0.3874435466110272, 0.33553205990144935},
        {0.27145364427381213, -0.0776072922286206},
        {0.6974185088510949, -0.14213599074597286}});
    // clang-format on

    // clang-format off
    QTest::newRow("additive, cross-attention 3×4")
        << additive(crossAttention()) << sqrt2 << 1.0 << crossQueries << crossKeys << crossValues
        << matrixOf({
        {0.706300029197552, -1.0149739306007621, 0.6967709438657264, 1.1139528239550684},
        {1.4892250141094217, -0.5537163374761085, 1.7051378148690304, 1.7503990183501794},
        {-0.6355330192039246, -2.1820258234346817, -0.5517934391952651, -0.28023679964297554}})
        << matrixOf({
        {0.49942954019784547, -0.7176949490553631, 0.49269145934120634, 0.7876835957405333},
        {1.0530411061894038, -0.3915365770831351, 1.2057145117515031, 1.2377190156576878},
        {-0.4493897075470554, -1.5429252564748235, -0.39017688266921885, -0.19815734136556384}})
        << matrixOf({
        {0.2759792295034127, 0.081712020289452, 0.2741259100603836, 0.3681828401467516},
        {0.2774986552321767, 0.06544685268571476, 0.32327051896911335, 0.3337839731129953},
        {0.27161810622716637, 0.09100018227922353, 0.2881870888783213, 0.3491946226152888}})
        << matrixOf({
        {0.5110904657961673, -0.02039172960723909},
        {0.4000422988424277, 0.04601235514449331},
        {0.44792146418320977, 0.009361875812129772}});
    // clang-format on

    // clang-format off
    QTest::newRow("dot, self-attention 3 tokens")
        << selfAttention() << sqrt2 << 1.0 << crossQueries << selfKeys << selfValues
        << matrixOf({
        {0.596875, -0.8937500000000002, 0.5481250000000001},
        {1.0562499999999997, 0.8031249999999996, -0.11187500000000004},
        {-1.0550000000000002, 0.5256250000000002, -0.4906250000000001}})
        << matrixOf({
        {0.42205436002072055, -0.6319766856854769, 0.3875829044378764},
        {0.7468815376282906, 0.5678951336404456, -0.07910757114524503},
        {-0.7459976541518077, 0.3716730018611792, -0.3469242645196499}})
        << matrixOf({
        {0.4320315277497884, 0.1505759368575927, 0.41739253539261884},
        {0.43976940022062233, 0.3676987891019797, 0.19253181067739797},
        {0.18023972718051653, 0.5511232335436637, 0.26863703927581967}})
        << matrixOf({
        {-0.044224684599502184, 0.07943880081992621},
        {0.7341058665271345, -0.3712614432458956},
        {1.1322212130810096, -0.3728661591581551}});
    // clang-format on

    // clang-format off
    QTest::newRow("general, self-attention 3 tokens")
        << general(selfAttention()) << sqrt2 << 1.0 << crossQueries << selfKeys << selfValues
        << matrixOf({
        {0.3439375, -1.2035, 0.6281875000000001},
        {1.1246249999999998, 0.4929374999999997, 0.04518749999999992},
        {-0.8360000000000002, 0.9679375000000003, -0.6389375000000002}})
        << matrixOf({
        {0.24320053855434817, -0.8510030111580099, 0.44419564110662435},
        {0.7952299637919208, 0.34855944895114355, 0.03195238767486706},
        {-0.5911412690719539, 0.6844351700147541, -0.4517970390043798}})
        << matrixOf({
        {0.39101831840044277, 0.1309153405971218, 0.47806634100243556},
        {0.47485843335818334, 0.30379289711007773, 0.22134866953173893},
        {0.1745114009064421, 0.6248843004391662, 0.20060429865439172}})
        << matrixOf({
        {-0.15400768043978613, 0.17769533157019757},
        {0.5414517572650046, -0.2918538841833186},
        {1.388487882442821, -0.5140694546809916}});
    // clang-format on

    // clang-format off
    QTest::newRow("additive, self-attention 3 tokens")
        << additive(selfAttention()) << sqrt2 << 1.0 << crossQueries << selfKeys << selfValues
        << matrixOf({
        {-0.820179830227951, 1.1516171438307834, -0.2307141046936484},
        {-0.14250626557913226, 1.6768213391875046, 0.7654794903805509},
        {-2.0196156480287684, -0.21444933814239092, -1.5854027101740944}})
        << matrixOf({
        {-0.5799547197466154, 0.8143162917334306, -0.16313950794426185},
        {-0.1007671467525755, 1.1856917397777924, 0.54127573850731},
        {-1.4280839201116056, -0.15163858122145155, -1.1210490072756327}})
        << matrixOf({
        {0.15269142296007054, 0.6156570385622706, 0.23165153847765874},
        {0.15336707454831836, 0.5551804047545277, 0.2914525206971539},
        {0.16825765458287903, 0.6030148369643212, 0.22872750845279974}})
        << matrixOf({
        {1.3344566242821294, -0.4642907808066986},
        {1.1204233345631835, -0.3427884008592722},
        {1.3047538844416473, -0.46087220263335293}});
    // clang-format on

    // clang-format off
    QTest::newRow("dot, no scaling")
        << scaledBy(crossAttention(), attn::ScaleMode::None, 1.0, 1.0) << 1.0 << 1.0
        << crossQueries << crossKeys << crossValues
        << matrixOf({
        {-0.5065000000000001, 0.9690000000000001, 0.22100000000000009, -0.6125000000000002},
        {0.6629999999999998, 0.9619999999999997, -1.1232499999999999, 0.24999999999999986},
        {0.20600000000000007, -1.3800000000000001, 0.27874999999999994, 0.4930000000000002}})
        << matrixOf({
        {-0.5065000000000001, 0.9690000000000001, 0.22100000000000009, -0.6125000000000002},
        {0.6629999999999998, 0.9619999999999997, -1.1232499999999999, 0.24999999999999986},
        {0.20600000000000007, -1.3800000000000001, 0.27874999999999994, 0.4930000000000002}})
        << matrixOf({
        {0.11986748595615603, 0.5242071071641268, 0.24811363550785576, 0.10781177137186142},
        {0.31468713934143344, 0.42435863578508376, 0.0527376138802648, 0.2082166109932181},
        {0.2768067398011921, 0.05667422786768017, 0.2976950297667583, 0.3688240025643695}})
        << matrixOf({
        {-0.4082971873858183, 0.28180512036838345},
        {0.429612807210133, -0.17256193333146308},
        {0.49560051513138764, 0.0007242524992477073}});
    // clang-format on

    // clang-format off
    QTest::newRow("dot, custom scale 2.5, temperature 0.7")
        << scaledBy(crossAttention(), attn::ScaleMode::Custom, 2.5, 0.7) << 2.5 << 0.7
        << crossQueries << crossKeys << crossValues
        << matrixOf({
        {-0.5065000000000001, 0.9690000000000001, 0.22100000000000009, -0.6125000000000002},
        {0.6629999999999998, 0.9619999999999997, -1.1232499999999999, 0.24999999999999986},
        {0.20600000000000007, -1.3800000000000001, 0.27874999999999994, 0.4930000000000002}})
        << matrixOf({
        {-0.2894285714285715, 0.5537142857142857, 0.12628571428571433, -0.3500000000000001},
        {0.3788571428571427, 0.5497142857142856, -0.6418571428571428, 0.14285714285714277},
        {0.11771428571428576, -0.7885714285714286, 0.15928571428571425, 0.28171428571428586}})
        << matrixOf({
        {0.173000270106034, 0.40199353763137796, 0.2621737472776035, 0.16283244498498467},
        {0.29972071418046686, 0.3555650560289128, 0.10800060215355026, 0.23671362763707013},
        {0.27588611642668887, 0.11146408647670046, 0.2875968253873483, 0.3250529717092623}})
        << matrixOf({
        {-0.17312530315366592, 0.20472865771063675},
        {0.4123404554100499, -0.12186583412040565},
        {0.4056386436646584, 0.01924485824594803}});
    // clang-format on

    // clang-format off
    QTest::newRow("general, √d_h scale, temperature 2")
        << scaledBy(general(crossAttention()), attn::ScaleMode::SqrtHeadDim, 1.0, 2.0) << sqrt2
        << 2.0 << crossQueries << crossKeys << crossValues
        << matrixOf({
        {-0.7420500000000001, 0.7757000000000001, 0.5645500000000001, -0.7380500000000002},
        {0.4690999999999999, 1.1385999999999998, -0.9659749999999999, 0.06359999999999988},
        {0.5238000000000002, -1.2676000000000003, -0.12927500000000008, 0.6991000000000003}})
        << matrixOf({
        {-0.2623542934897388, 0.27425136508320247, 0.19959856665943274, -0.26094007992736573},
        {0.16585189552730467, 0.4025558905295014, -0.34152373647833756, 0.022485995641732166},
        {0.18519126599275684, -0.4481642779160339, -0.04570561456894549, 0.24716917536375776}})
        << matrixOf({
        {0.18872276831858584, 0.32275217300497244, 0.2995352072476065, 0.18898985142883512},
        {0.2676962940025537, 0.3391888736319491, 0.1611728633788579, 0.23194196898663938},
        {0.2951099261935064, 0.15664660962745236, 0.2342645512219716, 0.3139789129570696}})
        << matrixOf({
        {-0.10846743025388778, 0.20733860458164738},
        {0.2834548381637061, -0.034447872204508345},
        {0.46961270347701534, -0.04493212413762698}});
    // clang-format on
}

void TestScoreFunctions::stagesMatchNumPy()
{
    QFETCH(attn::Scenario, scenario);
    QFETCH(double, scaleDivisor);
    QFETCH(double, temperature);
    QFETCH(attn::Matrix, queries);
    QFETCH(attn::Matrix, keys);
    QFETCH(attn::Matrix, values);
    QFETCH(attn::Matrix, scores);
    QFETCH(attn::Matrix, scaled);
    QFETCH(attn::Matrix, weights);
    QFETCH(attn::Matrix, output);

    const attn::Result<attn::Trace> result = attn::compute(scenario);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const attn::Trace &trace = result.value();
    QCOMPARE(trace.headCount(), 1);
    const testsupport::HeadStages head = testsupport::headStages(trace, 0);

    VERIFY_NEAR(trace.scaleDivisor, scaleDivisor, 1e-15);
    VERIFY_NEAR(trace.temperature, temperature, 0.0);
    VERIFY_MATRIX_NEAR(trace.queries, queries, tolerance);
    VERIFY_MATRIX_NEAR(trace.keys, keys, tolerance);
    VERIFY_MATRIX_NEAR(trace.values, values, tolerance);
    VERIFY_MATRIX_NEAR(head.scores, scores, tolerance);
    VERIFY_MATRIX_NEAR(head.scaled, scaled, tolerance);
    VERIFY_MATRIX_NEAR(head.masked, scaled, tolerance);
    VERIFY_MATRIX_NEAR(head.softWeights, weights, tolerance);
    VERIFY_MATRIX_NEAR(head.weights, weights, tolerance);
    VERIFY_MATRIX_NEAR(head.output, output, tolerance);
    VERIFY_MATRIX_NEAR(trace.output, output, tolerance);
}

void TestScoreFunctions::crossAttentionTakesKeysFromTheSource()
{
    const attn::Scenario scenario = crossAttention();
    QVERIFY(scenario.isCrossAttention());
    const attn::Result<attn::Trace> result = attn::compute(scenario);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const attn::Trace &trace = result.value();

    QCOMPARE(trace.queryCount(), 3);
    QCOMPARE(trace.keyCount(), 4);
    VERIFY_MATRIX_EQUAL(trace.embeddings, targetEmbeddings);
    VERIFY_MATRIX_EQUAL(trace.sourceEmbeddings, sourceEmbeddings);
    VERIFY_MATRIX_EQUAL(trace.sourceInput, sourceEmbeddings);
    QCOMPARE(trace.mask.rows(), Eigen::Index(3));
    QCOMPARE(trace.mask.cols(), Eigen::Index(4));
    QCOMPARE(testsupport::maskLetters(trace.mask), QStringLiteral("VVVV VVVV VVVV"));
    QCOMPARE(trace.weights(0).rows(), Eigen::Index(3));
    QCOMPARE(trace.weights(0).cols(), Eigen::Index(4));
    QCOMPARE(trace.output.rows(), Eigen::Index(3));
}

QTEST_APPLESS_MAIN(TestScoreFunctions)
#include "tst_score_functions.moc"
