#pragma once

#include "scenario.h"

#include <QUndoCommand>

namespace attn::ui {

class Document;

/// Replaces the whole scenario: options, shapes, token names. Commands of
/// the same gesture (a slider drag) merge into one undo step.
class ChangeScenarioCommand : public QUndoCommand
{
public:
    ChangeScenarioCommand(Document *document, const Scenario &before, const Scenario &after,
                          int gesture, const QString &text);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document *m_document;
    Scenario m_before;
    Scenario m_after;
    int m_gesture;
};

} // namespace attn::ui
