// Every input the fuzzers keep (tests/fuzz/corpus/<reader>/: the seeds and
// each crash once found) is read again through the same entry point on every
// run, built with the normal compiler: a crash fixed once stays fixed.
// The entry points abort on a crash or a broken promise, which fails this test.

#include "fuzz_entry_points.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtTest>

namespace {

using EntryPoint = int (*)(const std::uint8_t *, std::size_t);

QDir corpus(const QString &reader)
{
    return QDir(qEnvironmentVariable("ATTENTION_LAB_SOURCE_DIR") +
                QStringLiteral("/tests/fuzz/corpus/") + reader);
}

/// The readers and their entry points, as the corpus folders name them.
const QList<QPair<QString, EntryPoint>> &readers()
{
    static const QList<QPair<QString, EntryPoint>> list = {
        {QStringLiteral("scenario"), &attn::fuzz::fuzzScenario},
        {QStringLiteral("lesson"), &attn::fuzz::fuzzLesson},
        {QStringLiteral("lesson_text"), &attn::fuzz::fuzzLessonText},
    };
    return list;
}

EntryPoint entryPoint(const QString &reader)
{
    for (const auto &[name, entry] : readers()) {
        if (name == reader)
            return entry;
    }
    return nullptr;
}

} // namespace

class FuzzCorpusTest : public QObject
{
    Q_OBJECT

private slots:
    void everyReaderHasSeeds_data();
    void everyReaderHasSeeds();
    void savedInputsNoLongerCrash_data();
    void savedInputsNoLongerCrash();
};

void FuzzCorpusTest::everyReaderHasSeeds_data()
{
    QTest::addColumn<QString>("reader");
    for (const auto &reader : readers())
        QTest::newRow(qPrintable(reader.first)) << reader.first;
}

/// A replay of an empty or missing folder would pass without testing anything.
void FuzzCorpusTest::everyReaderHasSeeds()
{
    QFETCH(QString, reader);
    const QDir dir = corpus(reader);
    QVERIFY2(dir.exists(), qPrintable(dir.path()));
    QVERIFY2(dir.entryList(QDir::Files).size() >= 5,
             qPrintable(QStringLiteral("%1 holds fewer than 5 inputs").arg(dir.path())));
}

void FuzzCorpusTest::savedInputsNoLongerCrash_data()
{
    QTest::addColumn<QString>("reader");
    QTest::addColumn<QString>("path");
    for (const auto &reader : readers()) {
        const QDir dir = corpus(reader.first);
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
            const QString row = reader.first + QLatin1Char('/') + name;
            QTest::newRow(qPrintable(row)) << reader.first << dir.filePath(name);
        }
    }
}

/// Each saved input returns from its reader: refused with a message or read,
/// never a crash, an abort or undefined behaviour (under the asan preset).
void FuzzCorpusTest::savedInputsNoLongerCrash()
{
    QFETCH(QString, reader);
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QByteArray input = file.readAll();
    const EntryPoint entry = entryPoint(reader);
    QVERIFY(entry);
    // Named before it runs: a crash ends the test without a row of its own.
    qInfo("replaying %s", qPrintable(path));
    const int outcome =
        entry(reinterpret_cast<const std::uint8_t *>(input.constData()), input.size());
    QVERIFY(outcome == attn::fuzz::Refused || outcome == attn::fuzz::Accepted);
    // The shipped files are the product's own: their reader takes them, so the
    // fuzzer starts from inputs that reach past the first check.
    if (QFileInfo(path).fileName().startsWith(QLatin1String("shipped-")))
        QCOMPARE(outcome, int(attn::fuzz::Accepted));
}

QTEST_GUILESS_MAIN(FuzzCorpusTest)
#include "tst_fuzz_corpus.moc"
