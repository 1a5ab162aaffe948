// Temporary output files: an unpredictable name (getrandom) so no one can
// place a file or symlink there first, O_EXCL|O_NOFOLLOW so nothing that is
// there is opened, and the writer's process id in the name so a later run
// can tell an abandoned file (its process is gone) from one being written.
#include "exporters/temporary_file_names.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/random.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <mutex>
#include <set>
#include <string_view>

namespace ng::exporters {
namespace {

constexpr std::string_view kMarker = ".notegraph-tmp-";
constexpr std::size_t kRandomChars = 12;
// Keeps the temporary name within NAME_MAX (255) for long target names.
constexpr std::size_t kMaxBaseBytes = 160;

std::string random_suffix() {
  static constexpr std::string_view kAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  unsigned char bytes[kRandomChars];
  std::size_t have = 0;
  while (have < sizeof bytes) {
    const ssize_t got = ::getrandom(bytes + have, sizeof bytes - have, 0);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;  // no entropy source: O_EXCL still keeps the name safe
    have += static_cast<std::size_t>(got);
  }
  std::string suffix;
  for (std::size_t i = 0; i < kRandomChars; ++i)
    suffix += kAlphabet[(i < have ? bytes[i] : static_cast<unsigned char>(::getpid() + i)) % kAlphabet.size()];
  return suffix;
}

// The process id in a temporary file's name, 0 when `name` is not one.
pid_t writer_of(std::string_view name) {
  if (name.empty() || name[0] != '.') return 0;
  const auto marker = name.rfind(kMarker);
  if (marker == std::string_view::npos || marker == 0) return 0;
  const std::string_view rest = name.substr(marker + kMarker.size());
  pid_t pid = 0;
  const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), pid);
  if (ec != std::errc() || pid <= 0 || end == rest.data() + rest.size() || *end != '-') return 0;
  const std::string_view random(end + 1, static_cast<std::size_t>(rest.data() + rest.size() - end - 1));
  if (random.size() != kRandomChars) return 0;
  for (char c : random)
    if (!std::isalnum(static_cast<unsigned char>(c))) return 0;
  return pid;
}

}  // namespace

bool is_temporary_file_name(const std::string& name) { return writer_of(name) != 0; }

int create_temporary_file(const std::string& target, std::string& temp_path) {
  const auto slash = target.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : target.substr(0, slash);
  std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
  if (base.size() > kMaxBaseBytes) base.resize(kMaxBaseBytes);
  const std::string prefix =
      (dir == "/" ? "" : dir) + "/." + base + std::string(kMarker) + std::to_string(::getpid()) + "-";
  for (int attempt = 0; attempt < 100; ++attempt) {
    temp_path = prefix + random_suffix();
    const int fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;  // errno is EEXIST
}

void remove_stale_temporary_files(const std::string& dir) {
  static std::mutex mutex;
  static std::set<std::string> cleaned;
  const std::lock_guard lock(mutex);
  if (!cleaned.insert(dir).second) return;
  DIR* listing = ::opendir(dir.c_str());
  if (!listing) return;  // creating the temporary file will report the folder's problem
  const int dir_fd = ::dirfd(listing);
  while (const dirent* entry = ::readdir(listing)) {
    const pid_t pid = writer_of(entry->d_name);
    if (pid == 0 || pid == ::getpid()) continue;
    if (::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to signal: still in use
    ::unlinkat(dir_fd, entry->d_name, 0);
  }
  ::closedir(listing);
}

}  // namespace ng::exporters
