#pragma once

#include "types.h"

#include <QString>
#include <qcustomplot.h>
#include <vector>

class QLocale;

namespace attn::ui {

/// How the colours of a weights heatmap span each row.
enum class WeightsRange
{
    Fixed,  ///< [0, 1] for every row: colours compare across rows and edits (the default)
    RowMax, ///< row i over [0, m_i], m_i its largest weight: readable at 512 tokens
};

/// How the colours of a signed heatmap span its values.
enum class SignedRange
{
    Auto,   ///< [−a, a], a = max |x_ij| of the matrix shown (the default)
    Locked, ///< [−a, a] kept as it was when locked, so that before and after compare
};

/// The range of a heatmap's colour scale, and the number the colour map
/// holds for each cell.
///
/// Weights w_ij = softmax(QKᵀ/√d_k)_ij are a distribution per row. On the
/// fixed scale [0, 1] a cell's colour means the same in every row and after
/// every edit; but at n tokens the weights are near 1/n, and at 512 tokens
/// every cell would take the lowest colour. Scaled to its row, cell (i, j)
/// holds w_ij / m_i with m_i = max_j w_ij over the visible keys, so the key
/// each query attends to most takes the top colour of the map.
///
/// Signed values (Q, K, V, scores, outputs) use a diverging map over [−a, a],
/// so that the middle colour means 0. Automatic, a = max |x_ij| over the
/// finite visible cells: one outlier edited to 1000 turns every other cell
/// white. Locked, a stays what it was when locked, whatever the edits;
/// values beyond ±a take the end colours (their numbers stay exact).
class HeatmapColorRange
{
public:
    void setWeightsRange(WeightsRange range) { m_weights = range; }
    WeightsRange weightsRange() const { return m_weights; }
    /// Locked keeps the bound of the last signed matrix fitted (1 before any).
    void setSignedRange(SignedRange range);
    SignedRange signedRange() const { return m_signed; }
    /// Locks the signed range to [−bound, bound].
    void lockSignedRange(double bound);
    /// The bound a of a locked range; of the last signed matrix fitted otherwise.
    double signedBound() const { return m_signed == SignedRange::Locked ? m_lockedBound : m_autoBound; }

    /// Fits the range to a matrix (`masked` row-major, rows × columns):
    /// `probability` for weights, else signed values.
    void fit(const attn::Matrix &values, const std::vector<bool> &masked, bool probability);
    /// The data range of the colour map.
    QCPRange range() const { return m_range; }
    /// What the colour map holds for a finite or infinite value of `row`:
    /// divided by the row's maximum where rows are scaled, clamped to range().
    double mapped(int row, double value) const;
    /// Whether each row has a scale of its own.
    bool scalesRows() const { return m_scalesRows; }

    /// The text of a tick of the colour scale at `value` (in range()).
    QString tickText(double value, const QLocale &locale) const;
    /// What the colour scale says of the range beside `label` (the caller's
    /// name for the values): "% of row max", "locked ±2.5", nothing for the
    /// defaults, whose ticks say it all (0 and 1; −a and a).
    QString scaleLabel(const QString &label, const QLocale &locale) const;

private:
    WeightsRange m_weights = WeightsRange::Fixed;
    SignedRange m_signed = SignedRange::Auto;
    double m_lockedBound = 1.0;
    double m_autoBound = 1.0;
    bool m_probability = true;
    bool m_scalesRows = false;
    QCPRange m_range{0.0, 1.0};
    std::vector<double> m_rowMaxima;
};

} // namespace attn::ui
