#include "color_maps.h"

#include <QCoreApplication>
#include <cmath>
#include <iterator>

namespace attn::ui {

namespace {

QCPColorGradient gradientFromStops(const QColor *stops, int count);

QCPColorGradient cividisGradient()
{
    // cividis (Nuñez, Anderton and Renslow 2018) at 0, 1/17, …, 1, from the
    // table its authors published with the map.
    static const QColor stops[] = {
        QColor(0, 32, 76),     QColor(0, 42, 102),    QColor(0, 52, 110),
        QColor(39, 63, 108),   QColor(60, 74, 107),   QColor(76, 85, 107),
        QColor(91, 95, 109),   QColor(104, 106, 112), QColor(117, 117, 117),
        QColor(131, 129, 120), QColor(146, 140, 120), QColor(161, 152, 118),
        QColor(176, 165, 114), QColor(192, 177, 109), QColor(209, 191, 102),
        QColor(225, 204, 92),  QColor(243, 219, 79),  QColor(255, 233, 69),
    };
    return gradientFromStops(stops, int(std::size(stops)));
}

QCPColorGradient magmaGradient()
{
    // matplotlib's magma at 0, 0.1, …, 1.
    static const QColor stops[] = {
        QColor(0x00, 0x00, 0x04), QColor(0x14, 0x0e, 0x36), QColor(0x3b, 0x0f, 0x70),
        QColor(0x64, 0x1a, 0x80), QColor(0x8c, 0x29, 0x81), QColor(0xb7, 0x37, 0x79),
        QColor(0xde, 0x49, 0x68), QColor(0xf7, 0x70, 0x5c), QColor(0xfe, 0x9f, 0x6d),
        QColor(0xfe, 0xcf, 0x92), QColor(0xfc, 0xfd, 0xbf),
    };
    return gradientFromStops(stops, int(std::size(stops)));
}

QCPColorGradient purpleOrangeGradient()
{
    // ColorBrewer PuOr (11 classes), ordered so that negative is purple and
    // positive orange, like blue and red in the default map.
    static const QColor stops[] = {
        QColor(0x2d, 0x00, 0x4b), QColor(0x54, 0x27, 0x88), QColor(0x80, 0x73, 0xac),
        QColor(0xb2, 0xab, 0xd2), QColor(0xd8, 0xda, 0xeb), QColor(0xf7, 0xf7, 0xf7),
        QColor(0xfe, 0xe0, 0xb6), QColor(0xfd, 0xb8, 0x63), QColor(0xe0, 0x82, 0x14),
        QColor(0xb3, 0x58, 0x06), QColor(0x7f, 0x3b, 0x08),
    };
    return gradientFromStops(stops, int(std::size(stops)));
}

QCPColorGradient greysGradient()
{
    // ColorBrewer Greys (9 classes): white for the low end, black for the high.
    static const QColor stops[] = {
        QColor(0xff, 0xff, 0xff), QColor(0xf0, 0xf0, 0xf0), QColor(0xd9, 0xd9, 0xd9),
        QColor(0xbd, 0xbd, 0xbd), QColor(0x96, 0x96, 0x96), QColor(0x73, 0x73, 0x73),
        QColor(0x52, 0x52, 0x52), QColor(0x25, 0x25, 0x25), QColor(0x00, 0x00, 0x00),
    };
    return gradientFromStops(stops, int(std::size(stops)));
}

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

QList<ColorMap> colorMaps()
{
    return {ColorMap::Viridis,      ColorMap::Cividis,      ColorMap::Magma,
            ColorMap::BlueWhiteRed, ColorMap::PurpleOrange, ColorMap::Greys};
}

bool suitsProbabilities(ColorMap map)
{
    return map != ColorMap::BlueWhiteRed && map != ColorMap::PurpleOrange;
}

bool suitsSignedValues(ColorMap map)
{
    return map == ColorMap::BlueWhiteRed || map == ColorMap::PurpleOrange ||
           map == ColorMap::Greys;
}

QString colorMapKey(ColorMap map)
{
    switch (map) {
    case ColorMap::Viridis:
        return QStringLiteral("viridis");
    case ColorMap::Cividis:
        return QStringLiteral("cividis");
    case ColorMap::Magma:
        return QStringLiteral("magma");
    case ColorMap::BlueWhiteRed:
        return QStringLiteral("rdbu");
    case ColorMap::PurpleOrange:
        return QStringLiteral("puor");
    case ColorMap::Greys:
        return QStringLiteral("greys");
    }
    return {};
}

std::optional<ColorMap> colorMapFromKey(const QString &key)
{
    for (const ColorMap map : colorMaps()) {
        if (colorMapKey(map) == key)
            return map;
    }
    return std::nullopt;
}

QString colorMapTitle(ColorMap map)
{
    switch (map) {
    case ColorMap::Viridis:
        return QCoreApplication::translate("ColorMap", "Viridis (purple – yellow)");
    case ColorMap::Cividis:
        return QCoreApplication::translate("ColorMap", "Cividis (blue – yellow)");
    case ColorMap::Magma:
        return QCoreApplication::translate("ColorMap", "Magma (black – purple – yellow)");
    case ColorMap::BlueWhiteRed:
        return QCoreApplication::translate("ColorMap", "Blue – white – red");
    case ColorMap::PurpleOrange:
        return QCoreApplication::translate("ColorMap", "Purple – white – orange");
    case ColorMap::Greys:
        return QCoreApplication::translate("ColorMap", "Greys (for black-and-white print)");
    }
    return {};
}

QCPColorGradient colorMapGradient(ColorMap map)
{
    switch (map) {
    case ColorMap::Viridis:
        return viridisGradient();
    case ColorMap::Cividis:
        return cividisGradient();
    case ColorMap::Magma:
        return magmaGradient();
    case ColorMap::BlueWhiteRed:
        return divergingGradient();
    case ColorMap::PurpleOrange:
        return purpleOrangeGradient();
    case ColorMap::Greys:
        return greysGradient();
    }
    return viridisGradient();
}

QColor maskedCellColor()
{
    return QColor(0xdc, 0xdc, 0xdc);
}

QColor maskedHatchColor()
{
    return QColor(0x9a, 0x9a, 0x9a);
}

QColor concealedCellColor()
{
    return QColor(0xe8, 0xe8, 0xe8);
}

QColor concealedTextColor()
{
    return QColor(0x70, 0x70, 0x70);
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
