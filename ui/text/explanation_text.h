#pragma once

#include "explanation.h"

#include <QString>

namespace attn::ui {

/// What a cell's working means, in the learner's language.
namespace explanation_text {

/// The sentence for a kind of explanation (and a mask reason), translated:
/// "How well the query matches the key: …".
QString meaning(const Explanation &explanation);

/// Hard and sampled weights in plain words, keys counted from 1: "All weight
/// on key 3 (word_3), the largest score (soft weight 0.97). This key gets 0."
/// or "Key 2 (word_2) was drawn with probability 0.41, …". Empty otherwise.
QString choiceInWords(const Explanation &explanation);
/// Why hard or sampled attention has no gradient.
QString whyNotDifferentiable(Explanation::Kind kind);

} // namespace explanation_text
} // namespace attn::ui
