#include "file_writer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <utility>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#else
#include <QSaveFile>
#endif

namespace attn::ui {

namespace {

#ifdef Q_OS_UNIX

/// The system's words for an errno value (thread-safe, unlike strerror).
QString systemReason(int code)
{
    return qt_error_string(code);
}

/// A file descriptor that is closed (without a check) unless released.
class Descriptor
{
public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

/// Writes all of `bytes`, resuming after short writes and signals; errno on failure.
int writeAll(int fd, const QByteArray &bytes)
{
    const char *data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, std::size_t(left));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (written == 0)
            return EIO; // a regular file never takes nothing without saying why
        data += written;
        left -= written;
    }
    return 0;
}

/// The new file's name: hidden, beside the target, unique (O_EXCL decides).
QByteArray temporaryName(const QString &target)
{
    const QFileInfo info(target);
    const QString name =
        QStringLiteral(".%1.%2.tmp")
            .arg(info.fileName())
            .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    return QFile::encodeName(QDir(info.path()).filePath(name));
}

/// 0 when the file is written and renamed over `path`, else the errno of the first failure.
int replace(const QString &path, const QByteArray &bytes)
{
    // A link keeps linking: the file it names is the one replaced.
    QString target = path;
    const QFileInfo info(path);
    if (info.isSymLink()) {
        target = info.canonicalFilePath(); // empty when the link dangles
        if (target.isEmpty())
            target = info.symLinkTarget();
        if (target.isEmpty())
            return ENOENT;
    }
    const QByteArray finalName = QFile::encodeName(target);

    mode_t mode = 0666; // the umask takes off what the user does not give away
    struct stat existing {};
    if (::stat(finalName.constData(), &existing) == 0) {
        if (S_ISDIR(existing.st_mode))
            return EISDIR;
        if (!S_ISREG(existing.st_mode))
            return EINVAL; // a device or a pipe is not replaced by a file
        if (::access(finalName.constData(), W_OK) != 0)
            return errno; // a read-only file stays read-only
        mode = existing.st_mode & 07777;
    } else if (errno != ENOENT) {
        return errno;
    }

    QByteArray temporary;
    int fd = -1;
    for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
        temporary = temporaryName(target);
        fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            return errno;
    }
    if (fd < 0)
        return EEXIST;
    Descriptor file(fd);
    const auto abandon = [&](int code) {
        ::close(file.release());
        ::unlink(temporary.constData());
        return code;
    };

    if (existing.st_mode != 0 && ::fchmod(file.get(), mode) != 0)
        return abandon(errno);
    if (const int code = writeAll(file.get(), bytes))
        return abandon(code);
    // The data must be on the disk before the name points at it; a file system
    // that cannot sync (EINVAL) has nothing more to say.
    if (::fsync(file.get()) != 0 && errno != EINVAL)
        return abandon(errno);
    if (::close(file.release()) != 0 && errno != EINTR) {
        const int code = errno;
        ::unlink(temporary.constData());
        return code;
    }
    if (::rename(temporary.constData(), finalName.constData()) != 0) {
        const int code = errno;
        ::unlink(temporary.constData());
        return code;
    }
    // The rename itself survives a power cut once the folder is synced; a
    // folder that cannot be synced does not undo the save.
    const QByteArray folder = QFile::encodeName(QFileInfo(target).absolutePath());
    const int directory = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (directory >= 0) {
        ::fsync(directory);
        ::close(directory);
    }
    return 0;
}

#endif

} // namespace

bool replaceFileContents(const QString &path, const QByteArray &bytes, QString *reason)
{
#ifdef Q_OS_UNIX
    const int code = replace(path, bytes);
    if (code == 0)
        return true;
    if (reason)
        *reason = systemReason(code);
    return false;
#else
    // Unbuffered, so a failing write says so at once; QSaveFile::commit()
    // alone would rename even after a failed flush.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered) ||
        file.write(bytes) != bytes.size() || file.error() != QFileDevice::NoError) {
        if (reason)
            *reason = file.errorString();
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        if (reason)
            *reason = file.errorString();
        return false;
    }
    return true;
#endif
}

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QString reason;
    if (replaceFileContents(path, bytes, &reason))
        return true;
    if (error)
        *error = QCoreApplication::translate("FileWriter", "cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), reason);
    return false;
}

} // namespace attn::ui
