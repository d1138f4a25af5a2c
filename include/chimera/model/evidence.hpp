#pragma once

#include <optional>
#include <string>

namespace chimera::model {

// One item of a finding's evidence: where it is, what was read there and what it was compared
// against, so that a script can act on a finding without parsing its sentence.
struct Evidence {
  std::string source;   // file path relative to the root; "" when the item is not in one file
  // ":12" (a line), "#/runs/0" (a JSON pointer), "#table 2", a configuration's label
  // ("num_gpu=80, num_ctx=512") for an item about a configuration, or "".
  std::string locator;
  std::string column;   // the column read, "" when none
  std::optional<double> value;      // the value read there, in `unit`
  std::string unit;                 // "" when unitless or no value
  std::optional<double> reference;  // the median or value `value` was compared against
  std::string text;                 // the readable line: location first, then what it shows

  friend bool operator==(const Evidence&, const Evidence&) = default;
};

// An item that is only a line of text at a place: `text` is `source + locator`, then ": " and
// `what` when it is not empty.
[[nodiscard]] Evidence evidence_at(std::string source, std::string locator,
                                   const std::string& what = {});

}  // namespace chimera::model
