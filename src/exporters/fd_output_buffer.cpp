// FdOutputBuffer: a fixed buffer drained by a write(2) loop that retries
// interrupted and partial writes; after the first failure it refuses every
// further byte, so the stream goes bad and the error is not overwritten.
#include "exporters/fd_output_buffer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace ng::exporters {

namespace {
constexpr std::size_t kWritebackStep = std::size_t{8} << 20;
}  // namespace

FdOutputBuffer::FdOutputBuffer(int fd, bool start_writeback) : fd_(fd), start_writeback_(start_writeback) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

FdOutputBuffer::int_type FdOutputBuffer::overflow(int_type c) {
  if (!drain()) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

std::streamsize FdOutputBuffer::xsputn(const char* text, std::streamsize size) {
  // Large pieces skip the copy into the buffer.
  if (size < static_cast<std::streamsize>(buffer_.size())) return std::streambuf::xsputn(text, size);
  if (!drain() || !write_all(text, static_cast<std::size_t>(size))) return 0;
  return size;
}

int FdOutputBuffer::sync() { return drain() ? 0 : -1; }

bool FdOutputBuffer::drain() {
  const auto pending = static_cast<std::size_t>(pptr() - pbase());
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return pending == 0 ? error_ == 0 : write_all(buffer_.data(), pending);
}

bool FdOutputBuffer::write_all(const char* text, std::size_t size) {
  while (error_ == 0 && size > 0) {
    const ssize_t written = ::write(fd_, text, size);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      error_ = written < 0 ? errno : EIO;  // 0 for a non-empty write: the device takes no more
      break;
    }
    text += written;
    size -= static_cast<std::size_t>(written);
    written_ += static_cast<std::size_t>(written);
  }
  if (start_writeback_ && error_ == 0 && written_ - writeback_from_ >= kWritebackStep) {
    // Only a hint: a failure (say, on a file system without it) changes
    // nothing, and the fsync that follows the last write still decides.
    ::sync_file_range(fd_, static_cast<off64_t>(writeback_from_), static_cast<off64_t>(written_ - writeback_from_),
                      SYNC_FILE_RANGE_WRITE);
    writeback_from_ = written_;
  }
  return error_ == 0;
}

}  // namespace ng::exporters
