// The bytes of one input file, shared by its SourceFile and by the parse that
// points into them: a read-only private mapping of a regular file (so a 100 MB
// note is not copied, and pages already parsed can be handed back to the
// kernel), an owned string (standard input, repaired text, tests), or a
// place in a TextPool.
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
#include <utility>

namespace ng::diag {

class Diagnostics;

// Where the bytes of small files go when many are read: consecutive files
// share an anonymous mapping of a few MiB, unmapped once the last text in it
// is dropped. Notes freed in order then hand their memory back whole, where
// from the heap it would stay resident, in fragments among the parse's own
// allocations. One pool per reading thread (it is not shared).
class TextPool {
 public:
  // Room for `bytes`, and what keeps it mapped; nullptr when no mapping
  // could be made (the caller reads into a string instead).
  std::pair<char*, std::shared_ptr<const void>> allocate(std::size_t bytes);

 private:
  std::shared_ptr<const void> mapping_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
};

class SourceText {
 public:
  static std::shared_ptr<const SourceText> from_string(std::string text);
  // Maps the regular file `path` (reads standard input for "-"); on failure
  // returns nullptr and appends an error naming the file. A file too small
  // to map is read into `pool` when one is given, else into a string.
  static std::shared_ptr<const SourceText> open(const std::string& path, Diagnostics& diags, TextPool* pool = nullptr);

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
  std::shared_ptr<const void> pooled_;  // the TextPool mapping the bytes are in
  void* map_ = nullptr;  // the mapping, when mapped
  std::size_t map_size_ = 0;
  std::string path_;  // of a mapped file: what the SIGBUS handler names
  int guard_slot_ = -1;  // its entry in the handler's table
  mutable std::size_t released_ = 0;  // bytes from the start already released
};

}  // namespace ng::diag
