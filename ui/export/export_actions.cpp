#include "export_actions.h"

#include "deck_export.h"
#include "document.h"
#include "export_dialog.h"
#include "figure_export.h"
#include "file_writer.h"
#include "lesson.h"
#include "numpy_script.h"
#include "presets.h"
#include "stage_labels.h"
#include "trace_tables.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>

namespace attn::ui {

ExportActions::ExportActions(Document *document, QWidget *window)
    : QObject(window), m_document(document), m_window(window)
{
    m_menu = new QMenu(tr("E&xport"), window);
    m_figureAction = m_menu->addAction(tr("&Figure…"), this, &ExportActions::exportFigure);
    m_figureAction->setToolTip(tr("A stage's heatmap or the whole pipeline as PNG, SVG or PDF"));
    m_copyAction = m_menu->addAction(tr("&Copy figure"), this, &ExportActions::copyFigure);
    m_copyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyAction->setToolTip(tr("Copy the current stage's heatmap as an image (Ctrl+Shift+C)"));
    m_menu->addSeparator();
    m_menu->addAction(tr("Pipeline &deck (PDF)…"), this, &ExportActions::exportDeck);
    m_menu->addAction(tr("L&esson deck (PDF)…"), this, &ExportActions::exportLessonDeck);
    m_menu->addSeparator();
    m_menu->addAction(tr("&NumPy script…"), this, &ExportActions::exportNumpyScript);
    m_menu->addAction(tr("&LaTeX…"), this, &ExportActions::exportLatex);
    m_menu->addAction(tr("C&SV…"), this, &ExportActions::exportCsv);
    m_menu->setToolTipsVisible(true);
    // The shortcut works from anywhere in the window, menu open or not.
    window->addAction(m_copyAction);
}

QString ExportActions::askPath(const QString &title, const QString &name, const QString &filter,
                               const QString &suffix)
{
    QString path = QFileDialog::getSaveFileName(m_window, title, name, filter);
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    return path;
}

void ExportActions::write(const QString &title, const QString &path, const QByteArray &bytes)
{
    QString error;
    if (!writeFileAtomically(path, bytes, &error))
        QMessageBox::warning(m_window, title, tr("Nothing was written: %1.").arg(error));
}

void ExportActions::setFramedStage(Stage stage, int head)
{
    m_framedStage = stage;
    m_framedHead = head;
}

void ExportActions::exportFigure()
{
    ExportDialog dialog(m_document, m_window);
    dialog.setStage(m_framedStage, m_framedHead);
    dialog.exec();
}

void ExportActions::copyFigure()
{
    FigureOptions figure;
    const Stage stage = m_framedStage;
    if (stage_labels::stages(m_document->scenario()).contains(stage))
        figure.stage = stage;
    figure.head = m_framedHead;
    figure.scale = 2.0;
    FigureRenderer renderer(m_document->scenario(), m_document->trace());
    auto *data = new QMimeData;
    data->setImageData(renderer.image(figure));
    figure.format = FigureOptions::Format::Svg;
    data->setData(QStringLiteral("image/svg+xml"), renderer.bytes(figure));
    QApplication::clipboard()->setMimeData(data);
}

void ExportActions::exportDeck()
{
    const QString title = tr("Export pipeline deck");
    const QString path = askPath(title, QStringLiteral("attention-deck.pdf"),
                                 tr("PDF files (*.pdf)"), QStringLiteral("pdf"));
    if (!path.isEmpty())
        write(title, path,
              pipelineDeck(m_document->scenario(), m_document->trace(), DeckOptions()));
}

void ExportActions::exportLessonDeck()
{
    const QString title = tr("Export lesson deck");
    const LessonLoadResult loaded = loadLesson(QLatin1String(shippedLessonPath));
    if (!loaded.ok()) {
        QMessageBox::warning(m_window, title, loaded.error);
        return;
    }
    const QString path = askPath(title, QStringLiteral("attention-lesson.pdf"),
                                 tr("PDF files (*.pdf)"), QStringLiteral("pdf"));
    if (path.isEmpty())
        return;
    // The lesson starts where the player starts: the tutorial's example.
    const ScenarioReadResult tutorial = loadPreset(QLatin1String(tutorialPresetName));
    write(title, path,
          lessonDeck(*loaded.lesson, tutorial.ok() ? *tutorial.scenario : tutorialScenario(),
                     DeckOptions()));
}

void ExportActions::exportNumpyScript()
{
    const QString title = tr("Export NumPy script");
    const QString path = askPath(title, QStringLiteral("attention.py"), tr("Python scripts (*.py)"),
                                 QStringLiteral("py"));
    if (!path.isEmpty())
        write(title, path, numpyScript(m_document->scenario()));
}

void ExportActions::exportLatex()
{
    const QString title = tr("Export LaTeX");
    bool ok = false;
    const int decimals =
        QInputDialog::getInt(m_window, title, tr("Decimals of the numbers:"), 2, 0, 10, 1, &ok);
    if (!ok)
        return;
    const QString path = askPath(title, QStringLiteral("attention.tex"), tr("LaTeX files (*.tex)"),
                                 QStringLiteral("tex"));
    if (!path.isEmpty())
        write(title, path,
              traceLatex(m_document->scenario(), m_document->trace(), std::nullopt, decimals));
}

void ExportActions::exportCsv()
{
    const QString title = tr("Export CSV");
    const QString path = askPath(title, QStringLiteral("attention.csv"), tr("CSV files (*.csv)"),
                                 QStringLiteral("csv"));
    if (!path.isEmpty())
        write(title, path, traceCsv(m_document->scenario(), m_document->trace()));
}

} // namespace attn::ui
