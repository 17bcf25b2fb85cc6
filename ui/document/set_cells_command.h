#pragma once

#include "document_command.h"
#include "scenario_matrix.h"

namespace attn::ui {

class Document;

/// Changes a block of cells of one matrix. Commands of the same gesture (a
/// scrub of one cell) merge, so the whole drag is one undo step.
class SetCellsCommand : public DocumentCommand
{
public:
    SetCellsCommand(Document *document, MatrixId id, int row, int col, Matrix before, Matrix after,
                    int gesture, const QString &text);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    std::size_t bytes() const override;
    std::unique_ptr<DocumentCommand> takeOver() override;

private:
    Document *m_document;
    MatrixId m_matrix;
    int m_row;
    int m_col;
    Matrix m_before;
    Matrix m_after;
    int m_gesture;
};

} // namespace attn::ui
