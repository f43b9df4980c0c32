# Thin wrapper over CMake: `make run` and `make test` are the README's quick start.
MAKEFLAGS += --no-print-directory
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: deps configure build run test bench clean test-sanitize

deps:
	@./scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

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
	  cmake --build $$dir -j $(JOBS) --target real_tests && \
	  (cd $$dir && PROCSIM_REAL_LOAD_SCALE=$(SANITIZE_LOAD_SCALE) \
	    TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
	    ASAN_OPTIONS="detect_leaks=1 abort_on_error=1" UBSAN_OPTIONS="halt_on_error=1 print_stacktrace=1" \
	    ctest --output-on-failure -R '^real:') || exit 1; \
	done

bench: build
	@cmake --build $(BUILD) -j $(JOBS) --target benchmarks

clean:
	@rm -rf $(BUILD)
