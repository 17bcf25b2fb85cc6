#include "history_actions.h"

#include <QAction>
#include <QUndoStack>

namespace attn::ui {

HistoryActions::HistoryActions(QUndoStack *stack, QObject *parent)
    : QObject(parent), m_stack(stack)
{
    m_undoMenu = stack->createUndoAction(this, tr("&Undo"));
    m_undoMenu->setShortcut(QKeySequence::Undo);
    m_redoMenu = stack->createRedoAction(this, tr("&Redo"));
    m_redoMenu->setShortcut(QKeySequence::Redo);

    m_undoButton = new QAction(tr("Undo"), this);
    m_undoButton->setObjectName(QStringLiteral("undoButton"));
    m_redoButton = new QAction(tr("Redo"), this);
    m_redoButton->setObjectName(QStringLiteral("redoButton"));
    connect(m_undoButton, &QAction::triggered, stack, &QUndoStack::undo);
    connect(m_redoButton, &QAction::triggered, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::indexChanged, this, &HistoryActions::update);
    connect(stack, &QUndoStack::cleanChanged, this, &HistoryActions::update);
    update();
}

void HistoryActions::update()
{
    const QString undoKeys = m_undoMenu->shortcut().toString(QKeySequence::NativeText);
    const QString redoKeys = m_redoMenu->shortcut().toString(QKeySequence::NativeText);
    m_undoButton->setEnabled(m_stack->canUndo());
    m_redoButton->setEnabled(m_stack->canRedo());
    const QString undo = m_stack->canUndo()
                             ? tr("Undo: %1 (%2)").arg(m_stack->undoText(), undoKeys)
                             : tr("Nothing to undo (%1)").arg(undoKeys);
    const QString redo = m_stack->canRedo()
                             ? tr("Redo: %1 (%2)").arg(m_stack->redoText(), redoKeys)
                             : tr("Nothing to redo (%1)").arg(redoKeys);
    m_undoButton->setToolTip(undo);
    m_undoButton->setStatusTip(undo);
    m_redoButton->setToolTip(redo);
    m_redoButton->setStatusTip(redo);
}

} // namespace attn::ui
