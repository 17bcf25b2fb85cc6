#pragma once

#include <QByteArray>
#include <QString>

namespace attn::ui {

/// Writes bytes through a temporary file that replaces `path` only when
/// complete: a failure leaves nothing behind. On failure, `error` says why.
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error);

} // namespace attn::ui
