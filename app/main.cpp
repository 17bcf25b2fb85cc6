#include "command_line.h"

#include <QApplication>
#include <QCoreApplication>

// The commands run without a display (QCoreApplication); only the window
// needs QApplication. Which one is decided before either exists.
int main(int argc, char *argv[])
{
    if (attn::app::isHeadless(argc, argv)) {
        QCoreApplication app(argc, argv);
        return attn::app::runHeadless(app);
    }
    QApplication app(argc, argv);
    return attn::app::runWindow(app);
}
