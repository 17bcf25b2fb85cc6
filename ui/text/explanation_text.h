#pragma once

#include "explanation.h"

#include <QString>

namespace attn::ui {

/// What a cell's working means, in the learner's language.
namespace explanation_text {

/// The sentence for a kind of explanation (and a mask reason), translated:
/// "How well the query matches the key: …".
QString meaning(const Explanation &explanation);

} // namespace explanation_text
} // namespace attn::ui
