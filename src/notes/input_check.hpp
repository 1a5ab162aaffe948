// One pass over a whole input before parsing: finds the first ill-formed UTF-8
// byte and the first NUL, and decides whether the file is binary data rather
// than text. Also maps a byte offset to a (line, column) for the diagnostics.
#pragma once

#include <cstddef>
#include <string_view>

#include "diag/diagnostic.hpp"

namespace ng::notes {

struct InputReport {
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  bool binary = false;
  std::size_t binary_at = npos;  // the byte that made the sample look binary
  std::size_t first_nul = npos;
  std::size_t first_bad = npos;  // first byte of the first ill-formed sequence
  std::size_t bad_count = 0;     // ill-formed subparts in the whole input
  bool clean() const { return first_nul == npos && first_bad == npos; }
};

InputReport check_input(std::string_view text);

// Line and column of `offset`, counted like diag::SourceFile except that the
// byte order mark (`bom` bytes at the start) takes no column.
diag::SourcePos locate(std::string_view text, std::size_t bom, std::size_t offset);

}  // namespace ng::notes
