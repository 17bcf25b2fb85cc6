#pragma once

#include "scenario.h"
#include "trace.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;

namespace attn::ui {

class HeatmapInspector;
class HeatmapView;

/// One stage of the pipeline up close: its title (and head), a way back to
/// all the stages, the zoom buttons and a HeatmapInspector of the stage's
/// card, so that the close-up shows what the card shows.
///
/// While it has the focus: Esc goes back (closeRequested), Ctrl++ / Ctrl+=
/// and Ctrl+− zoom round the middle, Ctrl+0 fits the matrix to the view,
/// the arrow and page keys pan. These keys are taken before the window's own
/// shortcuts (which zoom the text of the whole window).
class StageInspector : public QWidget
{
    Q_OBJECT

public:
    explicit StageInspector(QWidget *parent = nullptr);

    /// Shows `stage` of `head` (for the per-head stages) from its card `source`.
    void inspect(Stage stage, int head, const HeatmapView *source, const Scenario &scenario,
                 const Trace &trace);
    /// Double-clicking `card` or one of its `parts`, or Enter on `card` (which
    /// takes the focus for it), asks for `stage` close up (openRequested).
    void openOn(QWidget *card, const QList<QWidget *> &parts, Stage stage);
    /// Reads the card again after an edit or another head: the zoom stays.
    void refresh(int head, const Scenario &scenario, const Trace &trace);

    Stage stage() const { return m_stage; }
    int head() const { return m_head; }
    HeatmapInspector *inspector() const { return m_inspector; }
    QLabel *titleLabel() const { return m_title; }
    QPushButton *backButton() const { return m_back; }

signals:
    void openRequested(attn::Stage stage);
    /// The learner asked to go back to all the stages (the button or Esc).
    void closeRequested();
    /// A cell of the stage shown; (−1, −1) when the mouse left the cells.
    void cellHovered(attn::Stage stage, int row, int column);
    void cellClicked(attn::Stage stage, int row, int column);

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refreshTitle(const Scenario &scenario, const Trace &trace);
    /// Which of the inspector's keys `event` is: 0 none.
    static int keyAction(const QKeyEvent *event);

    HeatmapInspector *m_inspector = nullptr;
    QPushButton *m_back = nullptr;
    QLabel *m_title = nullptr;
    QToolButton *m_zoomOut = nullptr;
    QToolButton *m_zoomIn = nullptr;
    QToolButton *m_fit = nullptr;
    QLabel *m_hint = nullptr;

    QHash<const QObject *, Stage> m_openers; ///< the cards and their parts
    Stage m_stage = Stage::Embeddings;
    int m_head = 0;
    QString m_stageTitle; ///< the last title set, kept for a language change
};

} // namespace attn::ui
