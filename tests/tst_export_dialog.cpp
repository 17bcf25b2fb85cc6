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
