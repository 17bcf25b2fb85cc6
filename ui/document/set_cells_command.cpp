#include "set_cells_command.h"

#include "document.h"

#include <utility>

namespace attn::ui {

namespace {
constexpr int setCellsCommandId = 1001;
}

SetCellsCommand::SetCellsCommand(Document *document, MatrixId id, int row, int col, Matrix before,
                                 Matrix after, int gesture, const QString &text)
    : DocumentCommand(text), m_document(document), m_matrix(id), m_row(row), m_col(col),
      m_before(std::move(before)), m_after(std::move(after)), m_gesture(gesture)
{
}

void SetCellsCommand::undo()
{
    if (m_document->isRebuildingHistory())
        return;
    m_document->applyCells(m_matrix, m_row, m_col, m_before);
}

void SetCellsCommand::redo()
{
    if (m_document->isRebuildingHistory())
        return;
    m_document->applyCells(m_matrix, m_row, m_col, m_after);
}

int SetCellsCommand::id() const
{
    return m_gesture != 0 ? setCellsCommandId : -1;
}

bool SetCellsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetCellsCommand *>(other);
    if (m_document->isRebuildingHistory() || next->m_gesture != m_gesture ||
        next->m_matrix != m_matrix || next->m_row != m_row || next->m_col != m_col ||
        next->m_after.rows() != m_after.rows() || next->m_after.cols() != m_after.cols())
        return false;
    m_after = next->m_after;
    // A scrub that ends where it started leaves nothing to undo.
    setObsolete(m_after == m_before);
    return true;
}

std::size_t SetCellsCommand::bytes() const
{
    return undoStepOverheadBytes + sizeof(double) * std::size_t(m_before.size() + m_after.size());
}

std::unique_ptr<DocumentCommand> SetCellsCommand::takeOver()
{
    return std::make_unique<SetCellsCommand>(m_document, m_matrix, m_row, m_col,
                                             std::move(m_before), std::move(m_after), m_gesture,
                                             text());
}

} // namespace attn::ui
