// One error type for the whole library: a Diagnostic carries a severity, a
// machine-readable kind, the source position it refers to and a message.
// Libraries append diagnostics to a Diagnostics list and never print; the CLI
// renders them GCC-style with the source line and a caret (render.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ng::diag {

enum class Severity { error, warning, note };

// A position in a source: 1-based line, 1-based column counted in Unicode
// code points (so a caret lands under the right Hangul syllable).
struct SourcePos {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string kind;  // stable identifier, e.g. "invalid-utf8", "unclosed-fence"
  std::string file;  // as given by the user; "-" for stdin
  SourcePos where;
  std::string message;
};

class Diagnostics {
 public:
  void error(std::string kind, std::string file, SourcePos where, std::string message);
  void warning(std::string kind, std::string file, SourcePos where, std::string message);
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  // Moves all of `later`'s diagnostics after these, in their order.
  void append(Diagnostics&& later);

  const std::vector<Diagnostic>& items() const { return items_; }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool has_errors() const { return error_count() != 0; }

 private:
  std::vector<Diagnostic> items_;
};

const char* to_string(Severity s);

}  // namespace ng::diag
