#include "change_scenario_command.h"

#include "document.h"

#include <utility>

namespace attn::ui {

namespace {
constexpr int changeScenarioCommandId = 1002;
}

ChangeScenarioCommand::ChangeScenarioCommand(Document *document, const Scenario &before,
                                             const Scenario &after, int gesture,
                                             const QString &text)
    : ChangeScenarioCommand(document, ScenarioDelta(before, after), gesture, text)
{
}

ChangeScenarioCommand::ChangeScenarioCommand(Document *document, ScenarioDelta delta, int gesture,
                                             const QString &text)
    : DocumentCommand(text), m_document(document), m_delta(std::move(delta)), m_gesture(gesture)
{
}

void ChangeScenarioCommand::undo()
{
    if (m_document->isRebuildingHistory())
        return;
    Scenario scenario = m_document->scenario();
    m_delta.undoOn(scenario);
    m_document->applyScenario(std::move(scenario));
}

void ChangeScenarioCommand::redo()
{
    if (m_document->isRebuildingHistory())
        return;
    Scenario scenario = m_document->scenario();
    m_delta.redoOn(scenario);
    m_document->applyScenario(std::move(scenario));
}

int ChangeScenarioCommand::id() const
{
    return m_gesture != 0 ? changeScenarioCommandId : -1;
}

bool ChangeScenarioCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ChangeScenarioCommand *>(other);
    if (next->m_gesture != m_gesture || m_document->isRebuildingHistory())
        return false;
    m_delta.append(next->m_delta);
    setObsolete(m_delta.isEmpty());
    return true;
}

std::size_t ChangeScenarioCommand::bytes() const
{
    return undoStepOverheadBytes + m_delta.bytes();
}

std::unique_ptr<DocumentCommand> ChangeScenarioCommand::takeOver()
{
    return std::make_unique<ChangeScenarioCommand>(m_document, std::move(m_delta), m_gesture,
                                                   text());
}

} // namespace attn::ui
