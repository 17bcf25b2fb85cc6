#pragma once

#include "explanation.h"
#include "replace_question.h"
#include "scenario_matrix.h"
#include "trace.h"

class QWidget;

namespace attn::ui {

class Document;
class HeatmapView;

/// What the guided lesson asks of the workbench it plays in: the document to
/// set up and check, and the pipeline's reveal, head, pinned cell and
/// heatmaps. The window implements it and hands itself to the lesson panel,
/// so the lesson never reaches up into the window's widgets.
class LessonHost
{
public:
    virtual ~LessonHost() = default;

    virtual Document *document() const = 0;
    /// Replaces the document with a step's own example through the window's
    /// one gate, which asks Save / Discard / Cancel (in `question`'s words)
    /// when unsaved changes would be lost. False, and nothing changed, when
    /// the learner kept their work.
    virtual bool replaceScenario(const Scenario &scenario, const ReplaceQuestion &question) = 0;
    /// The window the lesson's questions are asked over.
    virtual QWidget *dialogParent() = 0;

    /// The last stage the pipeline shows; later stages are concealed.
    virtual Stage revealedStage() const = 0;
    virtual void revealUpTo(Stage stage) = 0;
    virtual void revealAll() = 0;
    /// Which head the per-head stages show (0-based).
    virtual void setHead(int head) = 0;
    /// Keeps the cell's explanation on screen, as a click does.
    virtual void pinCell(const CellRef &cell) = 0;
    /// The heatmap that shows `stage`, to outline cells on; null if none.
    virtual HeatmapView *heatmap(Stage stage) const = 0;
    /// Raises the matrix's editor and gives it the keyboard focus.
    virtual void focusEditor(MatrixId matrix) = 0;

protected:
    LessonHost() = default;
    LessonHost(const LessonHost &) = default;
    LessonHost &operator=(const LessonHost &) = default;
};

} // namespace attn::ui
