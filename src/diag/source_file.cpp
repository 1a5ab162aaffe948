// Line table and positions for SourceFile, and whole-file reading.
#include "diag/source_file.hpp"

#include <algorithm>
#include <cstring>

namespace ng::diag {

SourceFile::SourceFile(std::string name, std::string text)
    : SourceFile(std::move(name), SourceText::from_string(std::move(text))) {}

SourceFile::SourceFile(std::string name, std::shared_ptr<const SourceText> text, bool index_now)
    : name_(std::move(name)), text_(text ? std::move(text) : SourceText::from_string({})) {
  if (index_now) line_starts();
}

const std::vector<std::size_t>& SourceFile::line_starts() const {
  static const std::vector<std::size_t> kNone;
  if (!text_) return kNone;
  std::call_once(lines_made_, [this] {
    line_starts_.push_back(0);
    const std::string_view all = text_->view();
    const char* data = all.data();
    const std::size_t size = all.size();
    if (std::memchr(data, '\r', size) == nullptr) {
      // No CR at all (the usual case): line ends are the LFs, which memchr
      // finds many bytes at a time.
      for (const char* at = data; (at = static_cast<const char*>(std::memchr(at, '\n', data + size - at)));) {
        ++at;
        if (at < data + size) line_starts_.push_back(static_cast<std::size_t>(at - data));
      }
      return;
    }
    for (std::size_t i = 0; i < size; ++i) {
      char c = all[i];
      // A lone CR ends a line too; CRLF counts once.
      if (c == '\n' || (c == '\r' && (i + 1 >= size || all[i + 1] != '\n'))) {
        if (i + 1 < size) line_starts_.push_back(i + 1);
      }
    }
  });
  return line_starts_;
}

void SourceFile::drop_text() {
  text_.reset();
  std::vector<std::size_t>().swap(line_starts_);
}

SourcePos SourceFile::position(std::size_t offset) const {
  const std::vector<std::size_t>& starts = line_starts();
  if (starts.empty()) return {};
  const std::string_view all = text();
  offset = std::min(offset, all.size());
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  std::size_t line_index = static_cast<std::size_t>(std::distance(starts.begin(), it)) - 1;
  std::size_t start = starts[line_index];
  std::uint32_t column = 1;
  for (std::size_t i = start; i < offset; ++i) {
    // Count code points: every byte that is not a UTF-8 continuation byte.
    if ((static_cast<unsigned char>(all[i]) & 0xC0) != 0x80) ++column;
  }
  return {static_cast<std::uint32_t>(line_index + 1), column};
}

std::string_view SourceFile::line(std::uint32_t line_number) const {
  const std::vector<std::size_t>& starts = line_starts();
  if (line_number == 0 || line_number > starts.size()) return {};
  std::size_t start = starts[line_number - 1];
  std::size_t end = start;
  const std::string_view all = text();
  while (end < all.size() && all[end] != '\n' && all[end] != '\r') ++end;
  return all.substr(start, end - start);
}

bool read_source(const std::string& path, std::string& out, Diagnostics& diags) {
  out.clear();
  auto text = SourceText::open(path, diags);
  if (!text) return false;
  out.assign(text->view());
  return true;
}

}  // namespace ng::diag
