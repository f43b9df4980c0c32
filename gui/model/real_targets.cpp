#include "model/real_targets.hpp"

#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <stdexcept>
#include <thread>

namespace gui {
namespace {

constexpr const char* kKindKeys[] = {"sleep", "burn", "alternate", "subclass", "command", "client"};

double cpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Busy work until this process has used `seconds` more of CPU time.
void burnCpu(double seconds) {
  const double until = cpuSeconds() + seconds;
  volatile unsigned long sink = 0;
  while (cpuSeconds() < until)
    for (int i = 0; i < 20000; ++i) sink = sink + static_cast<unsigned long>(i);
}

void sleepSeconds(double seconds) { std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); }

// The source's second way: a class derived from Process overriding run()
// (its Myprocess(3): sleep n seconds).
class SleepingTask final : public real::Process {
 public:
  explicit SleepingTask(double seconds) : seconds_(seconds) {}

 protected:
  void run() override { sleepSeconds(seconds_); }

 private:
  double seconds_;
};

}  // namespace

const char* childKindKey(ChildKind kind) {
  const auto index = static_cast<std::size_t>(kind);
  return index < std::size(kKindKeys) ? kKindKeys[index] : "?";
}

bool parseChildKind(const std::string& key, ChildKind& out) {
  for (std::size_t i = 0; i < std::size(kKindKeys); ++i) {
    if (key == kKindKeys[i]) {
      out = static_cast<ChildKind>(i);
      return true;
    }
  }
  return false;
}

bool splitCommandLine(const std::string& line, std::vector<std::string>& words) {
  words.clear();
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (const char c : line) {
    if (quote != 0) {
      if (c == quote) quote = 0;
      else word += c;
    } else if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quote != 0) return false;
  if (in_word) words.push_back(word);
  return true;
}

std::unique_ptr<real::Process> makeChild(const ChildRecipe& recipe) {
  const double seconds = recipe.seconds;
  if (recipe.kind != ChildKind::Command && !(seconds >= 0 && seconds <= 3600))
    throw std::invalid_argument("seconds must be between 0 and 3600");
  std::unique_ptr<real::Process> child;
  switch (recipe.kind) {
    case ChildKind::Sleep:
      child = std::make_unique<real::Process>([seconds] { sleepSeconds(seconds); });
      break;
    case ChildKind::Burn:
      child = std::make_unique<real::Process>([seconds] { burnCpu(seconds); });
      break;
    case ChildKind::Alternate:
      // 0.2 s of CPU, 0.2 s asleep, until `seconds` of wall time have passed.
      child = std::make_unique<real::Process>([seconds] {
        const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
        while (std::chrono::steady_clock::now() < end) {
          burnCpu(0.2);
          sleepSeconds(0.2);
        }
      });
      break;
    case ChildKind::Subclass:
      child = std::make_unique<SleepingTask>(seconds);
      break;
    case ChildKind::Command: {
      std::vector<std::string> words;
      if (!splitCommandLine(recipe.command_line, words)) throw std::invalid_argument("unclosed quote in the command line");
      if (words.empty()) throw std::invalid_argument("the command line is empty");
      child = real::Process::command(std::move(words));
      break;
    }
    case ChildKind::Client:
    case ChildKind::Count:
      throw std::invalid_argument("clients are started from the Servers tab");
  }
  if (!recipe.name.empty()) child->set_name(recipe.name);
  child->set_daemon(recipe.daemon);
  return child;
}

}  // namespace gui
