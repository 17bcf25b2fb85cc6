// The table model over one matrix of the document (ui/matrix_model.h).
//
// The model never changes the scenario itself: setData() and pasteText() push
// undo commands to the document, and the document's signals update the table
// with dataChanged for just the touched cells (or a reset when the shape
// changes). QAbstractItemModelTester watches the model through edits, undo
// and shape changes; the values come from the tutorial's literals.

#include "document.h"
#include "matrix_compare.h"
#include "matrix_model.h"
#include "scenario_edit.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <limits>

using attn::MatrixId;
using attn::ui::Document;
using attn::ui::MatrixModel;
using testsupport::matrixOf;

Q_DECLARE_METATYPE(attn::MatrixId)
Q_DECLARE_METATYPE(attn::ui::MatrixModel::NumberProblem)

namespace {

const attn::Matrix tutorialWQ = matrixOf({{2, 0, 2}, {2, 0, 0}, {2, 1, 2}});
const attn::Matrix tutorialWK = matrixOf({{2, 2, 2}, {0, 2, 1}, {0, 1, 1}});
const attn::Matrix tutorialX = matrixOf({{1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0, 0, 1}});

/// dataChanged's corners as "(top, left)–(bottom, right)" for readable comparisons.
QString rangeText(const QList<QVariant> &arguments)
{
    const auto topLeft = arguments.at(0).value<QModelIndex>();
    const auto bottomRight = arguments.at(1).value<QModelIndex>();
    return QStringLiteral("(%1, %2)–(%3, %4)")
        .arg(topLeft.row())
        .arg(topLeft.column())
        .arg(bottomRight.row())
        .arg(bottomRight.column());
}

QStringList rangesOf(const QSignalSpy &spy)
{
    QStringList ranges;
    for (const QList<QVariant> &arguments : spy)
        ranges << rangeText(arguments);
    return ranges;
}

/// The dataChanged signals that change what a cell shows (not just its mark).
int valueChanges(const QSignalSpy &spy)
{
    int count = 0;
    for (const QList<QVariant> &arguments : spy) {
        const auto roles = arguments.at(2).value<QList<int>>();
        if (roles.isEmpty() || roles.contains(Qt::DisplayRole) || roles.contains(Qt::EditRole))
            ++count;
    }
    return count;
}

using Problem = MatrixModel::NumberProblem;

} // namespace

class TestMatrixModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void modelTesterFollowsEditsUndoAndReshapes();
    void shapeFollowsTheMatrix_data();
    void shapeFollowsTheMatrix();
    void dataShowsValuesAndTokenNames();
    void headersNumberRowsAndColumns();

    void setDataPushesAnUndoCommand_data();
    void setDataPushesAnUndoCommand();
    void setDataRejectsWhatIsNotANumber_data();
    void setDataRejectsWhatIsNotANumber();
    void setDataOfTheSameValueIsNoStep();
    void parseNumberReadsCommaDecimalsInACommaLocale();
    void readNumberInGerman_data();
    void readNumberInGerman();
    void readNumberInEnglish_data();
    void readNumberInEnglish();
    void refusedCellIsMarkedUntilTheNextGoodEdit();
    void anEditElsewhereClearsTheRefusal();
    void refusedPasteMarksTheBadPiece();

    void tokenColumnRenamesAWord();
    void emptyTokenNameIsRefused();

    void pasteWritesABlockInOneStep();
    void pasteReadsSpreadsheetAndTypedText_data();
    void pasteReadsSpreadsheetAndTypedText();
    void pasteWithABadPieceChangesNothing();
    void pasteIsClippedAtTheEdge();
    void pasteIntoEmbeddingsSkipsTheTokenColumn();

    void dataChangedCoversJustTheTouchedCells_data();
    void dataChangedCoversJustTheTouchedCells();
    void editsOfOtherMatricesLeaveTheTableAlone();
    void unusedMatrixFillsWhenItComesIntoUse();
};

void TestMatrixModel::initTestCase()
{
    qRegisterMetaType<attn::MatrixId>("attn::MatrixId");
    // Numbers are typed and shown in the C locale unless a test says otherwise.
    QLocale::setDefault(QLocale::c());
}

void TestMatrixModel::cleanup()
{
    QLocale::setDefault(QLocale::c());
}

void TestMatrixModel::modelTesterFollowsEditsUndoAndReshapes()
{
    Document document;
    MatrixModel embeddings(&document, MatrixId::Embeddings);
    MatrixModel queryWeights(&document, MatrixId::QueryWeights);
    QAbstractItemModelTester embeddingsTester(
        &embeddings, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester queryTester(&queryWeights,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);

    QVERIFY(queryWeights.setData(queryWeights.index(0, 1), QStringLiteral("1.5")));
    QVERIFY(embeddings.setData(embeddings.index(2, 0), QStringLiteral("the")));
    QVERIFY(embeddings.setData(embeddings.index(2, 3), 0.25));
    QVERIFY(queryWeights.pasteText(queryWeights.index(1, 1), QStringLiteral("5\t6\n7\t8\n")));
    document.change(attn::edit::withTokenCount(document.scenario(), attn::edit::Side::Target, 6),
                    QStringLiteral("6 words"));
    QCOMPARE(embeddings.rowCount(), 6);
    document.change(attn::edit::withModelDim(document.scenario(), 5), QStringLiteral("d_model 5"));
    QCOMPARE(embeddings.columnCount(), 6);
    QCOMPARE(queryWeights.rowCount(), 5);
    document.change(attn::edit::withKeyDim(document.scenario(), 2), QStringLiteral("d_k 2"));
    QCOMPARE(queryWeights.columnCount(), 2);

    while (document.undoStack()->canUndo())
        document.undoStack()->undo();
    QCOMPARE(embeddings.rowCount(), 4);
    QCOMPARE(embeddings.columnCount(), 4);
    QCOMPARE(queryWeights.rowCount(), 3);
    QCOMPARE(queryWeights.columnCount(), 3);
    QCOMPARE(queryWeights.value(queryWeights.index(0, 1)), 0.0);
    QCOMPARE(embeddings.data(embeddings.index(2, 0)).toString(), QStringLiteral("word_3"));

    while (document.undoStack()->canRedo())
        document.undoStack()->redo();
    QCOMPARE(queryWeights.columnCount(), 2);
    document.reset(attn::tutorialScenario());
    QCOMPARE(queryWeights.columnCount(), 3);
}

void TestMatrixModel::shapeFollowsTheMatrix_data()
{
    QTest::addColumn<MatrixId>("id");
    QTest::addColumn<attn::Scenario>("scenario");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::addColumn<bool>("tokenColumn");

    const attn::Scenario tutorial = attn::tutorialScenario();
    QTest::newRow("X: 4 words, name + 3 features") << MatrixId::Embeddings << tutorial << 4 << 4
                                                   << true;
    QTest::newRow("W_Q: 3×3") << MatrixId::QueryWeights << tutorial << 3 << 3 << false;
    QTest::newRow("W_O unused: empty") << MatrixId::OutputWeights << tutorial << 0 << 0 << false;
    QTest::newRow("X_s unused: empty") << MatrixId::SourceEmbeddings << tutorial << 0 << 0 << true;
    QTest::newRow("X_s of 5 source words")
        << MatrixId::SourceEmbeddings
        << attn::edit::withTokenCount(attn::edit::withCrossAttention(tutorial, true),
                                      attn::edit::Side::Source, 5)
        << 5 << 4 << true;
    QTest::newRow("v_a as one row")
        << MatrixId::ScoreVector << attn::edit::withScore(tutorial, attn::ScoreFunction::Additive)
        << 1 << 3 << false;
}

void TestMatrixModel::shapeFollowsTheMatrix()
{
    QFETCH(MatrixId, id);
    QFETCH(attn::Scenario, scenario);
    QFETCH(int, rows);
    QFETCH(int, columns);
    QFETCH(bool, tokenColumn);

    Document document;
    document.reset(scenario);
    MatrixModel model(&document, id);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(model.columnCount(), columns);
    QCOMPARE(model.hasTokenColumn(), tokenColumn);
    QCOMPARE(model.matrixColumn(1), tokenColumn ? 0 : 1);
}

void TestMatrixModel::dataShowsValuesAndTokenNames()
{
    Document document;
    document.setCell(MatrixId::QueryWeights, 0, 1, 0.125);
    MatrixModel embeddings(&document, MatrixId::Embeddings);
    MatrixModel queryWeights(&document, MatrixId::QueryWeights);

    QCOMPARE(embeddings.data(embeddings.index(0, 0)).toString(), QStringLiteral("word_1"));
    QCOMPARE(embeddings.data(embeddings.index(3, 0), Qt::EditRole).toString(),
             QStringLiteral("word_4"));
    QCOMPARE(embeddings.data(embeddings.index(2, 1)).toString(), QStringLiteral("1"));
    QCOMPARE(embeddings.data(embeddings.index(2, 3)).toString(), QStringLiteral("0"));

    for (int row = 0; row < 3; ++row)
        for (int col = 0; col < 3; ++col)
            if (row != 0 || col != 1)
                QCOMPARE(queryWeights.value(queryWeights.index(row, col)), tutorialWQ(row, col));
    const QModelIndex edited = queryWeights.index(0, 1);
    QCOMPARE(queryWeights.data(edited).toString(), QStringLiteral("0.125"));
    QCOMPARE(queryWeights.data(edited, Qt::EditRole).toDouble(), 0.125);
    // Named 1-based: row 0, column 1 is the first row's second number.
    QVERIFY2(
        queryWeights.data(edited, Qt::ToolTipRole).toString().contains(QStringLiteral("W_Q[1][2]")),
        qPrintable(queryWeights.data(edited, Qt::ToolTipRole).toString()));
    QVERIFY(queryWeights.flags(edited) & Qt::ItemIsEditable);
    QVERIFY(embeddings.flags(embeddings.index(0, 0)) & Qt::ItemIsEditable);
}

void TestMatrixModel::headersNumberRowsAndColumns()
{
    Document document;
    MatrixModel embeddings(&document, MatrixId::Embeddings);

    // 1-based, as the lesson counts: word_1 is row 1, its first number column 1.
    QCOMPARE(embeddings.headerData(0, Qt::Horizontal).toString(), QStringLiteral("word"));
    QCOMPARE(embeddings.headerData(1, Qt::Horizontal).toString(), QStringLiteral("1"));
    QCOMPARE(embeddings.headerData(3, Qt::Horizontal).toString(), QStringLiteral("3"));
    QCOMPARE(embeddings.headerData(0, Qt::Vertical).toString(), QStringLiteral("1"));
    QCOMPARE(embeddings.headerData(3, Qt::Vertical).toString(), QStringLiteral("4"));
}

// --- typing a value --------------------------------------------------------------

void TestMatrixModel::setDataPushesAnUndoCommand_data()
{
    QTest::addColumn<QVariant>("input");
    QTest::addColumn<double>("expected");

    QTest::newRow("text 1.5") << QVariant(QStringLiteral("1.5")) << 1.5;
    QTest::newRow("text with spaces") << QVariant(QStringLiteral("  -2 ")) << -2.0;
    QTest::newRow("exponent") << QVariant(QStringLiteral("1e-3")) << 0.001;
    QTest::newRow("typographic minus") << QVariant(QStringLiteral("\u22120.5")) << -0.5;
    QTest::newRow("a double from a spin box") << QVariant(2.25) << 2.25;
    QTest::newRow("an int") << QVariant(3) << 3.0;
}

void TestMatrixModel::setDataPushesAnUndoCommand()
{
    QFETCH(QVariant, input);
    QFETCH(double, expected);

    Document document;
    MatrixModel model(&document, MatrixId::KeyWeights);
    QSignalSpy rejectedSpy(&model, &MatrixModel::inputRejected);

    QVERIFY(model.setData(model.index(1, 2), input));

    QCOMPARE(document.scenario().wK(1, 2), expected);
    QCOMPARE(model.value(model.index(1, 2)), expected);
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(rejectedSpy.count(), 0);
    QVERIFY(document.isModified());

    document.undoStack()->undo();
    QCOMPARE(model.value(model.index(1, 2)), 1.0);
    VERIFY_MATRIX_EQUAL(document.scenario().wK, tutorialWK);
}

void TestMatrixModel::setDataRejectsWhatIsNotANumber_data()
{
    QTest::addColumn<QVariant>("input");
    QTest::addColumn<QString>("reason");

    // The largest double is 1.7976931348623157e308; six digits in the C locale.
    const QString limit = QStringLiteral("values must lie within ±1.79769e+308");
    QTest::newRow("letters") << QVariant(QStringLiteral("abc")) << "“abc” is not a number";
    QTest::newRow("empty") << QVariant(QString()) << "an empty cell is not a number";
    QTest::newRow("two points") << QVariant(QStringLiteral("1.2.3")) << "not a number";
    QTest::newRow("comma decimal in the C locale")
        << QVariant(QStringLiteral("1,5")) << "not a number";
    QTest::newRow("1e400 overflows a double")
        << QVariant(QStringLiteral("1e400")) << "1e400 is too large; " + limit;
    QTest::newRow("-1e400 overflows a double")
        << QVariant(QStringLiteral("-1e400")) << "-1e400 is too large; " + limit;
    QTest::newRow("1e-400 underflows a double")
        << QVariant(QStringLiteral("1e-400")) << "1e-400 is too close to 0";
    QTest::newRow("text inf") << QVariant(QStringLiteral("inf")) << "“inf” is infinite; " + limit;
    QTest::newRow("text nan") << QVariant(QStringLiteral("nan")) << "not a number (NaN)";
    QTest::newRow("double +inf") << QVariant(std::numeric_limits<double>::infinity()) << "infinite";
    QTest::newRow("double NaN") << QVariant(std::numeric_limits<double>::quiet_NaN()) << "NaN";
}

void TestMatrixModel::setDataRejectsWhatIsNotANumber()
{
    QFETCH(QVariant, input);
    QFETCH(QString, reason);

    Document document;
    MatrixModel model(&document, MatrixId::KeyWeights);
    QSignalSpy rejectedSpy(&model, &MatrixModel::inputRejected);
    QSignalSpy dataSpy(&model, &MatrixModel::dataChanged);

    QVERIFY(!model.setData(model.index(1, 2), input));

    QCOMPARE(rejectedSpy.count(), 1);
    const QString message = rejectedSpy.at(0).at(0).toString();
    // Row 1, column 2 counted from 0 is the second row's third number.
    QVERIFY2(message.startsWith(QStringLiteral("W_K[2][3]: ")), qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message + " lacks " + reason));
    QVERIFY2(message.contains(QStringLiteral("stays 1")), qPrintable(message));
    VERIFY_MATRIX_EQUAL(document.scenario().wK, tutorialWK);
    QCOMPARE(document.undoStack()->count(), 0);
    QCOMPARE(valueChanges(dataSpy), 0);
    QVERIFY(!document.isModified());
}

void TestMatrixModel::setDataOfTheSameValueIsNoStep()
{
    Document document;
    MatrixModel model(&document, MatrixId::KeyWeights);

    QVERIFY(model.setData(model.index(0, 0), QStringLiteral("2")));
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!model.setData(model.index(0, 0), QStringLiteral("2"), Qt::DisplayRole));
}

void TestMatrixModel::parseNumberReadsCommaDecimalsInACommaLocale()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(MatrixModel::parseNumber(QStringLiteral("1,5")), std::optional<double>(1.5));
    QCOMPARE(MatrixModel::parseNumber(QStringLiteral("-0,25")), std::optional<double>(-0.25));
    // A number copied from a C program still reads.
    QCOMPARE(MatrixModel::parseNumber(QStringLiteral("0.5")), std::optional<double>(0.5));
    QCOMPARE(MatrixModel::parseNumber(QStringLiteral("x")), std::optional<double>());
}

// The rule of MatrixModel::readNumber(): the locale's form first (group
// separators only every three digits), then the C form; a text that reads
// differently in both is refused rather than guessed.
void TestMatrixModel::readNumberInGerman_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<Problem>("problem");
    QTest::addColumn<double>("expected");

    QTest::newRow("comma decimal") << "1,5" << Problem::None << 1.5;
    QTest::newRow("negative comma decimal") << "-0,25" << Problem::None << -0.25;
    QTest::newRow("typographic minus") << "\u22122,5" << Problem::None << -2.5;
    QTest::newRow("comma and exponent") << "1,5e3" << Problem::None << 1500.0;
    QTest::newRow("grouped thousands") << "1.234,5" << Problem::None << 1234.5;
    QTest::newRow("C form, the dot is no grouping") << "1.5" << Problem::None << 1.5;
    QTest::newRow("C form, two digits after the dot") << "12.34" << Problem::None << 12.34;
    QTest::newRow("C form, leading zero") << "0.125" << Problem::None << 0.125;
    QTest::newRow("C exponent") << "1e-3" << Problem::None << 0.001;
    QTest::newRow("1.500: 1500 or 1.5") << "1.500" << Problem::Ambiguous << 0.0;
    QTest::newRow("2.125: 2125 or 2.125") << "2.125" << Problem::Ambiguous << 0.0;
    QTest::newRow("dots in odd places") << "1.5.0" << Problem::NotANumber << 0.0;
    QTest::newRow("commas in odd places") << "1,5,0" << Problem::NotANumber << 0.0;
    QTest::newRow("a group of two") << "1.23,5" << Problem::NotANumber << 0.0;
    QTest::newRow("overflow, comma") << "1,8e308" << Problem::TooLarge << 0.0;
    QTest::newRow("overflow, C") << "1e400" << Problem::TooLarge << 0.0;
    QTest::newRow("letters") << "x" << Problem::NotANumber << 0.0;
}

void TestMatrixModel::readNumberInGerman()
{
    QFETCH(QString, typed);
    QFETCH(Problem, problem);
    QFETCH(double, expected);

    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const MatrixModel::NumberReading reading = MatrixModel::readNumber(typed);
    QCOMPARE(reading.problem, problem);
    QCOMPARE(reading.value.has_value(), problem == Problem::None);
    if (reading.value)
        QCOMPARE(*reading.value, expected);
}

void TestMatrixModel::readNumberInEnglish_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<Problem>("problem");
    QTest::addColumn<double>("expected");

    QTest::newRow("point decimal") << "1.5" << Problem::None << 1.5;
    QTest::newRow("grouped thousands") << "1,500" << Problem::None << 1500.0;
    QTest::newRow("grouped with decimals") << "12,345.5" << Problem::None << 12345.5;
    QTest::newRow("comma decimal is no English number") << "1,5" << Problem::NotANumber << 0.0;
}

void TestMatrixModel::readNumberInEnglish()
{
    QFETCH(QString, typed);
    QFETCH(Problem, problem);
    QFETCH(double, expected);

    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const MatrixModel::NumberReading reading = MatrixModel::readNumber(typed);
    QCOMPARE(reading.problem, problem);
    if (reading.value)
        QCOMPARE(*reading.value, expected);
}

void TestMatrixModel::refusedCellIsMarkedUntilTheNextGoodEdit()
{
    Document document;
    MatrixModel model(&document, MatrixId::KeyWeights);
    QSignalSpy refusalSpy(&model, &MatrixModel::refusalChanged);
    const QModelIndex cell = model.index(0, 1);

    QVERIFY(!model.setData(cell, QStringLiteral("1e400")));

    QCOMPARE(model.data(cell, MatrixModel::RefusedRole).toBool(), true);
    QCOMPARE(model.data(model.index(0, 0), MatrixModel::RefusedRole).toBool(), false);
    QCOMPARE(model.refusedCell(), cell);
    QVERIFY2(model.refusal().startsWith(QStringLiteral("W_K[1][2]: 1e400 is too large")),
             qPrintable(model.refusal()));
    QCOMPARE(model.data(cell, Qt::ToolTipRole).toString(), model.refusal());
    QCOMPARE(model.data(cell).toString(), QStringLiteral("2")); // the old value stays
    QCOMPARE(refusalSpy.count(), 1);

    // Another refused value moves the mark.
    QVERIFY(!model.setData(model.index(2, 2), QStringLiteral("abc")));
    QCOMPARE(model.data(cell, MatrixModel::RefusedRole).toBool(), false);
    QCOMPARE(model.data(model.index(2, 2), MatrixModel::RefusedRole).toBool(), true);

    // Confirming the value a cell already has is a good edit too.
    QVERIFY(model.setData(model.index(0, 0), QStringLiteral("2")));
    QCOMPARE(model.data(model.index(2, 2), MatrixModel::RefusedRole).toBool(), false);
    QVERIFY(model.refusal().isEmpty());
    QVERIFY(!model.refusedCell().isValid());
    QCOMPARE(refusalSpy.count(), 3);
    QCOMPARE(refusalSpy.last().at(0).toString(), QString());
}

void TestMatrixModel::anEditElsewhereClearsTheRefusal()
{
    Document document;
    MatrixModel keys(&document, MatrixId::KeyWeights);
    MatrixModel queries(&document, MatrixId::QueryWeights);
    QVERIFY(!keys.setData(keys.index(1, 1), QStringLiteral("abc")));
    QVERIFY(!keys.refusal().isEmpty());

    QVERIFY(queries.setData(queries.index(0, 0), QStringLiteral("3")));

    QVERIFY(keys.refusal().isEmpty());
    QCOMPARE(keys.data(keys.index(1, 1), MatrixModel::RefusedRole).toBool(), false);
}

void TestMatrixModel::refusedPasteMarksTheBadPiece()
{
    Document document;
    MatrixModel model(&document, MatrixId::Embeddings);

    // Pasted at word_2's first number (table column 1); "1e999" is the second piece.
    QVERIFY(!model.pasteText(model.index(1, 1), QStringLiteral("0.5\t1e999\n")));

    QCOMPARE(model.refusedCell(), model.index(1, 2));
    QVERIFY2(model.refusal().contains(QStringLiteral("X[2][2] (word_2)")),
             qPrintable(model.refusal()));
    QVERIFY2(model.refusal().contains(QStringLiteral("1e999 is too large")),
             qPrintable(model.refusal()));
    VERIFY_MATRIX_EQUAL(document.scenario().target.embeddings, tutorialX);
}

// --- token names -----------------------------------------------------------------

void TestMatrixModel::tokenColumnRenamesAWord()
{
    Document document;
    MatrixModel model(&document, MatrixId::Embeddings);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    QVERIFY(model.setData(model.index(1, 0), QStringLiteral("  cat ")));

    QCOMPARE(document.scenario().target.tokens[1], std::string("cat"));
    QCOMPARE(model.data(model.index(1, 0)).toString(), QStringLiteral("cat"));
    QCOMPARE(document.undoStack()->count(), 1);
    VERIFY_MATRIX_EQUAL(document.scenario().target.embeddings, tutorialX);

    // The same name again is accepted and no new step.
    QVERIFY(model.setData(model.index(1, 0), QStringLiteral("cat")));
    QCOMPARE(document.undoStack()->count(), 1);

    document.undoStack()->undo();
    QCOMPARE(model.data(model.index(1, 0)).toString(), QStringLiteral("word_2"));
}

void TestMatrixModel::emptyTokenNameIsRefused()
{
    Document document;
    MatrixModel model(&document, MatrixId::Embeddings);
    QSignalSpy rejectedSpy(&model, &MatrixModel::inputRejected);

    QVERIFY(!model.setData(model.index(2, 0), QStringLiteral("   ")));

    QCOMPARE(rejectedSpy.count(), 1);
    const QString message = rejectedSpy.at(0).at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("word_3")), qPrintable(message));
    QCOMPARE(document.scenario().target.tokens[2], std::string("word_3"));
    QCOMPARE(document.undoStack()->count(), 0);
}

// --- pasting ---------------------------------------------------------------------

void TestMatrixModel::pasteWritesABlockInOneStep()
{
    Document document;
    MatrixModel model(&document, MatrixId::QueryWeights);
    QSignalSpy rejectedSpy(&model, &MatrixModel::inputRejected);

    QVERIFY(model.pasteText(model.index(0, 0), QStringLiteral("1\t2\n3\t4\n")));

    VERIFY_MATRIX_EQUAL(document.scenario().wQ, matrixOf({{1, 2, 2}, {3, 4, 0}, {2, 1, 2}}));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Paste into W_Q"));
    QCOMPARE(rejectedSpy.count(), 0);

    document.undoStack()->undo();
    VERIFY_MATRIX_EQUAL(document.scenario().wQ, tutorialWQ);
}

void TestMatrixModel::pasteReadsSpreadsheetAndTypedText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<attn::Matrix>("expectedWQ");

    QTest::newRow("tabs and newlines") << QStringLiteral("1\t2\n3\t4\n")
                                       << matrixOf({{1, 2, 2}, {3, 4, 0}, {2, 1, 2}});
    QTest::newRow("Windows line ends") << QStringLiteral("1\t2\r\n3\t4\r\n")
                                       << matrixOf({{1, 2, 2}, {3, 4, 0}, {2, 1, 2}});
    QTest::newRow("spaces") << QStringLiteral("1 2\n 3   4") << matrixOf({{1, 2, 2}, {3, 4, 0}, {2, 1, 2}});
    QTest::newRow("semicolons") << QStringLiteral("1;2\n3; 4")
                                << matrixOf({{1, 2, 2}, {3, 4, 0}, {2, 1, 2}});
    QTest::newRow("ragged rows keep the missing cells") << QStringLiteral("1\t2\t-1\n3\n")
                                                        << matrixOf({{1, 2, -1}, {3, 0, 0}, {2, 1, 2}});
    QTest::newRow("one number") << QStringLiteral("0.5") << matrixOf({{0.5, 0, 2}, {2, 0, 0}, {2, 1, 2}});
}

void TestMatrixModel::pasteReadsSpreadsheetAndTypedText()
{
    QFETCH(QString, text);
    QFETCH(attn::Matrix, expectedWQ);

    Document document;
    MatrixModel model(&document, MatrixId::QueryWeights);
    QVERIFY(model.pasteText(model.index(0, 0), text));
    VERIFY_MATRIX_EQUAL(document.scenario().wQ, expectedWQ);
    QCOMPARE(document.undoStack()->count(), 1);
}

void TestMatrixModel::pasteWithABadPieceChangesNothing()
{
    Document document;
    MatrixModel model(&document, MatrixId::QueryWeights);
    QSignalSpy rejectedSpy(&model, &MatrixModel::inputRejected);
    QSignalSpy dataSpy(&model, &MatrixModel::dataChanged);

    QVERIFY(!model.pasteText(model.index(1, 0), QStringLiteral("1\t2\n3\tx\n")));

    QCOMPARE(rejectedSpy.count(), 1);
    const QString message = rejectedSpy.at(0).at(0).toString();
    // The bad piece "x" is at row 1 + 1, column 0 + 1 counted from 0: W_Q[3][2].
    QVERIFY2(message.contains(QStringLiteral("W_Q[3][2]")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("“x” is not a number")), qPrintable(message));
    VERIFY_MATRIX_EQUAL(document.scenario().wQ, tutorialWQ);
    QCOMPARE(document.undoStack()->count(), 0);
    QCOMPARE(valueChanges(dataSpy), 0);
}

void TestMatrixModel::pasteIsClippedAtTheEdge()
{
    Document document;
    MatrixModel model(&document, MatrixId::QueryWeights);
    QSignalSpy dataSpy(&model, &MatrixModel::dataChanged);

    QVERIFY(model.pasteText(model.index(1, 1), QStringLiteral("5\t6\t7\n8\t9\t10\n11\t12\t13\n")));

    VERIFY_MATRIX_EQUAL(document.scenario().wQ, matrixOf({{2, 0, 2}, {2, 5, 6}, {2, 8, 9}}));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(rangesOf(dataSpy), QStringList({"(1, 1)–(2, 2)"}));
}

void TestMatrixModel::pasteIntoEmbeddingsSkipsTheTokenColumn()
{
    Document document;
    MatrixModel model(&document, MatrixId::Embeddings);

    // Pasting on a name starts at the word's first feature.
    QVERIFY(model.pasteText(model.index(3, 0), QStringLiteral("0.5\t0.25\t-1\n")));
    VERIFY_MATRIX_EQUAL(document.scenario().target.embeddings,
                        matrixOf({{1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0.5, 0.25, -1}}));
    QCOMPARE(document.scenario().target.tokens[3], std::string("word_4"));
}

// --- change signals --------------------------------------------------------------

void TestMatrixModel::dataChangedCoversJustTheTouchedCells_data()
{
    QTest::addColumn<MatrixId>("id");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("col");
    QTest::addColumn<attn::Matrix>("block");
    QTest::addColumn<QString>("expectedRange");

    QTest::newRow("one cell of W_Q") << MatrixId::QueryWeights << 1 << 2 << matrixOf({{4}})
                                     << QStringLiteral("(1, 2)–(1, 2)");
    QTest::newRow("2×2 block of W_Q") << MatrixId::QueryWeights << 0 << 1
                                      << matrixOf({{4, 5}, {6, 7}})
                                      << QStringLiteral("(0, 1)–(1, 2)");
    QTest::newRow("a cell of X, shifted by the token column")
        << MatrixId::Embeddings << 2 << 0 << matrixOf({{4}}) << QStringLiteral("(2, 1)–(2, 1)");
    QTest::newRow("a row of X") << MatrixId::Embeddings << 3 << 0 << matrixOf({{4, 5, 6}})
                                << QStringLiteral("(3, 1)–(3, 3)");
}

void TestMatrixModel::dataChangedCoversJustTheTouchedCells()
{
    QFETCH(MatrixId, id);
    QFETCH(int, row);
    QFETCH(int, col);
    QFETCH(attn::Matrix, block);
    QFETCH(QString, expectedRange);

    Document document;
    MatrixModel model(&document, id);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy dataSpy(&model, &MatrixModel::dataChanged);
    QSignalSpy resetSpy(&model, &MatrixModel::modelReset);

    document.setCells(id, row, col, block);
    QCOMPARE(rangesOf(dataSpy), QStringList({expectedRange}));
    QCOMPARE(resetSpy.count(), 0);
    const int offset = model.hasTokenColumn() ? 1 : 0;
    QCOMPARE(model.value(model.index(row, col + offset)), block(0, 0));

    // Undo names the same cells.
    dataSpy.clear();
    document.undoStack()->undo();
    QCOMPARE(rangesOf(dataSpy), QStringList({expectedRange}));
    VERIFY_MATRIX_EQUAL(attn::matrixOf(document.scenario(), id),
                        attn::matrixOf(attn::tutorialScenario(), id));
}

void TestMatrixModel::editsOfOtherMatricesLeaveTheTableAlone()
{
    Document document;
    MatrixModel model(&document, MatrixId::QueryWeights);
    QSignalSpy dataSpy(&model, &MatrixModel::dataChanged);
    QSignalSpy resetSpy(&model, &MatrixModel::modelReset);

    document.setCell(MatrixId::KeyWeights, 0, 0, 7.0);
    attn::Scenario warmer = document.scenario();
    warmer.temperature = 2.0;
    document.change(warmer, QStringLiteral("Temperature 2"));

    QCOMPARE(dataSpy.count(), 0);
    QCOMPARE(resetSpy.count(), 0);
}

void TestMatrixModel::unusedMatrixFillsWhenItComesIntoUse()
{
    Document document;
    MatrixModel model(&document, MatrixId::OutputWeights);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy resetSpy(&model, &MatrixModel::modelReset);
    QCOMPARE(model.rowCount(), 0);

    document.change(attn::edit::withOutputProjection(document.scenario(), true),
                    QStringLiteral("W_O on"));
    QCOMPARE(resetSpy.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.value(model.index(1, 1)), 1.0);
    QCOMPARE(model.value(model.index(1, 2)), 0.0);

    QVERIFY(model.setData(model.index(0, 2), QStringLiteral("0.5")));
    QCOMPARE((*document.scenario().wO)(0, 2), 0.5);

    document.undoStack()->undo();
    document.undoStack()->undo();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
}

QTEST_MAIN(TestMatrixModel)

#include "tst_matrix_model.moc"
