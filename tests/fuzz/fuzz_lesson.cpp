// libFuzzer target: a lesson's lesson.json, loaded and every step computed.
// Built by the `fuzz` preset (clang); see the README's "Fuzzing" section.

#include "fuzz_entry_points.h"

#include <QCoreApplication>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // The readers run in the app beside a QCoreApplication: the same here.
    static QCoreApplication application(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    attn::fuzz::fuzzLesson(data, size);
    return 0;
}
