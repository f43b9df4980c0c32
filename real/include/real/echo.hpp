// real/echo.hpp: the source material's echo handler: it answers with the
// bytes it got, ASCII letters in upper case (like Python's bytes.upper()).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "real/server.hpp"

namespace real {

// a-z become A-Z; every other byte, UTF-8 included, is left as it is.
void upper_ascii_in_place(std::span<char> bytes);
std::string upper_ascii(std::string_view bytes);

// TCP: echoes upper-cased until the peer closes.
std::unique_ptr<StreamHandler> make_echo_stream_handler();
// UDP: answers each datagram with its upper-cased bytes.
std::unique_ptr<DatagramHandler> make_echo_datagram_handler();

}  // namespace real
