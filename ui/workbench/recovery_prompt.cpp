#include "recovery_prompt.h"

#include "document.h"
#include "main_window.h"
#include "recovery_file.h"
#include "recovery_keeper.h"

#include <QCoreApplication>
#include <QDate>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QUndoStack>
#include <QUrl>
#include <memory>

namespace attn::ui {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(RecoveryPrompt)
};

enum class Choice
{
    Restore,
    Discard,
    Later,
};

/// "14:32" today, with the date on any other day: the locale's own short
/// forms, without seconds.
QString whenText(const QDateTime &savedAt)
{
    const QLocale locale;
    if (!savedAt.isValid())
        return Text::tr("an unknown time");
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    timeFormat.remove(QRegularExpression(QStringLiteral("[:.]?ss?")));
    const QString time = locale.toString(savedAt.time(), timeFormat.trimmed());
    if (savedAt.date() == QDate::currentDate())
        return time;
    return Text::tr("%1 %2", "date and time")
        .arg(locale.toString(savedAt.date(), QLocale::ShortFormat), time);
}

void showFolder(QWidget *parent, const QString &path)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
        QMessageBox::information(
            parent, Text::tr("Recovery file"),
            Text::tr("The copy of your work is kept in\n%1").arg(QDir::toNativeSeparators(path)));
}

Choice ask(QWidget *parent, const OrphanedRecovery &orphan)
{
    for (;;) {
        QMessageBox box(parent);
        box.setIcon(QMessageBox::Warning);
        box.setWindowTitle(Text::tr("Restore unsaved work"));
        QPushButton *restore = nullptr;
        if (orphan.content.ok()) {
            const RecoveryCopy &copy = *orphan.content.copy;
            box.setText(Text::tr("Attention Lab closed unexpectedly. Restore your unsaved work "
                                 "from %1?")
                            .arg(whenText(copy.savedAt)));
            box.setInformativeText(
                copy.originalPath.isEmpty()
                    ? Text::tr("The work had not been saved to a file yet.")
                    : Text::tr("The work was on %1; restored, it saves there again.")
                          .arg(QDir::toNativeSeparators(copy.originalPath)));
            restore = box.addButton(Text::tr("Restore"), QMessageBox::AcceptRole);
        } else {
            box.setText(Text::tr("Attention Lab closed unexpectedly, and the copy of your "
                                 "unsaved work cannot be read."));
            box.setInformativeText(orphan.content.error);
        }
        QPushButton *discard = box.addButton(Text::tr("Discard"), QMessageBox::DestructiveRole);
        QPushButton *show = box.addButton(Text::tr("Show file"), QMessageBox::ActionRole);
        QPushButton *later = nullptr;
        if (!restore) {
            later = box.addButton(Text::tr("Keep for later"), QMessageBox::RejectRole);
            box.setEscapeButton(later);
        }
        box.setDefaultButton(restore ? restore : later);
        box.exec();
        QAbstractButton *clicked = box.clickedButton();
        if (clicked == show) {
            showFolder(parent, orphan.path);
            continue;
        }
        if (restore && clicked == restore)
            return Choice::Restore;
        if (clicked == discard)
            return Choice::Discard;
        return Choice::Later; // closed without an answer: nothing is lost
    }
}

void restoreInto(MainWindow &window, const RecoveryCopy &copy)
{
    Document *document = window.document();
    document->reset(copy.scenario, copy.originalPath);
    // Unsaved, as it was when the copy was taken: the `*` shows, Quit asks,
    // and the autosave keeps it until it is saved.
    document->undoStack()->resetClean();
}

} // namespace

int offerRecovery(MainWindow &window, RecoveryAnswer answer, const QString &directory)
{
    int restored = 0;
    for (OrphanedRecovery &orphan : claimOrphanedRecoveries(directory)) {
        Choice choice = Choice::Later;
        switch (answer) {
        case RecoveryAnswer::Ask:
            choice = ask(&window, orphan);
            break;
        case RecoveryAnswer::Restore:
            choice = orphan.content.ok() ? Choice::Restore : Choice::Later;
            break;
        case RecoveryAnswer::Discard:
            choice = Choice::Discard;
            break;
        }
        if (choice == Choice::Restore) {
            MainWindow *target = &window;
            if (target->document()->isModified()) {
                target = new MainWindow(orphan.content.copy->scenario);
                target->setAttribute(Qt::WA_DeleteOnClose);
                target->show();
            }
            restoreInto(*target, *orphan.content.copy);
            ++restored;
            // The old copy goes once the restored document has its own on
            // disk; if that write fails, the old one is offered again next time.
            RecoveryKeeper *keeper = target->recoveryKeeper();
            auto claim = std::make_shared<OrphanedRecovery>(std::move(orphan));
            QObject::connect(
                keeper, &RecoveryKeeper::written, keeper, [claim] { claim->remove(); },
                Qt::SingleShotConnection);
            keeper->saveCopyNow();
        } else if (choice == Choice::Discard) {
            orphan.remove();
        } else {
            orphan.release();
        }
    }
    return restored;
}

} // namespace attn::ui
