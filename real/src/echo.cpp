#include "real/echo.hpp"

#include <array>

namespace real {

void upper_ascii_in_place(std::span<char> bytes) {
  for (char& byte : bytes) {
    if (byte >= 'a' && byte <= 'z') byte = static_cast<char>(byte - ('a' - 'A'));
  }
}

std::string upper_ascii(std::string_view bytes) {
  std::string copy(bytes);
  upper_ascii_in_place(copy);
  return copy;
}

namespace {

class EchoStreamHandler final : public StreamHandler {
 public:
  void handle(StreamConnection& connection) override {
    std::array<char, 16384> buffer{};
    for (;;) {
      const std::size_t got = connection.receive(buffer);
      if (got == 0) return;
      upper_ascii_in_place(std::span<char>(buffer.data(), got));
      if (!connection.send_all(std::string_view(buffer.data(), got))) return;
    }
  }
};

class EchoDatagramHandler final : public DatagramHandler {
 public:
  void handle(std::string_view request, DatagramReply& reply) override {
    answer_.assign(request);
    upper_ascii_in_place(answer_);
    reply.send(answer_);
  }

 private:
  std::string answer_;  // reused: no allocation per datagram once warm
};

}  // namespace

std::unique_ptr<StreamHandler> make_echo_stream_handler() {
  return std::make_unique<EchoStreamHandler>();
}

std::unique_ptr<DatagramHandler> make_echo_datagram_handler() {
  return std::make_unique<EchoDatagramHandler>();
}

}  // namespace real
