#include "heatmap_range_menu.h"

#include "heatmap_view.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QLocale>
#include <QMenu>
#include <QPointer>

namespace attn::ui {

namespace {

QString translate(const char *text, const char *comment = nullptr)
{
    return QCoreApplication::translate("HeatmapRangeMenu", text, comment);
}

} // namespace

QMenu *createColorRangeMenu(HeatmapView &view, QWidget *parent)
{
    auto *menu = new QMenu(translate("Colour &range"), parent);
    menu->setObjectName(QStringLiteral("colorRangeMenu"));
    menu->setAccessibleName(translate("Colour range"));
    auto *choices = new QActionGroup(menu);
    const QPointer<HeatmapView> target(&view);
    const auto addChoice = [&](const QString &text, const QString &tip, bool checked,
                               auto apply) {
        QAction *action = menu->addAction(text);
        action->setCheckable(true);
        action->setChecked(checked);
        action->setStatusTip(tip);
        action->setToolTip(tip);
        choices->addAction(action);
        QObject::connect(action, &QAction::triggered, menu, [target, apply] {
            if (target)
                apply(*target);
        });
    };

    if (view.colorScheme() == HeatmapView::ColorScheme::Probability) {
        const bool rowMax = view.weightsRange() == WeightsRange::RowMax;
        addChoice(translate("&0 to 1"),
                  translate("The same scale for every row: colours compare across rows "
                            "and edits"),
                  !rowMax, [](HeatmapView &v) { v.setWeightsRange(WeightsRange::Fixed); });
        addChoice(translate("&Each row's maximum"),
                  translate("Each row from 0 to its largest weight: the key each query "
                            "attends to most takes the top colour"),
                  rowMax, [](HeatmapView &v) { v.setWeightsRange(WeightsRange::RowMax); });
    } else {
        const bool locked = view.signedRange() == SignedRange::Locked;
        QLocale locale = view.locale();
        locale.setNumberOptions(QLocale::OmitGroupSeparator);
        const QString bound = locale.toString(view.signedBound(), 'g', 3);
        addChoice(locked ? translate("&Locked at ±%1").arg(bound)
                         : translate("&Lock the current range (±%1)").arg(bound),
                  translate("Keep this range through edits, so that before and after "
                            "compare; larger values take the end colours"),
                  locked, [](HeatmapView &v) { v.setSignedRange(SignedRange::Locked); });
        addChoice(translate("&Symmetric, automatic"),
                  translate("From −a to a, a the largest magnitude shown, so that the "
                            "middle colour means 0"),
                  !locked, [](HeatmapView &v) { v.setSignedRange(SignedRange::Auto); });
    }
    return menu;
}

} // namespace attn::ui
