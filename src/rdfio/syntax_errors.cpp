// Offsets to positions and syntax diagnostics for the graph readers.
#include "rdfio/syntax_errors.hpp"

#include <cstring>

namespace ng::rdfio {

std::uint32_t SyntaxErrors::line_of(std::size_t offset) {
  if (offset > text_.size()) offset = text_.size();
  if (offset < known_offset_) {  // rare: an error behind the last statement
    known_offset_ = line_start_ = 0;
    known_line_ = 1;
  }
  const char *base = text_.data();
  const char *at = base + known_offset_;
  const char *end = base + offset;
  while (at < end) {
    const void *nl = std::memchr(at, '\n', static_cast<std::size_t>(end - at));
    if (nl == nullptr) break;
    at = static_cast<const char *>(nl) + 1;
    ++known_line_;
    line_start_ = static_cast<std::size_t>(at - base);
  }
  known_offset_ = offset;
  return known_line_;
}

diag::SourcePos SyntaxErrors::position(std::size_t offset) {
  const std::uint32_t line = line_of(offset);
  std::uint32_t column = 1;
  for (std::size_t i = line_start_; i < known_offset_; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

void SyntaxErrors::report(std::size_t offset, std::string message) {
  ++stats_.errors;
  if (stats_.errors > options_.max_errors) return;
  // Input that ends too early ("expected '.'") is reported just past its last
  // text, not on the empty line after the final newline.
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  if (offset >= text_.size())
    while (offset > 0 && blank(text_[offset - 1])) --offset;
  diags_.error("syntax", options_.file_name, position(offset), std::move(message));
}

}  // namespace ng::rdfio
