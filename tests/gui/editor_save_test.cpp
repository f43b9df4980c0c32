// The editor's Save writes the way the CLI writes an output file
// (io/output_file.hpp): no predictable temporary, a symlink followed, a
// device written in place, and every failure named.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/scenario_editor.hpp"
#include "model/session.hpp"
#include "sim/scenario_json.hpp"

namespace fs = std::filesystem;

namespace {

class TempFolder {
 public:
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "procsim-save-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempFolder() {
    std::error_code ignored;
    fs::permissions(path_, fs::perms::owner_all, ignored);
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }
  std::vector<std::string> names() const {
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(path_)) found.push_back(entry.path().filename().string());
    std::sort(found.begin(), found.end());
    return found;
  }

 private:
  fs::path path_;
};

std::string readText(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A session running a two-process scenario named "saved", and its editor.
struct Saving {
  gui::Session session;
  gui::EditorState editor;
  Saving() {
    REQUIRE(session.setScenario(sim::parseScenario(R"({"name": "saved", "cores": 1, "processes": [
      {"name": "A", "bursts": [{"cpu": 2}]}, {"name": "B", "bursts": [{"cpu": 3}]}]})")));
  }
  bool save(const std::string& path) { return gui::saveEditor(editor, session, path); }
};

}  // namespace

TEST_CASE("the editor's Save replaces a file whole and leaves no temporary, predictable or not", "[gui][editor][save]") {
  TempFolder folder;
  Saving saving;
  const gui::EditorState& editor = saving.editor;
  const fs::path target = folder.path() / "lab.json";
  // A symlink planted at the old temporary name must redirect nothing.
  const fs::path victim = folder.path() / "victim";
  std::ofstream(victim) << "keep me";
  fs::create_symlink(victim, folder.path() / "lab.json.partial");
  std::ofstream(target) << "old text";
  REQUIRE(saving.save(target.string()));
  CHECK(editor.file_message.empty());
  CHECK_FALSE(editor.file_error);
  CHECK(sim::parseScenario(readText(target)).name == "saved");
  CHECK(readText(victim) == "keep me");
  CHECK(folder.names() == std::vector<std::string>{"lab.json", "lab.json.partial", "victim"});
}

TEST_CASE("the editor's Save follows a symlink and keeps the link", "[gui][editor][save]") {
  TempFolder folder;
  Saving saving;
  const fs::path real_file = folder.path() / "real.json";
  const fs::path link = folder.path() / "link.json";
  fs::create_symlink("real.json", link);
  REQUIRE(saving.save(link.string()));
  CHECK(fs::is_symlink(link));
  CHECK(sim::parseScenario(readText(real_file)).name == "saved");
  CHECK(folder.names() == std::vector<std::string>{"link.json", "real.json"});
}

TEST_CASE("the editor's Save names the error on a full device or a folder it cannot write", "[gui][editor][save]") {
  Saving saving;
  const gui::EditorState& editor = saving.editor;
  SECTION("a full device is written in place and the failure named") {
    CHECK_FALSE(saving.save("/dev/full"));
    CHECK(editor.file_error);
    CHECK(editor.file_message == "/dev/full: write failed: No space left on device");
    CHECK(fs::is_character_file("/dev/full"));
  }
  SECTION("a folder that does not exist") {
    TempFolder folder;
    const std::string path = (folder.path() / "missing" / "lab.json").string();
    CHECK_FALSE(saving.save(path));
    CHECK(editor.file_error);
    CHECK(editor.file_message == path + ": cannot write: No such file or directory");
  }
  SECTION("a folder without write permission") {
    TempFolder folder;
    REQUIRE(::chmod(folder.path().c_str(), 0500) == 0);
    // root may write in any folder: /sys refuses even root.
    const std::string path =
        ::geteuid() == 0 ? std::string("/sys/procsim-save-test.json") : (folder.path() / "lab.json").string();
    CHECK_FALSE(saving.save(path));
    CHECK(editor.file_error);
    CHECK_THAT(editor.file_message, Catch::StartsWith(path + ": cannot write: "));
    CHECK_FALSE(fs::exists(path));
  }
}
