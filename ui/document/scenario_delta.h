#pragma once

#include "scenario.h"

#include <cstddef>

namespace attn::ui {

/// What one change of the whole scenario altered, kept both ways so it can be
/// undone and redone.
///
/// The options (title, description, heads, score, scale, temperature, mask,
/// span, selection, seed, positional encoding, whether there is a source
/// sequence) are small and always kept. Of the large parts — the word lists,
/// the embeddings, W_Q, W_K, W_V, W_O, W_a, U_a, v_a, W_p, v_p and the padding
/// flags — only those that differ are kept, before and after. A change of the
/// temperature on 1024 words × 1024 dimensions thus keeps a few hundred bytes
/// instead of two copies of every matrix.
///
/// History is linear: a delta is undone on the scenario it produced and
/// redone on the scenario it started from, so writing back the kept parts
/// and the options gives that scenario exactly, number for number.
class ScenarioDelta
{
public:
    ScenarioDelta(const Scenario &before, const Scenario &after);

    /// Turns `scenario`, which is the state after the change, into the state before it.
    void undoOn(Scenario &scenario) const;
    /// Turns `scenario`, which is the state before the change, into the state after it.
    void redoOn(Scenario &scenario) const;

    /// Makes this delta also cover `next`, a change that starts where this one ends.
    void append(const ScenarioDelta &next);

    /// Before and after are the same scenario.
    bool isEmpty() const;

    /// The memory the kept values take: 8 bytes per stored number, 1 byte per
    /// stored character (title, description, word names) or padding flag and
    /// 32 bytes per stored word for its string. The step's own overhead is
    /// counted by the command (undoStepOverheadBytes).
    std::size_t bytes() const;

    /// Which large parts are kept; a bit per part, for tests and diagnostics.
    unsigned keptParts() const { return m_parts; }

private:
    unsigned m_parts = 0;
    Scenario m_before; ///< the options and the kept parts, as they were
    Scenario m_after;  ///< the options and the kept parts, as they became
};

} // namespace attn::ui
