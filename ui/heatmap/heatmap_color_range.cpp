#include "heatmap_color_range.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace attn::ui {

namespace {

// QCPRange refuses spans below 1e-280 and above 1e250.
double usableBound(double bound)
{
    if (!(bound > 1e-200))
        return 1.0;
    return std::min(bound, 1e249);
}

QString formatted(double value, const QLocale &locale)
{
    QLocale plain = locale;
    plain.setNumberOptions(QLocale::OmitGroupSeparator);
    return plain.toString(value, 'g', 3);
}

} // namespace

void HeatmapColorRange::setSignedRange(SignedRange range)
{
    if (range == SignedRange::Locked && m_signed != SignedRange::Locked)
        m_lockedBound = m_autoBound;
    m_signed = range;
}

void HeatmapColorRange::lockSignedRange(double bound)
{
    m_signed = SignedRange::Locked;
    m_lockedBound = usableBound(std::abs(bound));
}

void HeatmapColorRange::fit(const Matrix &values, const std::vector<bool> &masked,
                            bool probability)
{
    const int rows = int(values.rows());
    const int columns = int(values.cols());
    const auto visible = [&](int row, int column) {
        return std::isfinite(values(row, column)) &&
               !masked[std::size_t(row) * std::size_t(columns) + std::size_t(column)];
    };
    m_probability = probability;
    m_scalesRows = probability && m_weights == WeightsRange::RowMax;
    m_rowMaxima.clear();

    if (probability) {
        m_range = QCPRange(0.0, 1.0);
        if (m_scalesRows) {
            m_rowMaxima.assign(std::size_t(rows), 0.0);
            for (int row = 0; row < rows; ++row) {
                double largest = 0.0;
                for (int column = 0; column < columns; ++column)
                    if (visible(row, column))
                        largest = std::max(largest, values(row, column));
                // A row of zeros (every key masked) keeps the fixed scale.
                m_rowMaxima[std::size_t(row)] = largest > 0.0 ? largest : 1.0;
            }
        }
        return;
    }

    double largest = 0.0;
    for (int row = 0; row < rows; ++row)
        for (int column = 0; column < columns; ++column)
            if (visible(row, column))
                largest = std::max(largest, std::abs(values(row, column)));
    m_autoBound = usableBound(largest);
    const double bound = m_signed == SignedRange::Locked ? m_lockedBound : m_autoBound;
    m_range = QCPRange(-bound, bound);
}

double HeatmapColorRange::mapped(int row, double value) const
{
    if (m_scalesRows && row >= 0 && row < int(m_rowMaxima.size()))
        value /= m_rowMaxima[std::size_t(row)];
    // +∞ and numbers beyond the range would be drawn in the lowest colour
    // (QCustomPlot casts them to int): clamp them to the scale.
    return std::clamp(value, m_range.lower, m_range.upper);
}

QString HeatmapColorRange::tickText(double value, const QLocale &locale) const
{
    // Exactly 0 in the middle of a symmetric range, never -1e-17.
    const double shown = std::abs(value) < 1e-12 * m_range.size() ? 0.0 : value;
    if (m_scalesRows)
        return formatted(100.0 * shown, locale) + locale.percent();
    return formatted(shown, locale);
}

QString HeatmapColorRange::scaleLabel(const QString &label, const QLocale &locale) const
{
    QString range;
    if (m_scalesRows)
        range = QCoreApplication::translate("HeatmapColorRange", "% of row max",
                                            "colour scale of weights scaled to each row");
    else if (!m_probability && m_signed == SignedRange::Locked)
        range = QCoreApplication::translate("HeatmapColorRange", "locked ±%1",
                                            "colour scale kept through edits")
                    .arg(formatted(m_lockedBound, locale));
    if (range.isEmpty())
        return label;
    if (label.isEmpty())
        return range;
    return label + QStringLiteral(" · ") + range;
}

} // namespace attn::ui
