#include "scenario_delta.h"

#include <string>
#include <type_traits>
#include <vector>

namespace attn::ui {

namespace {

/// The large parts of a scenario, each kept by a delta only when it changed.
enum class Part
{
    TargetTokens,
    TargetEmbeddings,
    SourceTokens,
    SourceEmbeddings,
    QueryWeights,
    KeyWeights,
    ValueWeights,
    OutputWeights,
    ScoreQueryWeights,
    ScoreKeyWeights,
    ScoreVector,
    PositionWeights,
    PositionVector,
    Padding,
};

constexpr int partCount = static_cast<int>(Part::Padding) + 1;

constexpr unsigned bitOf(Part part)
{
    return 1u << static_cast<unsigned>(part);
}

bool isSourcePart(Part part)
{
    return part == Part::SourceTokens || part == Part::SourceEmbeddings;
}

/// Per stored word: the std::string object itself, besides its characters.
constexpr std::size_t bytesPerWord = 32;
constexpr std::size_t bytesPerNumber = sizeof(double);

// A missing source sequence reads as an empty one; a part of it can only be
// written where the source exists (the options say whether it does).
const Sequence &sourceOf(const Scenario &scenario)
{
    static const Sequence none;
    return scenario.source ? *scenario.source : none;
}

Sequence &sourceOf(Scenario &scenario)
{
    return *scenario.source;
}

/// Calls visit(part of a, part of b) with the members that hold `part`.
template <typename A, typename B, typename Visit>
void visitPart(Part part, A &a, B &b, Visit &&visit)
{
    switch (part) {
    case Part::TargetTokens:
        return visit(a.target.tokens, b.target.tokens);
    case Part::TargetEmbeddings:
        return visit(a.target.embeddings, b.target.embeddings);
    case Part::SourceTokens:
        return visit(sourceOf(a).tokens, sourceOf(b).tokens);
    case Part::SourceEmbeddings:
        return visit(sourceOf(a).embeddings, sourceOf(b).embeddings);
    case Part::QueryWeights:
        return visit(a.wQ, b.wQ);
    case Part::KeyWeights:
        return visit(a.wK, b.wK);
    case Part::ValueWeights:
        return visit(a.wV, b.wV);
    case Part::OutputWeights:
        return visit(a.wO, b.wO);
    case Part::ScoreQueryWeights:
        return visit(a.wA, b.wA);
    case Part::ScoreKeyWeights:
        return visit(a.uA, b.uA);
    case Part::ScoreVector:
        return visit(a.vA, b.vA);
    case Part::PositionWeights:
        return visit(a.wP, b.wP);
    case Part::PositionVector:
        return visit(a.vP, b.vP);
    case Part::Padding:
        return visit(a.padding, b.padding);
    }
}

// Same values, number for number (NaN never equals NaN, so a part holding
// NaN is kept: keeping too much is safe, too little is not).
template <typename Values> bool same(const Values &a, const Values &b)
{
    return a == b;
}

bool same(const Matrix &a, const Matrix &b)
{
    return a.rows() == b.rows() && a.cols() == b.cols() && a == b;
}

bool same(const Vector &a, const Vector &b)
{
    return a.size() == b.size() && a == b;
}

bool same(const std::optional<Matrix> &a, const std::optional<Matrix> &b)
{
    return a.has_value() == b.has_value() && (!a || same(*a, *b));
}

std::size_t bytesOf(const Matrix &values)
{
    return bytesPerNumber * std::size_t(values.size());
}

std::size_t bytesOf(const Vector &values)
{
    return bytesPerNumber * std::size_t(values.size());
}

std::size_t bytesOf(const std::optional<Matrix> &values)
{
    return values ? bytesOf(*values) : 0;
}

std::size_t bytesOf(const std::vector<std::string> &words)
{
    std::size_t bytes = 0;
    for (const std::string &word : words)
        bytes += bytesPerWord + word.size();
    return bytes;
}

std::size_t bytesOf(const std::vector<bool> &flags)
{
    return flags.size();
}

bool samePart(Part part, const Scenario &a, const Scenario &b)
{
    bool result = false;
    visitPart(part, a, b, [&result](const auto &x, const auto &y) { result = same(x, y); });
    return result;
}

std::size_t partBytes(Part part, const Scenario &scenario)
{
    std::size_t bytes = 0;
    visitPart(part, scenario, scenario,
              [&bytes](const auto &x, const auto &) { bytes = bytesOf(x); });
    return bytes;
}

/// Writes `part` of `from` into `to`. A part of the source sequence is written
/// only where `to` has one: where it has none, the part is empty by definition.
void copyPart(Part part, Scenario &to, const Scenario &from)
{
    if (isSourcePart(part) && !to.source)
        return;
    visitPart(part, to, from, [](auto &x, const auto &y) { x = y; });
}

void clearPart(Part part, Scenario &scenario)
{
    if (isSourcePart(part) && !scenario.source)
        return;
    visitPart(part, scenario, scenario, [](auto &x, auto &) { x = std::decay_t<decltype(x)>{}; });
}

/// Everything that is not a part: small, kept by every delta. A new member of
/// Scenario is either a part above or copied here, or undo loses it.
void copyOptions(Scenario &to, const Scenario &from)
{
    to.title = from.title;
    to.description = from.description;
    to.heads = from.heads;
    to.score = from.score;
    to.scale = from.scale;
    to.scaleValue = from.scaleValue;
    to.temperature = from.temperature;
    to.mask = from.mask;
    to.span = from.span;
    to.window = from.window;
    to.selection = from.selection;
    to.seed = from.seed;
    to.positional = from.positional;
    if (!from.source)
        to.source.reset();
    else if (!to.source)
        to.source.emplace();
}

/// The options of `scenario` and the parts in `parts`, nothing else.
Scenario keptOf(const Scenario &scenario, unsigned parts)
{
    Scenario kept;
    copyOptions(kept, scenario);
    for (int index = 0; index < partCount; ++index) {
        const auto part = static_cast<Part>(index);
        if (parts & bitOf(part))
            copyPart(part, kept, scenario);
    }
    return kept;
}

void apply(Scenario &scenario, const Scenario &kept, unsigned parts)
{
    copyOptions(scenario, kept);
    for (int index = 0; index < partCount; ++index) {
        const auto part = static_cast<Part>(index);
        if (parts & bitOf(part))
            copyPart(part, scenario, kept);
    }
}

unsigned differingParts(const Scenario &a, const Scenario &b)
{
    unsigned parts = 0;
    for (int index = 0; index < partCount; ++index) {
        const auto part = static_cast<Part>(index);
        if (!samePart(part, a, b))
            parts |= bitOf(part);
    }
    return parts;
}

} // namespace

ScenarioDelta::ScenarioDelta(const Scenario &before, const Scenario &after)
    : m_parts(differingParts(before, after)), m_before(keptOf(before, m_parts)),
      m_after(keptOf(after, m_parts))
{
}

void ScenarioDelta::undoOn(Scenario &scenario) const
{
    apply(scenario, m_before, m_parts);
}

void ScenarioDelta::redoOn(Scenario &scenario) const
{
    apply(scenario, m_after, m_parts);
}

void ScenarioDelta::append(const ScenarioDelta &next)
{
    // A part this delta did not change had, before it, the value `next` found.
    for (int index = 0; index < partCount; ++index) {
        const auto part = static_cast<Part>(index);
        if ((next.m_parts & bitOf(part)) && !(m_parts & bitOf(part)))
            copyPart(part, m_before, next.m_before);
    }
    apply(m_after, next.m_after, next.m_parts);
    m_parts |= next.m_parts;
    // A drag that comes back to where it started keeps nothing of that part.
    for (int index = 0; index < partCount; ++index) {
        const auto part = static_cast<Part>(index);
        if ((m_parts & bitOf(part)) && samePart(part, m_before, m_after)) {
            clearPart(part, m_before);
            clearPart(part, m_after);
            m_parts &= ~bitOf(part);
        }
    }
}

bool ScenarioDelta::isEmpty() const
{
    // Both hold only the options and the kept parts.
    return m_parts == 0 && m_before == m_after;
}

std::size_t ScenarioDelta::bytes() const
{
    std::size_t bytes = m_before.title.size() + m_before.description.size() + m_after.title.size() +
                        m_after.description.size();
    for (int index = 0; index < partCount; ++index) {
        const auto part = static_cast<Part>(index);
        if (m_parts & bitOf(part))
            bytes += partBytes(part, m_before) + partBytes(part, m_after);
    }
    return bytes;
}

} // namespace attn::ui
