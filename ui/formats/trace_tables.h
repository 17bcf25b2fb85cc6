#pragma once

#include "scenario.h"
#include "trace.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace attn::ui {

/// One matrix of a trace with the names a reader needs: "Scores (head 2)",
/// its LaTeX symbol, its row and column labels.
struct NamedMatrix
{
    Stage stage = Stage::Embeddings;
    int head = -1; ///< −1: not a per-head matrix, or the only head
    QString title;
    QString latexSymbol;
    Matrix values; ///< taken from the trace (a per-head stage is computed when asked for)
    QStringList rowLabels;
    QStringList columnLabels;
};

/// Every matrix of the pipeline in lesson order: the stages the scenario has,
/// each head's matrix for the per-head stages; `only` keeps one stage.
QList<NamedMatrix> traceMatrices(const Scenario &scenario, const Trace &trace,
                                 std::optional<Stage> only = std::nullopt);

/// The matrices as LaTeX for Beamer slides: one
/// \begin{bmatrix} a & b \\ c & d \end{bmatrix} per matrix, in display math,
/// with `decimals` decimals (whole numbers without), −∞ as -\infty.
/// Needs \usepackage{amsmath}.
QByteArray traceLatex(const Scenario &scenario, const Trace &trace, std::optional<Stage> only,
                      int decimals);

/// Every matrix as CSV in one file, one section per matrix, as a teacher
/// opening it in a spreadsheet reads it: a title row, a header row with the
/// column names, then one row per row name; a blank row between sections.
/// Numbers keep every digit; −∞ is "-inf".
QByteArray traceCsv(const Scenario &scenario, const Trace &trace);

} // namespace attn::ui
