#pragma once

class QApplication;
class QCoreApplication;

namespace attn::app {

/// Whether the arguments ask for a command that runs without a window
/// (compute, presets, --help, --version). Decided on the raw argv, before any
/// application object exists, so headless commands never need a display.
bool isHeadless(int argc, char *argv[]);

/// Whether a headless command draws figures (the export commands): QCustomPlot
/// draws with widgets, so these need a QApplication, on the offscreen platform.
bool drawsFigures(int argc, char *argv[]);

/// Drops Qt's warnings about the session an export runs in (no
/// XDG_RUNTIME_DIR on a server, …): the export commands say what went wrong
/// in their own one line, and nothing else on stderr.
void quietenPlatformWarnings();

/// Runs a headless command and returns the process's exit status:
/// 0 done, 1 the output could not be written, 2 bad arguments or a bad
/// scenario (one message on stderr, nothing on stdout).
int runHeadless(QCoreApplication &app);

/// Opens the window on the tutorial's example and runs the event loop.
int runWindow(QApplication &app);

} // namespace attn::app
