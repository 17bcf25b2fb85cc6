#pragma once

#include <QElapsedTimer>
#include <QPersistentModelIndex>
#include <QTableView>

namespace attn::ui {

class MatrixModel;

/// A table for one matrix that lets a learner feel the numbers change.
///
/// - Type a value (any key starts editing; Enter commits).
/// - Scrub: drag a cell left or right; 0.1 per step, 1 with Shift held.
/// - Nudge: Alt+↑/↓ or Alt+wheel by 0.1, Ctrl+↑/↓ or Ctrl+wheel by 1.
/// - Paste a block from a spreadsheet (Ctrl+V), copy the selection (Ctrl+C).
/// A whole drag, or a run of nudges on one cell, is one undo step.
class MatrixEditor : public QTableView
{
    Q_OBJECT

public:
    explicit MatrixEditor(QWidget *parent = nullptr);

    void setMatrixModel(MatrixModel *model);
    MatrixModel *matrixModel() const { return m_model; }

    static constexpr double fineStep = 0.1;
    static constexpr double coarseStep = 1.0;
    /// Pixels of horizontal drag per step.
    static constexpr int pixelsPerStep = 6;

    /// The editor is as large as its matrix, so the panel around it scrolls
    /// and the editor has no scroll bars of its own, up to this many rows and
    /// columns; a larger matrix scrolls inside the editor.
    static constexpr int maxRowsShown = 16;
    static constexpr int maxColumnsShown = 16;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    /// The colour of a refused cell's outline and of the message under it: a
    /// red that stands out from the palette's base, light or dark.
    static QColor refusalColour(const QPalette &palette);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    bool isNumeric(const QModelIndex &index) const;
    /// Adds `delta` to a cell, merging with the previous nudge of the same cell.
    void nudge(const QModelIndex &index, double delta);
    void copySelection();
    void paste();

    MatrixModel *m_model = nullptr;

    QPersistentModelIndex m_scrubIndex;
    QPoint m_scrubStart;
    double m_scrubStartValue = 0.0;
    bool m_scrubbing = false;
    int m_scrubGesture = 0;

    QPersistentModelIndex m_nudgeIndex;
    QElapsedTimer m_lastNudge;
    int m_nudgeGesture = 0;
    double m_wheelRemainder = 0.0;
};

} // namespace attn::ui
