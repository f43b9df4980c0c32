// Helpers shared by the exporters (export_chrome_trace.cpp, export_svg.cpp).
#pragma once

#include <charconv>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "sim/scenario.hpp"

namespace sim {

// "rr (quantum 4)", plus the dispatcher options that are not the default.
std::string policyLabel(const Scenario& scenario);

// Text as XML character data or attribute value: markup escaped, characters
// XML 1.0 forbids dropped, invalid UTF-8 replaced by U+FFFD.
std::string xmlText(std::string_view text);

// Length in bytes of the valid UTF-8 sequence starting at text[i], or 0.
std::size_t utf8Length(std::string_view text, std::size_t i);
// Characters (code points; an invalid byte counts as one) in `text`.
std::size_t characters(std::string_view text);

// Appends to a string and hands it to the stream in large pieces: formatting
// millions of events through operator<< one field at a time is slow.
class ChunkedWriter {
 public:
  explicit ChunkedWriter(std::ostream& out) : out_(out) { buffer_.reserve(kChunk + 4096); }
  ChunkedWriter(const ChunkedWriter&) = delete;
  ChunkedWriter& operator=(const ChunkedWriter&) = delete;
  ~ChunkedWriter() {
    try {
      flush();
    } catch (...) {  // a stream that throws has already reported its failure
    }
  }

  ChunkedWriter& operator<<(std::string_view text) {
    buffer_.append(text);
    if (buffer_.size() >= kChunk) flush();
    return *this;
  }
  ChunkedWriter& operator<<(char c) {
    buffer_.push_back(c);
    return *this;
  }
  ChunkedWriter& operator<<(std::int64_t value) {
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    return *this << std::string_view(digits, static_cast<std::size_t>(result.ptr - digits));
  }
  ChunkedWriter& operator<<(std::int32_t value) { return *this << static_cast<std::int64_t>(value); }

  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  static constexpr std::size_t kChunk = 1 << 16;
  std::ostream& out_;
  std::string buffer_;
};

}  // namespace sim
