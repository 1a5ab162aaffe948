// File mapping (with a read() fallback), the SIGBUS guard of the mappings,
// and page release for SourceText.
#include "diag/source_text.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <iterator>
#include <mutex>

#include "diag/diagnostic.hpp"

namespace ng::diag {

namespace {
// Releasing in steps of at least this much keeps the madvise calls few.
constexpr std::size_t kReleaseStep = std::size_t{1} << 20;
// Smaller files are read: a mapping costs more (its page faults, munmap) and
// could release nothing anyway.
constexpr std::size_t kMapThreshold = kReleaseStep;

// The mapped files, for the SIGBUS handler: it may only read plain memory,
// so the table is a fixed array of atomics. When it is full, files are read
// instead of mapped.
struct GuardedMapping {
  std::atomic<const char*> begin{nullptr};
  std::atomic<std::size_t> size{0};
  std::atomic<const char*> path{nullptr};
};
constexpr std::size_t kGuardSlots = 1024;
std::array<GuardedMapping, kGuardSlots> guarded;
std::mutex guard_lock;  // taken by registration only, never by the handler
struct sigaction previous_bus_action {};

void write_stderr(const char* text) {
  std::size_t n = std::strlen(text);
  while (n > 0) {
    const ssize_t w = ::write(STDERR_FILENO, text, n);
    if (w <= 0) return;
    text += w;
    n -= static_cast<std::size_t>(w);
  }
}

void on_bus_error(int signal, siginfo_t* info, void* context) {
  const auto* at = static_cast<const char*>(info->si_addr);
  for (const auto& m : guarded) {
    const char* begin = m.begin.load(std::memory_order_acquire);
    if (begin == nullptr || at < begin || at >= begin + m.size.load(std::memory_order_relaxed)) continue;
    write_stderr("notegraph: error: ");
    write_stderr(m.path.load(std::memory_order_relaxed));
    write_stderr(": the file was truncated while it was being read; nothing written\n");
    ::_exit(1);
  }
  // Not a mapped note: whatever was there before handles it.
  if (previous_bus_action.sa_flags & SA_SIGINFO) {
    if (previous_bus_action.sa_sigaction) return previous_bus_action.sa_sigaction(signal, info, context);
  } else if (previous_bus_action.sa_handler != SIG_DFL && previous_bus_action.sa_handler != SIG_IGN) {
    return previous_bus_action.sa_handler(signal);
  }
  // Otherwise the process ends as it would have without this handler.
  ::signal(SIGBUS, SIG_DFL);
  ::raise(SIGBUS);
}

// A free slot of the table, registering [begin, begin + size) under `path`;
// -1 when every slot is taken.
int guard(const char* begin, std::size_t size, const char* path) {
  std::lock_guard<std::mutex> hold(guard_lock);
  static const bool installed = [] {
    struct sigaction action {};
    action.sa_sigaction = on_bus_error;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    return ::sigaction(SIGBUS, &action, &previous_bus_action) == 0;
  }();
  if (!installed) return -1;
  for (std::size_t i = 0; i < kGuardSlots; ++i) {
    if (guarded[i].begin.load(std::memory_order_relaxed) != nullptr) continue;
    guarded[i].size.store(size, std::memory_order_relaxed);
    guarded[i].path.store(path, std::memory_order_relaxed);
    guarded[i].begin.store(begin, std::memory_order_release);
    return static_cast<int>(i);
  }
  return -1;
}

void unguard(int slot) {
  std::lock_guard<std::mutex> hold(guard_lock);
  guarded[static_cast<std::size_t>(slot)].begin.store(nullptr, std::memory_order_release);
}

}  // namespace

std::shared_ptr<const SourceText> SourceText::from_string(std::string text) {
  std::shared_ptr<SourceText> t(new SourceText());
  t->owned_ = std::move(text);
  t->data_ = t->owned_.data();
  t->size_ = t->owned_.size();
  return t;
}

std::shared_ptr<const SourceText> SourceText::open(const std::string& path, Diagnostics& diags, TextPool* pool) {
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
      std::shared_ptr<SourceText> t(new SourceText());
      t->path_ = path;
      t->guard_slot_ = guard(static_cast<const char*>(map), size, t->path_.c_str());
      if (t->guard_slot_ >= 0) {
        ::close(fd);
        ::madvise(map, size, MADV_SEQUENTIAL);
        t->map_ = map;
        t->map_size_ = size;
        t->data_ = static_cast<const char*>(map);
        t->size_ = size;
        return t;
      }
      ::munmap(map, size);
    }
  }
  // Small files, and file systems that cannot map: read the bytes (up to the
  // size fstat gave; a file that shrinks meanwhile gives fewer).
  std::string text;
  auto [into, pooled] =
      pool && size > 0 && size < kMapThreshold ? pool->allocate(size) : std::pair<char*, std::shared_ptr<const void>>{};
  if (!into) {
    text.resize(size);
    into = text.data();
  }
  std::size_t done = 0;
  while (done < size) {
    ssize_t n = ::read(fd, into + done, size - done);
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
  if (!pooled) {
    text.resize(done);
    return from_string(std::move(text));
  }
  std::shared_ptr<SourceText> t(new SourceText());
  t->pooled_ = std::move(pooled);
  t->data_ = into;
  t->size_ = done;
  return t;
}

namespace {
// A pool's mappings: large enough that a folder of notes needs few (one
// munmap each), small enough that the notes freed before the last ones hand
// most of it back.
constexpr std::size_t kPoolMapping = std::size_t{4} << 20;

struct PoolMapping {
  void* at = nullptr;
  std::size_t size = 0;
  PoolMapping(const PoolMapping&) = delete;
  PoolMapping& operator=(const PoolMapping&) = delete;
  explicit PoolMapping(std::size_t bytes) : size(bytes) {
    at = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (at == MAP_FAILED) at = nullptr;
  }
  ~PoolMapping() {
    if (at) ::munmap(at, size);
  }
};
}  // namespace

std::pair<char*, std::shared_ptr<const void>> TextPool::allocate(std::size_t bytes) {
  if (bytes > left_) {
    // The rest of the current mapping is left unused (untouched pages cost nothing).
    auto mapping = std::make_shared<PoolMapping>(std::max(bytes, kPoolMapping));
    if (!mapping->at) return {nullptr, nullptr};
    next_ = static_cast<char*>(mapping->at);
    left_ = mapping->size;
    mapping_ = std::move(mapping);
  }
  char* at = next_;
  next_ += bytes;
  left_ -= bytes;
  return {at, mapping_};
}

SourceText::~SourceText() {
  if (!map_) return;
  unguard(guard_slot_);
  ::munmap(map_, map_size_);
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
