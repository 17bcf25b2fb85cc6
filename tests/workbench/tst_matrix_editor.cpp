// The matrix editor (ui/matrix_editor.h), driven like a person: typing into
// a cell, scrubbing a cell by dragging it sideways, nudging with Alt/Ctrl and
// the arrow keys or the wheel, copying and pasting blocks.
//
// Each test builds a fresh document, model and editor. Steps come from
// MatrixEditor's constants: a drag of pixelsPerStep (6) pixels is one step of
// fineStep (0.1), or of coarseStep (1) with Shift held.

#include "document.h"
#include "matrices_panel.h"
#include "matrix_compare.h"
#include "matrix_editor.h"
#include "matrix_model.h"
#include "scenario_edit.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using attn::MatrixId;
using attn::ui::Document;
using attn::ui::MatricesPanel;
using attn::ui::MatrixEditor;
using attn::ui::MatrixModel;
using testsupport::matrixOf;

namespace {

constexpr double tolerance = 1e-12;

const attn::Matrix tutorialWK = matrixOf({{2, 2, 2}, {0, 2, 1}, {0, 1, 1}});
const attn::Matrix tutorialWV = matrixOf({{1, 1, 0}, {0, 1, 1}, {0, 0, 0}});

/// A document with one matrix on screen, as the workbench shows it.
struct Workbench
{
    explicit Workbench(MatrixId id) : model(&document, id)
    {
        editor.setMatrixModel(&model);
        editor.resize(420, 260);
        editor.show();
    }

    QModelIndex cell(int row, int matrixCol) const
    {
        return model.index(row, matrixCol + (model.hasTokenColumn() ? 1 : 0));
    }
    QPoint centre(const QModelIndex &index) const { return editor.visualRect(index).center(); }
    QWidget *viewport() const { return editor.viewport(); }
    double value(MatrixId id, int row, int col) const
    {
        return attn::matrixOf(document.scenario(), id)(row, col);
    }

    Document document;
    MatrixModel model;
    MatrixEditor editor;
};

/// Presses on a cell, drags `dx` pixels sideways in small steps, releases.
void scrub(Workbench &bench, const QModelIndex &index, int dx,
           Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    const QPoint start = bench.centre(index);
    QTest::mousePress(bench.viewport(), Qt::LeftButton, modifiers, start);
    const int step = dx > 0 ? 3 : -3;
    for (int moved = step; std::abs(moved) <= std::abs(dx); moved += step)
        QTest::mouseEvent(QTest::MouseMove, bench.viewport(), Qt::NoButton, modifiers,
                          start + QPoint(moved, 0));
    QTest::mouseRelease(bench.viewport(), Qt::LeftButton, modifiers, start + QPoint(dx, 0));
}

/// Opens the cell's editor as a double-click would, types `text`, presses Return.
void typeInto(MatrixEditor &editor, const QModelIndex &index, const QString &text)
{
    editor.setCurrentIndex(index);
    editor.edit(index);
    QWidget *input = editor.indexWidget(index);
    QVERIFY2(input, "the cell opened no editor");
    if (!text.isEmpty())
        QTest::keyClicks(input, text);
    QTest::keyClick(input, Qt::Key_Return);
}

void typeInto(Workbench &bench, const QModelIndex &index, const QString &text)
{
    typeInto(bench.editor, index, text);
}

void sendWheel(Workbench &bench, const QModelIndex &index, QPoint angle,
               Qt::KeyboardModifiers modifiers)
{
    const QPointF position = bench.centre(index);
    QWheelEvent event(position, bench.viewport()->mapToGlobal(position), QPoint(), angle,
                      Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
    QApplication::sendEvent(bench.viewport(), &event);
}

} // namespace

class TestMatrixEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void typingAValueChangesTheDocument();
    void typingOnASelectedCellStartsEditing();
    void typingKeepsMoreThanTwoDecimals();
    void confirmingWithoutTypingKeepsTheValue();
    void typingAWordRenamesIt();
    void renamingAWordKeepsTheCursor();

    void scrubbingChangesTheValueInSteps_data();
    void scrubbingChangesTheValueInSteps();
    void scrubIsOneUndoStep();
    void shortDragIsNoScrub();
    void twoScrubsAreTwoUndoSteps();
    void scrubbingTheNameColumnDoesNothing();

    void nudgeWithKeys_data();
    void nudgeWithKeys();
    void quickNudgesOfOneCellMerge();
    void nudgesOfAnotherCellAreAnotherStep();
    void coarseNudgeOffTheGridMovesByOne();
    void nudgeWithTheWheel_data();
    void nudgeWithTheWheel();

    void copyPutsTheSelectionOnTheClipboard();
    void copyKeepsEveryDigit();
    void pastePutsABlockAtTheCurrentCell();
    void pasteOfBadTextChangesNothing();

    void copyAndPasteInGerman();
    void commaDecimalIsTypedInGerman();
    void ambiguousNumberIsRefusedInGerman();
    void tooLargeIsRefusedAtTheCell();
    void lettersAreNotANumber();
    void headersCountFromOne();
    void editorFitsItsMatrix();
    void longMatrixScrollsInsideTheEditor();
    void panelShowsTheRefusalUnderTheEditor();
    void panelHasNoNestedScrollBars();
};

void TestMatrixEditor::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestMatrixEditor::cleanup()
{
    QLocale::setDefault(QLocale::c());
}

// --- typing --------------------------------------------------------------------

void TestMatrixEditor::typingAValueChangesTheDocument()
{
    Workbench bench(MatrixId::KeyWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));
    const attn::Matrix weightsBefore = bench.document.trace().weights(0);

    typeInto(bench, bench.cell(1, 2), QStringLiteral("-1.25"));

    QTRY_COMPARE(bench.value(MatrixId::KeyWeights, 1, 2), -1.25);
    QCOMPARE(bench.model.data(bench.cell(1, 2)).toString(), QStringLiteral("-1.25"));
    QCOMPARE(bench.document.undoStack()->count(), 1);
    QVERIFY(bench.document.trace().weights(0) != weightsBefore);

    bench.document.undoStack()->undo();
    QCOMPARE(bench.value(MatrixId::KeyWeights, 1, 2), 1.0);
}

void TestMatrixEditor::typingOnASelectedCellStartsEditing()
{
    Workbench bench(MatrixId::KeyWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));
    const QModelIndex index = bench.cell(2, 0);
    QTest::mouseClick(bench.viewport(), Qt::LeftButton, Qt::NoModifier, bench.centre(index));
    QCOMPARE(bench.editor.currentIndex(), index);

    QTest::keyClick(&bench.editor, Qt::Key_3); // any key starts editing with that key
    QWidget *input = bench.editor.indexWidget(index);
    QVERIFY2(input, "typing a digit opened no editor");
    QTest::keyClicks(input, QStringLiteral(".5"));
    QTest::keyClick(input, Qt::Key_Return);

    QTRY_COMPARE(bench.value(MatrixId::KeyWeights, 2, 0), 3.5);
}

// Learners type values such as 0.125 or 1e-3; the model reads them all.
void TestMatrixEditor::typingKeepsMoreThanTwoDecimals()
{
    Workbench bench(MatrixId::KeyWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));

    typeInto(bench, bench.cell(0, 1), QStringLiteral("0.125"));

    QTRY_VERIFY(!bench.editor.indexWidget(bench.cell(0, 1)));
    VERIFY_NEAR(bench.value(MatrixId::KeyWeights, 0, 1), 0.125, tolerance);
}

// Opening a cell's editor and pressing Return must not change the cell.
void TestMatrixEditor::confirmingWithoutTypingKeepsTheValue()
{
    Workbench bench(MatrixId::KeyWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));
    bench.document.setCell(MatrixId::KeyWeights, 1, 1, 0.125);
    bench.document.markSaved();

    typeInto(bench, bench.cell(1, 1), QString());

    QTRY_VERIFY(!bench.editor.indexWidget(bench.cell(1, 1)));
    VERIFY_NEAR(bench.value(MatrixId::KeyWeights, 1, 1), 0.125, tolerance);
    QVERIFY(!bench.document.isModified());
}

void TestMatrixEditor::typingAWordRenamesIt()
{
    Workbench bench(MatrixId::Embeddings);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));
    const QModelIndex name = bench.model.index(1, 0);

    typeInto(bench, name, QStringLiteral("cat"));

    QTRY_COMPARE(QString::fromStdString(bench.document.scenario().target.tokens[1]),
                 QStringLiteral("cat"));
    QCOMPARE(bench.model.data(bench.model.index(1, 0)).toString(), QStringLiteral("cat"));
    QCOMPARE(bench.document.undoStack()->count(), 1);
}

// A rename must not pull the table from under the learner: the editor closes
// normally and the cursor stays on the word, ready for the next one.
void TestMatrixEditor::renamingAWordKeepsTheCursor()
{
    Workbench bench(MatrixId::Embeddings);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));
    const QModelIndex name = bench.model.index(1, 0);
    QSignalSpy resetSpy(&bench.model, &MatrixModel::modelReset);

    typeInto(bench, name, QStringLiteral("cat"));

    QTRY_COMPARE(QString::fromStdString(bench.document.scenario().target.tokens[1]),
                 QStringLiteral("cat"));
    QTRY_VERIFY(!bench.editor.indexWidget(bench.model.index(1, 0)));
    QCOMPARE(bench.editor.currentIndex(), bench.model.index(1, 0));
    QCOMPARE(resetSpy.count(), 0);
}

// --- scrubbing -----------------------------------------------------------------

void TestMatrixEditor::scrubbingChangesTheValueInSteps_data()
{
    QTest::addColumn<int>("dx");
    QTest::addColumn<bool>("shift");
    QTest::addColumn<double>("expected");

    // W_K[0][0] starts at 2. 30 px = 5 steps of 6 px.
    QTest::newRow("30 px right: +5 × 0.1") << 30 << false << 2.5;
    QTest::newRow("30 px left: −5 × 0.1") << -30 << false << 1.5;
    QTest::newRow("Shift, 30 px right: +5 × 1") << 30 << true << 7.0;
    QTest::newRow("Shift, 18 px left: −3 × 1") << -18 << true << -1.0;
    QTest::newRow("17 px right: 2 whole steps") << 17 << false << 2.2;
}

void TestMatrixEditor::scrubbingChangesTheValueInSteps()
{
    QFETCH(int, dx);
    QFETCH(bool, shift);
    QFETCH(double, expected);
    QCOMPARE(MatrixEditor::pixelsPerStep, 6);
    QCOMPARE(MatrixEditor::fineStep, 0.1);
    QCOMPARE(MatrixEditor::coarseStep, 1.0);

    Workbench bench(MatrixId::KeyWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));
    scrub(bench, bench.cell(0, 0), dx, shift ? Qt::ShiftModifier : Qt::NoModifier);

    VERIFY_NEAR(bench.value(MatrixId::KeyWeights, 0, 0), expected, tolerance);
    QCOMPARE(bench.document.undoStack()->count(), 1);
    QVERIFY(!bench.editor.indexWidget(bench.cell(0, 0))); // a drag is not an edit
}

void TestMatrixEditor::scrubIsOneUndoStep()
{
    Workbench bench(MatrixId::KeyWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));
    // Every view redraws while the value changes: record what the trace saw.
    QList<double> seen;
    connect(&bench.document, &Document::traceChanged, this,
            [&] { seen << bench.document.scenario().wK(0, 0); });

    scrub(bench, bench.cell(0, 0), 30);

    VERIFY_NEAR(bench.value(MatrixId::KeyWeights, 0, 0), 2.5, tolerance);
    // The first step comes once the drag passes startDragDistance; then one
    // trace per 6 px, each a step of 0.1 higher than the last.
    QVERIFY2(seen.size() >= 3, qPrintable(QStringLiteral("the trace followed the drag only %1 "
                                                         "times")
                                              .arg(seen.size())));
    for (int i = 1; i < seen.size(); ++i)
        VERIFY_NEAR(seen[i] - seen[i - 1], 0.1, 1e-9);
    QCOMPARE(bench.document.undoStack()->count(), 1);

    bench.document.undoStack()->undo();
    QCOMPARE(bench.value(MatrixId::KeyWeights, 0, 0), 2.0);
    VERIFY_MATRIX_EQUAL(bench.document.scenario().wK, tutorialWK);
    QVERIFY(!bench.document.undoStack()->canUndo());
}

void TestMatrixEditor::shortDragIsNoScrub()
{
    Workbench bench(MatrixId::KeyWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));
    QVERIFY(QApplication::startDragDistance() > 3);

    scrub(bench, bench.cell(0, 0), 3);

    QCOMPARE(bench.value(MatrixId::KeyWeights, 0, 0), 2.0);
    QCOMPARE(bench.document.undoStack()->count(), 0);
    QCOMPARE(bench.editor.currentIndex(), bench.cell(0, 0)); // it was a click
}

void TestMatrixEditor::twoScrubsAreTwoUndoSteps()
{
    Workbench bench(MatrixId::KeyWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));

    scrub(bench, bench.cell(0, 0), 30);
    scrub(bench, bench.cell(0, 0), 12);

    VERIFY_NEAR(bench.value(MatrixId::KeyWeights, 0, 0), 2.7, tolerance);
    QCOMPARE(bench.document.undoStack()->count(), 2);
    bench.document.undoStack()->undo();
    VERIFY_NEAR(bench.value(MatrixId::KeyWeights, 0, 0), 2.5, tolerance);

    // The view is back to normal: typing into a cell still works.
    typeInto(bench, bench.cell(2, 2), QStringLiteral("4"));
    QTRY_COMPARE(bench.value(MatrixId::KeyWeights, 2, 2), 4.0);
}

void TestMatrixEditor::scrubbingTheNameColumnDoesNothing()
{
    Workbench bench(MatrixId::Embeddings);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));

    scrub(bench, bench.model.index(0, 0), 30);

    QCOMPARE(bench.document.undoStack()->count(), 0);
    QCOMPARE(bench.document.scenario().target.tokens[0], std::string("word_1"));
}

// --- nudging -------------------------------------------------------------------

void TestMatrixEditor::nudgeWithKeys_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<double>("expected");

    // W_K[1][1] starts at 2.
    QTest::newRow("Alt+Up: +0.1") << int(Qt::Key_Up) << int(Qt::AltModifier) << 2.1;
    QTest::newRow("Alt+Down: −0.1") << int(Qt::Key_Down) << int(Qt::AltModifier) << 1.9;
    QTest::newRow("Ctrl+Up: +1") << int(Qt::Key_Up) << int(Qt::ControlModifier) << 3.0;
    QTest::newRow("Ctrl+Down: −1") << int(Qt::Key_Down) << int(Qt::ControlModifier) << 1.0;
    QTest::newRow("Alt+Up on the keypad: +0.1")
        << int(Qt::Key_Up) << int(Qt::AltModifier | Qt::KeypadModifier) << 2.1;
}

void TestMatrixEditor::nudgeWithKeys()
{
    QFETCH(int, key);
    QFETCH(int, modifiers);
    QFETCH(double, expected);

    Workbench bench(MatrixId::KeyWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));
    const QModelIndex index = bench.cell(1, 1);
    QTest::mouseClick(bench.viewport(), Qt::LeftButton, Qt::NoModifier, bench.centre(index));

    QTest::keyClick(&bench.editor, Qt::Key(key), Qt::KeyboardModifiers(modifiers));

    VERIFY_NEAR(bench.value(MatrixId::KeyWeights, 1, 1), expected, tolerance);
    QCOMPARE(bench.editor.currentIndex(), index); // the arrow did not move the cursor
    QCOMPARE(bench.document.undoStack()->count(), 1);
}

void TestMatrixEditor::quickNudgesOfOneCellMerge()
{
    Workbench bench(MatrixId::KeyWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));
    QTest::mouseClick(bench.viewport(), Qt::LeftButton, Qt::NoModifier,
                      bench.centre(bench.cell(1, 1)));

    for (int i = 0; i < 3; ++i)
        QTest::keyClick(&bench.editor, Qt::Key_Up, Qt::AltModifier);
    QTest::keyClick(&bench.editor, Qt::Key_Down, Qt::AltModifier);

    VERIFY_NEAR(bench.value(MatrixId::KeyWeights, 1, 1), 2.2, tolerance);
    QCOMPARE(bench.document.undoStack()->count(), 1);
    bench.document.undoStack()->undo();
    QCOMPARE(bench.value(MatrixId::KeyWeights, 1, 1), 2.0);
}

void TestMatrixEditor::nudgesOfAnotherCellAreAnotherStep()
{
    Workbench bench(MatrixId::KeyWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));

    QTest::mouseClick(bench.viewport(), Qt::LeftButton, Qt::NoModifier,
                      bench.centre(bench.cell(1, 1)));
    QTest::keyClick(&bench.editor, Qt::Key_Up, Qt::AltModifier);
    QTest::keyClick(&bench.editor, Qt::Key_Right);
    QCOMPARE(bench.editor.currentIndex(), bench.cell(1, 2));
    QTest::keyClick(&bench.editor, Qt::Key_Up, Qt::AltModifier);

    VERIFY_NEAR(bench.value(MatrixId::KeyWeights, 1, 1), 2.1, tolerance);
    VERIFY_NEAR(bench.value(MatrixId::KeyWeights, 1, 2), 1.1, tolerance);
    QCOMPARE(bench.document.undoStack()->count(), 2);
}

// The tooltip and the class promise "Ctrl+↑/↓ by 1": from 2.5 that is 1.5 and 3.5.
void TestMatrixEditor::coarseNudgeOffTheGridMovesByOne()
{
    Workbench bench(MatrixId::KeyWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));
    bench.document.setCell(MatrixId::KeyWeights, 1, 1, 2.5);
    QTest::mouseClick(bench.viewport(), Qt::LeftButton, Qt::NoModifier,
                      bench.centre(bench.cell(1, 1)));

    QTest::keyClick(&bench.editor, Qt::Key_Down, Qt::ControlModifier);
    VERIFY_NEAR(bench.value(MatrixId::KeyWeights, 1, 1), 1.5, tolerance);
    QTest::keyClick(&bench.editor, Qt::Key_Up, Qt::ControlModifier);
    QTest::keyClick(&bench.editor, Qt::Key_Up, Qt::ControlModifier);
    VERIFY_NEAR(bench.value(MatrixId::KeyWeights, 1, 1), 3.5, tolerance);
}

void TestMatrixEditor::nudgeWithTheWheel_data()
{
    QTest::addColumn<QPoint>("angle");
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<double>("expected");

    // W_K[2][1] starts at 1; one notch is 120.
    QTest::newRow("Ctrl+wheel up one notch: +1") << QPoint(0, 120) << int(Qt::ControlModifier)
                                                 << 2.0;
    QTest::newRow("Ctrl+wheel down two notches: −2") << QPoint(0, -240)
                                                     << int(Qt::ControlModifier) << -1.0;
    // With Alt held the platform turns the vertical wheel into a horizontal one.
    QTest::newRow("Alt+wheel up one notch: +0.1") << QPoint(120, 0) << int(Qt::AltModifier) << 1.1;
    QTest::newRow("Alt+wheel, half a notch: nothing yet") << QPoint(60, 0) << int(Qt::AltModifier)
                                                          << 1.0;
}

void TestMatrixEditor::nudgeWithTheWheel()
{
    QFETCH(QPoint, angle);
    QFETCH(int, modifiers);
    QFETCH(double, expected);

    Workbench bench(MatrixId::KeyWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));
    sendWheel(bench, bench.cell(2, 1), angle, Qt::KeyboardModifiers(modifiers));

    VERIFY_NEAR(bench.value(MatrixId::KeyWeights, 2, 1), expected, tolerance);
    QCOMPARE(bench.document.undoStack()->count(), expected == 1.0 ? 0 : 1);
}

// --- clipboard -----------------------------------------------------------------

void TestMatrixEditor::copyPutsTheSelectionOnTheClipboard()
{
    Workbench bench(MatrixId::KeyWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));
    QApplication::clipboard()->clear();

    // W_K rows 0–1, columns 1–2: [[2, 2], [2, 1]].
    QTest::mouseClick(bench.viewport(), Qt::LeftButton, Qt::NoModifier,
                      bench.centre(bench.cell(0, 1)));
    QTest::mouseClick(bench.viewport(), Qt::LeftButton, Qt::ShiftModifier,
                      bench.centre(bench.cell(1, 2)));
    QCOMPARE(bench.editor.selectionModel()->selectedIndexes().size(), 4);
    QTest::keyClick(&bench.editor, Qt::Key_C, Qt::ControlModifier);

    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("2\t2\n2\t1\n"));
    QCOMPARE(bench.document.undoStack()->count(), 0);
}

void TestMatrixEditor::copyKeepsEveryDigit()
{
    Workbench bench(MatrixId::KeyWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));
    const double third = 1.0 / 3.0;
    bench.document.setCell(MatrixId::KeyWeights, 2, 2, third);

    QTest::mouseClick(bench.viewport(), Qt::LeftButton, Qt::NoModifier,
                      bench.centre(bench.cell(2, 2)));
    QTest::keyClick(&bench.editor, Qt::Key_C, Qt::ControlModifier);

    const QString text = QApplication::clipboard()->text();
    bool ok = false;
    const double copied = QLocale::c().toDouble(text.trimmed(), &ok);
    QVERIFY2(ok, qPrintable(text));
    QCOMPARE(copied, third); // reads back to the same double
}

void TestMatrixEditor::pastePutsABlockAtTheCurrentCell()
{
    Workbench bench(MatrixId::ValueWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));
    QApplication::clipboard()->setText(QStringLiteral("7\t8\n9\t10\n"));

    QTest::mouseClick(bench.viewport(), Qt::LeftButton, Qt::NoModifier,
                      bench.centre(bench.cell(1, 1)));
    QTest::keyClick(&bench.editor, Qt::Key_V, Qt::ControlModifier);

    VERIFY_MATRIX_EQUAL(bench.document.scenario().wV,
                        matrixOf({{1, 1, 0}, {0, 7, 8}, {0, 9, 10}}));
    QCOMPARE(bench.document.undoStack()->count(), 1);
    QCOMPARE(bench.model.data(bench.cell(2, 2)).toString(), QStringLiteral("10"));

    bench.document.undoStack()->undo();
    VERIFY_MATRIX_EQUAL(bench.document.scenario().wV, tutorialWV);

    // Copy a block and paste it elsewhere: the same numbers arrive.
    QTest::mouseClick(bench.viewport(), Qt::LeftButton, Qt::NoModifier,
                      bench.centre(bench.cell(0, 0)));
    QTest::mouseClick(bench.viewport(), Qt::LeftButton, Qt::ShiftModifier,
                      bench.centre(bench.cell(0, 1)));
    QTest::keyClick(&bench.editor, Qt::Key_C, Qt::ControlModifier);
    QTest::mouseClick(bench.viewport(), Qt::LeftButton, Qt::NoModifier,
                      bench.centre(bench.cell(2, 1)));
    QTest::keyClick(&bench.editor, Qt::Key_V, Qt::ControlModifier);
    VERIFY_MATRIX_EQUAL(bench.document.scenario().wV, matrixOf({{1, 1, 0}, {0, 1, 1}, {0, 1, 1}}));
}

void TestMatrixEditor::pasteOfBadTextChangesNothing()
{
    Workbench bench(MatrixId::ValueWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));
    QSignalSpy rejectedSpy(&bench.model, &MatrixModel::inputRejected);
    QApplication::clipboard()->setText(QStringLiteral("1\tone\n"));

    QTest::mouseClick(bench.viewport(), Qt::LeftButton, Qt::NoModifier,
                      bench.centre(bench.cell(0, 0)));
    QTest::keyClick(&bench.editor, Qt::Key_V, Qt::ControlModifier);

    VERIFY_MATRIX_EQUAL(bench.document.scenario().wV, tutorialWV);
    QCOMPARE(bench.document.undoStack()->count(), 0);
    QCOMPARE(rejectedSpy.count(), 1);
    const QString message = rejectedSpy.at(0).at(0).toString();
    // "one" sits in row 0, column 1 counted from 0: the first row's second number.
    QVERIFY2(message.contains(QStringLiteral("W_V[1][2]")), qPrintable(message));
}

// --- locale and refused values ---------------------------------------------------

// Copied in German, a number reads back in German: 2.125 goes out as "2,125",
// which paste takes as 2.125, not as the ambiguous "2.125".
void TestMatrixEditor::copyAndPasteInGerman()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    Workbench bench(MatrixId::ValueWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));
    bench.document.setCell(MatrixId::ValueWeights, 0, 0, 2.125);

    QTest::mouseClick(bench.viewport(), Qt::LeftButton, Qt::NoModifier,
                      bench.centre(bench.cell(0, 0)));
    QTest::keyClick(&bench.editor, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("2,125\n"));

    QTest::mouseClick(bench.viewport(), Qt::LeftButton, Qt::NoModifier,
                      bench.centre(bench.cell(2, 2)));
    QTest::keyClick(&bench.editor, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(bench.value(MatrixId::ValueWeights, 2, 2), 2.125);
    QVERIFY(bench.model.refusal().isEmpty());
}

void TestMatrixEditor::commaDecimalIsTypedInGerman()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    Workbench bench(MatrixId::KeyWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));

    typeInto(bench, bench.cell(1, 2), QStringLiteral("1,5"));

    QTRY_COMPARE(bench.value(MatrixId::KeyWeights, 1, 2), 1.5);
    QCOMPARE(bench.model.data(bench.cell(1, 2)).toString(), QStringLiteral("1,5"));
    QVERIFY(bench.model.refusal().isEmpty());

    // A number in the C form still reads when it cannot be a German one.
    typeInto(bench, bench.cell(0, 0), QStringLiteral("0.25"));
    QTRY_COMPARE(bench.value(MatrixId::KeyWeights, 0, 0), 0.25);
    QCOMPARE(bench.model.data(bench.cell(0, 0)).toString(), QStringLiteral("0,25"));
}

void TestMatrixEditor::ambiguousNumberIsRefusedInGerman()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    Workbench bench(MatrixId::KeyWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));

    typeInto(bench, bench.cell(0, 0), QStringLiteral("1.500"));

    QTRY_VERIFY(!bench.editor.indexWidget(bench.cell(0, 0)));
    QCOMPARE(bench.value(MatrixId::KeyWeights, 0, 0), 2.0);
    QVERIFY2(bench.model.refusal().contains(QStringLiteral("could mean 1500 or 1,5")),
             qPrintable(bench.model.refusal()));
}

void TestMatrixEditor::tooLargeIsRefusedAtTheCell()
{
    Workbench bench(MatrixId::KeyWeights);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));
    QSignalSpy rejectedSpy(&bench.model, &MatrixModel::inputRejected);
    const QModelIndex cell = bench.cell(0, 1); // W_K[1][2] = 2

    typeInto(bench, cell, QStringLiteral("1e400"));

    QTRY_VERIFY(!bench.editor.indexWidget(cell));
    QCOMPARE(bench.value(MatrixId::KeyWeights, 0, 1), 2.0);
    QCOMPARE(bench.model.data(cell).toString(), QStringLiteral("2"));
    // The largest double, 1.7976931348623157e308, to six digits.
    const QString expected =
        QStringLiteral("W_K[1][2]: 1e400 is too large; values must lie within ±1.79769e+308");
    QVERIFY2(bench.model.refusal().startsWith(expected), qPrintable(bench.model.refusal()));
    QCOMPARE(rejectedSpy.count(), 1);
    QCOMPARE(rejectedSpy.at(0).at(0).toString(), bench.model.refusal());
    QVERIFY(bench.model.data(cell, MatrixModel::RefusedRole).toBool());

    // The cell is outlined in the refusal colour; its neighbour is not.
    bench.editor.clearSelection();
    bench.editor.setCurrentIndex(bench.cell(2, 2));
    const QColor red = MatrixEditor::refusalColour(bench.editor.palette());
    const QRect rect = bench.editor.visualRect(cell);
    const QRect other = bench.editor.visualRect(bench.cell(1, 1));
    QTRY_COMPARE(bench.viewport()->grab().toImage().pixelColor(rect.left() + 1, rect.center().y()),
                 red);
    QVERIFY(bench.viewport()->grab().toImage().pixelColor(other.left() + 1, other.center().y()) !=
            red);

    // The next good edit takes mark and message away.
    typeInto(bench, cell, QStringLiteral("3"));
    QTRY_COMPARE(bench.value(MatrixId::KeyWeights, 0, 1), 3.0);
    QVERIFY(bench.model.refusal().isEmpty());
    QVERIFY(!bench.model.data(cell, MatrixModel::RefusedRole).toBool());
    QTRY_VERIFY(bench.viewport()->grab().toImage().pixelColor(rect.left() + 1, rect.center().y()) !=
                red);
}

void TestMatrixEditor::lettersAreNotANumber()
{
    Workbench bench(MatrixId::Embeddings);
    QVERIFY(QTest::qWaitForWindowExposed(&bench.editor));

    typeInto(bench, bench.cell(1, 2), QStringLiteral("abc"));

    QTRY_VERIFY(!bench.editor.indexWidget(bench.cell(1, 2)));
    // Row 1, matrix column 2 counted from 0: word_2's third number.
    QCOMPARE(bench.model.refusal(),
             QStringLiteral("X[2][3] (word_2): “abc” is not a number; the value stays 0."));
    QCOMPARE(bench.value(MatrixId::Embeddings, 1, 2), 0.0);
}

void TestMatrixEditor::headersCountFromOne()
{
    Workbench bench(MatrixId::Embeddings);
    const QAbstractItemModel *model = bench.editor.model();
    QStringList columns, rows;
    for (int col = 0; col < model->columnCount(); ++col)
        columns << model->headerData(col, Qt::Horizontal).toString();
    for (int row = 0; row < model->rowCount(); ++row)
        rows << model->headerData(row, Qt::Vertical).toString();
    QCOMPARE(columns, QStringList({"word", "1", "2", "3"}));
    QCOMPARE(rows, QStringList({"1", "2", "3", "4"}));
}

// The editor is as large as its matrix: no scroll bars of its own, every cell in view.
void TestMatrixEditor::editorFitsItsMatrix()
{
    Document document;
    MatrixModel model(&document, MatrixId::Embeddings);
    MatrixEditor editor;
    editor.setMatrixModel(&model);
    editor.resize(editor.sizeHint());
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));

    QVERIFY(!editor.verticalScrollBar()->isVisible());
    QVERIFY(!editor.horizontalScrollBar()->isVisible());
    const QRect lastCell = editor.visualRect(model.index(3, 3));
    QVERIFY2(editor.viewport()->rect().contains(lastCell),
             qPrintable(QStringLiteral("cell %1,%2 %3×%4 outside the viewport %5×%6")
                            .arg(lastCell.x())
                            .arg(lastCell.y())
                            .arg(lastCell.width())
                            .arg(lastCell.height())
                            .arg(editor.viewport()->width())
                            .arg(editor.viewport()->height())));
}

// Beyond maxRowsShown rows the editor stops growing and scrolls its own rows,
// so a long sentence does not make the panel a mile long.
void TestMatrixEditor::longMatrixScrollsInsideTheEditor()
{
    Document document;
    document.change(attn::edit::withTokenCount(document.scenario(), attn::edit::Side::Target, 20),
                    QStringLiteral("20 words"));
    MatrixModel model(&document, MatrixId::Embeddings);
    MatrixEditor editor;
    editor.setMatrixModel(&model);
    QCOMPARE(model.rowCount(), 20);

    const int rowHeight = editor.verticalHeader()->defaultSectionSize();
    const int allRows = 20 * rowHeight;
    QVERIFY2(editor.sizeHint().height() < allRows,
             qPrintable(QStringLiteral("%1 ≥ %2").arg(editor.sizeHint().height()).arg(allRows)));
    QVERIFY(editor.sizeHint().height() >= MatrixEditor::maxRowsShown * rowHeight);
    editor.resize(editor.sizeHint());
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QVERIFY(editor.verticalScrollBar()->isVisible());
    QVERIFY(!editor.horizontalScrollBar()->isVisible());
}

// The Matrices panel says why under the editor, and passes the message on for
// the status bar.
void TestMatrixEditor::panelShowsTheRefusalUnderTheEditor()
{
    Document document;
    MatricesPanel panel(&document);
    panel.resize(360, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy statusSpy(&panel, &MatricesPanel::inputRejected);
    MatrixEditor *keys = panel.editor(MatrixId::KeyWeights);
    QLabel *label = panel.refusalLabel(MatrixId::KeyWeights);
    QVERIFY(label->isHidden());

    typeInto(*keys, keys->model()->index(0, 1), QStringLiteral("1e400"));

    QTRY_VERIFY(label->isVisible());
    QVERIFY2(label->text().startsWith(QStringLiteral("W_K[1][2]: 1e400 is too large")),
             qPrintable(label->text()));
    QVERIFY(!label->accessibleName().isEmpty());
    QCOMPARE(label->accessibleDescription(), label->text());
    QCOMPARE(statusSpy.count(), 1);
    QCOMPARE(statusSpy.at(0).at(0).toString(), label->text());
    // Right under the table, inside the same box.
    QCOMPARE(label->parentWidget(), keys->parentWidget());
    QTRY_VERIFY(label->geometry().top() >= keys->geometry().bottom());
    QVERIFY(label->geometry().top() - keys->geometry().bottom() < 16);
    QVERIFY(panel.refusalLabel(MatrixId::QueryWeights)->isHidden());

    // A good edit in another editor is a good edit too.
    MatrixEditor *queries = panel.editor(MatrixId::QueryWeights);
    typeInto(*queries, queries->model()->index(0, 0), QStringLiteral("3"));
    QTRY_VERIFY(label->isHidden());
    QCOMPARE(document.scenario().wQ(0, 0), 3.0);
}

// In a narrow panel only the panel scrolls; the editors show every cell.
void TestMatrixEditor::panelHasNoNestedScrollBars()
{
    Document document;
    MatricesPanel panel(&document);
    panel.resize(220, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    for (MatrixId id : {MatrixId::Embeddings, MatrixId::QueryWeights, MatrixId::KeyWeights,
                        MatrixId::ValueWeights}) {
        MatrixEditor *editor = panel.editor(id);
        QVERIFY(editor->isVisible());
        QVERIFY2(!editor->verticalScrollBar()->isVisible(), attn::matrixSymbol(id));
        QVERIFY2(!editor->horizontalScrollBar()->isVisible(), attn::matrixSymbol(id));
        const QAbstractItemModel *model = editor->model();
        const QRect last =
            editor->visualRect(model->index(model->rowCount() - 1, model->columnCount() - 1));
        QVERIFY2(editor->viewport()->rect().contains(last), attn::matrixSymbol(id));
    }
    // Four editors are taller than 400 px: the panel scrolls them as one.
    QVERIFY(panel.verticalScrollBar()->isVisible());
}

QTEST_MAIN(TestMatrixEditor)

#include "tst_matrix_editor.moc"
