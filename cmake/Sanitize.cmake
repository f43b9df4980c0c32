# PROCSIM_SANITIZE=thread|address: build every target with ThreadSanitizer,
# or with AddressSanitizer plus UndefinedBehaviorSanitizer. Used by
# `make test-sanitize` (build-tsan, build-asan). Empty: no sanitizer.
set(PROCSIM_SANITIZE "" CACHE STRING "Sanitizer to build with: thread, address, or empty")
set_property(CACHE PROCSIM_SANITIZE PROPERTY STRINGS "" thread address)

if(PROCSIM_SANITIZE STREQUAL "thread")
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
elseif(PROCSIM_SANITIZE STREQUAL "address")
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
elseif(NOT PROCSIM_SANITIZE STREQUAL "")
  message(FATAL_ERROR "PROCSIM_SANITIZE must be thread, address or empty, not '${PROCSIM_SANITIZE}'")
endif()
