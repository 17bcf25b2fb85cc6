#include "document.h"

#include "change_scenario_command.h"
#include "set_cells_command.h"

#include <QUndoStack>
#include <utility>

namespace attn::ui {

namespace {

constexpr int undoLimit = 500;

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
    m_undoStack->setUndoLimit(undoLimit);
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
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
    const QString text =
        rows * cols == 1
            ? tr("Change %1[%2][%3]").arg(QLatin1String(matrixSymbol(id))).arg(row).arg(col)
            : tr("Paste into %1").arg(QLatin1String(matrixSymbol(id)));
    m_undoStack->push(new SetCellsCommand(this, id, row, col, before, after, gesture, text));
}

void Document::setCell(MatrixId id, int row, int col, double value, int gesture)
{
    setCells(id, row, col, Matrix::Constant(1, 1, value), gesture);
}

void Document::change(const Scenario &next, const QString &description, int gesture)
{
    if (next == m_scenario)
        return; // nothing to undo
    m_undoStack->push(new ChangeScenarioCommand(this, m_scenario, next, gesture, description));
}

void Document::reset(const Scenario &scenario, const QString &filePath)
{
    m_undoStack->clear();
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

void Document::recompute()
{
    // Into the existing trace: at hundreds of tokens, fresh matrices on every
    // edit cost more than the arithmetic. An invalid scenario leaves it as it was.
    m_error = computeInto(m_scenario, m_trace);
    emit traceChanged();
}

} // namespace attn::ui
