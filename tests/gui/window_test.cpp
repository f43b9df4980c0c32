// Tests through the real window under Xvfb: start-up, screenshots, keys,
// a scripted session whose resulting simulator state is asserted.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>

#include "gui_runner.hpp"
#include "sim/engine.hpp"
#include "sim/metrics.hpp"
#include "sim/policy_registry.hpp"
#include "sim/scenario_json.hpp"
#include "sim/sweep.hpp"

using gui_test::Image;
using gui_test::shellQuoted;
using gui_test::runGui;
using gui_test::TempDir;

namespace {

std::string defaultScenario() { return gui_test::scenariosDir() + "/default.json"; }

// The timeline is the bottom half of the window in every layout.
double timelineDifference(const Image& a, const Image& b) {
  return a.differingFraction(b, 0, a.height / 2 + a.height / 8, a.width, a.height);
}

}  // namespace

TEST_CASE("the window starts on every preset and renders a full-size screenshot with content", "[gui][window]") {
  const auto presets = gui_test::presetFiles();
  REQUIRE_FALSE(presets.empty());
  TempDir dir;
  for (const std::string& preset : presets) {
    INFO(preset);
    const auto shot = dir.path("preset.png");
    const auto result = runGui("--scenario " + shellQuoted(preset) + " --tick 2 --screenshot " + shellQuoted(shot));
    INFO(result.output);
    REQUIRE(result.status == 0);
    Image image;
    REQUIRE(image.load(shot.string()));
    CHECK(image.width == 1280);
    CHECK(image.height == 720);
    CHECK(image.distinctColors(0, 0, image.width, image.height) > 40);
  }
}

TEST_CASE("screenshots at several ticks and in both languages differ where they should", "[gui][window]") {
  TempDir dir;
  const std::string scenario = shellQuoted(defaultScenario());
  std::vector<Image> shots;
  for (const char* tick : {"-1", "3", "6"}) {
    const auto path = dir.path(std::string("tick") + tick + ".png");
    const auto result = runGui("--scenario " + scenario + " --tick " + tick + " --screenshot " + shellQuoted(path));
    INFO(result.output);
    REQUIRE(result.status == 0);
    Image image;
    REQUIRE(image.load(path.string()));
    REQUIRE(image.width == 1280);
    REQUIRE(image.height == 720);
    shots.push_back(image);
  }
  CHECK(timelineDifference(shots[0], shots[1]) > 0.001);  // the cursor band and line moved
  CHECK(timelineDifference(shots[1], shots[2]) > 0.001);

  const auto chinese = dir.path("zh.png");
  const auto result = runGui("--scenario " + scenario + " --tick 3 --lang zh --screenshot " + shellQuoted(chinese));
  INFO(result.output);
  REQUIRE(result.status == 0);
  Image zh;
  REQUIRE(zh.load(chinese.string()));
  CHECK(zh.distinctColors(0, 0, zh.width, zh.height) > 40);
  // The same tick in Chinese: the labels change, so the toolbar differs.
  CHECK(zh.differingFraction(shots[1], 0, 0, zh.width, zh.height / 10) > 0.01);
}

TEST_CASE("the window honours --size", "[gui][window]") {
  TempDir dir;
  const auto path = dir.path("big.png");
  const auto result = runGui("--scenario " + shellQuoted(defaultScenario()) + " --size 1920x1080 --screenshot " + shellQuoted(path));
  INFO(result.output);
  REQUIRE(result.status == 0);
  Image image;
  REQUIRE(image.load(path.string()));
  CHECK(image.width == 1920);
  CHECK(image.height == 1080);
}

TEST_CASE("a script with only comments runs nothing and exits 0, and a directory as the script exits 2", "[gui][window]") {
  TempDir dir;
  const std::string script = dir.write("comments.txt", "# nothing to do\n\n");
  const auto empty = runGui("--scenario " + shellQuoted(defaultScenario()) + " --script " + shellQuoted(script));
  INFO(empty.output);
  CHECK(empty.status == 0);
  const auto directory = runGui("--script " + shellQuoted(dir.path("")), false);
  INFO(directory.output);
  CHECK(directory.status == 2);
  CHECK_THAT(directory.output, Catch::Contains("is a directory, not a script"));
}

TEST_CASE("a HiDPI scale of 2 doubles the text and row sizes", "[gui][window]") {
  TempDir dir;
  const std::string script = dir.write("dump.txt", "frames 2\ndump-state " + dir.path("state.json").string() + "\n"
                                                   "screenshot " + dir.path("scaled.png").string() + "\n");
  const std::string args = "--scenario " + shellQuoted(defaultScenario()) + " --size 1920x1080 --script " + shellQuoted(script);
  REQUIRE(runGui(args).status == 0);
  const double normal = gui_test::readJson(dir.path("state.json"))["timeline"]["row_height"];
  setenv("PROCSIM_GUI_SCALE", "2", 1);
  const auto result = runGui(args);
  unsetenv("PROCSIM_GUI_SCALE");
  INFO(result.output);
  REQUIRE(result.status == 0);
  const double scaled = gui_test::readJson(dir.path("state.json"))["timeline"]["row_height"];
  CHECK(scaled / normal == Approx(2.0).margin(0.2));
  Image image;
  REQUIRE(image.load(dir.path("scaled.png").string()));
  CHECK(image.distinctColors(0, 0, image.width, image.height) > 40);
}

TEST_CASE("a scripted session: load, step to task 1's IO, play, step back, switch to rr, compare", "[gui][window]") {
  TempDir dir;
  const std::string script = dir.write("session.txt",
      "load " + defaultScenario() + "\n"
      "next-event 2\n"
      "dump-state " + dir.path("at_block.json").string() + "\n"
      "speed 60\n"
      "play 2\n"
      "dump-state " + dir.path("played.json").string() + "\n"
      "back\n"
      "dump-state " + dir.path("back.json").string() + "\n"
      "policy rr\n"
      "quantum 2\n"
      "dump-state " + dir.path("rr.json").string() + "\n"
      "panel compare\n"
      "compare\n"
      "dump-state " + dir.path("compare.json").string() + "\n");
  const auto result = runGui("--script " + shellQuoted(script));
  INFO(result.output);
  REQUIRE(result.status == 0);

  const sim::Scenario scenario = sim::loadScenario(defaultScenario());
  sim::Engine reference(scenario);
  reference.runToEnd();

  // Two events in: the tick where task1 blocks on IO and task5 takes its core.
  const auto at_block = gui_test::readJson(dir.path("at_block.json"));
  const sim::Tick block_tick = at_block["tick"].get<sim::Tick>();
  int task1_core = -2, task5_core = -3;
  for (const auto& tr : at_block["transitions_at_tick"]) {
    if (tr["process"] == "task1" && tr["kind"] == "block") task1_core = tr["core"].get<int>();
    if (tr["process"] == "task5" && tr["kind"] == "dispatch") task5_core = tr["core"].get<int>();
  }
  CHECK(task1_core == task5_core);
  CHECK(at_block["processes"][0]["state"] == "blocked");
  CHECK(at_block["cores"][task5_core]["running"] == "task5");
  std::size_t expected_transitions = 0;
  for (const sim::Transition& tr : reference.trace()) expected_transitions += tr.tick <= block_tick ? 1 : 0;
  std::int64_t shown = 0;
  for (const auto& [kind, count] : at_block["transition_counts"].items()) shown += count.get<std::int64_t>();
  CHECK(shown == static_cast<std::int64_t>(expected_transitions));

  // Playing at 60 ticks/s for two 1/60 s frames moves two ticks; back moves one.
  const auto played = gui_test::readJson(dir.path("played.json"));
  CHECK(played["tick"].get<sim::Tick>() == block_tick + 2);
  const auto back = gui_test::readJson(dir.path("back.json"));
  CHECK(back["tick"].get<sim::Tick>() == block_tick + 1);
  CHECK(back["playing"] == false);

  // Switching to rr with quantum 2 re-runs and keeps the tick.
  const auto rr = gui_test::readJson(dir.path("rr.json"));
  CHECK(rr["scenario"]["policy"]["name"] == "rr");
  CHECK(rr["scenario"]["policy"]["quantum"] == 2);
  CHECK(rr["tick"].get<sim::Tick>() == block_tick + 1);
  sim::Scenario rr_scenario = scenario;
  rr_scenario.policy.name = "rr";
  rr_scenario.policy.params["quantum"] = {2};
  sim::Engine rr_reference(rr_scenario);
  rr_reference.runToEnd();
  CHECK(rr["end_tick"].get<sim::Tick>() == rr_reference.now());

  // Compare: the scenario's own rr:quantum=2 first, then every policy at its
  // defaults (rr's default quantum, 4, differs), each matching a direct run.
  const auto compare = gui_test::readJson(dir.path("compare.json"));
  CHECK(compare["panel"] == "compare");
  REQUIRE(compare["compare"].size() == sim::policyNames().size() + 1);
  CHECK(compare["compare"][0]["spec"] == "rr:quantum=2");
  CHECK(compare["compare"][0]["current"] == true);
  CHECK(compare["compare"][1]["current"] == false);
  for (const auto& row : compare["compare"]) {
    sim::Scenario variant = rr_scenario;
    std::string error;
    const auto spec = sim::parsePolicySpec(row["spec"].get<std::string>(), sim::PolicySpec{}, error);
    REQUIRE(spec);
    variant.policy = *spec;
    sim::Engine engine(variant);
    engine.runToEnd();
    const sim::RunMetrics metrics = sim::computeMetrics(engine);
    INFO(variant.policy.name);
    CHECK(row["avg_waiting"].get<double>() == Approx(metrics.avg_waiting));
    CHECK(row["avg_turnaround"].get<double>() == Approx(metrics.avg_turnaround));
    CHECK(row["context_switches"].get<std::int64_t>() == metrics.context_switches);
  }
}

TEST_CASE("the timeline shows tooltips, scrubs on the ruler and by its cursor line, zooms with the wheel, pans and selects",
          "[gui][window][timeline]") {
  TempDir dir;
  const std::string scenario = shellQuoted(defaultScenario());
  const std::string first = dir.write("geometry.txt", "frames 2\ndump-state " + dir.path("geometry.json").string() + "\n");
  REQUIRE(runGui("--scenario " + scenario + " --script " + shellQuoted(first)).status == 0);
  const auto geometry = gui_test::readJson(dir.path("geometry.json"))["timeline"];
  const double left = geometry["plot_left"], right = geometry["plot_right"];
  const double first_tick = geometry["first_tick"], last_tick = geometry["last_tick"];
  auto x = [&](double tick) { return left + (tick - first_tick) * (right - left) / (last_tick - first_tick); };
  auto rowY = [&](int row) { return geometry["rows_top"].get<double>() + geometry["row_height"].get<double>() * (row + 0.5); };
  const double ruler = (geometry["ruler_top"].get<double>() + geometry["ruler_bottom"].get<double>()) / 2;
  const int first_process_row = geometry["core_rows"].get<int>() + 1;
  auto at = [](double a, double b) { return std::to_string(a) + " " + std::to_string(b); };

  const std::string script = dir.write("pointer.txt",
      "mouse " + at(x(0.5), rowY(0)) + "\ndump-state " + dir.path("hover.json").string() + "\n" +
      "click " + at(x(4.5), ruler) + "\ndump-state " + dir.path("ruler_click.json").string() + "\n" +
      "drag " + at(x(2.5), ruler) + " " + at(x(7.5), ruler) + "\ndump-state " + dir.path("ruler_drag.json").string() + "\n" +
      "drag " + at(x(7) + 1, rowY(3)) + " " + at(x(2.5), rowY(3)) + "\ndump-state " + dir.path("cursor_drag.json").string() + "\n" +
      "wheel " + at(x(5), rowY(2)) + " 3\ndump-state " + dir.path("wheel.json").string() + "\n" +
      "drag " + at(x(6), rowY(1)) + " " + at(x(4), rowY(1)) + "\ndump-state " + dir.path("pan.json").string() + "\n" +
      "click " + at(left - 40, rowY(first_process_row)) + "\ndump-state " + dir.path("select.json").string() + "\n");
  const auto result = runGui("--scenario " + scenario + " --script " + shellQuoted(script));
  INFO(result.output);
  REQUIRE(result.status == 0);

  const sim::Scenario parsed = sim::loadScenario(defaultScenario());
  sim::Engine engine(parsed);
  engine.runToEnd();
  std::string first_on_core0;
  for (const sim::Transition& tr : engine.trace())
    if (tr.kind == sim::TransitionKind::Dispatch && tr.core == 0) {
      first_on_core0 = parsed.processes[static_cast<std::size_t>(tr.process)].name;
      break;
    }
  const std::string hover = gui_test::readJson(dir.path("hover.json"))["timeline"]["hover"];
  CHECK(hover.find(first_on_core0 + ": Running") == 0);
  CHECK(gui_test::readJson(dir.path("ruler_click.json"))["tick"] == 4);
  CHECK(gui_test::readJson(dir.path("ruler_drag.json"))["tick"] == 7);
  // Dragging the cursor line itself scrubs too, and does not pan the chart.
  const auto cursor_drag = gui_test::readJson(dir.path("cursor_drag.json"));
  CHECK(cursor_drag["tick"] == 2);
  CHECK(cursor_drag["timeline"]["first_tick"].get<double>() == Approx(first_tick));

  const auto wheel = gui_test::readJson(dir.path("wheel.json"))["timeline"];
  const double zoomed_first = wheel["first_tick"], zoomed_last = wheel["last_tick"];
  CHECK(zoomed_last - zoomed_first < (last_tick - first_tick) * 0.7);
  // The tick under the pointer stays under it.
  CHECK((5.0 - zoomed_first) / (zoomed_last - zoomed_first) == Approx((5.0 - first_tick) / (last_tick - first_tick)).margin(0.01));

  const auto pan = gui_test::readJson(dir.path("pan.json"))["timeline"];
  const double pixels = x(6) - x(4);
  const double expected_shift = pixels * (zoomed_last - zoomed_first) / (right - left);
  CHECK(pan["first_tick"].get<double>() - zoomed_first == Approx(expected_shift).margin(0.05));
  CHECK(pan["last_tick"].get<double>() - pan["first_tick"].get<double>() == Approx(zoomed_last - zoomed_first));

  CHECK(gui_test::readJson(dir.path("select.json"))["selected"] == parsed.processes[0].name);
}

TEST_CASE("while playing, the processes that changed state travel along their arrows", "[gui][window]") {
  TempDir dir;
  // At 1 tick/s, 68 frames of 1/60 s after tick 2 land just after tick 3 (task1 blocks, task5 is dispatched).
  const std::string script = dir.write("play.txt",
      "seek 2\nspeed 1\nkey Space\nframes 68\n"
      "screenshot " + dir.path("moving.png").string() + "\ndump-state " + dir.path("moving.json").string() + "\n"
      "pause\nscreenshot " + dir.path("still.png").string() + "\ndump-state " + dir.path("still.json").string() + "\n");
  const auto result = runGui("--scenario " + shellQuoted(defaultScenario()) + " --script " + shellQuoted(script));
  INFO(result.output);
  REQUIRE(result.status == 0);
  const auto moving_state = gui_test::readJson(dir.path("moving.json"));
  const auto still_state = gui_test::readJson(dir.path("still.json"));
  REQUIRE(moving_state["playing"] == true);
  REQUIRE(still_state["playing"] == false);
  REQUIRE(moving_state["tick"] == still_state["tick"]);
  REQUIRE_FALSE(moving_state["transitions_at_tick"].empty());
  Image moving, still;
  REQUIRE(moving.load(dir.path("moving.png").string()));
  REQUIRE(still.load(dir.path("still.png").string()));
  // The state figure is the middle pane; the same tick paused has every token in its box.
  const int x0 = moving.width * 28 / 100, x1 = moving.width * 56 / 100;
  const int y0 = moving.height * 12 / 100, y1 = moving.height * 52 / 100;
  CHECK(moving.differingFraction(still, x0, y0, x1, y1) > 0.002);
}

TEST_CASE("the event log filters by process and kind, and a click on a row moves the cursor there", "[gui][window]") {
  TempDir dir;
  const std::string scenario_path = shellQuoted(defaultScenario());
  const std::string first = dir.write("filter.txt",
      "panel events\nfilter-process task1\nframes 2\ndump-state " + dir.path("task1.json").string() + "\n"
      "filter-kind dispatch\nframes 2\ndump-state " + dir.path("dispatch.json").string() + "\n");
  auto result = runGui("--scenario " + scenario_path + " --script " + shellQuoted(first));
  INFO(result.output);
  REQUIRE(result.status == 0);

  const sim::Scenario scenario = sim::loadScenario(defaultScenario());
  sim::Engine engine(scenario);
  engine.runToEnd();
  std::vector<sim::Transition> task1, task1_dispatches;
  for (const sim::Transition& tr : engine.trace()) {
    if (tr.process != 0) continue;
    task1.push_back(tr);
    if (tr.kind == sim::TransitionKind::Dispatch) task1_dispatches.push_back(tr);
  }
  const auto log = gui_test::readJson(dir.path("task1.json"))["event_log"];
  CHECK(log["rows"].get<std::size_t>() == task1.size());
  CHECK(gui_test::readJson(dir.path("dispatch.json"))["event_log"]["rows"].get<std::size_t>() == task1_dispatches.size());

  // Click the row of task1's wakeup (its IO ends) in the task1-only log.
  std::size_t wakeup = 0;
  while (wakeup < task1.size() && task1[wakeup].kind != sim::TransitionKind::Wakeup) ++wakeup;
  REQUIRE(wakeup < task1.size());
  const double pitch = log["row_pitch"].get<double>();
  const double y = log["first_visible_y"].get<double>() +
                   (static_cast<double>(wakeup) - log["first_visible_row"].get<double>()) * pitch + pitch / 2;
  const double x = 1280.0 * 0.62;  // inside the tabbed panel, on the row
  const std::string second = dir.write("click.txt",
      "panel events\nfilter-process task1\nframes 2\nclick " + std::to_string(x) + " " + std::to_string(y) + "\n"
      "dump-state " + dir.path("clicked.json").string() + "\n");
  result = runGui("--scenario " + scenario_path + " --script " + shellQuoted(second));
  INFO(result.output);
  REQUIRE(result.status == 0);
  CHECK(gui_test::readJson(dir.path("clicked.json"))["tick"].get<sim::Tick>() == task1[wakeup].tick);
}

TEST_CASE("clicking a process table header sorts by that column, a second click reverses it", "[gui][window]") {
  TempDir dir;
  const std::string scenario_path = shellQuoted(defaultScenario());
  const std::string first = dir.write("geometry.txt", "seek 3\nframes 2\ndump-state " + dir.path("geometry.json").string() + "\n");
  auto result = runGui("--scenario " + scenario_path + " --script " + shellQuoted(first));
  INFO(result.output);
  REQUIRE(result.status == 0);
  const auto table = gui_test::readJson(dir.path("geometry.json"))["process_table"];
  constexpr int kWaitingColumn = 5;
  const std::string header = std::to_string(table["column_x"][kWaitingColumn].get<double>() + 8.0) + " " +
                             std::to_string(table["header_y"].get<double>());
  const std::string second = dir.write("sort.txt",
      "seek 3\nframes 2\nclick " + header + "\nframes 2\ndump-state " + dir.path("ascending.json").string() + "\n"
      "click " + header + "\nframes 2\ndump-state " + dir.path("descending.json").string() + "\n");
  result = runGui("--scenario " + scenario_path + " --script " + shellQuoted(second));
  INFO(result.output);
  REQUIRE(result.status == 0);

  const sim::Scenario scenario = sim::loadScenario(defaultScenario());
  sim::Engine engine(scenario);
  engine.runTo(3);
  const sim::RunMetrics metrics = sim::computeMetrics(engine);
  std::vector<std::size_t> order(scenario.processes.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto names = [&](bool ascending) {
    std::vector<std::size_t> sorted = order;
    std::sort(sorted.begin(), sorted.end(), [&](std::size_t a, std::size_t b) {
      const auto wa = metrics.processes[a].waiting, wb = metrics.processes[b].waiting;
      if (wa != wb) return ascending ? wa < wb : wb < wa;
      return a < b;
    });
    std::vector<std::string> result_names;
    for (const std::size_t i : sorted) result_names.push_back(scenario.processes[i].name);
    return result_names;
  };
  const auto ascending = gui_test::readJson(dir.path("ascending.json"))["process_table"];
  CHECK(ascending["sort_column"] == kWaitingColumn);
  CHECK(ascending["ascending"] == true);
  CHECK(ascending["top"].get<std::vector<std::string>>() == names(true));
  const auto descending = gui_test::readJson(dir.path("descending.json"))["process_table"];
  CHECK(descending["ascending"] == false);
  CHECK(descending["top"].get<std::vector<std::string>>() == names(false));
}

TEST_CASE("keyboard shortcuts step, jump to events, go back, go home and play", "[gui][window]") {
  TempDir dir;
  const std::string script = dir.write("keys.txt",
      "key Right\nkey Right\ndump-state " + dir.path("right.json").string() + "\n"
      "key Shift+Right\ndump-state " + dir.path("event.json").string() + "\n"
      "key Left\ndump-state " + dir.path("left.json").string() + "\n"
      "key Home\ndump-state " + dir.path("home.json").string() + "\n"
      "key Space\ndump-state " + dir.path("space.json").string() + "\n");
  const auto result = runGui("--scenario " + shellQuoted(defaultScenario()) + " --script " + shellQuoted(script));
  INFO(result.output);
  REQUIRE(result.status == 0);
  CHECK(gui_test::readJson(dir.path("right.json"))["tick"] == 1);
  const sim::Scenario scenario = sim::loadScenario(defaultScenario());
  sim::Engine engine(scenario);
  engine.runTo(1);
  const sim::Tick next = engine.nextEventTick();
  CHECK(gui_test::readJson(dir.path("event.json"))["tick"].get<sim::Tick>() == next);
  CHECK(gui_test::readJson(dir.path("left.json"))["tick"].get<sim::Tick>() == next - 1);
  CHECK(gui_test::readJson(dir.path("home.json"))["tick"] == -1);
  CHECK(gui_test::readJson(dir.path("space.json"))["playing"] == true);
}

TEST_CASE("editing a process: a bad burst string is kept with its error, a good one runs and saves", "[gui][window][editor]") {
  TempDir dir;
  const std::string script = dir.write("edit.txt",
      "panel scenario\n"
      "edit-bursts 0 c2 x1\napply\nexpect-error\ndump-state " + dir.path("bad.json").string() + "\n"
      "edit-bursts 0 c2 i2 c1\napply\ndump-state " + dir.path("good.json").string() + "\n"
      "edit-name 1 second\nsave " + dir.path("saved.json").string() + "\n"
      "screenshot " + dir.path("editor.png").string() + "\n");
  const auto result = runGui("--scenario " + shellQuoted(defaultScenario()) + " --script " + shellQuoted(script));
  INFO(result.output);
  REQUIRE(result.status == 0);
  const auto bad = gui_test::readJson(dir.path("bad.json"));
  CHECK(bad["editor"]["rows"][0]["bursts"] == "c2 x1");
  CHECK(bad["editor"]["rows"][0]["error"].get<std::string>().find("x1") != std::string::npos);
  CHECK(bad["editor"]["dirty"] == true);
  const auto good = gui_test::readJson(dir.path("good.json"));
  CHECK(good["editor"]["dirty"] == false);
  CHECK(good["editor"]["rows"][0]["bursts"] == "c2 i2 c1");
  CHECK(good["editor"]["rows"][0]["error"] == "");
  Image image;
  CHECK(image.load(dir.path("editor.png").string()));
  // Save applies the pending rename first, then writes what the simulator runs.
  const sim::Scenario saved = sim::loadScenario(dir.path("saved.json").string());
  REQUIRE(saved.processes.size() >= 2);
  CHECK(saved.processes[1].name == "second");
  REQUIRE(saved.processes[0].bursts.size() == 3);
  CHECK(saved.processes[0].bursts[0].length == 2);
  CHECK(saved.processes[0].bursts[1].kind == sim::BurstKind::Io);
  CHECK(saved.processes[0].bursts[2].length == 1);
}

TEST_CASE("opening a scenario that fails validation keeps the current one and shows the CLI's message", "[gui][window][editor]") {
  TempDir dir;
  const std::string bad = dir.write("bad_rr.json",
      R"({"cores": 2, "policy": {"name": "rr", "quantum": 0}, "processes": [{"name": "a", "bursts": [{"cpu": 2}]}]})");
  std::string cli_message;
  try {
    sim::loadScenario(bad);
  } catch (const sim::ScenarioError& error) {
    cli_message = error.what();
  }
  REQUIRE_FALSE(cli_message.empty());
  const std::string script = dir.write("open.txt", "seek 3\nload " + bad + "\nexpect-error\nframes 2\n"
                                                   "dump-state " + dir.path("state.json").string() + "\n");
  const auto result = runGui("--scenario " + shellQuoted(defaultScenario()) + " --script " + shellQuoted(script));
  INFO(result.output);
  REQUIRE(result.status == 0);
  const auto state = gui_test::readJson(dir.path("state.json"));
  CHECK(state["scenario"]["name"] == sim::loadScenario(defaultScenario()).name);
  CHECK(state["tick"] == 3);
  CHECK(state["panel"] == "scenario");
  CHECK(state["editor"]["file_message"] == cli_message);
}

TEST_CASE("the language chosen in one run is used by the next", "[gui][window][settings]") {
  TempDir dir;
  const std::string config = dir.path("config").string();
  const std::string first = dir.write("first.txt", "lang zh\n");
  REQUIRE(runGui("--config-dir " + shellQuoted(config) + " --scenario " + shellQuoted(defaultScenario()) + " --script " +
                 shellQuoted(first)).status == 0);
  const std::string second = dir.write("second.txt", "dump-state " + dir.path("state.json").string() + "\n");
  REQUIRE(runGui("--config-dir " + shellQuoted(config) + " --scenario " + shellQuoted(defaultScenario()) + " --script " +
                 shellQuoted(second)).status == 0);
  CHECK(gui_test::readJson(dir.path("state.json"))["language"] == "zh");
  CHECK(std::filesystem::exists(dir.path("config") / "imgui.ini"));
}

TEST_CASE("bad input exits with status 2 and names the place", "[gui][window][errors]") {
  TempDir dir;
  SECTION("a scenario that fails validation gives the CLI's message") {
    const std::string bad = dir.write("bad.json", R"({"cores": 0, "policy": {"name": "fcfs"}, "processes": []})");
    const auto result = runGui("--scenario " + shellQuoted(bad) + " --screenshot " + shellQuoted(dir.path("x.png")));
    INFO(result.output);
    CHECK(result.status == 2);
    CHECK(result.output.find("bad.json") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.path("x.png")));
  }
  SECTION("a script line with an unknown action") {
    const std::string script = dir.write("s.txt", "step\nwiggle\n");
    const auto result = runGui("--script " + shellQuoted(script));
    INFO(result.output);
    CHECK(result.status == 2);
    CHECK(result.output.find("s.txt:2: unknown action 'wiggle'") != std::string::npos);
  }
  SECTION("a script action that fails at run time") {
    const std::string script = dir.write("s.txt", "load " + defaultScenario() + "\npolicy lotto\n");
    const auto result = runGui("--script " + shellQuoted(script));
    INFO(result.output);
    CHECK(result.status == 2);
    CHECK(result.output.find("s.txt:2:") != std::string::npos);
  }
  SECTION("an unknown flag") {
    CHECK(runGui("--fly").status == 2);
  }
}

TEST_CASE("without a display procsim-gui says so in one line and exits with status 3", "[gui][window][errors]") {
  const auto result = runGui("--scenario " + shellQuoted(defaultScenario()), false);
  CHECK(result.status == 3);
  CHECK(result.output.find("cannot open a display") != std::string::npos);
  CHECK(std::count(result.output.begin(), result.output.end(), '\n') == 1);
}

TEST_CASE("a scripted session: per-core options, the migration links, and the Compare tab's sweep", "[gui][window][zoo]") {
  TempDir dir;
  const std::string steal = gui_test::scenariosDir() + "/per-core-steal.json";
  const std::string script = dir.write("zoo.txt",
      "load " + steal + "\n"
      "dump-state " + dir.path("steal.json").string() + "\n"
      "steal off\n"
      "dump-state " + dir.path("no_steal.json").string() + "\n"
      "balance 3\n"
      "run-queues global\n"
      "dump-state " + dir.path("global.json").string() + "\n"
      "run-queues sideways\n"
      "expect-error\n"
      "panel compare\n"
      "sweep cores 1 4\n"
      "sweep-chart switches\n"
      "screenshot " + dir.path("sweep.png").string() + "\n"
      "dump-state " + dir.path("sweep.json").string() + "\n");
  const auto result = runGui("--script " + shellQuoted(script));
  INFO(result.output);
  REQUIRE(result.status == 0);

  // Core 1 steals C from core 0's queue at tick 4 and runs it at once.
  const auto stolen = gui_test::readJson(dir.path("steal.json"));
  CHECK(stolen["scenario"]["run_queues"] == "per_core");
  CHECK(stolen["scenario"]["balance"]["steal"] == true);
  REQUIRE(stolen["timeline"]["migrations"].size() == 1);
  const auto& link = stolen["timeline"]["migrations"][0];
  CHECK(link["process"] == "C");
  CHECK(link["from_core"] == 0);
  CHECK(link["to_core"] == 1);
  CHECK(link["from_tick"] == 4);
  CHECK(link["to_tick"] == 4);
  CHECK(link["reason"] == std::string(sim::name(sim::Reason::Stolen)));
  // Without stealing C waits behind A on core 0 (per-core-imbalance.json): no migration, a later end.
  const auto kept = gui_test::readJson(dir.path("no_steal.json"));
  CHECK(kept["timeline"]["migrations"].empty());
  CHECK(kept["end_tick"].get<sim::Tick>() > stolen["end_tick"].get<sim::Tick>());
  // One shared queue drops the balancing options (they need per-core queues).
  const auto global = gui_test::readJson(dir.path("global.json"));
  CHECK(global["scenario"]["run_queues"] == "global");
  CHECK(global["scenario"]["balance"]["interval"] == 0);
  CHECK(global["scenario"]["balance"]["steal"] == false);

  // The sweep over 1..4 cores gives procsim sweep's numbers.
  const auto swept = gui_test::readJson(dir.path("sweep.json"));
  CHECK(swept["sweep"]["key"] == "cores");
  CHECK(swept["sweep"]["chart"] == 2);
  sim::Scenario scenario = sim::loadScenario(steal);
  scenario.run_queues = sim::RunQueues::Global;
  scenario.balance = {};
  const auto expected = sim::sweep(scenario, {"cores", 1, 4, 1});
  REQUIRE(swept["sweep"]["points"].size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(swept["sweep"]["points"][i]["value"] == expected[i].value);
    CHECK(swept["sweep"]["points"][i]["avg_turnaround"].get<double>() == Approx(expected[i].metrics.avg_turnaround));
  }
  gui_test::Image image;
  REQUIRE(image.load(dir.path("sweep.png").string()));
  CHECK(image.distinctColors(image.width * 3 / 5, image.height / 5, image.width, image.height / 2) > 8);
}
