#pragma once

#include "lesson_goal.h"
#include "lesson_text.h"
#include "scenario.h"
#include "scenario_matrix.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace attn::ui {

/// A guided lesson, read from a folder: lesson.json (the manifest) and one
/// Markdown file per step. The format is documented in the README ("Writing
/// a lesson"); loadLesson() (lesson_loader.h) checks all of it before the
/// player sees anything.

/// One cell a step writes: {"matrix": "w_k", "row": 1, "col": 0, "value": 3}.
struct LessonCellEdit
{
    MatrixId matrix = MatrixId::Embeddings;
    int row = 0;
    int col = 0;
    double value = 0.0;
};

/// A cell, row (col −1) or column (row −1) outlined in a stage's heatmap.
struct LessonHighlight
{
    Stage stage = Stage::Scores;
    int row = -1;
    int col = -1;
};

/// What the workbench shows when a step opens.
struct LessonSetup
{
    QString preset;                   ///< a built-in preset's name, or empty
    QString scenarioFile;             ///< a scenario file relative to the lesson's folder, or empty
    std::optional<Scenario> scenario; ///< what `preset` or `scenarioFile` holds
    QJsonObject options;              ///< scenario-format option keys, applied on top
    QList<LessonCellEdit> cells;      ///< applied after the options
    std::optional<Stage> reveal;      ///< the last stage shown; none: every stage
    int head = 0;
    QList<LessonHighlight> highlights;
    std::optional<MatrixId> focus;

    /// The step starts from a scenario of its own, not from the learner's.
    bool replacesScenario() const { return scenario.has_value(); }
    /// The step changes the scenario at all.
    bool changesScenario() const
    {
        return scenario.has_value() || !options.isEmpty() || !cells.isEmpty();
    }
};

/// What the learner does in a step besides reading.
struct LessonActivity
{
    enum class Type
    {
        Read,
        Predict, ///< pick the key a query attends to most (or one of `choiceKeys`)
        Try,     ///< edit until `goal` holds
        ByHand,  ///< type the value of one cell
    };

    Type type = Type::Read;
    Stage stage = Stage::Weights;
    int head = 0;
    int row = 0;
    int col = 0;                 ///< by-hand
    std::optional<Stage> reveal; ///< predict: what to reveal after the answer (default: stage)
    QStringList choiceKeys;      ///< predict with choices: the manifest's "choices"
    int correct = -1;            ///< predict with choices: the right one
    Goal goal;                   ///< try
    QList<LessonCellEdit> solution;
    double tolerance = 0.005; ///< by-hand

    bool hasChoices() const { return !choiceKeys.isEmpty(); }
};

struct LessonStep
{
    QString id;
    QString textFile; ///< as the manifest names it
    QString textPath; ///< the file read (a translation, when there is one)
    LessonText text;
    LessonSetup setup;
    LessonActivity activity;
};

struct LessonChapter
{
    QString id;
    QString title;
    QList<LessonStep> steps;
};

struct Lesson
{
    QString id;
    QString title;
    QString manifestPath;
    QString language; ///< the language its texts were read in
    QList<LessonChapter> chapters;

    int stepCount() const;
    /// The step's position counted over all chapters, 0-based.
    int stepNumber(int chapter, int step) const;
    const LessonStep &step(int chapter, int step) const
    {
        return chapters.at(chapter).steps.at(step);
    }
};

/// The scenario's option keys (LessonSetup::options) applied to `scenario`;
/// heads, score and span go through attn::edit so the shapes follow.
Scenario withLessonOptions(const Scenario &scenario, const QJsonObject &options);
/// The cell edits written into `scenario` (edits outside a matrix are skipped).
Scenario withCellEdits(const Scenario &scenario, const QList<LessonCellEdit> &cells);
/// The scenario a step sets up when the workbench held `current` before.
Scenario stepScenario(const LessonSetup &setup, const Scenario &current);

/// "x", "w_k"… as the lesson format names the matrices; nullopt if unknown.
std::optional<MatrixId> lessonMatrixId(const QString &name);
/// Every name lessonMatrixId() knows, in the order of the editors.
QStringList lessonMatrixNames();
/// The stage of a key such as "weights"; nullopt if unknown.
std::optional<Stage> lessonStage(const QString &key);

} // namespace attn::ui

// Reading a lesson from its files. Included here as well so that everyone who
// holds a Lesson can also open one with the one include.
#include "lesson_loader.h"
