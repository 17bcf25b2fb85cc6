#include "trace_tables.h"

#include "stage_labels.h"
#include "stage_text.h"

#include <QCoreApplication>
#include <QLocale>
#include <cmath>

namespace attn::ui {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("TraceTables", text);
}

QString latexName(Stage stage)
{
    switch (stage) {
    case Stage::Embeddings:
        return QStringLiteral("X");
    case Stage::Queries:
        return QStringLiteral("Q");
    case Stage::Keys:
        return QStringLiteral("K");
    case Stage::Values:
        return QStringLiteral("V");
    case Stage::Scores:
        return QStringLiteral("\\mathrm{scores}");
    case Stage::Scaled:
        return QStringLiteral("\\mathrm{scaled}");
    case Stage::Masked:
        return QStringLiteral("\\mathrm{masked}");
    case Stage::Weights:
        return QStringLiteral("\\mathrm{weights}");
    case Stage::Output:
        return QStringLiteral("\\mathrm{output}");
    case Stage::Concat:
        return QStringLiteral("\\mathrm{concat}");
    case Stage::Projected:
        return QStringLiteral("\\mathrm{concat}\\,W_O");
    }
    return {};
}

QString latexNumber(double value, int decimals)
{
    if (std::isnan(value))
        return QStringLiteral("\\mathrm{NaN}");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("\\infty") : QStringLiteral("-\\infty");
    if (value == std::round(value) && std::abs(value) < 1e15)
        return QString::number(qint64(value));
    if (std::abs(value) < 0.5 * std::pow(10.0, -decimals))
        value = 0.0; // never "-0.00"
    return QString::number(value, 'f', decimals);
}

QString csvNumber(double value)
{
    if (std::isnan(value))
        return QStringLiteral("nan");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.startsWith(QLatin1Char(' ')))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QList<NamedMatrix> traceMatrices(const Scenario &scenario, const Trace &trace,
                                 std::optional<Stage> only)
{
    QList<NamedMatrix> result;
    const int heads = trace.headCount();
    for (const Stage stage : stage_labels::stages(scenario)) {
        if (only && stage != *only)
            continue;
        const bool perHead = stage_labels::isPerHead(stage);
        for (int head = 0; head < (perHead ? heads : 1); ++head) {
            NamedMatrix named;
            named.stage = stage;
            named.head = perHead && heads > 1 ? head : -1;
            named.title = stage_text::title(stage);
            named.latexSymbol = latexName(stage);
            if (named.head >= 0) {
                named.title += translate(" (head %1)").arg(head + 1);
                named.latexSymbol += QStringLiteral("_{%1}").arg(head + 1);
            }
            named.values = trace.matrix(stage, head);
            named.rowLabels = stage_labels::rowLabels(stage, scenario, trace, head);
            named.columnLabels = stage_labels::columnLabels(stage, scenario, trace, head);
            result << named;
        }
    }
    return result;
}

QByteArray traceLatex(const Scenario &scenario, const Trace &trace, std::optional<Stage> only,
                      int decimals)
{
    QString text;
    text += QStringLiteral("% Attention Lab: %1\n")
                .arg(scenario.title.empty() ? translate("the attention pipeline")
                                            : QString::fromStdString(scenario.title));
    text += translate("% Needs \\usepackage{amsmath}. Numbers with %1 decimals; whole numbers "
                      "without.\n")
                .arg(decimals);
    const QList<NamedMatrix> matrices = traceMatrices(scenario, trace, only);
    for (const NamedMatrix &named : matrices) {
        const Matrix &values = named.values;
        text += QLatin1Char('\n');
        text += QStringLiteral("% ") + named.title + QStringLiteral(": ") +
                translate("rows %1; columns %2")
                    .arg(named.rowLabels.join(QStringLiteral(", ")),
                         named.columnLabels.join(QStringLiteral(", "))) +
                QLatin1Char('\n');
        if (values.cols() > 10)
            text += translate("% More than 10 columns: put \\setcounter{MaxMatrixCols}{%1} in "
                              "the preamble.\n")
                        .arg(values.cols());
        text += QStringLiteral("\\[\n") + named.latexSymbol + QStringLiteral(" =\n");
        text += QStringLiteral("\\begin{bmatrix}\n");
        for (Eigen::Index row = 0; row < values.rows(); ++row) {
            QStringList cells;
            for (Eigen::Index col = 0; col < values.cols(); ++col)
                cells << latexNumber(values(row, col), decimals);
            text += QStringLiteral("  ") + cells.join(QStringLiteral(" & "));
            text += row + 1 < values.rows() ? QStringLiteral(" \\\\\n") : QStringLiteral("\n");
        }
        text += QStringLiteral("\\end{bmatrix}\n\\]\n");
    }
    return text.toUtf8();
}

QByteArray traceCsv(const Scenario &scenario, const Trace &trace)
{
    QString text;
    bool first = true;
    for (const NamedMatrix &named : traceMatrices(scenario, trace)) {
        if (!first)
            text += QStringLiteral("\r\n");
        first = false;
        const Matrix &values = named.values;
        text += csvField(named.title + QStringLiteral(" — ") + stage_text::symbol(named.stage)) +
                QStringLiteral("\r\n");
        QStringList header{QString()};
        for (const QString &label : named.columnLabels)
            header << csvField(label);
        text += header.join(QLatin1Char(',')) + QStringLiteral("\r\n");
        for (Eigen::Index row = 0; row < values.rows(); ++row) {
            QStringList cells{csvField(named.rowLabels.value(int(row)))};
            for (Eigen::Index col = 0; col < values.cols(); ++col)
                cells << csvNumber(values(row, col));
            text += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
        }
    }
    // A byte-order mark tells spreadsheets the file is UTF-8 (token names, "—").
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

} // namespace attn::ui
