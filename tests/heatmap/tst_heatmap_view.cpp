#include "color_maps.h"
#include "heatmap_plot.h"
#include "heatmap_view.h"

#include <QApplication>
#include <QLocale>
#include <QMenu>
#include <QPalette>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <limits>

using attn::Matrix;
using attn::MaskMatrix;
using attn::MaskReason;
using attn::ui::HeatmapView;
using Scheme = HeatmapView::ColorScheme;
using attn::ui::SignedRange;
using attn::ui::WeightsRange;

Q_DECLARE_METATYPE(attn::Matrix)
Q_DECLARE_METATYPE(attn::MaskMatrix)
Q_DECLARE_METATYPE(HeatmapView::Highlight)
Q_DECLARE_METATYPE(attn::ui::ColorMap)
Q_DECLARE_METATYPE(attn::ui::WeightsRange)
Q_DECLARE_METATYPE(attn::ui::SignedRange)

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

const QStringList words{"word_1", "word_2", "word_3", "word_4"};

// The tutorial's attention weights (NumPy, rounded to 5 decimals).
Matrix tutorialWeights()
{
    Matrix weights(4, 4);
    weights << 0.23609, 0.00739, 0.74913, 0.00739, //
        0.45483, 0.04517, 0.45483, 0.04517,        //
        0.23928, 0.00074, 0.75924, 0.00074,        //
        0.08995, 0.00282, 0.90565, 0.00158;
    return weights;
}

Matrix matrixOf(int rows, int columns, std::initializer_list<double> values)
{
    Matrix matrix(rows, columns);
    auto value = values.begin();
    for (int row = 0; row < rows; ++row)
        for (int column = 0; column < columns; ++column)
            matrix(row, column) = *value++;
    return matrix;
}

Matrix ramp(int rows, int columns)
{
    Matrix matrix(rows, columns);
    for (int row = 0; row < rows; ++row)
        for (int column = 0; column < columns; ++column)
            matrix(row, column) = double((row * columns + column) % 10) / 10.0;
    return matrix;
}

QStringList tokens(int count)
{
    QStringList names;
    for (int i = 1; i <= count; ++i)
        names << QStringLiteral("word_%1").arg(i);
    return names;
}

// Shows the view and lays the plot out now, as the queued replot would.
[[nodiscard]] bool showAndLayOut(HeatmapView &view, const QSize &size = QSize(480, 400))
{
    view.resize(size);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return false;
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    return true;
}

QPoint cellCentre(const HeatmapView &view, int row, int column)
{
    return QPoint(int(std::lround(view.columnAxis()->coordToPixel(column))),
                  int(std::lround(view.rowAxis()->coordToPixel(row))));
}

// The value labels the plot draws (the "?" placeholder of a concealed view
// is an item too, but not a value label: it is centred on the axis rect).
QStringList visibleTexts(const HeatmapView &view)
{
    QStringList texts;
    for (int i = 0; i < view.plot()->itemCount(); ++i) {
        auto *text = qobject_cast<QCPItemText *>(view.plot()->item(i));
        if (text && text->visible())
            texts << text->text();
    }
    return texts;
}

// Within one step of 255 per channel: the gradients have 350 levels.
bool nearColour(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) <= 1 && std::abs(a.green() - b.green()) <= 1 &&
           std::abs(a.blue() - b.blue()) <= 1;
}

// A dark palette as a desktop's dark theme sets it.
QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    palette.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x50));
    return palette;
}

// The texts beside the colour scale's ticks, lowest first.
QStringList colorScaleTicks(const HeatmapView &view)
{
    const auto ticker =
        qSharedPointerDynamicCast<QCPAxisTickerText>(view.colorScale()->axis()->ticker());
    return ticker ? QStringList(ticker->ticks().values()) : QStringList();
}

} // namespace

class TestHeatmapView : public QObject
{
    Q_OBJECT

private slots:
    void colorMapsEndAtTheirPublishedStops_data();
    void colorMapsEndAtTheirPublishedStops();
    void colorMapOfTheOtherSchemeIsIgnored();
    void initTestCase();

    void valuesReachColorMap_data();
    void valuesReachColorMap();
    void dataRange_data();
    void dataRange();
    void singleCell();
    void labelText_data();
    void labelText();
    void valueLabelsThreshold_data();
    void valueLabelsThreshold();
    void labelColourFollowsCell_data();
    void labelColourFollowsCell();
    void maskedCells_data();
    void maskedCells();
    void highlights_data();
    void highlights();
    void highlightsReplaceAndClear();
    void hoverEmitsCell_data();
    void hoverEmitsCell();
    void hoverOutsideEmitsNoCell();
    void clickEmitsCell();
    void concealedShowsNoNumbers_data();
    void concealedShowsNoNumbers();
    void editsCoalesceIntoOneReplot();
    void titleTakesRoomOnlyWhenSet();

    void rowMaximumGivesEachRowTheTopColour();
    void lockedRangeKeepsItsBound();
    void darkPaletteColoursThePlot();
    void exportedFigureKeepsItsTheme();
    void contextMenuSwitchesRange_data();
    void contextMenuSwitchesRange();
};

void TestHeatmapView::initTestCase()
{
    // Labels are formatted in the widget's locale; fix it for the expectations.
    QLocale::setDefault(QLocale::c());
}

void TestHeatmapView::valuesReachColorMap_data()
{
    QTest::addColumn<Matrix>("values");
    QTest::addColumn<Scheme>("scheme");

    QTest::newRow("tutorial weights, 4×4") << tutorialWeights() << Scheme::Probability;
    QTest::newRow("signed queries, 4×3")
        << matrixOf(4, 3, {2, 0, -2, -1.5, 4, 0.25, 0, -3, 1, 3.5, 1, -0.004}) << Scheme::Signed;
    QTest::newRow("one row of scores, 1×4") << matrixOf(1, 4, {10, -4, 6, 0}) << Scheme::Signed;
    QTest::newRow("one column of values, 3×1") << matrixOf(3, 1, {0.5, 0.25, 1}) << Scheme::Probability;
}

void TestHeatmapView::valuesReachColorMap()
{
    QFETCH(Matrix, values);
    QFETCH(Scheme, scheme);

    HeatmapView view;
    view.setMatrix(values, tokens(int(values.rows())), tokens(int(values.cols())), scheme);

    QCOMPARE(view.rowCount(), int(values.rows()));
    QCOMPARE(view.columnCount(), int(values.cols()));
    QCOMPARE(view.colorMap()->data()->keySize(), int(values.cols()));
    QCOMPARE(view.colorMap()->data()->valueSize(), int(values.rows()));
    QVERIFY(!view.colorMap()->interpolate());
    for (int row = 0; row < values.rows(); ++row) {
        for (int column = 0; column < values.cols(); ++column) {
            QCOMPARE(view.cellValue(row, column), values(row, column));
            QVERIFY(!view.cellIsMasked(row, column));
        }
    }
    // Cells centred on integers, row 0 on top.
    QCOMPARE(view.columnAxis()->range(), QCPRange(-0.5, values.cols() - 0.5));
    QCOMPARE(view.rowAxis()->range(), QCPRange(-0.5, values.rows() - 0.5));
    QVERIFY(view.rowAxis()->rangeReversed());
}

void TestHeatmapView::dataRange_data()
{
    QTest::addColumn<Matrix>("values");
    QTest::addColumn<Scheme>("scheme");
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");

    QTest::newRow("probability: fixed 0..1 for small weights")
        << matrixOf(2, 2, {0.1, 0.3, 0.2, 0.25}) << Scheme::Probability << 0.0 << 1.0;
    QTest::newRow("probability: fixed 0..1 for equal weights")
        << matrixOf(2, 2, {0.5, 0.5, 0.5, 0.5}) << Scheme::Probability << 0.0 << 1.0;
    QTest::newRow("signed: symmetric around the largest magnitude")
        << matrixOf(2, 2, {2, -7, 3, 1}) << Scheme::Signed << -7.0 << 7.0;
    QTest::newRow("signed: positive values only")
        << matrixOf(1, 3, {1, 10, 4}) << Scheme::Signed << -10.0 << 10.0;
    QTest::newRow("signed: all zero gives -1..1")
        << matrixOf(2, 2, {0, 0, 0, 0}) << Scheme::Signed << -1.0 << 1.0;
    QTest::newRow("signed: -inf cells do not count")
        << matrixOf(2, 2, {-inf, 3, -1, 0}) << Scheme::Signed << -3.0 << 3.0;
    QTest::newRow("signed: +inf cells do not count")
        << matrixOf(1, 2, {inf, -2}) << Scheme::Signed << -2.0 << 2.0;
}

void TestHeatmapView::dataRange()
{
    QFETCH(Matrix, values);
    QFETCH(Scheme, scheme);
    QFETCH(double, lower);
    QFETCH(double, upper);

    HeatmapView view;
    view.setMatrix(values, {}, {}, scheme);

    QCOMPARE(view.colorMap()->dataRange().lower, lower);
    QCOMPARE(view.colorMap()->dataRange().upper, upper);
    // The colour scale shows the same range and names its ends and middle.
    QCOMPARE(view.colorScale()->dataRange(), QCPRange(lower, upper));
    const auto scaleTicks =
        view.colorScale()->axis()->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(scaleTicks);
    QCOMPARE(scaleTicks->ticks().firstKey(), lower);
    QCOMPARE(scaleTicks->ticks().lastKey(), upper);
    QVERIFY(scaleTicks->ticks().contains((lower + upper) / 2));
    // Whatever is out of range is clamped to the ends of the scale.
    for (int row = 0; row < values.rows(); ++row) {
        for (int column = 0; column < values.cols(); ++column) {
            if (view.cellIsMasked(row, column))
                continue;
            QVERIFY2(view.cellValue(row, column) >= lower && view.cellValue(row, column) <= upper,
                     qPrintable(QStringLiteral("cell (%1, %2) holds %3")
                                    .arg(row)
                                    .arg(column)
                                    .arg(view.cellValue(row, column))));
        }
    }
}

void TestHeatmapView::singleCell()
{
    HeatmapView view;
    view.setMatrix(matrixOf(1, 1, {0.7}), {"word_1"}, {"word_1"}, Scheme::Probability);
    QVERIFY(showAndLayOut(view));

    QCOMPARE(view.cellValue(0, 0), 0.7);
    QCOMPARE(view.cellLabel(0, 0), QStringLiteral("0.70"));
    QCOMPARE(view.columnAxis()->range(), QCPRange(-0.5, 0.5));
    QCOMPARE(view.rowAxis()->range(), QCPRange(-0.5, 0.5));
    // A data range of zero width would draw nothing: the cell spans -0.5..0.5.
    QCOMPARE(view.colorMap()->data()->keyRange(), QCPRange(-0.5, 0.5));
    QCOMPARE(view.colorMap()->data()->valueRange(), QCPRange(-0.5, 0.5));
    QVERIFY(view.valueLabelsVisible());

    QSignalSpy hovered(&view, &HeatmapView::cellHovered);
    QTest::mouseMove(view.plot(), cellCentre(view, 0, 0));
    QTRY_COMPARE(hovered.count(), 1);
    QCOMPARE(hovered.last(), QVariantList({0, 0}));
}

void TestHeatmapView::labelText_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("expected");

    QTest::newRow("integer score") << 10.0 << 2 << "10";
    QTest::newRow("negative integer") << -3.0 << 2 << "-3";
    QTest::newRow("zero") << 0.0 << 2 << "0";
    QTest::newRow("weight, 2 decimals") << 0.23609 << 2 << "0.24";
    QTest::newRow("weight, 3 decimals") << 0.23609 << 3 << "0.236";
    QTest::newRow("weight, no decimals") << 0.74913 << 0 << "1";
    QTest::newRow("scaled score") << 5.773502691896258 << 2 << "5.77";
    QTest::newRow("small negative rounds to zero, not -0.00") << -0.004 << 2 << "0.00";
    QTest::newRow("negative half") << -1.5 << 2 << "-1.50";
}

void TestHeatmapView::labelText()
{
    QFETCH(double, value);
    QFETCH(int, decimals);
    QFETCH(QString, expected);

    HeatmapView view;
    view.setDecimals(decimals);
    view.setMatrix(matrixOf(1, 2, {value, 1.0}), {"word_1"}, {"word_1", "word_2"},
                   Scheme::Signed);
    QVERIFY(showAndLayOut(view));

    QCOMPARE(view.cellLabel(0, 0), expected);
    QVERIFY(visibleTexts(view).contains(expected));
}

void TestHeatmapView::valueLabelsThreshold_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<QSize>("widget");
    QTest::addColumn<HeatmapView::ValueLabels>("mode");
    QTest::addColumn<bool>("shown");

    using Labels = HeatmapView::ValueLabels;
    QTest::newRow("4×4, auto: shown") << 4 << QSize(480, 400) << Labels::Auto << true;
    QTest::newRow("16×16 in a large view, auto: shown (256 cells)")
        << 16 << QSize(1100, 1000) << Labels::Auto << true;
    QTest::newRow("16×16 in a small view, auto: hidden (cells < 24 px)")
        << 16 << QSize(300, 260) << Labels::Auto << false;
    QTest::newRow("17×17 in a large view, auto: hidden (289 cells)")
        << 17 << QSize(1200, 1100) << Labels::Auto << false;
    QTest::newRow("64×64, auto: hidden") << 64 << QSize(480, 400) << Labels::Auto << false;
    QTest::newRow("4×4, off: hidden") << 4 << QSize(480, 400) << Labels::Off << false;
    QTest::newRow("32×32, on: shown") << 32 << QSize(480, 400) << Labels::On << true;
}

void TestHeatmapView::valueLabelsThreshold()
{
    QFETCH(int, size);
    QFETCH(QSize, widget);
    QFETCH(HeatmapView::ValueLabels, mode);
    QFETCH(bool, shown);

    HeatmapView view;
    view.setValueLabels(mode);
    view.setMatrix(ramp(size, size), tokens(size), tokens(size), Scheme::Probability);
    QVERIFY(showAndLayOut(view, widget));

    QCOMPARE(view.valueLabelsVisible(), shown);
    QCOMPARE(visibleTexts(view).size(), shown ? size * size : 0);
}

void TestHeatmapView::labelColourFollowsCell_data()
{
    QTest::addColumn<Matrix>("values");
    QTest::addColumn<Scheme>("scheme");
    QTest::addColumn<QColor>("textColour");

    // viridis runs from dark purple (0) to yellow (1); the diverging map from
    // dark blue (-a) over near-white (0) to dark red (+a).
    QTest::newRow("probability 0: dark purple, white text")
        << matrixOf(1, 2, {0.0, 1.0}) << Scheme::Probability << QColor(Qt::white);
    QTest::newRow("probability 1: yellow, black text")
        << matrixOf(1, 2, {1.0, 0.0}) << Scheme::Probability << QColor(Qt::black);
    QTest::newRow("signed 0: white, black text")
        << matrixOf(1, 2, {0.0, 4.0}) << Scheme::Signed << QColor(Qt::black);
    QTest::newRow("signed -a: dark blue, white text")
        << matrixOf(1, 2, {-4.0, 4.0}) << Scheme::Signed << QColor(Qt::white);
    QTest::newRow("signed +a: dark red, white text")
        << matrixOf(1, 2, {4.0, -4.0}) << Scheme::Signed << QColor(Qt::white);
    QTest::newRow("masked: light grey, black text")
        << matrixOf(1, 2, {-inf, 4.0}) << Scheme::Signed << QColor(Qt::black);
}

void TestHeatmapView::labelColourFollowsCell()
{
    QFETCH(Matrix, values);
    QFETCH(Scheme, scheme);
    QFETCH(QColor, textColour);

    HeatmapView view;
    view.setMatrix(values, {"word_1"}, {"word_1", "word_2"}, scheme);
    QCOMPARE(view.cellLabelColor(0, 0), textColour);
}

void TestHeatmapView::maskedCells_data()
{
    QTest::addColumn<Matrix>("values");
    QTest::addColumn<MaskMatrix>("mask");
    QTest::addColumn<Scheme>("scheme");
    QTest::addColumn<QVector<QPoint>>("maskedCells"); // x = column, y = row

    // Causal mask over 3 tokens: key j is hidden from query i when j > i.
    MaskMatrix causal(3, 3);
    causal << MaskReason::Visible, MaskReason::Causal, MaskReason::Causal, //
        MaskReason::Visible, MaskReason::Visible, MaskReason::Causal,      //
        MaskReason::Visible, MaskReason::Visible, MaskReason::Visible;
    const QVector<QPoint> causalCells{{1, 0}, {2, 0}, {2, 1}};

    QTest::newRow("masked scores: -inf without a mask")
        << matrixOf(3, 3, {1.15, -inf, -inf, 2.31, 0.58, -inf, 1.73, 2.89, 5.77}) << MaskMatrix()
        << Scheme::Signed << causalCells;
    QTest::newRow("masked scores: -inf with the causal mask")
        << matrixOf(3, 3, {1.15, -inf, -inf, 2.31, 0.58, -inf, 1.73, 2.89, 5.77}) << causal
        << Scheme::Signed << causalCells;
    QTest::newRow("weights: zeros flagged by the causal mask")
        << matrixOf(3, 3, {1, 0, 0, 0.85, 0.15, 0, 0.04, 0.11, 0.85}) << causal
        << Scheme::Probability << causalCells;

    MaskMatrix padding(2, 3);
    padding << MaskReason::Visible, MaskReason::Visible, MaskReason::Padding, //
        MaskReason::Visible, MaskReason::Visible, MaskReason::Padding;
    QTest::newRow("weights: a padding key")
        << matrixOf(2, 3, {0.3, 0.7, 0, 0.5, 0.5, 0}) << padding << Scheme::Probability
        << QVector<QPoint>{{2, 0}, {2, 1}};

    MaskMatrix window(2, 3);
    window << MaskReason::Visible, MaskReason::Visible, MaskReason::OutsideWindow, //
        MaskReason::OutsideWindow, MaskReason::Visible, MaskReason::Visible;
    QTest::newRow("weights: keys outside the local window")
        << matrixOf(2, 3, {0.6, 0.4, 0, 0, 0.2, 0.8}) << window << Scheme::Probability
        << QVector<QPoint>{{2, 0}, {0, 1}};
}

void TestHeatmapView::maskedCells()
{
    QFETCH(Matrix, values);
    QFETCH(MaskMatrix, mask);
    QFETCH(Scheme, scheme);
    QFETCH(QVector<QPoint>, maskedCells);

    HeatmapView view;
    view.setMatrix(values, tokens(int(values.rows())), tokens(int(values.cols())), scheme,
                   mask.size() > 0 ? &mask : nullptr);
    QVERIFY(showAndLayOut(view));

    QLocale locale = QLocale::c();
    for (int row = 0; row < values.rows(); ++row) {
        for (int column = 0; column < values.cols(); ++column) {
            const bool masked = maskedCells.contains(QPoint(column, row));
            QCOMPARE(view.cellIsMasked(row, column), masked);
            if (masked) {
                // A masked score reads −∞; a masked weight is exactly 0 and reads 0,
                // hatched grey so the learner sees why.
                const bool score = std::isinf(values(row, column));
                QCOMPARE(view.cellLabel(row, column),
                         score ? QStringLiteral("−∞") : QStringLiteral("0"));
                QVERIFY(std::isnan(view.cellValue(row, column))); // NaN colour, not the scale's
                QCOMPARE(view.cellColor(row, column), attn::ui::maskedCellColor());
            } else {
                QCOMPARE(view.cellValue(row, column), values(row, column));
                QVERIFY(view.cellLabel(row, column) != QStringLiteral("−∞"));
            }
        }
    }
    int maskedScores = 0;
    for (const QPoint &cell : maskedCells)
        maskedScores += std::isinf(values(cell.y(), cell.x())) ? 1 : 0;
    QCOMPARE(visibleTexts(view).count(QStringLiteral("−∞")), maskedScores);
    QCOMPARE(view.colorMap()->gradient().nanHandling(), QCPColorGradient::nhNanColor);
}

void TestHeatmapView::highlights_data()
{
    QTest::addColumn<HeatmapView::Highlight>("region");
    QTest::addColumn<QRect>("cells"); // x = first column, y = first row

    // A 4×3 matrix: 4 queries, 3 keys.
    QTest::newRow("query row 1") << HeatmapView::Highlight{1, -1} << QRect(0, 1, 3, 1);
    QTest::newRow("key column 2") << HeatmapView::Highlight{-1, 2} << QRect(2, 0, 1, 4);
    QTest::newRow("cell (2, 1)") << HeatmapView::Highlight{2, 1} << QRect(1, 2, 1, 1);
    QTest::newRow("whole matrix") << HeatmapView::Highlight{-1, -1} << QRect(0, 0, 3, 4);
}

void TestHeatmapView::highlights()
{
    QFETCH(HeatmapView::Highlight, region);
    QFETCH(QRect, cells);

    HeatmapView view;
    view.setMatrix(ramp(4, 3), tokens(4), tokens(3), Scheme::Probability);
    view.setHighlights({region});

    QCOMPARE(view.highlightCount(), 1);
    QCOMPARE(view.highlightCells(0), cells);

    // The outline runs along the cell borders, half a unit around the centres.
    int outlines = 0;
    for (int i = 0; i < view.plot()->itemCount(); ++i) {
        auto *rect = qobject_cast<QCPItemRect *>(view.plot()->item(i));
        if (!rect || !rect->visible())
            continue;
        ++outlines;
        QCOMPARE(rect->topLeft->coords(), QPointF(cells.left() - 0.5, cells.top() - 0.5));
        QCOMPARE(rect->bottomRight->coords(),
                 QPointF(cells.right() + 0.5, cells.bottom() + 0.5));
        QCOMPARE(rect->brush().style(), Qt::NoBrush);
    }
    QVERIFY(outlines > 0);
}

void TestHeatmapView::highlightsReplaceAndClear()
{
    HeatmapView view;
    view.setMatrix(ramp(4, 3), tokens(4), tokens(3), Scheme::Probability);

    view.setHighlights({{1, -1}, {-1, 2}, {2, 1}});
    QCOMPARE(view.highlightCount(), 3);

    view.setHighlights({{0, 0}, {9, 0}}); // row 9 is not in a 4×3 matrix
    QCOMPARE(view.highlightCount(), 1);
    QCOMPARE(view.highlightCells(0), QRect(0, 0, 1, 1));

    // A highlight of a row that a smaller matrix lacks disappears with it.
    view.setHighlights({{3, -1}});
    QCOMPARE(view.highlightCount(), 1);
    view.setMatrix(ramp(2, 2), tokens(2), tokens(2), Scheme::Probability);
    QCOMPARE(view.highlightCount(), 0);

    view.clearHighlights();
    QCOMPARE(view.highlightCount(), 0);
    QVERIFY(view.highlights().isEmpty());
}

void TestHeatmapView::hoverEmitsCell_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QPointF>("offset"); // from the cell centre, in cells

    QTest::newRow("top-left cell, centre") << 0 << 0 << QPointF(0, 0);
    QTest::newRow("cell (1, 2), centre") << 1 << 2 << QPointF(0, 0);
    QTest::newRow("bottom-right cell, centre") << 3 << 2 << QPointF(0, 0);
    QTest::newRow("cell (2, 1), near its top-left corner") << 2 << 1 << QPointF(-0.4, -0.4);
    QTest::newRow("cell (2, 1), near its bottom-right corner") << 2 << 1 << QPointF(0.4, 0.4);
}

void TestHeatmapView::hoverEmitsCell()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QPointF, offset);

    HeatmapView view;
    view.setMatrix(ramp(4, 3), tokens(4), tokens(3), Scheme::Probability);
    QVERIFY(showAndLayOut(view));
    QSignalSpy hovered(&view, &HeatmapView::cellHovered);

    const QPoint pixel(int(std::lround(view.columnAxis()->coordToPixel(column + offset.x()))),
                       int(std::lround(view.rowAxis()->coordToPixel(row + offset.y()))));
    QTest::mouseMove(view.plot(), pixel);
    QTRY_COMPARE(hovered.count(), 1);
    QCOMPARE(hovered.last(), QVariantList({row, column}));
}

void TestHeatmapView::hoverOutsideEmitsNoCell()
{
    HeatmapView view;
    view.setMatrix(ramp(4, 3), tokens(4), tokens(3), Scheme::Probability);
    QVERIFY(showAndLayOut(view));
    QSignalSpy hovered(&view, &HeatmapView::cellHovered);

    QTest::mouseMove(view.plot(), cellCentre(view, 1, 1));
    QTRY_COMPARE(hovered.count(), 1);
    QCOMPARE(hovered.last(), QVariantList({1, 1}));

    // Just right of the last column: inside the plot, outside the cells.
    const int right = int(std::ceil(view.columnAxis()->coordToPixel(2.5))) + 3;
    QTest::mouseMove(view.plot(), QPoint(right, cellCentre(view, 1, 1).y()));
    QTRY_COMPARE(hovered.count(), 2);
    QCOMPARE(hovered.last(), QVariantList({-1, -1}));

    QTest::mouseMove(view.plot(), cellCentre(view, 3, 0));
    QTRY_COMPARE(hovered.count(), 3);
    QCOMPARE(hovered.last(), QVariantList({3, 0}));

    // Over the row labels, left of the cells.
    QTest::mouseMove(view.plot(), QPoint(5, cellCentre(view, 3, 0).y()));
    QTRY_COMPARE(hovered.count(), 4);
    QCOMPARE(hovered.last(), QVariantList({-1, -1}));

    // Straight from a cell out of the window: the plot only sees a Leave.
    QTest::mouseMove(view.plot(), cellCentre(view, 2, 2));
    QTRY_COMPARE(hovered.count(), 5);
    QTest::mouseMove(view.plot(), QPoint(view.width() + 200, view.height() + 200));
    QTRY_COMPARE(hovered.count(), 6);
    QCOMPARE(hovered.last(), QVariantList({-1, -1}));
}

void TestHeatmapView::clickEmitsCell()
{
    HeatmapView view;
    view.setMatrix(tutorialWeights(), words, words, Scheme::Probability);
    QVERIFY(showAndLayOut(view));
    QSignalSpy clicked(&view, &HeatmapView::cellClicked);

    QTest::mouseClick(view.plot(), Qt::LeftButton, {}, cellCentre(view, 2, 3));
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.last(), QVariantList({2, 3}));

    QTest::mouseClick(view.plot(), Qt::LeftButton, {}, cellCentre(view, 0, 1));
    QCOMPARE(clicked.count(), 2);
    QCOMPARE(clicked.last(), QVariantList({0, 1}));

    // Outside the cells nothing is clicked.
    QTest::mouseClick(view.plot(), Qt::LeftButton, {}, QPoint(2, 2));
    QCOMPARE(clicked.count(), 2);
}

void TestHeatmapView::concealedShowsNoNumbers_data()
{
    QTest::addColumn<int>("size");

    QTest::newRow("4 tokens: a \"?\" in each cell") << 4;
    QTest::newRow("64 tokens: one \"?\" over the matrix") << 64;
}

void TestHeatmapView::concealedShowsNoNumbers()
{
    QFETCH(int, size);

    HeatmapView view;
    view.setMatrix(ramp(size, size), tokens(size), tokens(size), Scheme::Probability);
    view.setConcealed(true);
    QVERIFY(showAndLayOut(view));

    QVERIFY(view.isConcealed());
    QVERIFY(!view.colorMap()->visible());
    QVERIFY(!view.colorScale()->visible());
    const QStringList texts = visibleTexts(view);
    QVERIFY(!texts.isEmpty());
    for (const QString &text : texts)
        QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("[0-9]"))), qPrintable(text));
    QCOMPARE(view.cellLabel(0, 0), QStringLiteral("?"));

    // Revealed again: colours and numbers are back.
    view.setConcealed(false);
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(view.colorMap()->visible());
    QCOMPARE(view.cellLabel(0, 1), QStringLiteral("0.10"));
}

void TestHeatmapView::editsCoalesceIntoOneReplot()
{
    HeatmapView view;
    view.setMatrix(tutorialWeights(), words, words, Scheme::Probability);
    QVERIFY(showAndLayOut(view));
    QSignalSpy replots(view.plot(), &QCustomPlot::afterReplot);

    // A value dragged: many edits within one turn of the event loop.
    Matrix weights = tutorialWeights();
    for (int step = 0; step < 30; ++step) {
        weights(0, 0) = step / 30.0;
        view.setMatrix(weights, words, words, Scheme::Probability);
        view.setHighlights({{0, step % 4}});
    }
    QCOMPARE(replots.count(), 0);
    QTRY_COMPARE(replots.count(), 1);
    QTest::qWait(50);
    QCOMPARE(replots.count(), 1);
    QCOMPARE(view.cellValue(0, 0), 29 / 30.0);
}

void TestHeatmapView::titleTakesRoomOnlyWhenSet()
{
    HeatmapView view;
    view.setMatrix(tutorialWeights(), words, words, Scheme::Probability);
    QVERIFY(showAndLayOut(view));
    const int topWithoutTitle = view.plot()->axisRect()->top();

    view.setTitle(QStringLiteral("Attention weights"));
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(view.title(), QStringLiteral("Attention weights"));
    QVERIFY2(view.plot()->axisRect()->top() > topWithoutTitle,
             "the title must get a row of its own above the matrix");

    view.setTitle(QString());
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(view.plot()->axisRect()->top(), topWithoutTitle);
}

void TestHeatmapView::colorMapsEndAtTheirPublishedStops_data()
{
    QTest::addColumn<attn::ui::ColorMap>("map");
    QTest::addColumn<Scheme>("scheme");
    QTest::addColumn<QColor>("low");
    QTest::addColumn<QColor>("high");

    using attn::ui::ColorMap;
    // The ends of each map as its authors published them: matplotlib's
    // viridis and magma, cividis (Nuñez et al. 2018), ColorBrewer RdBu, PuOr
    // and Greys (negative is blue or purple).
    QTest::newRow("viridis") << ColorMap::Viridis << Scheme::Probability << QColor("#440154")
                             << QColor("#fde725");
    QTest::newRow("cividis") << ColorMap::Cividis << Scheme::Probability << QColor(0, 32, 76)
                             << QColor(255, 233, 69);
    QTest::newRow("magma") << ColorMap::Magma << Scheme::Probability << QColor("#000004")
                           << QColor("#fcfdbf");
    QTest::newRow("greys, weights")
        << ColorMap::Greys << Scheme::Probability << QColor("#ffffff") << QColor("#000000");
    QTest::newRow("blue-white-red") << ColorMap::BlueWhiteRed << Scheme::Signed
                                    << QColor("#053061") << QColor("#67001f");
    QTest::newRow("purple-orange") << ColorMap::PurpleOrange << Scheme::Signed
                                   << QColor("#2d004b") << QColor("#7f3b08");
    QTest::newRow("greys, signed")
        << ColorMap::Greys << Scheme::Signed << QColor("#ffffff") << QColor("#000000");
}

void TestHeatmapView::colorMapsEndAtTheirPublishedStops()
{
    QFETCH(attn::ui::ColorMap, map);
    QFETCH(Scheme, scheme);
    QFETCH(QColor, low);
    QFETCH(QColor, high);

    HeatmapView view;
    // A map set before or after the matrix gives the same cells.
    const bool before = scheme == Scheme::Signed;
    if (before)
        view.setColorMap(map);
    const double top = scheme == Scheme::Probability ? 1.0 : 2.5;
    const double bottom = scheme == Scheme::Probability ? 0.0 : -2.5;
    view.setMatrix(matrixOf(1, 3, {bottom, (bottom + top) / 2, top}), tokens(1), tokens(3),
                   scheme);
    if (!before)
        view.setColorMap(map);
    QCOMPARE(view.colorMapInUse(), map);
    const auto near = [](const QColor &a, const QColor &b) {
        return std::abs(a.red() - b.red()) <= 1 && std::abs(a.green() - b.green()) <= 1 &&
               std::abs(a.blue() - b.blue()) <= 1;
    };
    QVERIFY2(near(view.cellColor(0, 0), low), qPrintable(view.cellColor(0, 0).name()));
    QVERIFY2(near(view.cellColor(0, 2), high), qPrintable(view.cellColor(0, 2).name()));
    // The numbers stay readable: black or white, whichever contrasts more.
    QCOMPARE(view.cellLabelColor(0, 0), attn::ui::readableTextColor(view.cellColor(0, 0)));
}

void TestHeatmapView::colorMapOfTheOtherSchemeIsIgnored()
{
    using attn::ui::ColorMap;
    HeatmapView view;
    // The window's look by default.
    QCOMPARE(view.probabilityColorMap(), ColorMap::Viridis);
    QCOMPARE(view.signedColorMap(), ColorMap::BlueWhiteRed);
    view.setColorMap(ColorMap::Magma);
    view.setColorMap(ColorMap::PurpleOrange);
    QCOMPARE(view.probabilityColorMap(), ColorMap::Magma);
    QCOMPARE(view.signedColorMap(), ColorMap::PurpleOrange);
    // A diverging map cannot draw probabilities, nor a sequential one signs.
    view.setColorMaps(ColorMap::BlueWhiteRed, ColorMap::Cividis);
    QCOMPARE(view.probabilityColorMap(), ColorMap::Magma);
    QCOMPARE(view.signedColorMap(), ColorMap::PurpleOrange);
}

void TestHeatmapView::rowMaximumGivesEachRowTheTopColour()
{
    // A query among many keys: its largest weight is 0.01, far from 1.
    HeatmapView view;
    view.setMatrix(matrixOf(2, 4, {0.01, 0.004, 0.002, 0.001, 0.5, 0.25, 0.125, 0.125}),
                   tokens(2), tokens(4), Scheme::Probability);
    QCOMPARE(view.weightsRange(), WeightsRange::Fixed);
    // On the fixed scale 0.01 is a tenth of the way from viridis' first stop
    // (#440154) to its second (#482475): (68.4, 4.5, 87.3).
    QVERIFY2(nearColour(view.cellColor(0, 0), QColor(68, 4, 87)),
             qPrintable(view.cellColor(0, 0).name()));
    QCOMPARE(view.colorScaleText(), QString());

    QSignalSpy changed(&view, &HeatmapView::colorRangeChanged);
    view.setWeightsRange(WeightsRange::RowMax);
    QCOMPARE(changed.count(), 1);
    // The largest weight of each row takes viridis' top stop, #fde725; the
    // others their share of it: 0.004 / 0.01 = 0.4, 0.002 / 0.01 = 0.2,
    // 0.25 / 0.5 = 0.5 (viridis at 0.4 is #2a788e, at 0.2 #414487).
    for (int row : {0, 1})
        QVERIFY2(nearColour(view.cellColor(row, 0), QColor("#fde725")),
                 qPrintable(view.cellColor(row, 0).name()));
    QCOMPARE(view.cellValue(0, 1), 0.4);
    QCOMPARE(view.cellValue(0, 2), 0.2);
    QCOMPARE(view.cellValue(1, 1), 0.5);
    QVERIFY2(nearColour(view.cellColor(0, 1), QColor("#2a788e")),
             qPrintable(view.cellColor(0, 1).name()));
    QVERIFY2(nearColour(view.cellColor(0, 2), QColor("#414487")),
             qPrintable(view.cellColor(0, 2).name()));
    // The numbers in the cells stay the weights themselves.
    view.setDecimals(3);
    QCOMPARE(view.cellLabel(0, 1), QStringLiteral("0.004"));
    // The colour scale says so.
    QCOMPARE(view.colorScaleText(), QStringLiteral("% of row max"));
    QCOMPARE(colorScaleTicks(view).first(), QStringLiteral("0%"));
    QCOMPARE(colorScaleTicks(view).last(), QStringLiteral("100%"));
    view.setColorScaleLabel(QStringLiteral("weight"));
    QCOMPARE(view.colorScale()->label(), QStringLiteral("weight · % of row max"));

    // Back to the scale every row shares.
    view.setWeightsRange(WeightsRange::Fixed);
    QCOMPARE(view.cellValue(0, 1), 0.004);
    QCOMPARE(view.colorScale()->label(), QStringLiteral("weight"));
    QCOMPARE(colorScaleTicks(view).last(), QStringLiteral("1"));
}

void TestHeatmapView::lockedRangeKeepsItsBound()
{
    HeatmapView view;
    const Matrix before = matrixOf(1, 4, {2, -1, 0.5, -2.5});
    view.setMatrix(before, tokens(1), tokens(4), Scheme::Signed);
    QCOMPARE(view.colorMap()->dataRange(), QCPRange(-2.5, 2.5));
    QCOMPARE(view.signedRange(), SignedRange::Auto);

    view.setSignedRange(SignedRange::Locked);
    QCOMPARE(view.signedBound(), 2.5);
    QCOMPARE(view.colorScaleText(), QStringLiteral("locked ±2.5"));

    // One value edited to 10: the automatic range would become ±10 and wash
    // out the other cells; the locked one stays ±2.5, and 10 takes the end
    // colour of blue–white–red (#67001f).
    const Matrix after = matrixOf(1, 4, {2, -1, 10, -2.5});
    view.setMatrix(after, tokens(1), tokens(4), Scheme::Signed);
    QCOMPARE(view.colorMap()->dataRange(), QCPRange(-2.5, 2.5));
    QCOMPARE(view.cellValue(0, 2), 2.5);
    QVERIFY2(nearColour(view.cellColor(0, 2), QColor("#67001f")),
             qPrintable(view.cellColor(0, 2).name()));
    QCOMPARE(view.cellLabel(0, 2), QStringLiteral("10"));
    // 2 is 2 / 2.5 = 0.8 of the way from white to the top, as before the edit.
    QCOMPARE(view.cellValue(0, 0), 2.0);
    QCOMPARE(colorScaleTicks(view).first(), QStringLiteral("-2.5"));
    QCOMPARE(colorScaleTicks(view).last(), QStringLiteral("2.5"));

    // Unlocked, the range is symmetric and automatic again: ±10.
    view.setSignedRange(SignedRange::Auto);
    QCOMPARE(view.colorMap()->dataRange(), QCPRange(-10, 10));
    QCOMPARE(view.colorScaleText(), QString());
    QCOMPARE(colorScaleTicks(view).last(), QStringLiteral("10"));

    // A bound given by hand, as another view of the same matrix may share it.
    view.lockSignedRange(4);
    QCOMPARE(view.colorMap()->dataRange(), QCPRange(-4, 4));
    QCOMPARE(view.cellValue(0, 2), 4.0);
}

void TestHeatmapView::darkPaletteColoursThePlot()
{
    MaskMatrix mask = MaskMatrix::Constant(2, 2, MaskReason::Visible);
    mask(0, 1) = MaskReason::Causal;
    HeatmapView view;
    view.setMatrix(matrixOf(2, 2, {1, 0, 0.5, 0.5}), tokens(2), tokens(2), Scheme::Probability,
                   &mask);
    QVERIFY(showAndLayOut(view, QSize(320, 260)));
    // The light palette of the offscreen platform: a white plot, black names.
    QCOMPARE(view.plot()->grab().toImage().pixelColor(1, 1), QColor(Qt::white));

    // The palette changes while the view is on screen (the desktop turned dark).
    const QPalette dark = darkPalette();
    view.setPalette(dark);
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    auto *plot = static_cast<attn::ui::HeatmapPlot *>(view.plot());
    QCOMPARE(plot->backgroundBrush().color(), dark.color(QPalette::Base));
    QCOMPARE(view.plot()->grab().toImage().pixelColor(1, 1), dark.color(QPalette::Base));
    for (QCPAxis *axis : {view.rowAxis(), view.columnAxis(), view.colorScale()->axis()}) {
        QCOMPARE(axis->tickLabelColor(), dark.color(QPalette::Text));
        QCOMPARE(axis->labelColor(), dark.color(QPalette::Text));
    }
    // The masked cell is a dark grey now, not the light one of a white page:
    // (1 − 35/255)·Base + 35/255·Text = (30·220 + 224·35) / 255 = 56.6 → 57.
    QCOMPARE(view.cellColor(0, 1), QColor(57, 57, 57));
    QCOMPARE(view.ink().separator, dark.color(QPalette::Base));
    // The concealed fill: (30·232 + 224·23) / 255 = 47.5 → 47, its "?" lighter.
    view.setConcealed(true);
    QCOMPARE(view.cellColor(0, 0), QColor(47, 47, 47));
    QVERIFY(attn::ui::relativeLuminance(view.cellLabelColor(0, 0)) >
            attn::ui::relativeLuminance(view.cellColor(0, 0)) + 0.1);
    view.setConcealed(false);
    // The number in a cell still contrasts with the cell, not with the page.
    QCOMPARE(view.cellLabelColor(0, 0), QColor(Qt::black)); // 1 is yellow

    // And back to light.
    view.setPalette(QPalette());
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(plot->backgroundBrush().color(), view.palette().color(QPalette::Base));
    QCOMPARE(view.cellColor(0, 1), attn::ui::maskedCellColor());
}

void TestHeatmapView::exportedFigureKeepsItsTheme()
{
    // A figure for a dark slide, made while the screen's palette is dark too:
    // its texts are the ink it asked for, its greys those of a printed figure.
    MaskMatrix mask = MaskMatrix::Constant(1, 2, MaskReason::Visible);
    mask(0, 1) = MaskReason::Padding;
    HeatmapView view;
    view.setPalette(darkPalette());
    view.setInkColor(QColor(0xf0, 0xf0, 0xf0));
    view.setMatrix(matrixOf(1, 2, {1, 0}), tokens(1), tokens(2), Scheme::Probability, &mask);
    QCOMPARE(view.rowAxis()->tickLabelColor(), QColor(0xf0, 0xf0, 0xf0));
    QCOMPARE(view.cellColor(0, 1), attn::ui::maskedCellColor());
    view.setPalette(QPalette());
    view.setPalette(darkPalette());
    QCOMPARE(view.rowAxis()->tickLabelColor(), QColor(0xf0, 0xf0, 0xf0));
    QCOMPARE(view.cellColor(0, 1), attn::ui::maskedCellColor());
}

void TestHeatmapView::contextMenuSwitchesRange_data()
{
    QTest::addColumn<Scheme>("scheme");
    QTest::addColumn<int>("choice"); // 0 or 1, in the order the menu lists them
    QTest::addColumn<WeightsRange>("weights");
    QTest::addColumn<SignedRange>("signedRange");

    QTest::newRow("weights: each row's maximum")
        << Scheme::Probability << 1 << WeightsRange::RowMax << SignedRange::Auto;
    QTest::newRow("scores: lock the current range")
        << Scheme::Signed << 0 << WeightsRange::Fixed << SignedRange::Locked;
}

void TestHeatmapView::contextMenuSwitchesRange()
{
    QFETCH(Scheme, scheme);
    QFETCH(int, choice);
    QFETCH(WeightsRange, weights);
    QFETCH(SignedRange, signedRange);

    HeatmapView view;
    view.setMatrix(scheme == Scheme::Probability ? tutorialWeights()
                                                 : matrixOf(4, 4, {1, -2, 3, 0.5, 0, 1, 1, 1,
                                                                   -1, 2, 0, 0, 1, 1, 1, 1}),
                   words, words, scheme);
    QVERIFY(showAndLayOut(view));

    // A right click on a cell; in the menu: Down, Right (the "Colour range"
    // submenu, its first choice active), Down for the second one, Return.
    QStringList seen;
    QTimer poll;
    poll.setInterval(10);
    connect(&poll, &QTimer::timeout, &view, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        poll.stop();
        seen << menu->accessibleName();
        QTest::keyClick(menu, Qt::Key_Down);
        QTest::keyClick(menu, Qt::Key_Right);
        auto *submenu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!submenu || submenu == menu) {
            menu->close();
            return;
        }
        seen << submenu->accessibleName();
        for (QAction *action : submenu->actions())
            seen << action->text().remove(QLatin1Char('&'));
        for (int i = 0; i < choice; ++i)
            QTest::keyClick(submenu, Qt::Key_Down);
        QTest::keyClick(submenu, Qt::Key_Return);
    });
    poll.start();
    QTest::mouseClick(view.windowHandle(), Qt::RightButton, {},
                      view.plot()->mapTo(&view, cellCentre(view, 1, 1)));
    QTRY_COMPARE(view.weightsRange(), weights);
    QCOMPARE(view.signedRange(), signedRange);
    QVERIFY2(seen.size() == 4, qPrintable(seen.join(QStringLiteral(" | "))));
    QCOMPARE(seen.at(1), QStringLiteral("Colour range"));
    if (scheme == Scheme::Probability) {
        QCOMPARE(seen.at(2), QStringLiteral("0 to 1"));
        QCOMPARE(seen.at(3), QStringLiteral("Each row's maximum"));
        QCOMPARE(view.colorScaleText(), QStringLiteral("% of row max"));
    } else {
        QCOMPARE(seen.at(2), QStringLiteral("Lock the current range (±3)"));
        QCOMPARE(seen.at(3), QStringLiteral("Symmetric, automatic"));
        QCOMPARE(view.colorScaleText(), QStringLiteral("locked ±3"));
    }
}

QTEST_MAIN(TestHeatmapView)
#include "tst_heatmap_view.moc"
