#pragma once

#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;

namespace attn::ui {

class LessonHost;
class LessonPanel;

/// The window's guided lesson: the dock with the lesson panel, the Lesson
/// menu (Guided lesson F1, Open lesson…, Back, Next, Restore, Chapters) and
/// the lesson that opens at start: the learner's last one, else the shipped
/// one. A lesson that cannot be read says why (naming the file and the step)
/// and the current one stays. The lesson plays in the window through `host`.
class LessonActions : public QObject
{
    Q_OBJECT

public:
    LessonActions(LessonHost *host, QMainWindow *window);

    LessonPanel *panel() const { return m_panel; }
    QDockWidget *dock() const { return m_dock; }
    /// Shows or hides the lesson dock (Lesson > Guided lesson, F1).
    QAction *toggleAction() const { return m_toggleAction; }
    QMenu *menu() const { return m_menu; }

    /// Opens a lesson from its lesson.json; on failure says why and keeps
    /// the current lesson.
    bool openLesson(const QString &path);
    /// Sets the workbench up for the lesson step the learner is at.
    void startLesson();

signals:
    /// A line for the status bar: which lesson was opened.
    void message(const QString &text);

private:
    void openFirstLesson();
    void chooseLesson();
    void updateChapterMenu();

    QMainWindow *m_window;
    QDockWidget *m_dock = nullptr;
    LessonPanel *m_panel = nullptr;
    QAction *m_toggleAction = nullptr;
    QMenu *m_menu = nullptr;
    QMenu *m_chapterMenu = nullptr;
};

} // namespace attn::ui
