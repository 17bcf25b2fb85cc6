#pragma once

// Ways to make writes fail as a full disk does, without root and without
// filling a real disk.
//
// A process whose RLIMIT_FSIZE is lower than a file's size cannot write past
// the limit: write() returns EFBIG ("File too large") once SIGXFSZ, which would
// otherwise end the process, is ignored. inChild() runs a piece of work that
// way in a forked child, so the limit never touches the test itself;
// FileSizeLimit lowers the limit of this process for as long as it lives, for
// work that needs this process's windows.

#include <QByteArray>
#include <QString>

#include <cerrno>
#include <csignal>
#include <functional>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace attn::test {

/// What the child said and how it ended.
struct ChildResult
{
    bool exited = false; ///< ended by _exit, not by a signal
    int exitCode = -1;
    QString message;     ///< what `work` returned
};

/// Runs `work` in a forked child under a file size limit of `limitBytes`
/// (SIGXFSZ ignored) and, with `asNobody` when this process is root, as the
/// unprivileged user 65534, so permissions apply. The child exits 0 when
/// `work` sets `ok`, else 1; its returned text comes back through a pipe.
inline ChildResult inChild(rlim_t limitBytes, bool asNobody,
                           const std::function<QString(bool &ok)> &work)
{
    int channel[2];
    ChildResult result;
    if (::pipe(channel) != 0)
        return result;
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(channel[0]);
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{};
        ::getrlimit(RLIMIT_FSIZE, &limit);
        limit.rlim_cur = limitBytes;
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0)
            ::_exit(3);
        if (asNobody && ::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0))
            ::_exit(4);
        bool ok = false;
        const QByteArray message = work(ok).toUtf8();
        const ssize_t sent = ::write(channel[1], message.constData(), std::size_t(message.size()));
        ::close(channel[1]);
        ::_exit(sent == message.size() ? (ok ? 0 : 1) : 5);
    }
    ::close(channel[1]);
    if (child < 0) {
        ::close(channel[0]);
        return result;
    }
    QByteArray message;
    char buffer[4096];
    for (ssize_t got; (got = ::read(channel[0], buffer, sizeof buffer)) != 0;) {
        if (got < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        message.append(buffer, got);
    }
    ::close(channel[0]);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    result.exited = WIFEXITED(status);
    result.exitCode = result.exited ? WEXITSTATUS(status) : -1;
    result.message = QString::fromUtf8(message);
    return result;
}

/// Lowers this process's file size limit while it lives (SIGXFSZ ignored),
/// then puts both back.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t limitBytes)
    {
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        ::getrlimit(RLIMIT_FSIZE, &m_old);
        rlimit lowered = m_old;
        lowered.rlim_cur = limitBytes;
        m_active = ::setrlimit(RLIMIT_FSIZE, &lowered) == 0;
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;

    bool isActive() const { return m_active; }

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
    bool m_active = false;
};

} // namespace attn::test
