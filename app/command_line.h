#pragma once

class QApplication;
class QCoreApplication;

namespace attn::app {

/// Whether the arguments ask for a command that runs without a window
/// (compute, presets, --help, --version). Decided on the raw argv, before any
/// application object exists, so headless commands never need a display.
bool isHeadless(int argc, char *argv[]);

/// Runs a headless command and returns the process's exit status:
/// 0 done, 1 the output could not be written, 2 bad arguments or a bad
/// scenario (one message on stderr, nothing on stdout).
int runHeadless(QCoreApplication &app);

/// Opens the window on the tutorial's example and runs the event loop.
int runWindow(QApplication &app);

} // namespace attn::app
