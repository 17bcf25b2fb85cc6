#include "change_scenario_command.h"

#include "document.h"

namespace attn::ui {

namespace {
constexpr int changeScenarioCommandId = 1002;
}

ChangeScenarioCommand::ChangeScenarioCommand(Document *document, const Scenario &before,
                                             const Scenario &after, int gesture,
                                             const QString &text)
    : QUndoCommand(text), m_document(document), m_before(before), m_after(after), m_gesture(gesture)
{
}

void ChangeScenarioCommand::undo()
{
    m_document->applyScenario(m_before);
}

void ChangeScenarioCommand::redo()
{
    m_document->applyScenario(m_after);
}

int ChangeScenarioCommand::id() const
{
    return m_gesture != 0 ? changeScenarioCommandId : -1;
}

bool ChangeScenarioCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangeScenarioCommand *>(other);
    if (next->m_gesture != m_gesture)
        return false;
    m_after = next->m_after;
    setObsolete(m_after == m_before);
    return true;
}

} // namespace attn::ui
