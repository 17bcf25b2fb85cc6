// The scenario file format (docs/scenario-format.md): JSON in, Scenario out,
// and back again without losing a bit.
//
// A round trip write → read must give the same scenario, every field; keys
// that are left out take the documented defaults; every kind of bad input
// gives one message that names the file, the key (w_k[1][2], span.window) and
// what was expected; a failed save leaves no file behind.

#include "matrix_compare.h"
#include "scenario_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <limits>

using testsupport::matrixOf;
using testsupport::vectorOf;

namespace {

/// The tutorial's inputs, written out by hand.
attn::Scenario tutorialInputs()
{
    attn::Scenario scenario;
    scenario.title = "Attention from scratch";
    scenario.target.tokens = {"word_1", "word_2", "word_3", "word_4"};
    scenario.target.embeddings = matrixOf({{1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0, 0, 1}});
    scenario.wQ = matrixOf({{2, 0, 2}, {2, 0, 0}, {2, 1, 2}});
    scenario.wK = matrixOf({{2, 2, 2}, {0, 2, 1}, {0, 1, 1}});
    scenario.wV = matrixOf({{1, 1, 0}, {0, 1, 1}, {0, 0, 0}});
    return scenario;
}

/// Every optional part present and every option away from its default.
attn::Scenario everyOptionSet()
{
    attn::Scenario scenario;
    scenario.title = "Quotes \" and \\ backslashes, “typographic” too";
    scenario.description = "Line one\nline two\ttabbed; ünïcödé and 日本語";
    scenario.target.tokens = {"la", "maison", "bleue", "<pad>"};
    scenario.target.embeddings = matrixOf({{0.1, 0.2, 0.30000000000000004, -1.5},
                                           {1.0 / 3.0, -2.0 / 3.0, 1e-300, 5e-324},
                                           {-2.5e17, 123456.789, 0.0, 1.7976931348623157e308},
                                           {2.2250738585072014e-308, -0.1, 7.0, 0.5}});
    attn::Sequence source;
    source.tokens = {"the", "blue", "house", "<pad>"};
    source.embeddings = matrixOf({{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 0}});
    scenario.source = source;
    scenario.wQ = matrixOf({{0.5, -0.25, 1, 2}, {0, 1, 0, 1}, {1, 0, 1, 0}, {0.1, 0.2, 0.3, 0.4}});
    scenario.wK = matrixOf({{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}});
    scenario.wV = matrixOf({{1, 2}, {3, 4}, {5, 6}, {7, 8}});
    scenario.wO = matrixOf({{1, 0, 0.5}, {0, 1, -0.5}});
    scenario.heads = 2;
    scenario.score = attn::ScoreFunction::Additive;
    scenario.wA = matrixOf({{0.5, 0, 1}, {0, 0.5, -1}});
    scenario.uA = matrixOf({{1, 1, 0}, {-1, 0, 1}});
    scenario.vA = vectorOf({2, -1, 0.5});
    scenario.scale = attn::ScaleMode::Custom;
    scenario.scaleValue = 2.5;
    scenario.temperature = 0.7;
    scenario.mask = attn::MaskKind::Causal;
    scenario.padding = {false, false, false, true};
    scenario.span = attn::SpanKind::LocalP;
    scenario.window = 2;
    scenario.wP = matrixOf({{1, 0}, {0, 1}, {0.5, 0.5}, {-1, 2}});
    scenario.vP = vectorOf({1, -1});
    scenario.selection = attn::SelectionKind::Sample;
    scenario.seed = 12345;
    scenario.positional = attn::PositionalEncoding::Sinusoidal;
    return scenario;
}

QString tokensText(const std::vector<std::string> &tokens)
{
    QStringList list;
    for (const auto &token : tokens)
        list << QString::fromStdString(token);
    return list.join(QStringLiteral(" | "));
}

QString flagsText(const std::vector<bool> &flags)
{
    QString text;
    for (const bool flag : flags)
        text += flag ? QLatin1Char('1') : QLatin1Char('0');
    return text;
}

/// Fails the current test at the first field that differs. Matrices must be
/// equal to the bit. The divisor of a custom scale only counts when it is used.
void compareScenarios(const attn::Scenario &actual, const attn::Scenario &expected)
{
    QCOMPARE(QString::fromStdString(actual.title), QString::fromStdString(expected.title));
    QCOMPARE(QString::fromStdString(actual.description),
             QString::fromStdString(expected.description));
    QCOMPARE(tokensText(actual.target.tokens), tokensText(expected.target.tokens));
    VERIFY_MATRIX_EQUAL(actual.target.embeddings, expected.target.embeddings);
    QCOMPARE(actual.source.has_value(), expected.source.has_value());
    if (expected.source) {
        QCOMPARE(tokensText(actual.source->tokens), tokensText(expected.source->tokens));
        VERIFY_MATRIX_EQUAL(actual.source->embeddings, expected.source->embeddings);
    }
    VERIFY_MATRIX_EQUAL(actual.wQ, expected.wQ);
    VERIFY_MATRIX_EQUAL(actual.wK, expected.wK);
    VERIFY_MATRIX_EQUAL(actual.wV, expected.wV);
    QCOMPARE(actual.wO.has_value(), expected.wO.has_value());
    if (expected.wO)
        VERIFY_MATRIX_EQUAL(*actual.wO, *expected.wO);
    QCOMPARE(actual.heads, expected.heads);
    QCOMPARE(actual.score, expected.score);
    VERIFY_MATRIX_EQUAL(actual.wA, expected.wA);
    VERIFY_MATRIX_EQUAL(actual.uA, expected.uA);
    VERIFY_MATRIX_EQUAL(attn::Matrix(actual.vA), attn::Matrix(expected.vA));
    QCOMPARE(actual.scale, expected.scale);
    if (expected.scale == attn::ScaleMode::Custom)
        QCOMPARE(actual.scaleValue, expected.scaleValue);
    QCOMPARE(actual.temperature, expected.temperature);
    QCOMPARE(actual.mask, expected.mask);
    QCOMPARE(flagsText(actual.padding), flagsText(expected.padding));
    QCOMPARE(actual.span, expected.span);
    QCOMPARE(actual.window, expected.window);
    VERIFY_MATRIX_EQUAL(actual.wP, expected.wP);
    VERIFY_MATRIX_EQUAL(attn::Matrix(actual.vP), attn::Matrix(expected.vP));
    QCOMPARE(actual.selection, expected.selection);
    QCOMPARE(actual.seed, expected.seed);
    QCOMPARE(actual.positional, expected.positional);
}

/// A minimal valid file with `extra` merged in (and keys set to null removed).
QByteArray minimalFile(const QJsonObject &extra = {})
{
    QJsonObject root = QJsonDocument::fromJson(R"({
        "format": "attention-lab-scenario",
        "version": 1,
        "tokens": ["word_1", "word_2", "word_3", "word_4"],
        "embeddings": [[1, 0, 0], [0, 1, 0], [1, 1, 0], [0, 0, 1]],
        "w_q": [[2, 0, 2], [2, 0, 0], [2, 1, 2]],
        "w_k": [[2, 2, 2], [0, 2, 1], [0, 1, 1]],
        "w_v": [[1, 1, 0], [0, 1, 1], [0, 0, 0]]
    })")
                           .object();
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (it.value().isNull())
            root.remove(it.key());
        else
            root.insert(it.key(), it.value());
    }
    return QJsonDocument(root).toJson();
}

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestScenarioFile : public QObject
{
    Q_OBJECT

private slots:
    void roundTripKeepsEveryField_data();
    void roundTripKeepsEveryField();
    void roundTripThroughAFile();
    void writtenFileIsReadable();
    void missingKeysTakeTheDefaults();
    void nullMeansAbsent();
    void badInputNamesTheKey_data();
    void badInputNamesTheKey();
    void unreadableFileNamesTheFile();
    void unwritablePathLeavesNoFile_data();
    void unwritablePathLeavesNoFile();
    void saveReplacesAnExistingFile();
    void hugeFirstRowRejectedBeforeAllocation_data();
    void hugeFirstRowRejectedBeforeAllocation();
    void deviceAndFolderRefused_data();
    void deviceAndFolderRefused();
    void oversizedFileRefusedUnread();
};

void TestScenarioFile::roundTripKeepsEveryField_data()
{
    QTest::addColumn<attn::Scenario>("scenario");

    QTest::newRow("tutorial, defaults everywhere") << tutorialInputs();
    QTest::newRow("every option set, awkward doubles, unicode") << everyOptionSet();

    attn::Scenario general = tutorialInputs();
    general.score = attn::ScoreFunction::General;
    general.wA = matrixOf({{1, 0, 0}, {0, 2, 0}, {0, 0, 0.5}});
    general.scale = attn::ScaleMode::None;
    general.span = attn::SpanKind::LocalM;
    general.window = 0;
    general.selection = attn::SelectionKind::Hard;
    QTest::newRow("general score, no scaling, local-m with D = 0, hard") << general;

    attn::Scenario bigSeed = tutorialInputs();
    bigSeed.selection = attn::SelectionKind::Sample;
    bigSeed.seed = std::numeric_limits<std::uint64_t>::max();
    QTest::newRow("seed 2^64 - 1 (beyond what a JSON number holds exactly)") << bigSeed;

    attn::Scenario exactSeed = tutorialInputs();
    exactSeed.seed = 9007199254740992ULL; // 2^53, the largest written as a number
    QTest::newRow("seed 2^53") << exactSeed;
}

void TestScenarioFile::roundTripKeepsEveryField()
{
    QFETCH(attn::Scenario, scenario);
    const QByteArray json = attn::ui::writeScenario(scenario);
    const attn::ui::ScenarioReadResult read = attn::ui::readScenario(json, "round-trip.json");
    QVERIFY2(read.ok(), qPrintable(read.error + "\n" + json));
    compareScenarios(*read.scenario, scenario);
}

void TestScenarioFile::roundTripThroughAFile()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath("every option.json");
    QString error;
    QVERIFY2(attn::ui::writeScenarioFile(everyOptionSet(), path, &error), qPrintable(error));
    const attn::ui::ScenarioReadResult read = attn::ui::readScenarioFile(path);
    QVERIFY2(read.ok(), qPrintable(read.error));
    compareScenarios(*read.scenario, everyOptionSet());
    // Only the file itself: the temporary file of the save is gone.
    QCOMPARE(QDir(directory.path()).entryList(QDir::Files), QStringList{"every option.json"});
}

void TestScenarioFile::writtenFileIsReadable()
{
    const QByteArray json = attn::ui::writeScenario(tutorialInputs());
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(json, &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(root.value("format").toString(), QStringLiteral("attention-lab-scenario"));
    QCOMPARE(root.value("version").toInt(), 1);
    // It identifies itself first, and a matrix reads as rows, one per line.
    QVERIFY2(json.startsWith("{\n  \"format\": \"attention-lab-scenario\",\n  \"version\": 1,"),
             json.constData());
    QVERIFY2(json.contains("\n    [2, 0, 2],\n    [2, 0, 0],\n    [2, 1, 2]\n"), json.constData());
    QVERIFY2(json.contains("\"tokens\": [\"word_1\", \"word_2\", \"word_3\", \"word_4\"]"),
             json.constData());
}

void TestScenarioFile::missingKeysTakeTheDefaults()
{
    const attn::ui::ScenarioReadResult read = attn::ui::readScenario(minimalFile(), "minimal.json");
    QVERIFY2(read.ok(), qPrintable(read.error));
    const attn::Scenario &scenario = *read.scenario;
    // The tutorial's settings, as docs/scenario-format.md lists them.
    QCOMPARE(QString::fromStdString(scenario.title), QString());
    QCOMPARE(QString::fromStdString(scenario.description), QString());
    QVERIFY(!scenario.source.has_value());
    QVERIFY(!scenario.wO.has_value());
    QCOMPARE(scenario.heads, 1);
    QCOMPARE(scenario.score, attn::ScoreFunction::Dot);
    QCOMPARE(scenario.wA.size(), Eigen::Index(0));
    QCOMPARE(scenario.uA.size(), Eigen::Index(0));
    QCOMPARE(scenario.vA.size(), Eigen::Index(0));
    QCOMPARE(scenario.scale, attn::ScaleMode::SqrtHeadDim);
    QCOMPARE(scenario.temperature, 1.0);
    QCOMPARE(scenario.mask, attn::MaskKind::None);
    QVERIFY(scenario.padding.empty());
    QCOMPARE(scenario.span, attn::SpanKind::Global);
    QCOMPARE(scenario.window, 1);
    QCOMPARE(scenario.wP.size(), Eigen::Index(0));
    QCOMPARE(scenario.selection, attn::SelectionKind::Soft);
    QCOMPARE(scenario.seed, std::uint64_t(42));
    QCOMPARE(scenario.positional, attn::PositionalEncoding::None);
    compareScenarios(scenario, [] {
        attn::Scenario expected = tutorialInputs();
        expected.title.clear();
        return expected;
    }());

    // Inside "span" and "selection" too.
    const attn::ui::ScenarioReadResult nested = attn::ui::readScenario(
        minimalFile(object(R"({"span": {"type": "local-m"}, "selection": {"type": "sample"}})")),
        "nested.json");
    QVERIFY2(nested.ok(), qPrintable(nested.error));
    QCOMPARE(nested.scenario->span, attn::SpanKind::LocalM);
    QCOMPARE(nested.scenario->window, 1);
    QCOMPARE(nested.scenario->selection, attn::SelectionKind::Sample);
    QCOMPARE(nested.scenario->seed, std::uint64_t(42));
}

void TestScenarioFile::nullMeansAbsent()
{
    QByteArray json = minimalFile();
    json.insert(json.lastIndexOf('}'), ", \"w_o\": null, \"title\": null, \"span\": null");
    const attn::ui::ScenarioReadResult read = attn::ui::readScenario(json, "nulls.json");
    QVERIFY2(read.ok(), qPrintable(read.error));
    QVERIFY(!read.scenario->wO.has_value());
    QCOMPARE(read.scenario->span, attn::SpanKind::Global);
}

void TestScenarioFile::badInputNamesTheKey_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // what the message says after "broken.json: "

    QTest::newRow("not JSON")
        << QByteArray("{\"format\": \"attention-lab-scenario\",\n \"version\": }")
        << "not valid JSON at line 2, column "; // Qt places the offset near the '}'
    QTest::newRow("empty file") << QByteArray() << "not valid JSON at line 1, column 1";
    QTest::newRow("a list at the top level")
        << QByteArray("[1, 2]") << "expected a JSON object { … } at the top level, found a list";

    QTest::newRow("format missing") << minimalFile(object(R"({"format": null})"))
                                    << "format: this required key is missing; expected "
                                       "\"attention-lab-scenario\"";
    QTest::newRow("another format")
        << minimalFile(object(R"({"format": "lesson"})"))
        << "format: expected \"attention-lab-scenario\", found \"lesson\"; this is not an "
           "Attention Lab scenario";
    QTest::newRow("newer version")
        << minimalFile(object(R"({"version": 2, "brand_new_key": true})"))
        << "version: the file has version 2, but this Attention Lab reads version 1 and older";
    QTest::newRow("version 0") << minimalFile(object(R"({"version": 0})"))
                               << "version: expected 1, found 0";
    QTest::newRow("version as a string") << minimalFile(object(R"({"version": "1"})"))
                                         << "version: expected a whole number, found a string";

    QTest::newRow("w_q missing") << minimalFile(object(R"({"w_q": null})"))
                                 << "w_q: this required key is missing; expected a list of rows";
    QTest::newRow("tokens missing")
        << minimalFile(object(R"({"tokens": null})")) << "tokens: this required key is missing";
    QTest::newRow("string in a matrix cell")
        << minimalFile(object(R"({"w_k": [[2, 2, 2], [0, 2, 1], [0, 1, "1"]]})"))
        << "w_k[2][2]: expected a number, found a string";
    QTest::newRow("boolean in a matrix cell")
        << minimalFile(object(R"({"w_k": [[2, 2, 2], [0, 2, true], [0, 1, 1]]})"))
        << "w_k[1][2]: expected a number, found a boolean";
    QTest::newRow("row is a number")
        << minimalFile(object(R"({"w_v": [1, 2, 3]})"))
        << "w_v[0]: expected a row (a list of numbers), found a number";
    QTest::newRow("matrix is an object") << minimalFile(object(R"({"w_v": {"rows": 3}})"))
                                         << "w_v: expected a list of rows, found an object";
    QTest::newRow("ragged rows")
        << minimalFile(object(R"({"embeddings": [[1, 0, 0], [0, 1], [1, 1, 0], [0, 0, 1]]})"))
        << "embeddings[1]: expected 3 numbers like the first row, found 2";
    QTest::newRow("token is a number") << minimalFile(object(R"({"tokens": ["a", "b", 3, "d"]})"))
                                       << "tokens[2]: expected a string, found a number";
    QTest::newRow("source without embeddings")
        << minimalFile(object(R"({"source": {"tokens": ["x"]}})"))
        << "source.embeddings: this required key is missing";
    QTest::newRow("source embedding cell")
        << minimalFile(object(R"({"source": {"tokens": ["x"], "embeddings": [[1, null, 0]]}})"))
        << "source.embeddings[0][1]: expected a number, found null";
    QTest::newRow("fractional window")
        << minimalFile(object(R"({"span": {"type": "local-m", "window": 1.5}})"))
        << "span.window: expected a whole number, found 1.5";
    QTest::newRow("window as a string")
        << minimalFile(object(R"({"span": {"type": "local-m", "window": "2"}})"))
        << "span.window: expected a whole number, found a string";
    QTest::newRow("v_p cell") << minimalFile(object(R"({"span": {"v_p": [1, [2]]}})"))
                              << "span.v_p[1]: expected a number, found a list";
    QTest::newRow("unknown span type")
        << minimalFile(object(R"({"span": {"type": "local"}})"))
        << "span.type: expected one of \"global\", \"local-m\", \"local-p\", found \"local\"";
    QTest::newRow("unknown score") << minimalFile(object(R"({"score": "cosine"})"))
                                   << "score: expected one of \"dot\", \"general\", \"additive\", "
                                      "found \"cosine\"";
    QTest::newRow("mask as a boolean") << minimalFile(object(R"({"mask": true})"))
                                       << "mask: expected one of \"none\", \"causal\", found true";
    QTest::newRow("scale word") << minimalFile(object(R"({"scale": "sqrt"})"))
                                << "scale: expected \"sqrt_dk\", \"none\" or a number, found "
                                   "\"sqrt\"";
    QTest::newRow("padding flag as a number")
        << minimalFile(object(R"({"padding": [false, 1, false, false]})"))
        << "padding[1]: expected true or false, found a number";
    QTest::newRow("negative seed")
        << minimalFile(object(R"({"selection": {"type": "sample", "seed": -1}})"))
        << "selection.seed: expected a whole number from 0 to 2^53";
    QTest::newRow("heads as a fraction")
        << minimalFile(object(R"({"heads": 1.5})")) << "heads: expected a whole number, found 1.5";
    QTest::newRow("misspelt key") << minimalFile(object(R"({"temprature": 0.5})"))
                                  << "temprature: unknown key; expected one of: format, version";
    QTest::newRow("misspelt nested key")
        << minimalFile(object(R"({"span": {"type": "local-m", "windw": 2}})"))
        << "span.windw: unknown key; expected one of: type, window, w_p, v_p";

    // Parsed, then rejected by attn::validate(), still naming the key.
    QTest::newRow("w_k of the wrong shape")
        << minimalFile(object(R"({"w_k": [[2, 2], [0, 2], [0, 1]]})"))
        << "w_k: expected 3 × 3, found 3 × 2";
    QTest::newRow("more tokens than embeddings")
        << minimalFile(object(R"({"tokens": ["a", "b", "c", "d", "e"]})"))
        << "tokens: 5 token names for 4 embedding rows";
    QTest::newRow("no tokens") << minimalFile(object(R"({"tokens": [], "embeddings": []})"))
                               << "tokens: the sequence has no tokens";
    QTest::newRow("two heads for d_k = 3")
        << minimalFile(object(R"({"heads": 2})"))
        << "w_q: its 3 columns cannot be split into 2 equal heads";
    QTest::newRow("temperature 0") << minimalFile(object(R"({"temperature": 0})"))
                                   << "temperature: the temperature τ must be a number greater "
                                      "than 0, found 0";
    QTest::newRow("general score without w_a")
        << minimalFile(object(R"({"score": "general"})"))
        << "w_a: missing, but the chosen options need it";
    QTest::newRow("padding of the wrong length")
        << minimalFile(object(R"({"padding": [false, true]})"))
        << "padding: expected one flag per key token (4), found 2";
    QTest::newRow("infinity in w_q")
        << minimalFile(object(R"({"w_q": [[2, "inf", 2], [2, 0, 0], [2, 1, 2]]})"))
        << "w_q[0][1]: infinity is not a number the engine can use";
    QTest::newRow("negative window")
        << minimalFile(object(R"({"span": {"type": "local-m", "window": -1}})"))
        << "span.window: the window D must be 0 or more, found -1";
}

void TestScenarioFile::badInputNamesTheKey()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const attn::ui::ScenarioReadResult read = attn::ui::readScenario(json, "broken.json");
    QVERIFY2(!read.ok(), "the bad input was accepted");
    QVERIFY2(read.error.startsWith("broken.json: " + expected),
             qPrintable("message: " + read.error +
                        "\nexpected it to start with: broken.json: " + expected));
    QVERIFY2(!read.error.contains('\n'), qPrintable(read.error));
}

void TestScenarioFile::unreadableFileNamesTheFile()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString missing = directory.filePath("missing.json");
    attn::ui::ScenarioReadResult read = attn::ui::readScenarioFile(missing);
    QVERIFY(!read.ok());
    QVERIFY2(read.error.startsWith(QDir::toNativeSeparators(missing) + ": cannot read the file"),
             qPrintable(read.error));

    const QString broken = directory.filePath("broken.json");
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(minimalFile(object(R"({"w_k": [[2, 2, 2], [0, 2, 1], [0, 1, "1"]]})")));
    file.close();
    read = attn::ui::readScenarioFile(broken);
    QVERIFY(!read.ok());
    QCOMPARE(read.error,
             QDir::toNativeSeparators(broken) + ": w_k[2][2]: expected a number, found a string");
}

namespace {

/// A scenario file whose embeddings are `rows` as written, byte for byte.
QByteArray withEmbeddings(const QByteArray &rows)
{
    // toJson() writes the keys in order: "embeddings" comes right before "format".
    const QByteArray json = minimalFile();
    const qsizetype start = json.indexOf("\"embeddings\": ");
    const qsizetype end = json.indexOf("\"format\"");
    Q_ASSERT(start >= 0 && end > start);
    return json.left(start) + "\"embeddings\": " + rows + ",\n    " + json.mid(end);
}

QByteArray repeated(const QByteArray &item, int count)
{
    QByteArrayList items;
    for (int i = 0; i < count; ++i)
        items << item;
    return items.join(',');
}

} // namespace

// A 500 KB file whose first row holds 100 000 numbers, then 99 999 empty
// rows, once sized a 100 000 × 100 000 matrix (80 GB) and aborted with
// std::bad_alloc. The lengths are checked before anything is sized.
void TestScenarioFile::hugeFirstRowRejectedBeforeAllocation_data()
{
    QTest::addColumn<QByteArray>("embeddings");
    QTest::addColumn<QString>("expected");
    QTest::newRow("100 000 numbers, then 99 999 empty rows")
        << "[[" + repeated("0", 100000) + "]," + repeated("[]", 99999) + "]"
        << "embeddings: 100000 rows is more than the limit of 1024";
    QTest::newRow("one row of 100 000 numbers")
        << "[[" + repeated("0.5", 100000) + "]]"
        << "embeddings[0]: 100000 numbers in a row is more than the limit of 1024";
    QTest::newRow("1025 rows of one number")
        << "[" + repeated("[1]", 1025) + "]"
        << "embeddings: 1025 rows is more than the limit of 1024";
}

void TestScenarioFile::hugeFirstRowRejectedBeforeAllocation()
{
    QFETCH(QByteArray, embeddings);
    QFETCH(QString, expected);
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath("huge.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(withEmbeddings(embeddings)) > 0);
    file.close();
    const attn::ui::ScenarioReadResult read = attn::ui::readScenarioFile(path);
    QVERIFY(!read.ok());
    QCOMPARE(read.error, QDir::toNativeSeparators(path) + ": " + expected);
}

// /dev/zero never ends: reading it whole would fill the memory. A folder is
// no scenario either. Both are refused before anything is read.
void TestScenarioFile::deviceAndFolderRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("/dev/zero") << "/dev/zero"
                               << "/dev/zero: this is not a regular file (a device, a pipe or a "
                                  "socket); only files can be opened";
    QTest::newRow("a folder") << QDir::tempPath()
                              << QDir::toNativeSeparators(QDir::tempPath()) +
                                     ": this is a folder, not a file";
}

void TestScenarioFile::deviceAndFolderRefused()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    if (!QFileInfo::exists(path))
        QSKIP("this system has no such file");
    const attn::ui::ScenarioReadResult read = attn::ui::readScenarioFile(path);
    QVERIFY(!read.ok());
    QCOMPARE(read.error, expected);
}

// A file over 64 MiB is refused from its size, unread. The file is sparse
// (resize() writes no data), so the test costs no disk space.
void TestScenarioFile::oversizedFileRefusedUnread()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath("big.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(70LL * 1024 * 1024));
    file.close();
    const attn::ui::ScenarioReadResult read = attn::ui::readScenarioFile(path);
    QVERIFY(!read.ok());
    QCOMPARE(read.error, QDir::toNativeSeparators(path) +
                             QStringLiteral(": the file is %1 MiB; files over %2 MiB are not read")
                                 .arg(QLocale().toString(70.0, 'f', 1),
                                      QLocale().toString(64.0, 'f', 1)));
}

void TestScenarioFile::unwritablePathLeavesNoFile_data()
{
    QTest::addColumn<QString>("relativePath");
    // A regular file where a directory should be: fails even for root.
    QTest::newRow("parent is a file") << "blocker/scenario.json";
    QTest::newRow("parent does not exist") << "no/such/directory/scenario.json";
    QTest::newRow("path is a directory") << "a-directory";
}

void TestScenarioFile::unwritablePathLeavesNoFile()
{
    QFETCH(QString, relativePath);
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    QFile blocker(directory.filePath("blocker"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QVERIFY(QDir(directory.path()).mkdir("a-directory"));

    const QString path = directory.filePath(relativePath);
    QString error;
    QVERIFY(!attn::ui::writeScenarioFile(tutorialInputs(), path, &error));
    QVERIFY2(error.startsWith(QDir::toNativeSeparators(path) + ": cannot write the file: "),
             qPrintable(error));
    QVERIFY(!QFileInfo(path).isFile());
    QCOMPARE(
        QDir(directory.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
        (QStringList{"a-directory", "blocker"}));
    QVERIFY(QDir(directory.filePath("a-directory")).isEmpty());
}

void TestScenarioFile::saveReplacesAnExistingFile()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath("scenario.json");
    QVERIFY(attn::ui::writeScenarioFile(everyOptionSet(), path));
    QVERIFY(attn::ui::writeScenarioFile(tutorialInputs(), path));
    const attn::ui::ScenarioReadResult read = attn::ui::readScenarioFile(path);
    QVERIFY2(read.ok(), qPrintable(read.error));
    compareScenarios(*read.scenario, tutorialInputs());
}

QTEST_GUILESS_MAIN(TestScenarioFile)
#include "tst_scenario_file.moc"
