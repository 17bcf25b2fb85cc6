#pragma once

#include <QUndoCommand>
#include <cstddef>
#include <memory>

namespace attn::ui {

/// Every undo step is charged this much for itself: the command object, its
/// description and the small options it keeps. The values it keeps come on top.
inline constexpr std::size_t undoStepOverheadBytes = 1024;

/// An undo step of the document that knows the memory it holds, so the
/// document can keep its history within a budget (Document::undoMemoryBudget).
class DocumentCommand : public QUndoCommand
{
public:
    using QUndoCommand::QUndoCommand;

    /// The memory this step holds: undoStepOverheadBytes plus the values it keeps.
    virtual std::size_t bytes() const = 0;

    /// A new command with this one's description, gesture and values, moved
    /// out of this one (left empty: it is about to be deleted). Used to drop
    /// the oldest steps, as QUndoStack cannot remove steps from its bottom.
    virtual std::unique_ptr<DocumentCommand> takeOver() = 0;
};

} // namespace attn::ui
