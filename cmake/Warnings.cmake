# Warnings as an INTERFACE target: on for everyone, errors only when CHIMERA_WERROR is set (CI),
# so that a newer compiler on a user's machine never breaks their build.
add_library(chimera_warnings INTERFACE)
target_compile_options(chimera_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wdouble-promotion
  -Wimplicit-fallthrough)
if(CHIMERA_WERROR)
  target_compile_options(chimera_warnings INTERFACE -Werror)
endif()

add_library(chimera_sanitize INTERFACE)
if(CHIMERA_SANITIZE)
  target_compile_options(chimera_sanitize INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(chimera_sanitize INTERFACE -fsanitize=address,undefined)
endif()
