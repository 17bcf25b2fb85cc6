// The exported NumPy script is a second, independent implementation of the
// maths (written from the formulas of the scenario format, not from the
// engine): run with /usr/bin/python3 and NumPy, its --json output must match
// `compute` key for key and cell for cell, to 1e-9, for every kind of
// scenario — dot, general, additive, masks, local-m/p, hard and sampled
// selection (SplitMix64 across heads), multi-head with W_O, positions and
// cross-attention.

#include "attention.h"
#include "export_fixture.h"
#include "numpy_script.h"
#include "scenario_file.h"
#include "trace_json.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace attn;
using namespace attn::ui;

class TestNumpyScript : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void scriptReproducesTheEngine_data();
    void scriptReproducesTheEngine();
    void readableOutputRuns();

private:
    QTemporaryDir m_dir;
};

namespace {

constexpr double tolerance = 1e-9;
const QString python = QStringLiteral("/usr/bin/python3");

/// Everything at once: two heads of cross-attention with positions, a causal
/// mask and a padded first key (so query 0 sees nothing), additive score,
/// sampled selection and W_O.
const char *everythingScenario = R"({
  "format": "attention-lab-scenario", "version": 1,
  "title": "Everything at once: it's all here \\ \u00e9",
  "tokens": ["le", "chat", "noir"],
  "embeddings": [[1, 0, 0.5, 1], [0, 1, 1, 0], [0.25, -1, 0, 2]],
  "source": {"tokens": ["the", "black", "cat", "<pad>"],
             "embeddings": [[1, 0, 0, 0], [0, 1, 1, 0], [0.5, 0.5, -1, 1], [0, 0, 0, 0]]},
  "w_q": [[1, 0, 0, 1], [0, 1, 1, 0], [0, 1, 0, 1], [1, 0, 1, 0]],
  "w_k": [[1, 0, 1, 0], [0, 1, 0, 1], [0, 1, 1, 0], [1, 0, 0, 1]],
  "w_v": [[1, 0], [0, 1], [1, 1], [0, 0.5]],
  "w_o": [[1, 0.5, 0], [0.5, 1, -1]],
  "heads": 2,
  "score": "additive",
  "w_a": [[1, 0.5, 0], [0, 2, 1]], "u_a": [[0.5, 0, 1], [1, 1, 0]], "v_a": [1, -0.5, 2],
  "scale": 1.7, "temperature": 0.8,
  "mask": "causal", "padding": [true, false, false, false],
  "selection": {"type": "sample", "seed": "18446744073709551615"},
  "positional": "sinusoidal"
})";

const char *localMGeneral = R"({
  "format": "attention-lab-scenario", "version": 1,
  "tokens": ["a", "b", "c", "d", "e"],
  "embeddings": [[1, 0], [0, 1], [1, 1], [0.5, -0.5], [2, 0]],
  "w_q": [[1, 0], [0, 1]], "w_k": [[0, 1], [1, 0]], "w_v": [[1, 2], [3, 4]],
  "score": "general", "w_a": [[1, 2], [0, 1]],
  "scale": "none",
  "span": {"type": "local-m", "window": 1},
  "selection": {"type": "hard"}
})";

double cell(const QJsonValue &value)
{
    if (value.isString()) {
        const QString text = value.toString();
        if (text == QLatin1String("inf"))
            return INFINITY;
        if (text == QLatin1String("-inf"))
            return -INFINITY;
        return NAN;
    }
    return value.toDouble(NAN);
}

/// Compares two JSON values; the first difference, as a message, or empty.
QString difference(const QJsonValue &expected, const QJsonValue &actual, const QString &path)
{
    if (expected.isObject()) {
        if (!actual.isObject())
            return path + QStringLiteral(": not an object");
        const QJsonObject e = expected.toObject();
        const QJsonObject a = actual.toObject();
        if (e.keys() != a.keys())
            return path +
                   QStringLiteral(": keys differ: engine %1, script %2")
                       .arg(e.keys().join(QLatin1Char(',')), a.keys().join(QLatin1Char(',')));
        for (const QString &key : e.keys()) {
            const QString found = difference(e.value(key), a.value(key), path + '.' + key);
            if (!found.isEmpty())
                return found;
        }
        return {};
    }
    if (expected.isArray()) {
        if (!actual.isArray() || expected.toArray().size() != actual.toArray().size())
            return path + QStringLiteral(": lists of different lengths");
        for (qsizetype i = 0; i < expected.toArray().size(); ++i) {
            const QString found = difference(expected.toArray().at(i), actual.toArray().at(i),
                                             path + QStringLiteral("[%1]").arg(i));
            if (!found.isEmpty())
                return found;
        }
        return {};
    }
    if (expected.isBool() || (expected.isString() && cell(expected) != cell(expected)))
        return expected == actual ? QString()
                                  : path + QStringLiteral(": engine %1, script %2")
                                               .arg(expected.toVariant().toString(),
                                                    actual.toVariant().toString());
    if (expected.isString() && !QStringList{"inf", "-inf", "nan"}.contains(expected.toString()))
        return expected == actual ? QString() : path + QStringLiteral(": strings differ");
    const double e = cell(expected);
    const double a = cell(actual);
    if (std::isinf(e) || std::isinf(a))
        return e == a ? QString() : path + QStringLiteral(": engine %1, script %2").arg(e).arg(a);
    if (!(std::abs(e - a) <= tolerance))
        return path + QStringLiteral(": engine %1, script %2, difference %3 > %4")
                          .arg(e, 0, 'g', 17)
                          .arg(a, 0, 'g', 17)
                          .arg(std::abs(e - a))
                          .arg(tolerance);
    return {};
}

} // namespace

void TestNumpyScript::initTestCase()
{
    QProcess probe;
    probe.start(python, {QStringLiteral("-c"), QStringLiteral("import numpy")});
    if (!probe.waitForFinished(30000) || probe.exitStatus() != QProcess::NormalExit ||
        probe.exitCode() != 0)
        QSKIP("/usr/bin/python3 with NumPy is not installed (apt-get install python3-numpy)");
}

void TestNumpyScript::scriptReproducesTheEngine_data()
{
    QTest::addColumn<QByteArray>("json"); // a scenario, or empty for the preset
    QTest::addColumn<QString>("presetName");
    for (const char *name :
         {"tutorial", "causal", "padding", "local-m", "local-p", "hard", "sampled", "general",
          "multi-head", "cross-attention", "additive", "positional"})
        QTest::newRow(name) << QByteArray() << QString::fromLatin1(name);
    QTest::newRow("everything at once: 2 sampled heads, padded first key, W_O")
        << QByteArray(everythingScenario) << QString();
    QTest::newRow("local-m with the general score, hard, unscaled")
        << QByteArray(localMGeneral) << QString();
}

void TestNumpyScript::scriptReproducesTheEngine()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, presetName);

    Scenario scenario;
    if (json.isEmpty()) {
        scenario = export_fixture::preset(presetName).scenario;
    } else {
        const ScenarioReadResult read = readScenario(json, QStringLiteral("test scenario"));
        QVERIFY2(read.ok(), qPrintable(read.error));
        scenario = *read.scenario;
    }
    const Result<Trace> trace = compute(scenario);
    QVERIFY(trace);

    const QString path = m_dir.filePath(QStringLiteral("%1.py")
                                            .arg(QTest::currentDataTag())
                                            .replace(QRegularExpression("[^a-z0-9.]+"), "_"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(numpyScript(scenario));
    file.close();

    QProcess process;
    process.start(python, {path, QStringLiteral("--json")});
    QVERIFY(process.waitForFinished(60000));
    const QByteArray errors = process.readAllStandardError();
    QVERIFY2(process.exitCode() == 0, errors.constData());
    QJsonParseError parseError;
    const QJsonDocument printed =
        QJsonDocument::fromJson(process.readAllStandardOutput(), &parseError);
    QVERIFY2(!printed.isNull(), qPrintable(parseError.errorString()));

    const QString found =
        difference(traceToJson(scenario, *trace), printed.object(), QStringLiteral("trace"));
    QVERIFY2(found.isEmpty(), qPrintable(found));
}

void TestNumpyScript::readableOutputRuns()
{
    const Scenario scenario = export_fixture::preset(QStringLiteral("multi-head")).scenario;
    const QString path = m_dir.filePath(QStringLiteral("readable.py"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(numpyScript(scenario));
    file.close();
    QProcess process;
    process.start(python, {path});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QString text = QString::fromUtf8(process.readAllStandardOutput());
    for (const char *expected : {"Q = X W_Q", "head 2: scores", "concat", "output = concat W_O"})
        QVERIFY2(text.contains(QLatin1String(expected)), qPrintable(text));
}

QTEST_MAIN(TestNumpyScript)
#include "tst_numpy_script.moc"
