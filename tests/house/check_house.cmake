# Checks the rules of the house that no compiler sees: run as
#   cmake -DSOURCE_DIR=<checkout> -P check_house.cmake
# Fails (with every offence listed) when a product source file is over 500
# lines, when ui/ has a source file outside a room, or when the engine's CMake
# file or headers mention Qt.
cmake_minimum_required(VERSION 3.21)
if(NOT SOURCE_DIR)
    message(FATAL_ERROR "pass -DSOURCE_DIR=<checkout>")
endif()

set(offences)

file(GLOB_RECURSE product_sources
    ${SOURCE_DIR}/core/*.cpp ${SOURCE_DIR}/core/*.h
    ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/ui/*.h
    ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h)
foreach(source ${product_sources})
    file(READ ${source} text)
    string(REGEX REPLACE "[^\n]" "" newlines "${text}")
    string(LENGTH "${newlines}" count)
    if(count GREATER 500)
        file(RELATIVE_PATH name ${SOURCE_DIR} ${source})
        list(APPEND offences "${name} has ${count} lines (at most 500: split it by responsibility)")
    endif()
endforeach()

file(GLOB loose ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/ui/*.h)
foreach(source ${loose})
    file(RELATIVE_PATH name ${SOURCE_DIR} ${source})
    list(APPEND offences "${name} lies outside a room of ui/")
endforeach()

file(GLOB_RECURSE core_files ${SOURCE_DIR}/core/*.h ${SOURCE_DIR}/core/CMakeLists.txt)
foreach(source ${core_files})
    file(STRINGS ${source} qt_lines REGEX "Qt6|QT_|#include <Q")
    if(qt_lines)
        file(RELATIVE_PATH name ${SOURCE_DIR} ${source})
        list(APPEND offences "${name} mentions Qt: ${qt_lines} (the engine stays free of Qt)")
    endif()
endforeach()

if(offences)
    list(JOIN offences "\n  " listed)
    message(FATAL_ERROR "The house rules are broken:\n  ${listed}")
endif()
message(STATUS "The house rules hold: ${SOURCE_DIR}")
