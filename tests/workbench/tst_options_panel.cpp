// The options panel, driven like a person: every control changes the
// document's scenario, follows it back after undo or a loaded preset without
// pushing changes of its own, and a slider drag is one undo step.
//
// The expected scenarios come from reading the tutorial by hand (4 words,
// d_model = d_k = d_v = 3, one head, τ = 1) and, for Randomise, from SplitMix64
// written out in Python (see randomiseWithASeedIsReproducible).

#include "document.h"
#include "matrix_compare.h"
#include "explanation.h"
#include "explanation_panel.h"
#include "heatmap_view.h"
#include "options_panel.h"
#include "pipeline_view.h"
#include "presets.h"
#include "scenario_edit.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionButton>
#include <QStyleOptionSlider>
#include <QUndoStack>
#include <QWheelEvent>
#include <QtTest>
#include <qcustomplot.h>

#include <cmath>
#include <functional>
#include <tuple>

using attn::ui::Document;
using attn::ui::OptionsPanel;
using testsupport::matrixOf;

/// Looks at a scenario after a change; an empty string when it is right.
using ScenarioCheck = std::function<QString(const attn::Scenario &)>;
Q_DECLARE_METATYPE(ScenarioCheck)

namespace {

/// A fresh document on the tutorial and a panel showing it.
struct Fixture
{
    Document document;
    OptionsPanel panel{&document};

    Fixture()
    {
        panel.resize(300, 900);
        panel.show();
    }

    template <typename T> T *find(const char *name)
    {
        T *widget = panel.findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no control named %s", name);
        return widget;
    }

    const attn::Scenario &scenario() const { return document.scenario(); }
    int undoCount() const { return document.undoStack()->count(); }
};

/// Selects the spin box's text, types `text` and presses Enter, as a person would.
void typeInto(QAbstractSpinBox *spin, const QString &text)
{
    QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(spin, text);
    QTest::keyClick(spin, Qt::Key_Return);
}

/// Clicks the box and its text, where a person would, not the empty end of a wide row.
void clickCheckBox(QCheckBox *check)
{
    QStyleOptionButton option;
    option.initFrom(check);
    option.text = check->text();
    const QRect clickable =
        check->style()->subElementRect(QStyle::SE_CheckBoxClickRect, &option, check);
    QTest::mouseClick(check, Qt::LeftButton, {}, clickable.center());
}

QPoint sliderHandleCentre(QSlider *slider)
{
    QStyleOptionSlider option;
    option.initFrom(slider);
    option.orientation = slider->orientation();
    option.minimum = slider->minimum();
    option.maximum = slider->maximum();
    option.sliderPosition = slider->sliderPosition();
    option.sliderValue = slider->value();
    option.singleStep = slider->singleStep();
    option.pageStep = slider->pageStep();
    option.tickPosition = slider->tickPosition();
    option.tickInterval = slider->tickInterval();
    option.upsideDown = slider->invertedAppearance();
    option.direction = slider->layoutDirection();
    option.subControls = QStyle::SC_All;
    return slider->style()
        ->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider)
        .center();
}

} // namespace

class TestOptionsPanel : public QObject
{
    Q_OBJECT

private slots:
    void showsTheTutorial();
    void headsKeepTheHeadSize();
    void dimensionSpinsResizeTheWeights_data();
    void dimensionSpinsResizeTheWeights();
    void wordCounts();
    void checkboxes();
    void combosSetTheirOption_data();
    void combosSetTheirOption();
    void customScaleDivisor();
    void divisorBoxShowsTheDivisorInEffect();
    void scaledCardNamesTheDivisorInEffect();
    void queriesThatSeeNoKeyAreNamedOnTheCards();
    void hardAndSampledWeightsExplainedInPlainWords();
    void featureColumnsCountFromOne();
    void scrollsAsOne();
    void paddingCheckboxPerKey();
    void windowFollowsTheSpan();
    void temperatureScaleIsLogarithmicWithADetent();
    void temperatureDragIsOneUndoStep();
    void temperatureTyped();
    void undoPutsTheComboBack();
    void loadedScenarioSetsControlsWithoutPushing();
    void randomiseWithASeedIsReproducible();
    void gaussianRandomiseIsNotIntegers();
    void nonDifferentiableNoteOnlyForHardAndSampled_data();
    void nonDifferentiableNoteOnlyForHardAndSampled();
    void wheelOverAnUnfocusedControlDoesNothing();
    void everyControlTeaches();
    void languageChangeKeepsEveryLabel();
};

void TestOptionsPanel::showsTheTutorial()
{
    Fixture f;
    QCOMPARE(f.find<QSpinBox>("headsSpin")->value(), 1);
    QCOMPARE(f.find<QSpinBox>("modelDimSpin")->value(), 3);
    QCOMPARE(f.find<QSpinBox>("keyDimSpin")->value(), 3);
    QCOMPARE(f.find<QSpinBox>("valueDimSpin")->value(), 3);
    QCOMPARE(f.find<QSpinBox>("tokenCountSpin")->value(), 4);
    QVERIFY(!f.find<QSpinBox>("sourceTokenCountSpin")->isEnabled());
    QVERIFY(!f.find<QCheckBox>("crossAttentionCheck")->isChecked());
    QCOMPARE(f.find<QComboBox>("maskCombo")->currentIndex(), 0);
    QCOMPARE(f.find<QSlider>("temperatureSlider")->value(), OptionsPanel::temperatureSteps / 2);
    QCOMPARE(f.find<QDoubleSpinBox>("temperatureSpin")->value(), 1.0);
    QCOMPARE(f.find<QCheckBox>("paddingCheck3")->text(), QStringLiteral("word_4"));
    QVERIFY(!f.find<QLabel>("errorLabel")->isVisibleTo(&f.panel));
    QCOMPARE(f.undoCount(), 0);
}

// The tutorial has d_k = d_v = 3 and one head, so d_h = 3. Two heads of d_h = 3
// need d_k = d_v = 2 · 3 = 6; head 1 keeps columns 1–3 of W_Q, W_K, W_V (the
// tutorial's numbers), head 2 gets columns 4–6, all 0. Three heads: 9.
void TestOptionsPanel::headsKeepTheHeadSize()
{
    Fixture f;
    auto *heads = f.find<QSpinBox>("headsSpin");
    auto *note = f.find<QLabel>("headsNote");
    QVERIFY(!note->isVisibleTo(&f.panel));
    const attn::Scenario tutorial = attn::tutorialScenario();

    heads->setFocus();
    QTest::keyClick(heads, Qt::Key_Up);
    QCOMPARE(f.scenario().heads, 2);
    QCOMPARE(f.scenario().keyDim(), 6);
    QCOMPARE(f.scenario().valueDim(), 6);
    QCOMPARE(f.undoCount(), 1);
    QCOMPARE(f.find<QSpinBox>("keyDimSpin")->value(), 6);
    QCOMPARE(f.find<QSpinBox>("valueDimSpin")->value(), 6);
    for (const auto &[name, before, after] :
         {std::tuple{"W_Q", tutorial.wQ, f.scenario().wQ},
          std::tuple{"W_K", tutorial.wK, f.scenario().wK},
          std::tuple{"W_V", tutorial.wV, f.scenario().wV}}) {
        QVERIFY2(after.leftCols(3) == before, name);
        QVERIFY2(after.rightCols(3).isZero(), name);
    }
    // √d_h is still √3: head 1's weights are the tutorial's.
    QCOMPARE(f.document.trace().headDim, 3);
    QVERIFY(note->isVisibleTo(&f.panel));
    for (const char *part : {"2 heads of d_h = 3", "d_k = 6 and d_v = 6", "W_Q and W_K are 3×6",
                             "W_V 3×6", "Head 1 keeps its numbers"})
        QVERIFY2(note->text().contains(QString::fromUtf8(part)), qPrintable(note->text()));

    typeInto(heads, QStringLiteral("3"));
    QCOMPARE(f.scenario().heads, 3);
    QCOMPARE(f.scenario().keyDim(), 9);
    QCOMPARE(f.scenario().valueDim(), 9);
    QVERIFY2(note->text().contains(QString::fromUtf8("Heads 1–2 keep their numbers")),
             qPrintable(note->text()));

    // Back to one head: d_k = d_v = 3 again, the tutorial's matrices exactly.
    typeInto(heads, QStringLiteral("1"));
    QCOMPARE(f.scenario().keyDim(), 3);
    QVERIFY(f.scenario().wQ == tutorial.wQ);
    QVERIFY(f.scenario().wV == tutorial.wV);
    QVERIFY2(note->text().contains(QString::fromUtf8("1 head of d_h = 3")),
             qPrintable(note->text()));

    // The note lasts until the next edit.
    typeInto(f.find<QSpinBox>("tokenCountSpin"), QStringLiteral("5"));
    QVERIFY(!note->isVisibleTo(&f.panel));

    for (int step = 0; step < 4; ++step)
        f.document.undoStack()->undo();
    QCOMPARE(heads->value(), 1);
    QCOMPARE(f.find<QSpinBox>("keyDimSpin")->value(), 3);
}

void TestOptionsPanel::dimensionSpinsResizeTheWeights_data()
{
    QTest::addColumn<QString>("spinName");
    QTest::addColumn<int>("value");
    QTest::addColumn<int>("modelDim");
    QTest::addColumn<int>("keyDim");
    QTest::addColumn<int>("valueDim");

    QTest::newRow("d_model 5") << "modelDimSpin" << 5 << 5 << 3 << 3;
    QTest::newRow("d_model 2") << "modelDimSpin" << 2 << 2 << 3 << 3;
    QTest::newRow("d_k 6") << "keyDimSpin" << 6 << 3 << 6 << 3;
    QTest::newRow("d_v 1") << "valueDimSpin" << 1 << 3 << 3 << 1;
}

void TestOptionsPanel::dimensionSpinsResizeTheWeights()
{
    QFETCH(QString, spinName);
    QFETCH(int, value);
    QFETCH(int, modelDim);
    QFETCH(int, keyDim);
    QFETCH(int, valueDim);

    Fixture f;
    typeInto(f.find<QSpinBox>(qPrintable(spinName)), QString::number(value));
    const attn::Scenario &s = f.scenario();
    QCOMPARE(s.modelDim(), modelDim);
    QCOMPARE(s.keyDim(), keyDim);
    QCOMPARE(s.valueDim(), valueDim);
    QCOMPARE(int(s.wQ.rows()), modelDim);
    QCOMPARE(int(s.wK.cols()), keyDim);
    QCOMPARE(int(s.wV.cols()), valueDim);
    QCOMPARE(f.undoCount(), 1);
}

void TestOptionsPanel::wordCounts()
{
    Fixture f;
    typeInto(f.find<QSpinBox>("tokenCountSpin"), QStringLiteral("6"));
    QCOMPARE(f.scenario().queryCount(), 6);
    QCOMPARE(f.scenario().target.tokens.at(5), std::string("word_6"));
    QVERIFY(f.find<QCheckBox>("paddingCheck5"));

    clickCheckBox(f.find<QCheckBox>("crossAttentionCheck"));
    QVERIFY(f.scenario().isCrossAttention());
    auto *source = f.find<QSpinBox>("sourceTokenCountSpin");
    QVERIFY(source->isEnabled());
    QCOMPARE(source->value(), 6);

    typeInto(source, QStringLiteral("3"));
    QCOMPARE(f.scenario().keyCount(), 3);
    QCOMPARE(f.scenario().queryCount(), 6);
    // The padding checkboxes name the keys, which now come from the source.
    QCOMPARE(f.find<QCheckBox>("paddingCheck0")->text(), QStringLiteral("source_1"));
    QVERIFY(!f.panel.findChild<QCheckBox *>(QStringLiteral("paddingCheck3")));
}

void TestOptionsPanel::checkboxes()
{
    Fixture f;
    clickCheckBox(f.find<QCheckBox>("positionalCheck"));
    QCOMPARE(f.scenario().positional, attn::PositionalEncoding::Sinusoidal);

    clickCheckBox(f.find<QCheckBox>("outputProjectionCheck"));
    QVERIFY(f.scenario().wO.has_value());
    VERIFY_MATRIX_EQUAL(*f.scenario().wO, attn::Matrix::Identity(3, 3));

    clickCheckBox(f.find<QCheckBox>("crossAttentionCheck"));
    QVERIFY(f.scenario().isCrossAttention());
    QCOMPARE(f.undoCount(), 3);

    clickCheckBox(f.find<QCheckBox>("outputProjectionCheck"));
    QVERIFY(!f.scenario().wO.has_value());
    f.document.undoStack()->undo();
    QVERIFY(f.find<QCheckBox>("outputProjectionCheck")->isChecked());
}

void TestOptionsPanel::combosSetTheirOption_data()
{
    QTest::addColumn<QString>("comboName");
    QTest::addColumn<int>("index");
    QTest::addColumn<ScenarioCheck>("check");

    auto row = [](const char *name, const char *combo, int index, const ScenarioCheck &check) {
        QTest::newRow(name) << QString::fromLatin1(combo) << index << check;
    };
    row("mask causal", "maskCombo", 1, [](const attn::Scenario &s) {
        return s.mask == attn::MaskKind::Causal ? QString() : QStringLiteral("mask not causal");
    });
    // General: W_a is d_h × d_h = 3 × 3.
    row("score general", "scoreCombo", 1, [](const attn::Scenario &s) {
        return s.score == attn::ScoreFunction::General && s.wA.rows() == 3 && s.wA.cols() == 3
                   ? QString()
                   : QStringLiteral("not general with a 3 × 3 W_a");
    });
    row("score additive", "scoreCombo", 2, [](const attn::Scenario &s) {
        return s.score == attn::ScoreFunction::Additive && s.wA.rows() == 3 && s.uA.rows() == 3 &&
                       s.vA.size() == s.wA.cols()
                   ? QString()
                   : QStringLiteral("not additive with W_a, U_a, v_a");
    });
    row("no scaling", "scaleCombo", 1, [](const attn::Scenario &s) {
        return s.scale == attn::ScaleMode::None ? QString() : QStringLiteral("still scaled");
    });
    row("span local-m", "spanCombo", 1, [](const attn::Scenario &s) {
        return s.span == attn::SpanKind::LocalM ? QString() : QStringLiteral("not local-m");
    });
    // Local-p: W_p is d_k × d_p, d_p starting at d_k = 3; v_p has d_p entries.
    row("span local-p", "spanCombo", 2, [](const attn::Scenario &s) {
        return s.span == attn::SpanKind::LocalP && s.wP.rows() == 3 && s.vP.size() == s.wP.cols() &&
                       s.window >= 1
                   ? QString()
                   : QStringLiteral("not local-p with W_p, v_p and D ≥ 1");
    });
    row("selection hard", "selectionCombo", 1, [](const attn::Scenario &s) {
        return s.selection == attn::SelectionKind::Hard ? QString() : QStringLiteral("not hard");
    });
    row("selection sampled", "selectionCombo", 2, [](const attn::Scenario &s) {
        return s.selection == attn::SelectionKind::Sample ? QString()
                                                          : QStringLiteral("not sampled");
    });
}

void TestOptionsPanel::combosSetTheirOption()
{
    QFETCH(QString, comboName);
    QFETCH(int, index);
    QFETCH(ScenarioCheck, check);

    Fixture f;
    auto *combo = f.find<QComboBox>(qPrintable(comboName));
    QVERIFY(combo);
    combo->setCurrentIndex(index);
    const QString problem = check(f.scenario());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(f.undoCount(), 1);
    QVERIFY(!f.document.error().has_value());
}

void TestOptionsPanel::customScaleDivisor()
{
    Fixture f;
    auto *divisor = f.find<QDoubleSpinBox>("scaleValueSpin");
    QVERIFY(!divisor->isEnabled());
    f.find<QComboBox>("scaleCombo")->setCurrentIndex(2);
    QCOMPARE(f.scenario().scale, attn::ScaleMode::Custom);
    QVERIFY(divisor->isEnabled());

    typeInto(divisor, QLocale().toString(2.5));
    QCOMPARE(f.scenario().scaleValue, 2.5);
    QCOMPARE(f.undoCount(), 2);
}

// Greyed, the divisor box shows what the scores are divided by: √d_h with
// d_h = d_k / h = 3 / 1, √3 = 1.7320508 shown as 1.73; 1 without scaling.
void TestOptionsPanel::divisorBoxShowsTheDivisorInEffect()
{
    Fixture f;
    auto *divisor = f.find<QDoubleSpinBox>("scaleValueSpin");
    QVERIFY(!divisor->isEnabled());
    QVERIFY2(divisor->text().contains(QLocale().toString(1.73, 'f', 2)), qPrintable(divisor->text()));
    QVERIFY2(divisor->text().startsWith(QString::fromUtf8("√3")), qPrintable(divisor->text()));

    // Two heads keep d_h = 3 (d_k = 6): still √3.
    typeInto(f.find<QSpinBox>("headsSpin"), QStringLiteral("2"));
    QVERIFY2(divisor->text().contains(QLocale().toString(1.73, 'f', 2)), qPrintable(divisor->text()));
    // d_k = 8 over two heads: d_h = 4, √4 = 2.
    typeInto(f.find<QSpinBox>("keyDimSpin"), QStringLiteral("8"));
    QCOMPARE(divisor->text(), QString::fromUtf8("√4 = ") + QLocale().toString(2.0, 'f', 2));

    auto *scale = f.find<QComboBox>("scaleCombo");
    scale->setFocus();
    QTest::keyClick(scale, Qt::Key_Down); // None
    QCOMPARE(f.scenario().scale, attn::ScaleMode::None);
    QCOMPARE(divisor->text(), QLocale().toString(1.0, 'f', 2));
    QVERIFY(!divisor->isEnabled());
    QTest::keyClick(scale, Qt::Key_Down); // Custom: the scenario's own s, editable
    QCOMPARE(f.scenario().scale, attn::ScaleMode::Custom);
    QVERIFY(divisor->isEnabled());
    typeInto(divisor, QLocale().toString(2.5));
    QCOMPARE(divisor->text(), QLocale().toString(2.5, 'f', 2));
}

/// The title label of the card whose heatmap is named heatmap_<key>.
QString cardTitle(const attn::ui::PipelineView &pipeline, const char *key)
{
    const auto *heatmap = pipeline.findChild<QWidget *>(QLatin1String("heatmap_") + QLatin1String(key));
    if (!heatmap)
        return QStringLiteral("no card %1").arg(QLatin1String(key));
    const auto labels = heatmap->parentWidget()->findChildren<QLabel *>(Qt::FindDirectChildrenOnly);
    return labels.isEmpty() ? QString() : labels.front()->text();
}

void TestOptionsPanel::scaledCardNamesTheDivisorInEffect()
{
    Fixture f;
    attn::ui::PipelineView pipeline(&f.document);
    QVERIFY2(cardTitle(pipeline, "scaled").contains(QString::fromUtf8("÷ √d_k")),
             qPrintable(cardTitle(pipeline, "scaled")));
    auto *scale = f.find<QComboBox>("scaleCombo");
    scale->setFocus();
    QTest::keyClick(scale, Qt::Key_End); // Custom
    typeInto(f.find<QDoubleSpinBox>("scaleValueSpin"), QLocale().toString(2.5));
    const QString title = cardTitle(pipeline, "scaled");
    QVERIFY2(title.contains(QString::fromUtf8("÷ s, s = ") + QLocale().toString(2.5)), qPrintable(title));
    QVERIFY2(!title.contains(QString::fromUtf8("√d_k")), qPrintable(title));
}

// The local-p preset (6 words, D = 2): p_t = 6 · sigmoid(tanh(q₁) − tanh(q₂)) with
// q = [2, 0, 0] for "the", "sat", "on", "the" and [0, 2, 0] for "cat", "mat",
// so p_t = 6 · sigmoid(0.964) = 4.34 or 6 · sigmoid(−0.964) = 1.66. The
// windows |s − p_t| ≤ 2 (1-based s − 1) are keys 4–6 and keys 1–4. The causal
// mask keeps keys up to the query: query 1 (keys 4–6) and query 3 (keys 4–6)
// keep none; queries 2, 4, 5, 6 keep keys 1–2, 4, 4–5, 1–4.
void TestOptionsPanel::queriesThatSeeNoKeyAreNamedOnTheCards()
{
    Fixture f;
    const attn::ui::ScenarioReadResult read = attn::ui::loadPreset(QStringLiteral("local-p"));
    QVERIFY(read.ok());
    f.document.reset(*read.scenario);
    attn::ui::PipelineView pipeline(&f.document);
    QVERIFY(!cardTitle(pipeline, "weights").contains(QLatin1String("no key")));

    auto *mask = f.find<QComboBox>("maskCombo");
    mask->setFocus();
    QTest::keyClick(mask, Qt::Key_Down); // Causal
    QCOMPARE(f.scenario().mask, attn::MaskKind::Causal);
    const QString note = QStringLiteral("Queries 1 (the) and 3 (sat) see no key: their weights and "
                                        "outputs are 0");
    for (const char *card : {"weights", "output"})
        QVERIFY2(cardTitle(pipeline, card).contains(note), qPrintable(cardTitle(pipeline, card)));
    for (const char *card : {"scores", "masked"})
        QVERIFY2(!cardTitle(pipeline, card).contains(QLatin1String("no key")), card);

    // D = 1: 0-based windows [3.34, 5.34] and [0.66, 2.66], keys 5–6 and 2–3
    // 1-based. Causal: query 1 keeps none, 2 key 2, 3 none, 4 none, 5 key 5, 6 keys 2–3.
    typeInto(f.find<QSpinBox>("windowSpin"), QStringLiteral("1"));
    QVERIFY2(cardTitle(pipeline, "weights").contains(QStringLiteral("Queries 1 (the), 3 (sat) and 4 (on) see no key")),
             qPrintable(cardTitle(pipeline, "weights")));

    f.document.undoStack()->undo();
    f.document.undoStack()->undo();
    QVERIFY(!cardTitle(pipeline, "output").contains(QLatin1String("no key")));
}

// The tutorial's soft weights, row 1 (scores [8, 2, 10, 2] / √3, softmax by
// hand): [0.2361, 0.00739, 0.7491, 0.00739]. Hard attention puts all of it on
// key 3, word_3; row 4, [0.08995, 0.002816, 0.9057, 0.001581], draws its key
// with that key's soft weight as the probability.
void TestOptionsPanel::hardAndSampledWeightsExplainedInPlainWords()
{
    Fixture f;
    attn::ui::ExplanationPanel explanation(&f.document);
    auto *selection = f.find<QComboBox>("selectionCombo");
    selection->setFocus();
    QTest::keyClick(selection, Qt::Key_Down); // Hard
    QCOMPARE(f.scenario().selection, attn::SelectionKind::Hard);

    const auto show = [&](int row, int col) {
        explanation.showExplanation(
            attn::explain(f.scenario(), f.document.trace(), {attn::Stage::Weights, 0, row, col}));
    };
    show(0, 0);
    QVERIFY2(explanation.meaningText().startsWith(
                 QStringLiteral("All weight on key 3 (word_3), the largest score (soft weight "
                                "0.749). This key gets 0.")),
             qPrintable(explanation.meaningText()));
    QVERIFY2(!explanation.workingText().contains(QLatin1String("[0")), qPrintable(explanation.workingText()));
    QVERIFY2(explanation.workingText().endsWith(QString::fromUtf8("⇒ weights[1][1] = 0")),
             qPrintable(explanation.workingText()));
    show(0, 2);
    QVERIFY2(explanation.meaningText().contains(QLatin1String("This cell is that key: 1.")),
             qPrintable(explanation.meaningText()));

    QTest::keyClick(selection, Qt::Key_Down); // Sampled
    QCOMPARE(f.scenario().selection, attn::SelectionKind::Sample);
    show(3, 0);
    const QStringList probabilities{QStringLiteral("0.09"), QStringLiteral("0.00282"),
                                    QStringLiteral("0.906"), QStringLiteral("0.00158")};
    const QStringList words{"word_1", "word_2", "word_3", "word_4"};
    const int drawn = f.document.trace().heads.front().sampledKeys.at(3);
    QVERIFY(drawn >= 0 && drawn < 4);
    const QString expected = QStringLiteral("Key %1 (%2) was drawn with probability %3")
                                 .arg(drawn + 1)
                                 .arg(words.at(drawn), probabilities.at(drawn));
    QVERIFY2(explanation.meaningText().startsWith(expected),
             qPrintable(explanation.meaningText() + QStringLiteral(" / ") + expected));
}

/// The text ticks of a heatmap's column axis, left to right.
QStringList columnTicks(const attn::ui::PipelineView &pipeline, const char *key)
{
    const auto *heatmap = pipeline.findChild<attn::ui::HeatmapView *>(QLatin1String("heatmap_") +
                                                                      QLatin1String(key));
    if (!heatmap)
        return {};
    const auto ticker =
        qSharedPointerDynamicCast<QCPAxisTickerText>(heatmap->columnAxis()->ticker());
    return ticker ? QStringList(ticker->ticks().values()) : QStringList();
}

// The columns of Q, K and V are features 1 … d_k, counted like the words; two
// more d_k (typed 5) make them 1 … 5.
void TestOptionsPanel::featureColumnsCountFromOne()
{
    Fixture f;
    attn::ui::PipelineView pipeline(&f.document);
    QCOMPARE(columnTicks(pipeline, "queries"), (QStringList{"1", "2", "3"}));
    QCOMPARE(columnTicks(pipeline, "embeddings"), (QStringList{"1", "2", "3"}));
    typeInto(f.find<QSpinBox>("keyDimSpin"), QStringLiteral("5"));
    QCOMPARE(columnTicks(pipeline, "keys"), (QStringList{"1", "2", "3", "4", "5"}));
    QCOMPARE(columnTicks(pipeline, "scores"),
             (QStringList{"word_1", "word_2", "word_3", "word_4"}));
}

// On a laptop the panel is shorter than its groups: one scroll bar, the panel's
// own; no control inside it scrolls on its own, whatever the scenario shows.
void TestOptionsPanel::scrollsAsOne()
{
    Fixture f;
    f.panel.resize(300, 400);
    typeInto(f.find<QSpinBox>("tokenCountSpin"), QStringLiteral("12"));
    typeInto(f.find<QSpinBox>("headsSpin"), QStringLiteral("2"));
    QApplication::processEvents();
    auto *outer = f.find<QScrollArea>("optionsScrollArea");
    QVERIFY(outer->verticalScrollBar()->isVisible());
    const auto areas = outer->widget()->findChildren<QAbstractScrollArea *>();
    for (const QAbstractScrollArea *area : areas)
        QVERIFY2(!area->isVisibleTo(&f.panel) ||
                     (!area->verticalScrollBar()->isVisible() &&
                      !area->horizontalScrollBar()->isVisible()),
                 qPrintable(area->objectName()));
    QVERIFY(!outer->horizontalScrollBar()->isVisible());
}

void TestOptionsPanel::paddingCheckboxPerKey()
{
    Fixture f;
    clickCheckBox(f.find<QCheckBox>("paddingCheck2"));
    QCOMPARE(f.scenario().padding, (std::vector<bool>{false, false, true, false}));

    clickCheckBox(f.find<QCheckBox>("paddingCheck0"));
    QCOMPARE(f.scenario().padding, (std::vector<bool>{true, false, true, false}));

    // Nothing ticked is no padding at all, not four false flags.
    clickCheckBox(f.find<QCheckBox>("paddingCheck0"));
    clickCheckBox(f.find<QCheckBox>("paddingCheck2"));
    QVERIFY(f.scenario().padding.empty());
    QCOMPARE(f.undoCount(), 4);

    f.document.undoStack()->undo();
    QVERIFY(f.find<QCheckBox>("paddingCheck2")->isChecked());
    QVERIFY(!f.find<QCheckBox>("paddingCheck0")->isChecked());
}

void TestOptionsPanel::windowFollowsTheSpan()
{
    Fixture f;
    auto *window = f.find<QSpinBox>("windowSpin");
    QVERIFY(!window->isEnabled()); // global: no window

    f.find<QComboBox>("spanCombo")->setCurrentIndex(1); // local-m
    QVERIFY(window->isEnabled());
    QCOMPARE(window->minimum(), 0);
    typeInto(window, QStringLiteral("0"));
    QCOMPARE(f.scenario().window, 0);

    // Local-p needs σ = D/2 > 0: the span raises D to 1 and the spin box stops there.
    f.find<QComboBox>("spanCombo")->setCurrentIndex(2);
    QCOMPARE(f.scenario().window, 1);
    QCOMPARE(window->minimum(), 1);
    QCOMPARE(window->value(), 1);
    typeInto(window, QStringLiteral("3"));
    QCOMPARE(f.scenario().window, 3);
    QVERIFY(!f.document.error().has_value());
}

void TestOptionsPanel::temperatureScaleIsLogarithmicWithADetent()
{
    const int steps = OptionsPanel::temperatureSteps;
    QCOMPARE(OptionsPanel::positionToTemperature(0), 0.05);
    QCOMPARE(OptionsPanel::positionToTemperature(steps), 20.0);
    QCOMPARE(OptionsPanel::positionToTemperature(steps / 2), 1.0);
    QCOMPARE(OptionsPanel::positionToTemperature(steps / 2 - OptionsPanel::temperatureDetent), 1.0);
    QCOMPARE(OptionsPanel::positionToTemperature(steps / 2 + OptionsPanel::temperatureDetent), 1.0);
    QCOMPARE(OptionsPanel::temperatureToPosition(1.0), steps / 2);
    QCOMPARE(OptionsPanel::temperatureToPosition(0.05), 0);
    QCOMPARE(OptionsPanel::temperatureToPosition(20.0), steps);
    // Logarithmic: halfway along each side is the geometric mean of its ends,
    // √(0.05 · 1) = 0.2236 and √(1 · 20) = 4.472.
    const int lowerEnd = steps / 2 - OptionsPanel::temperatureDetent;
    const int upperStart = steps / 2 + OptionsPanel::temperatureDetent;
    const int lowerMiddle = OptionsPanel::temperatureToPosition(std::sqrt(0.05));
    const int upperMiddle = OptionsPanel::temperatureToPosition(std::sqrt(20.0));
    QVERIFY2(std::abs(2 * lowerMiddle - lowerEnd) <= 1, qPrintable(QString::number(lowerMiddle)));
    QVERIFY2(std::abs(2 * (upperMiddle - upperStart) - (steps - upperStart)) <= 1,
             qPrintable(QString::number(upperMiddle)));
    // Out of range values sit at the ends.
    QCOMPARE(OptionsPanel::temperatureToPosition(100.0), steps);
    QCOMPARE(OptionsPanel::temperatureToPosition(0.001), 0);
}

void TestOptionsPanel::temperatureDragIsOneUndoStep()
{
    Fixture f;
    auto *slider = f.find<QSlider>("temperatureSlider");
    QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
    const QPoint handle = sliderHandleCentre(slider);
    QCOMPARE(f.undoCount(), 0);

    QTest::mousePress(slider, Qt::LeftButton, {}, handle);
    QVERIFY(slider->isSliderDown());
    for (int dx = 4; dx <= 60; dx += 4)
        QTest::mouseMove(slider, handle + QPoint(dx, 0));
    QTest::mouseRelease(slider, Qt::LeftButton, {}, handle + QPoint(60, 0));
    QVERIFY(!slider->isSliderDown());

    const double dragged = f.scenario().temperature;
    QVERIFY2(dragged > 1.0 && dragged <= 20.0, qPrintable(QString::number(dragged)));
    QCOMPARE(f.find<QDoubleSpinBox>("temperatureSpin")->value(), dragged);
    QCOMPARE(f.undoCount(), 1);

    f.document.undoStack()->undo();
    QCOMPARE(f.scenario().temperature, 1.0);
    QCOMPARE(slider->value(), OptionsPanel::temperatureSteps / 2);

    // A second drag is a step of its own.
    QTest::mousePress(slider, Qt::LeftButton, {}, handle);
    for (int dx = -4; dx >= -60; dx -= 4)
        QTest::mouseMove(slider, handle + QPoint(dx, 0));
    QTest::mouseRelease(slider, Qt::LeftButton, {}, handle + QPoint(-60, 0));
    QVERIFY(f.scenario().temperature < 1.0);
    QCOMPARE(f.undoCount(), 1); // the undone drag was replaced
    QCOMPARE(f.document.undoStack()->index(), 1);
}

void TestOptionsPanel::temperatureTyped()
{
    Fixture f;
    typeInto(f.find<QDoubleSpinBox>("temperatureSpin"), QLocale().toString(2.5));
    QCOMPARE(f.scenario().temperature, 2.5);
    // 2.5 > 1 is right of the detent: upperStart + 475 · ln 2.5 / ln 20 = 525 + 145.
    QCOMPARE(f.find<QSlider>("temperatureSlider")->value(), 670);
    QCOMPARE(f.undoCount(), 1);
}

void TestOptionsPanel::undoPutsTheComboBack()
{
    Fixture f;
    auto *mask = f.find<QComboBox>("maskCombo");
    mask->setCurrentIndex(1);
    QCOMPARE(f.scenario().mask, attn::MaskKind::Causal);

    f.document.undoStack()->undo();
    QCOMPARE(f.scenario().mask, attn::MaskKind::None);
    QCOMPARE(mask->currentIndex(), 0);
    // Following the document is not a change of its own: redo is still there.
    QCOMPARE(f.undoCount(), 1);
    QVERIFY(f.document.undoStack()->canRedo());

    f.document.undoStack()->redo();
    QCOMPARE(mask->currentIndex(), 1);
}

void TestOptionsPanel::loadedScenarioSetsControlsWithoutPushing()
{
    Fixture f;
    attn::Scenario loaded = attn::edit::withHeads(attn::tutorialScenario(), 2);
    loaded = attn::edit::withCrossAttention(loaded, true);
    loaded.mask = attn::MaskKind::Causal;
    loaded.temperature = 0.5;
    loaded.selection = attn::SelectionKind::Sample;
    loaded.seed = 99;
    loaded.padding = {false, true, false, false};
    f.document.reset(loaded);

    QCOMPARE(f.undoCount(), 0);
    QCOMPARE(f.find<QSpinBox>("headsSpin")->value(), 2);
    QCOMPARE(f.find<QSpinBox>("keyDimSpin")->value(), 4);
    QVERIFY(f.find<QCheckBox>("crossAttentionCheck")->isChecked());
    QVERIFY(f.find<QSpinBox>("sourceTokenCountSpin")->isEnabled());
    QCOMPARE(f.find<QComboBox>("maskCombo")->currentIndex(), 1);
    QCOMPARE(f.find<QDoubleSpinBox>("temperatureSpin")->value(), 0.5);
    QVERIFY(f.find<QSlider>("temperatureSlider")->value() < OptionsPanel::temperatureSteps / 2);
    QCOMPARE(f.find<QComboBox>("selectionCombo")->currentIndex(), 2);
    QCOMPARE(f.find<QSpinBox>("selectionSeedSpin")->value(), 99);
    QVERIFY(f.find<QCheckBox>("paddingCheck1")->isChecked());
    QCOMPARE(f.find<QCheckBox>("paddingCheck1")->text(), QStringLiteral("source_2"));
    QVERIFY(!f.find<QLabel>("headsNote")->isVisibleTo(&f.panel));
}

// SplitMix64 from seed 7, each draw taken mod 3, row by row, written out in
// Python: W_Q = [[0, 0, 0], [0, 1, 0], [1, 0, 2]].
void TestOptionsPanel::randomiseWithASeedIsReproducible()
{
    Fixture f;
    const attn::Matrix tutorialWQ = f.scenario().wQ;
    const attn::Matrix expected = matrixOf({{0, 0, 0}, {0, 1, 0}, {1, 0, 2}});
    auto *seed = f.find<QSpinBox>("randomSeedSpin");
    auto *button = f.find<QPushButton>("randomiseButton");

    typeInto(seed, QStringLiteral("7"));
    QTest::mouseClick(button, Qt::LeftButton);
    const attn::Matrix first = f.scenario().wQ;
    VERIFY_MATRIX_EQUAL(first, expected);
    QVERIFY(first != tutorialWQ);
    QCOMPARE(f.undoCount(), 1);

    typeInto(seed, QStringLiteral("8"));
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(f.scenario().wQ != first);

    typeInto(seed, QStringLiteral("7"));
    QTest::mouseClick(button, Qt::LeftButton);
    VERIFY_MATRIX_EQUAL(f.scenario().wQ, first);
    QCOMPARE(f.undoCount(), 3);

    // The words stay.
    VERIFY_MATRIX_EQUAL(f.scenario().target.embeddings, attn::tutorialScenario().target.embeddings);
}

void TestOptionsPanel::gaussianRandomiseIsNotIntegers()
{
    Fixture f;
    f.find<QComboBox>("distributionCombo")->setCurrentIndex(1);
    QCOMPARE(f.undoCount(), 0); // choosing how to draw changes nothing yet
    QTest::mouseClick(f.find<QPushButton>("randomiseButton"), Qt::LeftButton);
    const attn::Matrix &wQ = f.scenario().wQ;
    QVERIFY2((wQ.array() != wQ.array().round()).any(), "every cell is a whole number");
    // Rounded to two decimals.
    QVERIFY(((wQ.array() * 100.0).round() / 100.0 - wQ.array()).abs().maxCoeff() < 1e-12);
}

void TestOptionsPanel::nonDifferentiableNoteOnlyForHardAndSampled_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<bool>("noteShown");
    QTest::addColumn<bool>("seedEnabled");
    QTest::newRow("soft") << 0 << false << false;
    QTest::newRow("hard") << 1 << true << false;
    QTest::newRow("sampled") << 2 << true << true;
}

void TestOptionsPanel::nonDifferentiableNoteOnlyForHardAndSampled()
{
    QFETCH(int, index);
    QFETCH(bool, noteShown);
    QFETCH(bool, seedEnabled);

    Fixture f;
    auto *combo = f.find<QComboBox>("selectionCombo");
    auto *note = f.find<QLabel>("selectionNote");
    // Start away from the row's choice so that choosing it is a change.
    combo->setCurrentIndex(index == 2 ? 1 : 2);
    combo->setCurrentIndex(index);
    QCOMPARE(note->isVisibleTo(&f.panel), noteShown);
    QVERIFY(note->text().contains(QLatin1String("differentiable")));
    QCOMPARE(f.find<QSpinBox>("selectionSeedSpin")->isEnabled(), seedEnabled);

    if (seedEnabled) {
        typeInto(f.find<QSpinBox>("selectionSeedSpin"), QStringLiteral("123"));
        QCOMPARE(f.scenario().seed, std::uint64_t(123));
    }
}

void TestOptionsPanel::wheelOverAnUnfocusedControlDoesNothing()
{
    Fixture f;
    auto *heads = f.find<QSpinBox>("headsSpin");
    QVERIFY(!heads->hasFocus());
    const QPoint centre = heads->rect().center();
    QWheelEvent wheel(centre, heads->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(heads, &wheel);
    QCOMPARE(f.scenario().heads, 1);
    QCOMPARE(f.undoCount(), 0);
}

void TestOptionsPanel::everyControlTeaches()
{
    Fixture f;
    const QStringList names{"headsSpin",           "modelDimSpin",      "keyDimSpin",
                            "valueDimSpin",        "tokenCountSpin",    "sourceTokenCountSpin",
                            "crossAttentionCheck", "positionalCheck",   "outputProjectionCheck",
                            "scoreCombo",          "scaleCombo",        "scaleValueSpin",
                            "temperatureSlider",   "temperatureSpin",   "maskCombo",
                            "paddingCheck0",       "spanCombo",         "windowSpin",
                            "selectionCombo",      "selectionSeedSpin", "distributionCombo",
                            "randomSeedSpin",      "randomiseButton"};
    for (const QString &name : names) {
        auto *control = f.panel.findChild<QWidget *>(name);
        QVERIFY2(control, qPrintable(name));
        QVERIFY2(control->toolTip().size() > 20, qPrintable(name));
    }
    QVERIFY(f.find<QComboBox>("scaleCombo")->toolTip().contains(QString::fromUtf8("√d_k")));
}

// Switching the language re-sets every text; the fields stay in one column.
void TestOptionsPanel::languageChangeKeepsEveryLabel()
{
    Fixture f;
    QEvent languageChange(QEvent::LanguageChange);
    QApplication::sendEvent(&f.panel, &languageChange);

    const auto forms = f.panel.findChildren<QFormLayout *>();
    QVERIFY(!forms.isEmpty());
    int fieldLeft = -1;
    for (QFormLayout *form : forms) {
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem *labelItem = form->itemAt(row, QFormLayout::LabelRole);
            QLayoutItem *fieldItem = form->itemAt(row, QFormLayout::FieldRole);
            if (!labelItem || !fieldItem)
                continue;
            auto *label = qobject_cast<QLabel *>(labelItem->widget());
            QVERIFY(label);
            QVERIFY2(!label->text().isEmpty(), qPrintable(fieldItem->widget()->objectName()));
            const int left = fieldItem->widget()->mapTo(&f.panel, QPoint(0, 0)).x();
            if (fieldLeft < 0)
                fieldLeft = left;
            QCOMPARE(left, fieldLeft);
        }
    }
}

QTEST_MAIN(TestOptionsPanel)
#include "tst_options_panel.moc"
