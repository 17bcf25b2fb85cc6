// The export dialog and File > Export, driven as a teacher does: choose a
// stage, a format and a size, watch the preview, copy the figure.

#include "document.h"
#include "export_actions.h"
#include "export_dialog.h"
#include "main_window.h"
#include "presets.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSpinBox>
#include <QtTest>

using namespace attn;
using namespace attn::ui;

class TestExportDialog : public QObject
{
    Q_OBJECT

private slots:
    void previewFollowsTheControls();
    void colorMapComboChangesThePreview();
    void copyPutsAnImageAndSvgOnTheClipboard();
    void fileMenuHasTheExports();
};

namespace {

Scenario tutorial()
{
    return *loadPreset(QStringLiteral("tutorial")).scenario;
}

} // namespace

void TestExportDialog::previewFollowsTheControls()
{
    Document document;
    document.reset(tutorial());
    ExportDialog dialog(&document);
    dialog.setStage(Stage::Weights, 0);
    QCOMPARE(dialog.options().stage, std::optional<Stage>(Stage::Weights));

    auto *preview = dialog.findChild<QLabel *>(QStringLiteral("exportPreview"));
    auto *pixels = dialog.findChild<QLabel *>(QStringLiteral("exportPixels"));
    QVERIFY(preview && pixels);
    QTRY_VERIFY(!preview->pixmap().isNull());
    // 1200 × 900 at the default 2×.
    QTRY_COMPARE(pixels->text(), QStringLiteral("2400 × 1800 pixels"));

    auto spins = dialog.findChildren<QSpinBox *>();
    QCOMPARE(spins.size(), 2);
    spins.at(0)->setValue(1600); // width
    QTRY_COMPARE(pixels->text(), QStringLiteral("3200 × 1800 pixels"));
    const QSize previewSize = preview->pixmap().deviceIndependentSize().toSize();
    QVERIFY2(
        previewSize.width() > previewSize.height() * 1.5,
        qPrintable(QStringLiteral("%1×%2").arg(previewSize.width()).arg(previewSize.height())));

    // Editing the scenario updates the preview's stage list (one head: no concat).
    QVERIFY(dialog.options().format == FigureOptions::Format::Png);
}

namespace {

/// Whether the image has a pixel within a few steps of `color`.
bool hasColor(const QImage &image, const QColor &color)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            if (std::abs(qRed(line[x]) - color.red()) <= 6 &&
                std::abs(qGreen(line[x]) - color.green()) <= 6 &&
                std::abs(qBlue(line[x]) - color.blue()) <= 6)
                return true;
        }
    }
    return false;
}

} // namespace

void TestExportDialog::colorMapComboChangesThePreview()
{
    Document document;
    document.reset(tutorial());
    ExportDialog dialog(&document);
    dialog.setStage(Stage::Weights, 0);
    auto *preview = dialog.findChild<QLabel *>(QStringLiteral("exportPreview"));
    auto *weights = dialog.findChild<QComboBox *>(QStringLiteral("exportProbabilityMap"));
    auto *signedMap = dialog.findChild<QComboBox *>(QStringLiteral("exportSignedMap"));
    QVERIFY(preview && weights && signedMap);
    // The weights take the sequential map; the other combo has nothing to do.
    QVERIFY(weights->isEnabled());
    QVERIFY(!signedMap->isEnabled());
    QCOMPARE(dialog.options().probabilityMap, ColorMap::Viridis);

    // The near-zero weights: viridis' dark purple (#440154), then magma's black (#000004).
    QTRY_VERIFY(!preview->pixmap().isNull());
    QTRY_VERIFY(hasColor(preview->pixmap().toImage(), QColor("#440154")));
    weights->setCurrentIndex(weights->findData(int(ColorMap::Magma)));
    QCOMPARE(dialog.options().probabilityMap, ColorMap::Magma);
    QTRY_VERIFY(!hasColor(preview->pixmap().toImage(), QColor("#440154")));
    QVERIFY(hasColor(preview->pixmap().toImage(), QColor("#000004")));

    // A signed stage: the diverging combo applies, and purple-orange reaches the figure.
    dialog.setStage(Stage::Scores, 0);
    QVERIFY(signedMap->isEnabled());
    QVERIFY(!weights->isEnabled());
    QCOMPARE(signedMap->findData(int(ColorMap::Cividis)), -1); // sequential maps are not offered
    signedMap->setCurrentIndex(signedMap->findData(int(ColorMap::PurpleOrange)));
    QCOMPARE(dialog.options().signedMap, ColorMap::PurpleOrange);
    // The tutorial's largest score, 14, ends the scale: PuOr's darkest orange.
    QTRY_VERIFY(hasColor(preview->pixmap().toImage(), QColor("#7f3b08")));
}

void TestExportDialog::copyPutsAnImageAndSvgOnTheClipboard()
{
    Document document;
    document.reset(tutorial());
    ExportDialog dialog(&document);
    dialog.setStage(Stage::Scores, 0);
    dialog.copyFigure();
    const QMimeData *data = QApplication::clipboard()->mimeData();
    QVERIFY(data);
    QVERIFY(data->hasImage());
    QCOMPARE(qvariant_cast<QImage>(data->imageData()).size(), QSize(2400, 1800));
    QVERIFY(data->data(QStringLiteral("image/svg+xml")).contains("word_1"));
}

void TestExportDialog::fileMenuHasTheExports()
{
    MainWindow window(tutorial());
    ExportActions *exports = window.exportActions();
    QVERIFY(exports);
    QStringList texts;
    for (QAction *action : exports->menu()->actions()) {
        if (!action->isSeparator())
            texts << action->text();
    }
    QCOMPARE(texts, QStringList({"&Figure…", "&Copy figure", "Pipeline &deck (PDF)…",
                                 "L&esson deck (PDF)…", "&NumPy script…", "&LaTeX…", "C&SV…"}));
    QCOMPARE(exports->copyFigureAction()->shortcut(),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));

    QApplication::clipboard()->clear();
    exports->copyFigureAction()->trigger();
    QVERIFY(QApplication::clipboard()->mimeData()->hasImage());
}

QTEST_MAIN(TestExportDialog)
#include "tst_export_dialog.moc"
