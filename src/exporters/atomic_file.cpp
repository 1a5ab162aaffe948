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

bool sync_directory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  return synced;
}

}  // namespace

struct StagedFile::Open {
  Open(int descriptor, bool start_writeback) : fd(descriptor), buffer(descriptor, start_writeback), stream(&buffer) {}
  ~Open() {
    if (fd >= 0) ::close(fd);
  }
  Open(const Open&) = delete;
  Open& operator=(const Open&) = delete;
  int fd;
  FdOutputBuffer buffer;
  std::ostream stream;
};

StagedFile::StagedFile() = default;

StagedFile::~StagedFile() { discard(); }

StagedFile::StagedFile(StagedFile&& other) noexcept
    : path_(std::move(other.path_)), temp_path_(std::exchange(other.temp_path_, {})), open_(std::move(other.open_)) {}

StagedFile& StagedFile::operator=(StagedFile&& other) noexcept {
  if (this != &other) {
    discard();
    path_ = std::move(other.path_);
    temp_path_ = std::exchange(other.temp_path_, {});
    open_ = std::move(other.open_);
  }
  return *this;
}

void StagedFile::discard() {
  open_.reset();
  if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
  temp_path_.clear();
}

bool StagedFile::stage(const std::string& path, const WriteContents& write, std::string& error) {
  if (!begin(path, error)) return false;
  try {
    write(out());
  } catch (...) {
    discard();
    throw;
  }
  return end(error);
}

bool StagedFile::begin(const std::string& path, std::string& error) {
  discard();
  path_ = path;
  const Target target = inspect(path);
  switch (target.kind) {
    case TargetKind::folder:
      error = "cannot write '" + path + "': it is a folder";
      return false;
    case TargetKind::other:
      error = "cannot write '" + path + "': it is neither a file, a character device nor a pipe";
      return false;
    case TargetKind::stream: {
      // A device or pipe is written as a shell redirection would (O_APPEND
      // keeps what a `>>` redirection behind /dev/stdout already holds).
      const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC);
      if (fd < 0) {
        error = "cannot open '" + path + "' for writing: " + reason(errno);
        return false;
      }
      open_ = std::make_unique<Open>(fd, false);
      return true;
    }
    default:
      break;
  }
  const std::string dir = directory_of(path);
  remove_stale_temporary_files(dir);
  const int fd = create_temporary_file(path, temp_path_);
  if (fd < 0) {
    error = "cannot create a temporary file in '" + dir + "' to write '" + path + "': " + reason(errno);
    temp_path_.clear();
    return false;
  }
  open_ = std::make_unique<Open>(fd, /*start_writeback=*/true);
  if (target.kind == TargetKind::regular && ::fchmod(fd, target.mode) != 0) {
    error = "cannot set the mode of '" + temp_path_ + "': " + reason(errno);
    discard();
    return false;
  }
  return true;
}

std::ostream& StagedFile::out() { return open_->stream; }

bool StagedFile::end(std::string& error) {
  Open& open = *open_;
  open.stream.flush();
  if (!open.stream || open.buffer.error() != 0) {
    error = "cannot write '" + path_ + "'" +
            (open.buffer.error() != 0 ? ": " + reason(open.buffer.error()) : std::string());
    discard();
    return false;
  }
  // close(2) reports write-back errors of some file systems (NFS): checked.
  const bool stream = temp_path_.empty();
  const bool synced = stream || ::fsync(open.fd) == 0;
  const bool closed = synced && ::close(std::exchange(open.fd, -1)) == 0;
  if (!closed) {
    error = "cannot write '" + path_ + (stream ? "': " : "' to disk: ") + reason(errno);
    discard();
    return false;
  }
  open_.reset();
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
