#pragma once

#include "error.h"

#include <QString>

namespace attn::ui {

/// The engine's error as a translated sentence: "w_k: expected 3 × 3, found 3 × 2".
///
/// It is built from the code, the field and the numbers, not from the
/// English `Error::message`, so it follows the user's language.
QString errorText(const Error &error);

} // namespace attn::ui
