#include "heatmap_view.h"

#include "color_maps.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QLocale>
#include <QMouseEvent>
#include <QShowEvent>
#include <QVBoxLayout>
#include <QWindow>
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace attn::ui {

namespace {

// Value labels in Auto mode need cells at least this large (pixels).
constexpr double minimumLabelledCell = 24.0;
// Below this cell size the hatching of masked cells is only noise.
constexpr double minimumHatchedCell = 6.0;
// Below this cell size the white lines between cells would eat the colours.
constexpr double minimumSeparatedCell = 10.0;
constexpr double smallestPointSize = 9.0;
/// Column names may shrink to this before they are turned upright.
constexpr double smallestColumnNamePointSize = 8.0;
constexpr double largestValuePointSize = 13.0;
// Token names longer than this (pixels) are elided.
constexpr int longestTickLabel = 140;

const QColor highlightColor(0xff, 0x8c, 0x00);
const QColor highlightHaloColor(0x1a, 0x1a, 0x1a);
const QColor concealedCellColor(0xe8, 0xe8, 0xe8);
const QColor concealedTextColor(0x70, 0x70, 0x70);
const QColor separatorColor(Qt::white);
/// A thin frame round the matrix, so light cells keep an edge on a white slide.
const QColor outlineColor(0xb4, 0xb4, 0xb4);

bool isMinusInfinity(double value)
{
    return std::isinf(value) && value < 0;
}

QStringList completeLabels(const QStringList &labels, int count)
{
    QStringList result = labels.mid(0, count);
    for (int i = int(result.size()); i < count; ++i)
        result << QString::number(i + 1);
    return result;
}

} // namespace

/// The plot of a HeatmapView. Tick label steps, their rotation and the value
/// labels depend on the size of a cell in pixels, which is only known once the
/// layout has run; the tick labels in turn change the margins, so the layout
/// runs again when they changed (at most twice more, within the same replot).
class HeatmapPlot : public QCustomPlot
{
public:
    explicit HeatmapPlot(HeatmapView *view) : QCustomPlot(view), m_view(view) {}

protected:
    void updateLayout() override
    {
        forgetScaleMargins();
        QCustomPlot::updateLayout();
        for (int pass = 0; pass < 2 && m_view->adaptToLayout(); ++pass) {
            forgetScaleMargins();
            QCustomPlot::updateLayout();
        }
    }

private:
    /// The colour scale shares its top and bottom margins with the matrix (a
    /// margin group), and a QCPColorScale offers its current margin as its own
    /// need: once upright column names had pushed the top margin up, it never
    /// came down. Starting the scale from zero each time breaks that ratchet.
    void forgetScaleMargins()
    {
        QCPColorScale *scale = m_view->colorScale();
        if (!scale)
            return; // still being built
        QMargins margins = scale->margins();
        margins.setTop(0);
        margins.setBottom(0);
        scale->setMargins(margins);
    }

    HeatmapView *m_view;
};

/// Draws what the colour map cannot: the hatching over masked cells, the
/// neutral fill of a concealed matrix and thin separators between cells. One
/// item for the whole matrix; masked cells are kept as runs along each row, so
/// a causal mask costs one rectangle per row.
class HeatmapCellOverlay : public QCPAbstractItem
{
public:
    explicit HeatmapCellOverlay(QCustomPlot *plot) : QCPAbstractItem(plot) { setSelectable(false); }

    void setCells(QCPAxis *columnAxis, QCPAxis *rowAxis, int rows, int columns,
                  QVector<QRect> maskedRuns, bool concealed)
    {
        m_columnAxis = columnAxis;
        m_rowAxis = rowAxis;
        m_rows = rows;
        m_columns = columns;
        m_maskedRuns = std::move(maskedRuns);
        m_concealed = concealed;
    }

    void setConcealed(bool concealed) { m_concealed = concealed; }

    double selectTest(const QPointF &, bool, QVariant *) const override { return -1.0; }

protected:
    void draw(QCPPainter *painter) override
    {
        if (m_rows == 0 || m_columns == 0 || !m_columnAxis || !m_rowAxis)
            return;
        const double cellWidth =
            std::abs(m_columnAxis->coordToPixel(1.0) - m_columnAxis->coordToPixel(0.0));
        const double cellHeight =
            std::abs(m_rowAxis->coordToPixel(1.0) - m_rowAxis->coordToPixel(0.0));
        painter->setAntialiasing(false);

        if (m_concealed) {
            painter->fillRect(cellsRect(0, 0, m_rows, m_columns), concealedCellColor);
        } else if (cellWidth >= minimumHatchedCell && cellHeight >= minimumHatchedCell) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(QBrush(maskedHatchColor(), Qt::BDiagPattern));
            for (const QRect &run : m_maskedRuns)
                painter->drawRect(cellsRect(run.y(), run.x(), run.height(), run.width()));
        }

        if (cellWidth >= minimumSeparatedCell && cellHeight >= minimumSeparatedCell) {
            const double width = std::min(cellWidth, cellHeight) >= 40.0 ? 2.0 : 1.0;
            painter->setPen(QPen(separatorColor, width, Qt::SolidLine, Qt::FlatCap));
            const QRectF all = cellsRect(0, 0, m_rows, m_columns);
            for (int column = 1; column < m_columns; ++column) {
                const double x = std::round(m_columnAxis->coordToPixel(column - 0.5));
                painter->drawLine(QLineF(x, all.top(), x, all.bottom()));
            }
            for (int row = 1; row < m_rows; ++row) {
                const double y = std::round(m_rowAxis->coordToPixel(row - 0.5));
                painter->drawLine(QLineF(all.left(), y, all.right(), y));
            }
        }
        painter->setPen(QPen(outlineColor, 1.0));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(cellsRect(0, 0, m_rows, m_columns).normalized().adjusted(0, 0, -1, -1));
    }

private:
    QRectF cellsRect(int row, int column, int rowCount, int columnCount) const
    {
        const QPointF a(m_columnAxis->coordToPixel(column - 0.5),
                        m_rowAxis->coordToPixel(row - 0.5));
        const QPointF b(m_columnAxis->coordToPixel(column + columnCount - 0.5),
                        m_rowAxis->coordToPixel(row + rowCount - 0.5));
        return QRectF(a, b).normalized();
    }

    QPointer<QCPAxis> m_columnAxis;
    QPointer<QCPAxis> m_rowAxis;
    int m_rows = 0;
    int m_columns = 0;
    QVector<QRect> m_maskedRuns; ///< x = first column, y = row, width = length, height = 1
    bool m_concealed = false;
};

HeatmapView::HeatmapView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new HeatmapPlot(this);
    layout->addWidget(m_plot);

    m_plot->setInteractions(QCP::Interactions()); // no zoom, no drag, no selection
    m_plot->setMouseTracking(true);
    m_plot->installEventFilter(this);

    // Layout: the matrix and its colour scale side by side; setTitle() puts a
    // row with the title above them.
    auto *plotLayout = m_plot->plotLayout();
    m_titleElement = new QCPTextElement(m_plot);
    m_titleElement->setMargins(QMargins(4, 6, 4, 2));
    m_titleElement->setVisible(false);
    m_colorScale = new QCPColorScale(m_plot);
    m_colorScale->setType(QCPAxis::atRight);
    m_colorScale->setBarWidth(12);
    plotLayout->addElement(0, 1, m_colorScale);
    plotLayout->setColumnSpacing(8);
    auto *marginGroup = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, marginGroup);
    m_colorScale->setMarginGroup(QCP::msTop | QCP::msBottom, marginGroup);

    // Rows on the left axis (row 0 on top), columns on the top axis, as a
    // matrix is written. Ticks are only there to carry the token names.
    m_rowTicker = QSharedPointer<QCPAxisTickerText>::create();
    m_columnTicker = QSharedPointer<QCPAxisTickerText>::create();
    m_plot->xAxis->setVisible(false);
    m_plot->yAxis2->setVisible(false);
    m_plot->xAxis2->setVisible(true);
    for (QCPAxis *axis : m_plot->axisRect()->axes()) {
        axis->grid()->setVisible(false);
        axis->grid()->setSubGridVisible(false);
    }
    for (QCPAxis *axis : {rowAxis(), columnAxis()}) {
        axis->setTicker(axis == rowAxis() ? m_rowTicker : m_columnTicker);
        axis->setTickLength(0, 0);
        axis->setSubTicks(false);
        axis->setBasePen(Qt::NoPen);
        axis->setTickPen(Qt::NoPen);
        axis->setTickLabelPadding(5);
        axis->setLabelPadding(6);
        axis->setRange(-0.5, 0.5);
    }
    rowAxis()->setRangeReversed(true);
    m_colorScaleTicker = QSharedPointer<QCPAxisTickerText>::create();
    m_colorScale->axis()->setTicker(m_colorScaleTicker);
    m_colorScale->axis()->setTickLabelPadding(4);
    m_colorScale->axis()->setLabelPadding(6);

    m_colorMap = new QCPColorMap(columnAxis(), rowAxis());
    m_colorMap->setInterpolate(false);
    m_colorMap->setTightBoundary(false);
    // The map adopts the scale's gradient and range: set ours afterwards.
    m_colorMap->setColorScale(m_colorScale);
    m_gradient = viridisGradient();
    m_colorMap->setGradient(m_gradient);
    m_colorMap->setDataRange(m_range);
    rebuildColorScaleTicks();

    m_overlay = new HeatmapCellOverlay(m_plot);
    m_overlay->setClipAxisRect(m_plot->axisRect());

    m_placeholder = new QCPItemText(m_plot);
    m_placeholder->setSelectable(false);
    m_placeholder->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_placeholder->position->setAxisRect(m_plot->axisRect());
    m_placeholder->position->setCoords(0.5, 0.5);
    m_placeholder->setPositionAlignment(Qt::AlignCenter);
    m_placeholder->setColor(concealedTextColor);
    m_placeholder->setVisible(false);

    m_plot->addLayer(QStringLiteral("highlights"), m_plot->layer(QStringLiteral("main")),
                     QCustomPlot::limAbove);
    m_highlightLayer = m_plot->layer(QStringLiteral("highlights"));

    connect(m_plot, &QCustomPlot::mouseMove, this,
            [this](QMouseEvent *event) { setHoveredCell(cellAt(event->position())); });
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        m_pressedCell =
            event->button() == Qt::LeftButton ? cellAt(event->position()) : QPoint(-1, -1);
    });
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *event) {
        if (event->button() != Qt::LeftButton)
            return;
        const QPoint cell = cellAt(event->position());
        const QPoint pressed = std::exchange(m_pressedCell, QPoint(-1, -1));
        if (cell.x() >= 0 && cell == pressed)
            emit cellClicked(cell.y(), cell.x());
    });

    applyFonts();
    refreshConcealment();
    scheduleReplot();
}

HeatmapView::~HeatmapView() = default;

QCPAxis *HeatmapView::rowAxis() const
{
    return m_plot->yAxis;
}

QCPAxis *HeatmapView::columnAxis() const
{
    return m_plot->xAxis2;
}

void HeatmapView::setMatrix(const Matrix &values, const QStringList &rowLabels,
                            const QStringList &columnLabels, ColorScheme scheme,
                            const MaskMatrix *mask)
{
    const int rows = int(values.rows());
    const int columns = int(values.cols());
    const bool shapeChanged = rows != rowCount() || columns != columnCount();
    const QStringList completeRowLabels = completeLabels(rowLabels, rows);
    const QStringList completeColumnLabels = completeLabels(columnLabels, columns);
    const bool labelsChanged =
        completeRowLabels != m_rowLabels || completeColumnLabels != m_columnLabels;

    const bool maskUsable = mask && mask->rows() == rows && mask->cols() == columns;
    if (mask && !maskUsable)
        qWarning("HeatmapView: a %dx%d mask does not fit a %dx%d matrix; ignored",
                 int(mask->rows()), int(mask->cols()), rows, columns);

    m_values = values;
    m_scheme = scheme;
    m_masked.assign(std::size_t(rows) * std::size_t(columns), false);
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < columns; ++column) {
            m_masked[std::size_t(row) * columns + column] =
                isMinusInfinity(values(row, column)) ||
                (maskUsable && (*mask)(row, column) != MaskReason::Visible);
        }
    }

    if (shapeChanged) {
        columnAxis()->setRange(-0.5, std::max(columns, 1) - 0.5);
        rowAxis()->setRange(-0.5, std::max(rows, 1) - 0.5);
    }
    if (labelsChanged) {
        m_rowLabels = completeRowLabels;
        m_columnLabels = completeColumnLabels;
        rebuildTickers();
    }
    refreshCells();
    refreshValueLabels();
    refreshHighlights();
    if (shapeChanged && (m_hoveredCell.x() >= columns || m_hoveredCell.y() >= rows))
        setHoveredCell(QPoint(-1, -1));
    scheduleReplot();
}

void HeatmapView::clear()
{
    setMatrix(Matrix(), {}, {}, m_scheme);
}

void HeatmapView::setTitle(const QString &title)
{
    m_titleElement->setText(title);
    // Without a title the row goes, or it would keep an empty band on top.
    auto *plotLayout = m_plot->plotLayout();
    const bool shown = m_titleElement->layout() != nullptr;
    if (title.isEmpty() && shown) {
        plotLayout->take(m_titleElement);
        plotLayout->simplify();
    } else if (!title.isEmpty() && !shown) {
        plotLayout->insertRow(0);
        plotLayout->addElement(0, 0, m_titleElement);
    }
    m_titleElement->setVisible(!title.isEmpty());
    setAccessibleName(title);
    scheduleReplot();
}

QString HeatmapView::title() const
{
    return m_titleElement->text();
}

void HeatmapView::setColorMaps(ColorMap probabilities, ColorMap signedValues)
{
    const ColorMap probabilityMap =
        suitsProbabilities(probabilities) ? probabilities : m_probabilityMap;
    const ColorMap signedMap = suitsSignedValues(signedValues) ? signedValues : m_signedMap;
    if (probabilityMap == m_probabilityMap && signedMap == m_signedMap)
        return;
    m_probabilityMap = probabilityMap;
    m_signedMap = signedMap;
    refreshCells();
    refreshValueLabels(); // black or white text follows the cell colours
    scheduleReplot();
}

void HeatmapView::setColorMap(ColorMap map)
{
    setColorMaps(suitsProbabilities(map) ? map : m_probabilityMap,
                 suitsSignedValues(map) ? map : m_signedMap);
}

void HeatmapView::setAxisTitles(const QString &rows, const QString &columns)
{
    m_rowsTitle = rows;
    m_columnsTitle = columns;
    applyAxisTitles();
    scheduleReplot();
}

void HeatmapView::setColorScaleLabel(const QString &label)
{
    m_colorScale->setLabel(label);
    scheduleReplot();
}

void HeatmapView::setInkColor(const QColor &color)
{
    for (QCPAxis *axis : {rowAxis(), columnAxis(), m_colorScale->axis()}) {
        axis->setTickLabelColor(color);
        axis->setLabelColor(color);
    }
    m_titleElement->setTextColor(color);
    scheduleReplot();
}

void HeatmapView::setValueLabels(ValueLabels mode)
{
    if (mode == m_valueLabelMode)
        return;
    m_valueLabelMode = mode;
    refreshValueLabels();
    scheduleReplot();
}

void HeatmapView::setValueLabelCellLimit(int cells)
{
    m_valueLabelCellLimit = std::clamp(cells, 0, hardValueLabelLimit);
    refreshValueLabels();
    scheduleReplot();
}

void HeatmapView::setDecimals(int decimals)
{
    m_decimals = std::clamp(decimals, 0, 10);
    refreshValueLabels();
    scheduleReplot();
}

void HeatmapView::setHighlights(const QVector<Highlight> &regions)
{
    if (regions == m_highlights)
        return;
    m_highlights = regions;
    refreshHighlights();
    scheduleReplot();
}

void HeatmapView::clearHighlights()
{
    setHighlights({});
}

void HeatmapView::setConcealed(bool concealed)
{
    if (concealed == m_concealed)
        return;
    m_concealed = concealed;
    refreshConcealment();
    refreshValueLabels();
    scheduleReplot();
}

double HeatmapView::cellValue(int row, int column) const
{
    if (row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return std::numeric_limits<double>::quiet_NaN();
    return m_colorMap->data()->cell(column, row);
}

bool HeatmapView::cellIsMasked(int row, int column) const
{
    if (row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return false;
    return m_masked[std::size_t(row) * columnCount() + column];
}

QString HeatmapView::cellLabel(int row, int column) const
{
    if (row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    if (m_concealed)
        return tr("?", "value of a cell the learner has not computed yet");
    // A masked score is −∞; a masked weight is exactly 0, and says so: the
    // hatching shows why it is 0.
    if (cellIsMasked(row, column) && !std::isfinite(m_values(row, column)))
        return tr("−∞", "a masked cell");
    return formatValue(m_values(row, column));
}

QColor HeatmapView::cellColor(int row, int column) const
{
    if (m_concealed)
        return concealedCellColor;
    const double value = cellValue(row, column);
    if (std::isnan(value))
        return maskedCellColor();
    return QColor::fromRgba(m_gradient.color(value, m_range));
}

QColor HeatmapView::cellLabelColor(int row, int column) const
{
    if (m_concealed)
        return concealedTextColor;
    return readableTextColor(cellColor(row, column));
}

QRect HeatmapView::highlightCells(int index) const
{
    return m_drawnHighlights.value(index);
}

QPoint HeatmapView::cellAt(const QPointF &plotPosition) const
{
    const int rows = rowCount();
    const int columns = columnCount();
    if (rows == 0 || columns == 0 || !m_plot->axisRect()->rect().contains(plotPosition.toPoint()))
        return {-1, -1};
    // Cells are centred on integers: cell j spans [j − 0.5, j + 0.5).
    const double column = columnAxis()->pixelToCoord(plotPosition.x());
    const double row = rowAxis()->pixelToCoord(plotPosition.y());
    if (column < -0.5 || column >= columns - 0.5 || row < -0.5 || row >= rows - 0.5)
        return {-1, -1};
    return {std::clamp(int(std::floor(column + 0.5)), 0, columns - 1),
            std::clamp(int(std::floor(row + 0.5)), 0, rows - 1)};
}

QSize HeatmapView::sizeHint() const
{
    return {420, 340};
}

QSize HeatmapView::minimumSizeHint() const
{
    return {220, 200};
}

void HeatmapView::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
    case QEvent::LocaleChange:
        refreshConcealment();
        refreshValueLabels();
        rebuildColorScaleTicks();
        scheduleReplot();
        break;
    case QEvent::FontChange:
        applyFonts();
        rebuildTickers();
        scheduleReplot();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

void HeatmapView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    watchScreen();
}

bool HeatmapView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::Leave)
        setHoveredCell(QPoint(-1, -1));
    return QWidget::eventFilter(watched, event);
}

bool HeatmapView::adaptToLayout()
{
    if (!m_placeholder)
        return false; // still being built
    const int rows = rowCount();
    const int columns = columnCount();
    const QRect area = m_plot->axisRect()->rect();
    bool relayout = false;
    bool labelsShown = false;
    double pointSize = 0.0;

    if (rows > 0 && columns > 0 && area.width() > 0 && area.height() > 0) {
        const double cellWidth = double(area.width()) / columns;
        const double cellHeight = double(area.height()) / rows;
        const double lineHeight = QFontMetricsF(m_tickFont).height();

        // Column names side by side while they fit in a cell, in a slightly
        // smaller font if that is all it takes (upright names eat the height
        // the cells need for their numbers); else upright, and then only
        // every k-th name, so that neighbours never overlap.
        const double baseSize = m_tickFont.pointSizeF();
        const double fittingSize =
            m_widestColumnLabel > 0 ? std::floor(baseSize * (cellWidth - 4) / m_widestColumnLabel)
                                    : baseSize;
        const bool rotated = fittingSize < smallestColumnNamePointSize;
        const double columnSize = rotated ? baseSize : std::min(baseSize, fittingSize);
        const int columnStep =
            rotated ? std::max(1, int(std::ceil((lineHeight + 2) / cellWidth))) : 1;
        const int rowStep = std::max(1, int(std::ceil((lineHeight + 2) / cellHeight)));
        if (rotated != m_columnLabelsRotated || columnStep != m_columnLabelStep ||
            rowStep != m_rowLabelStep || columnSize != columnAxis()->tickLabelFont().pointSizeF()) {
            m_columnLabelsRotated = rotated;
            m_columnLabelStep = columnStep;
            m_rowLabelStep = rowStep;
            columnAxis()->setTickLabelRotation(rotated ? -90 : 0);
            QFont columnFont = m_tickFont;
            columnFont.setPointSizeF(columnSize);
            columnAxis()->setTickLabelFont(columnFont);
            rebuildTickers();
            relayout = true;
        }
        // The colour scale names its ends and its middle; the quarters of a
        // probability too when there is room for them.
        const int scaleDivisions =
            m_scheme == ColorScheme::Probability && area.height() >= 8 * lineHeight ? 4 : 2;
        if (scaleDivisions != m_colorScaleDivisions) {
            m_colorScaleDivisions = scaleDivisions;
            rebuildColorScaleTicks();
            relayout = true;
        }

        // Value labels at the largest size that fits (readable from the back
        // of a classroom), never below smallestPointSize.
        if (m_valueLabelCount > 0) {
            // A larger base font (an exported figure) allows larger numbers.
            const double largest = std::max(largestValuePointSize, baseSize + 3.0);
            for (double size = largest; size >= smallestPointSize; size -= 1.0) {
                QFont font = m_valueFont;
                font.setPointSizeF(size);
                const QFontMetricsF metrics(font);
                if (metrics.horizontalAdvance(m_widestValueLabel) + 4 <= cellWidth &&
                    metrics.height() + 2 <= cellHeight) {
                    pointSize = size;
                    break;
                }
            }
            if (m_valueLabelMode == ValueLabels::On) {
                labelsShown = true;
                pointSize = std::max(pointSize, smallestPointSize);
            } else {
                labelsShown = pointSize > 0 && cellWidth >= minimumLabelledCell &&
                              cellHeight >= minimumLabelledCell;
            }
        }
    }
    applyValueLabelVisibility(labelsShown, pointSize);
    m_placeholder->setVisible(m_concealed && !labelsShown && rows > 0 && columns > 0);
    return relayout;
}

void HeatmapView::applyFonts()
{
    double base = font().pointSizeF();
    if (base <= 0)
        base = 10.0;
    base = std::max(base, smallestPointSize + 1.0);

    m_tickFont = font();
    m_tickFont.setPointSizeF(base);
    m_axisTitleFont = m_tickFont;
    m_axisTitleFont.setItalic(true);
    m_valueFont = font();
    QFont titleFont = font();
    titleFont.setPointSizeF(base + 2.0);
    titleFont.setBold(true);
    QFont placeholderFont = font();
    placeholderFont.setPointSizeF(36.0);
    placeholderFont.setBold(true);

    for (QCPAxis *axis : {rowAxis(), columnAxis(), m_colorScale->axis()}) {
        axis->setTickLabelFont(m_tickFont);
        axis->setLabelFont(m_axisTitleFont);
    }
    // QCustomPlot keeps 15 px around an axis rect; on the sides without tick
    // labels that is room taken from the cells. What stays: the outline of a
    // highlight on an edge cell, and half a line below the matrix for the
    // lowest number of the colour scale, which is centred on the scale's end
    // (QCustomPlot drops a tick label that would cross the widget's border).
    const int halfLine = int(std::ceil(QFontMetricsF(m_tickFont).height() / 2)) + 2;
    m_plot->axisRect()->setMinimumMargins(QMargins(4, halfLine, 4, halfLine));
    m_titleElement->setFont(titleFont);
    m_placeholder->setFont(placeholderFont);
}

void HeatmapView::applyAxisTitles()
{
    rowAxis()->setLabel(m_rowsTitle);
    columnAxis()->setLabel(m_columnsTitle);
}

void HeatmapView::rebuildTickers()
{
    const QFontMetrics metrics(m_tickFont);
    m_widestColumnLabel = 0;
    for (const QString &label : std::as_const(m_columnLabels))
        m_widestColumnLabel =
            std::max(m_widestColumnLabel, metrics.horizontalAdvance(displayedLabel(label)));

    m_rowTicker->clear();
    for (int row = 0; row < m_rowLabels.size(); row += m_rowLabelStep)
        m_rowTicker->addTick(row, displayedLabel(m_rowLabels.at(row)));
    m_columnTicker->clear();
    for (int column = 0; column < m_columnLabels.size(); column += m_columnLabelStep)
        m_columnTicker->addTick(column, displayedLabel(m_columnLabels.at(column)));
}

void HeatmapView::rebuildColorScaleTicks()
{
    // Fixed ticks at the ends of the range: a learner reads the range off the
    // scale, which a "nice" ticker would round away (±8.08 shown as ±5).
    QLocale locale = this->locale();
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    m_colorScaleTicker->clear();
    for (int i = 0; i <= m_colorScaleDivisions; ++i) {
        const double value = m_range.lower + m_range.size() * i / m_colorScaleDivisions;
        // Exactly 0 in the middle of a symmetric range, never -1e-17.
        const double shown = std::abs(value) < 1e-12 * m_range.size() ? 0.0 : value;
        m_colorScaleTicker->addTick(value, locale.toString(shown, 'g', 3));
    }
}

void HeatmapView::refreshCells()
{
    const int rows = rowCount();
    const int columns = columnCount();

    if (m_scheme == ColorScheme::Probability) {
        m_range = QCPRange(0.0, 1.0);
    } else {
        double largest = 0.0;
        for (int row = 0; row < rows; ++row) {
            for (int column = 0; column < columns; ++column) {
                const double value = m_values(row, column);
                if (std::isfinite(value) && !cellIsMasked(row, column))
                    largest = std::max(largest, std::abs(value));
            }
        }
        // QCPRange refuses spans below 1e-280 and above 1e250.
        if (!(largest > 1e-200))
            largest = 1.0;
        largest = std::min(largest, 1e249);
        m_range = QCPRange(-largest, largest);
    }
    const QCPColorGradient gradient = colorMapGradient(colorMapInUse());
    if (gradient != m_gradient) {
        m_gradient = gradient;
        m_colorMap->setGradient(m_gradient);
    }
    if (m_colorMap->dataRange() != m_range) {
        m_colorMap->setDataRange(m_range);
        rebuildColorScaleTicks();
    }

    QCPColorMapData *data = m_colorMap->data();
    if (data->keySize() != columns || data->valueSize() != rows)
        data->setSize(columns, rows);
    // One cell: a range of zero width draws nothing, so span the cell itself.
    data->setRange(columns == 1 ? QCPRange(-0.5, 0.5) : QCPRange(0, columns - 1),
                   rows == 1 ? QCPRange(-0.5, 0.5) : QCPRange(0, rows - 1));

    QVector<QRect> maskedRuns;
    for (int row = 0; row < rows; ++row) {
        int runStart = -1;
        for (int column = 0; column <= columns; ++column) {
            const bool masked = column < columns && cellIsMasked(row, column);
            if (masked && runStart < 0)
                runStart = column;
            if (!masked && runStart >= 0) {
                maskedRuns << QRect(runStart, row, column - runStart, 1);
                runStart = -1;
            }
            if (column == columns)
                break;
            // +∞ and numbers beyond the range would be drawn in the lowest
            // colour (QCustomPlot casts them to int): clamp them to the scale.
            const double value = m_values(row, column);
            data->setCell(column, row,
                          masked || std::isnan(value)
                              ? std::numeric_limits<double>::quiet_NaN()
                              : std::clamp(value, m_range.lower, m_range.upper));
        }
    }
    m_overlay->setCells(columnAxis(), rowAxis(), rows, columns, std::move(maskedRuns), m_concealed);
}

void HeatmapView::refreshValueLabels()
{
    const int cells = rowCount() * columnCount();
    const int limit = m_valueLabelMode == ValueLabels::Auto ? m_valueLabelCellLimit
                      : m_valueLabelMode == ValueLabels::On ? hardValueLabelLimit
                                                            : 0;
    m_valueLabelCount = cells <= limit ? cells : 0;

    // Items are kept and reused: creating or deleting thousands of them per
    // edit would cost more than the rest of the repaint.
    while (m_valueLabelItems.size() < m_valueLabelCount) {
        auto *item = new QCPItemText(m_plot);
        item->setSelectable(false);
        item->setClipToAxisRect(true);
        item->setClipAxisRect(m_plot->axisRect());
        item->position->setType(QCPItemPosition::ptPlotCoords);
        item->position->setAxes(columnAxis(), rowAxis());
        item->setPositionAlignment(Qt::AlignCenter);
        item->setPadding(QMargins());
        item->setVisible(false);
        m_valueLabelItems << item;
    }

    const int columns = columnCount();
    m_widestValueLabel.clear();
    for (int index = 0; index < m_valueLabelCount; ++index) {
        const int row = index / columns;
        const int column = index % columns;
        QCPItemText *item = m_valueLabelItems.at(index);
        const QString text = cellLabel(row, column);
        item->position->setCoords(column, row);
        item->setText(text);
        item->setColor(cellLabelColor(row, column));
        if (text.size() > m_widestValueLabel.size())
            m_widestValueLabel = text;
    }
    for (int index = m_valueLabelCount; index < m_valueLabelItems.size(); ++index)
        m_valueLabelItems.at(index)->setVisible(false);
}

void HeatmapView::applyValueLabelVisibility(bool shown, double pointSize)
{
    m_valueLabelsShown = shown;
    QFont font = m_valueFont;
    if (pointSize > 0)
        font.setPointSizeF(pointSize);
    for (int index = 0; index < m_valueLabelCount; ++index) {
        QCPItemText *item = m_valueLabelItems.at(index);
        item->setVisible(shown);
        if (shown && item->font() != font)
            item->setFont(font);
    }
}

void HeatmapView::refreshHighlights()
{
    const int rows = rowCount();
    const int columns = columnCount();
    m_drawnHighlights.clear();
    for (const Highlight &region : std::as_const(m_highlights)) {
        if (region.row >= rows || region.column >= columns || rows == 0 || columns == 0)
            continue; // not part of this matrix
        const int firstRow = region.row < 0 ? 0 : region.row;
        const int firstColumn = region.column < 0 ? 0 : region.column;
        m_drawnHighlights << QRect(firstColumn, firstRow, region.column < 0 ? columns : 1,
                                   region.row < 0 ? rows : 1);
    }

    // Two rectangles per region: a dark halo under an orange line, so the
    // outline stands out on yellow, red and white cells alike.
    while (m_highlightItems.size() < 2 * m_drawnHighlights.size()) {
        const bool halo = m_highlightItems.size() % 2 == 0;
        auto *item = new QCPItemRect(m_plot);
        item->setLayer(m_highlightLayer);
        item->setSelectable(false);
        item->setClipToAxisRect(false);
        item->setBrush(Qt::NoBrush);
        QPen pen(halo ? highlightHaloColor : highlightColor, halo ? 6.0 : 3.0);
        pen.setJoinStyle(Qt::MiterJoin);
        item->setPen(pen);
        for (QCPItemPosition *corner : {item->topLeft, item->bottomRight}) {
            corner->setType(QCPItemPosition::ptPlotCoords);
            corner->setAxes(columnAxis(), rowAxis());
        }
        m_highlightItems << item;
    }
    for (int index = 0; index < m_highlightItems.size(); ++index) {
        QCPItemRect *item = m_highlightItems.at(index);
        const int region = index / 2;
        item->setVisible(region < m_drawnHighlights.size());
        if (region >= m_drawnHighlights.size())
            continue;
        const QRect cells = m_drawnHighlights.at(region);
        item->topLeft->setCoords(cells.left() - 0.5, cells.top() - 0.5);
        item->bottomRight->setCoords(cells.right() + 0.5, cells.bottom() + 0.5);
    }
}

void HeatmapView::refreshConcealment()
{
    m_colorMap->setVisible(!m_concealed);
    m_colorScale->setVisible(!m_concealed);
    m_overlay->setConcealed(m_concealed);
    m_placeholder->setText(tr("?", "a stage the learner has not computed yet"));
}

void HeatmapView::setHoveredCell(const QPoint &cell)
{
    if (cell == m_hoveredCell)
        return;
    m_hoveredCell = cell;
    emit cellHovered(cell.y(), cell.x());
}

void HeatmapView::watchScreen()
{
    QWindow *window = this->window()->windowHandle();
    if (window != m_watchedWindow) {
        if (m_watchedWindow)
            disconnect(m_watchedWindow, nullptr, this, nullptr);
        m_watchedWindow = window;
        if (window) {
            connect(window, &QWindow::screenChanged, this, [this] {
                m_plot->setBufferDevicePixelRatio(devicePixelRatioF());
                scheduleReplot();
            });
        }
    }
    if (m_plot->bufferDevicePixelRatio() != devicePixelRatioF()) {
        m_plot->setBufferDevicePixelRatio(devicePixelRatioF());
        scheduleReplot();
    }
}

void HeatmapView::scheduleReplot()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString HeatmapView::formatValue(double value) const
{
    if (std::isnan(value))
        return tr("NaN", "an undefined value");
    if (std::isinf(value))
        return value > 0 ? tr("∞") : tr("−∞", "a masked cell");
    QLocale locale = this->locale();
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    if (value == std::round(value) && std::abs(value) < 1e15)
        return locale.toString(qint64(value));
    if (std::abs(value) >= 1e6)
        return locale.toString(value, 'g', 3);
    // A small negative number would print as "-0.00".
    if (std::abs(value) < 0.5 * std::pow(10.0, -m_decimals))
        value = 0.0;
    return locale.toString(value, 'f', m_decimals);
}

QString HeatmapView::displayedLabel(const QString &label) const
{
    return QFontMetrics(m_tickFont).elidedText(label, Qt::ElideRight, longestTickLabel);
}

} // namespace attn::ui
