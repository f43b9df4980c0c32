#include "app/fonts.hpp"

#include <imgui.h>

#include <cstdio>

#include "app/strings.hpp"

namespace gui {
namespace {

constexpr const char* kLatinFonts[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
};
constexpr const char* kCjkFonts[] = {
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
};

bool readable(const char* path) {
  std::FILE* file = std::fopen(path, "rb");
  if (file == nullptr) return false;
  std::fclose(file);
  return true;
}

// The common simplified set plus every character the interface uses, so
// that no translated label misses a glyph.
const ImWchar* chineseRanges() {
  static ImVector<ImWchar> ranges;
  if (ranges.empty()) {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesChineseSimplifiedCommon());
    const Language previous = language();
    setLanguage(Language::Chinese);
    for (int id = 0; id < static_cast<int>(Str::Count); ++id) builder.AddText(tr(static_cast<Str>(id)));
    setLanguage(previous);
    builder.AddText("…，。：；（）“”·");
    builder.BuildRanges(&ranges);
  }
  return ranges.Data;
}

}  // namespace

FontReport loadFonts(float pixel_size) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  FontReport report;
  for (const char* path : kLatinFonts) {
    if (readable(path) && io.Fonts->AddFontFromFileTTF(path, pixel_size) != nullptr) {
      report.latin_path = path;
      break;
    }
  }
  if (report.latin_path == nullptr) {
    ImFontConfig config;
    config.SizePixels = pixel_size;
    io.Fonts->AddFontDefault(&config);
  }
  for (const char* path : kCjkFonts) {
    if (!readable(path)) continue;
    ImFontConfig config;
    config.MergeMode = true;
    if (io.Fonts->AddFontFromFileTTF(path, pixel_size, &config, chineseRanges()) != nullptr) {
      report.cjk_path = path;
      report.chinese = true;
      break;
    }
  }
  io.Fonts->Build();
  return report;
}

}  // namespace gui
