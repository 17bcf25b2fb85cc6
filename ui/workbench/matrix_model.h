#pragma once

#include "scenario_matrix.h"

#include <QAbstractTableModel>
#include <limits>
#include <optional>

namespace attn::ui {

class Document;

/// One editable matrix of the document as a table. Rows and columns are the
/// matrix's; the embeddings get a first column with the token names.
///
/// Edits never touch the scenario directly: setData() pushes an undo command
/// to the document, and the document's change signals update the table.
///
/// Rows and columns are numbered from 1 in the headers and in every message,
/// as the lesson writes them (W_K[1][2] is the first row, second column).
///
/// A refused value leaves the cell as it was and marks it (RefusedRole, with
/// the reason as its tooltip) until the next successful edit of the document.
class MatrixModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role
    {
        /// true on the cell whose last typed or pasted value was refused.
        RefusedRole = Qt::UserRole + 1,
    };

    /// Why a typed text is not a value a cell can hold.
    enum class NumberProblem
    {
        None,
        Empty,
        NotANumber,
        /// Reads as a number in both the locale's form and the C form, differently
        /// ("1.500" in German: 1500 or 1.5).
        Ambiguous,
        TooLarge,
        /// Nearer 0 than a double holds ("1e-400").
        TooSmall,
        Infinite,
        NaN,
    };
    Q_ENUM(NumberProblem)

    /// A typed text read as a number, or why it cannot be one.
    struct NumberReading
    {
        std::optional<double> value;
        NumberProblem problem = NumberProblem::None;
        /// For Ambiguous: the reading in the locale's form and in the C form.
        double localeReading = 0.0;
        double cReading = 0.0;
    };

    /// The largest magnitude a cell holds. The engine's validation refuses
    /// only what is not finite (NonFinite), so its limit is the largest double.
    static constexpr double largestValue = std::numeric_limits<double>::max();

    MatrixModel(Document *document, MatrixId id, QObject *parent = nullptr);

    MatrixId matrixId() const { return m_id; }
    /// Whether column 0 holds the token names.
    bool hasTokenColumn() const;
    /// The matrix column a table column shows (−1 for the token column).
    int matrixColumn(int column) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    /// The number in a cell (0 for the token column).
    double value(const QModelIndex &index) const;
    /// A key for a run of edits (a scrub, nudges) that undo as one step.
    int beginGesture();
    /// Sets a cell as part of a gesture (scrub, nudge); gesture 0 is a single step.
    bool setValue(const QModelIndex &index, double value, int gesture = 0);
    /// Pastes rows of tab- or space-separated numbers with the top-left at `topLeft`.
    /// Returns false and emits inputRejected() if a piece is not a number.
    bool pasteText(const QModelIndex &topLeft, const QString &text);

    /// Reads a number as a person types it: "1.5", "1,5" (in a comma locale), "-2", "1e-3".
    static std::optional<double> parseNumber(const QString &text);
    /// As parseNumber(), with the reason when the text is no usable number.
    static NumberReading readNumber(const QString &text);
    /// The reason in words, after the cell's name: "1e400 is too large; …".
    static QString problemText(const NumberReading &reading, const QString &typed);

    /// The message shown for the refused cell, empty when none is refused.
    QString refusal() const { return m_refusal; }
    /// The refused cell (a table index), invalid when none is.
    QModelIndex refusedCell() const;
    /// The cell as messages name it, 1-based: "W_K[1][2]", "X[2][3] (word_2)".
    QString cellName(int row, int matrixCol) const;

signals:
    /// A typed or pasted value could not be used; says what and where.
    void inputRejected(const QString &message);
    /// The refusal shown at a cell appeared, changed or (empty) went away.
    void refusalChanged(const QString &message);

private:
    void onCellsChanged(attn::MatrixId id, int row, int col, int rows, int cols);
    bool setTokenName(int row, const QString &name);
    /// Marks the cell at (row, table column) as refused, with the message.
    void refuse(int row, int column, const QString &message);
    void clearRefusal();

    Document *m_document;
    MatrixId m_id;
    Matrix m_values; ///< a copy for fast reads, kept in step by the document's signals
    int m_refusedRow = -1;
    int m_refusedColumn = -1; ///< a table column
    QString m_refusal;
};

} // namespace attn::ui
