# PROCSIM_FUZZ=ON: the libFuzzer targets in fuzz/ (Clang only). Every target
# is built with AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer's
# coverage; `make fuzz` builds them in build-fuzz and runs each for a while.
option(PROCSIM_FUZZ "Build the libFuzzer targets (Clang only)" OFF)

if(PROCSIM_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "PROCSIM_FUZZ needs Clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
