// Splits the input into lines at LF, CRLF or a lone CR, like diag::SourceFile,
// without copying: a line is a pair of offsets. Before the first CR of the
// text, line ends are found by memchr for LF alone.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace ng::notes {

struct Line {
  std::size_t begin = 0, end = 0;  // content, without the terminator
  std::uint32_t number = 0;        // 1-based
  std::size_t column_base = 0;     // offset of column 1 (after a BOM on line 1)
};

class LineReader {
public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  // Reads the lines of `text` from offset `start` (a line start).
  LineReader(std::string_view text, std::size_t start) : LineReader(text, start, text.find('\r', start)) {}
  // The same when the caller knows that text[start, cr_free_end) holds no CR
  // (npos: none after `start` at all); `lines_before` is the number of the
  // line before `start`.
  LineReader(std::string_view text, std::size_t start, std::size_t cr_free_end, std::uint32_t lines_before = 0)
      : text_(text), pos_(start), number_(lines_before), cr_free_end_(cr_free_end) {}

  bool next(Line& line) {
    if (pos_ >= text_.size()) return false;
    line.begin = line.column_base = pos_;
    line.number = ++number_;
    std::size_t end = pos_ < cr_free_end_ ? find(pos_, '\n') : text_.size();
    // Past the CR-free stretch a CR may end the line first.
    if (pos_ >= cr_free_end_ || end > cr_free_end_) end = find_either(pos_);
    line.end = end;
    pos_ = end + 1;
    if (end < text_.size() && text_[end] == '\r' && end + 1 < text_.size() && text_[end + 1] == '\n') ++pos_;
    return true;
  }

  // Tells the reader that text[start, end) holds no CR either, as a check
  // that goes ahead of it learns; `end` is past the CR-free end given so far.
  void cr_free_until(std::size_t end) { cr_free_end_ = end; }

  std::uint32_t lines_read() const { return number_; }
  // Where the next line begins (the text's size at the end).
  std::size_t position() const { return pos_ < text_.size() ? pos_ : text_.size(); }

private:
  std::size_t find(std::size_t from, char c) const {
    const void* hit = std::memchr(text_.data() + from, c, text_.size() - from);
    return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - text_.data()) : text_.size();
  }
  // The next CR or LF; both positions are cached so CRLF files stay linear.
  std::size_t find_either(std::size_t from) {
    if (next_lf_ < from || next_lf_ == kUnknown) next_lf_ = find(from, '\n');
    if (next_cr_ < from || next_cr_ == kUnknown) next_cr_ = find(from, '\r');
    return next_lf_ < next_cr_ ? next_lf_ : next_cr_;
  }

  static constexpr std::size_t kUnknown = static_cast<std::size_t>(-1);
  std::string_view text_;
  std::size_t pos_;
  std::uint32_t number_ = 0;
  std::size_t cr_free_end_;  // no CR in [pos at construction, cr_free_end_)
  std::size_t next_lf_ = kUnknown, next_cr_ = kUnknown;
};

}  // namespace ng::notes
