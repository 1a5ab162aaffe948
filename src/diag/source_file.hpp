// A whole input file held in memory, with its line table, so that byte
// offsets become (line, column) positions and a diagnostic can quote its line.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/source_text.hpp"

namespace ng::diag {

class SourceFile {
 public:
  SourceFile(std::string name, std::string text);
  SourceFile(std::string name, std::shared_ptr<const SourceText> text);

  const std::string& name() const { return name_; }
  std::string_view text() const { return text_ ? text_->view() : std::string_view(); }
  // The text, shared: a parse that points into it keeps it alive after
  // drop_text().
  const std::shared_ptr<const SourceText>& shared_text() const { return text_; }

  // Position of a byte offset into text(); columns count code points.
  SourcePos position(std::size_t offset) const;
  // The text of a 1-based line without its line terminator.
  std::string_view line(std::uint32_t line_number) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }

  // Releases the text (freed unless a parse shares it) and frees the line
  // table, keeping the name; line() then gives empty views.
  void drop_text();
  bool has_text() const { return !line_starts_.empty(); }

 private:
  std::string name_;
  std::shared_ptr<const SourceText> text_;
  std::vector<std::size_t> line_starts_;  // byte offset where each line begins
};

// Reads a whole file (or stdin for "-"); on failure returns false and appends
// an error naming the file.
bool read_source(const std::string& path, std::string& out, Diagnostics& diags);

}  // namespace ng::diag
