#include "heatmap_labels.h"

#include "color_maps.h"
#include "heatmap_plot.h"
#include "heatmap_view.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <utility>

namespace attn::ui {

namespace {

// Value labels in Auto mode need cells at least this large (pixels).
constexpr double minimumLabelledCell = 24.0;
constexpr double smallestPointSize = 9.0;
/// Column names may shrink to this before they are turned upright.
constexpr double smallestColumnNamePointSize = 8.0;
constexpr double largestValuePointSize = 13.0;
// Token names longer than this (pixels) are elided.
constexpr int longestTickLabel = 140;

} // namespace

QString HeatmapLabels::valueText(double value, int decimals, const QLocale &locale)
{
    // The view's own context, where the translations of these texts live.
    const auto tr = [](const char *text, const char *comment = nullptr) {
        return QCoreApplication::translate("attn::ui::HeatmapView", text, comment);
    };
    if (std::isnan(value))
        return tr("NaN", "an undefined value");
    if (std::isinf(value))
        return value > 0 ? tr("∞") : tr("−∞", "a masked cell");
    QLocale plain = locale;
    plain.setNumberOptions(QLocale::OmitGroupSeparator);
    if (value == std::round(value) && std::abs(value) < 1e15)
        return plain.toString(qint64(value));
    if (std::abs(value) >= 1e6)
        return plain.toString(value, 'g', 3);
    // A small negative number would print as "-0.00".
    if (std::abs(value) < 0.5 * std::pow(10.0, -decimals))
        value = 0.0;
    return plain.toString(value, 'f', decimals);
}

HeatmapLabels::HeatmapLabels(const HeatmapView &view, HeatmapPlot *plot)
    : m_view(view), m_plot(plot), m_rowTicker(QSharedPointer<QCPAxisTickerText>::create()),
      m_columnTicker(QSharedPointer<QCPAxisTickerText>::create()),
      m_colorScaleTicker(QSharedPointer<QCPAxisTickerText>::create())
{
    m_plot->rowAxis()->setTicker(m_rowTicker);
    m_plot->columnAxis()->setTicker(m_columnTicker);
    m_plot->colorScale()->axis()->setTicker(m_colorScaleTicker);

    m_placeholder = new QCPItemText(m_plot);
    m_placeholder->setSelectable(false);
    m_placeholder->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_placeholder->position->setAxisRect(m_plot->axisRect());
    m_placeholder->position->setCoords(0.5, 0.5);
    m_placeholder->setPositionAlignment(Qt::AlignCenter);
    m_placeholder->setVisible(false);
}

void HeatmapLabels::applyFonts()
{
    const QFont font = m_view.font();
    double base = font.pointSizeF();
    if (base <= 0)
        base = 10.0;
    base = std::max(base, smallestPointSize + 1.0);

    m_tickFont = font;
    m_tickFont.setPointSizeF(base);
    m_axisTitleFont = m_tickFont;
    m_axisTitleFont.setItalic(true);
    m_valueFont = font;
    QFont titleFont = font;
    titleFont.setPointSizeF(base + 2.0);
    titleFont.setBold(true);
    QFont placeholderFont = font;
    placeholderFont.setPointSizeF(36.0);
    placeholderFont.setBold(true);

    for (QCPAxis *axis : {m_plot->rowAxis(), m_plot->columnAxis(), m_plot->colorScale()->axis()}) {
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
    m_plot->titleElement()->setFont(titleFont);
    m_placeholder->setFont(placeholderFont);
}

void HeatmapLabels::setTokenNames(const QStringList &rows, const QStringList &columns)
{
    m_rowNames = rows;
    m_columnNames = columns;
    rebuildTokenNames();
}

void HeatmapLabels::rebuildTokenNames()
{
    const QFontMetrics metrics(m_tickFont);
    m_widestColumnName = 0;
    for (const QString &name : std::as_const(m_columnNames))
        m_widestColumnName =
            std::max(m_widestColumnName, metrics.horizontalAdvance(displayedName(name)));

    m_rowTicker->clear();
    for (int row = 0; row < m_rowNames.size(); row += m_rowNameStep)
        m_rowTicker->addTick(row, displayedName(m_rowNames.at(row)));
    m_columnTicker->clear();
    for (int column = 0; column < m_columnNames.size(); column += m_columnNameStep)
        m_columnTicker->addTick(column, displayedName(m_columnNames.at(column)));
}

void HeatmapLabels::rebuildColorScaleTicks()
{
    // Fixed ticks at the ends of the range: a learner reads the range off the
    // scale, which a "nice" ticker would round away (±8.08 shown as ±5).
    const QCPRange range = m_plot->colorMap()->dataRange();
    const QLocale locale = m_view.locale();
    m_colorScaleTicker->clear();
    for (int i = 0; i <= m_colorScaleDivisions; ++i) {
        const double value = range.lower + range.size() * i / m_colorScaleDivisions;
        m_colorScaleTicker->addTick(value, m_view.colorRange().tickText(value, locale));
    }
}

void HeatmapLabels::refreshValueLabels()
{
    const int cells = m_view.rowCount() * m_view.columnCount();
    const HeatmapView::ValueLabels mode = m_view.valueLabels();
    const int limit = mode == HeatmapView::ValueLabels::Auto ? m_view.valueLabelCellLimit()
                      : mode == HeatmapView::ValueLabels::On ? HeatmapView::hardValueLabelLimit
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
        item->position->setAxes(m_plot->columnAxis(), m_plot->rowAxis());
        item->setPositionAlignment(Qt::AlignCenter);
        item->setPadding(QMargins());
        item->setVisible(false);
        m_valueLabelItems << item;
    }

    const int columns = m_view.columnCount();
    m_widestValueLabel.clear();
    for (int index = 0; index < m_valueLabelCount; ++index) {
        const int row = index / columns;
        const int column = index % columns;
        QCPItemText *item = m_valueLabelItems.at(index);
        const QString text = m_view.cellLabel(row, column);
        item->position->setCoords(column, row);
        item->setText(text);
        item->setColor(m_view.cellLabelColor(row, column));
        if (text.size() > m_widestValueLabel.size())
            m_widestValueLabel = text;
    }
    for (int index = m_valueLabelCount; index < m_valueLabelItems.size(); ++index)
        m_valueLabelItems.at(index)->setVisible(false);
}

QSizeF HeatmapLabels::readableCellSize() const
{
    QFont value = m_valueFont;
    value.setPointSizeF(smallestPointSize);
    const QFontMetricsF valueMetrics(value);
    const double base = m_tickFont.pointSizeF() > 0 ? m_tickFont.pointSizeF() : 10.0;
    // adaptToLayout keeps the column names level while they fit at
    // smallestColumnNamePointSize; one pixel more for the axis rect's rounding.
    const double levelNames = 4.0 + smallestColumnNamePointSize * m_widestColumnName / base + 1.0;
    const double width = std::max({minimumLabelledCell,
                                   valueMetrics.horizontalAdvance(m_widestValueLabel) + 5.0,
                                   levelNames});
    const double height = std::max({minimumLabelledCell, QFontMetricsF(m_tickFont).height() + 3.0,
                                    valueMetrics.height() + 3.0});
    return {std::ceil(width), std::ceil(height)};
}

QSize HeatmapLabels::readableSize() const
{
    const int rows = m_view.rowCount();
    const int columns = m_view.columnCount();
    if (rows == 0 || columns == 0)
        return {};
    const QSizeF cell = readableCellSize();
    const QRect cells = m_plot->axisRect()->rect();
    const bool measured = cells.width() > 0 && cells.height() > 0 && m_plot->width() > 0;
    const QSize around = measured ? QSize(m_plot->width() - cells.width(),
                                          m_plot->height() - cells.height())
                                  : QSize(150, 90);
    return {around.width() + int(std::ceil(columns * cell.width())),
            around.height() + int(std::ceil(rows * cell.height()))};
}

void HeatmapLabels::setPlaceholderText(const QString &text)
{
    m_placeholder->setText(text);
}

void HeatmapLabels::setPlaceholderColor(const QColor &color)
{
    m_placeholder->setColor(color);
}

bool HeatmapLabels::adaptToLayout()
{
    const int rows = m_view.rowCount();
    const int columns = m_view.columnCount();
    const QRect area = m_plot->axisRect()->rect();
    QCPAxis *columnAxis = m_plot->columnAxis();
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
        const double fittingSize = m_widestColumnName > 0
                                       ? std::floor(baseSize * (cellWidth - 4) / m_widestColumnName)
                                       : baseSize;
        const bool rotated = fittingSize < smallestColumnNamePointSize;
        const double columnSize = rotated ? baseSize : std::min(baseSize, fittingSize);
        const int columnStep =
            rotated ? std::max(1, int(std::ceil((lineHeight + 2) / cellWidth))) : 1;
        const int rowStep = std::max(1, int(std::ceil((lineHeight + 2) / cellHeight)));
        if (rotated != m_columnNamesRotated || columnStep != m_columnNameStep ||
            rowStep != m_rowNameStep || columnSize != columnAxis->tickLabelFont().pointSizeF()) {
            m_columnNamesRotated = rotated;
            m_columnNameStep = columnStep;
            m_rowNameStep = rowStep;
            columnAxis->setTickLabelRotation(rotated ? -90 : 0);
            QFont columnFont = m_tickFont;
            columnFont.setPointSizeF(columnSize);
            columnAxis->setTickLabelFont(columnFont);
            rebuildTokenNames();
            relayout = true;
        }
        // The colour scale names its ends and its middle; the quarters of a
        // probability too when there is room for them.
        const int scaleDivisions = m_view.colorScheme() == HeatmapView::ColorScheme::Probability &&
                                           area.height() >= 8 * lineHeight
                                       ? 4
                                       : 2;
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
            if (m_view.valueLabels() == HeatmapView::ValueLabels::On) {
                labelsShown = true;
                pointSize = std::max(pointSize, smallestPointSize);
            } else {
                labelsShown = pointSize > 0 && cellWidth >= minimumLabelledCell &&
                              cellHeight >= minimumLabelledCell;
            }
        }
    }
    applyValueLabelVisibility(labelsShown, pointSize);
    m_placeholder->setVisible(m_view.isConcealed() && !labelsShown && rows > 0 && columns > 0);
    return relayout;
}

void HeatmapLabels::applyValueLabelVisibility(bool shown, double pointSize)
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

QString HeatmapLabels::displayedName(const QString &name) const
{
    return QFontMetrics(m_tickFont).elidedText(name, Qt::ElideRight, longestTickLabel);
}

} // namespace attn::ui
