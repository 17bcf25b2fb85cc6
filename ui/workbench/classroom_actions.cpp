#include "classroom_actions.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QKeyEvent>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <algorithm>
#include <array>
#include <cmath>

namespace attn::ui {

namespace {

/// The zoom factors the steps go through, as a browser's.
constexpr std::array<double, 12> zoomSteps = {0.5, 0.67, 0.8, 0.9, 1.0, 1.1,
                                              1.25, 1.5, 1.75, 2.0, 2.5, 3.0};

const QString zoomKey = QStringLiteral("view/zoom");

/// The application's font as the system gave it, before any zoom.
const QFont &systemFont()
{
    static const QFont font = QApplication::font();
    return font;
}

/// One step of `zoomSteps` from `zoom` (+1 larger, −1 smaller); a zoom between
/// two steps goes to the neighbouring step on that side.
double steppedZoom(double zoom, int steps)
{
    constexpr double tolerance = 1e-6;
    if (steps > 0) {
        const auto *next = std::find_if(zoomSteps.begin(), zoomSteps.end(),
                                        [zoom](double z) { return z > zoom + tolerance; });
        return next == zoomSteps.end() ? zoomSteps.back() : *next;
    }
    const auto previous = std::find_if(zoomSteps.rbegin(), zoomSteps.rend(),
                                       [zoom](double z) { return z < zoom - tolerance; });
    return previous == zoomSteps.rend() ? zoomSteps.front() : *previous;
}

} // namespace

ClassroomActions::ClassroomActions(QMainWindow *window, const QList<QDockWidget *> &editorDocks)
    : QObject(window), m_window(window), m_editorDocks(editorDocks)
{
    const QFont &font = systemFont();
    m_basePointSize = font.pointSizeF() > 0 ? font.pointSizeF() : 10.0;

    m_zoomIn = new QAction(tr("Zoom &in"), this);
    m_zoomIn->setObjectName(QStringLiteral("zoomIn"));
    // Ctrl++ is Ctrl+Shift+= on most keyboards: Ctrl+= does the same.
    m_zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    m_zoomIn->setStatusTip(tr("Larger text, cells and numbers everywhere in the window"));
    connect(m_zoomIn, &QAction::triggered, this, [this] { stepZoom(+1); });

    m_zoomOut = new QAction(tr("Zoom &out"), this);
    m_zoomOut->setObjectName(QStringLiteral("zoomOut"));
    m_zoomOut->setShortcut(QKeySequence::ZoomOut);
    m_zoomOut->setStatusTip(tr("Smaller text, cells and numbers everywhere in the window"));
    connect(m_zoomOut, &QAction::triggered, this, [this] { stepZoom(-1); });

    m_actualSize = new QAction(tr("&Actual size"), this);
    m_actualSize->setObjectName(QStringLiteral("actualSize"));
    m_actualSize->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_actualSize->setStatusTip(tr("The system's text size"));
    connect(m_actualSize, &QAction::triggered, this, [this] { setZoom(1.0); });

    m_fullScreen = new QAction(tr("&Full screen"), this);
    m_fullScreen->setObjectName(QStringLiteral("fullScreen"));
    m_fullScreen->setCheckable(true);
    m_fullScreen->setShortcut(QKeySequence::FullScreen);
    if (m_fullScreen->shortcut().isEmpty())
        m_fullScreen->setShortcut(QKeySequence(Qt::Key_F11));
    m_fullScreen->setStatusTip(tr("The window fills the screen, without its frame"));
    connect(m_fullScreen, &QAction::toggled, this, &ClassroomActions::setFullScreen);

    m_presentation = new QAction(tr("&Presentation mode"), this);
    m_presentation->setObjectName(QStringLiteral("presentation"));
    m_presentation->setCheckable(true);
    m_presentation->setShortcut(QKeySequence(Qt::Key_F5));
    m_presentation->setStatusTip(
        tr("For a projector: hides the editors, fills the screen and enlarges the pipeline"));
    connect(m_presentation, &QAction::toggled, this, &ClassroomActions::setPresentation);

    for (QAction *action : {m_zoomIn, m_zoomOut, m_actualSize, m_fullScreen, m_presentation})
        window->addAction(action);
    window->installEventFilter(this);
    updateActions();
}

void ClassroomActions::addTo(QMenu *menu) const
{
    menu->addAction(m_zoomIn);
    menu->addAction(m_zoomOut);
    menu->addAction(m_actualSize);
    menu->addSeparator();
    menu->addAction(m_fullScreen);
    menu->addAction(m_presentation);
}

void ClassroomActions::setZoom(double factor)
{
    if (!std::isfinite(factor))
        factor = 1.0;
    factor = std::clamp(factor, minimumZoom, maximumZoom);
    m_zoom = factor;
    // The application's font, so that the cards (styled by style sheets, which
    // take no font from their parent), the menus and the dialogs follow too.
    QFont font = systemFont();
    if (std::abs(factor - 1.0) > 1e-9)
        font.setPointSizeF(m_basePointSize * factor);
    QApplication::setFont(font);
    // A widget with a style sheet keeps the font it was polished with: its
    // style sheet, set again, takes the new one.
    for (QWidget *widget : m_window->findChildren<QWidget *>()) {
        const QString sheet = widget->styleSheet();
        if (!sheet.isEmpty()) {
            widget->setStyleSheet(QString());
            widget->setStyleSheet(sheet);
        }
    }
    QSettings().setValue(zoomKey, factor);
    updateActions();
}

void ClassroomActions::restoreZoom()
{
    const double saved = QSettings().value(zoomKey, 1.0).toDouble();
    if (std::abs(saved - 1.0) > 1e-9)
        setZoom(saved);
}

void ClassroomActions::stepZoom(int steps)
{
    setZoom(steppedZoom(m_zoom, steps));
    emit message(tr("Zoom %1 %").arg(std::lround(m_zoom * 100)));
}

void ClassroomActions::setFullScreen(bool on)
{
    const Qt::WindowStates state = m_window->windowState();
    if (on == state.testFlag(Qt::WindowFullScreen))
        return;
    // The maximised flag stays, so leaving full screen goes back to it.
    m_window->setWindowState(on ? state | Qt::WindowFullScreen : state & ~Qt::WindowFullScreen);
}

void ClassroomActions::setPresentation(bool on)
{
    if (on) {
        m_before.docksOpen.clear();
        m_before.docksVisible.clear();
        for (QDockWidget *dock : m_editorDocks) {
            // Open but tabbed behind another is open, not visible.
            m_before.docksOpen.append(dock->toggleViewAction()->isChecked());
            m_before.docksVisible.append(dock->isVisible());
        }
        for (QDockWidget *dock : m_editorDocks)
            dock->hide();
        m_before.statusBarVisible = m_window->statusBar()->isVisible();
        m_before.fullScreen = m_window->windowState().testFlag(Qt::WindowFullScreen);
        m_before.zoom = m_zoom;
        m_window->statusBar()->hide();
        m_fullScreen->setChecked(true);
        setZoom(steppedZoom(steppedZoom(m_zoom, +1), +1));
        return;
    }
    for (int i = 0; i < m_editorDocks.size() && i < m_before.docksOpen.size(); ++i)
        m_editorDocks[i]->setVisible(m_before.docksOpen[i]);
    // The tab that was in front comes to the front again.
    for (int i = 0; i < m_editorDocks.size() && i < m_before.docksVisible.size(); ++i)
        if (m_before.docksVisible[i])
            m_editorDocks[i]->raise();
    m_window->statusBar()->setVisible(m_before.statusBarVisible);
    m_fullScreen->setChecked(m_before.fullScreen);
    setZoom(m_before.zoom);
    emit message(tr("Presentation mode ended."));
}

bool ClassroomActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        if (event->type() == QEvent::WindowStateChange) {
            // Also when the window manager ends full screen.
            const bool full = m_window->windowState().testFlag(Qt::WindowFullScreen);
            if (m_fullScreen->isChecked() != full) {
                const QSignalBlocker block(m_fullScreen);
                m_fullScreen->setChecked(full);
            }
        } else if (event->type() == QEvent::KeyPress && m_presentation->isChecked()
                   && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
            // Esc that nothing else took ends the presentation.
            m_presentation->setChecked(false);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void ClassroomActions::updateActions()
{
    m_zoomIn->setEnabled(m_zoom < maximumZoom - 1e-9);
    m_zoomOut->setEnabled(m_zoom > minimumZoom + 1e-9);
    m_actualSize->setEnabled(std::abs(m_zoom - 1.0) > 1e-9);
}

} // namespace attn::ui
