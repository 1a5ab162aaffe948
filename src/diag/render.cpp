// Caret rendering: tabs are kept so the caret lines up with the quoted line,
// other characters are padded by their terminal width (utf8proc).
#include "diag/render.hpp"

#include <utf8proc.h>

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
    constexpr std::size_t kMaxQuoted = 400;  // a 100 MB line is not echoed whole
    std::string_view quoted = source_line.substr(0, kMaxQuoted);
    std::string pad;
    std::string shown = printable(quoted, d.where.column, pad);
    out += "  " + shown + (source_line.size() > kMaxQuoted ? " ..." : "") + "\n";
    out += "  " + pad + "^\n";
  }
  return out;
}

}  // namespace ng::diag
