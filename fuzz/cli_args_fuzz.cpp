// The procsim command line (cli::runProcsim) on arbitrary argument lists:
// one argument per line of the input, after a fixed "procsim". It never
// crashes, exits 0, 1 or 2, says something on standard error whenever it
// refuses its input (exit 2), never reports an internal error, and leaves
// no child, no open descriptor and no file that no argument named (such as
// a writer's temporary).
//
// Containment: an input with an argument that contains "real" (any case:
// servers, children, signals) or a '/' is skipped, and each input runs in a
// fresh, empty directory under $TMPDIR (default /tmp), so every input and
// output path names a file in that directory, which is emptied and removed
// afterwards. The preset scenarios an argument names (default.json,
// rr.json, ...) are written into it first. Numbers stay small (at most 3
// digits in a row, no hex) so that a valid but huge command (gen
// --processes 10000000) cannot stall the fuzzer. Standard input reads
// /dev/null, standard output goes to /dev/null, standard error is captured.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "commands.hpp"

namespace {

constexpr std::size_t kMaxArguments = 32;
constexpr std::size_t kMaxArgumentLength = 128;

// [SECTION] The files an argument may name

struct SeedFile {
  std::string name;
  std::string text;
};

std::vector<SeedFile> g_seeds;
std::string g_base;     // $TMPDIR/procsim-cli-fuzz-XXXXXX, made once
int g_start_dir = -1;  // the working directory libFuzzer started in (its paths are relative to it)

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "cli_args_fuzz: %s\n", what.c_str());
  std::abort();
}

std::string readWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void loadSeeds() {
  for (const char* name : {"default.json", "rr.json", "mlfq-boost.json", "shared-disk.json", "per-core-steal.json",
                           "cfs-nice.json", "async-io.json", "priority.json"}) {
    g_seeds.push_back({name, readWhole(std::string(PROCSIM_PRESETS_DIR) + "/" + name)});
  }
  // A scenario with an error, and one that is not JSON at all.
  g_seeds.push_back({"broken.json", R"({"cores": 0, "processes": [{"name": "a", "bursts": ["cpu 3"]}]})"});
  g_seeds.push_back({"text.txt", "cpu 3, io 2, cpu 1\n"});
}

void removeBase() {
  if (!g_base.empty()) ::rmdir(g_base.c_str());
}

// [SECTION] Turning bytes into a command line

bool isHarmless(std::string_view argument) {
  if (argument.size() > kMaxArgumentLength) return false;
  std::string lower(argument);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower.find("real") != std::string::npos) return false;  // never a server, a child or a signal
  if (lower.find('/') != std::string::npos) return false;     // never a file outside the run's directory
  if (lower.find("0x") != std::string::npos) return false;    // strtoll's base 0 reads hex: no big numbers
  if (lower.find("internal error") != std::string::npos) return false;  // a name echoed in a message is no finding
  int digits = 0;
  for (const char c : lower) {
    digits = std::isdigit(static_cast<unsigned char>(c)) ? digits + 1 : 0;
    if (digits > 3) return false;
  }
  return true;
}

// One argument per line; false if the input is not a harmless command line.
bool splitArguments(std::string_view input, std::vector<std::string>& arguments) {
  if (input.find('\0') != std::string_view::npos) return false;
  while (!input.empty()) {
    const std::size_t end = std::min(input.find('\n'), input.size());
    if (arguments.size() == kMaxArguments || !isHarmless(input.substr(0, end))) return false;
    arguments.emplace_back(input.substr(0, end));
    input.remove_prefix(std::min(end + 1, input.size()));
  }
  return !arguments.empty();
}

// [SECTION] The run's directory

void writeFile(const std::string& name, const std::string& text) {
  const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0 || ::write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size())) fail("cannot write " + name);
  ::close(fd);
}

// Every name in the current directory.
std::vector<std::string> listNames() {
  std::vector<std::string> names;
  DIR* directory = ::opendir(".");
  if (directory == nullptr) fail("cannot list the run's directory");
  while (const dirent* entry = ::readdir(directory)) {
    const std::string name = entry->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  ::closedir(directory);
  return names;
}

// A file left in the directory must be a seed or a path the command line
// named (an argument, or what follows '=' in "--svg=NAME").
bool wasNamed(const std::string& name, const std::vector<std::string>& arguments) {
  for (const SeedFile& seed : g_seeds) {
    if (seed.name == name) return true;
  }
  for (const std::string& argument : arguments) {
    if (argument == name) return true;
    const std::size_t equals = argument.find('=');
    if (equals != std::string::npos && argument.compare(equals + 1, std::string::npos, name) == 0) return true;
  }
  return false;
}

// This process's children, running or not yet reaped. libFuzzer may have
// started one of its own (llvm-symbolizer), so a run compares before and after.
std::set<std::string> childProcesses() {
  std::set<std::string> pids;
  DIR* tasks = ::opendir("/proc/self/task");
  if (tasks == nullptr) fail("cannot list /proc/self/task");
  while (const dirent* task = ::readdir(tasks)) {
    if (task->d_name[0] == '.') continue;
    std::ifstream children(std::string("/proc/self/task/").append(task->d_name).append("/children"));
    for (std::string pid; children >> pid;) pids.insert(pid);
  }
  ::closedir(tasks);
  return pids;
}

int lowestFreeDescriptor() {
  const int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  ::close(fd);
  return fd;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  loadSeeds();
  g_start_dir = ::open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (g_start_dir < 0) fail("cannot open the working directory");
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp").append("/procsim-cli-fuzz-XXXXXX");
  if (::mkdtemp(pattern.data()) == nullptr) fail("cannot make a directory from " + pattern);
  char* absolute = ::realpath(pattern.c_str(), nullptr);  // the runs chdir: a relative TMPDIR would not hold
  if (absolute == nullptr) fail("cannot resolve " + pattern);
  g_base = absolute;
  std::free(absolute);
  std::atexit(removeBase);
  const int null_fd = ::open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null_fd < 0 || ::dup2(null_fd, 0) < 0 || ::dup2(null_fd, 1) < 0) fail("cannot open /dev/null");
  ::close(null_fd);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> arguments;
  if (!splitArguments(std::string_view(reinterpret_cast<const char*>(data), size), arguments)) return 0;

  const std::string run_directory = g_base + "/run";
  if (::mkdir(run_directory.c_str(), 0700) != 0 || ::chdir(run_directory.c_str()) != 0) fail("cannot enter " + run_directory);
  for (const SeedFile& seed : g_seeds) {
    const bool named = std::any_of(arguments.begin(), arguments.end(),
                                   [&](const std::string& argument) { return argument.find(seed.name) != std::string::npos; });
    if (named) writeFile(seed.name, seed.text);
  }

  std::vector<std::string> argv_text{"procsim"};
  argv_text.insert(argv_text.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (std::string& argument : argv_text) argv.push_back(argument.data());
  argv.push_back(nullptr);

  const int free_before = lowestFreeDescriptor();
  const std::set<std::string> children_before = childProcesses();
  std::ostringstream said;
  std::streambuf* const stderr_buffer = std::cerr.rdbuf(said.rdbuf());
  const int status = cli::runProcsim(static_cast<int>(argv_text.size()), argv.data());
  std::cerr.rdbuf(stderr_buffer);
  std::cerr.clear();
  std::cout.clear();
  std::clearerr(stdout);

  const std::string message = said.str();
  if (status != 0 && status != 1 && status != 2) fail("exit status " + std::to_string(status));
  if (status == 2 && message.empty()) fail("bad input (exit status 2) with nothing said");
  if (message.find("procsim: internal error") != std::string::npos) fail("said: " + message);
  if (childProcesses() != children_before) fail("a child process was left");
  if (lowestFreeDescriptor() != free_before) fail("a descriptor was left open");

  for (const std::string& name : listNames()) {
    if (!wasNamed(name, arguments)) fail("a file no argument named was left: " + name);
    if (::unlink(name.c_str()) != 0) fail("cannot remove " + name + " (a directory?)");
  }
  if (::fchdir(g_start_dir) != 0 || ::rmdir(run_directory.c_str()) != 0) fail("cannot remove " + run_directory);
  return 0;
}
