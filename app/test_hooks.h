#pragma once

#include "recovery_prompt.h"

namespace attn::ui {
class MainWindow;
}

namespace attn::app {

/// Hooks for the end-to-end tests of the window, which run the real
/// executable as a process and cannot click in it. Test-only: they are read
/// from the environment, are not documented for users, and do nothing when
/// the variables are unset.
///
///   ATTENTION_LAB_TEST_EDIT="X,1,1,7.25"
///       after start-up, sets X[1][1] (the matrix's symbol as the editors
///       name it, row and column counted from 1) to 7.25 as a typed edit would;
///   ATTENTION_LAB_TEST_ANSWER_RECOVERY=restore | discard
///       answers the restore question at start-up without showing it.

/// Applies ATTENTION_LAB_TEST_EDIT to the window's document; a malformed
/// value is reported on stderr and changes nothing.
void applyTestEdit(ui::MainWindow &window);

/// ATTENTION_LAB_TEST_ANSWER_RECOVERY as an answer; Ask when unset.
ui::RecoveryAnswer recoveryAnswerFromEnvironment();

} // namespace attn::app
