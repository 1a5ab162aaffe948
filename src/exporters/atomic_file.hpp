// Replacing files so that readers see either the old contents or the new,
// never a partial write: write a temporary file beside each, sync, rename
// over; a set of files is renamed only once every one of them is written.
#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace ng::exporters {

using WriteContents = std::function<void(std::ostream&)>;

// One output file: where it goes and what writes its contents.
struct OutputFile {
  std::string path;
  WriteContents write;
};

// An output written to its temporary file and synced, not yet renamed into
// place; the temporary file is removed unless commit_staged_files() moved it.
class StagedFile {
 public:
  StagedFile();
  ~StagedFile();
  StagedFile(StagedFile&& other) noexcept;
  StagedFile& operator=(StagedFile&& other) noexcept;
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;

  // Runs `write` on a stream into a new temporary file in `path`'s folder
  // (mode 0666 less the umask, or the mode of the regular file it replaces)
  // and syncs it. Returns false with a message naming `path` and the reason
  // when a step fails; an exception from `write` is passed on. Either way
  // the temporary file is removed. `path` is never followed: a symbolic link
  // there is replaced, not written through. A character device or FIFO (or
  // a link into /proc such as /dev/stdout) is a stream, not a file: it is
  // written here and now, with nothing to rename.
  bool stage(const std::string& path, const WriteContents& write, std::string& error);

  // stage() a piece at a time, for contents made over a while: begin()
  // creates the temporary file (or opens the stream), out() is written to as
  // the contents come, end() flushes, syncs and closes it. Each returns false
  // with a message as stage() does, and the temporary file is then removed;
  // so does discard(), at any point.
  bool begin(const std::string& path, std::string& error);
  std::ostream& out();
  bool end(std::string& error);
  void discard();

 private:
  friend bool commit_staged_files(std::vector<StagedFile>& files, std::string& error);
  struct Open;  // the descriptor and the stream over it, between begin() and end()
  std::string path_;
  std::string temp_path_;  // empty once renamed, or for a stream
  std::unique_ptr<Open> open_;
};

// Renames the staged files over their targets in the order given, then syncs
// their folders so the renames survive a crash.
bool commit_staged_files(std::vector<StagedFile>& files, std::string& error);

// Stages every file, then commits them all: when any cannot be written,
// none is replaced.
bool write_files_atomically(const std::vector<OutputFile>& files, std::string& error);

// The same for one file.
bool write_file_atomically(const std::string& path, const WriteContents& write, std::string& error);

}  // namespace ng::exporters
