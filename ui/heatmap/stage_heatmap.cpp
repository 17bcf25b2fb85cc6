#include "stage_heatmap.h"

#include "stage_labels.h"
#include "stage_text.h"

namespace attn::ui::stage_heatmap {

HeatmapView::ColorScheme colorScheme(Stage stage)
{
    return stage == Stage::Weights ? HeatmapView::ColorScheme::Probability
                                   : HeatmapView::ColorScheme::Signed;
}

void show(HeatmapView &view, Stage stage, const Scenario &scenario, const Trace &trace, int head)
{
    const Matrix &matrix = trace.matrix(stage, head);
    const bool masks = stage == Stage::Masked || stage == Stage::Weights;
    const bool maskFits = trace.mask.rows() == matrix.rows() && trace.mask.cols() == matrix.cols();
    view.setMatrix(matrix, stage_labels::rowLabels(stage, scenario, trace, head),
                   stage_labels::columnLabels(stage, scenario, trace, head), colorScheme(stage),
                   masks && maskFits ? &trace.mask : nullptr);
    view.setAxisTitles(stage_text::rowAxis(stage, scenario),
                       stage_text::columnAxis(stage, scenario));
}

} // namespace attn::ui::stage_heatmap
