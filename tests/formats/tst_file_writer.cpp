// The one writer every file of the app goes through: a save or an export
// that cannot be finished leaves the old file exactly as it was.
//
// A full disk is played by a child process whose file size limit is lower
// than the new file (writes fail with EFBIG, "File too large"), a read-only
// folder by a folder without write permission, written to as an ordinary
// user. The expected reasons are the C library's words for those errors.

#include "file_writer.h"
#include "write_failure.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

using attn::test::inChild;
using attn::ui::replaceFileContents;
using attn::ui::writeFileAtomically;

namespace {

const QByteArray oldContents = "{\"the\": \"old file\"}\n";

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return "<cannot read " + QFile::encodeName(path) + ">";
    return file.readAll();
}

bool writeOldFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(oldContents) == oldContents.size();
}

QStringList entries(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                                  QDir::Name);
}

/// A new file of `size` bytes, unlike the old one.
QByteArray newContents(int size)
{
    return QByteArray(size, 'n');
}

} // namespace

class TestFileWriter : public QObject
{
    Q_OBJECT

private slots:
    void writesAndReplaces();
    void fullDiskKeepsOldFile_data();
    void fullDiskKeepsOldFile();
    void fullDiskLeavesNoNewFile();
    void readOnlyFolderKeepsOldFile();
    void replacedFileKeepsItsPermissions();
    void linkStaysALink();
};

void TestFileWriter::writesAndReplaces()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("scenario.json"));
    QString error;
    QVERIFY2(writeFileAtomically(path, oldContents, &error), qPrintable(error));
    QCOMPARE(contentsOf(path), oldContents);
    QVERIFY2(writeFileAtomically(path, newContents(100), &error), qPrintable(error));
    QCOMPARE(contentsOf(path), newContents(100));
    QCOMPARE(entries(folder.path()), QStringList{QStringLiteral("scenario.json")});
}

void TestFileWriter::fullDiskKeepsOldFile_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("size");
    // The limit is hit by the first write, and by the middle of the file.
    QTest::newRow("no room at all") << 0 << 4096;
    QTest::newRow("room for part of the file") << 1000 << 200000;
}

void TestFileWriter::fullDiskKeepsOldFile()
{
    QFETCH(int, limit);
    QFETCH(int, size);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("scenario.json"));
    QVERIFY(writeOldFile(path));

    const attn::test::ChildResult child = inChild(rlim_t(limit), false, [&](bool &ok) {
        QString error;
        ok = writeFileAtomically(path, newContents(size), &error);
        return error;
    });
    QVERIFY2(child.exited, "the child was killed: SIGXFSZ was not ignored?");
    QCOMPARE(child.exitCode, 1); // the write reported failure
    QCOMPARE(child.message, QStringLiteral("cannot write %1: %2")
                                .arg(path, QString::fromLocal8Bit(std::strerror(EFBIG))));
    QCOMPARE(contentsOf(path), oldContents);
    QCOMPARE(entries(folder.path()), QStringList{QStringLiteral("scenario.json")});
}

void TestFileWriter::fullDiskLeavesNoNewFile()
{
    // Nothing was there: nothing is there afterwards, not even a 0-byte file.
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("figure.png"));
    const attn::test::ChildResult child = inChild(100, false, [&](bool &ok) {
        QString reason;
        ok = replaceFileContents(path, newContents(5000), &reason);
        return reason;
    });
    QCOMPARE(child.exitCode, 1);
    QCOMPARE(child.message, QString::fromLocal8Bit(std::strerror(EFBIG)));
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(entries(folder.path()), QStringList());

    // Under the same limit, a file that fits is written: the limit is what failed.
    const attn::test::ChildResult small = inChild(100, false, [&](bool &ok) {
        QString reason;
        ok = replaceFileContents(path, newContents(50), &reason);
        return reason;
    });
    QCOMPARE(small.exitCode, 0);
    QCOMPARE(contentsOf(path), newContents(50));
}

void TestFileWriter::readOnlyFolderKeepsOldFile()
{
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    // The user who writes (an ordinary one, even when the tests run as root)
    // may enter the folders but not write in the inner one.
    QVERIFY(QFile::setPermissions(parent.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                     QFile::ExeOwner | QFile::ReadOther |
                                                     QFile::ExeOther));
    const QString folder = parent.filePath(QStringLiteral("read-only"));
    QVERIFY(QDir(parent.path()).mkdir(QStringLiteral("read-only")));
    const QString path = QDir(folder).filePath(QStringLiteral("scenario.json"));
    QVERIFY(writeOldFile(path));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0666) == 0);
    QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0555) == 0);

    const attn::test::ChildResult child = inChild(RLIM_INFINITY, true, [&](bool &ok) {
        QString reason;
        ok = replaceFileContents(path, newContents(300), &reason);
        return reason;
    });
    ::chmod(QFile::encodeName(folder).constData(), 0755);
    QVERIFY2(child.exited, qPrintable(child.message));
    QCOMPARE(child.exitCode, 1);
    QCOMPARE(child.message, QString::fromLocal8Bit(std::strerror(EACCES)));
    QCOMPARE(contentsOf(path), oldContents);
    QCOMPARE(entries(folder), QStringList{QStringLiteral("scenario.json")});
}

void TestFileWriter::replacedFileKeepsItsPermissions()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("private.json"));
    QVERIFY(writeOldFile(path));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
    QString error;
    QVERIFY2(writeFileAtomically(path, newContents(10), &error), qPrintable(error));
    struct stat after {};
    QVERIFY(::stat(QFile::encodeName(path).constData(), &after) == 0);
    QCOMPARE(after.st_mode & 07777, mode_t(0640));
}

void TestFileWriter::linkStaysALink()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString real = folder.filePath(QStringLiteral("real.json"));
    const QString link = folder.filePath(QStringLiteral("link.json"));
    QVERIFY(writeOldFile(real));
    QVERIFY(QFile::link(real, link));
    QString error;
    QVERIFY2(writeFileAtomically(link, newContents(10), &error), qPrintable(error));
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(contentsOf(real), newContents(10));
}

QTEST_GUILESS_MAIN(TestFileWriter)
#include "tst_file_writer.moc"
