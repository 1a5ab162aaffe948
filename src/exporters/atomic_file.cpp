// write_file_atomically: mkstemp in the target's directory, write through an
// ofstream, fsync the file, rename(2) over the target, fsync the directory so
// the rename itself survives a crash.
#include "exporters/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <vector>

namespace ng::exporters {
namespace {

std::string directory_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string reason(int error_number) { return std::strerror(error_number); }

// The mode a newly created file would get. umask() can only be read by
// setting it, so it is set back at once.
mode_t default_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// Owns the temporary file until it is renamed over the target; removes it on
// every other way out, exceptions included.
class TemporaryFile {
public:
  explicit TemporaryFile(const std::string& target) {
    const auto slash = target.rfind('/');
    const std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
    std::string pattern = directory_of(target) + "/." + base + ".tmp-XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    fd_ = ::mkstemp(name.data());
    if (fd_ >= 0) path_ = name.data();
  }
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  bool created() const { return fd_ >= 0; }
  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  // The file is the target now: nothing to remove.
  void committed() { path_.clear(); }
  bool close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

private:
  int fd_ = -1;
  std::string path_;
};

bool sync_directory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  return synced;
}

}  // namespace

bool write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                           std::string& error) {
  const std::string dir = directory_of(path);
  TemporaryFile temp(path);
  if (!temp.created()) {
    error = "cannot create a temporary file in '" + dir + "' to write '" + path + "': " + reason(errno);
    return false;
  }
  struct stat existing {};
  const mode_t mode = ::stat(path.c_str(), &existing) == 0 ? existing.st_mode & 07777 : default_file_mode();
  if (::fchmod(temp.fd(), mode) != 0) {
    error = "cannot set the mode of '" + temp.path() + "': " + reason(errno);
    return false;
  }

  std::ofstream out(temp.path(), std::ios::binary | std::ios::trunc);
  if (!out) {
    error = "cannot open '" + temp.path() + "' for writing: " + reason(errno);
    return false;
  }
  errno = 0;  // so that a failure the stream reports without a system error is not blamed on an old one
  write(out);
  out.flush();
  const bool written = static_cast<bool>(out);
  const int write_errno = errno;
  out.close();
  if (!written || !out) {
    error = "cannot write '" + path + "'" + (write_errno != 0 ? ": " + reason(write_errno) : std::string());
    return false;
  }
  if (::fsync(temp.fd()) != 0 || !temp.close()) {
    error = "cannot write '" + path + "' to disk: " + reason(errno);
    return false;
  }
  if (::rename(temp.path().c_str(), path.c_str()) != 0) {
    error = "cannot replace '" + path + "': " + reason(errno);
    return false;
  }
  temp.committed();
  if (!sync_directory(dir)) {
    error = "wrote '" + path + "' but cannot sync its directory '" + dir + "': " + reason(errno);
    return false;
  }
  return true;
}

}  // namespace ng::exporters
