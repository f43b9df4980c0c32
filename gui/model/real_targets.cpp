#include "model/real_targets.hpp"

#include <cstdio>
#include <stdexcept>

#include "model/procsim_command.hpp"

namespace gui {
namespace {

constexpr const char* kKindKeys[] = {"sleep", "burn", "alternate", "subclass", "command", "client"};

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
  std::vector<std::string> argv;
  switch (recipe.kind) {
    case ChildKind::Sleep:
    case ChildKind::Burn:
    case ChildKind::Alternate:
    case ChildKind::Subclass: {
      argv = procsimChildCommand(childKindKey(recipe.kind));
      char text[32];
      std::snprintf(text, sizeof text, "%.3f", seconds);
      argv.emplace_back(text);
      break;
    }
    case ChildKind::Command:
      if (!splitCommandLine(recipe.command_line, argv)) throw std::invalid_argument("unclosed quote in the command line");
      if (argv.empty()) throw std::invalid_argument("the command line is empty");
      break;
    case ChildKind::Client:
    case ChildKind::Count:
      throw std::invalid_argument("clients are started from the Servers tab");
  }
  std::unique_ptr<real::Process> child = real::Process::command(std::move(argv));
  child->set_die_with_parent(true);
  if (!recipe.name.empty()) child->set_name(recipe.name);
  child->set_daemon(recipe.daemon);
  return child;
}

}  // namespace gui
