# Warnings as an INTERFACE target: on for everyone, errors only when CHIMERA_WERROR is set (CI),
# so that a newer compiler on a user's machine never breaks their build.
add_library(chimera_warnings INTERFACE)
target_compile_options(chimera_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wdouble-promotion
  -Wimplicit-fallthrough
  # GCC 12 at -O3 reports false -Wrestrict on std::string concatenation (GCC bug 105329).
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
if(CHIMERA_WERROR)
  target_compile_options(chimera_warnings INTERFACE -Werror)
endif()

add_library(chimera_sanitize INTERFACE)
if(CHIMERA_SANITIZE)
  target_compile_options(chimera_sanitize INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(chimera_sanitize INTERFACE -fsanitize=address,undefined)
endif()
