// The export commands as a user runs them: the built attention-lab in a child
// process with no display at all.
//
//   export / export-deck / export-code / export-latex / export-csv → the file, exit 0
//   a bad argument or scenario → one line on stderr, no file, exit 2
//   a path that cannot be written → one line on stderr, no file, exit 1
//   a full disk (a lowered file size limit) → the reason on stderr, the old file, exit 1

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/resource.h>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs attention-lab; with `fileSizeLimit`, the child cannot write a file
/// past that many bytes (EFBIG, as on a full disk; SIGXFSZ is ignored).
Run run(const QStringList &arguments, qint64 fileSizeLimit = -1)
{
    QProcess process;
    if (fileSizeLimit >= 0) {
        process.setChildProcessModifier([fileSizeLimit] {
            std::signal(SIGXFSZ, SIG_IGN);
            rlimit limit{};
            ::getrlimit(RLIMIT_FSIZE, &limit);
            limit.rlim_cur = rlim_t(fileSizeLimit);
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // No display: the export commands must not need one.
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(ATTENTION_LAB_EXE), arguments);
    Run result;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        result.err = "the process crashed or hung";
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString describe(const Run &result)
{
    return QStringLiteral("exit %1\n--- stdout:\n%2\n--- stderr:\n%3")
        .arg(result.exitCode)
        .arg(QString::fromUtf8(result.out.left(2000)), QString::fromUtf8(result.err));
}

} // namespace

class TestExportCli : public QObject
{
    Q_OBJECT

private slots:
    void commandsWriteTheirFile_data();
    void commandsWriteTheirFile();
    void pngHasTheRequestedSize();
    void badArgumentsExitTwo_data();
    void badArgumentsExitTwo();
    void unwritablePathExitsOne();
    void exportOnFullDiskFails_data();
    void exportOnFullDiskFails();
    void everyColorMapIsAccepted_data();
    void everyColorMapIsAccepted();
    void lessonDeckHasOnePagePerStep();
    void brokenLessonExitsTwo();

private:
    QTemporaryDir m_dir;
};

void TestExportCli::commandsWriteTheirFile_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("starts");

    QTest::newRow("export weights svg")
        << QStringList{"export", "--preset", "tutorial", "--stage", "weights", "--format", "svg"}
        << "weights.svg" << QByteArray("<?xml");
    QTest::newRow("export pipeline pdf, dark, no values")
        << QStringList{"export", "--preset", "multi-head", "--stage",  "pipeline", "--format",
                       "pdf",    "--theme",  "dark",       "--values", "off"}
        << "pipeline.pdf" << QByteArray("%PDF");
    QTest::newRow("export head 2 of multi-head, format from the suffix")
        << QStringList{"export", "--preset", "multi-head", "--stage", "scores", "--head", "2"}
        << "scores-2.png" << QByteArray("\x89PNG");
    QTest::newRow("export from a file")
        << QStringList{"export",
                       QStringLiteral(ATTENTION_LAB_SOURCE_DIR) + "/resources/presets/causal.json",
                       "--stage",
                       "masked",
                       "--format",
                       "png"}
        << "masked.png" << QByteArray("\x89PNG");
    QTest::newRow("export-deck") << QStringList{"export-deck", "--preset", "tutorial"} << "deck.pdf"
                                 << QByteArray("%PDF");
    QTest::newRow("export-code") << QStringList{"export-code", "--preset", "tutorial"}
                                 << "attention.py" << QByteArray("#!/usr/bin/env python3");
    QTest::newRow("export-latex, one stage, 3 decimals")
        << QStringList{"export-latex", "--preset",   "tutorial", "--stage",
                       "weights",      "--decimals", "3"}
        << "weights.tex" << QByteArray("% Attention Lab");
    QTest::newRow("export-csv") << QStringList{"export-csv", "--preset", "tutorial"} << "trace.csv"
                                << QByteArray("\xEF\xBB\xBF");
}

void TestExportCli::commandsWriteTheirFile()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, file);
    QFETCH(QByteArray, starts);
    const QString path = m_dir.filePath(file);
    const Run result = run(arguments << QStringLiteral("--out") << path);
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY2(result.out.isEmpty(), qPrintable(describe(result)));
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.readAll().startsWith(starts));
}

void TestExportCli::pngHasTheRequestedSize()
{
    const QString path = m_dir.filePath(QStringLiteral("sized.png"));
    const Run result =
        run({"export", "--preset", "tutorial", "--stage", "weights", "--format", "png", "--width",
             "640", "--height", "480", "--scale", "3", "--out", path});
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QImage image;
    QVERIFY(image.load(path));
    QCOMPARE(image.size(), QSize(1920, 1440));
}

void TestExportCli::badArgumentsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message"); // a part of the one line on stderr

    const QStringList weights{"export",  "--preset", "tutorial", "--stage",
                              "weights", "--format", "png"};
    QTest::newRow("no --out") << weights << "--out";
    QTest::newRow("unknown stage")
        << QStringList{"export", "--preset", "tutorial", "--stage", "softmax", "--format", "png"}
        << "unknown stage \"softmax\"";
    QTest::newRow("no stage") << QStringList{"export", "--preset", "tutorial", "--format", "png"}
                              << "--stage";
    QTest::newRow("unknown format")
        << QStringList{"export", "--preset", "tutorial", "--stage", "weights", "--format", "gif"}
        << "unknown format \"gif\"";
    QTest::newRow("width too small") << (QStringList(weights) << "--width"
                                                              << "10")
                                     << "--width";
    QTest::newRow("scale not a number") << (QStringList(weights) << "--scale"
                                                                 << "big")
                                        << "--scale";
    QTest::newRow("theme") << (QStringList(weights) << "--theme"
                                                    << "blue")
                           << "--theme";
    QTest::newRow("values") << (QStringList(weights) << "--values"
                                                     << "maybe")
                            << "--values";
    QTest::newRow("head beyond the heads") << (QStringList(weights) << "--head"
                                                                    << "2")
                                           << "--head";
    QTest::newRow("concat with one head")
        << QStringList{"export", "--preset", "tutorial", "--stage", "concat", "--format", "png"}
        << "no concat stage";
    QTest::newRow("unknown preset")
        << QStringList{"export", "--preset", "nope", "--stage", "weights", "--format", "png"}
        << "nope";
    QTest::newRow("no scenario") << QStringList{"export-code"} << "FILE or --preset";
    QTest::newRow("decimals belong to export-latex")
        << QStringList{"export-code", "--preset", "tutorial", "--decimals", "3"}
        << "--decimals belongs to export-latex";
    QTest::newRow("decimals out of range")
        << QStringList{"export-latex", "--preset", "tutorial", "--decimals", "11"} << "--decimals";
    QTest::newRow("pipeline is not a LaTeX stage")
        << QStringList{"export-latex", "--preset", "tutorial", "--stage", "pipeline"}
        << "unknown stage";
    QTest::newRow("unknown colour map")
        << (QStringList(weights) << "--colormap"
                                 << "jet")
        << "unknown colour map \"jet\"; the colour maps are viridis, cividis, magma";
    QTest::newRow("colour map of export-deck")
        << QStringList{"export-deck", "--preset", "tutorial", "--colormap", "rainbow"}
        << "rdbu, puor";
    QTest::newRow("colour map belongs to the figures")
        << QStringList{"export-csv", "--preset", "tutorial", "--colormap", "magma"}
        << "--colormap belongs to export, export-deck";
    QTest::newRow("lesson and preset")
        << QStringList{"export-deck", "--lesson", "--preset", "tutorial"} << "--lesson";
    QTest::newRow("lesson belongs to export-deck")
        << QStringList{"export", "--lesson", "--stage", "weights", "--format", "png"}
        << "--lesson belongs to export-deck";
    QTest::newRow("no such lesson")
        << QStringList{"export-deck", "--lesson", "/no/such/lesson.json"} << "lesson.json";
    QTest::newRow("deck page") << QStringList{"export-deck", "--preset", "tutorial", "--page", "a5"}
                               << "--page";
}

void TestExportCli::badArgumentsExitTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString path = m_dir.filePath(QStringLiteral("never-written"));
    if (message != QLatin1String("--out"))
        arguments << QStringLiteral("--out") << path;
    const Run result = run(arguments);
    QVERIFY2(result.exitCode == 2, qPrintable(describe(result)));
    QVERIFY2(result.out.isEmpty(), qPrintable(describe(result)));
    QVERIFY2(result.err.count('\n') == 1, qPrintable(describe(result)));
    QVERIFY2(QString::fromUtf8(result.err).contains(message), qPrintable(describe(result)));
    QVERIFY(!QFile::exists(path));
}

void TestExportCli::unwritablePathExitsOne()
{
    const QString folder = m_dir.filePath(QStringLiteral("no-such-folder"));
    for (const QStringList &command :
         {QStringList{"export", "--preset", "tutorial", "--stage", "weights", "--format", "pdf"},
          QStringList{"export-deck", "--preset", "tutorial"},
          QStringList{"export-code", "--preset", "tutorial"}}) {
        const QString path = folder + QStringLiteral("/out");
        const Run result = run(QStringList(command) << QStringLiteral("--out") << path);
        QVERIFY2(result.exitCode == 1, qPrintable(describe(result)));
        QVERIFY2(result.err.count('\n') == 1, qPrintable(describe(result)));
        QVERIFY2(QString::fromUtf8(result.err).contains(path), qPrintable(describe(result)));
        QVERIFY(!QFileInfo::exists(folder));
    }
    // A folder where the file should go: nothing is left inside it either.
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("a-folder")));
    const QString taken = m_dir.filePath(QStringLiteral("a-folder"));
    const Run result = run({"export-csv", "--preset", "tutorial", "--out", taken});
    QVERIFY2(result.exitCode == 1, qPrintable(describe(result)));
    QCOMPARE(QDir(taken).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());
}

void TestExportCli::exportOnFullDiskFails_data()
{
    commandsWriteTheirFile_data(); // every export command
}

// Each export on a full disk: exit 1 with the system's reason, and the file
// that was there before is still there, byte for byte, with nothing beside it.
void TestExportCli::exportOnFullDiskFails()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, file);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(file);
    const QByteArray old = "the previous export\n";
    {
        QFile previous(path);
        QVERIFY(previous.open(QIODevice::WriteOnly));
        QCOMPARE(previous.write(old), qint64(old.size()));
    }
    const Run result = run(arguments << QStringLiteral("--out") << path, 64);
    QVERIFY2(result.exitCode == 1, qPrintable(describe(result)));
    QVERIFY2(result.out.isEmpty(), qPrintable(describe(result)));
    QVERIFY2(result.err.count('\n') == 1, qPrintable(describe(result)));
    const QString err = QString::fromLocal8Bit(result.err);
    QVERIFY2(err.contains(path), qPrintable(describe(result)));
    QVERIFY2(err.contains(QString::fromLocal8Bit(std::strerror(EFBIG))), qPrintable(describe(result)));
    QFile kept(path);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), old);
    QCOMPARE(QDir(folder.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{file});
}

void TestExportCli::everyColorMapIsAccepted_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QColor>("end"); // the colour of the scale's top, from the published table

    QTest::newRow("viridis") << "viridis" << "weights" << QColor("#fde725");
    QTest::newRow("cividis") << "cividis" << "weights" << QColor(255, 233, 69);
    QTest::newRow("magma") << "magma" << "weights" << QColor("#fcfdbf");
    QTest::newRow("greys") << "greys" << "weights" << QColor("#000000");
    QTest::newRow("rdbu") << "rdbu" << "scores" << QColor("#67001f");
    QTest::newRow("puor") << "puor" << "scores" << QColor("#7f3b08");
}

void TestExportCli::everyColorMapIsAccepted()
{
    QFETCH(QString, name);
    QFETCH(QString, stage);
    QFETCH(QColor, end);
    const QString path = m_dir.filePath(name + QStringLiteral(".png"));
    const Run result = run({"export", "--preset", "tutorial", "--stage", stage, "--colormap", name,
                            "--width", "600", "--height", "450", "--out", path});
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    QVERIFY2(result.err.isEmpty(), qPrintable(describe(result)));
    QImage image;
    QVERIFY(image.load(path));
    // The colour scale beside the cells runs to the map's last stop.
    bool found = false;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height() && !found; ++y) {
        for (int x = 0; x < rgb.width() && !found; ++x) {
            const QRgb pixel = rgb.pixel(x, y);
            found = std::abs(qRed(pixel) - end.red()) <= 3 &&
                    std::abs(qGreen(pixel) - end.green()) <= 3 &&
                    std::abs(qBlue(pixel) - end.blue()) <= 3;
        }
    }
    QVERIFY2(found, qPrintable(end.name()));

    // The deck takes it too.
    const QString deck = m_dir.filePath(name + QStringLiteral(".pdf"));
    const Run deckResult =
        run({"export-deck", "--preset", "tutorial", "--colormap", name, "--out", deck});
    QVERIFY2(deckResult.exitCode == 0, qPrintable(describe(deckResult)));
    QVERIFY(QFile::exists(deck));
}

void TestExportCli::lessonDeckHasOnePagePerStep()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
        QSKIP("pdfinfo (poppler-utils) is not installed");
    // The steps, counted from the shipped manifest itself.
    const QString source = QStringLiteral(ATTENTION_LAB_SOURCE_DIR) +
                           QStringLiteral("/resources/lessons/attention-from-scratch");
    QFile manifest(source + QStringLiteral("/lesson.json"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    int steps = 0;
    const QJsonArray chapters = QJsonDocument::fromJson(manifest.readAll())["chapters"].toArray();
    for (const QJsonValue &chapter : chapters)
        steps += int(chapter[QStringLiteral("steps")].toArray().size());
    QVERIFY(steps > 0);

    // The shipped lesson, then the same lesson read from its folder on disk.
    for (const QStringList &lesson : {QStringList{"--lesson"}, QStringList{"--lesson", source}}) {
        const QString path = m_dir.filePath(QStringLiteral("lesson.pdf"));
        QFile::remove(path);
        const Run result = run(QStringList{"export-deck"} << lesson << "--out" << path);
        QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
        QVERIFY2(result.err.isEmpty(), qPrintable(describe(result)));
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), {path});
        QVERIFY(info.waitForFinished(30000));
        const QString text = QString::fromUtf8(info.readAllStandardOutput());
        const QRegularExpressionMatch pages =
            QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(text);
        QVERIFY2(pages.hasMatch(), qPrintable(text));
        QCOMPARE(pages.captured(1).toInt(), steps + 1); // a title page, then one per step
    }
}

void TestExportCli::brokenLessonExitsTwo()
{
    // A teacher's lesson whose step names a text file that is not there.
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("broken-lesson")));
    const QString folder = m_dir.filePath(QStringLiteral("broken-lesson"));
    QFile manifest(folder + QStringLiteral("/lesson.json"));
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write(R"({"format": "attention-lab-lesson", "version": 1, "id": "broken",
        "title": "Broken", "chapters": [{"id": "one", "title": "One", "steps": [
        {"id": "missing", "text": "missing.md", "setup": {"preset": "tutorial"}}]}]})");
    manifest.close();
    const QString path = m_dir.filePath(QStringLiteral("broken.pdf"));
    for (const QString &lesson : {folder, folder + QStringLiteral("/lesson.json")}) {
        const Run result = run({"export-deck", "--lesson", lesson, "--out", path});
        QVERIFY2(result.exitCode == 2, qPrintable(describe(result)));
        QVERIFY2(result.out.isEmpty(), qPrintable(describe(result)));
        QVERIFY2(result.err.count('\n') == 1, qPrintable(describe(result)));
        QVERIFY2(result.err.contains("missing"), qPrintable(describe(result)));
        QVERIFY(!QFile::exists(path));
    }
}

QTEST_MAIN(TestExportCli)
#include "tst_export_cli.moc"
