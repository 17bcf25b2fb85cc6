#include "lesson_actions.h"

#include "lesson.h"
#include "lesson_panel.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>

namespace attn::ui {

namespace {

/// The screen width from which the lesson opens beside a readable workbench on first start.
constexpr int lessonBesideStagesWidth = 1600;

} // namespace

LessonActions::LessonActions(LessonHost *host, QMainWindow *window)
    : QObject(window), m_window(window)
{
    m_dock = new QDockWidget(tr("Guided lesson"), window);
    m_dock->setObjectName(QStringLiteral("lessonDock"));
    m_panel = new LessonPanel(host, m_dock);
    m_dock->setWidget(m_panel);
    // Open on first start when the screen has room for it beside every stage, so a
    // newcomer finds it without reading anything; on a smaller screen the stages
    // need the width, and the "Guided lesson" button on the toolbar opens it.
    // The window's readSettings() restores the learner's own choice afterwards.
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    window->resizeDocks({m_dock}, {330}, Qt::Horizontal);
    const int availableWidth =
        window->screen() ? window->screen()->availableGeometry().width() : 1280;
    if (availableWidth < lessonBesideStagesWidth)
        m_dock->hide();

    m_toggleAction = m_dock->toggleViewAction();
    m_toggleAction->setText(tr("Guided &lesson"));
    m_toggleAction->setShortcut(QKeySequence(Qt::Key_F1));
    m_toggleAction->setToolTip(tr("Show or hide the guided lesson (F1)"));
    // The panel's step shortcuts work wherever the focus is in this window.
    window->addAction(m_panel->backAction());
    window->addAction(m_panel->nextAction());

    openFirstLesson();

    m_menu = new QMenu(tr("&Lesson"), window);
    m_menu->addAction(m_toggleAction);
    m_menu->addAction(tr("&Open lesson…"), this, &LessonActions::chooseLesson);
    m_menu->addSeparator();
    m_menu->addAction(m_panel->backAction());
    m_menu->addAction(m_panel->nextAction());
    m_menu->addAction(m_panel->restoreAction());
    m_chapterMenu = m_menu->addMenu(tr("&Chapters"));
    connect(m_panel, &LessonPanel::lessonChanged, this, &LessonActions::updateChapterMenu);
    updateChapterMenu();
}

void LessonActions::openFirstLesson()
{
    const QString remembered = QSettings().value(QStringLiteral("lesson/path")).toString();
    for (const QString &path : {remembered, QString::fromLatin1(shippedLessonPath)}) {
        if (path.isEmpty() || !QFileInfo::exists(path))
            continue;
        const LessonLoadResult result = loadLesson(path);
        if (result.ok()) {
            m_panel->setLesson(*result.lesson, false);
            return;
        }
        if (path == QLatin1String(shippedLessonPath))
            m_panel->clearLesson(tr("The built-in lesson cannot be read:\n\n%1").arg(result.error));
    }
}

void LessonActions::startLesson()
{
    if (!m_panel->hasLesson())
        return;
    // A first start opens the lesson whatever the screen: the workbench then shows
    // the first step, and a newcomer needs the text that goes with it.
    if (QSettings().value(QStringLiteral("window/state")).isNull())
        m_dock->show();
    m_panel->restoreStep();
}

void LessonActions::updateChapterMenu()
{
    m_chapterMenu->clear();
    const bool has = m_panel->hasLesson();
    m_chapterMenu->setEnabled(has);
    if (!has)
        return;
    const Lesson &lesson = m_panel->lesson();
    for (int index = 0; index < lesson.chapters.size(); ++index) {
        QAction *action = m_chapterMenu->addAction(
            tr("%1. %2").arg(index + 1).arg(lesson.chapters.at(index).title));
        connect(action, &QAction::triggered, this, [this, index] {
            m_dock->show();
            m_dock->raise();
            m_panel->goTo(index, 0);
        });
    }
}

void LessonActions::chooseLesson()
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open a lesson"),
        settings.value(QStringLiteral("lesson/directory")).toString(),
        tr("Attention Lab lessons (lesson.json);;JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        openLesson(path);
}

bool LessonActions::openLesson(const QString &path)
{
    const LessonLoadResult result = loadLesson(path);
    if (!result.ok()) {
        QMessageBox::warning(m_window, tr("Cannot open the lesson"),
                             m_panel->hasLesson()
                                 ? tr("%1\n\nThe current lesson stays open.").arg(result.error)
                                 : result.error);
        return false;
    }
    m_dock->show();
    m_dock->raise();
    if (!m_panel->setLesson(*result.lesson, true))
        return false; // the learner kept their work, and the current lesson stays
    QSettings settings;
    const QString absolute =
        path.startsWith(QLatin1Char(':')) ? path : QFileInfo(path).absoluteFilePath();
    settings.setValue(QStringLiteral("lesson/path"), absolute);
    if (!path.startsWith(QLatin1Char(':')))
        settings.setValue(QStringLiteral("lesson/directory"), QFileInfo(absolute).absolutePath());
    emit message(tr("Lesson “%1” opened").arg(result.lesson->title));
    return true;
}

} // namespace attn::ui
