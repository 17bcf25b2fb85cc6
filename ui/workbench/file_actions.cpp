#include "file_actions.h"

#include "document.h"
#include "presets.h"
#include "scenario_file.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

namespace attn::ui {

namespace {

constexpr int maxRecentFiles = 8;

QString fileFilter()
{
    return FileActions::tr("Attention Lab scenarios (*.json);;All files (*)");
}

} // namespace

FileActions::FileActions(Document *document, QWidget *window)
    : QObject(window), m_document(document), m_window(window)
{
    const auto createAction = [this](const QString &text, QKeySequence::StandardKey shortcut,
                                     auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_newAction =
        createAction(tr("&New from the tutorial"), QKeySequence::New, &FileActions::newScenario);
    m_openAction = createAction(tr("&Open…"), QKeySequence::Open, &FileActions::open);
    m_saveAction = createAction(tr("&Save"), QKeySequence::Save, &FileActions::save);
    m_saveAsAction = createAction(tr("Save &As…"), QKeySequence::SaveAs, &FileActions::saveAs);

    m_recentMenu = new QMenu(tr("Open &Recent"), window);
    updateRecentFiles();

    m_presetMenu = new QMenu(tr("&Presets"), window);
    const QList<PresetInfo> all = presets();
    for (const QString &group : presetGroups()) {
        m_presetMenu->addSection(group);
        for (const PresetInfo &preset : all) {
            if (preset.group != group)
                continue;
            QAction *action = m_presetMenu->addAction(preset.title);
            action->setObjectName(QStringLiteral("preset_%1").arg(preset.name));
            action->setData(preset.name);
            action->setToolTip(preset.description);
            action->setStatusTip(preset.description);
            const QString name = preset.name;
            connect(action, &QAction::triggered, this, [this, name] { loadPreset(name); });
        }
    }
    m_presetMenu->setToolTipsVisible(true);
}

bool FileActions::maybeSave(const ReplaceQuestion &question)
{
    if (!m_document->isModified())
        return true;
    if (question.unchangedFrom && m_document->scenario() == *question.unchangedFrom)
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"),
                    question.text.isEmpty()
                        ? tr("This scenario has changes that are not saved. Save them first?")
                        : question.text,
                    QMessageBox::Save, m_window);
    box.setInformativeText(question.informativeText);
    QPushButton *discard = question.discardLabel.isEmpty()
                                   ? box.addButton(QMessageBox::Discard)
                                   : box.addButton(question.discardLabel,
                                                   QMessageBox::DestructiveRole);
    QPushButton *cancel = question.cancelLabel.isEmpty()
                                  ? box.addButton(QMessageBox::Cancel)
                                  : box.addButton(question.cancelLabel, QMessageBox::RejectRole);
    box.setEscapeButton(cancel);
    box.setDefaultButton(question.cancelLabel.isEmpty()
                             ? qobject_cast<QPushButton *>(box.button(QMessageBox::Save))
                             : cancel);
    box.exec();
    if (box.clickedButton() == box.button(QMessageBox::Save))
        return save();
    return box.clickedButton() == discard;
}

bool FileActions::replaceDocument(const Scenario &scenario, const QString &filePath,
                                  const ReplaceQuestion &question)
{
    if (!maybeSave(question))
        return false;
    m_document->reset(scenario, filePath);
    return true;
}

void FileActions::newScenario()
{
    const ScenarioReadResult tutorial = attn::ui::loadPreset(QLatin1String(tutorialPresetName));
    replaceDocument(tutorial.ok() ? *tutorial.scenario : tutorialScenario());
}

void FileActions::open()
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open a scenario"), settings.value(QStringLiteral("lastDirectory")).toString(),
        fileFilter());
    if (!path.isEmpty())
        openFileAsking(path);
}

bool FileActions::openFile(const QString &path)
{
    return readAndReplace(path, false);
}

bool FileActions::openFileAsking(const QString &path)
{
    return readAndReplace(path, true);
}

bool FileActions::readAndReplace(const QString &path, bool ask)
{
    // Read first: a file that is not a scenario is reported without asking
    // about the current work, which stays.
    const ScenarioReadResult result = readScenarioFile(path);
    if (!result.ok()) {
        QMessageBox::warning(m_window, tr("Cannot open the scenario"),
                             tr("%1\n\nYour current work is unchanged.").arg(result.error));
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (ask) {
        if (!replaceDocument(*result.scenario, absolute))
            return false;
    } else {
        m_document->reset(*result.scenario, absolute);
    }
    addRecentFile(path);
    emit message(tr("Opened %1").arg(QFileInfo(path).fileName()));
    return true;
}

bool FileActions::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    return saveFile(m_document->filePath());
}

bool FileActions::saveAs()
{
    QSettings settings;
    QString suggested = m_document->filePath();
    if (suggested.isEmpty())
        suggested = settings.value(QStringLiteral("lastDirectory")).toString();
    QString path =
        QFileDialog::getSaveFileName(m_window, tr("Save the scenario"), suggested, fileFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    return saveFile(path);
}

bool FileActions::saveFile(const QString &path)
{
    QString error;
    if (!writeScenarioFile(m_document->scenario(), path, &error)) {
        emit message(tr("Not saved: %1").arg(error));
        QMessageBox::warning(m_window, tr("Cannot save the scenario"),
                             tr("%1\n\nYour work is still open; try another place.").arg(error));
        return false;
    }
    m_document->setFilePath(QFileInfo(path).absoluteFilePath());
    m_document->markSaved();
    addRecentFile(path);
    emit message(tr("Saved %1").arg(QFileInfo(path).fileName()));
    return true;
}

bool FileActions::loadPreset(const QString &name)
{
    const ScenarioReadResult result = attn::ui::loadPreset(name);
    if (!result.ok()) {
        QMessageBox::warning(m_window, tr("Cannot load the preset"), result.error);
        return false;
    }
    if (!replaceDocument(*result.scenario))
        return false;
    emit presetLoaded();
    emit message(tr("Preset “%1” loaded").arg(name));
    return true;
}

void FileActions::addRecentFile(const QString &path)
{
    QSettings settings;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = settings.value(QStringLiteral("recentFiles")).toStringList();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), files);
    settings.setValue(QStringLiteral("lastDirectory"), QFileInfo(absolute).absolutePath());
    updateRecentFiles();
}

void FileActions::updateRecentFiles()
{
    m_recentMenu->clear();
    const QStringList files = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &path : files) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName());
        action->setToolTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openFileAsking(path); });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

} // namespace attn::ui
