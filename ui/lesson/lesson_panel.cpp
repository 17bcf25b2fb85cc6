#include "lesson_panel.h"

#include "document.h"
#include "explanation_text.h"
#include "heatmap_view.h"
#include "lesson_host.h"
#include "stage_text.h"

#include <QAction>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <cmath>

namespace attn::ui {

namespace {

QString number(double value)
{
    return QString::fromStdString(formatNumber(value));
}

/// A typed number: "10", "0,75", "−1.5" (the minus sign as printed in the text).
std::optional<double> parseTyped(QString text)
{
    text = text.trimmed();
    text.replace(QChar(0x2212), QLatin1Char('-'));
    text.replace(QLatin1Char(' '), QString());
    if (!text.contains(QLatin1Char('.')))
        text.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

bool isPerHead(Stage stage)
{
    return stage >= Stage::Scores && stage <= Stage::Output;
}

} // namespace

LessonPanel::LessonPanel(LessonHost *host, QWidget *parent) : QWidget(parent), m_host(host)
{
    setObjectName(QStringLiteral("lessonPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    m_chapterBox = new QComboBox(this);
    m_chapterBox->setToolTip(tr("Jump to a chapter"));
    m_chapterBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_chapterBox->setMinimumContentsLength(16);
    connect(m_chapterBox, qOverload<int>(&QComboBox::activated), this, [this](int chapter) {
        if (!goTo(chapter, 0))
            m_chapterBox->setCurrentIndex(m_chapter);
    });
    layout->addWidget(m_chapterBox);

    auto *progressRow = new QHBoxLayout;
    m_progressLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    progressRow->addWidget(m_progressLabel);
    progressRow->addWidget(m_progress, 1);
    layout->addLayout(progressRow);

    m_stepTitle = new QLabel(this);
    m_stepTitle->setWordWrap(true);
    QFont stepFont = m_stepTitle->font();
    stepFont.setBold(true);
    stepFont.setPointSizeF(stepFont.pointSizeF() * 1.25);
    m_stepTitle->setFont(stepFont);
    layout->addWidget(m_stepTitle);

    m_text = new QTextBrowser(this);
    m_text->setOpenExternalLinks(true);
    QFont textFont = m_text->font();
    textFont.setPointSizeF(textFont.pointSizeF() * 1.1);
    m_text->setFont(textFont);
    layout->addWidget(m_text, 1);

    // The interactive part, filled per step.
    m_activity = new QWidget(this);
    auto *activityLayout = new QVBoxLayout(m_activity);
    activityLayout->setContentsMargins(0, 0, 0, 0);
    m_answerGrid = new QGridLayout;
    activityLayout->addLayout(m_answerGrid);
    auto *typeRow = new QHBoxLayout;
    m_answerEdit = new QLineEdit(m_activity);
    m_answerEdit->setPlaceholderText(tr("Your value, e.g. 0.75"));
    m_checkButton = new QPushButton(tr("Check"), m_activity);
    connect(m_checkButton, &QPushButton::clicked, this, &LessonPanel::checkByHand);
    connect(m_answerEdit, &QLineEdit::returnPressed, this, &LessonPanel::checkByHand);
    typeRow->addWidget(m_answerEdit, 1);
    typeRow->addWidget(m_checkButton);
    activityLayout->addLayout(typeRow);
    auto *helpRow = new QHBoxLayout;
    m_hintButton = new QPushButton(tr("Hint"), m_activity);
    connect(m_hintButton, &QPushButton::clicked, this, &LessonPanel::showHint);
    m_showMeButton = new QPushButton(tr("Show me"), m_activity);
    connect(m_showMeButton, &QPushButton::clicked, this, &LessonPanel::showMe);
    helpRow->addWidget(m_hintButton);
    helpRow->addWidget(m_showMeButton);
    helpRow->addStretch(1);
    activityLayout->addLayout(helpRow);
    m_status = new QLabel(m_activity);
    m_status->setWordWrap(true);
    QFont statusFont = m_status->font();
    statusFont.setBold(true);
    m_status->setFont(statusFont);
    activityLayout->addWidget(m_status);
    layout->addWidget(m_activity);

    m_backAction = new QAction(tr("Previous step"), this);
    m_backAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    m_backAction->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_backAction, &QAction::triggered, this, &LessonPanel::back);
    m_nextAction = new QAction(tr("Next step"), this);
    m_nextAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    m_nextAction->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_nextAction, &QAction::triggered, this, &LessonPanel::next);
    m_restoreAction = new QAction(tr("Restore this step"), this);
    m_restoreAction->setToolTip(tr("Set the workbench up as this step shows it"));
    connect(m_restoreAction, &QAction::triggered, this, &LessonPanel::restoreStep);

    auto *navigation = new QHBoxLayout;
    m_backButton = new QPushButton(tr("← Back"), this);
    m_backButton->setToolTip(
        tr("Previous step (%1)").arg(m_backAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_backButton, &QPushButton::clicked, this, &LessonPanel::back);
    m_restoreButton = new QPushButton(tr("Restore this step"), this);
    m_restoreButton->setToolTip(m_restoreAction->toolTip());
    connect(m_restoreButton, &QPushButton::clicked, this, &LessonPanel::restoreStep);
    m_nextButton = new QPushButton(tr("Next →"), this);
    m_nextButton->setDefault(true);
    m_nextButton->setToolTip(
        tr("Next step (%1)").arg(m_nextAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_nextButton, &QPushButton::clicked, this, &LessonPanel::next);
    navigation->addWidget(m_backButton);
    navigation->addStretch(1);
    navigation->addWidget(m_restoreButton);
    navigation->addStretch(1);
    navigation->addWidget(m_nextButton);
    layout->addLayout(navigation);

    connect(m_host->document(), &Document::traceChanged, this, &LessonPanel::refreshTry);
    clearLesson(tr("No lesson is installed. Open one with Lesson ▸ Open lesson…"));
}

LessonPanel::~LessonPanel() = default;

QString LessonPanel::placeKey(const QString &lessonId)
{
    return QStringLiteral("lessons/%1/place").arg(lessonId);
}

void LessonPanel::setLesson(const Lesson &lesson, bool apply)
{
    m_lesson = lesson;
    m_noLesson.clear();
    m_title->setText(lesson.title);
    m_chapterBox->clear();
    for (int index = 0; index < lesson.chapters.size(); ++index)
        m_chapterBox->addItem(tr("%1. %2").arg(index + 1).arg(lesson.chapters.at(index).title));
    m_progress->setRange(0, std::max(1, lesson.stepCount()));
    int chapter = 0;
    int step = 0;
    restorePlace(chapter, step);
    enterStep(chapter, step, apply);
    emit lessonChanged();
}

void LessonPanel::clearLesson(const QString &message)
{
    m_lesson.reset();
    m_noLesson = message;
    m_chapter = 0;
    m_step = 0;
    m_title->setText(tr("Guided lesson"));
    m_chapterBox->clear();
    rebuildActivity();
    refresh();
    emit lessonChanged();
}

const LessonStep *LessonPanel::currentStep() const
{
    if (!m_lesson)
        return nullptr;
    return &m_lesson->step(m_chapter, m_step);
}

void LessonPanel::restorePlace(int &chapter, int &step) const
{
    const QStringList place =
        QSettings().value(placeKey(m_lesson->id)).toString().split(QLatin1Char('/'));
    if (place.size() != 2)
        return;
    for (int c = 0; c < m_lesson->chapters.size(); ++c) {
        const LessonChapter &candidate = m_lesson->chapters.at(c);
        if (candidate.id != place.at(0))
            continue;
        chapter = c;
        for (int s = 0; s < candidate.steps.size(); ++s) {
            if (candidate.steps.at(s).id == place.at(1))
                step = s;
        }
    }
}

void LessonPanel::rememberPlace() const
{
    if (!m_lesson)
        return;
    const LessonChapter &chapter = m_lesson->chapters.at(m_chapter);
    QSettings().setValue(placeKey(m_lesson->id),
                         chapter.id + QLatin1Char('/') + chapter.steps.at(m_step).id);
}

bool LessonPanel::next()
{
    if (!m_lesson)
        return false;
    if (m_step + 1 < m_lesson->chapters.at(m_chapter).steps.size())
        return goTo(m_chapter, m_step + 1);
    if (m_chapter + 1 < m_lesson->chapters.size())
        return goTo(m_chapter + 1, 0);
    return false;
}

bool LessonPanel::back()
{
    if (!m_lesson)
        return false;
    if (m_step > 0)
        return goTo(m_chapter, m_step - 1);
    if (m_chapter > 0)
        return goTo(m_chapter - 1, int(m_lesson->chapters.at(m_chapter - 1).steps.size()) - 1);
    return false;
}

bool LessonPanel::goTo(int chapter, int step)
{
    if (!m_lesson || chapter < 0 || chapter >= m_lesson->chapters.size() || step < 0 ||
        step >= m_lesson->chapters.at(chapter).steps.size())
        return false;
    if (!confirmLeaving(chapter, step))
        return false;
    enterStep(chapter, step, true);
    return true;
}

bool LessonPanel::confirmLeaving(int chapter, int step)
{
    const LessonStep &target = m_lesson->step(chapter, step);
    if (!target.setup.replacesScenario())
        return true; // the learner's scenario stays; options and cells are undoable changes
    const Scenario &current = m_host->document()->scenario();
    const bool edited =
        m_stepApplied ? current != m_stepScenario : m_host->document()->isModified();
    if (!edited)
        return true;
    const bool forward =
        m_lesson->stepNumber(chapter, step) > m_lesson->stepNumber(m_chapter, m_step);
    QMessageBox box(QMessageBox::Question, tr("Your changes"),
                    forward ? tr("Replace your changes with the next step's example?")
                            : tr("Replace your changes with that step's example?"),
                    QMessageBox::NoButton, m_host->dialogParent());
    box.setInformativeText(tr("You changed the workbench in this step. Stay to keep working on "
                              "it; Undo (Ctrl+Z) cannot bring it back once replaced."));
    QPushButton *proceed = box.addButton(tr("Continue"), QMessageBox::AcceptRole);
    QPushButton *stay = box.addButton(tr("Stay"), QMessageBox::RejectRole);
    box.setDefaultButton(stay);
    box.exec();
    return box.clickedButton() == proceed;
}

void LessonPanel::enterStep(int chapter, int step, bool apply)
{
    m_chapter = chapter;
    m_step = step;
    m_answer = Answer::None;
    m_chosen = -1;
    m_hintShown = false;
    m_workingShown = false;
    m_answerEdit->clear();
    m_stepApplied = false;
    if (apply)
        applySetup();
    else
        m_stepScenario = m_host->document()->scenario();
    rememberPlace();
    rebuildActivity();
    refresh();
    emit stepChanged(chapter, step);
}

void LessonPanel::restoreStep()
{
    if (!m_lesson)
        return;
    const LessonStep &step = *currentStep();
    Document *document = m_host->document();
    if (step.setup.replacesScenario())
        document->reset(stepScenario(step.setup, *step.setup.scenario));
    else if (m_stepApplied && document->scenario() != m_stepScenario)
        document->change(m_stepScenario, tr("Restore the lesson step"));
    enterStep(m_chapter, m_step, true);
}

void LessonPanel::applySetup()
{
    const LessonStep &step = *currentStep();
    const LessonSetup &setup = step.setup;
    Document *document = m_host->document();

    // A step's own example starts over, so the undo history of the previous
    // example does not mix in; options and cells are an undoable change of
    // the learner's scenario.
    if (setup.replacesScenario())
        document->reset(stepScenario(setup, *setup.scenario));
    else if (setup.changesScenario())
        document->change(stepScenario(setup, document->scenario()),
                         tr("Lesson: %1").arg(step.text.title));
    m_stepScenario = document->scenario();
    m_stepApplied = true;

    m_host->setHead(setup.head);
    const LessonActivity &activity = step.activity;
    const bool predictRow =
        activity.type == LessonActivity::Type::Predict && !activity.hasChoices();
    if (setup.reveal) {
        m_host->revealUpTo(*setup.reveal);
    } else if (predictRow && activity.stage != Stage::Embeddings) {
        // Predict before you see: without an explicit reveal, stop before the stage asked about.
        m_host->revealUpTo(static_cast<Stage>(int(activity.stage) - 1));
    } else {
        m_host->revealAll();
    }

    m_host->pinCell(CellRef{Stage::Scores, 0, -1, -1}); // the previous step's pinned cell goes
    for (int index = 0; index < stageCount; ++index) {
        const auto stage = static_cast<Stage>(index);
        QVector<HeatmapView::Highlight> regions;
        for (const LessonHighlight &region : setup.highlights) {
            if (region.stage == stage) {
                HeatmapView::Highlight highlight;
                highlight.row = region.row;
                highlight.column = region.col;
                regions.append(highlight);
            }
        }
        if (HeatmapView *heatmap = m_host->heatmap(stage))
            heatmap->setHighlights(regions);
    }
    if (setup.focus)
        m_host->focusEditor(*setup.focus);
}

void LessonPanel::rebuildActivity()
{
    for (QPushButton *button : std::as_const(m_answerButtons))
        delete button;
    m_answerButtons.clear();

    const LessonStep *step = currentStep();
    const LessonActivity::Type type = step ? step->activity.type : LessonActivity::Type::Read;
    if (type == LessonActivity::Type::Predict) {
        QStringList labels;
        if (step->activity.hasChoices()) {
            labels = step->text.choices;
        } else {
            const Scenario &scenario = m_host->document()->scenario();
            const Matrix &matrix =
                m_host->document()->trace().matrix(step->activity.stage, step->activity.head);
            const auto &keys = scenario.keySequence().tokens;
            for (int col = 0; col < matrix.cols(); ++col) {
                labels << (std::size_t(matrix.cols()) == keys.size()
                               ? QString::fromStdString(keys[std::size_t(col)])
                               : tr("column %1").arg(col));
            }
        }
        const int columns = step->activity.hasChoices() ? 1 : 2;
        for (int index = 0; index < labels.size(); ++index) {
            auto *button = new QPushButton(labels.at(index), m_activity);
            button->setCheckable(true);
            button->setObjectName(QStringLiteral("answer_%1").arg(index));
            connect(button, &QPushButton::clicked, this, [this, index] { answerPredict(index); });
            m_answerGrid->addWidget(button, index / columns, index % columns);
            m_answerButtons.append(button);
        }
    }
    const bool byHand = type == LessonActivity::Type::ByHand;
    const bool tryIt = type == LessonActivity::Type::Try;
    m_answerEdit->setVisible(byHand);
    m_checkButton->setVisible(byHand);
    m_hintButton->setVisible((tryIt || byHand) && step && !step->text.hint.isEmpty());
    m_showMeButton->setVisible(tryIt || byHand);
    m_showMeButton->setText(tryIt ? tr("Show me") : tr("Show the working"));
    m_showMeButton->setToolTip(tryIt ? tr("Make the change for me (Ctrl+Z takes it back)")
                                     : tr("Show the value and how it is computed"));
    m_activity->setVisible(type != LessonActivity::Type::Read);
    if (tryIt)
        m_goalMet = goalMet(step->activity.goal, m_host->document()->trace());
}

void LessonPanel::refresh()
{
    const bool has = m_lesson.has_value();
    m_chapterBox->setVisible(has);
    m_progress->setVisible(has);
    m_restoreButton->setEnabled(has);
    m_restoreAction->setEnabled(has);
    if (!has) {
        m_progressLabel->clear();
        m_stepTitle->setText(tr("No lesson"));
        m_backButton->setEnabled(false);
        m_nextButton->setEnabled(false);
        m_backAction->setEnabled(false);
        m_nextAction->setEnabled(false);
        m_activity->setVisible(false);
        m_status->clear();
        m_text->setMarkdown(m_noLesson);
        return;
    }
    const int number = m_lesson->stepNumber(m_chapter, m_step);
    const int count = m_lesson->stepCount();
    m_progressLabel->setText(tr("Step %1 of %2").arg(number + 1).arg(count));
    m_progress->setValue(number + 1);
    m_chapterBox->setCurrentIndex(m_chapter);
    m_stepTitle->setText(currentStep()->text.title);
    m_backButton->setEnabled(number > 0);
    m_backAction->setEnabled(number > 0);
    m_nextButton->setEnabled(number + 1 < count);
    m_nextAction->setEnabled(number + 1 < count);
    refreshText();
}

QString LessonPanel::statusText() const
{
    return m_status->text();
}

bool LessonPanel::isStepDone() const
{
    const LessonStep *step = currentStep();
    if (!step)
        return false;
    switch (step->activity.type) {
    case LessonActivity::Type::Read:
        return true;
    case LessonActivity::Type::Predict:
    case LessonActivity::Type::ByHand:
        return m_answer == Answer::Right;
    case LessonActivity::Type::Try:
        return m_goalMet;
    }
    return false;
}

QString LessonPanel::markdown() const
{
    const LessonStep *step = currentStep();
    if (!step)
        return m_noLesson;
    const LessonText &text = step->text;
    QStringList parts;
    if (!text.body.isEmpty())
        parts << text.body;
    if (!text.question.isEmpty())
        parts << QStringLiteral("---") << text.question;
    if (step->activity.hasChoices() && m_answer == Answer::None) {
        // The choices are the buttons below.
    }
    if (m_hintShown && !text.hint.isEmpty())
        parts << QStringLiteral("**%1** %2").arg(tr("Hint:"), text.hint);
    switch (step->activity.type) {
    case LessonActivity::Type::Read:
        break;
    case LessonActivity::Type::Predict:
        if (m_answer != Answer::None) {
            parts << (m_answer == Answer::Right ? tr("**Right.**") : tr("**Not quite.**"))
                  << (m_answer == Answer::Right ? text.right : text.wrong);
            const QString numbers = rowNumbers();
            if (!numbers.isEmpty())
                parts << numbers;
        }
        break;
    case LessonActivity::Type::Try:
        if (m_goalMet && !text.right.isEmpty())
            parts << text.right;
        break;
    case LessonActivity::Type::ByHand:
        if (m_answer == Answer::Right && !text.right.isEmpty())
            parts << text.right;
        else if (m_answer == Answer::Wrong && !text.wrong.isEmpty())
            parts << text.wrong;
        if (m_workingShown)
            parts << working();
        break;
    }
    return parts.join(QStringLiteral("\n\n"));
}

void LessonPanel::refreshText()
{
    const int scroll = m_text->verticalScrollBar()->value();
    const bool grew = m_answer != Answer::None || m_hintShown || m_goalMet;
    m_text->setMarkdown(markdown());
    if (grew)
        m_text->verticalScrollBar()->setValue(m_text->verticalScrollBar()->maximum());
    else
        m_text->verticalScrollBar()->setValue(std::min(scroll, 0));

    const LessonStep *step = currentStep();
    QString status;
    if (step) {
        switch (step->activity.type) {
        case LessonActivity::Type::Read:
            break;
        case LessonActivity::Type::Predict:
            status = m_answer == Answer::None    ? tr("Pick your answer.")
                     : m_answer == Answer::Right ? tr("Right ✓")
                                                 : tr("Not quite ✗ — see why above.");
            break;
        case LessonActivity::Type::Try:
            status = m_goalMet ? tr("Done ✓ — the goal holds.")
                               : tr("Not yet: edit the matrices until the goal holds.");
            break;
        case LessonActivity::Type::ByHand:
            status = m_answer == Answer::None ? tr("Type your value and press Check.")
                     : m_answer == Answer::Right
                         ? tr("Right ✓")
                         : tr("Not quite ✗ — try again, or show the working.");
            break;
        }
    }
    m_status->setText(status);
    const bool done = isStepDone();
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText,
                     done ? QColor(0x1b, 0x7a, 0x2e) : this->palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
}

void LessonPanel::refreshTry()
{
    const LessonStep *step = currentStep();
    if (!step || step->activity.type != LessonActivity::Type::Try)
        return;
    const Document *document = m_host->document();
    const bool met = !document->error() && goalMet(step->activity.goal, document->trace());
    if (met == m_goalMet)
        return;
    m_goalMet = met;
    refreshText();
}

CellRef LessonPanel::activityCell() const
{
    const LessonActivity &activity = currentStep()->activity;
    return CellRef{activity.stage, activity.head, activity.row, activity.col};
}

QString LessonPanel::rowNumbers() const
{
    const LessonStep *step = currentStep();
    const LessonActivity &activity = step->activity;
    if (activity.hasChoices())
        return {};
    const Trace &trace = m_host->document()->trace();
    const Matrix &matrix = trace.matrix(activity.stage, activity.head);
    if (activity.row >= matrix.rows())
        return {};
    const Scenario &scenario = m_host->document()->scenario();
    const auto &queries = scenario.target.tokens;
    QStringList cells;
    for (int col = 0; col < matrix.cols(); ++col) {
        const QString label =
            col < m_answerButtons.size() ? m_answerButtons.at(col)->text() : QString::number(col);
        cells << QStringLiteral("%1 **%2**").arg(label, number(matrix(activity.row, col)));
    }
    const QString query = std::size_t(activity.row) < queries.size()
                              ? QString::fromStdString(queries[std::size_t(activity.row)])
                              : QString::number(activity.row);
    return tr("%1 of %2: %3")
        .arg(stage_text::title(activity.stage), query, cells.join(QStringLiteral(" · ")));
}

QString LessonPanel::working() const
{
    const Document *document = m_host->document();
    const Explanation explanation =
        explain(document->scenario(), document->trace(), activityCell());
    return QStringLiteral("`%1`\n\n%2")
        .arg(QString::fromStdString(explanation.text), explanation_text::meaning(explanation));
}

void LessonPanel::answerPredict(int index)
{
    const LessonStep *step = currentStep();
    if (!step || m_answer != Answer::None) {
        // One answer per visit; keep the buttons showing it.
        for (int i = 0; i < m_answerButtons.size(); ++i)
            m_answerButtons.at(i)->setChecked(i == m_chosen);
        return;
    }
    const LessonActivity &activity = step->activity;
    int correct = activity.correct;
    if (!activity.hasChoices())
        correct =
            rowArgMax(m_host->document()->trace(), activity.stage, activity.head, activity.row);
    m_chosen = index;
    m_answer = index == correct ? Answer::Right : Answer::Wrong;
    for (int i = 0; i < m_answerButtons.size(); ++i) {
        QPushButton *button = m_answerButtons.at(i);
        button->setChecked(i == index);
        if (i == correct)
            button->setText(button->text() + QStringLiteral(" ✓"));
    }
    if (activity.reveal)
        m_host->revealUpTo(*activity.reveal);
    else if (!activity.hasChoices() && int(m_host->revealedStage()) < int(activity.stage))
        m_host->revealUpTo(activity.stage);
    if (!activity.hasChoices()) {
        HeatmapView::Highlight row;
        row.row = activity.row;
        row.column = -1;
        if (HeatmapView *heatmap = m_host->heatmap(activity.stage))
            heatmap->setHighlights({row});
    }
    refreshText();
}

void LessonPanel::checkByHand()
{
    const LessonStep *step = currentStep();
    if (!step || step->activity.type != LessonActivity::Type::ByHand)
        return;
    const std::optional<double> typed = parseTyped(m_answerEdit->text());
    if (!typed) {
        m_status->setText(tr("Type a number, e.g. 10 or 0.75."));
        return;
    }
    const Matrix &matrix =
        m_host->document()->trace().matrix(step->activity.stage, step->activity.head);
    const CellRef cell = activityCell();
    if (cell.row >= matrix.rows() || cell.col >= matrix.cols())
        return;
    const double expected = matrix(cell.row, cell.col);
    const bool right = std::fabs(*typed - expected) <= step->activity.tolerance;
    m_answer = right ? Answer::Right : Answer::Wrong;
    if (right)
        showMe();
    else
        refreshText();
}

void LessonPanel::showMe()
{
    const LessonStep *step = currentStep();
    if (!step)
        return;
    if (step->activity.type == LessonActivity::Type::Try) {
        Document *document = m_host->document();
        document->change(withCellEdits(document->scenario(), step->activity.solution),
                         tr("Show me: %1").arg(step->text.title));
        return; // traceChanged marks the goal
    }
    if (step->activity.type == LessonActivity::Type::ByHand) {
        m_workingShown = true;
        if (int(m_host->revealedStage()) < int(step->activity.stage))
            m_host->revealUpTo(step->activity.stage);
        if (isPerHead(step->activity.stage))
            m_host->setHead(step->activity.head);
        m_host->pinCell(activityCell());
        refreshText();
    }
}

void LessonPanel::showHint()
{
    m_hintShown = true;
    refreshText();
}

} // namespace attn::ui
