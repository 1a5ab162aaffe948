// Caret rendering: tabs are kept so the caret lines up with the quoted line,
// other characters are padded by their terminal width (utf8proc); a very long
// line is quoted as a window around the column.
#include "diag/render.hpp"

#include <utf8proc.h>

#include <algorithm>

namespace ng::diag {

namespace {

// Replaces control characters and invalid bytes so a quoted line can never
// drive the terminal; returns the sanitized line.
std::string printable(std::string_view line, std::uint32_t column, std::string& caret_pad) {
  std::string shown;
  caret_pad.clear();
  std::uint32_t cp_index = 1;
  std::size_t i = 0;
  while (i < line.size()) {
    utf8proc_int32_t cp = -1;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(line.data() + i),
                              static_cast<utf8proc_ssize_t>(line.size() - i), &cp);
    std::size_t len = n > 0 ? static_cast<std::size_t>(n) : 1;
    int width = 1;
    if (n <= 0 || cp < 0) {
      shown += '?';
    } else if (cp == '\t') {
      shown += '\t';
    } else if (cp < 0x20 || cp == 0x7F) {
      shown += '?';
    } else {
      shown.append(line.substr(i, len));
      width = utf8proc_charwidth(cp);
      if (width < 1) width = 0;
    }
    if (cp_index < column) {
      if (cp == '\t')
        caret_pad += '\t';
      else
        caret_pad.append(static_cast<std::size_t>(width), ' ');
    }
    ++cp_index;
    i += len;
  }
  return shown;
}

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// A line too long to echo whole (a 100 MB line, 10,000 parentheses) is quoted
// as a window around the column, so that the caret still stands under it.
// Returns the window; `column` becomes the column within it.
std::string_view window(std::string_view line, std::uint32_t& column) {
  constexpr std::size_t kMaxQuoted = 400;
  if (line.size() <= kMaxQuoted) return line;
  std::size_t at = 0;  // byte of the column's code point
  for (std::uint32_t cp = 1; cp < column && at < line.size(); ++cp) {
    ++at;
    while (at < line.size() && continuation(line[at])) ++at;
  }
  std::size_t from = at > kMaxQuoted / 2 ? at - kMaxQuoted / 2 : 0;
  while (from < at && continuation(line[from])) ++from;
  std::size_t to = std::min(line.size(), from + kMaxQuoted);
  while (to > at && to < line.size() && continuation(line[to])) --to;
  column = 1;
  for (std::size_t i = from; i < at; ++i) column += !continuation(line[i]);
  return line.substr(from, to - from);
}

}  // namespace

std::string render(const Diagnostic& d, std::string_view source_line) {
  std::string out = d.file;
  if (d.where.line != 0) {
    out += ':' + std::to_string(d.where.line);
    if (d.where.column != 0) out += ':' + std::to_string(d.where.column);
  }
  out += ": ";
  out += to_string(d.severity);
  out += ": ";
  out += d.message;
  out += " [" + d.kind + "]\n";
  if (d.where.line != 0 && d.where.column != 0) {
    std::uint32_t column = d.where.column;
    std::string_view quoted = window(source_line, column);
    const bool cut_before = !quoted.empty() && quoted.data() != source_line.data();
    const bool cut_after = quoted.data() + quoted.size() != source_line.data() + source_line.size();
    std::string pad;
    std::string shown = printable(quoted, column, pad);
    out += std::string("  ") + (cut_before ? "... " : "") + shown + (cut_after ? " ..." : "") + "\n";
    out += std::string("  ") + (cut_before ? "    " : "") + pad + "^\n";
  }
  return out;
}

}  // namespace ng::diag
