# Thin wrapper over CMake: `make run` and `make test` are the README's quick start.
MAKEFLAGS += --no-print-directory
BUILD ?= build
JOBS ?= $(shell nproc)
# WERROR=ON makes every warning fatal (PROCSIM_WERROR); CI turns it on.
WERROR ?= OFF
# COMPILE_LOCK=FILE runs every compile under `flock FILE` (a machine shared
# by several builds); empty: no lock.
COMPILE_LOCK ?=
LOCK = $(if $(COMPILE_LOCK),flock $(COMPILE_LOCK))

.PHONY: deps configure build run test bench clean test-sanitize matrix matrix-one matrix-test ci fuzz ci-extra

deps:
	@./scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPROCSIM_WERROR=$(WERROR) >/dev/null

build: configure
	@$(LOCK) cmake --build $(BUILD) -j $(JOBS)

run: build
	@./scripts/run-main.sh $(BUILD)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The real layer's tests under ThreadSanitizer and AddressSanitizer (+UBSan),
# each in its own build directory, with the load tests scaled down.
SANITIZE_LOAD_SCALE ?= 0.05
test-sanitize: deps
	@for s in thread address; do \
	  dir=build-$$(echo $$s | cut -c1)san; \
	  cmake -S . -B $$dir -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPROCSIM_SANITIZE=$$s -DPROCSIM_BUILD_BENCH=OFF >/dev/null && \
	  $(LOCK) cmake --build $$dir -j $(JOBS) --target real_tests && \
	  (cd $$dir && PROCSIM_REAL_LOAD_SCALE=$(SANITIZE_LOAD_SCALE) \
	    TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
	    ASAN_OPTIONS="detect_leaks=1 abort_on_error=1" UBSAN_OPTIONS="halt_on_error=1 print_stacktrace=1" \
	    ctest --output-on-failure -R '^real:') || exit 1; \
	done

# One configuration of the matrix, in build-matrix/COMPILER-TYPE:
# COMPILER=gcc|clang, TYPE=Debug|RelWithDebInfo|Release; MATRIX_CMAKE_ARGS
# adds cache entries (for example -DPROCSIM_BUILD_BENCH=OFF).
COMPILER ?= gcc
TYPE ?= RelWithDebInfo
MATRIX_DIR = build-matrix/$(COMPILER)-$(TYPE)
cc_gcc = gcc
cxx_gcc = g++
cc_clang = clang
cxx_clang = clang++

matrix-one: deps
	@test -n "$(cxx_$(COMPILER))" || { echo "make: COMPILER must be gcc or clang" >&2; exit 2; }
	@cmake -S . -B $(MATRIX_DIR) -DCMAKE_BUILD_TYPE=$(TYPE) -DCMAKE_C_COMPILER=$(cc_$(COMPILER)) \
	  -DCMAKE_CXX_COMPILER=$(cxx_$(COMPILER)) -DPROCSIM_WERROR=$(WERROR) $(MATRIX_CMAKE_ARGS) >/dev/null
	@$(LOCK) cmake --build $(MATRIX_DIR) -j $(JOBS)

matrix-test: matrix-one
	@cd $(MATRIX_DIR) && ctest --output-on-failure -j $(JOBS)

# Builds all six configurations (GCC and Clang; Debug, RelWithDebInfo, Release).
matrix:
	@for c in gcc clang; do for t in Debug RelWithDebInfo Release; do \
	  $(MAKE) matrix-one COMPILER=$$c TYPE=$$t || exit 1; \
	done; done

# What .ci/run does: warnings fatal; the tests in the GCC RelWithDebInfo
# build and in a Clang Debug build; a GCC Release build; the real layer's
# tests under the sanitizers; each fuzzer for FUZZ_SECONDS.
ci:
	@$(MAKE) test WERROR=ON
	@$(MAKE) ci-extra

# Everything CI runs after `make test`: the other compilers and builds. The
# Release build leaves out the benchmarks (built with warnings fatal by
# `make test` already) to keep CI within its time.
ci-extra:
	@$(MAKE) matrix-one WERROR=ON COMPILER=gcc TYPE=Release MATRIX_CMAKE_ARGS=-DPROCSIM_BUILD_BENCH=OFF
	@$(MAKE) matrix-test WERROR=ON COMPILER=clang TYPE=Debug
	@$(MAKE) test-sanitize
	@$(MAKE) fuzz WERROR=ON

# The libFuzzer targets (fuzz/, Clang with ASan+UBSan) built in build-fuzz
# and run FUZZ_SECONDS each from the seeds; a crash fails.
FUZZ_SECONDS ?= 60
fuzz: deps
	@cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
	  -DPROCSIM_FUZZ=ON -DPROCSIM_BUILD_TESTS=OFF -DPROCSIM_BUILD_BENCH=OFF -DPROCSIM_WERROR=$(WERROR) >/dev/null
	@$(LOCK) cmake --build build-fuzz -j $(JOBS) --target fuzzers
	@./scripts/run-fuzzers.sh build-fuzz $(FUZZ_SECONDS)

bench: build
	@$(LOCK) cmake --build $(BUILD) -j $(JOBS) --target benchmarks

clean:
	@rm -rf $(BUILD)
