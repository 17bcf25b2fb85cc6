#include "lesson_panel.h"

#include "document.h"
#include "heatmap_view.h"
#include "lesson_activity_view.h"
#include "lesson_host.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace attn::ui {

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
    m_activity = new LessonActivityView(m_host, this);
    connect(m_activity, &LessonActivityView::textChanged, this, &LessonPanel::refreshText);
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
    m_backButton = new QPushButton(tr("← Step"), this);
    m_backButton->setToolTip(
        tr("Previous step (%1)").arg(m_backAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_backButton, &QPushButton::clicked, this, &LessonPanel::back);
    m_restoreButton = new QPushButton(tr("Restore this step"), this);
    m_restoreButton->setToolTip(m_restoreAction->toolTip());
    connect(m_restoreButton, &QPushButton::clicked, this, &LessonPanel::restoreStep);
    m_nextButton = new QPushButton(tr("Step →"), this);
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

    clearLesson(tr("No lesson is installed. Open one with Lesson ▸ Open lesson…"));
}

LessonPanel::~LessonPanel() = default;

QString LessonPanel::placeKey(const QString &lessonId)
{
    return QStringLiteral("lessons/%1/place").arg(lessonId);
}

bool LessonPanel::setLesson(const Lesson &lesson, bool apply)
{
    int chapter = 0;
    int step = 0;
    restorePlace(lesson, chapter, step);
    if (apply) {
        // The lesson's step brings its own example: the learner's unsaved work
        // is asked about before anything changes, and Cancel keeps this lesson.
        ReplaceQuestion question;
        question.text = tr("Open the lesson “%1” and replace your changes with its example?")
                            .arg(lesson.title);
        if (!replaceWithExample(lesson.step(chapter, step), question))
            return false;
    }
    m_lesson = lesson;
    m_noLesson.clear();
    m_title->setText(lesson.title);
    m_chapterBox->clear();
    for (int index = 0; index < lesson.chapters.size(); ++index)
        m_chapterBox->addItem(tr("%1. %2").arg(index + 1).arg(lesson.chapters.at(index).title));
    m_progress->setRange(0, std::max(1, lesson.stepCount()));
    enterStep(chapter, step, apply);
    emit lessonChanged();
    return true;
}

void LessonPanel::clearLesson(const QString &message)
{
    m_lesson.reset();
    m_noLesson = message;
    m_chapter = 0;
    m_step = 0;
    m_title->setText(tr("Guided lesson"));
    m_chapterBox->clear();
    m_activity->begin(nullptr);
    m_activity->rebuild();
    refresh();
    emit lessonChanged();
}

const LessonStep *LessonPanel::currentStep() const
{
    if (!m_lesson)
        return nullptr;
    return &m_lesson->step(m_chapter, m_step);
}

void LessonPanel::restorePlace(const Lesson &lesson, int &chapter, int &step)
{
    const QStringList place =
        QSettings().value(placeKey(lesson.id)).toString().split(QLatin1Char('/'));
    if (place.size() != 2)
        return;
    for (int c = 0; c < lesson.chapters.size(); ++c) {
        const LessonChapter &candidate = lesson.chapters.at(c);
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
    const bool forward =
        m_lesson->stepNumber(chapter, step) > m_lesson->stepNumber(m_chapter, m_step);
    ReplaceQuestion question;
    question.text = forward ? tr("Replace your changes with the next step's example?")
                            : tr("Replace your changes with that step's example?");
    question.informativeText =
        tr("You changed the workbench in this step. Stay to keep working on it, or save it "
           "first; Undo (Ctrl+Z) cannot bring it back once replaced.");
    question.discardLabel = tr("Continue");
    question.cancelLabel = tr("Stay");
    if (!replaceWithExample(m_lesson->step(chapter, step), question))
        return false;
    enterStep(chapter, step, true);
    return true;
}

bool LessonPanel::replaceWithExample(const LessonStep &target, ReplaceQuestion question)
{
    if (!target.setup.replacesScenario())
        return true; // the learner's scenario stays; options and cells are undoable changes
    // Only the learner's own changes are worth a question: not the options a
    // step set up, nor a scenario that is saved.
    if (m_stepApplied)
        question.unchangedFrom = &m_stepScenario;
    return m_host->replaceScenario(stepScenario(target.setup, *target.setup.scenario), question);
}

void LessonPanel::enterStep(int chapter, int step, bool apply)
{
    m_chapter = chapter;
    m_step = step;
    m_activity->begin(currentStep());
    m_stepApplied = false;
    if (apply)
        applySetup();
    else
        m_stepScenario = m_host->document()->scenario();
    rememberPlace();
    m_activity->rebuild();
    refresh();
    emit stepChanged(chapter, step);
}

void LessonPanel::restoreStep()
{
    if (!m_lesson)
        return;
    const LessonStep &step = *currentStep();
    Document *document = m_host->document();
    if (step.setup.replacesScenario()) {
        ReplaceQuestion question;
        question.text = tr("Restore this step's example? Your changes are not saved.");
        question.informativeText =
            tr("Save keeps them in a file first; Undo (Ctrl+Z) cannot bring them back once the "
               "step is restored.");
        if (!replaceWithExample(step, question))
            return;
    } else if (m_stepApplied && document->scenario() != m_stepScenario)
        document->change(m_stepScenario, tr("Restore the lesson step"));
    enterStep(m_chapter, m_step, true);
}

void LessonPanel::applySetup()
{
    const LessonStep &step = *currentStep();
    const LessonSetup &setup = step.setup;
    Document *document = m_host->document();

    // A step's own example has replaced the document already, through the
    // window's gate (replaceWithExample()), so the undo history of the
    // previous example does not mix in; options and cells are an undoable
    // change of the learner's scenario.
    if (!setup.replacesScenario() && setup.changesScenario())
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
        m_activity->clearStatus();
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
    return m_activity->statusText();
}

bool LessonPanel::isStepDone() const
{
    return m_activity->isDone();
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
    parts << m_activity->markdown();
    return parts.join(QStringLiteral("\n\n"));
}

void LessonPanel::refreshText()
{
    const int scroll = m_text->verticalScrollBar()->value();
    const bool grew = m_activity->hasGrown();
    m_text->setMarkdown(markdown());
    if (grew)
        m_text->verticalScrollBar()->setValue(m_text->verticalScrollBar()->maximum());
    else
        m_text->verticalScrollBar()->setValue(std::min(scroll, 0));

    m_activity->refreshStatus();
}

} // namespace attn::ui
