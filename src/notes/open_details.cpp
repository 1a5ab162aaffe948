// Counting open <details> elements, and appending the count of a later part.
#include "notes/open_details.hpp"

namespace ng::notes {

void OpenDetails::open(diag::SourcePos where) {
  if (remembered_.size() < limit_)
    remembered_.push_back(where);
  else
    ++unremembered_;
}

void OpenDetails::close() {
  if (unremembered_ > 0)
    --unremembered_;
  else if (!remembered_.empty())
    remembered_.pop_back();
  else
    ++unmatched_closes_;
}

void OpenDetails::append(const OpenDetails& later, std::uint32_t lines_before) {
  // The later part's unmatched closers close elements of this part, the
  // innermost first; then its own open elements stack on what is left. Those
  // it could not remember lie beyond the limit here too, since this part
  // adds to the depth.
  for (std::size_t k = 0; k < later.unmatched_closes_; ++k) close();
  for (diag::SourcePos where : later.remembered_) open({where.line + lines_before, where.column});
  unremembered_ += later.unremembered_;
}

}  // namespace ng::notes
