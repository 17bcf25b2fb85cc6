#pragma once

#include "explanation.h"
#include "heatmap_view.h"

#include <QStackedWidget>
#include <QWidget>
#include <array>

class QAction;
class QComboBox;
class QFrame;
class QGridLayout;
class QLabel;
class QScrollArea;

namespace attn::ui {

class Document;
class StageInspector;

/// The pipeline as a grid of heatmaps, one per stage, revealed step by step.
///
/// Stages after the revealed one are concealed ("?"), so a teacher can ask
/// what comes next; the revealed stage is framed and its formula is shown with
/// the current numbers. Hovering a cell explains it (from the engine's trace)
/// and outlines the cells it came from in the other heatmaps; a click pins the
/// explanation until another cell is clicked.
///
/// A double-click on a card, or Enter on the card that has the focus, shows
/// its stage close up in place of the cards (a StageInspector, zoomable down
/// to one cell); Esc or "Back to all stages" returns to the cards. The card
/// with the focus is framed in the highlight colour.
class PipelineView : public QWidget
{
    Q_OBJECT

public:
    explicit PipelineView(Document *document, QWidget *parent = nullptr);

    /// The stages this scenario has, in order (concat and projection only
    /// with several heads or W_O).
    QList<Stage> stages() const;
    /// The last revealed stage of this scenario.
    Stage revealedStage() const;
    bool isRevealed(Stage stage) const;
    /// The head whose per-head stages are shown.
    int head() const { return m_head; }
    void setHead(int head);

    HeatmapView *heatmap(Stage stage) const { return m_cards[std::size_t(stage)].heatmap; }
    /// The explanation shown: the hovered cell, else the pinned one.
    const Explanation &explanation() const { return m_explanation; }
    bool hasExplanation() const { return m_hasExplanation; }

    /// A widget shown below the cards, always in view (the explanation).
    void setAsideWidget(QWidget *widget);

    QAction *backAction() const { return m_backAction; }
    QAction *nextAction() const { return m_nextAction; }
    QAction *showAllAction() const { return m_showAllAction; }

    /// The close-up of one stage, shown in place of the cards while inspecting.
    StageInspector *inspector() const { return m_inspector; }
    bool isInspecting() const { return m_stack->currentIndex() == 1; }

public slots:
    void next();
    void back();
    void revealAll();
    void revealUpTo(attn::Stage stage);
    /// Explains a cell as if the learner had clicked it (row −1 clears).
    void pinCell(const attn::CellRef &cell);
    /// Shows a revealed stage close up in place of the cards.
    void inspect(attn::Stage stage);
    /// Back from the close-up to the cards, the inspected card focused.
    void closeInspector();

protected:
    void resizeEvent(QResizeEvent *event) override;

signals:
    void revealedStageChanged(attn::Stage stage);
    void headChanged(int head);
    /// The explanation to show changed (hover, pin, or a new trace).
    void explanationChanged();

private:
    struct Card
    {
        QFrame *frame = nullptr;
        QLabel *title = nullptr;
        HeatmapView *heatmap = nullptr;
    };

    void buildCards();
    void refresh();
    void refreshCard(Stage stage);
    void refreshReveal();
    void refreshHeads();
    void refreshInspector();
    void onHover(Stage stage, int row, int column);
    void onClick(Stage stage, int row, int column);
    void showExplanation(const CellRef &cell);
    void clearExplanation();
    CellRef cellOf(Stage stage, int row, int column) const;
    bool isPerHead(Stage stage) const;

    Document *m_document;
    /// Stage::Projected (the last there can be) stands for "everything": a
    /// stage that an option adds later (W_O, heads) is then revealed too.
    Stage m_revealed = Stage::Projected;
    int m_head = 0;

    QLabel *m_formula = nullptr;
    QLabel *m_error = nullptr;
    QComboBox *m_headCombo = nullptr;
    QLabel *m_headLabel = nullptr;
    QGridLayout *m_grid = nullptr;
    QList<Stage> m_placed; ///< the stages the grid holds now
    int m_columns = 0;     ///< and in how many columns
    QScrollArea *m_scroll = nullptr;
    QStackedWidget *m_stack = nullptr; ///< the cards, or one stage close up
    StageInspector *m_inspector = nullptr;
    void placeCards();
    std::array<Card, stageCount> m_cards;

    QAction *m_backAction = nullptr;
    QAction *m_nextAction = nullptr;
    QAction *m_showAllAction = nullptr;

    Explanation m_explanation;
    bool m_hasExplanation = false;
    CellRef m_pinned;
    bool m_hasPinned = false;
};

} // namespace attn::ui
