// Test helper: parses a string as a notes file and keeps the diagnostics.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/source_file.hpp"
#include "notes/notes_parser.hpp"

namespace ng::notes::testing {

struct Parsed {
  Document doc;
  diag::Diagnostics diags;

  std::vector<const Block*> blocks_of(BlockKind kind) const {
    std::vector<const Block*> out;
    for (const Block& b : doc.blocks)
      if (b.kind == kind) out.push_back(&b);
    return out;
  }
  const diag::Diagnostic* diagnostic(std::string_view kind) const {
    for (const auto& d : diags.items())
      if (d.kind == kind) return &d;
    return nullptr;
  }
  std::vector<std::string_view> cells(const Block& b) const {
    return {doc.cells.begin() + b.first_cell, doc.cells.begin() + b.first_cell + b.cell_count};
  }
  const Link& link(const Block& b, std::size_t i = 0) const { return doc.links.at(b.first_link + i); }
};

inline Parsed parse(std::string text, const ParseLimits& limits = {}) {
  Parsed p;
  diag::SourceFile source("note.md", std::move(text));
  p.doc = parse_notes(source, p.diags, limits);
  return p;
}

}  // namespace ng::notes::testing
