// The <details> elements still open at some point of a file, as the line
// scanner counts them to warn about those never closed. A part of a file
// scanned on its own keeps the closers that found nothing open, so that its
// count can be appended to the count of the part before it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "diag/diagnostic.hpp"

namespace ng::notes {

class OpenDetails {
public:
  // Where at most `limit` of the open elements opened is remembered (the
  // outermost ones); deeper ones are only counted.
  explicit OpenDetails(std::size_t limit) : limit_(limit) {}

  void open(diag::SourcePos where);
  void close();
  // Makes this the count after this part and then `later`, a part right
  // after it that was counted from nothing open, with its lines numbered
  // from 1 (so they move by `lines_before`, this part's line count).
  void append(const OpenDetails& later, std::uint32_t lines_before);

  // Where the remembered open elements opened, outermost first.
  const std::vector<diag::SourcePos>& remembered() const { return remembered_; }
  std::size_t depth() const { return remembered_.size() + unremembered_; }

private:
  std::size_t limit_;
  std::vector<diag::SourcePos> remembered_;
  std::size_t unremembered_ = 0;      // open beyond the limit
  std::size_t unmatched_closes_ = 0;  // closers that found nothing open in this part
};

}  // namespace ng::notes
