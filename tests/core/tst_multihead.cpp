// Multi-head attention as in the Transformer (Vaswani et al. 2017):
//
//   head t:  Q_t = Q[:, t·d_h : (t+1)·d_h], K_t likewise, V_t = V[:, t·d_vh : (t+1)·d_vh]
//            output_t = softmax(score(Q_t, K_t) / √d_h) V_t
//   concat = [output_1 … output_h],  output = concat W_O (if W_O is given)
//
// General and additive scores share W_a (U_a, v_a) across heads. 4 words,
// d_model 4, d_k 4, d_v 4 (or 6), W_O d_v × 3.
// Expected numbers: tests/reference/engine_reference.py, section "multihead".

#include "attention.h"
#include "matrix_compare.h"

#include <QtTest>
#include <cmath>

using testsupport::matrixOf;
using testsupport::sequenceOf;
using testsupport::vectorOf;

Q_DECLARE_METATYPE(std::vector<attn::Matrix>)

namespace {

constexpr double tolerance = 1e-12;

// clang-format off
const attn::Matrix embeddings = matrixOf({
    {0.7, -0.3, 0.5, 0.1},
    {-0.2, 0.9, 0.4, -0.6},
    {0.3, 0.3, -0.7, 0.8},
    {0.6, -0.5, 0.2, 0.4}});
const attn::Matrix queryWeights = matrixOf({
    {0.8, -0.2, 0.5, 0.3},
    {0.1, 0.7, -0.4, 0.6},
    {-0.5, 0.4, 0.9, -0.1},
    {0.3, -0.6, 0.2, 0.7}});
const attn::Matrix keyWeights = matrixOf({
    {0.6, 0.4, -0.3, 0.2},
    {-0.1, 0.5, 0.8, -0.4},
    {0.7, -0.2, 0.1, 0.9},
    {0.2, 0.6, -0.5, 0.3}});
const attn::Matrix valueWeights = matrixOf({
    {1.0, -0.5, 0.25, 0.75},
    {0.5, 1.5, -1.0, 0.0},
    {-0.75, 0.25, 1.25, 0.5},
    {0.0, 1.0, 0.5, -1.5}});
const attn::Matrix outputWeights = matrixOf({
    {0.4, -0.3, 0.9},
    {0.7, 0.2, -0.5},
    {-0.6, 0.8, 0.1},
    {0.3, 0.5, 0.6}});
const attn::Matrix valueWeights6 = matrixOf({
    {1.0, -0.5, 0.25, 0.75, 0.4, -0.2},
    {0.5, 1.5, -1.0, 0.0, 0.3, 0.9},
    {-0.75, 0.25, 1.25, 0.5, -0.6, 0.1},
    {0.0, 1.0, 0.5, -1.5, 0.8, -0.7}});
const attn::Matrix outputWeights6 = matrixOf({
    {0.4, -0.3, 0.9},
    {0.7, 0.2, -0.5},
    {-0.6, 0.8, 0.1},
    {0.3, 0.5, 0.6},
    {0.2, -0.9, 0.4},
    {-0.1, 0.6, 0.3}});
const attn::Matrix generalWA = matrixOf({
    {1.1, -0.4},
    {0.3, 0.8}});
const attn::Matrix additiveWA = matrixOf({
    {0.6, -0.2, 0.5},
    {0.4, 0.9, -0.3}});
const attn::Matrix additiveUA = matrixOf({
    {-0.7, 0.3, 0.2},
    {0.5, -0.4, 0.8}});
// clang-format on
const attn::Vector additiveVA = vectorOf({0.9, -1.1, 0.6});

attn::Scenario heads(int count, std::optional<attn::Matrix> wO = outputWeights)
{
    attn::Scenario scenario;
    scenario.target = sequenceOf(embeddings);
    scenario.wQ = queryWeights;
    scenario.wK = keyWeights;
    scenario.wV = valueWeights;
    scenario.wO = std::move(wO);
    scenario.heads = count;
    return scenario;
}

attn::Scenario wideValues()
{
    attn::Scenario scenario = heads(2, outputWeights6);
    scenario.wV = valueWeights6;
    return scenario;
}

attn::Scenario general()
{
    attn::Scenario scenario = heads(2);
    scenario.score = attn::ScoreFunction::General;
    scenario.wA = generalWA;
    return scenario;
}

attn::Scenario additive()
{
    attn::Scenario scenario = heads(2);
    scenario.score = attn::ScoreFunction::Additive;
    scenario.wA = additiveWA;
    scenario.uA = additiveUA;
    scenario.vA = additiveVA;
    return scenario;
}

attn::Scenario causal()
{
    attn::Scenario scenario = heads(4);
    scenario.mask = attn::MaskKind::Causal;
    return scenario;
}

} // namespace

class TestMultihead : public QObject
{
    Q_OBJECT

private slots:
    void headsMatchNumPy_data();
    void headsMatchNumPy();
    void headsAreColumnSlices_data();
    void headsAreColumnSlices();
    void oneHeadIsTheSingleHeadPath();
    void stageMatricesAreTheHeadMatrices();
};

void TestMultihead::headsMatchNumPy_data()
{
    QTest::addColumn<attn::Scenario>("scenario");
    QTest::addColumn<int>("headDim");
    QTest::addColumn<int>("headValueDim");
    QTest::addColumn<double>("scaleDivisor");
    QTest::addColumn<std::vector<attn::Matrix>>("weights");
    QTest::addColumn<std::vector<attn::Matrix>>("outputs");
    QTest::addColumn<attn::Matrix>("concat");
    QTest::addColumn<attn::Matrix>("output");

    // clang-format off
    QTest::newRow("2 heads with W_O")
        << heads(2)
        << 2 << 2 << 1.4142135623730951
        << std::vector<attn::Matrix>{
            matrixOf({
                {0.2853466270473677, 0.241472782642841, 0.20350847192566648, 0.26967211838412486},
                {0.16657520663488876, 0.1920289366971215, 0.448904695686936, 0.1924911609810538},
                {0.3484268267893035, 0.21994655172760588, 0.13432312810402922, 0.29730349337906153},
                {0.31018479777113017, 0.2525507706591455, 0.15799894763385078, 0.27926548393587347}}),
            matrixOf({
                {0.17856499354549157, 0.4900756204393287, 0.18665989910829342, 0.1446994869068864},
                {0.2642710440678328, 0.20421311422527996, 0.2546583551727695, 0.2768574865341176},
                {0.3566728084594724, 0.11879617806375949, 0.16062315803297547, 0.36390785544379256},
                {0.20391714601034328, 0.43112515218688097, 0.194371625997692, 0.17058607580508375}})}
        << std::vector<attn::Matrix>{
            matrixOf({
                {0.29021720440549703, 0.09176689845922922},
                {0.4957295248172227, 0.386388892968988},
                {0.24040311567898856, -0.04552940379383369},
                {0.2515568718071697, 0.04015670960757636}}),
            matrixOf({
                {-0.1336994665304115, 0.3226156197194613},
                {0.27703425157563855, 0.007906666125785798},
                {0.6089390265456627, 0.10475579728185952},
                {-0.03725460104105818, 0.2709454025968052}})}
        << matrixOf({
            {0.29021720440549703, 0.09176689845922922, -0.1336994665304115, 0.3226156197194613},
            {0.4957295248172227, 0.386388892968988, 0.27703425157563855, 0.007906666125785798},
            {0.24040311567898856, -0.04552940379383369, 0.6089390265456627, 0.10475579728185952},
            {0.2515568718071697, 0.04015670960757636, -0.03725460104105818, 0.2709454025968052}})
        << matrixOf({
            {0.35732807651774456, -0.014363544994401845, 0.39551145991396836},
            {0.30491548389753326, 0.15413965547203454, 0.2854095506840417},
            {-0.2696460131269279, 0.45830230441499664, 0.3628748870316885},
            {0.2323688268518478, 0.03823330084492044, 0.36516461127664185}});
    QTest::newRow("2 heads without W_O")
        << heads(2, std::nullopt)
        << 2 << 2 << 1.4142135623730951
        << std::vector<attn::Matrix>{
            matrixOf({
                {0.2853466270473677, 0.241472782642841, 0.20350847192566648, 0.26967211838412486},
                {0.16657520663488876, 0.1920289366971215, 0.448904695686936, 0.1924911609810538},
                {0.3484268267893035, 0.21994655172760588, 0.13432312810402922, 0.29730349337906153},
                {0.31018479777113017, 0.2525507706591455, 0.15799894763385078, 0.27926548393587347}}),
            matrixOf({
                {0.17856499354549157, 0.4900756204393287, 0.18665989910829342, 0.1446994869068864},
                {0.2642710440678328, 0.20421311422527996, 0.2546583551727695, 0.2768574865341176},
                {0.3566728084594724, 0.11879617806375949, 0.16062315803297547, 0.36390785544379256},
                {0.20391714601034328, 0.43112515218688097, 0.194371625997692, 0.17058607580508375}})}
        << std::vector<attn::Matrix>{
            matrixOf({
                {0.29021720440549703, 0.09176689845922922},
                {0.4957295248172227, 0.386388892968988},
                {0.24040311567898856, -0.04552940379383369},
                {0.2515568718071697, 0.04015670960757636}}),
            matrixOf({
                {-0.1336994665304115, 0.3226156197194613},
                {0.27703425157563855, 0.007906666125785798},
                {0.6089390265456627, 0.10475579728185952},
                {-0.03725460104105818, 0.2709454025968052}})}
        << matrixOf({
            {0.29021720440549703, 0.09176689845922922, -0.1336994665304115, 0.3226156197194613},
            {0.4957295248172227, 0.386388892968988, 0.27703425157563855, 0.007906666125785798},
            {0.24040311567898856, -0.04552940379383369, 0.6089390265456627, 0.10475579728185952},
            {0.2515568718071697, 0.04015670960757636, -0.03725460104105818, 0.2709454025968052}})
        << matrixOf({
            {0.29021720440549703, 0.09176689845922922, -0.1336994665304115, 0.3226156197194613},
            {0.4957295248172227, 0.386388892968988, 0.27703425157563855, 0.007906666125785798},
            {0.24040311567898856, -0.04552940379383369, 0.6089390265456627, 0.10475579728185952},
            {0.2515568718071697, 0.04015670960757636, -0.03725460104105818, 0.2709454025968052}});
    QTest::newRow("1 head with W_O")
        << heads(1)
        << 4 << 4 << 2.0
        << std::vector<attn::Matrix>{
            matrixOf({
                {0.22445982137901374, 0.4072986588254222, 0.18237166529703241, 0.18586985449853166},
                {0.1988130466717712, 0.18320668086717629, 0.39039729244943455, 0.227582980011618},
                {0.395482479823078, 0.13128972041517317, 0.11466404297627301, 0.3585637567854758},
                {0.2572984881437103, 0.3777704905721791, 0.15436761117767597, 0.2105634101064347}})}
        << std::vector<attn::Matrix>{
            matrixOf({
                {0.23390188036436915, 0.31504120629185434, 0.02945147470726131, 0.2762851650025401},
                {0.4517859052647234, 0.28429655249630525, 0.06829316632033028, -0.2303510605024073},
                {0.2461551412072413, -0.21175120582208823, 0.6704928638657921, 0.20204373950100257},
                {0.2187598138160613, 0.2273873296364263, 0.13612781672883756, 0.3046282658176466}})}
        << matrixOf({
            {0.23390188036436915, 0.31504120629185434, 0.02945147470726131, 0.2762851650025401},
            {0.4517859052647234, 0.28429655249630525, 0.06829316632033028, -0.2303510605024073},
            {0.2461551412072413, -0.21175120582208823, 0.6704928638657921, 0.20204373950100257},
            {0.2187598138160613, 0.2273873296364263, 0.13612781672883756, 0.3046282658176466}})
        << matrixOf({
            {0.3793042612264509, 0.1545414394161392, 0.22170733565425524},
            {0.26964073091038265, -0.1392174582750954, 0.13307771882068709},
            {-0.3914463840617397, 0.521219377316545, 0.515690760084742},
            {0.25638684597991435, 0.24106590807436024, 0.2795799087797137}});
    QTest::newRow("2 heads, d_v 6 (d_vh 3)")
        << wideValues()
        << 2 << 3 << 1.4142135623730951
        << std::vector<attn::Matrix>{
            matrixOf({
                {0.2853466270473677, 0.241472782642841, 0.20350847192566648, 0.26967211838412486},
                {0.16657520663488876, 0.1920289366971215, 0.448904695686936, 0.1924911609810538},
                {0.3484268267893035, 0.21994655172760588, 0.13432312810402922, 0.29730349337906153},
                {0.31018479777113017, 0.2525507706591455, 0.15799894763385078, 0.27926548393587347}}),
            matrixOf({
                {0.17856499354549157, 0.4900756204393287, 0.18665989910829342, 0.1446994869068864},
                {0.2642710440678328, 0.20421311422527996, 0.2546583551727695, 0.2768574865341176},
                {0.3566728084594724, 0.11879617806375949, 0.16062315803297547, 0.36390785544379256},
                {0.20391714601034328, 0.43112515218688097, 0.194371625997692, 0.17058607580508375}})}
        << std::vector<attn::Matrix>{
            matrixOf({
                {0.29021720440549703, 0.09176689845922922, 0.3012274339969129},
                {0.4957295248172227, 0.386388892968988, -0.054953224794415084},
                {0.24040311567898856, -0.04552940379383369, 0.46873859005614193},
                {0.2515568718071697, 0.04015670960757636, 0.36389220842820585}}),
            matrixOf({
                {0.3226156197194613, 0.013923894431320721, 0.3667183837927602},
                {0.007906666125785798, 0.28754370030287807, -0.18286559230993216},
                {0.10475579728185952, 0.235862530153002, -0.3672515607662457},
                {0.2709454025968052, 0.06170808196118592, 0.2538670507431163}})}
        << matrixOf({
            {0.29021720440549703, 0.09176689845922922, 0.3012274339969129, 0.3226156197194613, 0.013923894431320721, 0.3667183837927602},
            {0.4957295248172227, 0.386388892968988, -0.054953224794415084, 0.007906666125785798, 0.28754370030287807, -0.18286559230993216},
            {0.24040311567898856, -0.04552940379383369, 0.46873859005614193, 0.10475579728185952, 0.235862530153002, -0.3672515607662457},
            {0.2515568718071697, 0.04015670960757636, 0.36389220842820585, 0.2709454025968052, 0.06170808196118592, 0.2538670507431163}})
        << matrixOf({
            {0.06248487670833805, 0.5410775007149251, 0.5545892228770571},
            {0.5799032690111342, -0.4799590112825579, 0.3123686054752079},
            {-0.10162808912599047, -0.08648525837406923, 0.3330243872140635},
            {-0.021364347511785058, 0.45593370510113407, 0.5061226402309775}});
    QTest::newRow("2 heads, general score, shared W_a")
        << general()
        << 2 << 2 << 1.4142135623730951
        << std::vector<attn::Matrix>{
            matrixOf({
                {0.28480152187168634, 0.24809399982259248, 0.1983507035405159, 0.26875377476520534},
                {0.19406298515775125, 0.1858624403474061, 0.4059051083379691, 0.2141694661568735},
                {0.3445575643004867, 0.2367504597530011, 0.1254727274879749, 0.29321924845853736},
                {0.297931652108668, 0.2666678572573675, 0.16296909785975888, 0.2724313927742055}}),
            matrixOf({
                {0.1369099020227831, 0.5511256342427913, 0.2000326867917989, 0.11193177694262686},
                {0.2734146955709993, 0.1960549404599367, 0.2451288774709738, 0.28540148649809016},
                {0.3494234842230765, 0.1499775930385957, 0.16120347121279527, 0.3393954515255326},
                {0.16307903928975684, 0.492397994995376, 0.20778500436362224, 0.13673796135124486}})}
        << std::vector<attn::Matrix>{
            matrixOf({
                {0.28457825724145946, 0.09415056067109728},
                {0.46325927424613067, 0.3119436473828262},
                {0.22943980975741804, -0.033076938856174326},
                {0.2521857952242545, 0.0693113442877688}}),
            matrixOf({
                {-0.27279576447326254, 0.3384981424486261},
                {0.3097371154799142, 0.018070541194869467},
                {0.5498463789067204, 0.13030401909285824},
                {-0.17679534663147778, 0.28755046595234346}})}
        << matrixOf({
            {0.28457825724145946, 0.09415056067109728, -0.27279576447326254, 0.3384981424486261},
            {0.46325927424613067, 0.3119436473828262, 0.3097371154799142, 0.018070541194869467},
            {0.22943980975741804, -0.033076938856174326, 0.5498463789067204, 0.13030401909285824},
            {0.2521857952242545, 0.0693113442877688, -0.17679534663147778, 0.28755046595234346}})
        << matrixOf({
            {0.4449635967848972, -0.11553090539251537, 0.38486446020361426},
            {0.22324315593694297, 0.18023591018409216, 0.30277755939501766},
            {-0.2221945549125296, 0.4295817819733452, 0.3562013475561504},
            {0.34173460685572965, -0.059454514038733086, 0.3471622884662029}});
    QTest::newRow("2 heads, additive score, shared W_a, U_a, v_a")
        << additive()
        << 2 << 2 << 1.4142135623730951
        << std::vector<attn::Matrix>{
            matrixOf({
                {0.1457163993904933, 0.20770830825125242, 0.46980302593344103, 0.17677226642481336},
                {0.16294729526010102, 0.21318158450189864, 0.43550960801595506, 0.1883615122220453},
                {0.16218305340449446, 0.23137252992822774, 0.412646537766594, 0.19379787890068376},
                {0.15774444363747933, 0.21847674451581692, 0.43693834547706417, 0.18684046636963964}}),
            matrixOf({
                {0.37524040608029086, 0.08639430113011907, 0.15743980148736655, 0.38092549130222353},
                {0.3921594404870314, 0.07733307171611582, 0.12348449602420691, 0.407022991772646},
                {0.37416349522046477, 0.09655831210901844, 0.14988998711968518, 0.37938820555083164},
                {0.38081456596280144, 0.08299127839011503, 0.14943805047451417, 0.38675610517256936}})}
        << std::vector<attn::Matrix>{
            matrixOf({
                {0.5085273580508413, 0.44204040232270114},
                {0.4801508677053879, 0.398657290583777},
                {0.4579033579519409, 0.3919679678179213},
                {0.48006442052483345, 0.4089135419429761}}),
            matrixOf({
                {0.6755409205360345, 0.08894582833792292},
                {0.7542696965059651, 0.13459796161399806},
                {0.6702733205439058, 0.10800893780523341},
                {0.6965183724223019, 0.09950759606000029}})}
        << matrixOf({
            {0.5085273580508413, 0.44204040232270114, 0.6755409205360345, 0.08894582833792292},
            {0.4801508677053879, 0.398657290583777, 0.7542696965059651, 0.13459796161399806},
            {0.4579033579519409, 0.3919679678179213, 0.6702733205439058, 0.10800893780523341},
            {0.48006442052483345, 0.4089135419429761, 0.6965183724223019, 0.09950759606000029}})
        << matrixOf({
            {0.13419842102598337, 0.520755523647077, 0.3575760101407638},
            {0.05893802107141949, 0.6064009358169102, 0.38899288226195594},
            {0.08777760966854783, 0.5312457115157434, 0.3479617329853168},
            {0.09020650293463563, 0.5447318781989868, 0.35695760237909246}});
    QTest::newRow("4 heads of width 1, causal")
        << causal()
        << 1 << 1 << 1.0
        << std::vector<attn::Matrix>{
            matrixOf({
                {1.0, 0.0, 0.0, 0.0},
                {0.40335625845136724, 0.5966437415486328, 0.0, 0.0},
                {0.5273205681354067, 0.24953736220343609, 0.2231420696611571, 0.0},
                {0.3094324275914159, 0.20918933283845348, 0.19730282685695275, 0.2840754127131778}}),
            matrixOf({
                {1.0, 0.0, 0.0, 0.0},
                {0.5474567191668941, 0.4525432808331059, 0.0, 0.0},
                {0.3681377429536858, 0.4058798458586962, 0.22598241118761808, 0.0},
                {0.27403955359802545, 0.30310293041622527, 0.1655498656021998, 0.2573076503835494}}),
            matrixOf({
                {1.0, 0.0, 0.0, 0.0},
                {0.5855016482355998, 0.4144983517644003, 0.0, 0.0},
                {0.4089009329175052, 0.20493091224502627, 0.38616815483746847, 0.0},
                {0.16151021423481648, 0.5325987821150645, 0.1782823245404038, 0.1276086791097153}}),
            matrixOf({
                {1.0, 0.0, 0.0, 0.0},
                {0.5047998525494356, 0.4952001474505644, 0.0, 0.0},
                {0.5668489196079441, 0.2389114096998481, 0.19423967069220768, 0.0},
                {0.26996974356654585, 0.23601842921113433, 0.22853968967394342, 0.2654721375483765}})}
        << std::vector<attn::Matrix>{
            matrixOf({
                {0.17499999999999993},
                {0.04075515815155757},
                {0.29736774923315246},
                {0.2928765469147395}}),
            matrixOf({
                {-0.575},
                {0.11512850327048668},
                {0.3829403817159389},
                {0.12912407602845463}}),
            matrixOf({
                {1.1500000000000001},
                {0.3624531316476396},
                {0.046220180285133416},
                {-0.19814042037385526}}),
            matrixOf({
                {0.6249999999999999},
                {0.7859400479214333},
                {0.32387885030264546},
                {0.07685990178427475}})}
        << matrixOf({
            {0.17499999999999993, -0.575, 1.1500000000000001, 0.6249999999999999},
            {0.04075515815155757, 0.11512850327048668, 0.3624531316476396, 0.7859400479214333},
            {0.29736774923315246, 0.3829403817159389, 0.046220180285133416, 0.32387885030264546},
            {0.2928765469147395, 0.12912407602845463, -0.19814042037385526, 0.07685990178427475}})
        << matrixOf({
            {-0.835, 1.0650000000000002, 0.9349999999999998},
            {0.11520215093780993, 0.6937316824874584, 0.4869247326187824},
            {0.45643691381413176, 0.1862933209526715, 0.2751101116619684},
            {0.34947969474540963, -0.1821205342756778, 0.2253287532422176}});
    // clang-format on
}

void TestMultihead::headsMatchNumPy()
{
    QFETCH(attn::Scenario, scenario);
    QFETCH(int, headDim);
    QFETCH(int, headValueDim);
    QFETCH(double, scaleDivisor);
    QFETCH(std::vector<attn::Matrix>, weights);
    QFETCH(std::vector<attn::Matrix>, outputs);
    QFETCH(attn::Matrix, concat);
    QFETCH(attn::Matrix, output);

    const attn::Result<attn::Trace> result = attn::compute(scenario);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const attn::Trace &trace = result.value();

    QCOMPARE(trace.headCount(), int(weights.size()));
    QCOMPARE(trace.headDim, headDim);
    QCOMPARE(trace.headValueDim, headValueDim);
    VERIFY_NEAR(trace.scaleDivisor, scaleDivisor, 1e-15);
    for (int h = 0; h < trace.headCount(); ++h) {
        const testsupport::Comparison w = testsupport::compareMatrices(
            trace.weights(h), weights[h], tolerance, QStringLiteral("head %1 weights").arg(h));
        QVERIFY2(w.ok, qPrintable(w.message));
        const testsupport::Comparison o = testsupport::compareMatrices(
            trace.heads[h].output, outputs[h], tolerance, QStringLiteral("head %1 output").arg(h));
        QVERIFY2(o.ok, qPrintable(o.message));
    }
    VERIFY_MATRIX_NEAR(trace.concat, concat, tolerance);
    QCOMPARE(trace.projected, scenario.wO.has_value());
    VERIFY_MATRIX_NEAR(trace.output, output, tolerance);
}

void TestMultihead::headsAreColumnSlices_data()
{
    QTest::addColumn<attn::Scenario>("scenario");
    QTest::newRow("2 heads, d_v 4") << heads(2);
    QTest::newRow("2 heads, d_v 6") << wideValues();
    QTest::newRow("4 heads") << causal();
}

// Head t holds columns [t·d_h, (t+1)·d_h) of Q and K and [t·d_vh, (t+1)·d_vh)
// of V, and its output lands in the same columns of the concatenation.
void TestMultihead::headsAreColumnSlices()
{
    QFETCH(attn::Scenario, scenario);
    const attn::Result<attn::Trace> result = attn::compute(scenario);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const attn::Trace &trace = result.value();
    const int dh = trace.headDim;
    const int dvh = trace.headValueDim;
    QCOMPARE(dh * trace.headCount(), scenario.keyDim());
    QCOMPARE(dvh * trace.headCount(), scenario.valueDim());
    for (int h = 0; h < trace.headCount(); ++h) {
        const testsupport::HeadStages head = testsupport::headStages(trace, h);
        VERIFY_MATRIX_EQUAL(head.queries, attn::Matrix(trace.queries.middleCols(h * dh, dh)));
        VERIFY_MATRIX_EQUAL(head.keys, attn::Matrix(trace.keys.middleCols(h * dh, dh)));
        VERIFY_MATRIX_EQUAL(head.values, attn::Matrix(trace.values.middleCols(h * dvh, dvh)));
        VERIFY_MATRIX_EQUAL(head.output, attn::Matrix(trace.concat.middleCols(h * dvh, dvh)));
    }
}

// With one head nothing is split: the head sees all of Q, K, V, the scale is
// √d_k, and the concatenation is the head's output.
void TestMultihead::oneHeadIsTheSingleHeadPath()
{
    const attn::Result<attn::Trace> result = attn::compute(heads(1, std::nullopt));
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const attn::Trace &trace = result.value();
    QCOMPARE(trace.headCount(), 1);
    VERIFY_NEAR(trace.scaleDivisor, 2.0, 0.0);
    VERIFY_MATRIX_EQUAL(trace.heads.front().queries, trace.queries);
    VERIFY_MATRIX_EQUAL(trace.heads.front().values, trace.values);
    VERIFY_MATRIX_EQUAL(trace.concat, trace.heads.front().output);
    VERIFY_MATRIX_EQUAL(trace.output, trace.concat);
    QVERIFY(!trace.projected);
    // softmax(Q Kᵀ / √4) V from NumPy, as in the "1 head with W_O" row before W_O.
    // clang-format off
    VERIFY_MATRIX_NEAR(trace.output, matrixOf({
        {0.23390188036436915, 0.31504120629185434, 0.02945147470726131, 0.2762851650025401},
        {0.4517859052647234, 0.28429655249630525, 0.06829316632033028, -0.2303510605024073},
        {0.2461551412072413, -0.21175120582208823, 0.6704928638657921, 0.20204373950100257},
        {0.2187598138160613, 0.2273873296364263, 0.13612781672883756, 0.3046282658176466}}), tolerance);
    // clang-format on
}

void TestMultihead::stageMatricesAreTheHeadMatrices()
{
    const attn::Result<attn::Trace> result = attn::compute(heads(2));
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    const attn::Trace &trace = result.value();
    for (int h = 0; h < trace.headCount(); ++h) {
        const testsupport::HeadStages head = testsupport::headStages(trace, h);
        VERIFY_MATRIX_EQUAL(trace.matrix(attn::Stage::Scores, h), head.scores);
        VERIFY_MATRIX_EQUAL(trace.matrix(attn::Stage::Scaled, h), head.scaled);
        VERIFY_MATRIX_EQUAL(trace.matrix(attn::Stage::Masked, h), head.masked);
        VERIFY_MATRIX_EQUAL(trace.matrix(attn::Stage::Weights, h), head.weights);
        VERIFY_MATRIX_EQUAL(trace.matrix(attn::Stage::Output, h), head.output);
    }
    VERIFY_MATRIX_EQUAL(trace.matrix(attn::Stage::Concat), trace.concat);
    VERIFY_MATRIX_EQUAL(trace.matrix(attn::Stage::Projected), trace.output);
}

QTEST_APPLESS_MAIN(TestMultihead)
#include "tst_multihead.moc"
