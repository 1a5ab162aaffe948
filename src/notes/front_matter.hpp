// YAML front matter at the very top of a notes file: a "---" line, then
// "key: value" scalars (optionally quoted), flow lists "[a, b]", block lists
// "- a" and block scalars "|" / ">", up to a "---" or "..." line.
#pragma once

#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "notes/block_builder.hpp"
#include "notes/document.hpp"
#include "notes/line_reader.hpp"

namespace ng::notes {

// When `lines` is at the start of a front matter block, reads it into
// doc.front_matter and moves `lines` past its closing line. An unclosed block
// is reported and left for the Markdown scanner.
void read_front_matter(std::string_view input, LineReader& lines, BlockBuilder& builder, Document& doc,
                       diag::Diagnostics& diags);

}  // namespace ng::notes
