# The two quick-start commands: `make demo` and `make test`. Each installs missing packages,
# configures and builds incrementally. BUILD=... picks the build directory.
BUILD ?= build
SAN_BUILD ?= build-asan
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
# CI builds treat warnings as errors; users' builds do not.
ifeq ($(CI),true)
CMAKE_FLAGS += -DCHIMERA_WERROR=ON
endif
CMAKE_GEN := $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")

.PHONY: all deps configure build demo test test-asan bench fuzz format clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) $(CMAKE_GEN) $(CMAKE_FLAGS)

configure: $(BUILD)/CMakeCache.txt

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	$(BUILD)/chimera analyze examples/reports

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

test-asan: deps
	cmake -S . -B $(SAN_BUILD) $(CMAKE_GEN) -DCHIMERA_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug $(CMAKE_FLAGS)
	cmake --build $(SAN_BUILD) -j $(JOBS)
	ctest --test-dir $(SAN_BUILD) --output-on-failure -j $(JOBS)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD) $(SAN_BUILD)

# libFuzzer: one target per parser, each run for FUZZ_TIME seconds from its checked-in seeds.
FUZZ_BUILD ?= build-fuzz
FUZZ_TIME ?= 60
fuzz:
	@scripts/install-deps --with-fuzz
	cmake -S . -B $(FUZZ_BUILD) $(CMAKE_GEN) -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCHIMERA_BUILD_FUZZERS=ON -DCHIMERA_BUILD_TESTS=OFF
	cmake --build $(FUZZ_BUILD) -j $(JOBS)
	for p in csv json markdown; do \
	  mkdir -p fuzz/corpus-$$p && \
	  $(FUZZ_BUILD)/fuzz/fuzz_$$p fuzz/corpus-$$p fuzz/seeds/$$p -max_total_time=$(FUZZ_TIME) || exit 1; \
	done

# Parser benchmarks (Google Benchmark) and the whole-directory ingest bench, in a Release tree.
BENCH_BUILD ?= build-bench
bench: deps
	cmake -S . -B $(BENCH_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release -DCHIMERA_BUILD_BENCHMARKS=ON \
	  -DCHIMERA_BUILD_TESTS=OFF
	cmake --build $(BENCH_BUILD) -j $(JOBS)
	$(BENCH_BUILD)/bench/chimera_parsers_bench
