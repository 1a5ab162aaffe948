// Public facade of the notes parser: Markdown notes text in, Document out.
// No Boost types here; the Spirit X3 grammars are private to src/notes.
#pragma once

#include <cstddef>

#include "diag/diagnostic.hpp"
#include "diag/source_file.hpp"
#include "notes/document.hpp"

namespace ng::notes {

struct ParseLimits {
  std::size_t max_nesting = 256;           // list / blockquote depth kept; deeper is clamped with a warning
  std::size_t max_line_bytes = 1u << 20;   // longer lines are truncated for inline parsing with a warning
  std::size_t max_file_bytes = 1ull << 30; // larger files are rejected
};

// Parses a whole file. Never throws on bad input: invalid UTF-8, NUL bytes,
// binary data, unclosed fences/<details>/front matter are reported in diags
// (errors for what cannot be used, warnings for what was recovered) and the
// recoverable part of the document is returned.
Document parse_notes(const diag::SourceFile& source, diag::Diagnostics& diags, const ParseLimits& limits = {});

}  // namespace ng::notes
