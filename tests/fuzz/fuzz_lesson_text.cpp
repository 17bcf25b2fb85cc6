// libFuzzer target: a lesson step's Markdown file, loaded with the steps that need it.
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
    attn::fuzz::fuzzLessonText(data, size);
    return 0;
}
