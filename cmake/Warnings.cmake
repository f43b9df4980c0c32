# procsim_warnings(target): high warnings, fatal, on project code only.
add_library(procsim_warnings INTERFACE)
target_compile_options(procsim_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wformat=2
  -Wimplicit-fallthrough -Wmisleading-indentation -Wduplicated-cond
  -Wlogical-op -Werror)

function(procsim_warnings target)
  target_link_libraries(${target} PRIVATE $<BUILD_INTERFACE:procsim_warnings>)
endfunction()
