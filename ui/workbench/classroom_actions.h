#pragma once

#include <QList>
#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;

namespace attn::ui {

/// View ▸ Zoom in / Zoom out / Actual size, Full screen and Presentation mode:
/// the workbench as a class sees it on a projector.
///
/// The zoom scales the application's font, which every part of the workbench
/// takes its sizes from: menus' and editors' text, the heatmaps' cells, their
/// token names and numbers. It is remembered in the settings ("view/zoom").
///
/// Presentation mode hides the editor docks (matrices, options) and the status
/// bar, goes full screen and zooms one step in; leaving it puts all of that
/// back as it was.
class ClassroomActions : public QObject
{
    Q_OBJECT

public:
    /// `editorDocks` are hidden in presentation mode.
    ClassroomActions(QMainWindow *window, const QList<QDockWidget *> &editorDocks);

    QAction *zoomInAction() const { return m_zoomIn; }
    QAction *zoomOutAction() const { return m_zoomOut; }
    QAction *actualSizeAction() const { return m_actualSize; }
    QAction *fullScreenAction() const { return m_fullScreen; }
    QAction *presentationAction() const { return m_presentation; }

    /// Adds the zoom, full screen and presentation actions to `menu`.
    void addTo(QMenu *menu) const;

    /// The factor the window's font is scaled by; 1 is the system's size.
    double zoom() const { return m_zoom; }
    /// Scales the window to `factor`, kept within [minimumZoom, maximumZoom].
    void setZoom(double factor);
    static constexpr double minimumZoom = 0.5;
    static constexpr double maximumZoom = 3.0;

    /// Reads the zoom kept in the settings.
    void restoreZoom();

signals:
    void message(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void stepZoom(int steps);
    void setFullScreen(bool on);
    void setPresentation(bool on);
    void updateActions();

    QMainWindow *m_window = nullptr;
    QList<QDockWidget *> m_editorDocks;
    QAction *m_zoomIn = nullptr;
    QAction *m_zoomOut = nullptr;
    QAction *m_actualSize = nullptr;
    QAction *m_fullScreen = nullptr;
    QAction *m_presentation = nullptr;
    double m_zoom = 1.0;
    /// The window font's size at zoom 1, in points.
    double m_basePointSize = 10.0;

    /// What presentation mode changed, to put back when it ends.
    struct Before
    {
        QList<bool> docksOpen;
        QList<bool> docksVisible;
        bool statusBarVisible = true;
        bool fullScreen = false;
        double zoom = 1.0;
    };
    Before m_before;
};

} // namespace attn::ui
