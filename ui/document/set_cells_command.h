#pragma once

#include "scenario_matrix.h"

#include <QUndoCommand>

namespace attn::ui {

class Document;

/// Changes a block of cells of one matrix. Commands of the same gesture (a
/// scrub of one cell) merge, so the whole drag is one undo step.
class SetCellsCommand : public QUndoCommand
{
public:
    SetCellsCommand(Document *document, MatrixId id, int row, int col, const Matrix &before,
                    const Matrix &after, int gesture, const QString &text);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

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
