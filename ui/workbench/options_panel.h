#pragma once

#include <QWidget>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGridLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

namespace attn::ui {

class Document;

/// The options of the attention being shown, as controls a teacher can change
/// in front of a class: the shape (h heads, d_model, d_k, d_v, the words), the
/// kind of attention (self or cross, positional encoding, W_O), how scores are
/// made (dot, general, additive; ÷√d_k, none or a custom divisor; the
/// temperature τ of softmax(scores / (s · τ))), the mask, the span, the
/// selection (soft, hard, sampled) and randomised weights from a visible seed.
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

    /// The slider is logarithmic from minTemperature to maxTemperature, with
    /// τ = 1 held over a small detent in the middle.
    static constexpr double minTemperature = 0.05;
    static constexpr double maxTemperature = 20.0;
    static constexpr int temperatureSteps = 1000;
    static constexpr int temperatureDetent = 25;
    static int temperatureToPosition(double temperature);
    static double positionToTemperature(int position);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QGroupBox *createShapeGroup();
    QGroupBox *createKindGroup();
    QGroupBox *createScoringGroup();
    QGroupBox *createMaskGroup();
    QGroupBox *createSelectionGroup();
    QGroupBox *createRandomiseGroup();
    void connectControls();
    void retranslate();
    void alignLabelColumns();

    /// Sets every control from the scenario with their signals blocked.
    void syncFromDocument();
    void rebuildPaddingBoxes();
    void showError();
    void showScoreFormula();

    void changeHeads(int heads);
    void changeTemperature(double temperature, int gesture);
    void changePadding();
    void randomise();

    Document *m_document;

    QLabel *m_errorLabel = nullptr;

    QGroupBox *m_shapeGroup = nullptr;
    QFormLayout *m_shapeForm = nullptr;
    QSpinBox *m_headsSpin = nullptr;
    QLabel *m_headsNote = nullptr;
    QSpinBox *m_modelDimSpin = nullptr;
    QSpinBox *m_keyDimSpin = nullptr;
    QSpinBox *m_valueDimSpin = nullptr;
    QSpinBox *m_tokenCountSpin = nullptr;
    QSpinBox *m_sourceTokenCountSpin = nullptr;
    /// Shown once under the heads after withHeads() had to raise d_k or d_v.
    QString m_pendingHeadsNote;

    QGroupBox *m_kindGroup = nullptr;
    QCheckBox *m_crossAttentionCheck = nullptr;
    QCheckBox *m_positionalCheck = nullptr;
    QCheckBox *m_outputProjectionCheck = nullptr;

    QGroupBox *m_scoringGroup = nullptr;
    QFormLayout *m_scoringForm = nullptr;
    QComboBox *m_scoreCombo = nullptr;
    QLabel *m_scoreFormula = nullptr;
    QComboBox *m_scaleCombo = nullptr;
    QDoubleSpinBox *m_scaleValueSpin = nullptr;
    QSlider *m_temperatureSlider = nullptr;
    QDoubleSpinBox *m_temperatureSpin = nullptr;
    QLabel *m_temperatureMinLabel = nullptr;
    QLabel *m_temperatureMaxLabel = nullptr;
    int m_temperatureGesture = 0;

    QGroupBox *m_maskGroup = nullptr;
    QFormLayout *m_maskForm = nullptr;
    QComboBox *m_maskCombo = nullptr;
    QLabel *m_paddingLabel = nullptr;
    QWidget *m_paddingBox = nullptr;
    QGridLayout *m_paddingGrid = nullptr;
    std::vector<QCheckBox *> m_paddingChecks;

    QComboBox *m_spanCombo = nullptr;
    QSpinBox *m_windowSpin = nullptr;

    QGroupBox *m_selectionGroup = nullptr;
    QFormLayout *m_selectionForm = nullptr;
    QComboBox *m_selectionCombo = nullptr;
    QSpinBox *m_selectionSeedSpin = nullptr;
    QLabel *m_selectionNote = nullptr;

    QGroupBox *m_randomiseGroup = nullptr;
    QFormLayout *m_randomiseForm = nullptr;
    QComboBox *m_distributionCombo = nullptr;
    QSpinBox *m_randomSeedSpin = nullptr;
    QPushButton *m_randomiseButton = nullptr;
};

} // namespace attn::ui
