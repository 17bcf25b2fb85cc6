#pragma once

// Numerical comparisons for the engine's tests that say, on failure, which
// cell differs, both values with all 17 digits, and the tolerance.
//
// A cell passes when |actual − expected| ≤ tolerance · max(1, |expected|):
// an absolute tolerance for numbers near 1 and a relative one for large
// numbers. Equal infinities pass; NaN never passes.
//
//     VERIFY_MATRIX_NEAR(trace.queries, expectedQueries, 1e-12);
//     VERIFY_NEAR(trace.scaleDivisor, 1.7320508075688772, 1e-15);

#include "scenario.h"
#include "trace.h"
#include "types.h"

#include <QLocale>
#include <QString>
#include <QStringList>
#include <QTest>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <vector>

Q_DECLARE_METATYPE(attn::Matrix)
Q_DECLARE_METATYPE(attn::Vector)
Q_DECLARE_METATYPE(std::vector<int>)
Q_DECLARE_METATYPE(attn::Scenario)

namespace testsupport {

/// A matrix from rows of literals: matrixOf({{1, 2}, {3, 4}}).
inline attn::Matrix matrixOf(std::initializer_list<std::initializer_list<double>> rows)
{
    const auto rowCount = static_cast<Eigen::Index>(rows.size());
    const auto colCount =
        rowCount == 0 ? Eigen::Index(0) : static_cast<Eigen::Index>(rows.begin()->size());
    attn::Matrix matrix(rowCount, colCount);
    Eigen::Index r = 0;
    for (const auto &row : rows) {
        Q_ASSERT(static_cast<Eigen::Index>(row.size()) == colCount);
        Eigen::Index c = 0;
        for (double value : row)
            matrix(r, c++) = value;
        ++r;
    }
    return matrix;
}

/// A column vector from literals: vectorOf({1, 2, 3}).
inline attn::Vector vectorOf(std::initializer_list<double> values)
{
    attn::Vector vector(static_cast<Eigen::Index>(values.size()));
    Eigen::Index i = 0;
    for (double value : values)
        vector(i++) = value;
    return vector;
}

/// The shortest text that reads back as the same double (like Python's repr).
inline QString fullPrecision(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

inline bool withinTolerance(double actual, double expected, double tolerance)
{
    if (std::isnan(actual) || std::isnan(expected))
        return false;
    if (std::isinf(expected) || std::isinf(actual))
        return actual == expected;
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

/// The matrix as text, one row a line, for failure messages of small matrices.
inline QString describe(const attn::Matrix &matrix)
{
    if (matrix.size() > 64)
        return QStringLiteral("(%1×%2, too large to print)").arg(matrix.rows()).arg(matrix.cols());
    QStringList rows;
    for (Eigen::Index r = 0; r < matrix.rows(); ++r) {
        QStringList cells;
        for (Eigen::Index c = 0; c < matrix.cols(); ++c)
            cells << fullPrecision(matrix(r, c));
        rows << QStringLiteral("    [") + cells.join(QStringLiteral(", ")) + QStringLiteral("]");
    }
    return rows.join(QLatin1Char('\n'));
}

/// Every matrix of one head, taken once through the trace's accessors (the
/// n × m stages are computed from the stored scores when asked for).
struct HeadStages
{
    attn::Matrix queries, keys, values;
    attn::Matrix scores, scaled, masked, softWeights, weights;
    attn::Matrix output;
    std::vector<int> sampledKeys;
};

inline HeadStages headStages(const attn::Trace &trace, int head)
{
    const attn::HeadTrace &h = trace.heads.at(static_cast<std::size_t>(head));
    return {h.queries,
            h.keys,
            h.values,
            trace.scores(head),
            trace.scaled(head),
            trace.masked(head),
            trace.softWeights(head),
            trace.weights(head),
            h.output,
            h.sampledKeys};
}

/// The outcome of a comparison: `ok`, or a message naming the first bad cell.
struct Comparison
{
    bool ok = true;
    QString message;
};

/// Compares two matrices cell by cell (see the tolerance rule above). A
/// tolerance of 0 asks for bit-equal values (0.0 == −0.0 still holds).
inline Comparison compareMatrices(const attn::Matrix &actual, const attn::Matrix &expected,
                                  double tolerance, const QString &what)
{
    if (actual.rows() != expected.rows() || actual.cols() != expected.cols()) {
        return {false, QStringLiteral("%1: shape %2×%3, expected %4×%5")
                           .arg(what)
                           .arg(actual.rows())
                           .arg(actual.cols())
                           .arg(expected.rows())
                           .arg(expected.cols())};
    }
    int badCells = 0;
    Eigen::Index firstRow = -1;
    Eigen::Index firstCol = -1;
    double largestDifference = 0.0;
    for (Eigen::Index r = 0; r < actual.rows(); ++r) {
        for (Eigen::Index c = 0; c < actual.cols(); ++c) {
            const double a = actual(r, c);
            const double e = expected(r, c);
            const bool good = tolerance == 0.0 ? a == e : withinTolerance(a, e, tolerance);
            if (good)
                continue;
            if (badCells++ == 0) {
                firstRow = r;
                firstCol = c;
            }
            const double difference = std::abs(a - e);
            if (!(difference <= largestDifference)) // NaN counts as the largest
                largestDifference = difference;
        }
    }
    if (badCells == 0)
        return {};
    const double a = actual(firstRow, firstCol);
    const double e = expected(firstRow, firstCol);
    return {false,
            QStringLiteral("%1: cell (%2, %3) is %4, expected %5 (|difference| %6, "
                           "tolerance %7 × max(1, |expected|)); %8 of %9 cells differ, "
                           "the largest difference is %10.\n  actual:\n%11\n  expected:\n%12")
                .arg(what)
                .arg(firstRow)
                .arg(firstCol)
                .arg(fullPrecision(a), fullPrecision(e), fullPrecision(std::abs(a - e)),
                     fullPrecision(tolerance))
                .arg(badCells)
                .arg(actual.size())
                .arg(fullPrecision(largestDifference))
                .arg(describe(actual), describe(expected))};
}

inline Comparison compareScalars(double actual, double expected, double tolerance,
                                 const QString &what)
{
    const bool good =
        tolerance == 0.0 ? actual == expected : withinTolerance(actual, expected, tolerance);
    if (good)
        return {};
    return {false, QStringLiteral("%1 is %2, expected %3 (|difference| %4, tolerance %5 × "
                                  "max(1, |expected|))")
                       .arg(what, fullPrecision(actual), fullPrecision(expected),
                            fullPrecision(std::abs(actual - expected)), fullPrecision(tolerance))};
}

/// Whether every cell of a matrix is finite; the message names the first that is not.
inline Comparison checkAllFinite(const attn::Matrix &matrix, const QString &what)
{
    for (Eigen::Index r = 0; r < matrix.rows(); ++r)
        for (Eigen::Index c = 0; c < matrix.cols(); ++c)
            if (!std::isfinite(matrix(r, c)))
                return {false, QStringLiteral("%1: cell (%2, %3) is %4, expected a finite number")
                                   .arg(what)
                                   .arg(r)
                                   .arg(c)
                                   .arg(fullPrecision(matrix(r, c)))};
    return {};
}

/// A sequence whose tokens are named `prefix`0, `prefix`1, ... (one per embedding row).
inline attn::Sequence sequenceOf(const attn::Matrix &embeddings, const std::string &prefix = "w")
{
    attn::Sequence sequence;
    for (Eigen::Index i = 0; i < embeddings.rows(); ++i)
        sequence.tokens.push_back(prefix + std::to_string(i));
    sequence.embeddings = embeddings;
    return sequence;
}

/// The mask as rows of letters, rows separated by spaces: V visible, C causal,
/// P padding, W outside the window. "VCC VVC VVV" is a causal mask of 3 tokens.
inline QString maskLetters(const attn::MaskMatrix &mask)
{
    QStringList rows;
    for (Eigen::Index r = 0; r < mask.rows(); ++r) {
        QString row;
        for (Eigen::Index c = 0; c < mask.cols(); ++c) {
            switch (mask(r, c)) {
            case attn::MaskReason::Visible:
                row += QLatin1Char('V');
                break;
            case attn::MaskReason::Causal:
                row += QLatin1Char('C');
                break;
            case attn::MaskReason::Padding:
                row += QLatin1Char('P');
                break;
            case attn::MaskReason::OutsideWindow:
                row += QLatin1Char('W');
                break;
            default:
                row += QLatin1Char('?');
                break;
            }
        }
        rows << row;
    }
    return rows.join(QLatin1Char(' '));
}

/// A list of ints as "[1, 2, 3]" for messages.
inline QString describe(const std::vector<int> &values)
{
    QStringList items;
    for (int value : values)
        items << QString::number(value);
    return QStringLiteral("[") + items.join(QStringLiteral(", ")) + QStringLiteral("]");
}

} // namespace testsupport

/// Fails the test with the first mismatching cell when two matrices differ.
#define VERIFY_MATRIX_NEAR(actual, expected, tolerance)                                            \
    do {                                                                                           \
        const testsupport::Comparison comparison_ = testsupport::compareMatrices(                  \
            (actual), (expected), (tolerance), QStringLiteral(#actual));                           \
        QVERIFY2(comparison_.ok, qPrintable(comparison_.message));                                 \
    } while (false)

/// Fails the test when two matrices are not equal cell for cell, to the bit.
#define VERIFY_MATRIX_EQUAL(actual, expected) VERIFY_MATRIX_NEAR(actual, expected, 0.0)

/// Fails the test, printing both numbers and the tolerance, when two doubles differ.
#define VERIFY_NEAR(actual, expected, tolerance)                                                   \
    do {                                                                                           \
        const testsupport::Comparison comparison_ = testsupport::compareScalars(                   \
            (actual), (expected), (tolerance), QStringLiteral(#actual));                           \
        QVERIFY2(comparison_.ok, qPrintable(comparison_.message));                                 \
    } while (false)

/// Fails the test when a matrix holds an infinity or a NaN.
#define VERIFY_ALL_FINITE(matrix)                                                                  \
    do {                                                                                           \
        const testsupport::Comparison comparison_ =                                                \
            testsupport::checkAllFinite((matrix), QStringLiteral(#matrix));                        \
        QVERIFY2(comparison_.ok, qPrintable(comparison_.message));                                 \
    } while (false)

/// Fails the test, printing both lists, when two lists of ints differ.
#define VERIFY_INTS_EQUAL(actual, expected)                                                        \
    do {                                                                                           \
        const std::vector<int> actual_(actual);                                                    \
        const std::vector<int> expected_(expected);                                                \
        QVERIFY2(actual_ == expected_,                                                             \
                 qPrintable(QStringLiteral("%1 is %2, expected %3")                                \
                                .arg(QStringLiteral(#actual), testsupport::describe(actual_),      \
                                     testsupport::describe(expected_))));                          \
    } while (false)
