#pragma once

#include "replace_question.h"
#include "scenario.h"

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace attn::ui {

class Document;

/// The window's scenario files: File > New (the tutorial), Open…, Open
/// Recent, Save, Save As…, the Presets menu (the built-in scenarios) and
/// scenario files dropped on the window.
///
/// Every path that replaces the document (these, and the lesson's steps
/// through the window) goes through one gate, replaceDocument(), whose
/// prompt, maybeSave(), asks Save / Discard / Cancel when there are unsaved
/// changes; Cancel leaves the work, its undo history and its file as they
/// were. A file that cannot be read or written is reported in a dialog and
/// the work stays as it was. The last eight files are remembered in the
/// settings.
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

    /// Opens a scenario file as Open…, Open Recent and a dropped file do:
    /// reads it, then replaces the document through replaceDocument(). A file
    /// that cannot be read is reported without a question; the work stays.
    bool openFileAsking(const QString &path);
    /// Opens a scenario file without asking, for a caller that has asked or
    /// has nothing to lose (the file named on the command line, Revert); on
    /// failure says why and keeps the current work.
    bool openFile(const QString &path);
    /// Saves to `path`; on failure says why and keeps the document unsaved.
    bool saveFile(const QString &path);
    /// Loads a built-in scenario (asks first if there are unsaved changes).
    bool loadPreset(const QString &name);
    /// Asks whether to save unsaved changes; false if the user cancelled (or
    /// chose Save and the save did not happen).
    bool maybeSave(const ReplaceQuestion &question = {});
    /// The one way the document is replaced: asks first (maybeSave()), then
    /// starts over on `scenario` with a fresh undo history. False, and
    /// nothing changed, when the user kept their work.
    bool replaceDocument(const Scenario &scenario, const QString &filePath = QString(),
                         const ReplaceQuestion &question = {});

signals:
    /// A line for the status bar: what was opened, saved or loaded.
    void message(const QString &text);
    /// A preset replaced the document: it is meant to be seen whole.
    void presetLoaded();

private:
    void newScenario();
    void open();
    bool readAndReplace(const QString &path, bool ask);
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
