#include "real/endpoint.hpp"

#include <arpa/inet.h>

#include <charconv>

namespace real {

std::optional<std::uint16_t> parse_port(std::string_view text) {
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value > 65535) {
    return std::nullopt;
  }
  return static_cast<std::uint16_t>(value);
}

bool is_valid_host(std::string_view host) {
  if (host == "localhost") return true;
  const std::string copy(host);
  in_addr address{};
  return ::inet_pton(AF_INET, copy.c_str(), &address) == 1;
}

}  // namespace real
