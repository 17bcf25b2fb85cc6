#include "main_window.h"

#include "attention.h"

#include <QHeaderView>
#include <QLabel>
#include <QStatusBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace attn::ui {

MainWindow::MainWindow(const Scenario &scenario, QWidget *parent)
    : QMainWindow(parent), m_scenario(scenario)
{
    setWindowTitle(tr("Attention Lab"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    const auto trace = compute(m_scenario);
    if (!trace) {
        layout->addWidget(new QLabel(QString::fromStdString(trace.error().message), central));
    } else {
        auto *title = new QLabel(tr("Attention weights: softmax(QKᵀ / √d_k)"), central);
        layout->addWidget(title);
        const Matrix &weights = trace->heads.front().weights;
        auto *table = new QTableWidget(int(weights.rows()), int(weights.cols()), central);
        QStringList queries;
        for (const auto &token : m_scenario.target.tokens)
            queries << QString::fromStdString(token);
        QStringList keys;
        for (const auto &token : m_scenario.keySequence().tokens)
            keys << QString::fromStdString(token);
        table->setVerticalHeaderLabels(queries);
        table->setHorizontalHeaderLabels(keys);
        for (int row = 0; row < weights.rows(); ++row) {
            for (int col = 0; col < weights.cols(); ++col) {
                auto *item = new QTableWidgetItem(QString::number(weights(row, col), 'f', 4));
                item->setFlags(Qt::ItemIsEnabled);
                table->setItem(row, col, item);
            }
        }
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        layout->addWidget(table);
    }
    setCentralWidget(central);
    statusBar()->showMessage(QString::fromStdString(m_scenario.title));
    resize(900, 600);
}

} // namespace attn::ui
