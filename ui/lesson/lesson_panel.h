#pragma once

#include "lesson.h"
#include "lesson_activity_view.h"
#include "replace_question.h"

#include <QWidget>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTextBrowser;

namespace attn::ui {

class LessonHost;

/// The guided-lesson player: one step at a time, the step's text beside the
/// workbench, which the step sets up (scenario, options, revealed stages,
/// highlighted cells, the focused editor).
///
/// The panel holds the navigation (Back / Next, the chapter list, "Step 7 of
/// 45"), the step's text and the remembered place; what the learner does in
/// an interactive step (predict, try, by hand) is its LessonActivityView.
///
/// The learner's own edits are never thrown away silently: moving to a step
/// that brings its own example, restoring a step and opening a lesson go
/// through the window's one unsaved-changes gate (LessonHost::replaceScenario),
/// which asks first when the scenario changed since the step was set up. The place in the lesson is remembered (QSettings, per
/// lesson id).
class LessonPanel : public QWidget
{
    Q_OBJECT

public:
    explicit LessonPanel(LessonHost *host, QWidget *parent = nullptr);
    ~LessonPanel() override;

    bool hasLesson() const { return m_lesson.has_value(); }
    const Lesson &lesson() const { return *m_lesson; }
    /// Shows `lesson` at the learner's remembered place; `apply` sets the
    /// workbench up for that step at once (else the learner's scenario stays
    /// until they move or press "Restore this step"). With `apply`, unsaved
    /// changes are asked about first; false, and the current lesson stays,
    /// when the learner kept them.
    bool setLesson(const Lesson &lesson, bool apply = true);
    /// No lesson: says so, and how to open one.
    void clearLesson(const QString &message);

    int chapterIndex() const { return m_chapter; }
    int stepIndex() const { return m_step; }
    const LessonStep *currentStep() const;

    /// Moves to a step; asks first when that would replace the learner's
    /// changes. False if the learner chose to stay (or there is no such step).
    bool goTo(int chapter, int step);
    bool next();
    bool back();
    /// Sets the workbench up for the current step again.
    void restoreStep();

    /// Whether the step's task is done: a predict answered right, a try goal
    /// met, a by-hand value typed right.
    bool isStepDone() const;
    /// The step's text and everything revealed so far, as Markdown.
    QString markdown() const;
    /// The one-line status under the activity ("Done ✓", "Not yet…").
    QString statusText() const;

    QAction *nextAction() const { return m_nextAction; }
    QAction *backAction() const { return m_backAction; }
    QAction *restoreAction() const { return m_restoreAction; }
    QPushButton *nextButton() const { return m_nextButton; }
    QPushButton *backButton() const { return m_backButton; }
    QPushButton *restoreButton() const { return m_restoreButton; }
    QPushButton *hintButton() const { return m_activity->hintButton(); }
    QPushButton *showMeButton() const { return m_activity->showMeButton(); }
    QPushButton *checkButton() const { return m_activity->checkButton(); }
    QLineEdit *answerEdit() const { return m_activity->answerEdit(); }
    QList<QPushButton *> answerButtons() const { return m_activity->answerButtons(); }
    QComboBox *chapterBox() const { return m_chapterBox; }
    QTextBrowser *textView() const { return m_text; }
    QLabel *progressLabel() const { return m_progressLabel; }

    /// The settings key of a lesson's remembered place.
    static QString placeKey(const QString &lessonId);

signals:
    void stepChanged(int chapter, int step);
    void lessonChanged();

private:
    void enterStep(int chapter, int step, bool apply);
    void applySetup();
    void rememberPlace() const;
    static void restorePlace(const Lesson &lesson, int &chapter, int &step);
    /// Replaces the document with the step's own example (if it has one)
    /// through the host's gate; false when the learner kept their work.
    bool replaceWithExample(const LessonStep &target, ReplaceQuestion question);
    void refresh();
    void refreshText();

    LessonHost *m_host;
    std::optional<Lesson> m_lesson;
    int m_chapter = 0;
    int m_step = 0;
    Scenario m_stepScenario; ///< the scenario right after the step was set up
    bool m_stepApplied = false;
    QString m_noLesson;

    QLabel *m_title = nullptr;
    QComboBox *m_chapterBox = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_stepTitle = nullptr;
    QTextBrowser *m_text = nullptr;
    LessonActivityView *m_activity = nullptr;
    QPushButton *m_backButton = nullptr;
    QPushButton *m_nextButton = nullptr;
    QPushButton *m_restoreButton = nullptr;
    QAction *m_nextAction = nullptr;
    QAction *m_backAction = nullptr;
    QAction *m_restoreAction = nullptr;
};

} // namespace attn::ui
