#include "handbook_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace attn::ui {

namespace {

/// A menu entry's text as it reads: no "&" mnemonic marks, no trailing "…".
QString plainText(const QAction *action)
{
    QString text = action->text();
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    return text;
}

void collectKeys(const QMenu *menu, const QString &path, QStringList &rows)
{
    for (const QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (const QMenu *sub = action->menu()) {
            collectKeys(sub, path + QStringLiteral(" ▸ ") + plainText(action), rows);
            continue;
        }
        if (action->shortcuts().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys << QStringLiteral("`%1`").arg(key.toString(QKeySequence::NativeText));
        rows << QStringLiteral("| %1 ▸ %2 | %3 |")
                    .arg(path, plainText(action), keys.join(QStringLiteral(", ")));
    }
}

} // namespace

HandbookDialog::HandbookDialog(const QMenuBar *menus, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Attention Lab Handbook"));
    setObjectName(QStringLiteral("handbook"));

    QFile readme(QStringLiteral(":/handbook/README.md"));
    const QString guide =
        readme.open(QIODevice::ReadOnly) ? userGuide(QString::fromUtf8(readme.readAll())) : QString();

    m_markdown = tr("# Handbook\n\n"
                    "Attention Lab lets you compute attention by hand and watch every "
                    "step: edit the numbers on the left, step through the stages in "
                    "the middle, point at any cell to see how it was computed. "
                    "The guided lesson (F1) teaches it from the start.\n\n");
    m_markdown += tr("## Keys\n\n| Command | Keys |\n| --- | --- |\n");
    m_markdown += keyTable(menus);
    m_markdown += tr("\n\nIn an inspected stage: the wheel or Ctrl++ / Ctrl+− zoom, "
                     "dragging or the arrow keys move, Esc goes back to all stages.\n\n");
    m_markdown += guide;

    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("handbookText"));
    m_browser->setAccessibleName(tr("Handbook"));
    m_browser->setOpenExternalLinks(true);
    m_browser->setMarkdown(m_markdown);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(760, 640);
}

QString HandbookDialog::userGuide(const QString &readme)
{
    const QString heading = QStringLiteral("## Using the window");
    const qsizetype start = readme.indexOf(QLatin1Char('\n') + heading + QLatin1Char('\n'));
    if (start < 0)
        return {};
    const qsizetype end = readme.indexOf(QStringLiteral("\n## "), start + heading.size() + 1);
    return readme.mid(start + 1, end < 0 ? -1 : end - start - 1).trimmed() + QLatin1Char('\n');
}

QString HandbookDialog::keyTable(const QMenuBar *menus)
{
    QStringList rows;
    for (const QAction *action : menus->actions())
        if (const QMenu *menu = action->menu())
            collectKeys(menu, plainText(action), rows);
    return rows.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace attn::ui
