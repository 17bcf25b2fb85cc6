// The undo history's memory (ui/document/document.h, scenario_delta.h): a
// change of one option keeps only what changed, not two copies of the
// scenario; the history stays within its budget by dropping the oldest steps;
// the steps that stay still undo to the scenarios from before, number for
// number; a dropped saved state leaves the document modified for good; the
// user is told once.
//
// Every byte figure is worked out by hand from the rule the document states:
// 1024 bytes per step, 8 per stored number, 1 per stored character or padding
// flag, 32 more per stored word.

#include "change_scenario_command.h"
#include "document.h"
#include "large_scenario_fixture.h"
#include "main_window.h"
#include "scenario_edit.h"
#include "scenario_matrix.h"

#include <QSignalSpy>
#include <QStatusBar>
#include <QUndoStack>
#include <QtTest>

using attn::Scenario;
using attn::ui::Document;

Q_DECLARE_METATYPE(attn::Scenario)

namespace {

constexpr std::size_t KiB = 1024;
constexpr std::size_t MiB = 1024 * KiB;

/// `size` words w1 … w<size>, d_model = d_k = d_v = size, titled "Square"
/// (6 characters, no description). X, W_Q, W_K and W_V hold size² numbers
/// each, all drawn afresh from `seed`.
Scenario squareScenario(int size, std::uint64_t seed)
{
    Scenario scenario;
    scenario.title = "Square";
    for (int i = 0; i < size; ++i)
        scenario.target.tokens.push_back("w" + std::to_string(i + 1));
    scenario.target.embeddings = testsupport::pseudoRandom(size, size, 4 * seed, 1.0);
    const double scale = 1.0 / size;
    scenario.wQ = testsupport::pseudoRandom(size, size, 4 * seed + 1, scale);
    scenario.wK = testsupport::pseudoRandom(size, size, 4 * seed + 2, scale);
    scenario.wV = testsupport::pseudoRandom(size, size, 4 * seed + 3, scale);
    return scenario;
}

/// A step from one square scenario to another keeps X, W_Q, W_K and W_V twice.
constexpr std::size_t squareStepBytes(std::size_t size)
{
    return 1024 + 2 * 6 + 2 * 4 * size * size * 8;
}

Scenario everyOptionChanged(const Scenario &tutorial)
{
    using namespace attn;
    Scenario next = edit::withCrossAttention(tutorial, true);
    next = edit::withOutputProjection(next, true);
    next = edit::withScore(next, ScoreFunction::Additive);
    next = edit::withSpan(next, SpanKind::LocalP);
    next.title = "Every option";
    next.description = "Changed at once.";
    next.heads = 3;
    next.scale = ScaleMode::Custom;
    next.scaleValue = 2.5;
    next.temperature = 0.5;
    next.mask = MaskKind::Causal;
    next.padding = {false, false, false, true};
    next.window = 2;
    next.selection = SelectionKind::Sample;
    next.seed = 7;
    next.positional = PositionalEncoding::Sinusoidal;
    return next;
}

Scenario renamed(Scenario scenario, std::size_t word, const std::string &name)
{
    scenario.target.tokens.at(word) = name;
    return scenario;
}

} // namespace

class TestUndoBudget : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void optionChangeStoresOnlyWhatChanged();
    void renameStoresOnlyTheWords();
    void undoGivesBackTheSameScenario_data();
    void undoGivesBackTheSameScenario();
    void gestureOfShapeChangesUndoesExactly();

    void undoHistoryStaysWithinBudget();
    void trimKeepsModifiedStateHonest();
    void trimKeepsASavedStepThatStays();
    void lowerBudgetKeepsTheSavedState();
    void userToldOnceWhenHistoryTrimmed();
    void windowSaysOldStepsWereDropped();
};

void TestUndoBudget::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale::c());
}

// --- what one step keeps ---------------------------------------------------------

void TestUndoBudget::optionChangeStoresOnlyWhatChanged()
{
    // The overhead charged per step covers the command itself, with both sets of options.
    QVERIFY2(sizeof(attn::ui::ChangeScenarioCommand) <= attn::ui::undoStepOverheadBytes,
             qPrintable(QString::number(sizeof(attn::ui::ChangeScenarioCommand))));

    Document document;
    document.reset(squareScenario(256, 1));
    Scenario warmer = document.scenario();
    warmer.temperature = 2.0;
    document.change(warmer, QStringLiteral("Set the temperature"));
    QCOMPARE(document.undoStack()->count(), 1);
    // 1 KiB for the step, the title "Square" before and after. Two copies of
    // the scenario would be 2 × 4 × 256² × 8 bytes = 4 MiB.
    QCOMPARE(document.undoMemoryUsed(), std::size_t(1024 + 6 + 6));

    // One typed cell: the step and two numbers.
    document.setCell(attn::MatrixId::KeyWeights, 3, 4, 0.5);
    QCOMPARE(document.undoMemoryUsed(), std::size_t(1036 + 1024 + 16));

    // Switching cross-attention on keeps the new source sequence (256 words
    // "source_1" … and 256² numbers) and the padding flags if any: none here.
    const Scenario cross = attn::edit::withCrossAttention(document.scenario(), true);
    QCOMPARE(int(cross.source->tokens.size()), 256);
    QCOMPARE(cross.source->tokens.back(), std::string("source_256"));
    document.change(cross, QStringLiteral("Cross-attention"));
    // "source_" and 1 … 256: 256 × 7 + 9 × 1 + 90 × 2 + 157 × 3 = 2452
    // characters, and 256 × 32 bytes for the words: 10 644.
    QCOMPARE(document.undoMemoryUsed(), std::size_t(1036 + 1040 + 1036 + 10644 + 256 * 256 * 8));

    document.undoStack()->undo();
    document.undoStack()->undo();
    document.undoStack()->undo();
    QVERIFY(document.scenario() == squareScenario(256, 1));
}

void TestUndoBudget::renameStoresOnlyTheWords()
{
    Document document;
    document.reset(squareScenario(256, 1));
    document.change(renamed(document.scenario(), 0, "first"), QStringLiteral("Rename"));
    // Before: w1…w9 (2 characters), w10…w99 (3), w100…w256 (4): 18 + 270 +
    // 628 = 916 characters and 32 bytes for each of the 256 words: 9108. After,
    // "first" for "w1": 9111. No matrix is kept.
    QCOMPARE(document.undoMemoryUsed(), std::size_t(1024 + 12 + 9108 + 9111));
    document.undoStack()->undo();
    QVERIFY(document.scenario() == squareScenario(256, 1));
    document.undoStack()->redo();
    QCOMPARE(document.scenario().target.tokens.front(), std::string("first"));
}

void TestUndoBudget::undoGivesBackTheSameScenario_data()
{
    using namespace attn;
    QTest::addColumn<Scenario>("before");
    QTest::addColumn<Scenario>("after");
    const Scenario tutorial = tutorialScenario();
    Scenario warm = tutorial;
    warm.temperature = 2.0;
    const Scenario cross = edit::withCrossAttention(tutorial, true);
    const Scenario everything = everyOptionChanged(tutorial);

    QTest::newRow("option only") << tutorial << warm;
    QTest::newRow("every option and matrix at once") << tutorial << everything;
    QTest::newRow("every option back") << everything << tutorial;
    QTest::newRow("d_model 3 to 5") << tutorial << edit::withModelDim(tutorial, 5);
    QTest::newRow("d_model 3 to 2") << tutorial << edit::withModelDim(tutorial, 2);
    QTest::newRow("7 words") << tutorial << edit::withTokenCount(tutorial, edit::Side::Target, 7);
    QTest::newRow("word renamed") << tutorial << renamed(tutorial, 2, "cat");
    QTest::newRow("cross-attention on") << tutorial << cross;
    QTest::newRow("cross-attention off") << cross << tutorial;
    QTest::newRow("source word renamed") << cross << [&] {
        Scenario next = cross;
        next.source->tokens.at(1) = "chat";
        return next;
    }();
    QTest::newRow("output projection on") << tutorial << edit::withOutputProjection(tutorial, true);
    QTest::newRow("preset replaces the tutorial") << tutorial << squareScenario(16, 3);
    QTest::newRow("tutorial replaces a preset") << squareScenario(16, 3) << tutorial;
}

void TestUndoBudget::undoGivesBackTheSameScenario()
{
    QFETCH(Scenario, before);
    QFETCH(Scenario, after);
    QVERIFY(before != after);

    Document document;
    document.reset(before);
    document.change(after, QStringLiteral("Change"));
    QVERIFY(document.scenario() == after);
    for (int round = 0; round < 2; ++round) {
        document.undoStack()->undo();
        QVERIFY(document.scenario() == before);
        document.undoStack()->redo();
        QVERIFY(document.scenario() == after);
    }
}

void TestUndoBudget::gestureOfShapeChangesUndoesExactly()
{
    using namespace attn;
    const Scenario tutorial = tutorialScenario();
    Document document;
    const int gesture = document.beginGesture();
    document.change(edit::withModelDim(tutorial, 4), QStringLiteral("d_model"), gesture);
    document.change(edit::withModelDim(document.scenario(), 6), QStringLiteral("d_model"), gesture);
    document.change(edit::withKeyDim(document.scenario(), 5), QStringLiteral("d_k"), gesture);
    const Scenario last = document.scenario();
    QCOMPARE(document.undoStack()->count(), 1);
    document.undoStack()->undo();
    QVERIFY(document.scenario() == tutorial);
    document.undoStack()->redo();
    QVERIFY(document.scenario() == last);

    // A drag of the temperature that ends where it began leaves no step.
    const int drag = document.beginGesture();
    for (double temperature : {2.0, 3.0, 1.0}) {
        Scenario next = document.scenario();
        next.temperature = temperature;
        document.change(next, QStringLiteral("τ"), drag);
    }
    QCOMPARE(document.undoStack()->count(), 1);
    QVERIFY(document.scenario() == last);
}

// --- the budget --------------------------------------------------------------------

void TestUndoBudget::undoHistoryStaysWithinBudget()
{
    QCOMPARE(attn::ui::defaultUndoMemoryBudget, 256 * MiB);
    Document document;
    QCOMPARE(document.undoMemoryBudget(), 256 * MiB);

    // 512 words, d_model = d_k = d_v = 512: every step keeps 16 MiB + 1036
    // bytes. 15 steps take 240 MiB + 15 540 bytes; 16 would take 256 MiB +
    // 16 576 bytes, over the budget. So of 20 steps the newest 15 stay.
    constexpr std::size_t size = 512;
    QCOMPARE(squareStepBytes(size), 16 * MiB + 1036);
    document.reset(squareScenario(size, 0));
    for (int step = 1; step <= 20; ++step) {
        document.change(squareScenario(size, step), QStringLiteral("Preset %1").arg(step));
        QVERIFY2(document.undoMemoryUsed() <= 256 * MiB,
                 qPrintable(QString::number(document.undoMemoryUsed())));
    }
    QCOMPARE(document.undoStack()->count(), 15);
    QCOMPARE(document.undoMemoryUsed(), 15 * (16 * MiB + 1036));
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Preset 20"));

    for (int step = 19; step >= 5; --step) {
        document.undoStack()->undo();
        QVERIFY2(document.scenario() == squareScenario(size, step),
                 qPrintable(QString::number(step)));
    }
    QVERIFY(!document.undoStack()->canUndo());
    QCOMPARE(document.undoStack()->redoText(), QStringLiteral("Preset 6"));
    // And forward again to the newest.
    while (document.undoStack()->canRedo())
        document.undoStack()->redo();
    QVERIFY(document.scenario() == squareScenario(size, 20));
}

// With 64 words the steps between square scenarios keep 256 KiB + 1036 bytes:
// a budget of 1 MiB holds 3 of them (789 540 bytes), not 4 (1 052 720).
constexpr std::size_t smallBudget = 1 * MiB;
constexpr int smallSize = 64;

void TestUndoBudget::trimKeepsModifiedStateHonest()
{
    QCOMPARE(squareStepBytes(smallSize), 256 * KiB + 1036);
    Document document;
    document.setUndoMemoryBudget(smallBudget);
    document.reset(squareScenario(smallSize, 0), QStringLiteral("/tmp/square.json"));
    QVERIFY(!document.isModified());
    QSignalSpy modified(&document, &Document::modifiedChanged);

    for (int step = 1; step <= 5; ++step)
        document.change(squareScenario(smallSize, step), QStringLiteral("Preset"));
    QCOMPARE(document.undoStack()->count(), 3);
    QVERIFY(document.isModified());
    // Modified once, at the first change; never "unmodified" while steps were dropped.
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.at(0).at(0).toBool(), true);

    // The saved file was scenario 0; undo reaches scenario 2 at most, which was never saved.
    while (document.undoStack()->canUndo()) {
        document.undoStack()->undo();
        QVERIFY(document.isModified());
    }
    QVERIFY(document.scenario() == squareScenario(smallSize, 2));
    QCOMPARE(modified.count(), 1);
}

void TestUndoBudget::trimKeepsASavedStepThatStays()
{
    Document document;
    document.setUndoMemoryBudget(smallBudget);
    document.reset(squareScenario(smallSize, 0));
    for (int step = 1; step <= 3; ++step)
        document.change(squareScenario(smallSize, step), QStringLiteral("Preset"));
    document.markSaved();
    QVERIFY(!document.isModified());
    QSignalSpy modified(&document, &Document::modifiedChanged);

    document.change(squareScenario(smallSize, 4), QStringLiteral("Preset"));
    document.change(squareScenario(smallSize, 5), QStringLiteral("Preset"));
    QCOMPARE(document.undoStack()->count(), 3);
    QVERIFY(document.isModified());
    QCOMPARE(modified.count(), 1);

    // Two undos reach the saved scenario 3 again: not modified there.
    document.undoStack()->undo();
    QVERIFY(document.isModified());
    document.undoStack()->undo();
    QVERIFY(document.scenario() == squareScenario(smallSize, 3));
    QVERIFY(!document.isModified());
    QCOMPARE(modified.count(), 2);
    QCOMPARE(modified.last().at(0).toBool(), false);
    document.undoStack()->undo();
    QVERIFY(document.isModified());
    QVERIFY(!document.undoStack()->canUndo());
}

void TestUndoBudget::lowerBudgetKeepsTheSavedState()
{
    Document document;
    document.reset(squareScenario(smallSize, 0));
    for (int step = 1; step <= 5; ++step)
        document.change(squareScenario(smallSize, step), QStringLiteral("Preset"));
    document.markSaved();
    QSignalSpy modified(&document, &Document::modifiedChanged);

    document.setUndoMemoryBudget(smallBudget);
    QCOMPARE(document.undoStack()->count(), 3);
    QVERIFY(!document.isModified());
    QCOMPARE(modified.count(), 0);
    QVERIFY(document.scenario() == squareScenario(smallSize, 5));
    document.undoStack()->undo();
    QVERIFY(document.scenario() == squareScenario(smallSize, 4));
    QVERIFY(document.isModified());
}

void TestUndoBudget::userToldOnceWhenHistoryTrimmed()
{
    Document document;
    document.setUndoMemoryBudget(smallBudget);
    document.reset(squareScenario(smallSize, 0));
    QSignalSpy told(&document, &Document::historyTrimmed);

    for (int step = 1; step <= 3; ++step)
        document.change(squareScenario(smallSize, step), QStringLiteral("Preset"));
    QCOMPARE(told.count(), 0); // three steps fit
    for (int step = 4; step <= 8; ++step)
        document.change(squareScenario(smallSize, step), QStringLiteral("Preset"));
    QCOMPARE(document.undoStack()->count(), 3);
    QCOMPARE(told.count(), 1); // five times trimmed, told once

    // A new document is told again.
    document.reset(squareScenario(smallSize, 0));
    for (int step = 1; step <= 5; ++step)
        document.change(squareScenario(smallSize, step), QStringLiteral("Preset"));
    QCOMPARE(told.count(), 2);
}

void TestUndoBudget::windowSaysOldStepsWereDropped()
{
    attn::ui::MainWindow window(squareScenario(smallSize, 0));
    Document *document = window.document();
    document->setUndoMemoryBudget(smallBudget);
    for (int step = 1; step <= 3; ++step)
        document->change(squareScenario(smallSize, step), QStringLiteral("Preset"));
    QVERIFY(!window.statusBar()->currentMessage().contains(QStringLiteral("undo")));

    document->change(squareScenario(smallSize, 4), QStringLiteral("Preset"));
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("Oldest undo steps were dropped to stay within 1 MiB of memory."));
    QVERIFY(window.isWindowModified());

    window.statusBar()->clearMessage();
    document->change(squareScenario(smallSize, 5), QStringLiteral("Preset"));
    QVERIFY(window.statusBar()->currentMessage().isEmpty());
}

QTEST_MAIN(TestUndoBudget)
#include "tst_undo_budget.moc"
