#pragma once

class QMenu;
class QWidget;

namespace attn::ui {

class HeatmapView;

/// The "Colour range" menu of a heatmap, as the view's context menu offers
/// it and any view showing the same matrix larger may add it to its own:
/// for weights "0 to 1" or "Each row's maximum", for signed values "Lock the
/// current range" or "Symmetric, automatic", the choice in effect checked.
/// The actions act on `view` when triggered; the menu belongs to `parent`.
QMenu *createColorRangeMenu(HeatmapView &view, QWidget *parent);

} // namespace attn::ui
