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
  explicit FdOutputBuffer(int fd);
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
  std::array<char, 64 * 1024> buffer_{};
};

}  // namespace ng::exporters
