#include "test_hooks.h"

#include "document.h"
#include "main_window.h"
#include "scenario_matrix.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <cstdio>

namespace attn::app {

void applyTestEdit(ui::MainWindow &window)
{
    const QString edit = qEnvironmentVariable("ATTENTION_LAB_TEST_EDIT");
    if (edit.isEmpty())
        return;
    const QStringList parts = edit.split(QLatin1Char(','));
    bool rowOk = false;
    bool colOk = false;
    bool valueOk = false;
    const int row = parts.value(1).toInt(&rowOk) - 1;
    const int col = parts.value(2).toInt(&colOk) - 1;
    const double value = parts.value(3).toDouble(&valueOk);
    for (int index = 0; parts.size() == 4 && rowOk && colOk && valueOk && index < matrixIdCount;
         ++index) {
        const auto id = static_cast<MatrixId>(index);
        if (parts.first() == QLatin1String(matrixSymbol(id))) {
            window.document()->setCell(id, row, col, value);
            return;
        }
    }
    std::fprintf(stderr, "ATTENTION_LAB_TEST_EDIT: expected SYMBOL,ROW,COLUMN,VALUE, got \"%s\"\n",
                 edit.toLocal8Bit().constData());
}

ui::RecoveryAnswer recoveryAnswerFromEnvironment()
{
    const QByteArray answer = qgetenv("ATTENTION_LAB_TEST_ANSWER_RECOVERY");
    if (answer == "restore")
        return ui::RecoveryAnswer::Restore;
    if (answer == "discard")
        return ui::RecoveryAnswer::Discard;
    return ui::RecoveryAnswer::Ask;
}

} // namespace attn::app
