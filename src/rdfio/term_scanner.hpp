// Scanners for the tokens N-Triples and Turtle share: IRIREF, quoted strings
// (Turtle adds single quotes and the long forms) and BLANK_NODE_LABEL. Each
// returns a view into the input when the token has no escapes, and into the
// caller's scratch string when it had to unescape; non-ASCII text is
// validated as UTF-8 on the way.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ng::rdfio {

struct ScanError {
  std::size_t offset = 0;
  const char *message = "";
};

// All scanners start at the token's first character, advance `pos` past it on
// success, and on failure fill `error` (pos is then unspecified).

// '<' ... '>' with UCHAR escapes; the IRI is not resolved or checked for a
// scheme.
bool scan_iriref(std::string_view text, std::size_t &pos, std::string &scratch, std::string_view &iri,
                 ScanError &error);

// A string in '"' (or, when `turtle`, also '\'', '"""' and '''''), with ECHAR
// and UCHAR escapes; the value is the unescaped content.
bool scan_string(std::string_view text, std::size_t &pos, bool turtle, std::string &scratch, std::string_view &value,
                 ScanError &error);

// '_:' label; the label excludes "_:" and any trailing '.'.
bool scan_blank_node_label(std::string_view text, std::size_t &pos, std::string_view &label, ScanError &error);

// '@' LANGTAG; the tag excludes '@'.
bool scan_language(std::string_view text, std::size_t &pos, std::string_view &tag, ScanError &error);

}  // namespace ng::rdfio
