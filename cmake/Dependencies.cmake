# Every third-party dependency of chimera, as imported targets, from Debian packages
# (scripts/install-deps installs them). Nothing is downloaded at configure time.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED CONFIG)
find_package(CLI11 REQUIRED CONFIG)
find_package(fmt REQUIRED CONFIG)
find_package(CURL REQUIRED)
find_package(tl-expected REQUIRED CONFIG)

# Debian 12's libcmark-gfm CMake config is broken; pkg-config links the extensions too.
pkg_check_modules(CMARK_GFM REQUIRED IMPORTED_TARGET libcmark-gfm)
if(NOT TARGET chimera::cmark_gfm)
  add_library(chimera::cmark_gfm INTERFACE IMPORTED)
  target_link_libraries(chimera::cmark_gfm INTERFACE PkgConfig::CMARK_GFM)
  # <cmark-gfm-core-extensions.h> includes "cmark-gfm.h" relative to this directory.
  target_include_directories(chimera::cmark_gfm SYSTEM INTERFACE /usr/include/cmark-gfm)
endif()

# fast-cpp-csv-parser (libfccp-dev) ships one header and no CMake package.
find_path(FCCP_INCLUDE_DIR libfccp/csv.h REQUIRED)
if(NOT TARGET chimera::fccp)
  add_library(chimera::fccp INTERFACE IMPORTED)
  target_include_directories(chimera::fccp SYSTEM INTERFACE ${FCCP_INCLUDE_DIR})
  target_compile_definitions(chimera::fccp INTERFACE CSV_IO_NO_THREAD)
endif()

if(CHIMERA_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(CHIMERA_BUILD_TESTS OR CHIMERA_BUILD_BENCHMARKS)
  # cpp-httplib, for the tests' and benchmarks' LLM server only. Debian's libcpp-httplib-dev is
  # not header-only: httplib.h declares, libcpp-httplib.so defines, and the header must see the
  # CPPHTTPLIB_*_SUPPORT macros the library was built with, which pkg-config supplies.
  pkg_check_modules(CPP_HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
  if(NOT TARGET chimera::httplib)
    add_library(chimera::httplib INTERFACE IMPORTED)
    target_link_libraries(chimera::httplib INTERFACE PkgConfig::CPP_HTTPLIB Threads::Threads)
  endif()
endif()

if(CHIMERA_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED CONFIG)
endif()
