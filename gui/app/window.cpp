#include "app/window.hpp"

// glad first: it replaces the system OpenGL header.
#include <glad/glad.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>

#include <cstdlib>
#include <cstring>
#include <vector>

namespace gui {
namespace {

std::string g_glfw_error;
void onGlfwError(int code, const char* description) {
  g_glfw_error = "GLFW error " + std::to_string(code) + ": " + description;
}

void* loadProc(const char* name) {
  // GLFW returns a function pointer; glad's loader takes void*. POSIX
  // guarantees both have the same size, so copy the bits.
  GLFWglproc proc = glfwGetProcAddress(name);
  void* object = nullptr;
  static_assert(sizeof(object) == sizeof(proc));
  std::memcpy(&object, &proc, sizeof proc);
  return object;
}

}  // namespace

Window::~Window() {
  if (imgui_ready_) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
  }
  if (window_ != nullptr) glfwDestroyWindow(window_);
  glfwTerminate();
}

bool Window::open(int width, int height, const char* title, std::string& error) {
  glfwSetErrorCallback(onGlfwError);
  if (glfwInit() == GLFW_FALSE) {
    error = "cannot open a display (" + (g_glfw_error.empty() ? std::string("glfwInit failed") : g_glfw_error) + ")";
    return false;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  window_ = glfwCreateWindow(width, height, title, nullptr, nullptr);
  if (window_ == nullptr) {
    error = "cannot open a window with OpenGL 3.3 (" + g_glfw_error + ")";
    return false;
  }
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(1);
  if (gladLoadGLLoader(loadProc) == 0 || GLAD_GL_VERSION_3_3 == 0) {
    error = "the OpenGL context is older than 3.3";
    return false;
  }
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  imgui_ready_ = true;
  return true;
}

float Window::contentScale() const {
  if (const char* forced = std::getenv("PROCSIM_GUI_SCALE"); forced != nullptr) {
    const float value = static_cast<float>(std::atof(forced));
    if (value >= 0.5f && value <= 4.0f) return value;
  }
  float x = 1.0f, y = 1.0f;
  glfwGetWindowContentScale(window_, &x, &y);
  return x > 0.5f ? x : 1.0f;
}

bool Window::shouldClose() const { return glfwWindowShouldClose(window_) != 0; }

void Window::beginFrame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
}

void Window::renderFrame() {
  int width = 0, height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  glViewport(0, 0, width, height);
  glClearColor(0.10f, 0.11f, 0.13f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::present() { glfwSwapBuffers(window_); }

bool Window::savePng(const std::string& path, std::string& error) const {
  int width = 0, height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  const auto row = static_cast<std::size_t>(width) * 4;
  std::vector<unsigned char> pixels(row * static_cast<std::size_t>(height));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // OpenGL's rows go bottom-up; PNG's top-down.
  std::vector<unsigned char> flipped(pixels.size());
  for (int y = 0; y < height; ++y)
    std::memcpy(&flipped[static_cast<std::size_t>(y) * row], &pixels[static_cast<std::size_t>(height - 1 - y) * row], row);
  for (std::size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;
  if (stbi_write_png(path.c_str(), width, height, 4, flipped.data(), static_cast<int>(row)) == 0) {
    error = path + ": cannot write the PNG";
    return false;
  }
  return true;
}

}  // namespace gui
