// The command line, run as a user runs it: the built attention-lab executable
// in a child process.
//
//   attention-lab compute FILE | compute --preset NAME   → the trace as JSON, exit 0
//   attention-lab presets                                → names and descriptions, exit 0
//   a bad file, key, preset or scenario                  → one line on stderr,
//                                                          nothing on stdout, exit 2
//
// Expected numbers: NumPy (np.random.seed(42); W_Q, W_K, W_V =
// np.random.randint(3, size=(3, 3)) in that order; softmax(QKᵀ/√3)).

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

namespace {

constexpr double tolerance = 1e-12;

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList &arguments,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(ATTENTION_LAB_EXE), arguments);
    Run result;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        result.err = "the process crashed or hung: " + process.errorString().toUtf8();
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString describe(const Run &result)
{
    return QStringLiteral("exit %1\n--- stdout:\n%2\n--- stderr:\n%3")
        .arg(result.exitCode)
        .arg(QString::fromUtf8(result.out.left(2000)), QString::fromUtf8(result.err));
}

/// A JSON number, or "inf" / "-inf" / "nan" as the trace writes them.
double cellValue(const QJsonValue &value)
{
    if (value.isString()) {
        const QString text = value.toString();
        if (text == "inf")
            return INFINITY;
        if (text == "-inf")
            return -INFINITY;
        return NAN;
    }
    return value.toDouble(NAN);
}

/// Fails the test at the first cell of a JSON matrix that differs from `expected`.
void compareMatrix(const QJsonValue &actual, const QList<QList<double>> &expected,
                   const QString &what)
{
    QVERIFY2(actual.isArray(), qPrintable(what + " is not a list of rows"));
    const QJsonArray rows = actual.toArray();
    QCOMPARE(rows.size(), expected.size());
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QJsonArray cells = rows.at(r).toArray();
        QCOMPARE(cells.size(), expected.at(r).size());
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const double value = cellValue(cells.at(c));
            const double want = expected.at(r).at(c);
            const bool same =
                std::isinf(want) ? value == want : std::abs(value - want) <= tolerance;
            QVERIFY2(same, qPrintable(QStringLiteral("%1[%2][%3] is %4, expected %5 (tolerance %6)")
                                          .arg(what)
                                          .arg(r)
                                          .arg(c)
                                          .arg(value, 0, 'g', 17)
                                          .arg(want, 0, 'g', 17)
                                          .arg(tolerance)));
        }
    }
}

const QList<QList<double>> numpyWeights = {
    {0.23608986335744747, 0.007389875548932189, 0.7491303855446881, 0.007389875548932189},
    {0.4548263225195752, 0.0451736774804248, 0.4548263225195752, 0.0451736774804248},
    {0.23927504868045535, 0.0007438700150519289, 0.7592372112894408, 0.0007438700150519289},
    {0.08995017535419739, 0.0028155406251633023, 0.9056536848050253, 0.0015805992156140561},
};

const QList<QList<double>> numpyOutput = {
    {0.9852202489021356, 1.741740509995756, 0.7565202610936204},
    {0.9096526450391504, 1.4096526450391504, 0.5},
    {0.9985122599698961, 1.7584933412743888, 0.7599810813044927},
    {0.9956038601592226, 1.9040730855894112, 0.9084692254301886},
};

/// The tutorial's example as a user would write it by hand.
const QByteArray tutorialFile = R"({
  "format": "attention-lab-scenario",
  "version": 1,
  "tokens": ["word_1", "word_2", "word_3", "word_4"],
  "embeddings": [[1, 0, 0], [0, 1, 0], [1, 1, 0], [0, 0, 1]],
  "w_q": [[2, 0, 2], [2, 0, 0], [2, 1, 2]],
  "w_k": [[2, 2, 2], [0, 2, 1], [0, 1, 1]],
  "w_v": [[1, 1, 0], [0, 1, 1], [0, 0, 0]]
}
)";

QString writeFile(const QTemporaryDir &directory, const QString &name, const QByteArray &content)
{
    const QString path = directory.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

/// Checks the trace JSON of the tutorial's example against NumPy.
void verifyTutorialTrace(const Run &result)
{
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY2(result.err.isEmpty(), qPrintable(describe(result)));
    QJsonParseError parseError;
    const QJsonObject trace = QJsonDocument::fromJson(result.out, &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));

    for (const char *key : {"q", "k", "v", "heads", "concat", "output"})
        QVERIFY2(trace.contains(key), key);
    compareMatrix(trace["q"], {{2, 0, 2}, {2, 0, 0}, {4, 0, 2}, {2, 1, 2}}, "q");
    compareMatrix(trace["k"], {{2, 2, 2}, {0, 2, 1}, {2, 4, 3}, {0, 1, 1}}, "k");
    compareMatrix(trace["v"], {{1, 1, 0}, {0, 1, 1}, {1, 2, 1}, {0, 0, 0}}, "v");

    const QJsonArray heads = trace["heads"].toArray();
    QCOMPARE(heads.size(), 1);
    const QJsonObject head = heads.at(0).toObject();
    for (const char *key : {"scores", "scaled", "masked", "weights", "output"})
        QVERIFY2(head.contains(key), key);
    const QList<QList<double>> scores = {
        {8, 2, 10, 2}, {4, 0, 4, 0}, {12, 2, 14, 2}, {10, 4, 14, 3}};
    compareMatrix(head["scores"], scores, "heads[0].scores");
    QList<QList<double>> scaled = scores;
    for (auto &row : scaled) {
        for (double &cell : row)
            cell /= std::sqrt(3.0);
    }
    compareMatrix(head["scaled"], scaled, "heads[0].scaled");
    compareMatrix(head["masked"], scaled, "heads[0].masked");
    compareMatrix(head["weights"], numpyWeights, "heads[0].weights");
    compareMatrix(head["output"], numpyOutput, "heads[0].output");
    compareMatrix(trace["concat"], numpyOutput, "concat");
    compareMatrix(trace["output"], numpyOutput, "output");
}

/// Exit 2, nothing on stdout, exactly one line on stderr.
void verifyOneError(const Run &result, const QString &mentions)
{
    QVERIFY2(result.exitCode == 2, qPrintable(describe(result)));
    QVERIFY2(result.out.isEmpty(), qPrintable(describe(result)));
    QVERIFY2(result.err.endsWith('\n') && result.err.count('\n') == 1,
             qPrintable(describe(result)));
    QVERIFY2(QString::fromUtf8(result.err).contains(mentions),
             qPrintable(describe(result) + "\nexpected the message to mention: " + mentions));
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void computePresetTutorialGivesNumPysNumbers();
    void computeFileGivesNumPysNumbers();
    void nonFiniteNumbersAreStrings();
    void presetsListsEveryPreset();
    void everyPresetComputes();
    void badInputIsOneMessageAndStatus2_data();
    void badInputIsOneMessageAndStatus2();
    void versionAndHelp();
    void commandsNeedNoDisplay();
};

void TestCli::computePresetTutorialGivesNumPysNumbers()
{
    verifyTutorialTrace(run({"compute", "--preset", "tutorial"}));
}

void TestCli::computeFileGivesNumPysNumbers()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    verifyTutorialTrace(run({"compute", writeFile(directory, "tutorial.json", tutorialFile)}));
}

void TestCli::nonFiniteNumbersAreStrings()
{
    // Causal mask on the tutorial: masked(i, j) = −∞ for j > i, weight exactly 0.
    const Run result = run({"compute", "--preset", "causal"});
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    const QJsonObject head =
        QJsonDocument::fromJson(result.out).object()["heads"].toArray().at(0).toObject();
    const double inverseSqrtDk = 1.0 / std::sqrt(3.0);
    compareMatrix(head["masked"],
                  {{8 * inverseSqrtDk, -INFINITY, -INFINITY, -INFINITY},
                   {4 * inverseSqrtDk, 0, -INFINITY, -INFINITY},
                   {12 * inverseSqrtDk, 2 * inverseSqrtDk, 14 * inverseSqrtDk, -INFINITY},
                   {10 * inverseSqrtDk, 4 * inverseSqrtDk, 14 * inverseSqrtDk, 3 * inverseSqrtDk}},
                  "heads[0].masked");
    QCOMPARE(head["masked"].toArray().at(0).toArray().at(1).toString(), QStringLiteral("-inf"));
    // Softmax over the visible keys only: row 1 sees scores 4 and 0, row 2 sees 12, 2, 14.
    const double a = std::exp(4 * inverseSqrtDk);
    const double b = std::exp(12 * inverseSqrtDk), c = std::exp(2 * inverseSqrtDk),
                 d = std::exp(14 * inverseSqrtDk);
    compareMatrix(head["weights"],
                  {{1, 0, 0, 0},
                   {a / (a + 1), 1 / (a + 1), 0, 0},
                   {b / (b + c + d), c / (b + c + d), d / (b + c + d), 0},
                   numpyWeights.at(3)},
                  "heads[0].weights");
    QCOMPARE(head["weights"].toArray().at(0).toArray().at(3).toDouble(), 0.0);
}

void TestCli::presetsListsEveryPreset()
{
    const Run result = run({"presets"});
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY2(result.err.isEmpty(), qPrintable(describe(result)));
    const QStringList lines = QString::fromUtf8(result.out).split('\n', Qt::SkipEmptyParts);
    QStringList names;
    for (const QString &line : lines) {
        const QStringList parts = line.split(' ', Qt::SkipEmptyParts);
        QVERIFY2(parts.size() >= 2, qPrintable("no description: " + line));
        names << parts.first();
    }
    QCOMPARE(names,
             (QStringList{"tutorial", "causal", "padding", "cross-attention", "local-m", "local-p",
                          "hard", "sampled", "general", "additive", "multi-head", "positional",
                          "image-patches"}));
}

void TestCli::everyPresetComputes()
{
    const Run list = run({"presets"});
    for (const QString &line : QString::fromUtf8(list.out).split('\n', Qt::SkipEmptyParts)) {
        const QString name = line.section(' ', 0, 0);
        const Run result = run({"compute", "--preset", name});
        QVERIFY2(result.exitCode == 0 && result.err.isEmpty(),
                 qPrintable(name + ": " + describe(result)));
        QVERIFY2(QJsonDocument::fromJson(result.out).object().contains("output"), qPrintable(name));
    }
}

void TestCli::badInputIsOneMessageAndStatus2_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("fileContent"); // written to FILE when an argument is "FILE"
    QTest::addColumn<QString>("mentions");

    QByteArray wrongType = tutorialFile;
    wrongType.replace("[0, 1, 1]]", "[0, 1, \"one\"]]");
    QByteArray wrongShape = tutorialFile;
    wrongShape.replace("\"w_v\": [[1, 1, 0], [0, 1, 1], [0, 0, 0]]", "\"w_v\": [[1, 1], [0, 1]]");
    QByteArray newer = tutorialFile;
    newer.replace("\"version\": 1", "\"version\": 7");

    QTest::newRow("missing file") << QStringList{"compute", "/no/such/scenario.json"}
                                  << QByteArray() << "/no/such/scenario.json";
    QTest::newRow("not JSON") << QStringList{"compute", "FILE"} << QByteArray("{\"tokens\": [")
                              << "not valid JSON";
    QTest::newRow("wrong type at a key") << QStringList{"compute", "FILE"} << wrongType
                                         << "w_k[2][2]: expected a number, found a string";
    QTest::newRow("invalid scenario")
        << QStringList{"compute", "FILE"} << wrongShape << "w_v: expected 3 × any, found 2 × 2";
    QTest::newRow("newer version") << QStringList{"compute", "FILE"} << newer << "version 7";
    QTest::newRow("unknown preset")
        << QStringList{"compute", "--preset", "nonexistent"} << QByteArray() << "nonexistent";
    QTest::newRow("compute without a scenario")
        << QStringList{"compute"} << QByteArray() << "compute";
    QTest::newRow("file and preset")
        << QStringList{"compute", "FILE", "--preset", "tutorial"} << tutorialFile << "--preset";
    QTest::newRow("unknown command") << QStringList{"explain"} << QByteArray() << "explain";
    QTest::newRow("unknown option")
        << QStringList{"compute", "--fast", "FILE"} << tutorialFile << "fast";
}

void TestCli::badInputIsOneMessageAndStatus2()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, fileContent);
    QFETCH(QString, mentions);
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    for (QString &argument : arguments) {
        if (argument == "FILE")
            argument = writeFile(directory, "scenario.json", fileContent);
    }
    verifyOneError(run(arguments), mentions);
}

void TestCli::versionAndHelp()
{
    const Run version = run({"--version"});
    QVERIFY2(version.exitCode == 0, qPrintable(describe(version)));
    QCOMPARE(version.out, QByteArray("attention-lab " ATTENTION_LAB_VERSION "\n"));

    const Run help = run({"--help"});
    QVERIFY2(help.exitCode == 0, qPrintable(describe(help)));
    const QString text = QString::fromUtf8(help.out);
    for (const char *mention : {"Usage:", "compute FILE", "--preset", "presets", "--version"})
        QVERIFY2(text.contains(mention), qPrintable(mention + ("\n" + text)));
}

void TestCli::commandsNeedNoDisplay()
{
    // No platform plugin and no display at all: a QApplication would abort here.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        environment.remove(name);
    const Run list = run({"presets"}, environment);
    QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
    verifyTutorialTrace(run({"compute", "--preset", "tutorial"}, environment));
    verifyOneError(run({"compute", "--preset", "nonexistent"}, environment), "nonexistent");
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
