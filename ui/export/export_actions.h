#pragma once

#include "trace.h"

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace attn::ui {

class Document;

/// The window's File > Export menu: a figure (through the export dialog),
/// the figure of the current stage to the clipboard (Ctrl+Shift+C), the
/// pipeline or the guided lesson as a PDF deck, and the numbers as a NumPy script, LaTeX or CSV.
/// Everything is written through a temporary file; a failure says why. The
/// window tells it which stage (and head) the pipeline frames.
class ExportActions : public QObject
{
    Q_OBJECT

public:
    ExportActions(Document *document, QWidget *window);

    QMenu *menu() const { return m_menu; }
    QAction *figureAction() const { return m_figureAction; }
    QAction *copyFigureAction() const { return m_copyAction; }

public slots:
    /// The stage the pipeline frames and the head it shows (0-based): what
    /// Copy figure copies and where the figure dialog starts.
    void setFramedStage(attn::Stage stage, int head);
    void exportFigure();
    /// The stage the pipeline frames (its head), as an image and as SVG.
    void copyFigure();
    void exportDeck();
    /// The shipped guided lesson, one page per step.
    void exportLessonDeck();
    void exportNumpyScript();
    void exportLatex();
    void exportCsv();

private:
    /// Asks for a path; empty if cancelled. Adds `suffix` when none is typed.
    QString askPath(const QString &title, const QString &name, const QString &filter,
                    const QString &suffix);
    void write(const QString &title, const QString &path, const QByteArray &bytes);

    Document *m_document;
    Stage m_framedStage = Stage::Embeddings;
    int m_framedHead = 0;
    QWidget *m_window;
    QMenu *m_menu = nullptr;
    QAction *m_figureAction = nullptr;
    QAction *m_copyAction = nullptr;
};

} // namespace attn::ui
