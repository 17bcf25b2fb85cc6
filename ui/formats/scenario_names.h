#pragma once

#include "scenario.h"

#include <QString>
#include <QStringList>
#include <cstddef>
#include <cstdint>

namespace attn::ui::scenario_names {

/// The names the scenario format gives its keys and options, which its reader
/// and its writer share so that what is written reads back.

/// The top-level keys, in the order a written file lists them.
inline const QStringList topLevelKeys = {
    QStringLiteral("format"),      QStringLiteral("version"),    QStringLiteral("title"),
    QStringLiteral("description"), QStringLiteral("tokens"),     QStringLiteral("embeddings"),
    QStringLiteral("source"),      QStringLiteral("w_q"),        QStringLiteral("w_k"),
    QStringLiteral("w_v"),         QStringLiteral("w_o"),        QStringLiteral("heads"),
    QStringLiteral("score"),       QStringLiteral("w_a"),        QStringLiteral("u_a"),
    QStringLiteral("v_a"),         QStringLiteral("scale"),      QStringLiteral("temperature"),
    QStringLiteral("mask"),        QStringLiteral("padding"),    QStringLiteral("span"),
    QStringLiteral("selection"),   QStringLiteral("positional"),
};
inline const QStringList sourceKeys = {QStringLiteral("tokens"), QStringLiteral("embeddings")};
inline const QStringList spanKeys = {QStringLiteral("type"), QStringLiteral("window"),
                                     QStringLiteral("w_p"), QStringLiteral("v_p")};
inline const QStringList selectionKeys = {QStringLiteral("type"), QStringLiteral("seed")};

/// An option's value and its name in the file.
template <typename Enum> struct Named
{
    Enum value;
    const char *name;
};

inline constexpr Named<ScoreFunction> scoreNames[] = {
    {ScoreFunction::Dot, "dot"},
    {ScoreFunction::General, "general"},
    {ScoreFunction::Additive, "additive"},
};
inline constexpr Named<MaskKind> maskNames[] = {
    {MaskKind::None, "none"},
    {MaskKind::Causal, "causal"},
};
inline constexpr Named<SpanKind> spanNames[] = {
    {SpanKind::Global, "global"},
    {SpanKind::LocalM, "local-m"},
    {SpanKind::LocalP, "local-p"},
};
inline constexpr Named<SelectionKind> selectionNames[] = {
    {SelectionKind::Soft, "soft"},
    {SelectionKind::Hard, "hard"},
    {SelectionKind::Sample, "sample"},
};
inline constexpr Named<PositionalEncoding> positionalNames[] = {
    {PositionalEncoding::None, "none"},
    {PositionalEncoding::Sinusoidal, "sinusoidal"},
};

template <typename Enum, std::size_t count>
QString nameOf(const Named<Enum> (&names)[count], Enum value)
{
    for (const auto &named : names) {
        if (named.value == value)
            return QLatin1String(named.name);
    }
    return QLatin1String(names[0].name);
}

/// Seeds up to 2⁵³ are exact as JSON numbers; larger ones are written as strings.
inline constexpr std::uint64_t largestExactSeed = std::uint64_t(1) << 53;

} // namespace attn::ui::scenario_names
