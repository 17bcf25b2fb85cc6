// Built only by the house_rules tests, never by the normal build: a room
// below the workbench that includes the main window's header must not build.
#include "main_window.h"
