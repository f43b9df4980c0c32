// procsim real demo NAME: the source material's experiments, for real.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "option_ranges.hpp"
#include "real_commands.hpp"
#include "real/demos.hpp"

namespace cli {

void addRealDemoCommand(CLI::App& real, int& status) {
  auto name = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  std::vector<std::string> names;
  for (const auto& [demo, run] : real::realDemos()) names.push_back(demo);
  CLI::App* cmd = real.add_subcommand("demo", "Run one of the source's multiprocessing experiments for real");
  cmd->add_option("NAME", *name, "isolation, join, terminate, zombie, two-ways or daemon")
      ->required()
      ->check(CLI::IsMember(names));
  cmd->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  refuseUnknownOptions(*cmd);
  cmd->callback([name, format, &status] {
    real::DemoReport report = real::realDemos().at(*name)();
    if (*format == "json") {
      report.json["demo"] = *name;
      report.json["lines"] = report.lines;
      std::cout << report.json.dump() << "\n";
    } else {
      std::cout << "demo " << *name << "\n";
      for (const std::string& line : report.lines) std::cout << "  " << line << "\n";
    }
    status = kExitOk;
  });
}

}  // namespace cli
