#include "heatmap_view.h"

#include <QTest>

#include <cmath>

using attn::Matrix;
using attn::ui::HeatmapView;

// One edit as the learner sees it: the matrix goes into the view and the plot
// is repainted at once (the view itself only queues the replot). Compare with
// the budget in DESIGN.md: < 16 ms at ≤ 16 tokens, < 50 ms at 64, < 250 ms at 512.
// The view is large enough that 4 and 16 tokens print their numbers (256 label
// items at 16), the costly case.
class BenchHeatmap : public QObject
{
    Q_OBJECT

private slots:
    void setMatrixAndReplot_data();
    void setMatrixAndReplot();
};

void BenchHeatmap::setMatrixAndReplot_data()
{
    QTest::addColumn<int>("tokens");
    QTest::addColumn<bool>("masked");
    QTest::addColumn<bool>("valueLabels");

    for (int tokens : {4, 16, 64, 512}) {
        const bool labels = tokens <= 16;
        const char *printed = labels ? "numbers shown" : "numbers hidden";
        QTest::addRow("%d tokens, softmax weights, %s", tokens, printed)
            << tokens << false << labels;
        QTest::addRow("%d tokens, causal mask, %s", tokens, printed) << tokens << true << labels;
    }
}

void BenchHeatmap::setMatrixAndReplot()
{
    QFETCH(int, tokens);
    QFETCH(bool, masked);
    QFETCH(bool, valueLabels);

    QStringList names;
    for (int i = 1; i <= tokens; ++i)
        names << QStringLiteral("word_%1").arg(i);
    // Rows of a softmax: positive, summing to 1; the causal mask hides j > i.
    Matrix weights(tokens, tokens);
    attn::MaskMatrix mask(tokens, tokens);
    for (int row = 0; row < tokens; ++row) {
        for (int column = 0; column < tokens; ++column) {
            const bool hidden = masked && column > row;
            weights(row, column) = hidden ? 0.0 : std::exp(std::sin(row * 0.37 + column * 0.91));
            mask(row, column) = hidden ? attn::MaskReason::Causal : attn::MaskReason::Visible;
        }
        weights.row(row) /= weights.row(row).sum();
    }

    HeatmapView view;
    view.setTitle(QStringLiteral("Attention weights"));
    view.setAxisTitles(QStringLiteral("queries"), QStringLiteral("keys"));
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setMatrix(weights, names, names, HeatmapView::ColorScheme::Probability, &mask);
    view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(view.valueLabelsVisible(), valueLabels);

    int edit = 0;
    QBENCHMARK {
        // A different value each time, as when a learner drags one.
        weights(0, 0) = 0.01 * (++edit % 100);
        view.setMatrix(weights, names, names, HeatmapView::ColorScheme::Probability, &mask);
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    }
}

QTEST_MAIN(BenchHeatmap)
#include "bench_heatmap.moc"
