#include <imgui.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "views/real_views.hpp"

namespace gui {

void RealServersView::draw(ViewContext& context) {
  RealPanel& real = context.real;
  RealPageState& page = context.state.real;
  const float scale = ImGui::GetFontSize() / 15.0f;

  // [Start] a TCP or UDP echo server on 127.0.0.1.
  ImGui::TextUnformatted(tr(Str::RealEchoServer));
  ImGui::SameLine();
  ImGui::RadioButton("TCP", &transport_, 0);
  ImGui::SameLine();
  ImGui::RadioButton("UDP", &transport_, 1);
  ImGui::SameLine();
  ImGui::TextUnformatted(tr(Str::RealPort));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(110.0f * scale);
  ImGui::InputInt("##port", &port_, 1, 100);
  port_ = std::clamp(port_, 0, 65535);
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::RealStartServer))) {
    std::string error;
    const int index = real.servers.start(transport_ == 0 ? real::Transport::Tcp : real::Transport::Udp, port_, "127.0.0.1", error);
    if (index < 0) page.message = error;
    else server_ = index;
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(Str::RealServerHint));

  // [Servers] their counters.
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
  auto& servers = real.servers.rows();
  if (!servers.empty() && ImGui::BeginTable("servers", 8, kFlags)) {
    for (const Str header : {Str::ColumnServer, Str::ColumnAddress, Str::ColumnPid, Str::ColumnConnections,
                             Str::ColumnHandlerThreads, Str::ColumnRequests, Str::ColumnServerState, Str::ColumnActions})
      ImGui::TableSetupColumn(tr(header));
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < servers.size(); ++i) {
      const ServerRow& row = servers[i];
      const real::ServerStats stats = real.servers.stats(row);
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      if (row.stopped) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TableNextColumn();
      ImGui::Text("#%zu %s", i + 1, row.transport == real::Transport::Tcp ? "TCP" : "UDP");
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.address.to_string().c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%d", static_cast<int>(::getpid()));
      ImGui::TableNextColumn();
      ImGui::Text("%llu", static_cast<unsigned long long>(stats.active_connections));
      ImGui::TableNextColumn();
      ImGui::Text("%llu", static_cast<unsigned long long>(stats.handler_threads));
      ImGui::TableNextColumn();
      ImGui::Text("%llu", static_cast<unsigned long long>(row.replies->load()));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.stopped ? tr(Str::RealStopped) : tr(Str::RealServing));
      ImGui::TableNextColumn();
      if (row.stopped) ImGui::PopStyleColor();
      ImGui::BeginDisabled(row.stopped);
      if (ImGui::SmallButton(tr(Str::RealStopServer))) real.servers.stop(i);
      ImGui::EndDisabled();
      ImGui::PopID();
    }
    ImGui::EndTable();
  }

  // [Clients] N client processes with a message or a load.
  ImGui::Separator();
  ImGui::TextUnformatted(tr(Str::RealClients));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(150.0f * scale);
  char current[64] = "-";
  if (server_ >= 0 && static_cast<std::size_t>(server_) < servers.size())
    std::snprintf(current, sizeof current, "#%d %s :%u", server_ + 1,
                  servers[static_cast<std::size_t>(server_)].transport == real::Transport::Tcp ? "TCP" : "UDP",
                  static_cast<unsigned>(servers[static_cast<std::size_t>(server_)].address.port));
  if (ImGui::BeginCombo("##server", current)) {
    for (std::size_t i = 0; i < servers.size(); ++i) {
      if (servers[i].stopped) continue;
      char label[64];
      std::snprintf(label, sizeof label, "#%zu %s :%u", i + 1, servers[i].transport == real::Transport::Tcp ? "TCP" : "UDP",
                    static_cast<unsigned>(servers[i].address.port));
      if (ImGui::Selectable(label, server_ == static_cast<int>(i))) server_ = static_cast<int>(i);
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90.0f * scale);
  ImGui::InputInt(tr(Str::RealClientCount), &clients_);
  clients_ = std::clamp(clients_, 1, 64);
  ImGui::SameLine();
  ImGui::RadioButton(tr(Str::RealMessage), &mode_, 0);
  ImGui::SameLine();
  ImGui::RadioButton(tr(Str::RealLoad), &mode_, 1);
  ImGui::SameLine();
  if (mode_ == 0) {
    ImGui::SetNextItemWidth(180.0f * scale);
    ImGui::InputText("##message", message_, sizeof message_);
  } else {
    ImGui::SetNextItemWidth(110.0f * scale);
    ImGui::InputInt(tr(Str::RealMessagesEach), &messages_, 100, 1000);
    messages_ = std::clamp(messages_, 1, 1'000'000);
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(!real.servers.anyRunning());
  if (ImGui::Button(tr(Str::RealLaunchClients))) {
    ClientRequest request;
    request.clients = clients_;
    request.message = message_;
    request.messages = mode_ == 0 ? 0 : messages_;
    std::string error;
    if (!real.servers.launchClients(static_cast<std::size_t>(std::max(server_, 0)), request, real.children, error))
      page.message = error;
  }
  ImGui::EndDisabled();

  // [Log] the clients' replies and rates.
  ImGui::TextDisabled("%s", tr(Str::RealLogTitle));
  ImGui::BeginChild("log", ImVec2(0, 0), true);
  for (const std::string& line : real.log) ImGui::TextUnformatted(line.c_str());
  if (real.log_generation != seen_log_) {
    ImGui::SetScrollHereY(1.0f);
    seen_log_ = real.log_generation;
  }
  ImGui::EndChild();
}

}  // namespace gui
