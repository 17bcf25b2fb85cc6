#include "command_line.h"

#include <QApplication>
#include <QCoreApplication>

// The commands run without a display (QCoreApplication); only the window
// needs QApplication. Which one is decided before either exists.
int main(int argc, char *argv[])
{
    if (attn::app::isHeadless(argc, argv)) {
        if (attn::app::drawsFigures(argc, argv)) {
            // Figures are drawn by widgets that are never shown: no display
            // is needed, and the offscreen platform (96 dpi) makes the files
            // the same on every machine.
            qputenv("QT_QPA_PLATFORM", "offscreen");
            attn::app::quietenPlatformWarnings();
            QApplication app(argc, argv);
            return attn::app::runHeadless(app);
        }
        QCoreApplication app(argc, argv);
        return attn::app::runHeadless(app);
    }
    QApplication app(argc, argv);
    return attn::app::runWindow(app);
}
