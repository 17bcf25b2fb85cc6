// A crash loses nothing: the real attention-lab window, run as a process on
// the offscreen platform, is edited, killed with SIGKILL and started again;
// the edit must be offered back. The edit and the answer to the restore
// question come from the executable's test-only hooks
// (ATTENTION_LAB_TEST_EDIT, ATTENTION_LAB_TEST_ANSWER_RECOVERY, see
// app/test_hooks.h); the recovery files are read here as plain JSON, not
// with the app's own reader.
//
// The edit: X[1][1] of the tutorial (1 in the file) becomes 7.25.

#include "recovery_copy.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

namespace {

constexpr int waitMs = 30000; // a loaded machine may take its time to start a window

class TestCrashRecovery : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void killRestoresEdits();
    void runningInstanceKeepsItsCopy();
    void discardedWorkIsNotOfferedAgain();

private:
    /// Starts the window on the scenario file with these extra variables.
    QProcess *start(const QStringList &variables);
    /// Kills the process with SIGKILL, as a crash would end it.
    void crash(QProcess *process);
    QString recoveryFolder() const;
    QStringList recoveryFiles() const;
    /// Waits until the folder holds `count` recovery files (polled), or fails.
    bool waitForFiles(int count, const QStringList &exclude = {}) const;
    /// X[1][1] of the scenario inside a recovery file, and the file it names.
    static double firstEmbedding(const QString &path, QString *originalFile = nullptr);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_scenario;
    std::vector<std::unique_ptr<QProcess>> m_processes;
};

void TestCrashRecovery::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_scenario = m_dir->filePath(QStringLiteral("tutorial.json"));
    QVERIFY(QFile::copy(QStringLiteral(ATTENTION_LAB_SOURCE_DIR "/resources/presets/tutorial.json"),
                        m_scenario));
}

void TestCrashRecovery::cleanup()
{
    for (const auto &process : m_processes)
        crash(process.get());
    m_processes.clear();
    m_dir.reset();
}

QProcess *TestCrashRecovery::start(const QStringList &variables)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // The user's own data and settings are never touched.
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                       m_dir->filePath(QStringLiteral("config")));
    environment.remove(QStringLiteral("ATTENTION_LAB_TEST_EDIT"));
    environment.remove(QStringLiteral("ATTENTION_LAB_TEST_ANSWER_RECOVERY"));
    for (const QString &variable : variables)
        environment.insert(variable.section(QLatin1Char('='), 0, 0),
                           variable.section(QLatin1Char('='), 1));
    process->setProcessEnvironment(environment);
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->start(QStringLiteral(ATTENTION_LAB_EXE), {m_scenario});
    if (!process->waitForStarted(waitMs))
        qWarning("attention-lab did not start: %s", qPrintable(process->errorString()));
    m_processes.push_back(std::move(process));
    return m_processes.back().get();
}

void TestCrashRecovery::crash(QProcess *process)
{
    if (process->state() == QProcess::NotRunning)
        return;
    process->kill(); // SIGKILL: no destructor, no close event, nothing cleaned up
    process->waitForFinished(waitMs);
}

QString TestCrashRecovery::recoveryFolder() const
{
    return m_dir->filePath(QStringLiteral("data/Attention Lab/attention-lab/recovery"));
}

QStringList TestCrashRecovery::recoveryFiles() const
{
    QStringList files;
    for (const QString &name :
         QDir(recoveryFolder()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        files << QDir(recoveryFolder()).filePath(name);
    return files;
}

bool TestCrashRecovery::waitForFiles(int count, const QStringList &exclude) const
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < waitMs) {
        QStringList files = recoveryFiles();
        for (const QString &old : exclude)
            files.removeAll(old);
        if (files.size() >= count)
            return true;
        QTest::qWait(50);
    }
    return false;
}

double TestCrashRecovery::firstEmbedding(const QString &path, QString *originalFile)
{
    const QJsonObject copy = recovery_copy::read(path);
    if (originalFile)
        *originalFile = copy.value(QStringLiteral("file")).toString();
    return copy.isEmpty() ? qQNaN() : recovery_copy::firstEmbedding(copy);
}

void TestCrashRecovery::killRestoresEdits()
{
    QProcess *first = start({QStringLiteral("ATTENTION_LAB_TEST_EDIT=X,1,1,7.25")});
    QVERIFY2(waitForFiles(1), "no recovery file appeared after the edit");
    const QString copy = recoveryFiles().constFirst();
    QTRY_COMPARE_WITH_TIMEOUT(firstEmbedding(copy), 7.25, waitMs); // written in full
    crash(first);
    QCOMPARE(first->exitStatus(), QProcess::CrashExit);
    QVERIFY2(QFile::exists(copy), "the copy must outlive the crash");

    // The next start restores it: the restored work, unsaved, gets an autosave
    // of its own, which holds the edit and the original file; the crashed
    // window's copy is gone once that one is written.
    QProcess *second = start({QStringLiteral("ATTENTION_LAB_TEST_ANSWER_RECOVERY=restore")});
    QVERIFY2(waitForFiles(1, {copy}), "the restored work has no recovery file");
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(copy), waitMs);
    const QStringList files = recoveryFiles();
    QCOMPARE(files.size(), 1);
    QString originalFile;
    QTRY_COMPARE_WITH_TIMEOUT(firstEmbedding(files.constFirst(), &originalFile), 7.25, waitMs);
    QCOMPARE(QFileInfo(originalFile).canonicalFilePath(),
             QFileInfo(m_scenario).canonicalFilePath());
    QCOMPARE(second->state(), QProcess::Running);

    // The scenario file itself was never written: the work came from the copy.
    QFile scenario(m_scenario);
    QVERIFY(scenario.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(scenario.readAll())
                 .object()
                 .value(QStringLiteral("embeddings"))
                 .toArray()
                 .at(0)
                 .toArray()
                 .at(0)
                 .toDouble(),
             1.0);
}

void TestCrashRecovery::runningInstanceKeepsItsCopy()
{
    start({QStringLiteral("ATTENTION_LAB_TEST_EDIT=X,1,1,7.25")});
    QVERIFY(waitForFiles(1));
    const QString running = recoveryFiles().constFirst();
    QTRY_COMPARE_WITH_TIMEOUT(firstEmbedding(running), 7.25, waitMs);

    // A second instance, told to restore whatever it finds, finds nothing:
    // the first one is alive. Its own edit is made after the question would
    // have been asked, so its copy appearing means the offer is over.
    start({QStringLiteral("ATTENTION_LAB_TEST_ANSWER_RECOVERY=restore"),
           QStringLiteral("ATTENTION_LAB_TEST_EDIT=X,1,1,-3.5")});
    QVERIFY2(waitForFiles(1, {running}), "the second instance wrote no copy of its own");
    const QStringList files = recoveryFiles();
    QCOMPARE(files.size(), 2);
    QVERIFY2(QFile::exists(running), "the running instance's copy was taken");
    QCOMPARE(firstEmbedding(running), 7.25);
    QString other = files.at(0) == running ? files.at(1) : files.at(0);
    QTRY_COMPARE_WITH_TIMEOUT(firstEmbedding(other), -3.5, waitMs);
}

void TestCrashRecovery::discardedWorkIsNotOfferedAgain()
{
    QProcess *first = start({QStringLiteral("ATTENTION_LAB_TEST_EDIT=X,1,1,7.25")});
    QVERIFY(waitForFiles(1));
    const QString copy = recoveryFiles().constFirst();
    QTRY_COMPARE_WITH_TIMEOUT(firstEmbedding(copy), 7.25, waitMs);
    crash(first);

    // Discard deletes the copy and its lock: nothing is left to offer.
    start({QStringLiteral("ATTENTION_LAB_TEST_ANSWER_RECOVERY=discard")});
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(copy), waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(QDir(recoveryFolder()).isEmpty(), waitMs);
}

} // namespace

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crash_recovery.moc"
