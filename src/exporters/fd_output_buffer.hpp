// A stream buffer that writes to a file descriptor it does not own, so a file
// is written through the very descriptor it was created with (never reopened
// by name) and every failed write(2) is kept with its errno.
#pragma once

#include <array>
#include <cstddef>
#include <streambuf>

namespace ng::exporters {

class FdOutputBuffer : public std::streambuf {
 public:
  // With `start_writeback`, each few MiB written to a regular file are handed
  // to the disk at once (sync_file_range), so the final fsync has little
  // left to wait for.
  explicit FdOutputBuffer(int fd, bool start_writeback = false);
  FdOutputBuffer(const FdOutputBuffer&) = delete;
  FdOutputBuffer& operator=(const FdOutputBuffer&) = delete;

  // The errno of the first write that failed, 0 while none has.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* text, std::streamsize size) override;
  int sync() override;

 private:
  bool drain();
  bool write_all(const char* text, std::size_t size);

  int fd_;
  int error_ = 0;
  bool start_writeback_;
  std::size_t written_ = 0;         // bytes written so far
  std::size_t writeback_from_ = 0;  // bytes before this are already handed to the disk
  std::array<char, 64 * 1024> buffer_{};
};

}  // namespace ng::exporters
