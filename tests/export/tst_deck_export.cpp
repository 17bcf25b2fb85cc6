// The pipeline deck: a title page, then one page per stage with its title,
// its formula with the current numbers and its heatmap. Read back with
// poppler's pdfinfo and pdftotext.
//
// Expected text by hand: the tutorial has d_k = 3, so the scaled stage says
// √3 = 1.732; score[0] = q_0·k_j = [2,0,2]·… = 8, 2, 10, 2.

#include "deck_export.h"
#include "export_fixture.h"
#include "lesson.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace attn;
using namespace attn::ui;
using export_fixture::preset;

class TestDeckExport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void onePagePerStageAndATitlePage_data();
    void onePagePerStageAndATitlePage();
    void pagesCarryTitlesAndFormulas();
    void pageSizes_data();
    void pageSizes();
    void lessonDeckHasAPagePerStep();

private:
    QString writeDeck(const QString &presetName, const DeckOptions &options);
    QTemporaryDir m_dir;
};

void TestDeckExport::init()
{
    if (!export_fixture::hasPoppler())
        QSKIP("pdfinfo and pdftotext (poppler-utils) are not installed");
}

QString TestDeckExport::writeDeck(const QString &presetName, const DeckOptions &options)
{
    const auto computed = preset(presetName);
    const QString path = m_dir.filePath(presetName + QStringLiteral(".pdf"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(pipelineDeck(computed.scenario, computed.trace, options));
    return path;
}

void TestDeckExport::onePagePerStageAndATitlePage_data()
{
    QTest::addColumn<QString>("presetName");
    QTest::addColumn<int>("pages");
    // embeddings … output are 9 stages; concat with several heads, projected with W_O.
    QTest::newRow("tutorial: 9 stages") << "tutorial" << 1 + 9;
    QTest::newRow("causal: 9 stages") << "causal" << 1 + 9;
    QTest::newRow("multi-head: + concat + projection") << "multi-head" << 1 + 11;
}

void TestDeckExport::onePagePerStageAndATitlePage()
{
    QFETCH(QString, presetName);
    QFETCH(int, pages);
    const QString path = writeDeck(presetName, DeckOptions());
    QCOMPARE(export_fixture::pdfPageCount(path), pages);
}

void TestDeckExport::pagesCarryTitlesAndFormulas()
{
    const QString path = writeDeck(QStringLiteral("tutorial"), DeckOptions());
    const QString text = export_fixture::pdfText(path);
    const QStringList pages = text.split(QLatin1Char('\f'));
    QVERIFY2(pages.size() >= 10, qPrintable(text));
    QVERIFY(pages.at(0).contains(QLatin1String("Attention from scratch")));
    QVERIFY(pages.at(0).contains(QLatin1String("word_1")));
    const QStringList titles = {"Embeddings", "Queries",       "Keys",          "Values",
                                "Scores",     "Scaled scores", "Masked scores", "Attention weights",
                                "Output"};
    for (int index = 0; index < titles.size(); ++index) {
        const QString &page = pages.at(index + 1);
        QVERIFY2(page.contains(titles.at(index)),
                 qPrintable(titles.at(index) + " not on page " + QString::number(index + 2) +
                            ":\n" + page));
        QVERIFY2(page.contains(QStringLiteral("Stage %1 of 9").arg(index + 1)), qPrintable(page));
        QVERIFY2(page.contains(QLatin1String("word_1")), qPrintable(page));
    }
    QVERIFY2(pages.at(6).contains(QLatin1String("1.732")), qPrintable(pages.at(6)));
    QVERIFY2(pages.at(5).contains(QLatin1String("10")), qPrintable(pages.at(5)));
}

void TestDeckExport::pageSizes_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<QString>("size");
    QTest::newRow("16:9, 13.33 × 7.5 in") << int(DeckOptions::Page::Widescreen) << "960 x 540 pts";
    QTest::newRow("A4 landscape") << int(DeckOptions::Page::A4Landscape) << "842 x 595 pts (A4)";
}

void TestDeckExport::pageSizes()
{
    QFETCH(int, page);
    QFETCH(QString, size);
    DeckOptions options;
    options.page = DeckOptions::Page(page);
    const QString path = writeDeck(QStringLiteral("tutorial"), options);
    QVERIFY(export_fixture::pdfPageSize(path).startsWith(size.left(13)));
}

void TestDeckExport::lessonDeckHasAPagePerStep()
{
    const LessonLoadResult loaded = loadLesson(QLatin1String(shippedLessonPath));
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    const Lesson &lesson = *loaded.lesson;
    const auto start = preset(QStringLiteral("tutorial"));
    const QString path = m_dir.filePath(QStringLiteral("lesson.pdf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(lessonDeck(lesson, start.scenario, DeckOptions()));
    file.close();
    QCOMPARE(export_fixture::pdfPageCount(path), lesson.stepCount() + 1);
    const QString text = export_fixture::pdfText(path);
    const QStringList pages = text.split(QLatin1Char('\f'));
    QVERIFY(pages.at(0).contains(lesson.title));
    const LessonStep &first = lesson.step(0, 0);
    QVERIFY2(pages.at(1).simplified().contains(first.text.title.simplified()),
             qPrintable(first.text.title + " not on page 2:\n" + pages.at(1)));
}

QTEST_MAIN(TestDeckExport)
#include "tst_deck_export.moc"
