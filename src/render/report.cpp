#include "chimera/render/report.hpp"

#include <array>

namespace chimera::render {
namespace {

using Renderer = std::string (*)(const ReportInput&);

struct FormatEntry {
  model::OutputFormat format;
  Renderer renderer;
};

// Adding a format is one row here plus one file pair.
constexpr std::array<FormatEntry, 3> k_formats{{
    {model::OutputFormat::md, &render_markdown},
    {model::OutputFormat::html, &render_html},
    {model::OutputFormat::json, &render_json},
}};

}  // namespace

std::string render(const ReportInput& input, model::OutputFormat format) {
  for (const auto& entry : k_formats) {
    if (entry.format == format) {
      return entry.renderer(input);
    }
  }
  return render_markdown(input);
}

}  // namespace chimera::render
