#pragma once

// One entry point per reader of outside bytes. The libFuzzer targets
// (fuzz_<reader>.cpp, the `fuzz` preset) and the corpus replay test
// (tst_fuzz_corpus.cpp, every build) call the same functions, so a crash the
// fuzzer once found stays found.
//
// Each takes any bytes and must return: a bad input is refused by the reader
// with a message, never by a throw, an abort or undefined behaviour. What the
// readers promise beyond that (a scenario written out reads back as the same
// text; the streamed trace JSON is the in-memory one) is checked too, and a
// broken promise aborts with a message on stderr, so the fuzzer reports it.

#include <cstddef>
#include <cstdint>

namespace attn::fuzz {

/// What became of an input: refused by the reader, or read (and computed).
enum Outcome : int { Refused = 0, Accepted = 1 };

/// Scenario JSON → readScenario (which validates) → compute → trace JSON,
/// in memory and streamed, and the scenario written out and read back.
int fuzzScenario(const std::uint8_t *data, std::size_t size);

/// The bytes as a lesson's lesson.json, in a folder that also holds a step
/// text (step.md, step.de.md) and a scenario (scenario.json) it may name;
/// loadLesson reads it, then every step's scenario is set up and computed.
int fuzzLesson(const std::uint8_t *data, std::size_t size);

/// The bytes as a step's Markdown file: one step of each kind of activity
/// (read, predict, by hand) points at it, so the sections they need are looked for.
int fuzzLessonText(const std::uint8_t *data, std::size_t size);

} // namespace attn::fuzz
