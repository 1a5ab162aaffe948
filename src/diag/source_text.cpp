// File mapping (with a read() fallback) and page release for SourceText.
#include "diag/source_text.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <iterator>

#include "diag/diagnostic.hpp"

namespace ng::diag {

namespace {
// Releasing in steps of at least this much keeps the madvise calls few.
constexpr std::size_t kReleaseStep = std::size_t{1} << 20;
// Smaller files are read: a mapping costs more (its page faults, munmap) and
// could release nothing anyway.
constexpr std::size_t kMapThreshold = kReleaseStep;
}  // namespace

std::shared_ptr<const SourceText> SourceText::from_string(std::string text) {
  std::shared_ptr<SourceText> t(new SourceText());
  t->owned_ = std::move(text);
  t->data_ = t->owned_.data();
  t->size_ = t->owned_.size();
  return t;
}

std::shared_ptr<const SourceText> SourceText::open(const std::string& path, Diagnostics& diags) {
  if (path == "-") return from_string(std::string(std::istreambuf_iterator<char>(std::cin), {}));
  // O_NONBLOCK: opening a FIFO would otherwise wait for a writer forever
  // before fstat could refuse it; reads of regular files ignore the flag.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    diags.error("unreadable-file", path, {}, std::string("cannot open: ") + std::strerror(errno));
    return nullptr;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    diags.error("unreadable-file", path, {}, "not a regular file");
    return nullptr;
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size >= kMapThreshold) {
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map != MAP_FAILED) {
      ::close(fd);
      ::madvise(map, size, MADV_SEQUENTIAL);
      std::shared_ptr<SourceText> t(new SourceText());
      t->map_ = map;
      t->map_size_ = size;
      t->data_ = static_cast<const char*>(map);
      t->size_ = size;
      return t;
    }
  }
  // Small files, and file systems that cannot map: read the bytes.
  std::string text(size, '\0');
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::read(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      diags.error("unreadable-file", path, {}, std::string("cannot read: ") + std::strerror(errno));
      ::close(fd);
      return nullptr;
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  text.resize(done);
  return from_string(std::move(text));
}

SourceText::~SourceText() {
  if (map_) ::munmap(map_, map_size_);
}

void SourceText::release_before(const char* p) const {
  if (!map_ || p < data_ || p > data_ + size_) return;
  static const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t upto = static_cast<std::size_t>(p - data_) / page * page;
  if (upto < released_ + kReleaseStep) return;
  ::madvise(const_cast<char*>(data_) + released_, upto - released_, MADV_DONTNEED);
  released_ = upto;
}

}  // namespace ng::diag
