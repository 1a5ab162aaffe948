// GCC-style rendering of a Diagnostic: "file:line:col: error: message", then
// the source line and a caret placed by display width (Hangul is two columns).
#pragma once

#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"

namespace ng::diag {

// source_line may be empty when the diagnostic has no line (e.g. a missing file).
std::string render(const Diagnostic& d, std::string_view source_line);

}  // namespace ng::diag
