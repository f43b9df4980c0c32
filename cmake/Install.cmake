# Installed later: procsim, libsim with headers, and a CMake package config.
