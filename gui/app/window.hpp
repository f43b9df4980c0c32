// gui/app/window.hpp: the GLFW window with its OpenGL 3.3 core context and
// Dear ImGui's GLFW and OpenGL3 backends.
#pragma once

#include <string>

struct GLFWwindow;

namespace gui {

class Window {
 public:
  Window() = default;
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  // Opens the window; false (and `error`, one line) when no display or no
  // OpenGL 3.3 context can be had.
  bool open(int width, int height, const char* title, std::string& error);
  GLFWwindow* handle() const { return window_; }
  float contentScale() const;  // HiDPI factor (PROCSIM_GUI_SCALE overrides)
  bool shouldClose() const;

  // [Frame] begin: backends' NewFrame; end: render ImGui's draw data.
  void beginFrame();
  void renderFrame();
  void present();
  // Saves the frame just rendered (call between renderFrame and present).
  bool savePng(const std::string& path, std::string& error) const;

 private:
  GLFWwindow* window_ = nullptr;
  bool imgui_ready_ = false;
};

}  // namespace gui
