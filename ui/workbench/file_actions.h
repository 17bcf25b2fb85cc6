#pragma once

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace attn::ui {

class Document;

/// The window's scenario files: File > New (the tutorial), Open…, Open
/// Recent, Save, Save As… and the Presets menu (the built-in scenarios).
/// Every path that replaces the document goes through one unsaved-changes
/// prompt, maybeSave(); a file that cannot be read or written is reported in
/// a dialog and the work stays as it was. The last eight files are
/// remembered in the settings.
class FileActions : public QObject
{
    Q_OBJECT

public:
    FileActions(Document *document, QWidget *window);

    QAction *newAction() const { return m_newAction; }
    QAction *openAction() const { return m_openAction; }
    QAction *saveAction() const { return m_saveAction; }
    QAction *saveAsAction() const { return m_saveAsAction; }
    QMenu *recentMenu() const { return m_recentMenu; }
    QMenu *presetMenu() const { return m_presetMenu; }

    /// Opens a scenario file; on failure says why and keeps the current work.
    bool openFile(const QString &path);
    /// Saves to `path`; on failure says why and keeps the document unsaved.
    bool saveFile(const QString &path);
    /// Loads a built-in scenario (asks first if there are unsaved changes).
    bool loadPreset(const QString &name);
    /// Asks whether to save unsaved changes; false if the user cancelled.
    bool maybeSave();

signals:
    /// A line for the status bar: what was opened, saved or loaded.
    void message(const QString &text);
    /// A preset replaced the document: it is meant to be seen whole.
    void presetLoaded();

private:
    void newScenario();
    void open();
    bool save();
    bool saveAs();
    void addRecentFile(const QString &path);
    void updateRecentFiles();

    Document *m_document;
    QWidget *m_window;
    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_presetMenu = nullptr;
};

} // namespace attn::ui
