#pragma once

// The shipped lesson (resources/lessons/attention-from-scratch) as the content
// tests read it: loaded once, each step's starting scenario in lesson order,
// and a step found by its chapter and step ids.

#include "attention.h"
#include "lesson.h"
#include "lesson_loader.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QtTest>
#include <algorithm>

namespace shipped_lesson {

struct Located
{
    int chapter = -1;
    int step = -1;
};

inline Located find(const attn::ui::Lesson &lesson, const QString &chapterId,
                    const QString &stepId)
{
    for (int c = 0; c < lesson.chapters.size(); ++c) {
        if (lesson.chapters[c].id != chapterId)
            continue;
        for (int s = 0; s < lesson.chapters[c].steps.size(); ++s) {
            if (lesson.chapters[c].steps[s].id == stepId)
                return {c, s};
        }
    }
    return {};
}

/// The scenario every step starts from, in lesson order (a step without a
/// preset or scenario keeps the one before).
inline QList<QList<attn::Scenario>> startScenarios(const attn::ui::Lesson &lesson)
{
    QList<QList<attn::Scenario>> result;
    attn::Scenario current = attn::tutorialScenario();
    for (const attn::ui::LessonChapter &chapter : lesson.chapters) {
        QList<attn::Scenario> steps;
        for (const attn::ui::LessonStep &step : chapter.steps) {
            current = attn::ui::stepScenario(step.setup, current);
            steps.append(current);
        }
        result.append(steps);
    }
    return result;
}

/// Everything the learner can read on a step, answers included.
inline QString allText(const attn::ui::LessonStep &step)
{
    const attn::ui::LessonText &t = step.text;
    return QStringList{t.title, t.body, t.question, t.choices.join(QLatin1Char('\n')), t.hint,
                       t.right, t.wrong}
        .join(QLatin1Char('\n'));
}

/// The last stage a step shows at any time: its setup's reveal, and what a
/// predict step reveals once it is answered.
inline int shownUpTo(const attn::ui::LessonStep &step)
{
    int shown = step.setup.reveal ? static_cast<int>(*step.setup.reveal) : attn::stageCount - 1;
    if (step.activity.type == attn::ui::LessonActivity::Type::Predict) {
        if (step.activity.reveal)
            shown = std::max(shown, static_cast<int>(*step.activity.reveal));
        else if (!step.activity.hasChoices())
            shown = std::max(shown, static_cast<int>(step.activity.stage));
    }
    return shown;
}

inline QString startingPoint(const attn::ui::LessonStep &step)
{
    return step.setup.preset + QLatin1Char('|') + step.setup.scenarioFile;
}

inline attn::Trace traceOf(const attn::Scenario &scenario)
{
    attn::Result<attn::Trace> result = attn::compute(scenario);
    if (!result.ok())
        qFatal("a step's scenario does not compute");
    return std::move(result.value());
}

} // namespace shipped_lesson
