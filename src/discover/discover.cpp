#include "chimera/discover/discover.hpp"

#include <algorithm>
#include <chrono>
#include <system_error>

namespace chimera::discover {
namespace fs = std::filesystem;

model::FileKind classify(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".csv" || ext == ".tsv") {
    return model::FileKind::csv;
  }
  if (ext == ".json" || ext == ".jsonl" || ext == ".ndjson") {
    return model::FileKind::json;
  }
  if (ext == ".md" || ext == ".markdown") {
    return model::FileKind::markdown;
  }
  return model::FileKind::other;
}

namespace {

std::int64_t unix_seconds(fs::file_time_type time) {
  const auto system = std::chrono::file_clock::to_sys(time);
  return std::chrono::duration_cast<std::chrono::seconds>(system.time_since_epoch()).count();
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

}  // namespace

std::vector<model::FileEntry> discover(const model::Config& config,
                                       std::vector<model::Diagnostic>& diagnostics) {
  std::vector<model::FileEntry> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(config.root, fs::directory_options::skip_permission_denied,
                                      ec);
  if (ec) {
    diagnostics.push_back({"", std::nullopt, model::Severity::error,
                           "cannot read directory: " + ec.message()});
    return files;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      diagnostics.push_back({"", std::nullopt, model::Severity::warning,
                             "cannot read an entry: " + ec.message()});
      ec.clear();
      continue;
    }
    const fs::path& path = it->path();
    if (is_hidden(path)) {
      if (it->is_directory(ec)) {
        it.disable_recursion_pending();
      }
      continue;
    }
    if (!it->is_regular_file(ec)) {
      continue;
    }
    model::FileEntry entry;
    entry.path = path.lexically_relative(config.root).generic_string();
    entry.kind = classify(path);
    entry.bytes = it->file_size(ec);
    if (!ec) {
      entry.modified = unix_seconds(it->last_write_time(ec));
    }
    if (ec) {
      entry.skipped = true;
      entry.skip_reason = "cannot stat: " + ec.message();
      ec.clear();
    } else if (entry.bytes > config.max_file_size) {
      entry.skipped = true;
      entry.skip_reason = "larger than --max-file-size (" + std::to_string(entry.bytes) +
                          " > " + std::to_string(config.max_file_size) + " bytes)";
    }
    files.push_back(std::move(entry));
  }
  std::sort(files.begin(), files.end(),
            [](const model::FileEntry& a, const model::FileEntry& b) { return a.path < b.path; });
  return files;
}

}  // namespace chimera::discover
