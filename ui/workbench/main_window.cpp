#include "main_window.h"

#include "document.h"
#include "explanation_panel.h"
#include "export_actions.h"
#include "file_actions.h"
#include "lesson_actions.h"
#include "matrix_editor.h"
#include "matrix_model.h"
#include "options_panel.h"
#include "pipeline_view.h"
#include "recovery_file.h"
#include "recovery_keeper.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QGroupBox>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

namespace attn::ui {

namespace {

constexpr int messageTimeoutMs = 8000;

QString editorTitle(MatrixId id)
{
    switch (id) {
    case MatrixId::Embeddings:
        return MainWindow::tr("Words and embeddings X");
    case MatrixId::SourceEmbeddings:
        return MainWindow::tr("Source words and embeddings X_s");
    case MatrixId::QueryWeights:
        return MainWindow::tr("W_Q (d_model × d_k)");
    case MatrixId::KeyWeights:
        return MainWindow::tr("W_K (d_model × d_k)");
    case MatrixId::ValueWeights:
        return MainWindow::tr("W_V (d_model × d_v)");
    case MatrixId::OutputWeights:
        return MainWindow::tr("W_O (d_v × d_out)");
    case MatrixId::ScoreQueryWeights:
        return MainWindow::tr("W_a (score)");
    case MatrixId::ScoreKeyWeights:
        return MainWindow::tr("U_a (additive score)");
    case MatrixId::ScoreVector:
        return MainWindow::tr("v_a (additive score)");
    case MatrixId::PositionWeights:
        return MainWindow::tr("W_p (local-p position)");
    case MatrixId::PositionVector:
        return MainWindow::tr("v_p (local-p position)");
    }
    return {};
}

} // namespace

MainWindow::MainWindow(const Scenario &scenario, QWidget *parent)
    : QMainWindow(parent), m_document(new Document(this))
{
    m_document->reset(scenario);
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/attention-lab.svg")));
    setDockNestingEnabled(true);
    setAcceptDrops(true);
    // Tabs on top of the dock, where a learner looks first.
    setTabPosition(Qt::LeftDockWidgetArea, QTabWidget::North);

    m_pipeline = new PipelineView(m_document, this);
    setCentralWidget(m_pipeline);

    createActions();
    createDocks();
    createLesson();
    createMenus();

    // The autosave: a recovery copy of unsaved work, offered back after a crash.
    m_recovery = new RecoveryKeeper(m_document, recoveryDirectory(), this);
    connect(m_recovery, &RecoveryKeeper::writeFailed, this, [this](const QString &reason) {
        showMessage(tr("Autosave failed: %1. Save your work to keep it.").arg(reason));
    });

    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::structureChanged, this, &MainWindow::updateInputs);
    connect(m_document, &Document::scenarioChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::historyTrimmed, this, [this] {
        showMessage(tr("Oldest undo steps were dropped to stay within %1 MiB of memory.")
                        .arg(m_document->undoMemoryBudget() / (1024 * 1024)));
    });
    connect(m_pipeline, &PipelineView::explanationChanged, this, [this] {
        if (m_pipeline->hasExplanation())
            m_explanation->showExplanation(m_pipeline->explanation());
        else
            m_explanation->clear();
    });

    statusBar()->showMessage(tr("Point at a cell to see how it was computed; drag a number "
                                "left or right to change it."));
    updateInputs();
    updateTitle();
    readSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_files = new FileActions(m_document, this);
    connect(m_files, &FileActions::message, this, &MainWindow::showMessage);
    connect(m_files, &FileActions::presetLoaded, m_pipeline, &PipelineView::revealAll);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_files->newAction());
    file->addAction(m_files->openAction());
    file->addMenu(m_files->recentMenu());
    file->addSeparator();
    file->addAction(m_files->saveAction());
    file->addAction(m_files->saveAsAction());
    file->addSeparator();
    m_exportActions = new ExportActions(m_document, this);
    const auto frameStage = [this] {
        m_exportActions->setFramedStage(m_pipeline->revealedStage(), m_pipeline->head());
    };
    frameStage();
    connect(m_pipeline, &PipelineView::revealedStageChanged, m_exportActions, frameStage);
    connect(m_pipeline, &PipelineView::headChanged, m_exportActions, frameStage);
    file->addMenu(m_exportActions->menu());
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_pipeline->backAction());
    view->addAction(m_pipeline->nextAction());
    view->addAction(m_pipeline->showAllAction());
    view->addSeparator();
    view->addAction(m_inputsDock->toggleViewAction());
    view->addAction(m_optionsDock->toggleViewAction());

    menuBar()->addMenu(m_files->presetMenu());

    menuBar()->addMenu(m_lesson->menu());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Attention Lab"), this, [this] {
        QMessageBox::about(this, tr("About Attention Lab"),
                           tr("<h3>Attention Lab %1</h3><p>Learn the attention mechanism by "
                              "doing it: edit the embeddings and W_Q, W_K, W_V, step through "
                              "scores, scaling, masking, softmax and the weighted sum, and "
                              "watch every matrix change.</p>")
                               .arg(QApplication::applicationVersion()));
    });

    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tools->addAction(m_files->openAction());
    tools->addAction(m_files->saveAction());
    tools->addSeparator();
    tools->addAction(m_undoAction);
    tools->addAction(m_redoAction);
    tools->addSeparator();
    tools->addAction(m_pipeline->backAction());
    tools->addAction(m_pipeline->nextAction());
    tools->addAction(m_pipeline->showAllAction());
    tools->addSeparator();
    tools->addAction(m_lesson->toggleAction());
    QAction *presetButton = tools->addAction(tr("Presets"));
    presetButton->setMenu(m_files->presetMenu());
    connect(presetButton, &QAction::triggered, this, [this, tools, presetButton] {
        if (QWidget *button = tools->widgetForAction(presetButton))
            m_files->presetMenu()->popup(button->mapToGlobal(QPoint(0, button->height())));
    });
}

QWidget *MainWindow::createInputs()
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *host = new QWidget(scroll);
    auto *layout = new QVBoxLayout(host);
    layout->setContentsMargins(4, 4, 4, 4);
    for (int index = 0; index < matrixIdCount; ++index) {
        const auto id = static_cast<MatrixId>(index);
        auto *box = new QGroupBox(editorTitle(id), host);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(4, 4, 4, 4);
        auto *editor = new MatrixEditor(box);
        editor->setObjectName(QStringLiteral("editor_%1").arg(QLatin1String(matrixSymbol(id))));
        auto *model = new MatrixModel(m_document, id, editor);
        editor->setMatrixModel(model);
        connect(model, &MatrixModel::inputRejected, this, &MainWindow::showMessage);
        connect(model, &QAbstractItemModel::modelReset, this, &MainWindow::updateInputs);
        boxLayout->addWidget(editor);
        layout->addWidget(box);
        m_editors[std::size_t(index)] = editor;
        m_editorBoxes[std::size_t(index)] = box;
    }
    layout->addStretch(1);
    scroll->setWidget(host);
    return scroll;
}

void MainWindow::createDocks()
{
    m_inputsDock = new QDockWidget(tr("Matrices"), this);
    m_inputsDock->setObjectName(QStringLiteral("inputsDock"));
    m_inputsDock->setWidget(createInputs());
    addDockWidget(Qt::LeftDockWidgetArea, m_inputsDock);

    m_optionsDock = new QDockWidget(tr("Options"), this);
    m_optionsDock->setObjectName(QStringLiteral("optionsDock"));
    m_options = new OptionsPanel(m_document, m_optionsDock);
    m_optionsDock->setWidget(m_options);
    addDockWidget(Qt::LeftDockWidgetArea, m_optionsDock);
    tabifyDockWidget(m_inputsDock, m_optionsDock);
    m_inputsDock->raise();

    // The explanation sits in the pipeline's free space, beside the last stage.
    m_explanation = new ExplanationPanel(m_document, this);
    m_pipeline->setAsideWidget(m_explanation);

    resizeDocks({m_inputsDock}, {250}, Qt::Horizontal);
}

void MainWindow::createLesson()
{
    m_lesson = new LessonActions(this, this);
    connect(m_lesson, &LessonActions::message, this, &MainWindow::showMessage);
}

LessonPanel *MainWindow::lessonPanel() const
{
    return m_lesson->panel();
}

QDockWidget *MainWindow::lessonDock() const
{
    return m_lesson->dock();
}

QAction *MainWindow::lessonAction() const
{
    return m_lesson->toggleAction();
}

bool MainWindow::openLesson(const QString &path)
{
    return m_lesson->openLesson(path);
}

void MainWindow::startLesson()
{
    m_lesson->startLesson();
}

Stage MainWindow::revealedStage() const
{
    return m_pipeline->revealedStage();
}

void MainWindow::revealUpTo(Stage stage)
{
    m_pipeline->revealUpTo(stage);
}

void MainWindow::revealAll()
{
    m_pipeline->revealAll();
}

void MainWindow::setHead(int head)
{
    m_pipeline->setHead(head);
}

void MainWindow::pinCell(const CellRef &cell)
{
    m_pipeline->pinCell(cell);
}

HeatmapView *MainWindow::heatmap(Stage stage) const
{
    return m_pipeline->heatmap(stage);
}

void MainWindow::focusEditor(MatrixId id)
{
    m_inputsDock->show();
    m_inputsDock->raise();
    if (MatrixEditor *target = editor(id)) {
        target->setFocus(Qt::OtherFocusReason);
        if (QGroupBox *box = m_editorBoxes[std::size_t(id)]) {
            // Scroll the editor into view in the Matrices dock.
            for (QWidget *parent = box->parentWidget(); parent; parent = parent->parentWidget()) {
                if (auto *scroll = qobject_cast<QScrollArea *>(parent)) {
                    scroll->ensureWidgetVisible(box);
                    break;
                }
            }
        }
    }
}

void MainWindow::updateInputs()
{
    const Scenario &scenario = m_document->scenario();
    for (int index = 0; index < matrixIdCount; ++index) {
        const auto id = static_cast<MatrixId>(index);
        QGroupBox *box = m_editorBoxes[std::size_t(index)];
        MatrixEditor *editor = m_editors[std::size_t(index)];
        const bool used = hasMatrix(scenario, id);
        box->setVisible(used);
        if (!used)
            continue;
        editor->setFixedHeight(std::min(editor->sizeHint().height(), 260));
    }
}

void MainWindow::updateTitle()
{
    QString name;
    if (!m_document->filePath().isEmpty())
        name = QFileInfo(m_document->filePath()).fileName();
    else if (!m_document->scenario().title.empty())
        name = QString::fromStdString(m_document->scenario().title);
    else
        name = tr("Untitled");
    setWindowTitle(tr("%1[*] — Attention Lab").arg(name));
    setWindowModified(m_document->isModified());
}

void MainWindow::showMessage(const QString &message)
{
    statusBar()->showMessage(message, messageTimeoutMs);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    // A clean close: the work is saved or the learner chose to drop it.
    m_recovery->discard();
    event->accept();
}

bool MainWindow::replaceScenario(const Scenario &scenario, const ReplaceQuestion &question)
{
    return m_files->replaceDocument(scenario, QString(), question);
}

namespace {

/// The one local .json file being dragged, or nothing.
QString droppedScenarioPath(const QMimeData *data)
{
    if (!data || !data->hasUrls() || data->urls().size() != 1)
        return {};
    const QUrl url = data->urls().constFirst();
    if (!url.isLocalFile())
        return {};
    const QString path = url.toLocalFile();
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? path : QString();
}

} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedScenarioPath(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (!droppedScenarioPath(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedScenarioPath(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    // The drag ends first: the question is asked once the file manager is free.
    QTimer::singleShot(0, this, [this, path] {
        raise();
        activateWindow();
        m_files->openFileAsking(path);
    });
}

bool MainWindow::openFile(const QString &path)
{
    return m_files->openFile(path);
}

bool MainWindow::saveFile(const QString &path)
{
    return m_files->saveFile(path);
}

bool MainWindow::loadPreset(const QString &name)
{
    return m_files->loadPreset(name);
}

bool MainWindow::maybeSave()
{
    return m_files->maybeSave();
}

void MainWindow::readSettings()
{
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    if (geometry.isEmpty()) {
        // 1280×800, or the whole screen when it is smaller.
        const QSize available = screen() ? screen()->availableGeometry().size() : QSize(1280, 800);
        resize(std::min(1280, available.width()), std::min(800, available.height()));
    } else
        restoreGeometry(geometry);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::writeSettings()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

} // namespace attn::ui
