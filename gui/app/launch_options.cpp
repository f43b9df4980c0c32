#include "app/launch_options.hpp"

#include <charconv>

namespace gui {
namespace {

template <typename Number>
bool parseNumber(const std::string& text, Number& out) {
  const auto [end, code] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && code == std::errc() && end == text.data() + text.size();
}

}  // namespace

const char* usageText() {
  return "usage: procsim-gui [--scenario FILE] [--tick T] [--size WxH] [--lang en|zh]\n"
         "                   [--screenshot OUT.png] [--script FILE] [--bench-frames N]\n"
         "                   [--config-dir DIR]\n"
         "  --scenario FILE     scenario JSON to open (default: the last one, else assets/scenarios/default.json)\n"
         "  --tick T            put the cursor at tick T (-1 = before the start)\n"
         "  --size WxH          window size, e.g. 1280x720\n"
         "  --lang en|zh        interface language\n"
         "  --screenshot OUT    render, save the window as PNG, exit\n"
         "  --script FILE       run the UI actions in FILE (docs/gui.md), exit\n"
         "  --bench-frames N    render N frames, print mean and p99 frame-build CPU time, exit\n"
         "  --config-dir DIR    where imgui.ini and settings.ini live (headless runs save only here)\n"
         "exit status: 0 ok, 1 failure, 2 bad input, 3 no display\n";
}

std::optional<LaunchOptions> parseLaunchOptions(const std::vector<std::string>& args, std::string& error) {
  LaunchOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (flag == "-h" || flag == "--help") {
      options.show_help = true;
      continue;
    }
    if (i + 1 >= args.size()) {
      error = flag.rfind("--", 0) == 0 ? flag + ": needs a value" : "unexpected argument '" + flag + "'";
      return std::nullopt;
    }
    const std::string& value = args[++i];
    if (flag == "--scenario") {
      options.scenario_path = value;
    } else if (flag == "--tick") {
      sim::Tick tick = 0;
      if (!parseNumber(value, tick) || tick < -1) {
        error = "--tick: expected a tick >= -1, got '" + value + "'";
        return std::nullopt;
      }
      options.tick = tick;
    } else if (flag == "--size") {
      const auto x = value.find('x');
      int w = 0, h = 0;
      if (x == std::string::npos || !parseNumber(value.substr(0, x), w) || !parseNumber(value.substr(x + 1), h) ||
          w < 320 || h < 240 || w > 7680 || h > 4320) {
        error = "--size: expected WxH between 320x240 and 7680x4320, got '" + value + "'";
        return std::nullopt;
      }
      options.width = w;
      options.height = h;
      options.size_given = true;
    } else if (flag == "--lang") {
      Language language = Language::English;
      if (!parseLanguage(value, language)) {
        error = "--lang: expected en or zh, got '" + value + "'";
        return std::nullopt;
      }
      options.language = language;
    } else if (flag == "--screenshot") {
      options.screenshot_path = value;
    } else if (flag == "--script") {
      options.script_path = value;
    } else if (flag == "--bench-frames") {
      if (!parseNumber(value, options.bench_frames) || options.bench_frames < 1 ||
          options.bench_frames > 1'000'000) {
        error = "--bench-frames: expected 1..1000000, got '" + value + "'";
        return std::nullopt;
      }
    } else if (flag == "--config-dir") {
      options.config_dir = value;
    } else {
      error = "unknown option '" + flag + "' (see --help)";
      return std::nullopt;
    }
  }
  return options;
}

}  // namespace gui
