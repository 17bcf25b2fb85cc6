#pragma once

#include "scenario_matrix.h"

#include <QAbstractTableModel>

namespace attn::ui {

class Document;

/// One editable matrix of the document as a table. Rows and columns are the
/// matrix's; the embeddings get a first column with the token names.
///
/// Edits never touch the scenario directly: setData() pushes an undo command
/// to the document, and the document's change signals update the table.
class MatrixModel : public QAbstractTableModel
{
    Q_OBJECT

public:
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

signals:
    /// A typed or pasted value could not be used; says what and where.
    void inputRejected(const QString &message);

private:
    void onCellsChanged(attn::MatrixId id, int row, int col, int rows, int cols);
    QString cellName(int row, int matrixCol) const;
    bool setTokenName(int row, const QString &name);

    Document *m_document;
    MatrixId m_id;
    Matrix m_values; ///< a copy for fast reads, kept in step by the document's signals
};

} // namespace attn::ui
