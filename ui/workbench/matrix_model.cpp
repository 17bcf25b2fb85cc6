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

bool isVector(MatrixId id)
{
    return id == MatrixId::ScoreVector || id == MatrixId::PositionVector;
}

constexpr QChar typographicMinus(0x2212);

/// Whether the text puts the locale's group separators where the locale does:
/// every three digits of an integer part that does not begin with 0
/// ("1.234,5" or "12.345" in German; not "1.5", "1.5.0" or "0.125").
bool wellGrouped(const QString &text, const QLocale &locale)
{
    const QString group = locale.groupSeparator();
    if (group.isEmpty() || !text.contains(group))
        return false;
    const QString pattern =
        QStringLiteral("^[+\\-]?[1-9]\\d{0,2}(?:%1\\d{3})+(?:%2\\d*)?(?:[eE][+\\-]?\\d+)?$")
            .arg(QRegularExpression::escape(group),
                 QRegularExpression::escape(locale.decimalPoint()));
    return QRegularExpression(pattern).match(text).hasMatch();
}

/// Whether the text is written as a number with an exponent, in the C form or
/// the locale's ("1e-400", "2,5e-400"): if such a text does not read, its value
/// lies beyond what a double holds.
bool hasNumberShape(const QString &text, const QLocale &locale)
{
    const QString pattern =
        QStringLiteral("^[+\\-]?(?:\\d+(?:(?:\\.|%1)\\d*)?|(?:\\.|%1)\\d+)[eE][+\\-]?\\d+$")
            .arg(QRegularExpression::escape(locale.decimalPoint()));
    return QRegularExpression(pattern).match(text).hasMatch();
}

/// The UI's locale without group separators: a cell's text must read back as
/// the same number, and "1.500" in German would not (see readNumber()).
QLocale cellLocale()
{
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    return locale;
}

QString limitText()
{
    return cellLocale().toString(MatrixModel::largestValue, 'g', 6);
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
    // Any successful edit, here or elsewhere, takes the refusal away.
    connect(m_document, &Document::scenarioChanged, this, &MatrixModel::clearRefusal);
    connect(m_document, &Document::structureChanged, this, [this] {
        clearRefusal();
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
        if (role == RefusedRole)
            return index.row() == m_refusedRow && index.column() == m_refusedColumn;
        if (role == Qt::ToolTipRole)
            return index.row() == m_refusedRow && index.column() == m_refusedColumn
                       ? m_refusal
                       : tr("The word's name, shown on the heatmaps' axes");
        return {};
    }
    const bool refused = index.row() == m_refusedRow && index.column() == m_refusedColumn;
    switch (role) {
    case RefusedRole:
        return refused;
    case Qt::DisplayRole:
        return cellLocale().toString(value(index), 'g', 6);
    case Qt::EditRole:
        // Text, not a double: the editor is then a line edit that shows every
        // digit and takes what people type ("1e-3", "−2"), not a spin box
        // that rounds to two decimals.
        return cellLocale().toString(value(index), 'g', QLocale::FloatingPointShortest);
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (refused)
            return m_refusal;
        return tr("%1 = %2 — type a number, drag left or right to scrub, Alt+↑/↓ to nudge")
            .arg(cellName(index.row(), col),
                 cellLocale().toString(value(index), 'g', QLocale::FloatingPointShortest));
    default:
        return {};
    }
}

std::optional<double> MatrixModel::parseNumber(const QString &text)
{
    return readNumber(text).value;
}

// How a typed text is read, under the UI's locale (QLocale()):
// 1. The locale's own form: its decimal separator, and group separators only
//    in their proper places (see wellGrouped()). In German "1,5" is 1.5 and
//    "1.234,5" is 1234.5; "1.5.0" or "1,5,0" are refused.
// 2. Failing that, the C form, with no group separators: "1.5" and "1e-3" read
//    in every locale, so values copied from a program or a file still work.
// 3. A text that reads in both forms to different numbers is refused, never
//    guessed: in German "1.500" may be 1500 (grouped) or 1.5 (C), so the
//    learner is asked to write 1500 or 1,5. "0.125" is no grouped number in
//    German, so it is 0.125.
// Files, the command line and JSON always use the C form; this is the UI only.
MatrixModel::NumberReading MatrixModel::readNumber(const QString &text)
{
    NumberReading reading;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        reading.problem = NumberProblem::Empty;
        return reading;
    }
    const QLocale locale;
    QString localeText = trimmed;
    localeText.replace(typographicMinus, locale.negativeSign());
    if (wellGrouped(localeText, locale))
        localeText.remove(locale.groupSeparator());
    QLocale localeForm = locale;
    localeForm.setNumberOptions(locale.numberOptions() | QLocale::RejectGroupSeparator);
    bool localeOk = false;
    const double localeValue = localeForm.toDouble(localeText, &localeOk);

    QString cText = trimmed;
    cText.replace(typographicMinus, QLatin1Char('-'));
    QLocale cForm = QLocale::c();
    cForm.setNumberOptions(QLocale::RejectGroupSeparator);
    bool cOk = false;
    const double cValue = cForm.toDouble(cText, &cOk);

    if (localeOk && cOk && !(localeValue == cValue) &&
        !(std::isnan(localeValue) && std::isnan(cValue))) {
        reading.problem = NumberProblem::Ambiguous;
        reading.localeReading = localeValue;
        reading.cReading = cValue;
        return reading;
    }
    if (localeOk || cOk) {
        const double number = localeOk ? localeValue : cValue;
        if (std::isnan(number))
            reading.problem = NumberProblem::NaN;
        else if (std::isinf(number))
            reading.problem = NumberProblem::Infinite;
        else if (std::abs(number) > largestValue)
            reading.problem = NumberProblem::TooLarge;
        else
            reading.value = number == 0.0 ? 0.0 : number; // no −0 in a cell
        return reading;
    }
    // Qt reads an overflow as ±∞ and an underflow as 0, both with ok = false.
    if (std::isinf(localeValue) || std::isinf(cValue))
        reading.problem = NumberProblem::TooLarge;
    else if (hasNumberShape(cText, locale))
        reading.problem = NumberProblem::TooSmall;
    else
        reading.problem = NumberProblem::NotANumber;
    return reading;
}

QString MatrixModel::problemText(const NumberReading &reading, const QString &typed)
{
    const QString shown = typed.trimmed();
    switch (reading.problem) {
    case NumberProblem::None:
        return {};
    case NumberProblem::Empty:
        return tr("an empty cell is not a number");
    case NumberProblem::NotANumber:
        return tr("“%1” is not a number").arg(shown);
    case NumberProblem::Ambiguous: {
        const QLocale plain = cellLocale();
        return tr("“%1” could mean %2 or %3; type %2 or %3 to say which")
            .arg(shown, plain.toString(reading.localeReading, 'g', QLocale::FloatingPointShortest),
                 plain.toString(reading.cReading, 'g', QLocale::FloatingPointShortest));
    }
    case NumberProblem::TooLarge:
        return tr("%1 is too large; values must lie within ±%2").arg(shown, limitText());
    case NumberProblem::TooSmall:
        return tr("%1 is too close to 0 to be stored; type 0 for zero").arg(shown);
    case NumberProblem::Infinite:
        return tr("“%1” is infinite; values must lie within ±%2").arg(shown, limitText());
    case NumberProblem::NaN:
        return tr("“%1” is not a number (NaN); a cell needs a finite value").arg(shown);
    }
    return {};
}

QModelIndex MatrixModel::refusedCell() const
{
    if (m_refusedRow < 0 || m_refusedRow >= rowCount() || m_refusedColumn >= columnCount())
        return {};
    return index(m_refusedRow, m_refusedColumn);
}

void MatrixModel::refuse(int row, int column, const QString &message)
{
    const QModelIndex before = refusedCell();
    m_refusedRow = row;
    m_refusedColumn = column;
    m_refusal = message;
    if (before.isValid() && before != refusedCell())
        emit dataChanged(before, before, {RefusedRole, Qt::ToolTipRole});
    if (const QModelIndex cell = refusedCell(); cell.isValid())
        emit dataChanged(cell, cell, {RefusedRole, Qt::ToolTipRole});
    emit refusalChanged(m_refusal);
    emit inputRejected(m_refusal);
}

void MatrixModel::clearRefusal()
{
    if (m_refusal.isEmpty())
        return;
    const QModelIndex before = refusedCell();
    m_refusedRow = -1;
    m_refusedColumn = -1;
    m_refusal.clear();
    if (before.isValid())
        emit dataChanged(before, before, {RefusedRole, Qt::ToolTipRole});
    emit refusalChanged(QString());
}

bool MatrixModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole)
        return false;
    const int col = matrixColumn(index.column());
    if (col < 0)
        return setTokenName(index.row(), value.toString());

    NumberReading reading;
    if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Int) {
        const double number = value.toDouble();
        if (std::isnan(number))
            reading.problem = NumberProblem::NaN;
        else if (std::isinf(number))
            reading.problem = NumberProblem::Infinite;
        else
            reading.value = number;
    } else {
        reading = readNumber(value.toString());
    }
    if (!reading.value) {
        refuse(index.row(), index.column(),
               tr("%1: %2; the value stays %3.")
                   .arg(cellName(index.row(), col), problemText(reading, value.toString()),
                        cellLocale().toString(this->value(index), 'g', 6)));
        return false;
    }
    clearRefusal(); // also when the value is the one the cell had
    return setValue(index, *reading.value);
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
            const NumberReading reading = readNumber(cells[row][col]);
            if (!reading.value) {
                const int offset = hasTokenColumn() ? 1 : 0;
                refuse(topLeft.row() + row, firstCol + col + offset,
                       tr("Paste into %1: at %2, %3; nothing was changed.")
                           .arg(QLatin1String(matrixSymbol(m_id)),
                                cellName(topLeft.row() + row, firstCol + col),
                                problemText(reading, cells[row][col])));
                return false;
            }
            block(row, col) = *reading.value;
        }
    }
    clearRefusal();
    m_document->setCells(m_id, topLeft.row(), firstCol, block);
    return true;
}

QVariant MatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section + 1;
    const int col = matrixColumn(section);
    if (col < 0)
        return tr("word");
    return col + 1;
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
    const QString symbol = QLatin1String(matrixSymbol(m_id));
    if (isVector(m_id))
        return QStringLiteral("%1[%2]").arg(symbol).arg(row + 1);
    const QString name = QStringLiteral("%1[%2][%3]").arg(symbol).arg(row + 1).arg(matrixCol + 1);
    const Sequence *sequence = sequenceOf(m_document->scenario(), m_id);
    if (!sequence || row < 0 || row >= int(sequence->tokens.size()))
        return name;
    return tr("%1 (%2)").arg(name, QString::fromStdString(sequence->tokens[std::size_t(row)]));
}

bool MatrixModel::setTokenName(int row, const QString &name)
{
    const Sequence *sequence = sequenceOf(m_document->scenario(), m_id);
    const QString trimmed = name.trimmed();
    if (!sequence || row < 0 || row >= int(sequence->tokens.size()))
        return false;
    if (trimmed.isEmpty()) {
        refuse(row, 0,
               tr("Word %1: a word needs a name; it stays “%2”.")
                   .arg(row + 1)
                   .arg(QString::fromStdString(sequence->tokens[std::size_t(row)])));
        return false;
    }
    clearRefusal();
    if (trimmed.toStdString() == sequence->tokens[std::size_t(row)])
        return true;
    Scenario next = m_document->scenario();
    Sequence &target = m_id == MatrixId::Embeddings ? next.target : *next.source;
    target.tokens[std::size_t(row)] = trimmed.toStdString();
    m_document->change(next, tr("Rename word %1 to “%2”").arg(row + 1).arg(trimmed));
    return true;
}

} // namespace attn::ui
