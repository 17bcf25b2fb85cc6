#pragma once

#include "scenario_matrix.h"

#include <QScrollArea>
#include <array>

class QGroupBox;
class QLabel;

namespace attn::ui {

class Document;
class MatrixEditor;

/// The Matrices dock: an editor for every matrix the scenario has (X, W_Q,
/// W_K, W_V and those its options add), each under a title that names its
/// shape; the others are hidden. Editors are as large as their matrices, so
/// the panel is the one thing that scrolls. A refused value is explained in a
/// line right under its editor.
class MatricesPanel : public QScrollArea
{
    Q_OBJECT

public:
    explicit MatricesPanel(Document *document, QWidget *parent = nullptr);

    MatrixEditor *editor(MatrixId id) const { return m_editors[std::size_t(id)]; }
    /// The line under an editor that says why its last value was refused;
    /// hidden until a value is refused, hidden again after the next good edit.
    QLabel *refusalLabel(MatrixId id) const { return m_refusals[std::size_t(id)]; }
    /// Gives the editor the keyboard focus and scrolls it into view.
    void focusEditor(MatrixId id);

signals:
    /// A typed or pasted value was refused; the message names the cell.
    void inputRejected(const QString &message);

private:
    void updateEditors();
    void showRefusal(MatrixId id, const QString &message);

    Document *m_document;
    std::array<MatrixEditor *, matrixIdCount> m_editors{};
    std::array<QGroupBox *, matrixIdCount> m_boxes{};
    std::array<QLabel *, matrixIdCount> m_refusals{};
};

} // namespace attn::ui
