// The document (ui/document.h): the one owner of the scenario, its undo stack
// and its trace.
//
// Every edit is an undo command; undo must give back the numbers from before
// to the bit; a gesture (a scrub, a slider drag) is one undo step; the change
// signals say exactly what changed so the editors and heatmaps redraw only
// that. Expected weights come from tests/reference/workbench_reference.py
// (section "document"), never from the engine.

#include "document.h"
#include "matrix_compare.h"
#include "scenario_edit.h"

#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using attn::MatrixId;
using attn::ui::Document;
using testsupport::matrixOf;

Q_DECLARE_METATYPE(attn::MatrixId)

namespace {

constexpr double tolerance = 1e-12;

// softmax(Q Kᵀ / √3) of the tutorial, by NumPy.
const attn::Matrix tutorialWeights = matrixOf({
    {0.23608986335744747, 0.007389875548932189, 0.7491303855446881, 0.007389875548932189},
    {0.4548263225195752, 0.0451736774804248, 0.4548263225195752, 0.0451736774804248},
    {0.23927504868045535, 0.0007438700150519289, 0.7592372112894408, 0.0007438700150519289},
    {0.08995017535419739, 0.0028155406251633023, 0.9056536848050253, 0.0015805992156140561}});

// W_K[1][0] = 3: K rows 1 and 2 change, so every query's weights change.
const attn::Matrix editedKeys = matrixOf({
    {2.0, 2.0, 2.0},
    {3.0, 2.0, 1.0},
    {5.0, 4.0, 3.0},
    {0.0, 1.0, 1.0}});
const attn::Matrix editedWeights = matrixOf({
    {0.009670821506313404, 0.009670821506313404, 0.9803556495082324, 0.0003027074791406484},
    {0.02760894959798307, 0.0876052142294083, 0.8820436954411675, 0.0027421407314413148},
    {0.0003083754787203802, 0.0009784979243965437, 0.9987121679040596, 9.586928234365135e-07},
    {0.0030894709095985293, 0.0030894709095985293, 0.993766770178838, 5.4288001964923435e-05}});

// Temperature 2, nothing else changed.
const attn::Matrix warmWeights = matrixOf({
    {0.31896353826616314, 0.0564314139614319, 0.5681736338109732, 0.0564314139614319},
    {0.38018422092901033, 0.11981577907098966, 0.38018422092901033, 0.11981577907098966},
    {0.3456827000377584, 0.019274249002744933, 0.6157688019567518, 0.019274249002744933},
    {0.2230871326325629, 0.03946884461932408, 0.7078717709538586, 0.029572251794254392}});

attn::Matrix weightsOf(const Document &document)
{
    return document.trace().weights(0);
}

/// The arguments of one cellsChanged emission, as text for a readable QCOMPARE.
QString cellsChangedText(const QList<QVariant> &arguments)
{
    return QStringLiteral("%1 (%2, %3) %4×%5")
        .arg(QLatin1String(attn::matrixSymbol(arguments.at(0).value<MatrixId>())))
        .arg(arguments.at(1).toInt())
        .arg(arguments.at(2).toInt())
        .arg(arguments.at(3).toInt())
        .arg(arguments.at(4).toInt());
}

/// Records the order of the document's signals by name.
class SignalLog : public QObject
{
public:
    explicit SignalLog(Document *document)
    {
        connect(document, &Document::cellsChanged, this,
                [this] { names << QStringLiteral("cells"); });
        connect(document, &Document::structureChanged, this,
                [this] { names << QStringLiteral("structure"); });
        connect(document, &Document::scenarioChanged, this,
                [this] { names << QStringLiteral("scenario"); });
        connect(document, &Document::traceChanged, this,
                [this] { names << QStringLiteral("trace"); });
    }
    QStringList names;
};

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void startsOnTheTutorial();
    void setCellRecomputesTheTrace();
    void undoRestoresTheWeightsExactly();
    void redoReappliesTheEdit();
    void settingTheSameValueIsNoStep();
    void modifiedFollowsTheCleanState();
    void filePathChangeIsSignalled();

    void gestureIsOneUndoStep();
    void twoGesturesAreTwoSteps();
    void gestureOnAnotherCellIsAnotherStep();
    void gestureContinuedAfterSavingIsAChange();

    void cellsChangedNamesTheBlock_data();
    void cellsChangedNamesTheBlock();
    void undoOfABlockNamesTheSameBlock();
    void editsOutsideAMatrixAreIgnored_data();
    void editsOutsideAMatrixAreIgnored();

    void changeOfShapeIsStructural_data();
    void changeOfShapeIsStructural();
    void renamingAWordOnlyRelabels();
    void changeOfAnOptionIsNotStructural();
    void changeOfValuesNamesEachChangedMatrix();
    void changeGestureIsOneUndoStep();

    void invalidScenarioKeepsTheLastTrace();
    void undoClearsTheError();
    void resetClearsHistoryAndModifiedFlag();
};

void TestDocument::initTestCase()
{
    qRegisterMetaType<attn::MatrixId>("attn::MatrixId");
}

void TestDocument::startsOnTheTutorial()
{
    Document document;

    const attn::Scenario tutorial = attn::tutorialScenario();
    QCOMPARE(document.scenario().target.tokens, tutorial.target.tokens);
    VERIFY_MATRIX_EQUAL(document.scenario().target.embeddings, tutorial.target.embeddings);
    VERIFY_MATRIX_EQUAL(document.scenario().wK, tutorial.wK);
    QVERIFY(!document.error().has_value());
    QCOMPARE(document.trace().headCount(), 1);
    VERIFY_MATRIX_NEAR(weightsOf(document), tutorialWeights, tolerance);
    VERIFY_NEAR(weightsOf(document)(0, 2), 0.7491303855446881, tolerance);

    QVERIFY(!document.isModified());
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(document.filePath().isEmpty());
}

void TestDocument::setCellRecomputesTheTrace()
{
    Document document;
    QSignalSpy traceSpy(&document, &Document::traceChanged);
    QSignalSpy structureSpy(&document, &Document::structureChanged);
    SignalLog log(&document);

    document.setCell(MatrixId::KeyWeights, 1, 0, 3.0);

    QCOMPARE(document.scenario().wK(1, 0), 3.0);
    VERIFY_MATRIX_NEAR(document.trace().keys, editedKeys, tolerance);
    VERIFY_MATRIX_NEAR(weightsOf(document), editedWeights, tolerance);
    QCOMPARE(traceSpy.count(), 1);
    QCOMPARE(structureSpy.count(), 0);
    // Finer signals first; the trace last, once it is ready.
    QCOMPARE(log.names, QStringList({"cells", "scenario", "trace"}));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Change W_K[2][1]"));
}

void TestDocument::undoRestoresTheWeightsExactly()
{
    Document document;
    const attn::Matrix before = weightsOf(document);

    document.setCell(MatrixId::KeyWeights, 1, 0, 3.0);
    VERIFY_MATRIX_NEAR(weightsOf(document), editedWeights, tolerance);

    document.undoStack()->undo();
    QCOMPARE(document.scenario().wK(1, 0), 0.0);
    VERIFY_MATRIX_EQUAL(document.scenario().wK, attn::tutorialScenario().wK);
    VERIFY_MATRIX_EQUAL(weightsOf(document), before);
    VERIFY_MATRIX_NEAR(weightsOf(document), tutorialWeights, tolerance);
}

void TestDocument::redoReappliesTheEdit()
{
    Document document;
    document.setCell(MatrixId::KeyWeights, 1, 0, 3.0);
    const attn::Matrix edited = weightsOf(document);
    document.undoStack()->undo();

    QSignalSpy cellsSpy(&document, &Document::cellsChanged);
    document.undoStack()->redo();

    QCOMPARE(document.scenario().wK(1, 0), 3.0);
    VERIFY_MATRIX_EQUAL(weightsOf(document), edited);
    VERIFY_MATRIX_NEAR(weightsOf(document), editedWeights, tolerance);
    QCOMPARE(cellsSpy.count(), 1);
    QCOMPARE(cellsChangedText(cellsSpy.at(0)), QStringLiteral("W_K (1, 0) 1×1"));
}

void TestDocument::settingTheSameValueIsNoStep()
{
    Document document;
    QSignalSpy traceSpy(&document, &Document::traceChanged);

    document.setCell(MatrixId::KeyWeights, 0, 0, 2.0); // W_K[0][0] is already 2

    QCOMPARE(document.undoStack()->count(), 0);
    QCOMPARE(traceSpy.count(), 0);
    QVERIFY(!document.isModified());
}

void TestDocument::modifiedFollowsTheCleanState()
{
    Document document;
    QSignalSpy modifiedSpy(&document, &Document::modifiedChanged);

    document.setCell(MatrixId::QueryWeights, 0, 1, 1.5);
    QVERIFY(document.isModified());
    QCOMPARE(modifiedSpy.count(), 1);
    QCOMPARE(modifiedSpy.last().at(0).toBool(), true);

    document.markSaved();
    QVERIFY(!document.isModified());
    QCOMPARE(modifiedSpy.count(), 2);
    QCOMPARE(modifiedSpy.last().at(0).toBool(), false);

    // Undo past the saved state is a change again; redo returns to it.
    document.undoStack()->undo();
    QVERIFY(document.isModified());
    QCOMPARE(modifiedSpy.last().at(0).toBool(), true);
    document.undoStack()->redo();
    QVERIFY(!document.isModified());
    QCOMPARE(modifiedSpy.last().at(0).toBool(), false);
    QCOMPARE(modifiedSpy.count(), 4);
}

void TestDocument::filePathChangeIsSignalled()
{
    Document document;
    QSignalSpy pathSpy(&document, &Document::filePathChanged);

    document.setFilePath(QStringLiteral("/tmp/lesson.json"));
    document.setFilePath(QStringLiteral("/tmp/lesson.json")); // the same path: no signal
    QCOMPARE(pathSpy.count(), 1);
    QCOMPARE(pathSpy.at(0).at(0).toString(), QStringLiteral("/tmp/lesson.json"));
    QCOMPARE(document.filePath(), QStringLiteral("/tmp/lesson.json"));
}

// --- gestures ------------------------------------------------------------------

void TestDocument::gestureIsOneUndoStep()
{
    Document document;
    const int gesture = document.beginGesture();
    QVERIFY(gesture != 0);

    for (double value : {2.1, 2.2, 2.3, 2.4, 2.5})
        document.setCell(MatrixId::KeyWeights, 0, 0, value, gesture);

    QCOMPARE(document.scenario().wK(0, 0), 2.5);
    QCOMPARE(document.undoStack()->count(), 1);

    document.undoStack()->undo();
    QCOMPARE(document.scenario().wK(0, 0), 2.0);
    VERIFY_MATRIX_NEAR(weightsOf(document), tutorialWeights, tolerance);
    QVERIFY(!document.undoStack()->canUndo());

    document.undoStack()->redo();
    QCOMPARE(document.scenario().wK(0, 0), 2.5);
}

void TestDocument::twoGesturesAreTwoSteps()
{
    Document document;
    const int first = document.beginGesture();
    document.setCell(MatrixId::KeyWeights, 0, 0, 2.1, first);
    document.setCell(MatrixId::KeyWeights, 0, 0, 2.2, first);
    const int second = document.beginGesture();
    QVERIFY(second != first);
    document.setCell(MatrixId::KeyWeights, 0, 0, 2.3, second);
    document.setCell(MatrixId::KeyWeights, 0, 0, 2.4, second);

    QCOMPARE(document.undoStack()->count(), 2);
    document.undoStack()->undo();
    QCOMPARE(document.scenario().wK(0, 0), 2.2);
    document.undoStack()->undo();
    QCOMPARE(document.scenario().wK(0, 0), 2.0);
}

void TestDocument::gestureOnAnotherCellIsAnotherStep()
{
    Document document;
    const int gesture = document.beginGesture();
    document.setCell(MatrixId::KeyWeights, 0, 0, 2.5, gesture);
    document.setCell(MatrixId::KeyWeights, 0, 1, 2.5, gesture);
    document.setCell(MatrixId::QueryWeights, 0, 1, 2.5, gesture);

    QCOMPARE(document.undoStack()->count(), 3);
    document.undoStack()->undo();
    QCOMPARE(document.scenario().wQ(0, 1), 0.0);
    QCOMPARE(document.scenario().wK(0, 1), 2.5);
}

// A save in the middle of a drag: the rest of the drag must not fold into the
// saved step, or the document would look saved while it differs from the file.
void TestDocument::gestureContinuedAfterSavingIsAChange()
{
    Document document;
    const int gesture = document.beginGesture();
    document.setCell(MatrixId::KeyWeights, 0, 0, 2.1, gesture);
    document.markSaved();
    QVERIFY(!document.isModified());

    document.setCell(MatrixId::KeyWeights, 0, 0, 2.2, gesture);
    QVERIFY(document.isModified());
    document.undoStack()->undo();
    QCOMPARE(document.scenario().wK(0, 0), 2.1);
    QVERIFY(!document.isModified());
}

// --- signals -------------------------------------------------------------------

void TestDocument::cellsChangedNamesTheBlock_data()
{
    QTest::addColumn<MatrixId>("id");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("col");
    QTest::addColumn<attn::Matrix>("block");
    QTest::addColumn<QString>("expectedSignal");
    QTest::addColumn<attn::Matrix>("expectedMatrix");

    QTest::newRow("one cell of W_K") << MatrixId::KeyWeights << 1 << 2 << matrixOf({{5}})
                                     << QStringLiteral("W_K (1, 2) 1×1")
                                     << matrixOf({{2, 2, 2}, {0, 2, 5}, {0, 1, 1}});
    QTest::newRow("2×2 block of W_Q") << MatrixId::QueryWeights << 0 << 1
                                      << matrixOf({{7, 8}, {9, 10}})
                                      << QStringLiteral("W_Q (0, 1) 2×2")
                                      << matrixOf({{2, 7, 8}, {2, 9, 10}, {2, 1, 2}});
    QTest::newRow("3×3 block clipped to 2×2 at the corner")
        << MatrixId::ValueWeights << 1 << 1 << matrixOf({{5, 6, 7}, {8, 9, 10}, {11, 12, 13}})
        << QStringLiteral("W_V (1, 1) 2×2") << matrixOf({{1, 1, 0}, {0, 5, 6}, {0, 8, 9}});
    QTest::newRow("a word's embedding") << MatrixId::Embeddings << 3 << 0
                                        << matrixOf({{0.5, 0.5, 0}})
                                        << QStringLiteral("X (3, 0) 1×3")
                                        << matrixOf({{1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0.5, 0.5, 0}});
}

void TestDocument::cellsChangedNamesTheBlock()
{
    QFETCH(MatrixId, id);
    QFETCH(int, row);
    QFETCH(int, col);
    QFETCH(attn::Matrix, block);
    QFETCH(QString, expectedSignal);
    QFETCH(attn::Matrix, expectedMatrix);

    Document document;
    QSignalSpy cellsSpy(&document, &Document::cellsChanged);
    QSignalSpy structureSpy(&document, &Document::structureChanged);
    QSignalSpy scenarioSpy(&document, &Document::scenarioChanged);

    document.setCells(id, row, col, block);

    QCOMPARE(cellsSpy.count(), 1);
    QCOMPARE(cellsChangedText(cellsSpy.at(0)), expectedSignal);
    QCOMPARE(structureSpy.count(), 0);
    QCOMPARE(scenarioSpy.count(), 1);
    VERIFY_MATRIX_EQUAL(attn::matrixOf(document.scenario(), id), expectedMatrix);
    QCOMPARE(document.undoStack()->count(), 1);
}

void TestDocument::undoOfABlockNamesTheSameBlock()
{
    Document document;
    document.setCells(MatrixId::ValueWeights, 1, 1, matrixOf({{5, 6, 7}, {8, 9, 10}}));
    QSignalSpy cellsSpy(&document, &Document::cellsChanged);

    document.undoStack()->undo();

    QCOMPARE(cellsSpy.count(), 1);
    QCOMPARE(cellsChangedText(cellsSpy.at(0)), QStringLiteral("W_V (1, 1) 2×2"));
    VERIFY_MATRIX_EQUAL(document.scenario().wV, attn::tutorialScenario().wV);
}

void TestDocument::editsOutsideAMatrixAreIgnored_data()
{
    QTest::addColumn<MatrixId>("id");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("col");

    QTest::newRow("row past the end") << MatrixId::KeyWeights << 3 << 0;
    QTest::newRow("column past the end") << MatrixId::KeyWeights << 0 << 3;
    QTest::newRow("negative row") << MatrixId::KeyWeights << -1 << 0;
    QTest::newRow("W_O while there is no output projection") << MatrixId::OutputWeights << 0 << 0;
    QTest::newRow("source words in self-attention") << MatrixId::SourceEmbeddings << 0 << 0;
}

void TestDocument::editsOutsideAMatrixAreIgnored()
{
    QFETCH(MatrixId, id);
    QFETCH(int, row);
    QFETCH(int, col);

    Document document;
    QSignalSpy scenarioSpy(&document, &Document::scenarioChanged);
    document.setCell(id, row, col, 9.0);

    QCOMPARE(document.undoStack()->count(), 0);
    QCOMPARE(scenarioSpy.count(), 0);
    QVERIFY(!document.isModified());
}

// --- whole-scenario changes ------------------------------------------------------

void TestDocument::changeOfShapeIsStructural_data()
{
    QTest::addColumn<attn::Scenario>("next");

    const attn::Scenario tutorial = attn::tutorialScenario();
    QTest::newRow("5 words") << attn::edit::withTokenCount(tutorial, attn::edit::Side::Target, 5);
    QTest::newRow("d_k 4") << attn::edit::withKeyDim(tutorial, 4);
    QTest::newRow("output projection on") << attn::edit::withOutputProjection(tutorial, true);
    QTest::newRow("cross-attention on") << attn::edit::withCrossAttention(tutorial, true);
}

void TestDocument::renamingAWordOnlyRelabels()
{
    attn::Scenario renamed = attn::tutorialScenario();
    renamed.target.tokens[0] = "the";

    Document document;
    QSignalSpy structureSpy(&document, &Document::structureChanged);
    QSignalSpy renamedSpy(&document, &Document::tokensRenamed);
    document.change(renamed, QStringLiteral("rename"));

    // Editors keep their cursor: a new name is a new label, not a new shape.
    QCOMPARE(structureSpy.count(), 0);
    QCOMPARE(renamedSpy.count(), 1);
    QCOMPARE(document.scenario().target.tokens[0], std::string("the"));
    document.undoStack()->undo();
    QCOMPARE(renamedSpy.count(), 2);
    QCOMPARE(document.scenario().target.tokens[0], std::string("word_1"));
}

void TestDocument::changeOfShapeIsStructural()
{
    QFETCH(attn::Scenario, next);

    Document document;
    QSignalSpy structureSpy(&document, &Document::structureChanged);
    QSignalSpy cellsSpy(&document, &Document::cellsChanged);
    SignalLog log(&document);

    document.change(next, QStringLiteral("reshape"));

    QCOMPARE(structureSpy.count(), 1);
    QCOMPARE(cellsSpy.count(), 0);
    QCOMPARE(log.names, QStringList({"structure", "scenario", "trace"}));
    QCOMPARE(document.scenario().target.tokens, next.target.tokens);
    QCOMPARE(document.trace().queryCount(), next.queryCount());
    QVERIFY(!document.error().has_value());

    // Undo is structural too: the editors rebuild for the old shape.
    document.undoStack()->undo();
    QCOMPARE(structureSpy.count(), 2);
    QCOMPARE(document.scenario().queryCount(), 4);
    VERIFY_MATRIX_NEAR(weightsOf(document), tutorialWeights, tolerance);
}

void TestDocument::changeOfAnOptionIsNotStructural()
{
    Document document;
    QSignalSpy structureSpy(&document, &Document::structureChanged);
    QSignalSpy cellsSpy(&document, &Document::cellsChanged);
    QSignalSpy scenarioSpy(&document, &Document::scenarioChanged);
    QSignalSpy traceSpy(&document, &Document::traceChanged);

    attn::Scenario warmer = document.scenario();
    warmer.temperature = 2.0;
    document.change(warmer, QStringLiteral("Temperature 2"));

    QCOMPARE(structureSpy.count(), 0);
    QCOMPARE(cellsSpy.count(), 0); // no matrix value changed either
    QCOMPARE(scenarioSpy.count(), 1);
    QCOMPARE(traceSpy.count(), 1);
    QCOMPARE(document.trace().temperature, 2.0);
    VERIFY_MATRIX_NEAR(weightsOf(document), warmWeights, tolerance);
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Temperature 2"));

    document.undoStack()->undo();
    QCOMPARE(document.scenario().temperature, 1.0);
    VERIFY_MATRIX_NEAR(weightsOf(document), tutorialWeights, tolerance);
}

void TestDocument::changeOfValuesNamesEachChangedMatrix()
{
    Document document;
    QSignalSpy cellsSpy(&document, &Document::cellsChanged);
    QSignalSpy structureSpy(&document, &Document::structureChanged);

    // Randomise: new W_Q, W_K, W_V of the same shapes.
    document.change(attn::edit::randomised(document.scenario(), 7,
                                           attn::edit::Distribution::Integers),
                    QStringLiteral("Randomise"));

    QCOMPARE(structureSpy.count(), 0);
    QStringList changed;
    for (const QList<QVariant> &arguments : cellsSpy)
        changed << cellsChangedText(arguments);
    changed.sort();
    QCOMPARE(changed, QStringList({"W_K (0, 0) 3×3", "W_Q (0, 0) 3×3", "W_V (0, 0) 3×3"}));
}

void TestDocument::changeGestureIsOneUndoStep()
{
    Document document;
    const int gesture = document.beginGesture();
    for (double temperature : {1.5, 2.0, 2.5, 3.0}) {
        attn::Scenario next = document.scenario();
        next.temperature = temperature;
        document.change(next, QStringLiteral("Temperature"), gesture);
    }
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.scenario().temperature, 3.0);

    document.undoStack()->undo();
    QCOMPARE(document.scenario().temperature, 1.0);
    VERIFY_MATRIX_NEAR(weightsOf(document), tutorialWeights, tolerance);
}

// --- errors --------------------------------------------------------------------

void TestDocument::invalidScenarioKeepsTheLastTrace()
{
    Document document;
    const attn::Matrix lastGood = weightsOf(document);
    QSignalSpy traceSpy(&document, &Document::traceChanged);

    attn::Scenario broken = document.scenario();
    broken.heads = 2; // d_k = 3 cannot be split into two heads
    document.change(broken, QStringLiteral("Two heads"));

    QCOMPARE(document.scenario().heads, 2);
    QVERIFY(document.error().has_value());
    QCOMPARE(document.error()->code, attn::ErrorCode::NotDivisibleByHeads);
    QCOMPARE(QString::fromStdString(document.error()->field), QStringLiteral("w_q"));
    QCOMPARE(document.error()->actualCols, 3);
    QCOMPARE(document.error()->expectedCols, 2);
    QCOMPARE(traceSpy.count(), 1); // views learn about the error
    QCOMPARE(document.trace().headCount(), 1);
    VERIFY_MATRIX_EQUAL(weightsOf(document), lastGood);

    // Cell edits while the scenario is invalid still go in; the trace waits.
    document.setCell(MatrixId::KeyWeights, 1, 0, 3.0);
    QVERIFY(document.error().has_value());
    VERIFY_MATRIX_EQUAL(weightsOf(document), lastGood);
}

void TestDocument::undoClearsTheError()
{
    Document document;
    attn::Scenario broken = document.scenario();
    broken.heads = 2;
    document.change(broken, QStringLiteral("Two heads"));
    QVERIFY(document.error().has_value());

    document.undoStack()->undo();
    QVERIFY(!document.error().has_value());
    QCOMPARE(document.scenario().heads, 1);
    VERIFY_MATRIX_NEAR(weightsOf(document), tutorialWeights, tolerance);
}

void TestDocument::resetClearsHistoryAndModifiedFlag()
{
    Document document;
    document.setCell(MatrixId::KeyWeights, 1, 0, 3.0);
    document.change(attn::edit::withTokenCount(document.scenario(), attn::edit::Side::Target, 6),
                    QStringLiteral("6 words"));
    QCOMPARE(document.undoStack()->count(), 2);
    QVERIFY(document.isModified());

    QSignalSpy structureSpy(&document, &Document::structureChanged);
    QSignalSpy modifiedSpy(&document, &Document::modifiedChanged);
    QSignalSpy pathSpy(&document, &Document::filePathChanged);
    document.reset(attn::tutorialScenario(), QStringLiteral("/tmp/tutorial.json"));

    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!document.undoStack()->canUndo());
    QVERIFY(!document.isModified());
    QVERIFY(modifiedSpy.count() >= 1);
    QCOMPARE(modifiedSpy.last().at(0).toBool(), false);
    QCOMPARE(structureSpy.count(), 1);
    QCOMPARE(pathSpy.count(), 1);
    QCOMPARE(document.filePath(), QStringLiteral("/tmp/tutorial.json"));
    QCOMPARE(document.scenario().queryCount(), 4);
    VERIFY_MATRIX_NEAR(weightsOf(document), tutorialWeights, tolerance);
}

QTEST_GUILESS_MAIN(TestDocument)

#include "tst_document.moc"
