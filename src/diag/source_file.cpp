// Line table and whole-file reading for SourceFile.
#include "diag/source_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <iterator>

namespace ng::diag {

SourceFile::SourceFile(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {
  line_starts_.push_back(0);
  const char* data = text_.data();
  const std::size_t size = text_.size();
  if (std::memchr(data, '\r', size) == nullptr) {
    // No CR at all (the usual case): line ends are the LFs, which memchr
    // finds many bytes at a time.
    for (const char* at = data; (at = static_cast<const char*>(std::memchr(at, '\n', data + size - at)));) {
      ++at;
      if (at < data + size) line_starts_.push_back(static_cast<std::size_t>(at - data));
    }
    return;
  }
  for (std::size_t i = 0; i < text_.size(); ++i) {
    char c = text_[i];
    // A lone CR ends a line too; CRLF counts once.
    if (c == '\n' || (c == '\r' && (i + 1 >= text_.size() || text_[i + 1] != '\n'))) {
      if (i + 1 < text_.size()) line_starts_.push_back(i + 1);
    }
  }
}

void SourceFile::drop_text() {
  std::string().swap(text_);
  std::vector<std::size_t>().swap(line_starts_);
}

SourcePos SourceFile::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line_index = static_cast<std::size_t>(std::distance(line_starts_.begin(), it)) - 1;
  std::size_t start = line_starts_[line_index];
  std::uint32_t column = 1;
  for (std::size_t i = start; i < offset; ++i) {
    // Count code points: every byte that is not a UTF-8 continuation byte.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return {static_cast<std::uint32_t>(line_index + 1), column};
}

std::string_view SourceFile::line(std::uint32_t line_number) const {
  if (line_number == 0 || line_number > line_starts_.size()) return {};
  std::size_t start = line_starts_[line_number - 1];
  std::size_t end = start;
  while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') ++end;
  return std::string_view(text_).substr(start, end - start);
}

bool read_source(const std::string& path, std::string& out, Diagnostics& diags) {
  out.clear();
  if (path == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  // O_NONBLOCK: opening a FIFO would otherwise wait for a writer forever
  // before fstat could refuse it; reads of regular files ignore the flag.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    diags.error("unreadable-file", path, {}, std::string("cannot open: ") + std::strerror(errno));
    return false;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    diags.error("unreadable-file", path, {}, "not a regular file");
    return false;
  }
  out.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  while (done < out.size()) {
    ssize_t n = ::read(fd, out.data() + done, out.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out.resize(done);
  return true;
}

}  // namespace ng::diag
