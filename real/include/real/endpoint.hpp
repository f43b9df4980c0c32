// real/endpoint.hpp: an IPv4 address and port, as servers bind them and
// clients reach them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace real {

struct Endpoint {
  std::string host = "127.0.0.1";  // dotted IPv4; "localhost" means 127.0.0.1
  std::uint16_t port = 0;          // 0 when binding: the kernel picks a free port

  std::string to_string() const { return host + ":" + std::to_string(port); }
  friend bool operator==(const Endpoint&, const Endpoint&) = default;
};

// A port number 0..65535 written in decimal; empty for anything else.
std::optional<std::uint16_t> parse_port(std::string_view text);

// Whether `host` is something Endpoint accepts (dotted IPv4 or "localhost").
bool is_valid_host(std::string_view host);

}  // namespace real
