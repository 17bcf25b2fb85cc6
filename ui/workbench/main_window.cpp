#include "main_window.h"

#include "classroom_actions.h"
#include "document.h"
#include "explanation_panel.h"
#include "export_actions.h"
#include "file_actions.h"
#include "handbook_dialog.h"
#include "history_actions.h"
#include "lesson_actions.h"
#include "matrices_panel.h"
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
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUrl>

namespace attn::ui {

namespace {

constexpr int messageTimeoutMs = 8000;

/// The desktop theme's icon `name` (a freedesktop icon name), or the one built
/// in when the theme has none.
QIcon themedIcon(const QString &name)
{
    return QIcon::fromTheme(name, QIcon(QStringLiteral(":/icons/toolbar/%1.svg").arg(name)));
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
    updateTitle();
    readSettings();
    updateDockTitle(m_inputsDock);
    updateDockTitle(m_optionsDock);
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

    m_history = new HistoryActions(m_document->undoStack(), this);
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
    edit->addAction(m_history->undoMenuAction());
    edit->addAction(m_history->redoMenuAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_pipeline->backAction());
    view->addAction(m_pipeline->nextAction());
    view->addAction(m_pipeline->showAllAction());
    view->addSeparator();
    view->addAction(m_inputsDock->toggleViewAction());
    view->addAction(m_optionsDock->toggleViewAction());
    view->addSeparator();
    m_classroom->addTo(view);

    menuBar()->addMenu(m_files->presetMenu());

    menuBar()->addMenu(m_lesson->menu());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *handbook = help->addAction(tr("&Handbook"), this, [this] {
        auto *dialog = new HandbookDialog(menuBar(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    handbook->setObjectName(QStringLiteral("handbook"));
    // F1, the usual key for help, opens the guided lesson here.
    help->addSeparator();
    help->addAction(tr("&About Attention Lab"), this, [this] {
        QMessageBox::about(this, tr("About Attention Lab"),
                           tr("<h3>Attention Lab %1</h3><p>Learn the attention mechanism by "
                              "doing it: edit the embeddings and W_Q, W_K, W_V, step through "
                              "scores, scaling, masking, softmax and the weighted sum, and "
                              "watch every matrix change.</p>")
                               .arg(QApplication::applicationVersion()));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    // Icons with short text; the stage buttons apart, named for the stages, so
    // that they are not taken for the lesson's steps.
    m_files->openAction()->setIcon(themedIcon(QStringLiteral("document-open")));
    m_files->saveAction()->setIcon(themedIcon(QStringLiteral("document-save")));
    m_history->undoButtonAction()->setIcon(themedIcon(QStringLiteral("edit-undo")));
    m_history->redoButtonAction()->setIcon(themedIcon(QStringLiteral("edit-redo")));
    m_pipeline->backAction()->setIcon(themedIcon(QStringLiteral("go-previous")));
    m_pipeline->nextAction()->setIcon(themedIcon(QStringLiteral("go-next")));
    m_pipeline->showAllAction()->setIcon(themedIcon(QStringLiteral("view-grid")));
    m_lesson->toggleAction()->setIcon(themedIcon(QStringLiteral("help-contents")));

    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addAction(m_files->openAction());
    tools->addAction(m_files->saveAction());
    tools->addSeparator();
    tools->addAction(m_history->undoButtonAction());
    tools->addAction(m_history->redoButtonAction());
    tools->addSeparator();
    auto *stageLabel = new QLabel(tr("Stage:"), tools);
    stageLabel->setObjectName(QStringLiteral("stageNavigationLabel"));
    stageLabel->setContentsMargins(6, 0, 2, 0);
    tools->addWidget(stageLabel);
    tools->addAction(m_pipeline->backAction());
    tools->addAction(m_pipeline->nextAction());
    tools->addAction(m_pipeline->showAllAction());
    tools->addSeparator();
    tools->addAction(m_lesson->toggleAction());
    QAction *presetButton = tools->addAction(tr("Presets"));
    presetButton->setObjectName(QStringLiteral("presetsButton"));
    presetButton->setIcon(themedIcon(QStringLiteral("view-list")));
    presetButton->setMenu(m_files->presetMenu());
    connect(presetButton, &QAction::triggered, this, [this, tools, presetButton] {
        if (QWidget *button = tools->widgetForAction(presetButton))
            m_files->presetMenu()->popup(button->mapToGlobal(QPoint(0, button->height())));
    });
}

void MainWindow::createDocks()
{
    m_inputsDock = new QDockWidget(tr("Matrices"), this);
    m_inputsDock->setObjectName(QStringLiteral("inputsDock"));
    m_matrices = new MatricesPanel(m_document, m_inputsDock);
    connect(m_matrices, &MatricesPanel::inputRejected, this, &MainWindow::showMessage);
    m_inputsDock->setWidget(m_matrices);
    addDockWidget(Qt::LeftDockWidgetArea, m_inputsDock);

    m_optionsDock = new QDockWidget(tr("Options"), this);
    m_optionsDock->setObjectName(QStringLiteral("optionsDock"));
    m_options = new OptionsPanel(m_document, m_optionsDock);
    m_optionsDock->setWidget(m_options);
    addDockWidget(Qt::LeftDockWidgetArea, m_optionsDock);
    tabifyDockWidget(m_inputsDock, m_optionsDock);
    m_inputsDock->raise();
    // Tabbed together, the tabs name the docks: a title bar would say it twice.
    for (QDockWidget *dock : {m_inputsDock, m_optionsDock}) {
        // After the move, once the dock layout has settled.
        const auto update = [this, dock] {
            QTimer::singleShot(0, this, [this, dock] { updateDockTitle(dock); });
        };
        connect(dock, &QDockWidget::topLevelChanged, this, update);
        connect(dock, &QDockWidget::dockLocationChanged, this, update);
    }

    // The explanation sits in the pipeline's free space, beside the last stage.
    m_explanation = new ExplanationPanel(m_document, this);
    m_pipeline->setAsideWidget(m_explanation);

    resizeDocks({m_inputsDock}, {250}, Qt::Horizontal);

    m_classroom = new ClassroomActions(this, {m_inputsDock, m_optionsDock});
    connect(m_classroom, &ClassroomActions::message, this, &MainWindow::showMessage);
}

void MainWindow::updateDockTitle(QDockWidget *dock)
{
    const bool tabbed = !dock->isFloating() && !tabifiedDockWidgets(dock).isEmpty();
    if (tabbed && !dock->titleBarWidget())
        dock->setTitleBarWidget(new QWidget(dock));
    else if (!tabbed && dock->titleBarWidget()) {
        QWidget *empty = dock->titleBarWidget();
        dock->setTitleBarWidget(nullptr);
        empty->deleteLater();
    }
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

MatrixEditor *MainWindow::editor(MatrixId id) const
{
    return m_matrices->editor(id);
}

void MainWindow::focusEditor(MatrixId id)
{
    m_inputsDock->show();
    m_inputsDock->raise();
    m_matrices->focusEditor(id);
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
        // The first start fills a laptop's or a projector's screen; on a larger
        // one it takes 1920×1080 in the middle, the size the workbench is laid
        // out for at its roomiest.
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        if (available.width() <= 1920) {
            setWindowState(windowState() | Qt::WindowMaximized);
        } else {
            const QSize size(1920, std::min(1080, available.height()));
            setGeometry(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, size, available));
        }
    } else
        restoreGeometry(geometry);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_classroom->restoreZoom();
}

void MainWindow::writeSettings()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

} // namespace attn::ui
