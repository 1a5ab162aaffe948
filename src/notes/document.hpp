// The parsed form of one notes file: front matter plus a flat, line-ordered
// list of blocks (nesting is a depth number, never recursion), every block and
// link with its source position. Texts are string_views into the source text
// the Document shares (when a block's plain text is a verbatim run of it, as
// most paragraphs are) or into the document's own arena, so a Document is one
// allocation per kilobytes, not per node, and does not copy the input twice.
// This is the contract between the notes parser and the graph extraction.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/source_text.hpp"

namespace ng::notes {

using diag::SourcePos;

// Chunked character storage: returned views stay valid for the arena's life.
class TextArena {
public:
  std::string_view store(std::string_view s);
  // Takes over the chunks of `other`, so the views it gave out live as long
  // as this arena; new texts still go to this arena's open chunk.
  void adopt(TextArena&& other);

private:
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::size_t used_ = 0;
  std::size_t capacity_ = 0;
};

enum class BlockKind : unsigned char {
  heading,        // ATX or setext
  paragraph,
  list_item,      // bullet or ordered; depth = nesting level from 0
  blockquote,     // depth = number of '>' markers, from 1
  table_row,      // GFM table row (the delimiter row is not a block)
  code_block,     // fenced or indented; its text is never prose
  html_block,     // raw HTML lines other than the <details> markers
  details_open,   // a line opening <details>
  details_close,  // a line closing </details>
  inline_field,   // Dataview "key:: value" on its own line
};

// A [text](url) link or a [[target|alias]] wikilink inside a block's text.
struct Link {
  std::string_view text;    // what the reader sees (alias for wikilinks, else target)
  std::string_view target;  // URL, or the wikilink target without the alias
  SourcePos where;          // position of the opening '['
  bool wiki = false;
};

// Maps an offset in a block's plain text to the source line it came from:
// the text from `offset` on (up to the next LineStart) is on `line`.
struct LineStart {
  std::uint32_t offset = 0;
  std::uint32_t line = 0;
};

struct Block {
  BlockKind kind = BlockKind::paragraph;
  SourcePos where;  // first character of the block's marker or text
  std::uint32_t end_line = 0;  // last source line of the block

  // Plain text as a reader sees it: inline markup (emphasis, code-span
  // backticks, link brackets and URLs) removed; code spans are dropped from it
  // (their content is code). Lines of a multi-line block are joined by '\n'.
  // For code blocks: the code itself. For inline fields: the value.
  std::string_view text;

  std::uint32_t first_link = 0, link_count = 0;   // into Document::links
  std::uint32_t first_line = 0, line_count = 0;   // into Document::line_starts

  // heading: level 1..6, outline number ("1.2", "" when none), setext flag.
  // list_item / blockquote: depth. code_block: info string in `key`.
  std::uint8_t level = 0;
  std::uint32_t depth = 0;
  bool ordered = false;  // list_item: "1." style marker
  bool setext = false;
  bool header_row = false;  // table_row: the header of its table
  std::string_view number;  // heading outline number without trailing '.'

  // list_item of the form "term: text": the term (plain); text_offset is where
  // the body begins inside `text`. inline_field: the key. code_block: info.
  std::string_view key;
  std::uint32_t body_offset = 0;

  // table_row: cells, as plain texts, into Document::cells.
  std::uint32_t first_cell = 0, cell_count = 0;
};

struct FrontMatterEntry {
  std::string_view key;
  std::vector<std::string_view> values;  // one for a scalar, any number for a list
  bool is_list = false;
  SourcePos where;
};

struct Document {
  std::string file;  // the name diagnostics and provenance use
  // The text that was parsed (the file's, or its repaired copy when it held
  // invalid UTF-8): blocks whose plain text is verbatim point into it.
  std::shared_ptr<const diag::SourceText> source;
  std::vector<FrontMatterEntry> front_matter;
  std::vector<Block> blocks;
  std::vector<Link> links;
  std::vector<LineStart> line_starts;
  std::vector<std::string_view> cells;
  TextArena arena;

  // Source line of byte offset `offset` in b.text.
  std::uint32_t line_of(const Block& b, std::uint32_t offset) const;
};

}  // namespace ng::notes
