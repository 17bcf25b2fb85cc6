#include "error_text.h"

#include "scenario.h"

#include <QCoreApplication>
#include <QLocale>
#include <cmath>

namespace attn::ui {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
};

/// v_a and v_p are vectors; the engine checks them as one-column matrices.
bool isVector(const QString &field)
{
    return field == QLatin1String("v_a") || field == QLatin1String("v_p");
}

constexpr double gibibyte = 1024.0 * 1024.0 * 1024.0;

QString sizeText(int size)
{
    return size < 0 ? Text::tr("any") : QString::number(size);
}

QString numberText(double value)
{
    if (std::isnan(value))
        return Text::tr("NaN");
    if (std::isinf(value))
        return value > 0 ? Text::tr("infinity") : Text::tr("−infinity");
    return QLocale().toString(value, 'g', QLocale::FloatingPointShortest);
}

QString problem(const Error &error, const QString &field)
{
    switch (error.code) {
    case ErrorCode::EmptySequence:
        return Text::tr("the sequence has no tokens; attention needs at least one");
    case ErrorCode::TooLarge:
        if (error.actualCols < 0) {
            return Text::tr("%1 tokens is more than the limit of %2")
                .arg(error.actualRows)
                .arg(error.limit);
        }
        return Text::tr("%1 × %2 is larger than the limit of %3 rows or columns")
            .arg(error.actualRows)
            .arg(error.actualCols)
            .arg(error.limit);
    case ErrorCode::ShapeMismatch:
        if (isVector(field)) {
            return Text::tr("expected %1 numbers, found %2")
                .arg(sizeText(error.expectedRows))
                .arg(error.actualRows);
        }
        return Text::tr("expected %1 × %2, found %3 × %4")
            .arg(sizeText(error.expectedRows), sizeText(error.expectedCols))
            .arg(error.actualRows)
            .arg(error.actualCols);
    case ErrorCode::TokenCountMismatch:
        return Text::tr("%1 token names for %2 embedding rows; give one name per row")
            .arg(error.actualRows)
            .arg(error.expectedRows);
    case ErrorCode::NonFinite:
        return Text::tr("%1 is not a number the engine can use").arg(numberText(error.value));
    case ErrorCode::HeadsInvalid:
        return Text::tr("needs at least one head, found %1").arg(numberText(error.value));
    case ErrorCode::NotDivisibleByHeads:
        return Text::tr("its %1 columns cannot be split into %2 equal heads")
            .arg(error.actualCols)
            .arg(error.expectedCols);
    case ErrorCode::TemperatureNotPositive:
        return Text::tr("the temperature τ must be a number greater than 0, found %1")
            .arg(numberText(error.value));
    case ErrorCode::ScaleNotPositive:
        return Text::tr("the divisor must be a number greater than 0, found %1")
            .arg(numberText(error.value));
    case ErrorCode::NegativeWindow:
        return Text::tr("the window D must be 0 or more, found %1").arg(numberText(error.value));
    case ErrorCode::WindowTooSmall:
        return Text::tr("local-p needs a window D of at least 1, because σ = D/2 must be above 0; "
                        "found %1")
            .arg(numberText(error.value));
    case ErrorCode::MissingParameter:
        return Text::tr("missing, but the chosen options need it");
    case ErrorCode::PaddingLengthMismatch:
        return Text::tr("expected one flag per key token (%1), found %2")
            .arg(error.expectedRows)
            .arg(error.actualRows);
    case ErrorCode::DivisorOutOfRange:
        return Text::tr("s · τ = %1 is too close to 0 or too large to divide the scores by; "
                        "choose a temperature or scale nearer 1")
            .arg(numberText(error.value));
    case ErrorCode::OutOfMemory:
        return Text::tr("the computation needs more memory than the system has free (about "
                        "%1 GiB); close other programs or make the scenario smaller")
            .arg(QLocale().toString(error.value / gibibyte, 'f', 1));
    case ErrorCode::TraceTooLarge:
        return Text::tr("%1 heads × %2 × %3 scores need %4 GiB of memory; the limit is %5 GiB")
            .arg(error.expectedCols)
            .arg(error.actualRows)
            .arg(error.actualCols)
            .arg(QLocale().toString(error.value / gibibyte, 'f', 1),
                 QLocale().toString(traceMemoryBudget / gibibyte, 'f', 1));
    }
    return QString::fromStdString(error.message);
}

} // namespace

QString errorText(const Error &error)
{
    QString field = QString::fromStdString(error.field);
    if (error.code == ErrorCode::NonFinite && error.row >= 0) {
        // The cell, as the file would index it: w_k[1][2], or v_a[2] for a vector.
        field += QStringLiteral("[%1]").arg(error.row);
        if (!isVector(QString::fromStdString(error.field)))
            field += QStringLiteral("[%1]").arg(error.col);
    }
    const QString sentence = problem(error, QString::fromStdString(error.field));
    return field.isEmpty() ? sentence : Text::tr("%1: %2").arg(field, sentence);
}

} // namespace attn::ui
