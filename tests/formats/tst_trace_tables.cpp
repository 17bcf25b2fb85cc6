// The numbers as text: LaTeX bmatrix blocks for Beamer and CSV for a
// spreadsheet.
//
// Expected numbers by hand, from the tutorial: q_0 = [2, 0, 2] and the keys
// [2,2,2] [0,2,1] [2,4,3] [0,1,1] give scores 8, 2, 10, 2; the causal preset
// hides keys after the query (−∞ above the diagonal).

#include "export_fixture.h"
#include "trace_tables.h"

#include <QRegularExpression>
#include <QtTest>

using namespace attn;
using namespace attn::ui;
using export_fixture::preset;

namespace {

/// The bodies of the bmatrix environments, in order.
QStringList bmatrices(const QString &latex)
{
    QStringList bodies;
    const QRegularExpression block(
        QStringLiteral("\\\\begin\\{bmatrix\\}\\n(.*?)\\\\end\\{bmatrix\\}"),
        QRegularExpression::DotMatchesEverythingOption);
    for (auto it = block.globalMatch(latex); it.hasNext();)
        bodies << it.next().captured(1);
    return bodies;
}

} // namespace

class TestTraceTables : public QObject
{
    Q_OBJECT

private slots:
    void latexHasOneBmatrixPerStageAndHead_data();
    void latexHasOneBmatrixPerStageAndHead();
    void latexRowsAndCells();
    void latexDecimalsAndInfinity();
    void csvSectionsAsASpreadsheetReadsThem();
};

void TestTraceTables::latexHasOneBmatrixPerStageAndHead_data()
{
    QTest::addColumn<QString>("presetName");
    QTest::addColumn<int>("count");
    QTest::newRow("tutorial: 9 stages") << "tutorial" << 9;
    // 4 shared stages, 5 per-head stages × 2 heads, concat, projection.
    QTest::newRow("multi-head: 4 + 5 × 2 + 2") << "multi-head" << 16;
}

void TestTraceTables::latexHasOneBmatrixPerStageAndHead()
{
    QFETCH(QString, presetName);
    QFETCH(int, count);
    const auto computed = preset(presetName);
    const QString latex =
        QString::fromUtf8(traceLatex(computed.scenario, computed.trace, std::nullopt, 2));
    QCOMPARE(latex.count(QLatin1String("\\begin{bmatrix}")), count);
    QCOMPARE(latex.count(QLatin1String("\\end{bmatrix}")), count);
    QCOMPARE(latex.count(QLatin1String("\\[")), count);
    QCOMPARE(latex.count(QLatin1String("\\]")), count);
}

void TestTraceTables::latexRowsAndCells()
{
    const auto computed = preset(QStringLiteral("tutorial"));
    const QString latex =
        QString::fromUtf8(traceLatex(computed.scenario, computed.trace, Stage::Scores, 2));
    QVERIFY(latex.contains(QLatin1String("\\mathrm{scores} =")));
    const QStringList bodies = bmatrices(latex);
    QCOMPARE(bodies.size(), 1);
    // 4 rows: three "\\" between them, none after the last; 4 cells a row.
    const QStringList rows = bodies.first().trimmed().split(QStringLiteral("\\\\"));
    QCOMPARE(rows.size(), 4);
    for (const QString &row : rows)
        QCOMPARE(row.count(QLatin1Char('&')), 3);
    QCOMPARE(rows.first().trimmed(), QStringLiteral("8 & 2 & 10 & 2"));
}

void TestTraceTables::latexDecimalsAndInfinity()
{
    const auto computed = preset(QStringLiteral("causal"));
    const QString latex =
        QString::fromUtf8(traceLatex(computed.scenario, computed.trace, Stage::Masked, 3));
    const QStringList rows = bmatrices(latex).value(0).trimmed().split(QStringLiteral("\\\\"));
    QVERIFY(rows.size() >= 2);
    // Row 0 sees only key 0: every other cell is −∞.
    const QStringList first = rows.first().split(QLatin1Char('&'));
    for (int column = 1; column < first.size(); ++column)
        QCOMPARE(first.at(column).trimmed(), QStringLiteral("-\\infty"));
    // Decimals: every finite non-integer has exactly three.
    const QRegularExpression number(QStringLiteral("-?\\d+\\.(\\d+)"));
    for (auto it = number.globalMatch(latex.mid(latex.indexOf(QLatin1String("\\begin"))));
         it.hasNext();)
        QCOMPARE(it.next().captured(1).size(), 3);
}

void TestTraceTables::csvSectionsAsASpreadsheetReadsThem()
{
    const auto computed = preset(QStringLiteral("tutorial"));
    const QByteArray bytes = traceCsv(computed.scenario, computed.trace);
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // UTF-8 byte-order mark
    const QString text = QString::fromUtf8(bytes.mid(3));
    const QStringList sections = text.split(QStringLiteral("\r\n\r\n"));
    QCOMPARE(sections.size(), 9);
    const QStringList scores = sections.at(4).split(QStringLiteral("\r\n"));
    QVERIFY2(scores.at(0).startsWith(QLatin1String("Scores")), qPrintable(scores.at(0)));
    QCOMPARE(scores.at(1), QStringLiteral(",word_1,word_2,word_3,word_4"));
    QCOMPARE(scores.at(2), QStringLiteral("word_1,8,2,10,2"));
    // Every digit: scaled[0][0] = 8 / √3 reads back to within one rounding.
    const QStringList scaled = sections.at(5).split(QStringLiteral("\r\n"));
    const double value = scaled.at(2).split(QLatin1Char(',')).at(1).toDouble();
    QVERIFY2(std::abs(value - 8.0 / std::sqrt(3.0)) <= 1e-15, qPrintable(scaled.at(2)));
}

QTEST_MAIN(TestTraceTables)
#include "tst_trace_tables.moc"
