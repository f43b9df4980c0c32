#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

#include "model/presets.hpp"
#include "model/scenario_editor.hpp"
#include "sim/scenario_json.hpp"
#include "views/all_views.hpp"
#include "views/palette.hpp"

namespace gui {
namespace {

const ImVec4 kErrorColor(1.0f, 0.45f, 0.4f, 1.0f);

void drawFiles(ViewContext& context) {
  EditorState& editor = context.state.editor;
  const float scale = ImGui::GetFontSize() / 15.0f;
  if (ImGui::Button(tr(Str::Presets))) ImGui::OpenPopup("presets");
  if (ImGui::BeginPopup("presets")) {
    static std::vector<Preset> presets;
    if (ImGui::IsWindowAppearing()) presets = listPresets(presetsDir());
    for (const Preset& preset : presets) {
      if (ImGui::Selectable(preset.name.c_str())) {
        context.app.openScenario(preset.path);
        ImGui::CloseCurrentPopup();
      }
      if (!preset.description.empty()) {
        ImGui::Indent();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 420.0f * scale);
        ImGui::TextDisabled("%s", preset.description.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Unindent();
      }
    }
    if (presets.empty()) ImGui::TextDisabled("%s", presetsDir().c_str());
    ImGui::EndPopup();
  }
  ImGui::SameLine();
  ImGui::TextUnformatted(tr(Str::Path));
  ImGui::SameLine();
  const float buttons = ImGui::CalcTextSize(tr(Str::Open)).x + ImGui::CalcTextSize(tr(Str::Save)).x +
                        ImGui::CalcTextSize(tr(Str::Recent)).x + 70.0f * scale;
  ImGui::SetNextItemWidth(std::max(80.0f, ImGui::GetContentRegionAvail().x - buttons));
  const bool entered = ImGui::InputText("##path", &editor.path, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::Open)) || entered) context.app.openScenario(editor.path);
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::Save)) && saveEditor(editor, context.session, editor.path)) {
    context.app.rememberFile(editor.path);
    editor.file_message = std::string(tr(Str::Saved)) + ": " + editor.path;
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::Recent))) ImGui::OpenPopup("recent");
  if (ImGui::BeginPopup("recent")) {
    for (const std::string& path : context.app.recentFiles())
      if (ImGui::Selectable(path.c_str())) editor.path = path;
    ImGui::EndPopup();
  }
  if (!editor.file_message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, editor.file_error ? kErrorColor : ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", editor.file_message.c_str());
    ImGui::PopStyleColor();
  }
}

void drawGenerator(ViewContext& context) {
  EditorState& editor = context.state.editor;
  const float scale = ImGui::GetFontSize() / 15.0f;
  if (ImGui::Button(tr(Str::Generate))) generateIntoEditor(editor, context.session);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90.0f * scale);
  ImGui::InputInt(tr(Str::GenerateCount), &editor.generate_count);
  editor.generate_count = std::clamp(editor.generate_count, 1, 100000);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(80.0f * scale);
  ImGui::SliderFloat(tr(Str::IoMix), &editor.generate_io_mix, 0.0f, 1.0f, "%.2f");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90.0f * scale);
  ImGui::InputInt(tr(Str::Seed), &editor.generate_seed);
}

void drawRows(ViewContext& context) {
  EditorState& editor = context.state.editor;
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_SizingStretchProp;
  const float footer = ImGui::GetFrameHeightWithSpacing() * 2.0f;
  if (!ImGui::BeginTable("rows", 5, flags, ImVec2(0, std::max(60.0f, ImGui::GetContentRegionAvail().y - footer)))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(Str::ColumnName), 0, 1.0f);
  ImGui::TableSetupColumn(tr(Str::ColumnArrival), 0, 0.7f);
  ImGui::TableSetupColumn(tr(Str::ColumnPriority), 0, 0.7f);
  ImGui::TableSetupColumn(tr(Str::Bursts), 0, 2.0f);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("Dup Del").x + 24.0f);
  ImGui::TableHeadersRow();
  int remove = -1, duplicate = -1;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(editor.rows.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      EditorRow& row = editor.rows[static_cast<std::size_t>(i)];
      ImGui::PushID(i);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      editor.dirty |= ImGui::InputText("##name", &row.name);
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      editor.dirty |= ImGui::InputScalar("##arrival", ImGuiDataType_S64, &row.arrival);
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      editor.dirty |= ImGui::InputInt("##priority", &row.priority, 0);
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      if (!row.error.empty()) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.45f, 0.12f, 0.12f, 1.0f));
      if (ImGui::InputText("##bursts", &row.bursts)) {
        editor.dirty = true;
        row.error.clear();
      }
      if (!row.error.empty()) {
        ImGui::PopStyleColor();
        ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
        ImGui::TextWrapped("%s", row.error.c_str());
        ImGui::PopStyleColor();
      }
      ImGui::TableNextColumn();
      if (ImGui::SmallButton("Dup")) duplicate = i;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::Duplicate));
      ImGui::SameLine();
      if (ImGui::SmallButton("Del")) remove = i;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::Remove));
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
  if (duplicate >= 0) {
    EditorRow copy = editor.rows[static_cast<std::size_t>(duplicate)];
    copy.name += "'";
    editor.rows.insert(editor.rows.begin() + duplicate + 1, copy);
    editor.dirty = true;
  }
  if (remove >= 0 && editor.rows.size() > 1) {
    editor.rows.erase(editor.rows.begin() + remove);
    editor.dirty = true;
  }
}

}  // namespace

void EditorView::draw(ViewContext& context) {
  EditorState& editor = context.state.editor;
  syncEditor(editor, context.session);
  drawFiles(context);
  ImGui::TextDisabled("%s", tr(Str::DropHint));
  if (!context.session.hasScenario()) return;
  ImGui::Separator();
  drawGenerator(context);
  const float scale = ImGui::GetFontSize() / 15.0f;
  ImGui::SetNextItemWidth(160.0f * scale);
  editor.dirty |= ImGui::InputText(tr(Str::ScenarioName), &editor.name);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::max(80.0f, ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(tr(Str::Description)).x - 12.0f));
  editor.dirty |= ImGui::InputText(tr(Str::Description), &editor.description);
  drawRows(context);
  if (ImGui::Button(tr(Str::AddProcess))) addEditorRow(editor);
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::Apply))) applyEditor(editor, context.session);
  ImGui::SameLine();
  if (!editor.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
    ImGui::TextWrapped("%s", editor.error.c_str());
    ImGui::PopStyleColor();
  } else if (editor.dirty) {
    ImGui::TextDisabled("%s", tr(Str::Unapplied));
  }
}

}  // namespace gui
