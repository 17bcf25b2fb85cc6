#pragma once

#include "lesson_host.h"
#include "scenario.h"
#include "scenario_matrix.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QDragEnterEvent;
class QDragMoveEvent;
class QDropEvent;
class QMimeData;
class QLabel;

namespace attn::ui {

class Document;
class ClassroomActions;
class ExplanationPanel;
class ExportActions;
class FileActions;
class HistoryActions;
class LessonActions;
class LessonPanel;
class MatricesPanel;
class MatrixEditor;
class OptionsPanel;
class PipelineView;
class RecoveryKeeper;

/// The workbench: the matrices to edit on the left, the pipeline of heatmaps
/// in the middle, the options on the right, the explanation of the cell under
/// the mouse below. One Document holds the work; every widget reads it.
/// It is the lesson's host: the lesson panel sets the pipeline up through it.
/// The window lays its parts out, builds the menus and keeps its geometry in
/// the settings; the scenario files are FileActions', the lesson dock and
/// menu LessonActions', the export ExportActions'.
class MainWindow : public QMainWindow, public LessonHost
{
    Q_OBJECT

public:
    explicit MainWindow(const Scenario &scenario, QWidget *parent = nullptr);
    ~MainWindow() override;

    Document *document() const override { return m_document; }
    PipelineView *pipeline() const { return m_pipeline; }
    /// File > New, Open, Recent, Save and the presets.
    FileActions *fileActions() const { return m_files; }
    /// File > Export: figures, the deck, the numbers.
    ExportActions *exportActions() const { return m_exportActions; }
    /// The autosave of this window's work (see recovery_keeper.h).
    RecoveryKeeper *recoveryKeeper() const { return m_recovery; }
    ExplanationPanel *explanationPanel() const { return m_explanation; }
    /// View > Zoom, Full screen, Presentation mode.
    ClassroomActions *classroomActions() const { return m_classroom; }
    OptionsPanel *optionsPanel() const { return m_options; }
    MatrixEditor *editor(MatrixId id) const;
    LessonPanel *lessonPanel() const;
    QDockWidget *lessonDock() const;
    /// Shows or hides the lesson dock (Lesson > Guided lesson, F1).
    QAction *lessonAction() const;

    /// Raises the Matrices dock and gives the matrix's editor the keyboard focus.
    void focusEditor(MatrixId id) override;

    // The lesson's host: the pipeline as the lesson sets it up.
    bool replaceScenario(const Scenario &scenario, const ReplaceQuestion &question) override;
    QWidget *dialogParent() override { return this; }
    Stage revealedStage() const override;
    void revealUpTo(Stage stage) override;
    void revealAll() override;
    void setHead(int head) override;
    void pinCell(const CellRef &cell) override;
    HeatmapView *heatmap(Stage stage) const override;
    /// Opens a lesson from its lesson.json; on failure says why (naming the
    /// file and the step) and keeps the current lesson.
    bool openLesson(const QString &path);
    /// Sets the workbench up for the lesson step the learner is at (called at
    /// start-up when no scenario file was given).
    void startLesson();

    /// Opens a scenario file; on failure says why and keeps the current work.
    bool openFile(const QString &path);
    /// Saves to `path`; on failure says why and keeps the document unsaved.
    bool saveFile(const QString &path);
    /// Loads a built-in scenario (asks first if there are unsaved changes).
    bool loadPreset(const QString &name);

    /// Asks whether to save unsaved changes; false if the user cancelled.
    bool maybeSave();

protected:
    void closeEvent(QCloseEvent *event) override;
    /// A scenario file (.json) dragged from a file manager opens as with
    /// File > Open: asked about first when there are unsaved changes.
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void createLesson();
    void updateDockTitle(QDockWidget *dock);
    void updateTitle();
    void showMessage(const QString &message);
    void readSettings();
    void writeSettings();

    Document *m_document = nullptr;
    PipelineView *m_pipeline = nullptr;
    ExplanationPanel *m_explanation = nullptr;
    OptionsPanel *m_options = nullptr;
    MatricesPanel *m_matrices = nullptr;

    FileActions *m_files = nullptr;
    QAction *m_quitAction = nullptr;
    ExportActions *m_exportActions = nullptr;
    HistoryActions *m_history = nullptr;
    QDockWidget *m_inputsDock = nullptr;
    QDockWidget *m_optionsDock = nullptr;
    LessonActions *m_lesson = nullptr;
    ClassroomActions *m_classroom = nullptr;
    RecoveryKeeper *m_recovery = nullptr;
};

} // namespace attn::ui
