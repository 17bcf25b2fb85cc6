#pragma once

#include <QDialog>

class QMenuBar;
class QTextBrowser;

namespace attn::ui {

/// Help ▸ Handbook: how to use the window, in the window. It shows the keys of
/// every menu command, read from the menus themselves so that the list is
/// always right, and the user guide of the README ("Using the window" and the
/// sections under it, up to "Scenario files"), which is built into the app.
class HandbookDialog : public QDialog
{
    Q_OBJECT

public:
    HandbookDialog(const QMenuBar *menus, QWidget *parent);

    /// The page as Markdown.
    QString markdown() const { return m_markdown; }

    /// The part of `readme` from the heading "## Using the window" up to the
    /// next heading of the same level; empty if there is no such heading.
    static QString userGuide(const QString &readme);
    /// A Markdown table of the commands in `menus` that have keys.
    static QString keyTable(const QMenuBar *menus);

private:
    QString m_markdown;
    QTextBrowser *m_browser = nullptr;
};

} // namespace attn::ui
