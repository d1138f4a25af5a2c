#include "chimera/discover/discover.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <set>
#include <system_error>

#include "chimera/discover/ignore.hpp"
#include "chimera/util/cancel.hpp"
#include "chimera/util/file_io.hpp"

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

bool is_within(const fs::path& path, const fs::path& root) {
  const auto [r, p] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return r == root.end();
}

// The walk of one root. Entries of a directory are visited in byte order of their names, so the
// file list comes out sorted by path whatever the file system returns.
class Walker {
 public:
  Walker(const model::Config& config, std::vector<model::FileEntry>& files,
         std::vector<model::Diagnostic>& diagnostics)
      : m_config(config),
        m_files(files),
        m_diagnostics(diagnostics),
        m_include(IgnoreRules::from_globs(config.include)),
        m_exclude(IgnoreRules::from_globs(config.exclude)) {}

  void run() {
    std::error_code ec;
    m_root = fs::canonical(m_config.root, ec);
    if (ec) {
      note("", model::Severity::error, "cannot read directory: " + ec.message());
      return;
    }
    if (auto text = util::read_file(m_root / ".chimeraignore")) {
      m_ignore = IgnoreRules::parse(*text);
    }
    walk(m_root, "");
  }

 private:
  void note(std::string path, model::Severity severity, std::string message) {
    m_diagnostics.push_back({std::move(path), std::nullopt, severity, std::move(message)});
  }

  bool excluded(const std::string& rel, bool is_directory) const {
    return m_ignore.ignored(rel, is_directory) || m_exclude.matches(rel, is_directory);
  }

  void walk(const fs::path& dir, const std::string& rel) {
    std::error_code ec;
    const fs::path real = fs::canonical(dir, ec);
    if (!ec) {
      m_active.insert(real);
    }
    std::vector<std::string> names;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      names.push_back(it->path().filename().string());
    }
    if (ec) {
      note(rel, model::Severity::warning,
           "cannot read directory: " + ec.message() + "; its files are not analysed");
    }
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
      if (util::cancel_requested()) {
        return;  // Ctrl-C: the caller stops the run
      }
      if (name.front() == '.') {
        continue;  // hidden: .git, .venv, .chimeraignore, editor files
      }
      entry(dir / name, rel.empty() ? name : rel + "/" + name);
    }
    m_active.erase(real);
  }

  void entry(const fs::path& path, const std::string& rel) {
    std::error_code ec;
    const fs::file_status link = fs::symlink_status(path, ec);
    if (ec) {
      note(rel, model::Severity::warning, "cannot read: " + ec.message());
      return;
    }
    fs::path target = path;
    if (fs::is_symlink(link)) {
      target = fs::canonical(path, ec);
      if (ec) {
        note(rel, model::Severity::warning,
             ec.value() == ELOOP ? "symbolic link loop; not followed"
                                 : "broken symbolic link (" + ec.message() + "); not followed");
        return;
      }
      if (!is_within(target, m_root)) {
        note(rel, model::Severity::info,
             "symbolic link points outside the analysed directory; not followed");
        return;
      }
    }
    const fs::file_status status = fs::status(target, ec);
    if (ec) {
      note(rel, model::Severity::warning, "cannot read: " + ec.message());
      return;
    }
    if (fs::is_directory(status)) {
      if (m_active.contains(fs::canonical(target, ec))) {
        note(rel, model::Severity::warning, "symbolic link loop; not followed");
        return;
      }
      if (!excluded(rel, true)) {
        walk(path, rel);
      }
      return;
    }
    if (excluded(rel, false) || (!m_include.empty() && !m_include.matches(rel, false))) {
      return;
    }
    if (!fs::is_regular_file(status)) {
      add_special(target, rel, status);
      return;
    }
    add_file(target, rel);
  }

  // A FIFO, socket or device is listed, never read: reading one can block forever or never end.
  void add_special(const fs::path& path, const std::string& rel, const fs::file_status& status) {
    model::FileEntry entry;
    entry.path = rel;
    entry.kind = classify(path);
    std::error_code ec;
    const auto modified = fs::last_write_time(path, ec);
    if (!ec) {
      entry.modified = unix_seconds(modified);
    }
    entry.skipped = true;
    entry.skip_reason = "not a regular file (" + describe_type(status.type()) + "); not read";
    m_files.push_back(std::move(entry));
  }

  static std::string describe_type(fs::file_type type) {
    switch (type) {
      case fs::file_type::fifo: return "a FIFO";
      case fs::file_type::socket: return "a socket";
      case fs::file_type::character: return "a character device";
      case fs::file_type::block: return "a block device";
      default: return "of an unknown type";
    }
  }

  void add_file(const fs::path& path, const std::string& rel) {
    model::FileEntry entry;
    entry.path = rel;
    entry.kind = classify(path);
    std::error_code ec;
    entry.bytes = fs::file_size(path, ec);
    if (!ec) {
      entry.modified = unix_seconds(fs::last_write_time(path, ec));
    }
    if (ec) {
      entry.skipped = true;
      entry.skip_reason = "cannot stat: " + ec.message();
    } else if (entry.bytes > m_config.max_file_size) {
      entry.skipped = true;
      entry.skip_reason = "larger than --max-file-size (" + std::to_string(entry.bytes) + " > " +
                          std::to_string(m_config.max_file_size) +
                          " bytes); raise --max-file-size to read it";
    }
    m_files.push_back(std::move(entry));
  }

  const model::Config& m_config;
  std::vector<model::FileEntry>& m_files;
  std::vector<model::Diagnostic>& m_diagnostics;
  IgnoreRules m_include;
  IgnoreRules m_exclude;
  IgnoreRules m_ignore;
  fs::path m_root;
  std::set<fs::path> m_active;  // directories being walked: a link back to one is a loop
};

}  // namespace

std::vector<model::FileEntry> discover(const model::Config& config,
                                       std::vector<model::Diagnostic>& diagnostics) {
  std::vector<model::FileEntry> files;
  Walker(config, files, diagnostics).run();
  // Per-directory sorting orders "a/b" by "a" first; a global sort also orders "a-b" before "a/b"
  // the way a plain string comparison does, so the order is the documented one.
  std::sort(files.begin(), files.end(),
            [](const model::FileEntry& a, const model::FileEntry& b) { return a.path < b.path; });
  return files;
}

}  // namespace chimera::discover
