# procsim_warnings(target): high warnings on project code only.
#
# Warnings are fatal only on request: PROCSIM_WERROR=ON (CI turns it on) or
# CMake's own CMAKE_COMPILE_WARNING_AS_ERROR. A user's build with a newer or
# different compiler than CI's never stops on a new warning.
option(PROCSIM_WERROR "Treat compiler warnings as errors in project code" OFF)

add_library(procsim_warnings INTERFACE)
target_compile_options(procsim_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wformat=2
  -Wimplicit-fallthrough -Wmisleading-indentation)

# Flags only GCC knows; Clang rejects them as unknown warning options.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(procsim_warnings INTERFACE
    -Wduplicated-cond -Wlogical-op)
endif()

if(PROCSIM_WERROR OR CMAKE_COMPILE_WARNING_AS_ERROR)
  target_compile_options(procsim_warnings INTERFACE -Werror)
endif()

function(procsim_warnings target)
  target_link_libraries(${target} PRIVATE $<BUILD_INTERFACE:procsim_warnings>)
endfunction()
