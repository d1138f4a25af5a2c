#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <vector>

#include "chimera/render/report.hpp"
#include "chimera/render/svg.hpp"
#include "markdown_sections.hpp"

namespace chimera::render {
namespace {

constexpr const char* k_style =
    R"(body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1,h2{border-bottom:1px solid #ddd;padding-bottom:.2em}
table{border-collapse:collapse;margin:1em 0;font-size:13px}
th,td{border:1px solid #ccc;padding:.25em .6em}
th{background:#f4f4f4}
td{font-variant-numeric:tabular-nums}
code{background:#f4f4f4;padding:0 .2em;border-radius:3px}
blockquote{margin:1em 0;padding:.2em 1em;border-left:4px solid #d9822b;background:#fff8f0}
:root{color-scheme:light dark}
figure.chart{margin:1em 0;overflow-x:auto}
svg.chart{display:block;max-width:100%;height:auto}
@media (prefers-color-scheme:dark){body{background:#16181b;color:#e2e2e2}
h1,h2,th,td{border-color:#3b3f45}th,code{background:#25282c}blockquote{background:#2b2117}
.chart .bar,.chart .level{fill:#7aa9dc}.chart .point,.chart .effect-line{stroke:#7aa9dc}
.chart .front,.chart .part{fill:#ff8587}.chart .front-line{stroke:#ff8587}}
)";

// Replaces every image with its alt text. An image in the page is a request to a host the reader
// did not choose the moment the page is opened (a tracking pixel from the LLM's text); a link
// is not followed unless clicked.
void drop_images(cmark_node* document) {
  std::vector<cmark_node*> images;
  cmark_iter* iter = cmark_iter_new(document);
  for (cmark_event_type event = cmark_iter_next(iter); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter)) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_IMAGE) {
      images.push_back(node);
    }
  }
  cmark_iter_free(iter);
  // Innermost first: an image's alt text may hold another image.
  for (auto it = images.rbegin(); it != images.rend(); ++it) {
    cmark_node* image = *it;
    while (cmark_node* child = cmark_node_first_child(image)) {
      cmark_node_insert_before(image, child);
    }
    cmark_node_free(image);
  }
}

// The Markdown as an HTML fragment. Raw HTML is not passed through (cmark's safe default), and
// images become their alt text.
std::string to_html(const std::string& markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  const int options = CMARK_OPT_DEFAULT;
  std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(options),
                                                                     &cmark_parser_free);
  if (cmark_syntax_extension* table = cmark_find_syntax_extension("table")) {
    cmark_parser_attach_syntax_extension(parser.get(), table);
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(cmark_parser_finish(parser.get()),
                                                              &cmark_node_free);
  drop_images(doc.get());
  char* html =
      cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
  std::string out(html != nullptr ? html : "");
  std::free(html);
  return out;
}

}  // namespace

std::string render_html(const ReportInput& input) {
  const std::string body = detail::fill_chart_slots(
      to_html(detail::markdown_report(input, detail::ChartMarks::slots)), input.analysis);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"generator\" content=\"chimera " CHIMERA_VERSION "\">\n";
  out +=
      "<title>Benchmark Analysis Report: " + svg::xml_escape(input.config.root.generic_string()) +
      "</title>\n<style>\n" + k_style + "</style>\n</head>\n<body>\n";
  out += body;
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace chimera::render
