#include "fuzz_entry_points.h"

#include "attention.h"
#include "lesson.h"
#include "lesson_loader.h"
#include "presets.h"
#include "scenario_reader.h"
#include "scenario_writer.h"
#include "trace_json.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <cstdio>
#include <cstdlib>

namespace attn::fuzz {

using namespace attn::ui;

namespace {

/// A promise of the readers is broken: say which and stop, so that the
/// fuzzer keeps the input and the replay test fails.
[[noreturn]] void broken(const char *promise, const QString &detail = QString())
{
    std::fprintf(stderr, "fuzz: broken promise: %s %s\n", promise, qPrintable(detail));
    std::abort();
}

void check(bool holds, const char *promise, const QString &detail = QString())
{
    if (!holds)
        broken(promise, detail);
}

QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

/// Computes a scenario the reader accepted and writes its trace both ways.
void computeAndWrite(const Scenario &scenario)
{
    const Result<Trace> trace = compute(scenario);
    // The reader validated it: compute has nothing left to refuse.
    check(trace.ok(), "an accepted scenario computes",
          trace.ok() ? QString() : QString::fromStdString(trace.error().message));
    const QByteArray text = traceToJsonText(scenario, trace.value());
    QByteArray streamed;
    const bool written = writeTraceJson(scenario, trace.value(), [&](const QByteArray &piece) {
        streamed += piece;
        return true;
    });
    check(written, "the streamed trace JSON writes to a sink that never fails");
    check(streamed == text, "the streamed trace JSON is the in-memory one");
}

/// A folder for one process's lesson files, under the temporary folder
/// (TMPDIR; /dev/shm keeps a fuzzing campaign off the disk).
const QDir &lessonFolder()
{
    static QTemporaryDir folder(QDir::tempPath() + QStringLiteral("/attention-lab-fuzz-XXXXXX"));
    static const QDir dir = [] {
        if (!folder.isValid())
            broken("a temporary folder can be made", folder.errorString());
        return QDir(folder.path());
    }();
    return dir;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    const bool written = file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                         file.write(content) == content.size() && file.flush();
    check(written, "the fuzz folder can be written", path);
}

/// The files a fuzzed lesson.json may point at, written once.
void writeLessonCompanions(const QDir &dir)
{
    static bool written = false;
    if (written)
        return;
    written = true;
    const QByteArray text = "# A step\n\nSome text.\n\n<!-- question -->\nWhich one?\n\n"
                            "<!-- choices -->\n- one\n- two\n- three\n\n<!-- hint -->\nLook.\n\n"
                            "<!-- right -->\nRight.\n\n<!-- wrong -->\nNot quite.\n";
    writeFile(dir.filePath(QStringLiteral("step.md")), text);
    writeFile(dir.filePath(QStringLiteral("step.de.md")), text);
    const ScenarioReadResult tutorial = loadPreset(QStringLiteral("tutorial"));
    check(tutorial.ok(), "the tutorial preset loads", tutorial.error);
    writeFile(dir.filePath(QStringLiteral("scenario.json")), writeScenario(*tutorial.scenario));
}

/// Loads the lesson at `manifest` and computes every step's scenario the way
/// the lesson panel sets it up, from the tutorial.
int playLesson(const QString &manifest, const QString &language)
{
    const LessonLoadResult loaded = loadLesson(manifest, language);
    if (!loaded.ok()) {
        check(!loaded.error.isEmpty(), "a refused lesson says why");
        return Refused;
    }
    static const Scenario tutorial = *loadPreset(QStringLiteral("tutorial")).scenario;
    Scenario current = tutorial;
    for (const LessonChapter &chapter : loaded.lesson->chapters) {
        for (const LessonStep &step : chapter.steps) {
            current = stepScenario(step.setup, current);
            if (!validate(current))
                (void)compute(current);
        }
    }
    return Accepted;
}

} // namespace

int fuzzScenario(const std::uint8_t *data, std::size_t size)
{
    const ScenarioReadResult read = readScenario(bytes(data, size), QStringLiteral("fuzz input"));
    if (!read.ok()) {
        check(!read.error.isEmpty(), "a refused scenario says why");
        return Refused;
    }
    const Scenario &scenario = *read.scenario;
    check(!validate(scenario), "readScenario accepts only valid scenarios");
    computeAndWrite(scenario);

    // Saved and opened again, the scenario is the same: the same text again.
    const QByteArray saved = writeScenario(scenario);
    const ScenarioReadResult reread = readScenario(saved, QStringLiteral("fuzz input saved"));
    check(reread.ok(), "a saved scenario opens again", reread.error);
    check(writeScenario(*reread.scenario) == saved, "a saved scenario reads back the same");
    return Accepted;
}

int fuzzLesson(const std::uint8_t *data, std::size_t size)
{
    const QDir &dir = lessonFolder();
    writeLessonCompanions(dir);
    const QString manifest = dir.filePath(QStringLiteral("lesson.json"));
    writeFile(manifest, bytes(data, size));
    return playLesson(manifest, QStringLiteral("de"));
}

int fuzzLessonText(const std::uint8_t *data, std::size_t size)
{
    // One step per input, read once: the step whose activity asks the most of
    // the sections the text has, so that every activity's checks are reached.
    const QByteArray text = bytes(data, size);
    const char *activity = R"("activity": {"type": "by-hand", "stage": "queries", "head": 0,)"
                           R"( "row": 2, "col": 0, "tolerance": 0.005})";
    QString name = QStringLiteral("by-hand");
    if (text.contains("<!-- choices -->")) {
        name = QStringLiteral("predict");
        activity = R"("activity": {"type": "predict", "choices": ["a", "b", "c"], "correct": 1})";
    } else if (text.contains("<!-- hint -->")) {
        name = QStringLiteral("try");
        activity = R"("activity": {"type": "try", "goal": {"kind": "argmax", "stage": "scores",)"
                   R"( "head": 0, "row": 1, "col": 3}, "solution": [{"matrix": "w_k", "row": 2,)"
                   R"( "col": 0, "value": 3}]})";
    } else if (!text.contains("<!-- question -->")) {
        name = QStringLiteral("read");
        activity = nullptr;
    }

    const QDir &dir = lessonFolder();
    const QString manifest = dir.filePath(QStringLiteral("text-%1.json").arg(name));
    static QSet<QString> written;
    if (!written.contains(manifest)) {
        written.insert(manifest);
        QByteArray step = R"({"id": "step", "text": "fuzzed.md")";
        if (activity)
            step += QByteArray(", ") + activity;
        step += "}";
        writeFile(manifest, R"({"format": "attention-lab-lesson", "version": 1, "id": "text",)"
                            R"( "title": "Text", "chapters": [{"id": "c", "title": "C", "steps": [)" +
                                step + "]}]}");
    }
    writeFile(dir.filePath(QStringLiteral("fuzzed.md")), text);
    return playLesson(manifest, QStringLiteral("en"));
}

} // namespace attn::fuzz
