#pragma once

#include "document_command.h"
#include "scenario_delta.h"

namespace attn::ui {

class Document;

/// Changes the scenario as a whole: options, shapes, token names, a preset.
/// Keeps only what the change altered (ScenarioDelta), not two copies of the
/// scenario. Commands of the same gesture (a slider drag) merge into one undo
/// step.
class ChangeScenarioCommand : public DocumentCommand
{
public:
    ChangeScenarioCommand(Document *document, const Scenario &before, const Scenario &after,
                          int gesture, const QString &text);
    ChangeScenarioCommand(Document *document, ScenarioDelta delta, int gesture,
                          const QString &text);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    std::size_t bytes() const override;
    std::unique_ptr<DocumentCommand> takeOver() override;

    const ScenarioDelta &delta() const { return m_delta; }

private:
    Document *m_document;
    ScenarioDelta m_delta;
    int m_gesture;
};

} // namespace attn::ui
