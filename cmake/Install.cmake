# `cmake --install` puts procsim, the sim library with its public headers,
# and a CMake package config in place: find_package(procsim) then link
# procsim::sim.
include(CMakePackageConfigHelpers)

install(TARGETS procsim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS sim EXPORT procsimTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY sim/include/sim DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/procsim)
install(DIRECTORY assets/scenarios DESTINATION ${CMAKE_INSTALL_DATADIR}/procsim)
install(EXPORT procsimTargets NAMESPACE procsim:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/procsim)

configure_package_config_file(cmake/procsimConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/procsimConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/procsim)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/procsimConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES
  ${CMAKE_CURRENT_BINARY_DIR}/procsimConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/procsimConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/procsim)
