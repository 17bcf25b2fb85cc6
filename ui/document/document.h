#pragma once

#include "attention.h"
#include "scenario_matrix.h"

#include <QObject>
#include <QString>
#include <cstddef>
#include <optional>

class QUndoStack;

namespace attn::ui {

class DocumentCommand;

/// The memory the undo history may hold (see the README's limits). Beyond it
/// the oldest steps are dropped.
inline constexpr std::size_t defaultUndoMemoryBudget = std::size_t(256) * 1024 * 1024;
/// At most this many undo steps, however small.
inline constexpr int undoStepLimit = 500;

/// The one owner of the learner's work: the scenario, its undo stack and the
/// latest trace. Views read the trace from here and change the scenario only
/// through the edit functions, each of which pushes an undoable command.
///
/// The undo history holds at most undoStepLimit steps and at most
/// undoMemoryBudget() bytes (each step knows its cost, DocumentCommand::bytes()).
/// When a new step takes it over the budget, the oldest steps are dropped and
/// historyTrimmed() tells the user, once per document. If the saved state was
/// among them, the document stays modified: no undo can reach the file again.
///
/// Every change recomputes the trace at once (compute() on the tutorial takes
/// microseconds). A change that makes the scenario invalid keeps the last good
/// trace for the views and reports the problem through error().
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    const Scenario &scenario() const { return m_scenario; }
    /// The trace of the scenario, or of the last valid one while error() is set.
    const Trace &trace() const { return m_trace; }
    /// Why the current scenario cannot be computed, if it cannot.
    const std::optional<Error> &error() const { return m_error; }

    QUndoStack *undoStack() const { return m_undoStack; }
    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path);
    bool isModified() const;
    /// The current state is what is on disk.
    void markSaved();

    /// A new key for a gesture (a scrub, a slider drag) whose edits merge
    /// into one undo step.
    int beginGesture() { return ++m_lastGesture; }

    /// Writes a block of values (a typed cell, a pasted block, a scrub step).
    void setCells(MatrixId id, int row, int col, const Matrix &block, int gesture = 0);
    void setCell(MatrixId id, int row, int col, double value, int gesture = 0);
    /// Replaces the whole scenario as one undo step: options, shapes, tokens, presets.
    void change(const Scenario &next, const QString &description, int gesture = 0);
    /// Starts over on a scenario (new, open, a preset): the undo history is cleared.
    void reset(const Scenario &scenario, const QString &filePath = QString());

    /// The memory the undo history may hold; defaultUndoMemoryBudget unless set.
    std::size_t undoMemoryBudget() const { return m_undoMemoryBudget; }
    /// Changes the budget (tests use a small one); drops old steps if needed.
    void setUndoMemoryBudget(std::size_t bytes);
    /// The memory the undo history holds now, the sum of its steps' costs.
    std::size_t undoMemoryUsed() const;

    // Called by the undo commands only.
    void applyCells(MatrixId id, int row, int col, const Matrix &block);
    void applyScenario(Scenario scenario);
    /// The history is being rebuilt without its oldest steps: commands pushed
    /// again must neither apply themselves nor merge.
    bool isRebuildingHistory() const { return m_rebuildingHistory; }

signals:
    /// Values changed inside one matrix; its shape stayed.
    void cellsChanged(attn::MatrixId id, int row, int col, int rows, int cols);
    /// Shapes, token names or the set of matrices changed: editors rebuild.
    void structureChanged();
    /// Word names changed, nothing else about the shapes: labels update.
    void tokensRenamed();
    /// Anything in the scenario changed (after the finer signals): options views sync.
    void scenarioChanged();
    /// A new trace (or a new error) is ready.
    void traceChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);
    /// The oldest undo steps were dropped to stay within the memory budget.
    /// Emitted the first time only, again after reset().
    void historyTrimmed();

private:
    void recompute();
    void pushStep(DocumentCommand *command);
    void keepHistoryWithinBudget();
    void dropOldestSteps(int dropped);

    Scenario m_scenario;
    Trace m_trace;
    std::optional<Error> m_error;
    QUndoStack *m_undoStack = nullptr;
    QString m_filePath;
    int m_lastGesture = 0;
    std::size_t m_undoMemoryBudget = defaultUndoMemoryBudget;
    bool m_rebuildingHistory = false;
    bool m_toldHistoryTrimmed = false;
};

} // namespace attn::ui
