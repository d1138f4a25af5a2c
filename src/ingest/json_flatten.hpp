#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "chimera/ingest/table_builder.hpp"
#include "chimera/model/corpus.hpp"
#include "json_document.hpp"

namespace chimera::ingest {

// The JSON pointer of a node of `document` ("/runs/0/ttft_ms"), as the flattener writes them.
[[nodiscard]] std::string pointer_to(const JsonDocument& document, std::uint32_t index);

// Turns parsed JSON values into tables, as parse_json documents them. Members are visited in
// nlohmann::json's order (sorted by key, the last of duplicate keys winning), so tables and
// columns come out in the order they always have. Every document passed in must outlive
// finish(): text cells are views into its strings.
// An object that says it failed (a non-empty `error`, `exception`, `traceback`, ...; a `status`
// of failed, error, timeout, ...; `success: false`) fails the records under it and no others:
// the record that holds it, or every row of the arrays inside it. Outside any array, its values
// leave the file's scalars for a one-row table of their own (locator: the object's pointer),
// marked failed, so that one failed backend of five does not fail the other four.
class JsonFlattener {
 public:
  JsonFlattener(const model::SourceRef& where, std::string title);

  // The document's value, or one JSON Lines record when `line` is not 0.
  void add_document(const JsonDocument& document, std::uint64_t line);
  // The tables; a note for each table that the builder's limits cut goes to `diagnostics`.
  [[nodiscard]] std::vector<model::Table> finish(std::vector<model::Diagnostic>& diagnostics);

 private:
  // A table being built, with the column names of its last row in the order they were set:
  // the rows of an array of records usually repeat them, and matching the name at the same
  // position is cheaper than TableBuilder::column's lookup.
  struct Target {
    struct Recent {
      std::string name;
      std::size_t column = 0;
    };
    Target(std::string source, std::string locator, std::string title)
        : builder(std::move(source), std::move(locator), std::move(title)) {}
    TableBuilder builder;
    std::vector<Recent> recent;
    std::size_t next = 0;
  };

  Target& records(const std::string& pattern);
  void begin_row(Target& target, std::uint64_t line, std::string pointer);
  std::size_t column(Target& target, std::string_view name);
  void set(Target& target, bool scalars, Cell cell);
  void walk(const JsonDocument& document, std::uint32_t index, Target& target, bool scalars);
  void walk_object(const JsonDocument& document, std::uint32_t index, Target& target,
                   bool scalars);
  void walk_array(const JsonDocument& document, std::uint32_t index, Target& target,
                  bool scalars);
  [[nodiscard]] std::string array_title() const;

  const model::SourceRef& m_where;
  std::string m_title;
  Target m_scalars;
  std::vector<std::unique_ptr<Target>> m_tables;
  std::unordered_map<std::string, std::size_t> m_index;
  // The value being visited: dotted name, JSON pointer, and pointer pattern ("*" for indices).
  std::string m_name;
  std::string m_pointer;
  std::string m_pattern;
  std::vector<std::uint32_t> m_members;  // a stack of objects' members in visiting order
  // Why the object being visited, or one that holds it, failed ("" when none did): every row
  // begun under it is a failed run.
  std::string m_failure;
};

}  // namespace chimera::ingest
