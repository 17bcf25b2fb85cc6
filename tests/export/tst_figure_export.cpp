// Figures for slides: one stage's heatmap or the whole pipeline, as PNG, SVG
// and PDF, drawn headless.
//
//   PNG      size × scale pixels, white (light), dark (dark) or clear (transparent)
//   SVG      well-formed XML, token names as <text>, DejaVu Sans named
//   PDF      one page of the requested size, the title and token names as text
//   failure  an unwritable destination leaves no file behind

#include "export_fixture.h"
#include "figure_export.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>
#include <algorithm>

using namespace attn;
using namespace attn::ui;
using export_fixture::preset;

class TestFigureExport : public QObject
{
    Q_OBJECT

private slots:
    void pngHasTheRequestedPixels_data();
    void pngHasTheRequestedPixels();
    void lightThemeIsWhiteDarkThemeIsDark();
    void transparentBackgroundIsClear();
    void svgIsXmlWithTheTokenNamesAsText_data();
    void svgIsXmlWithTheTokenNamesAsText();
    void pdfIsOnePageWithVectorText();
    void everyStageOfEveryPresetDraws();
    void unwritableDestinationLeavesNoFile();
};

void TestFigureExport::pngHasTheRequestedPixels_data()
{
    QTest::addColumn<QString>("presetName");
    QTest::addColumn<int>("stage"); // −1: the pipeline
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    QTest::addColumn<QSize>("pixels");

    QTest::newRow("weights 800×600 at 1×")
        << "tutorial" << int(Stage::Weights) << QSize(800, 600) << 1.0 << QSize(800, 600);
    QTest::newRow("weights 800×600 at 2×")
        << "tutorial" << int(Stage::Weights) << QSize(800, 600) << 2.0 << QSize(1600, 1200);
    QTest::newRow("scores 1280×720 at 3× (4K slide)")
        << "tutorial" << int(Stage::Scores) << QSize(1280, 720) << 3.0 << QSize(3840, 2160);
    QTest::newRow("smallest, 200×200")
        << "tutorial" << int(Stage::Queries) << QSize(200, 200) << 1.0 << QSize(200, 200);
    QTest::newRow("pipeline 1600×900 at 2×")
        << "tutorial" << -1 << QSize(1600, 900) << 2.0 << QSize(3200, 1800);
    QTest::newRow("multi-head pipeline 1200×900")
        << "multi-head" << -1 << QSize(1200, 900) << 1.0 << QSize(1200, 900);
}

void TestFigureExport::pngHasTheRequestedPixels()
{
    QFETCH(QString, presetName);
    QFETCH(int, stage);
    QFETCH(QSize, size);
    QFETCH(double, scale);
    QFETCH(QSize, pixels);

    const auto computed = preset(presetName);
    FigureOptions options;
    if (stage >= 0)
        options.stage = Stage(stage);
    options.size = size;
    options.scale = scale;
    options.format = FigureOptions::Format::Png;

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("figure.png"));
    QString error;
    QVERIFY2(exportFigure(computed.scenario, computed.trace, options, path, &error),
             qPrintable(error));
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    QCOMPARE(image.size(), pixels);
}

void TestFigureExport::lightThemeIsWhiteDarkThemeIsDark()
{
    const auto computed = preset(QStringLiteral("tutorial"));
    FigureRenderer renderer(computed.scenario, computed.trace);
    FigureOptions options;
    options.stage = Stage::Weights;
    options.size = QSize(600, 400);

    const QImage light = renderer.image(options);
    QCOMPARE(light.pixelColor(2, 2), QColor(Qt::white));
    QCOMPARE(light.pixelColor(light.width() - 3, light.height() - 3), QColor(Qt::white));

    options.theme = FigureOptions::Theme::Dark;
    const QImage dark = renderer.image(options);
    QVERIFY2(dark.pixelColor(2, 2).lightness() < 60, qPrintable(dark.pixelColor(2, 2).name()));
}

void TestFigureExport::transparentBackgroundIsClear()
{
    const auto computed = preset(QStringLiteral("tutorial"));
    FigureRenderer renderer(computed.scenario, computed.trace);
    FigureOptions options;
    options.stage = Stage::Scores;
    options.size = QSize(600, 400);
    options.transparent = true;
    const QImage image = renderer.image(options);
    QCOMPARE(image.pixelColor(1, 1).alpha(), 0);
    // The cells are still painted.
    QCOMPARE(image.pixelColor(image.width() / 2, image.height() / 2).alpha(), 255);
}

void TestFigureExport::svgIsXmlWithTheTokenNamesAsText_data()
{
    QTest::addColumn<QString>("presetName");
    QTest::addColumn<int>("stage");
    QTest::addColumn<QStringList>("words");

    QTest::newRow("tutorial weights")
        << "tutorial" << int(Stage::Weights) << QStringList{"word_1", "word_2", "word_3", "word_4"};
    QTest::newRow("cross-attention weights, both sentences")
        << "cross-attention" << int(Stage::Weights)
        << QStringList{"la", "maison", "bleue", "the", "blue", "house"};
    QTest::newRow("pipeline") << "tutorial" << -1
                              << QStringList{"word_1", "word_4", "Attention weights", "Scores"};
}

void TestFigureExport::svgIsXmlWithTheTokenNamesAsText()
{
    QFETCH(QString, presetName);
    QFETCH(int, stage);
    QFETCH(QStringList, words);

    const auto computed = preset(presetName);
    FigureOptions options;
    if (stage >= 0)
        options.stage = Stage(stage);
    options.format = FigureOptions::Format::Svg;
    FigureRenderer renderer(computed.scenario, computed.trace);
    const QByteArray svg = renderer.bytes(options);

    QXmlStreamReader xml(svg);
    QStringList texts;
    QSet<QString> families;
    bool inText = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text")) {
            inText = true;
            families << xml.attributes().value(QStringLiteral("font-family")).toString();
        } else if (xml.isEndElement() && xml.name() == QLatin1String("text")) {
            inText = false;
        } else if (inText && xml.isCharacters()) {
            texts << xml.text().toString().trimmed();
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    // Token names are text elements of their own; stage titles begin one.
    for (const QString &word : words)
        QVERIFY2(std::any_of(texts.begin(), texts.end(),
                             [&word](const QString &text) { return text.startsWith(word); }),
                 qPrintable(word +
                            " is not a text element; texts: " + texts.join(QStringLiteral(" | "))));
    QCOMPARE(families, QSet<QString>{QStringLiteral("DejaVu Sans")});
}

void TestFigureExport::pdfIsOnePageWithVectorText()
{
    if (!export_fixture::hasPoppler())
        QSKIP("pdfinfo and pdftotext (poppler-utils) are not installed");
    const auto computed = preset(QStringLiteral("tutorial"));
    FigureOptions options;
    options.stage = Stage::Weights;
    options.size = QSize(1200, 900); // 12.5 × 9.375 in = 900 × 675 pt
    options.format = FigureOptions::Format::Pdf;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("weights.pdf"));
    QString error;
    QVERIFY2(exportFigure(computed.scenario, computed.trace, options, path, &error),
             qPrintable(error));
    QCOMPARE(export_fixture::pdfPageCount(path), 1);
    QCOMPARE(export_fixture::pdfPageSize(path), QStringLiteral("900 x 675 pts"));
    const QString text = export_fixture::pdfText(path);
    for (const char *expected :
         {"Attention weights", "word_1", "word_4", "keys", "queries", "0.75"})
        QVERIFY2(text.contains(QLatin1String(expected)),
                 qPrintable(expected + (" not in:\n" + text)));
}

void TestFigureExport::everyStageOfEveryPresetDraws()
{
    // Not one preset/stage/format combination comes out empty.
    for (const QString name : {"tutorial", "multi-head", "cross-attention", "causal", "local-p"}) {
        const auto computed = preset(name);
        FigureRenderer renderer(computed.scenario, computed.trace);
        for (int stage = 0; stage < stageCount; ++stage) {
            FigureOptions options;
            options.stage = Stage(stage);
            options.head = computed.trace.headCount() - 1;
            options.size = QSize(640, 480);
            for (auto format : {FigureOptions::Format::Png, FigureOptions::Format::Svg,
                                FigureOptions::Format::Pdf}) {
                options.format = format;
                QVERIFY2(renderer.bytes(options).size() > 1000,
                         qPrintable(QStringLiteral("%1, stage %2, %3")
                                        .arg(name)
                                        .arg(stage)
                                        .arg(formatSuffix(format))));
            }
        }
    }
}

void TestFigureExport::unwritableDestinationLeavesNoFile()
{
    const auto computed = preset(QStringLiteral("tutorial"));
    QTemporaryDir dir;
    FigureOptions options;
    options.stage = Stage::Weights;
    options.format = FigureOptions::Format::Pdf;

    // A folder that does not exist, and a path that is a folder.
    const QString missing = dir.filePath(QStringLiteral("no/such/folder/weights.pdf"));
    QString error;
    QVERIFY(!exportFigure(computed.scenario, computed.trace, options, missing, &error));
    QVERIFY2(error.contains(missing), qPrintable(error));
    QVERIFY(!QFile::exists(missing));

    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("taken")));
    const QString folder = dir.filePath(QStringLiteral("taken"));
    error.clear();
    QVERIFY(!exportFigure(computed.scenario, computed.trace, options, folder, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());
}

QTEST_MAIN(TestFigureExport)
#include "tst_figure_export.moc"
