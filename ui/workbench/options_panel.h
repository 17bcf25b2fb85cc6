#pragma once

#include "score_options.h"

#include <QWidget>
#include <vector>

class QLabel;

namespace attn::ui {

class Document;
class OptionsSection;

/// The options of the attention being shown, as controls a teacher can change
/// in front of a class: the shape (h heads, d_model, d_k, d_v, the words), the
/// kind of attention (self or cross, positional encoding, W_O), how scores are
/// made (dot, general, additive; ÷√d_k, none or a custom divisor; the
/// temperature τ of softmax(scores / (s · τ))), the mask, the span, the
/// selection (soft, hard, sampled) and randomised weights from a visible seed.
///
/// One section (an OptionsSection) per group, top to bottom: ShapeOptions,
/// KindOptions, ScoreOptions, MaskOptions, SelectionOptions,
/// RandomiseOptions; the panel scrolls them, lines their labels up and says
/// when the scenario cannot be computed.
///
/// Every control shows the document's scenario and follows it after any
/// change, undo and redo included, without pushing a change of its own. A user
/// change goes through the scenario edit functions and Document::change(), so
/// each is one undo step; a whole drag of the temperature slider is one step.
/// The panel never computes attention.
class OptionsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit OptionsPanel(Document *document, QWidget *parent = nullptr);

    /// The temperature slider's scale (ScoreOptions): logarithmic from
    /// minTemperature to maxTemperature, with τ = 1 held over a small detent
    /// in the middle.
    static constexpr double minTemperature = ScoreOptions::minTemperature;
    static constexpr double maxTemperature = ScoreOptions::maxTemperature;
    static constexpr int temperatureSteps = ScoreOptions::temperatureSteps;
    static constexpr int temperatureDetent = ScoreOptions::temperatureDetent;
    static int temperatureToPosition(double temperature)
    {
        return ScoreOptions::temperatureToPosition(temperature);
    }
    static double positionToTemperature(int position)
    {
        return ScoreOptions::positionToTemperature(position);
    }

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void alignLabelColumns();
    /// Sets every control from the scenario with their signals blocked.
    void syncFromDocument();
    void showError();

    Document *m_document;
    QLabel *m_errorLabel = nullptr;
    std::vector<OptionsSection *> m_sections;
};

} // namespace attn::ui
