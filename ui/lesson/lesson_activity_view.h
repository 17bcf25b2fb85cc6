#pragma once

#include "explanation.h"
#include "lesson.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <optional>

class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace attn::ui {

class LessonHost;

/// What the learner does in a step besides reading, under the step's text:
///
/// - predict: one button per key of the query's row, right when it is the
///   row's argmax (then the stage is revealed with the row's numbers), or one
///   per choice of the step, right when it is the step's correct one;
/// - try: the goal is checked against the trace after every edit; Hint, and
///   "Show me", which applies the step's solution as an undoable change;
/// - by hand: the learner types a cell's value, right within the step's
///   tolerance; "Show the working" pins the cell so its explanation shows.
///
/// The one-line status below says where the learner stands. The view judges
/// the answers and tells the panel when the step's text grew (textChanged);
/// the panel shows that text.
class LessonActivityView : public QWidget
{
    Q_OBJECT

public:
    explicit LessonActivityView(LessonHost *host, QWidget *parent = nullptr);

    /// Starts the activity of `step` afresh (nothing answered, no hint shown);
    /// null for no step.
    void begin(const LessonStep *step);
    /// Builds the controls for the step, for the scenario the step set up.
    void rebuild();

    /// A predict answered right, a try goal met, a by-hand value typed right.
    bool isDone() const;
    /// Something was added below the question: an answer, a hint, a met goal.
    bool hasGrown() const;
    /// What the activity adds below the step's question: the hint, the
    /// answer's explanation, the working; Markdown paragraphs.
    QStringList markdown() const;

    /// Says in the status line where the learner stands.
    void refreshStatus();
    void clearStatus();
    QString statusText() const;

    QPushButton *hintButton() const { return m_hintButton; }
    QPushButton *showMeButton() const { return m_showMeButton; }
    QPushButton *checkButton() const { return m_checkButton; }
    QLineEdit *answerEdit() const { return m_answerEdit; }
    QList<QPushButton *> answerButtons() const { return m_answerButtons; }

signals:
    /// The step's text grew or changed: call markdown() again.
    void textChanged();

private:
    enum class Answer
    {
        None,
        Right,
        Wrong,
    };

    void refreshTry();
    void answerPredict(int index);
    void checkByHand();
    void showMe();
    void showHint();
    QString rowNumbers() const;
    QString working() const;
    CellRef activityCell() const;

    LessonHost *m_host;
    std::optional<LessonStep> m_step;

    Answer m_answer = Answer::None;
    int m_chosen = -1;
    bool m_hintShown = false;
    bool m_workingShown = false;
    bool m_goalMet = false;

    QGridLayout *m_answerGrid = nullptr;
    QList<QPushButton *> m_answerButtons;
    QLineEdit *m_answerEdit = nullptr;
    QPushButton *m_checkButton = nullptr;
    QPushButton *m_hintButton = nullptr;
    QPushButton *m_showMeButton = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace attn::ui
