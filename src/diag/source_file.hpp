// A whole input file held in memory, with its line table, so that byte
// offsets become (line, column) positions and a diagnostic can quote its line.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/source_text.hpp"

namespace ng::diag {

class SourceFile {
 public:
  SourceFile(std::string name, std::string text);
  // With `index_now` false, the line table is made on first use instead (by
  // line(), position() or line_count(), safe from several threads): most
  // notes files never quote a line, and the table is a pass over the text.
  SourceFile(std::string name, std::shared_ptr<const SourceText> text, bool index_now = true);

  const std::string& name() const { return name_; }
  std::string_view text() const { return text_ ? text_->view() : std::string_view(); }
  // The text, shared: a parse that points into it keeps it alive after
  // drop_text().
  const std::shared_ptr<const SourceText>& shared_text() const { return text_; }

  // Position of a byte offset into text(); columns count code points.
  SourcePos position(std::size_t offset) const;
  // The text of a 1-based line without its line terminator.
  std::string_view line(std::uint32_t line_number) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts().size()); }

  // Releases the text (freed unless a parse shares it) and frees the line
  // table, keeping the name; line() then gives empty views.
  void drop_text();
  bool has_text() const { return text_ != nullptr; }

 private:
  // Byte offset where each line begins; empty once the text is dropped.
  const std::vector<std::size_t>& line_starts() const;

  std::string name_;
  std::shared_ptr<const SourceText> text_;
  mutable std::once_flag lines_made_;
  mutable std::vector<std::size_t> line_starts_;
};

// Reads a whole file (or stdin for "-"); on failure returns false and appends
// an error naming the file.
bool read_source(const std::string& path, std::string& out, Diagnostics& diags);

}  // namespace ng::diag
