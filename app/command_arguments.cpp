#include "command_arguments.h"

#include "stage_text.h"

#include <QByteArray>
#include <QStringList>

namespace attn::app {

bool isExportCommand(const QByteArray &argument)
{
    return argument == commandExport || argument == commandExportDeck ||
           argument == commandExportCode || argument == commandExportLatex ||
           argument == commandExportCsv;
}

std::optional<int> wholeNumber(const QString &text, int low, int high)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < low || value > high)
        return std::nullopt;
    return value;
}

std::optional<Stage> stageNamed(const QString &name)
{
    for (int index = 0; index < stageCount; ++index) {
        if (ui::stage_text::key(Stage(index)) == name)
            return Stage(index);
    }
    return std::nullopt;
}

QString stageNames()
{
    QStringList names;
    for (int index = 0; index < stageCount; ++index)
        names << ui::stage_text::key(Stage(index));
    return names.join(QStringLiteral(", "));
}

} // namespace attn::app
