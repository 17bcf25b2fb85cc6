#pragma once

#include "scenario.h"

#include <QMainWindow>

namespace attn::ui {

/// The workbench window. For now it shows the scenario's attention weights;
/// the editors, the pipeline and the heatmaps come with the workbench.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const Scenario &scenario, QWidget *parent = nullptr);

private:
    Scenario m_scenario;
};

} // namespace attn::ui
