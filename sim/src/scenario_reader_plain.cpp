// Reading scenario JSON, the fast path: a lexer for plain JSON (strings of
// printable ASCII without escapes, integers of at most 18 digits, true,
// false, null), the JSON that `procsim gen` and people write. It drives the
// same Reader that nlohmann's SAX parser drives, event for event, about
// five times as fast. At anything else (an escape, a float, a syntax error)
// it gives up, and readScenarioJson parses the whole text again with
// nlohmann, so every message stays the one nlohmann and the Reader give.
#include <cstdint>
#include <string>
#include <vector>

#include "scenario_reader_sax.hpp"

namespace sim::detail {

namespace {

constexpr std::size_t kUnknownSize = static_cast<std::size_t>(-1);  // what nlohmann passes to start_object
constexpr int kMaxPlainDigits = 18;  // below 2^63: larger numbers go to nlohmann

bool isSpace(char ch) { return ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t'; }
bool endsNumber(char ch) { return isSpace(ch) || ch == ',' || ch == ']' || ch == '}'; }

class PlainLexer {
 public:
  PlainLexer(std::string_view text, Reader& reader)
      : at_(text.data()), end_(text.data() + text.size()), reader_(reader) {}

  // Reads the whole text; false at the first thing outside plain JSON.
  bool run() {
    std::vector<char> open;  // the containers we are in: '{' or '['
    bool want_value = true;
    for (;;) {
      skipSpace();
      if (want_value) {
        if (at_ == end_) return false;
        if (*at_ == '{' || *at_ == '[') {
          const bool object = *at_++ == '{';
          object ? reader_.start_object(kUnknownSize) : reader_.start_array(kUnknownSize);
          skipSpace();
          if (at_ != end_ && *at_ == (object ? '}' : ']')) {
            ++at_;
            object ? reader_.end_object() : reader_.end_array();
            want_value = false;
          } else {
            open.push_back(object ? '{' : '[');
            if (object && !member()) return false;
          }
          continue;
        }
        if (!scalar()) return false;
        want_value = false;
        continue;
      }
      if (open.empty()) return at_ == end_;
      if (at_ == end_) return false;
      const char next = *at_++;
      if (next == ',') {
        skipSpace();
        if (open.back() == '{' && !member()) return false;
        want_value = true;
      } else if (next == '}' && open.back() == '{') {
        open.pop_back();
        reader_.end_object();
      } else if (next == ']' && open.back() == '[') {
        open.pop_back();
        reader_.end_array();
      } else {
        return false;
      }
    }
  }

 private:
  void skipSpace() {
    while (at_ != end_ && isSpace(*at_)) ++at_;
  }

  // At '"': the string's text into `out`, past the closing quote.
  bool string(std::string& out) {
    if (at_ == end_ || *at_ != '"') return false;
    const char* begin = ++at_;
    for (; at_ != end_ && *at_ != '"'; ++at_) {
      const auto byte = static_cast<unsigned char>(*at_);
      if (byte < 0x20 || byte >= 0x80 || byte == '\\') return false;
    }
    if (at_ == end_) return false;
    out.assign(begin, static_cast<std::size_t>(at_ - begin));
    ++at_;
    return true;
  }

  // `"key" :` then the value follows.
  bool member() {
    if (!string(key_)) return false;
    reader_.key(key_);
    skipSpace();
    if (at_ == end_ || *at_ != ':') return false;
    ++at_;
    return true;
  }

  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - at_) < word.size() || std::string_view(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }

  bool number() {
    const bool negative = *at_ == '-';
    const char* digits = negative ? at_ + 1 : at_;
    const char* stop = digits;
    std::uint64_t value = 0;
    while (stop != end_ && *stop >= '0' && *stop <= '9' && stop - digits <= kMaxPlainDigits) {
      value = value * 10 + static_cast<std::uint64_t>(*stop - '0');
      ++stop;
    }
    const auto count = stop - digits;
    if (count == 0 || count > kMaxPlainDigits || (*digits == '0' && count > 1)) return false;
    if (stop == end_ || !endsNumber(*stop)) return false;  // a fraction, an exponent or a syntax error
    at_ = stop;
    if (negative) {
      reader_.number_integer(-static_cast<std::int64_t>(value));
    } else {
      reader_.number_unsigned(value);
    }
    return true;
  }

  bool scalar() {
    switch (*at_) {
      case '"':
        if (!string(text_)) return false;
        reader_.string(text_);
        return true;
      case 't':
        if (!literal("true")) return false;
        reader_.boolean(true);
        return true;
      case 'f':
        if (!literal("false")) return false;
        reader_.boolean(false);
        return true;
      case 'n':
        if (!literal("null")) return false;
        reader_.null();
        return true;
      default:
        if (*at_ == '-' || (*at_ >= '0' && *at_ <= '9')) return number();
        return false;
    }
  }

  const char* at_;
  const char* end_;
  Reader& reader_;
  std::string key_;
  std::string text_;
};

}  // namespace

bool readPlainJson(std::string_view text, Reader& reader) { return PlainLexer(text, reader).run(); }

}  // namespace sim::detail
