#include "file_writer.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace attn::ui {

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    const auto failed = [&](const QString &reason) {
        if (error)
            *error =
                QCoreApplication::translate("FileWriter", "cannot write %1: %2").arg(path, reason);
        return false;
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return failed(reason);
    }
    return true;
}

} // namespace attn::ui
