// Diagnostics list bookkeeping.
#include "diag/diagnostic.hpp"

#include <algorithm>
#include <iterator>

namespace ng::diag {

void Diagnostics::error(std::string kind, std::string file, SourcePos where, std::string message) {
  items_.push_back({Severity::error, std::move(kind), std::move(file), where, std::move(message)});
}

void Diagnostics::warning(std::string kind, std::string file, SourcePos where, std::string message) {
  items_.push_back({Severity::warning, std::move(kind), std::move(file), where, std::move(message)});
}

void Diagnostics::append(Diagnostics&& later) {
  if (items_.empty()) {
    items_ = std::move(later.items_);
  } else {
    items_.insert(items_.end(), std::make_move_iterator(later.items_.begin()),
                  std::make_move_iterator(later.items_.end()));
  }
  later.items_.clear();
}

std::size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::size_t Diagnostics::warning_count() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::warning; });
}

const char* to_string(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

}  // namespace ng::diag
