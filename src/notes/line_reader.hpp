// Splits the input into lines at LF, CRLF or a lone CR, like diag::SourceFile,
// without copying: a line is a pair of offsets. Files without any CR take the
// memchr fast path.
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
  LineReader(std::string_view text, std::size_t start)
      : text_(text), pos_(start), has_cr_(text.find('\r', start) != std::string_view::npos) {}

  bool next(Line& line) {
    if (pos_ >= text_.size()) return false;
    line.begin = line.column_base = pos_;
    line.number = ++number_;
    std::size_t end = has_cr_ ? find_either(pos_) : find(pos_, '\n');
    line.end = end;
    pos_ = end + 1;
    if (end < text_.size() && text_[end] == '\r' && end + 1 < text_.size() && text_[end + 1] == '\n') ++pos_;
    return true;
  }

  std::uint32_t lines_read() const { return number_; }

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
  bool has_cr_;
  std::size_t next_lf_ = kUnknown, next_cr_ = kUnknown;
};

}  // namespace ng::notes
