#include "color_maps.h"

#include <cmath>
#include <iterator>

namespace attn::ui {

namespace {

QCPColorGradient gradientFromStops(const QColor *stops, int count)
{
    QCPColorGradient gradient;
    gradient.clearColorStops();
    for (int i = 0; i < count; ++i)
        gradient.setColorStopAt(double(i) / (count - 1), stops[i]);
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setLevelCount(350);
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(maskedCellColor());
    return gradient;
}

double linearChannel(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

} // namespace

QCPColorGradient viridisGradient()
{
    // matplotlib's viridis at 0, 0.1, …, 1.
    static const QColor stops[] = {
        QColor(0x44, 0x01, 0x54), QColor(0x48, 0x24, 0x75), QColor(0x41, 0x44, 0x87),
        QColor(0x35, 0x5f, 0x8d), QColor(0x2a, 0x78, 0x8e), QColor(0x21, 0x91, 0x8c),
        QColor(0x22, 0xa8, 0x84), QColor(0x44, 0xbf, 0x70), QColor(0x7a, 0xd1, 0x51),
        QColor(0xbd, 0xdf, 0x26), QColor(0xfd, 0xe7, 0x25),
    };
    return gradientFromStops(stops, int(std::size(stops)));
}

QCPColorGradient divergingGradient()
{
    // ColorBrewer RdBu, reversed so that negative is blue and positive red.
    static const QColor stops[] = {
        QColor(0x05, 0x30, 0x61), QColor(0x21, 0x66, 0xac), QColor(0x43, 0x93, 0xc3),
        QColor(0x92, 0xc5, 0xde), QColor(0xd1, 0xe5, 0xf0), QColor(0xf7, 0xf7, 0xf7),
        QColor(0xfd, 0xdb, 0xc7), QColor(0xf4, 0xa5, 0x82), QColor(0xd6, 0x60, 0x4d),
        QColor(0xb2, 0x18, 0x2b), QColor(0x67, 0x00, 0x1f),
    };
    return gradientFromStops(stops, int(std::size(stops)));
}

QColor maskedCellColor()
{
    return QColor(0xdc, 0xdc, 0xdc);
}

QColor maskedHatchColor()
{
    return QColor(0x9a, 0x9a, 0x9a);
}

double relativeLuminance(const QColor &color)
{
    return 0.2126 * linearChannel(color.redF()) + 0.7152 * linearChannel(color.greenF()) +
           0.0722 * linearChannel(color.blueF());
}

QColor readableTextColor(const QColor &background)
{
    // Contrast with black: (L + 0.05) / 0.05; with white: 1.05 / (L + 0.05).
    const double luminance = relativeLuminance(background);
    const double withBlack = (luminance + 0.05) / 0.05;
    const double withWhite = 1.05 / (luminance + 0.05);
    return withBlack >= withWhite ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace attn::ui
