#include <imgui.h>

#include <cstdio>

#include "views/real_views.hpp"

namespace gui {
namespace {

struct ExperimentText {
  const char* name;
  Str title;
  Str explanation;
};

constexpr ExperimentText kExperiments[] = {
    {"isolation", Str::ExperimentIsolation, Str::ExplainIsolation},
    {"join", Str::ExperimentJoin, Str::ExplainJoin},
    {"terminate", Str::ExperimentTerminate, Str::ExplainTerminate},
    {"zombie", Str::ExperimentZombie, Str::ExplainZombie},
    {"two-ways", Str::ExperimentTwoWays, Str::ExplainTwoWays},
    {"daemon", Str::ExperimentDaemon, Str::ExplainDaemon},
};

void showFacts(const nlohmann::json& facts, const std::string& prefix) {
  for (const auto& [key, value] : facts.items()) {
    if (value.is_object()) {
      showFacts(value, prefix + key + ".");
      continue;
    }
    ImGui::Bullet();
    ImGui::Text("%s%s = %s", prefix.c_str(), key.c_str(), value.dump().c_str());
  }
}

}  // namespace

void RealExperimentsView::draw(ViewContext& context) {
  RealPanel& real = context.real;
  RealPageState& page = context.state.real;
  const bool busy = real.experiments.running();
  ImGui::TextUnformatted(tr(Str::ExperimentsIntro));
  ImGui::BeginDisabled(busy);
  for (const ExperimentText& experiment : kExperiments) {
    if (ImGui::Button(tr(experiment.title))) {
      std::string error;
      if (real.experiments.start(experiment.name, error)) page.experiment = experiment.name;
      else page.message = error;
    }
    ImGui::SameLine();
  }
  ImGui::EndDisabled();
  ImGui::NewLine();
  const ExperimentText* shown = nullptr;
  for (const ExperimentText& experiment : kExperiments)
    if (page.experiment == experiment.name) shown = &experiment;
  if (shown == nullptr) {
    ImGui::TextDisabled("%s", tr(Str::ExperimentsNoneYet));
    return;
  }
  ImGui::Separator();
  ImGui::BeginChild("experiment", ImVec2(0, 0), false);
  ImGui::TextUnformatted(tr(shown->title));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", tr(shown->explanation));
  const ExperimentResult result = real.experiments.result(shown->name);
  char text[160];
  if (result.running) {
    ImGui::TextUnformatted(tr(Str::ExperimentRunning));
  } else if (!result.error.empty()) {
    ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", result.error.c_str());
  } else if (result.done) {
    ImGui::TextUnformatted(trf(text, sizeof text, Str::ExperimentTookFormat, result.seconds));
    for (const std::string& line : result.lines) ImGui::TextUnformatted(line.c_str());
    showFacts(result.facts, "");
  }
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
}

}  // namespace gui
