#pragma once

#include <QObject>

class QAction;
class QUndoStack;

namespace attn::ui {

/// Undo and Redo, twice: for the Edit menu, whose entries name the change
/// ("Undo Set the number of heads to 3") and hold the shortcuts, and for the
/// tool bar, whose buttons keep a short, fixed label so that the buttons after
/// them never move; the change they would undo is in their tool tip.
class HistoryActions : public QObject
{
    Q_OBJECT

public:
    HistoryActions(QUndoStack *stack, QObject *parent);

    QAction *undoMenuAction() const { return m_undoMenu; }
    QAction *redoMenuAction() const { return m_redoMenu; }
    QAction *undoButtonAction() const { return m_undoButton; }
    QAction *redoButtonAction() const { return m_redoButton; }

private:
    void update();

    QUndoStack *m_stack;
    QAction *m_undoMenu = nullptr;
    QAction *m_redoMenu = nullptr;
    QAction *m_undoButton = nullptr;
    QAction *m_redoButton = nullptr;
};

} // namespace attn::ui
