// The bytes of one input file, shared by its SourceFile and by the parse that
// points into them: a read-only private mapping of a regular file (so a 100 MB
// note is not copied, and pages already parsed can be handed back to the
// kernel), or an owned string (standard input, repaired text, tests).
//
// A mapped file that another program truncates while notegraph reads it
// would kill the process with SIGBUS: the mappings are registered with a
// handler that then reports the file, as an input error, and exits with
// status 1 (no output has been written at that point: every writer runs after
// the notes are read and released).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace ng::diag {

class Diagnostics;

class SourceText {
 public:
  static std::shared_ptr<const SourceText> from_string(std::string text);
  // Maps the regular file `path` (reads standard input for "-"); on failure
  // returns nullptr and appends an error naming the file.
  static std::shared_ptr<const SourceText> open(const std::string& path, Diagnostics& diags);

  SourceText(const SourceText&) = delete;
  SourceText& operator=(const SourceText&) = delete;
  ~SourceText();

  std::string_view view() const { return {data_, size_}; }

  // Lets the kernel drop the mapped pages that lie wholly before `p` from
  // memory; they are read again from the file if touched, so the bytes stay
  // valid. No effect on owned strings, or for `p` outside the text.
  void release_before(const char* p) const;

 private:
  SourceText() = default;

  const char* data_ = "";
  std::size_t size_ = 0;
  std::string owned_;
  void* map_ = nullptr;  // the mapping, when mapped
  std::size_t map_size_ = 0;
  std::string path_;  // of a mapped file: what the SIGBUS handler names
  int guard_slot_ = -1;  // its entry in the handler's table
  mutable std::size_t released_ = 0;  // bytes from the start already released
};

}  // namespace ng::diag
