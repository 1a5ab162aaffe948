// StagedFile and commit_staged_files: write through the descriptor the
// temporary file was created with, fsync it, close it (both checked), and
// only then rename(2) it over the target and fsync the folder so the rename
// itself survives a crash.
#include "exporters/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <utility>

#include "exporters/fd_output_buffer.hpp"
#include "exporters/temporary_file_names.hpp"

namespace ng::exporters {
namespace {

std::string directory_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string reason(int error_number) { return std::strerror(error_number); }

// What is at the target's name now decides how it is written.
enum class TargetKind { absent, regular, link, stream, folder, other };

struct Target {
  TargetKind kind = TargetKind::absent;
  mode_t mode = 0;  // a regular file's permission bits, which the new file keeps
};

Target inspect(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return {};  // creating the temporary file reports a bad folder
  if (S_ISREG(st.st_mode)) return {TargetKind::regular, static_cast<mode_t>(st.st_mode & 07777)};
  if (S_ISDIR(st.st_mode)) return {TargetKind::folder};
  if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) return {TargetKind::stream};
  if (!S_ISLNK(st.st_mode)) return {TargetKind::other};
  // /dev/stdout, /dev/fd/N and /proc/self/fd/N are links into /proc (or
  // in it) that stand for an open stream: replacing them would break the
  // system's /dev, not write output.
  char link[16] = {};
  const ssize_t n = ::readlink(path.c_str(), link, sizeof link - 1);
  const bool to_proc = n >= 6 && std::string_view(link, static_cast<std::size_t>(n)).starts_with("/proc/");
  char* folder = ::realpath(directory_of(path).c_str(), nullptr);
  const bool in_proc = folder && std::string_view(folder).starts_with("/proc/");
  std::free(folder);
  const bool into_proc = to_proc || in_proc;
  return {into_proc ? TargetKind::stream : TargetKind::link};
}

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }
  // close(2) reports write-back errors of some file systems (NFS): checked.
  bool close() { return ::close(std::exchange(fd_, -1)) == 0; }

 private:
  int fd_;
};

bool write_through(int fd, const std::string& path, const WriteContents& write, std::string& error,
                   bool start_writeback = false) {
  FdOutputBuffer buffer(fd, start_writeback);
  std::ostream out(&buffer);
  write(out);
  out.flush();
  if (out && buffer.error() == 0) return true;
  error = "cannot write '" + path + "'" + (buffer.error() != 0 ? ": " + reason(buffer.error()) : std::string());
  return false;
}

// A device or pipe is written as a shell redirection would (O_APPEND keeps
// what a `>>` redirection behind /dev/stdout already holds).
bool write_stream(const std::string& path, const WriteContents& write, std::string& error) {
  Descriptor fd(::open(path.c_str(), O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC));
  if (fd.get() < 0) {
    error = "cannot open '" + path + "' for writing: " + reason(errno);
    return false;
  }
  if (!write_through(fd.get(), path, write, error)) return false;
  if (!fd.close()) {
    error = "cannot write '" + path + "': " + reason(errno);
    return false;
  }
  return true;
}

bool sync_directory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  return synced;
}

}  // namespace

StagedFile::~StagedFile() {
  if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
}

StagedFile::StagedFile(StagedFile&& other) noexcept
    : path_(std::move(other.path_)), temp_path_(std::exchange(other.temp_path_, {})) {}

StagedFile& StagedFile::operator=(StagedFile&& other) noexcept {
  if (this != &other) {
    if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
    path_ = std::move(other.path_);
    temp_path_ = std::exchange(other.temp_path_, {});
  }
  return *this;
}

bool StagedFile::stage(const std::string& path, const WriteContents& write, std::string& error) {
  if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
  temp_path_.clear();
  path_ = path;
  const Target target = inspect(path);
  switch (target.kind) {
    case TargetKind::folder:
      error = "cannot write '" + path + "': it is a folder";
      return false;
    case TargetKind::other:
      error = "cannot write '" + path + "': it is neither a file, a character device nor a pipe";
      return false;
    case TargetKind::stream:
      return write_stream(path, write, error);
    default:
      break;
  }
  const std::string dir = directory_of(path);
  remove_stale_temporary_files(dir);
  Descriptor fd(create_temporary_file(path, temp_path_));
  if (fd.get() < 0) {
    error = "cannot create a temporary file in '" + dir + "' to write '" + path + "': " + reason(errno);
    temp_path_.clear();
    return false;
  }
  auto fail = [&](std::string message) {
    error = std::move(message);
    ::unlink(temp_path_.c_str());
    temp_path_.clear();
    return false;
  };
  if (target.kind == TargetKind::regular && ::fchmod(fd.get(), target.mode) != 0)
    return fail("cannot set the mode of '" + temp_path_ + "': " + reason(errno));
  bool written = false;
  try {
    written = write_through(fd.get(), path, write, error, /*start_writeback=*/true);
  } catch (...) {
    fail(error);
    throw;
  }
  if (!written) return fail(error);
  if (::fsync(fd.get()) != 0 || !fd.close()) return fail("cannot write '" + path + "' to disk: " + reason(errno));
  return true;
}

bool commit_staged_files(std::vector<StagedFile>& files, std::string& error) {
  std::vector<std::string> dirs;
  for (auto& file : files) {
    if (file.temp_path_.empty()) continue;  // a stream, already written
    if (::rename(file.temp_path_.c_str(), file.path_.c_str()) != 0) {
      error = "cannot replace '" + file.path_ + "': " + reason(errno);
      return false;
    }
    file.temp_path_.clear();
    const std::string dir = directory_of(file.path_);
    if (std::find(dirs.begin(), dirs.end(), dir) == dirs.end()) dirs.push_back(dir);
  }
  for (const auto& dir : dirs) {
    if (!sync_directory(dir)) {
      error = "wrote the files but cannot sync their folder '" + dir + "': " + reason(errno);
      return false;
    }
  }
  return true;
}

bool write_files_atomically(const std::vector<OutputFile>& files, std::string& error) {
  std::vector<StagedFile> staged(files.size());
  for (std::size_t i = 0; i < files.size(); ++i)
    if (!staged[i].stage(files[i].path, files[i].write, error)) return false;
  return commit_staged_files(staged, error);
}

bool write_file_atomically(const std::string& path, const WriteContents& write, std::string& error) {
  return write_files_atomically({{path, write}}, error);
}

}  // namespace ng::exporters
