#include "document.h"

#include "change_scenario_command.h"
#include "set_cells_command.h"

#include <QUndoStack>
#include <memory>
#include <utility>
#include <vector>

namespace attn::ui {

namespace {

bool sameShape(const Scenario &a, const Scenario &b, MatrixId id)
{
    if (hasMatrix(a, id) != hasMatrix(b, id))
        return false;
    const Matrix left = matrixOf(a, id);
    const Matrix right = matrixOf(b, id);
    return left.rows() == right.rows() && left.cols() == right.cols();
}

/// Same number of tokens, same matrices with the same shapes: editors can
/// stay as they are (a renamed word only changes a label).
bool sameStructure(const Scenario &a, const Scenario &b)
{
    if (a.target.tokens.size() != b.target.tokens.size() ||
        a.source.has_value() != b.source.has_value())
        return false;
    if (a.source && a.source->tokens.size() != b.source->tokens.size())
        return false;
    for (int index = 0; index < matrixIdCount; ++index) {
        if (!sameShape(a, b, static_cast<MatrixId>(index)))
            return false;
    }
    return true;
}

} // namespace

Document::Document(QObject *parent)
    : QObject(parent), m_scenario(tutorialScenario()), m_undoStack(new QUndoStack(this))
{
    m_undoStack->setUndoLimit(undoStepLimit);
    // While old steps are dropped the stack is emptied and filled again: its
    // clean state passes through values that say nothing about the work.
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (!m_rebuildingHistory)
            emit modifiedChanged(!clean);
    });
    recompute();
}

Document::~Document() = default;

void Document::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

bool Document::isModified() const
{
    return !m_undoStack->isClean();
}

void Document::markSaved()
{
    m_undoStack->setClean();
}

void Document::setCells(MatrixId id, int row, int col, const Matrix &block, int gesture)
{
    const Matrix current = matrixOf(m_scenario, id);
    if (block.size() == 0 || row < 0 || col < 0 || row >= current.rows() || col >= current.cols())
        return;
    const Eigen::Index rows = std::min<Eigen::Index>(block.rows(), current.rows() - row);
    const Eigen::Index cols = std::min<Eigen::Index>(block.cols(), current.cols() - col);
    const Matrix before = current.block(row, col, rows, cols);
    const Matrix after = block.topLeftCorner(rows, cols);
    if (before == after)
        return;
    // Counted from 1, as the editors and the lesson count.
    const QString text =
        rows * cols == 1
            ? tr("Change %1[%2][%3]").arg(QLatin1String(matrixSymbol(id))).arg(row + 1).arg(col + 1)
            : tr("Paste into %1").arg(QLatin1String(matrixSymbol(id)));
    pushStep(new SetCellsCommand(this, id, row, col, before, after, gesture, text));
}

void Document::setCell(MatrixId id, int row, int col, double value, int gesture)
{
    setCells(id, row, col, Matrix::Constant(1, 1, value), gesture);
}

void Document::change(const Scenario &next, const QString &description, int gesture)
{
    if (next == m_scenario)
        return; // nothing to undo
    pushStep(new ChangeScenarioCommand(this, m_scenario, next, gesture, description));
}

void Document::reset(const Scenario &scenario, const QString &filePath)
{
    m_undoStack->clear();
    m_toldHistoryTrimmed = false;
    m_scenario = scenario;
    setFilePath(filePath);
    emit structureChanged();
    emit scenarioChanged();
    recompute();
    m_undoStack->setClean();
    emit modifiedChanged(false);
}

void Document::applyCells(MatrixId id, int row, int col, const Matrix &block)
{
    if (!setBlock(m_scenario, id, row, col, block))
        return;
    emit cellsChanged(id, row, col, int(block.rows()), int(block.cols()));
    emit scenarioChanged();
    recompute();
}

void Document::applyScenario(Scenario scenario)
{
    const bool structural = !sameStructure(m_scenario, scenario);
    const Scenario previous = std::exchange(m_scenario, std::move(scenario));
    if (structural) {
        emit structureChanged();
    } else {
        const bool renamed =
            previous.target.tokens != m_scenario.target.tokens ||
            (previous.source && previous.source->tokens != m_scenario.source->tokens);
        if (renamed)
            emit tokensRenamed();
        for (int index = 0; index < matrixIdCount; ++index) {
            const auto id = static_cast<MatrixId>(index);
            const Matrix values = matrixOf(m_scenario, id);
            if (values != matrixOf(previous, id))
                emit cellsChanged(id, 0, 0, int(values.rows()), int(values.cols()));
        }
    }
    emit scenarioChanged();
    recompute();
}

void Document::setUndoMemoryBudget(std::size_t bytes)
{
    m_undoMemoryBudget = bytes;
    keepHistoryWithinBudget();
}

std::size_t Document::undoMemoryUsed() const
{
    std::size_t bytes = 0;
    for (int index = 0; index < m_undoStack->count(); ++index)
        bytes += static_cast<const DocumentCommand *>(m_undoStack->command(index))->bytes();
    return bytes;
}

void Document::pushStep(DocumentCommand *command)
{
    m_undoStack->push(command); // may merge into the newest step and delete `command`
    keepHistoryWithinBudget();
}

void Document::keepHistoryWithinBudget()
{
    // Keep the newest steps that fit; never drop a step that can be redone
    // (only a push trims, and a push leaves nothing to redo).
    const int index = m_undoStack->index();
    std::size_t bytes = 0;
    for (int step = m_undoStack->count() - 1; step >= index; --step)
        bytes += static_cast<const DocumentCommand *>(m_undoStack->command(step))->bytes();
    int keepFrom = index;
    while (keepFrom > 0) {
        const std::size_t cost =
            static_cast<const DocumentCommand *>(m_undoStack->command(keepFrom - 1))->bytes();
        if (bytes + cost > m_undoMemoryBudget)
            break;
        bytes += cost;
        --keepFrom;
    }
    if (keepFrom == 0)
        return;
    dropOldestSteps(keepFrom);
    if (!m_toldHistoryTrimmed) {
        m_toldHistoryTrimmed = true;
        emit historyTrimmed();
    }
}

void Document::dropOldestSteps(int dropped)
{
    // QUndoStack can only lose steps at its bottom through its step limit, so
    // the kept steps move into new commands and the stack is filled again. The
    // scenario stays as it is: nothing is undone or redone on the way.
    const int count = m_undoStack->count();
    const int index = m_undoStack->index();
    const int clean = m_undoStack->cleanIndex(); // −1: the saved state is out of reach already
    const bool wasModified = isModified();

    std::vector<std::unique_ptr<DocumentCommand>> kept;
    kept.reserve(std::size_t(count - dropped));
    for (int step = dropped; step < count; ++step) {
        // The stack owns its steps as const; they are about to be deleted.
        auto *command = const_cast<DocumentCommand *>(
            static_cast<const DocumentCommand *>(m_undoStack->command(step)));
        kept.push_back(command->takeOver());
    }

    m_rebuildingHistory = true;
    m_undoStack->clear(); // clean at step 0
    const int keptClean = clean >= dropped ? clean - dropped : -1;
    for (auto &command : kept) {
        m_undoStack->push(command.release());
        if (m_undoStack->index() == keptClean)
            m_undoStack->setClean();
    }
    if (keptClean < 0)
        m_undoStack->resetClean(); // the saved state was dropped: no undo reaches it
    m_undoStack->setIndex(index - dropped);
    m_rebuildingHistory = false;

    if (isModified() != wasModified)
        emit modifiedChanged(isModified());
}

void Document::recompute()
{
    // Into the existing trace: at hundreds of tokens, fresh matrices on every
    // edit cost more than the arithmetic. An invalid scenario leaves it as it was.
    m_error = computeInto(m_scenario, m_trace);
    emit traceChanged();
}

} // namespace attn::ui
