// Emphasis matching for the inline parser: CommonMark's delimiter-run
// algorithm ("process emphasis") over a linked list of `*`, `_` and `~~` runs,
// with the openers-bottom table that keeps it linear. Matched markers are
// taken off the runs' visible ranges; unmatched ones stay literal text.
#pragma once

#include <cstdint>
#include <vector>

namespace ng::notes {

// A range of the inline source that the plain text treats specially.
enum class MarkKind : std::uint8_t {
  drop,        // removed (markup, code spans, link destinations)
  delimiter,   // an emphasis run: [show_begin, show_end) stays literal
  bracket,     // '[' or '![' that opened no link: literal
  link_open,   // '[' of a link: removed, the link text starts here
  image_open,  // '![' of an image: removed
  link_close,  // "](destination)": removed, the link text ends here
  show,        // wikilink / autolink: only [show_begin, show_end) is kept
  replace,     // an entity: replaced by `bytes`
};

struct Mark {
  std::uint32_t begin = 0, end = 0;
  std::uint32_t show_begin = 0, show_end = 0;
  std::uint32_t link = kNoLink;  // index into the parser's link spans
  MarkKind kind = MarkKind::drop;
  std::uint8_t byte_count = 0;
  char bytes[4] = {};
  static constexpr std::uint32_t kNoLink = 0xFFFFFFFFu;
};

struct Delimiter {
  std::uint32_t mark = 0;  // the run's Mark
  std::int32_t prev = -1, next = -1;
  std::uint32_t length = 0;  // original run length
  std::uint32_t remaining = 0;
  char ch = 0;
  bool can_open = false, can_close = false;
};

// The delimiter stack: nodes in source order, linked so that runs inside a
// finished emphasis or link drop out in O(1).
class DelimiterList {
public:
  void clear();
  std::int32_t push(const Delimiter& d);
  std::int32_t tail() const { return tail_; }
  // Matches the runs after `bottom` (-1: all) and takes matched markers off
  // their marks' visible ranges.
  void process(std::int32_t bottom, std::vector<Mark>& marks);
  // Forgets every run after `bottom` (they are inside a finished link).
  void truncate(std::int32_t bottom);

private:
  void unlink(std::int32_t i);
  std::vector<Delimiter> nodes_;
  std::int32_t head_ = -1, tail_ = -1;
};

}  // namespace ng::notes
