#include "heatmap_view.h"

#include "color_maps.h"
#include "heatmap_cell_overlay.h"
#include "heatmap_highlights.h"
#include "heatmap_labels.h"
#include "heatmap_range_menu.h"

#include <QContextMenuEvent>
#include <QEvent>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QShowEvent>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace attn::ui {

namespace {

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

HeatmapView::HeatmapView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new HeatmapPlot(this);
    layout->addWidget(m_plot);
    m_plot->installEventFilter(this);

    m_gradient = viridisGradient();
    m_plot->colorMap()->setGradient(m_gradient);
    m_plot->colorMap()->setDataRange(m_range);
    m_overlay = new HeatmapCellOverlay(m_plot);
    m_overlay->setClipAxisRect(m_plot->axisRect());
    m_labels = std::make_unique<HeatmapLabels>(*this, m_plot);
    m_labels->rebuildColorScaleTicks();
    m_drawnHighlights = std::make_unique<HeatmapHighlights>(m_plot);

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

    m_labels->applyFonts();
    m_ink = HeatmapInk::fromPalette(palette());
    applyInk();
    refreshConcealment();
    m_plot->setLayoutAdapter([this] { return m_labels->adaptToLayout(); });
    scheduleReplot();
}

HeatmapView::~HeatmapView()
{
    // The plot outlives the labels (it is a child widget): it must not call them.
    m_plot->setLayoutAdapter({});
}

QCPAxis *HeatmapView::rowAxis() const
{
    return m_plot->rowAxis();
}

QCPAxis *HeatmapView::columnAxis() const
{
    return m_plot->columnAxis();
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
    const bool labelsChanged = completeRowLabels != m_labels->rowNames() ||
                               completeColumnLabels != m_labels->columnNames();

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
    if (labelsChanged)
        m_labels->setTokenNames(completeRowLabels, completeColumnLabels);
    refreshCells();
    const qsizetype widestBefore = m_labels->widestValueLabel().size();
    m_labels->refreshValueLabels();
    refreshHighlights();
    // The readable size depends on the shape, the names and the widest number.
    if (shapeChanged || labelsChanged || widestBefore != m_labels->widestValueLabel().size())
        updateGeometry();
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
    m_plot->setTitle(title);
    setAccessibleName(title);
    scheduleReplot();
}

QString HeatmapView::title() const
{
    return m_plot->titleElement()->text();
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
    m_labels->refreshValueLabels(); // black or white text follows the cell colours
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
    rowAxis()->setLabel(m_rowsTitle);
    columnAxis()->setLabel(m_columnsTitle);
    scheduleReplot();
}

void HeatmapView::setColorScaleLabel(const QString &label)
{
    m_colorScaleLabel = label;
    m_plot->colorScale()->setLabel(colorScaleText());
    scheduleReplot();
}

QString HeatmapView::colorScaleText() const
{
    return m_colorRange.scaleLabel(m_colorScaleLabel, locale());
}

void HeatmapView::setInkColor(const QColor &color)
{
    m_inkFollowsPalette = false;
    m_ink = HeatmapInk::printed(color);
    applyInk();
}

void HeatmapView::setWeightsRange(WeightsRange range)
{
    if (range == m_colorRange.weightsRange())
        return;
    m_colorRange.setWeightsRange(range);
    refreshColorRange();
}

void HeatmapView::setSignedRange(SignedRange range)
{
    if (range == m_colorRange.signedRange())
        return;
    m_colorRange.setSignedRange(range);
    refreshColorRange();
}

void HeatmapView::lockSignedRange(double bound)
{
    m_colorRange.lockSignedRange(bound);
    refreshColorRange();
}

void HeatmapView::setValueLabels(ValueLabels mode)
{
    if (mode == m_valueLabelMode)
        return;
    m_valueLabelMode = mode;
    m_labels->refreshValueLabels();
    updateGeometry();
    scheduleReplot();
}

void HeatmapView::setValueLabelCellLimit(int cells)
{
    m_valueLabelCellLimit = std::clamp(cells, 0, hardValueLabelLimit);
    m_labels->refreshValueLabels();
    updateGeometry();
    scheduleReplot();
}

void HeatmapView::setDecimals(int decimals)
{
    m_decimals = std::clamp(decimals, 0, 10);
    m_labels->refreshValueLabels();
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
    m_labels->refreshValueLabels();
    scheduleReplot();
}

double HeatmapView::cellValue(int row, int column) const
{
    if (row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return std::numeric_limits<double>::quiet_NaN();
    return m_plot->colorMap()->data()->cell(column, row);
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
    return HeatmapLabels::valueText(m_values(row, column), m_decimals, locale());
}

QColor HeatmapView::cellColor(int row, int column) const
{
    if (m_concealed)
        return m_ink.concealedFill;
    const double value = cellValue(row, column);
    if (std::isnan(value))
        return m_ink.maskedFill;
    return QColor::fromRgba(m_gradient.color(value, m_range));
}

QColor HeatmapView::cellLabelColor(int row, int column) const
{
    if (m_concealed)
        return m_ink.concealedText;
    return readableTextColor(cellColor(row, column));
}

bool HeatmapView::valueLabelsVisible() const
{
    return m_labels->valueLabelsShown();
}

int HeatmapView::highlightCount() const
{
    return m_drawnHighlights->count();
}

QRect HeatmapView::highlightCells(int index) const
{
    return m_drawnHighlights->cells(index);
}

QPoint HeatmapView::cellAt(const QPointF &plotPosition) const
{
    return m_plot->cellAt(plotPosition, rowCount(), columnCount());
}

QSize HeatmapView::sizeHint() const
{
    return {420, 340};
}

QSize HeatmapView::minimumSizeHint() const
{
    // Room for every number and name, only where the numbers come and go with
    // the room (Auto): a figure that forces them (On) is sized by its exporter.
    const bool labelled = m_valueLabelMode == ValueLabels::Auto &&
                          rowCount() * columnCount() <= m_valueLabelCellLimit;
    return labelled ? QSize(220, 200).expandedTo(m_labels->readableSize()) : QSize(220, 200);
}

void HeatmapView::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
    case QEvent::LocaleChange:
        refreshConcealment();
        m_labels->refreshValueLabels();
        m_labels->rebuildColorScaleTicks();
        scheduleReplot();
        break;
    case QEvent::PaletteChange:
        if (m_inkFollowsPalette) {
            m_ink = HeatmapInk::fromPalette(palette());
            applyInk();
        }
        break;
    case QEvent::FontChange:
        m_labels->applyFonts();
        m_labels->rebuildTokenNames();
        scheduleReplot();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

void HeatmapView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.setAccessibleName(tr("Heatmap"));
    menu.addMenu(createColorRangeMenu(*this, &menu));
    menu.exec(event->globalPos());
    event->accept();
}

void HeatmapView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_plot->followScreen();
}

bool HeatmapView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::Leave)
        setHoveredCell(QPoint(-1, -1));
    // QCustomPlot keeps mouse events, a right click's menu too, from its parent.
    if (watched == m_plot && event->type() == QEvent::ContextMenu) {
        contextMenuEvent(static_cast<QContextMenuEvent *>(event));
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void HeatmapView::refreshCells()
{
    const int rows = rowCount();
    const int columns = columnCount();

    m_colorRange.fit(m_values, m_masked, m_scheme == ColorScheme::Probability);
    m_range = m_colorRange.range();
    m_plot->colorScale()->setLabel(colorScaleText());
    QCPColorMap *colorMap = m_plot->colorMap();
    QCPColorGradient gradient = colorMapGradient(colorMapInUse());
    gradient.setNanColor(m_ink.maskedFill);
    if (gradient != m_gradient) {
        m_gradient = gradient;
        colorMap->setGradient(m_gradient);
    }
    if (colorMap->dataRange() != m_range) {
        colorMap->setDataRange(m_range);
        m_labels->rebuildColorScaleTicks();
    }

    QCPColorMapData *data = colorMap->data();
    if (data->keySize() != columns || data->valueSize() != rows)
        data->setSize(columns, rows);
    // One cell: a range of zero width draws nothing, so span the cell itself.
    data->setRange(columns == 1 ? QCPRange(-0.5, 0.5) : QCPRange(0, columns - 1),
                   rows == 1 ? QCPRange(-0.5, 0.5) : QCPRange(0, rows - 1));

    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < columns; ++column) {
            const double value = m_values(row, column);
            data->setCell(column, row,
                          cellIsMasked(row, column) || std::isnan(value)
                              ? std::numeric_limits<double>::quiet_NaN()
                              : m_colorRange.mapped(row, value));
        }
    }
    m_overlay->setCells(columnAxis(), rowAxis(), rows, columns, m_masked, m_concealed);
}

void HeatmapView::refreshHighlights()
{
    m_drawnHighlights->show(m_highlights, rowCount(), columnCount());
}

/// After a change of mode the range may stay (0 to 1 in both weights modes)
/// while its ticks and the cells do not.
void HeatmapView::refreshColorRange()
{
    refreshCells();
    m_labels->rebuildColorScaleTicks();
    m_labels->refreshValueLabels(); // black or white text follows the cell colours
    scheduleReplot();
    emit colorRangeChanged();
}

void HeatmapView::applyInk()
{
    m_ink.applyTo(*m_plot);
    m_overlay->setInk(m_ink);
    m_drawnHighlights->setHaloColor(m_ink.highlightHalo);
    m_labels->setPlaceholderColor(m_ink.concealedText);
    refreshCells(); // the colour of masked cells
    m_labels->refreshValueLabels();
    scheduleReplot();
}

void HeatmapView::refreshConcealment()
{
    m_plot->colorMap()->setVisible(!m_concealed);
    m_plot->colorScale()->setVisible(!m_concealed);
    m_overlay->setConcealed(m_concealed);
    m_labels->setPlaceholderText(tr("?", "a stage the learner has not computed yet"));
}

void HeatmapView::setHoveredCell(const QPoint &cell)
{
    if (cell == m_hoveredCell)
        return;
    m_hoveredCell = cell;
    emit cellHovered(cell.y(), cell.x());
}

void HeatmapView::scheduleReplot()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace attn::ui
