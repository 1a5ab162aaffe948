// Turns byte offsets into file:line:col syntax diagnostics for the readers.
// Offsets mostly grow as a reader advances, so the line is found by scanning
// forward from the last one asked for; columns count code points, as
// diag::SourcePos requires.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "rdfio/read_options.hpp"

namespace ng::rdfio {

class SyntaxErrors {
public:
  SyntaxErrors(std::string_view text, const ReadOptions &options, diag::Diagnostics &diags, ReadStats &stats)
      : text_(text), options_(options), diags_(diags), stats_(stats) {}

  // Appends a "syntax" error at the offset (counted in stats even past
  // max_errors).
  void report(std::size_t offset, std::string message);
  // 1-based line of a byte offset.
  std::uint32_t line_of(std::size_t offset);
  diag::SourcePos position(std::size_t offset);

private:
  std::string_view text_;
  const ReadOptions &options_;
  diag::Diagnostics &diags_;
  ReadStats &stats_;
  std::size_t known_offset_ = 0;  // text_[line_start_, known_offset_) is on line known_line_
  std::size_t line_start_ = 0;
  std::uint32_t known_line_ = 1;
};

}  // namespace ng::rdfio
