// One pass over a whole input before parsing: finds the first ill-formed UTF-8
// byte, the first NUL and the first CR, and decides whether the file is binary
// data rather than text. Also maps a byte offset to a (line, column) for the
// diagnostics.
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
  std::size_t first_cr = npos;   // lines before it all end in a plain LF
  bool clean() const { return first_nul == npos && first_bad == npos; }

  // Makes this the report of this part followed by `later`, the report of
  // the part right after it (as check_input of a part gives them).
  void append(const InputReport& later);
};

InputReport check_input(std::string_view text);

// The check of text[begin, end) alone, with offsets into `text`, so that a
// large input can be checked in parts on several threads and the reports
// appended. `begin` and `end` must be where sequences start in a check of
// the whole text: any ASCII byte is, and so is the byte after one. Only the
// part at 0 judges whether the text is binary (from its first 8 KiB).
InputReport check_input(std::string_view text, std::size_t begin, std::size_t end);

// Line and column of `offset`, counted like diag::SourceFile except that the
// byte order mark (`bom` bytes at the start) takes no column.
diag::SourcePos locate(std::string_view text, std::size_t bom, std::size_t offset);

}  // namespace ng::notes
