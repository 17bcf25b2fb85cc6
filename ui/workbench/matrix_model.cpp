#include "matrix_model.h"

#include "document.h"

#include <QLocale>
#include <QRegularExpression>
#include <cmath>

namespace attn::ui {

namespace {

const Sequence *sequenceOf(const Scenario &scenario, MatrixId id)
{
    if (id == MatrixId::Embeddings)
        return &scenario.target;
    if (id == MatrixId::SourceEmbeddings && scenario.source)
        return &*scenario.source;
    return nullptr;
}

} // namespace

MatrixModel::MatrixModel(Document *document, MatrixId id, QObject *parent)
    : QAbstractTableModel(parent), m_document(document), m_id(id),
      m_values(matrixOf(document->scenario(), id))
{
    connect(m_document, &Document::cellsChanged, this, &MatrixModel::onCellsChanged);
    connect(m_document, &Document::tokensRenamed, this, [this] {
        if (hasTokenColumn() && rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, 0),
                             {Qt::DisplayRole, Qt::EditRole});
    });
    connect(m_document, &Document::structureChanged, this, [this] {
        beginResetModel();
        m_values = matrixOf(m_document->scenario(), m_id);
        endResetModel();
    });
}

bool MatrixModel::hasTokenColumn() const
{
    return m_id == MatrixId::Embeddings || m_id == MatrixId::SourceEmbeddings;
}

int MatrixModel::matrixColumn(int column) const
{
    return hasTokenColumn() ? column - 1 : column;
}

int MatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_values.rows());
}

int MatrixModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_values.size() == 0)
        return 0;
    return int(m_values.cols()) + (hasTokenColumn() ? 1 : 0);
}

double MatrixModel::value(const QModelIndex &index) const
{
    const int col = matrixColumn(index.column());
    if (!index.isValid() || col < 0 || index.row() >= m_values.rows() || col >= m_values.cols())
        return 0.0;
    return m_values(index.row(), col);
}

QVariant MatrixModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const int col = matrixColumn(index.column());
    if (col < 0) {
        const Sequence *sequence = sequenceOf(m_document->scenario(), m_id);
        if (!sequence || index.row() >= int(sequence->tokens.size()))
            return {};
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return QString::fromStdString(sequence->tokens[std::size_t(index.row())]);
        if (role == Qt::ToolTipRole)
            return tr("The word's name, shown on the heatmaps' axes");
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return QLocale().toString(value(index), 'g', 6);
    case Qt::EditRole:
        // Text, not a double: the editor is then a line edit that shows every
        // digit and takes what people type ("1e-3", "−2"), not a spin box
        // that rounds to two decimals.
        return QLocale().toString(value(index), 'g', QLocale::FloatingPointShortest);
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return tr("%1 = %2 — type a number, drag left or right to scrub, Alt+↑/↓ to nudge")
            .arg(cellName(index.row(), col),
                 QLocale().toString(value(index), 'g', QLocale::FloatingPointShortest));
    default:
        return {};
    }
}

std::optional<double> MatrixModel::parseNumber(const QString &text)
{
    const QString trimmed = text.trimmed().replace(QChar(0x2212), QLatin1Char('-'));
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    double number = QLocale().toDouble(trimmed, &ok);
    if (!ok)
        number = QLocale::c().toDouble(trimmed, &ok);
    if (!ok || !std::isfinite(number))
        return std::nullopt;
    return number;
}

bool MatrixModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole)
        return false;
    const int col = matrixColumn(index.column());
    if (col < 0)
        return setTokenName(index.row(), value.toString());

    std::optional<double> number;
    if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Int) {
        number = value.toDouble();
        if (!std::isfinite(*number))
            number.reset();
    } else {
        number = parseNumber(value.toString());
    }
    if (!number) {
        emit inputRejected(tr("%1: “%2” is not a number; the value stays %3.")
                               .arg(cellName(index.row(), col), value.toString(),
                                    QLocale().toString(this->value(index), 'g', 6)));
        return false;
    }
    return setValue(index, *number);
}

int MatrixModel::beginGesture()
{
    return m_document->beginGesture();
}

bool MatrixModel::setValue(const QModelIndex &index, double value, int gesture)
{
    const int col = matrixColumn(index.column());
    if (!index.isValid() || col < 0 || !std::isfinite(value))
        return false;
    m_document->setCell(m_id, index.row(), col, value, gesture);
    return true;
}

bool MatrixModel::pasteText(const QModelIndex &topLeft, const QString &text)
{
    if (!topLeft.isValid())
        return false;
    const int firstCol = std::max(0, matrixColumn(topLeft.column()));
    QStringList lines = text.split(QRegularExpression(QStringLiteral("\r\n|\n|\r")));
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    if (lines.isEmpty())
        return false;

    QList<QStringList> cells;
    int width = 0;
    for (const QString &line : lines) {
        // Spreadsheets send tabs; people type spaces or semicolons.
        const QStringList pieces =
            line.contains(QLatin1Char('\t'))
                ? line.split(QLatin1Char('\t'))
                : line.split(QRegularExpression(QStringLiteral("[;\\s]+")), Qt::SkipEmptyParts);
        cells.append(pieces);
        width = std::max(width, int(pieces.size()));
    }
    const int rows = std::min<int>(int(cells.size()), int(m_values.rows()) - topLeft.row());
    const int cols = std::min<int>(width, int(m_values.cols()) - firstCol);
    if (rows <= 0 || cols <= 0)
        return false;

    Matrix block = m_values.block(topLeft.row(), firstCol, rows, cols);
    for (int row = 0; row < rows; ++row) {
        for (int col = 0; col < cols && col < cells[row].size(); ++col) {
            const auto number = parseNumber(cells[row][col]);
            if (!number) {
                emit inputRejected(tr("Paste into %1: “%2” at %3 is not a number; nothing was "
                                      "changed.")
                                       .arg(QLatin1String(matrixSymbol(m_id)), cells[row][col],
                                            cellName(topLeft.row() + row, firstCol + col)));
                return false;
            }
            block(row, col) = *number;
        }
    }
    m_document->setCells(m_id, topLeft.row(), firstCol, block);
    return true;
}

QVariant MatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section;
    const int col = matrixColumn(section);
    if (col < 0)
        return tr("word");
    return col;
}

Qt::ItemFlags MatrixModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

void MatrixModel::onCellsChanged(MatrixId id, int row, int col, int rows, int cols)
{
    if (id != m_id)
        return;
    const Matrix current = matrixOf(m_document->scenario(), m_id);
    if (current.rows() != m_values.rows() || current.cols() != m_values.cols()) {
        beginResetModel();
        m_values = current;
        endResetModel();
        return;
    }
    m_values.block(row, col, rows, cols) = current.block(row, col, rows, cols);
    const int offset = hasTokenColumn() ? 1 : 0;
    emit dataChanged(index(row, col + offset), index(row + rows - 1, col + cols - 1 + offset),
                     {Qt::DisplayRole, Qt::EditRole, Qt::ToolTipRole});
}

QString MatrixModel::cellName(int row, int matrixCol) const
{
    return QStringLiteral("%1[%2][%3]")
        .arg(QLatin1String(matrixSymbol(m_id)))
        .arg(row)
        .arg(matrixCol);
}

bool MatrixModel::setTokenName(int row, const QString &name)
{
    const Sequence *sequence = sequenceOf(m_document->scenario(), m_id);
    const QString trimmed = name.trimmed();
    if (!sequence || row < 0 || row >= int(sequence->tokens.size()))
        return false;
    if (trimmed.isEmpty()) {
        emit inputRejected(tr("Word %1: a word needs a name; it stays “%2”.")
                               .arg(row)
                               .arg(QString::fromStdString(sequence->tokens[std::size_t(row)])));
        return false;
    }
    if (trimmed.toStdString() == sequence->tokens[std::size_t(row)])
        return true;
    Scenario next = m_document->scenario();
    Sequence &target = m_id == MatrixId::Embeddings ? next.target : *next.source;
    target.tokens[std::size_t(row)] = trimmed.toStdString();
    m_document->change(next, tr("Rename word %1 to “%2”").arg(row).arg(trimmed));
    return true;
}

} // namespace attn::ui
