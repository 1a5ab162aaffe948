// IRIREF, string and blank node label scanners of the RDF 1.1 grammars. The
// inner loops test one table per byte and copy nothing until an escape turns
// up, because they run once per term of every loaded graph.
#include "rdfio/term_scanner.hpp"

#include <array>

#include "rdfio/lexical.hpp"

namespace ng::rdfio {
namespace {

// Bytes that need no attention inside an IRIREF: ASCII minus the excluded
// characters and '\'.
constexpr std::array<bool, 256> kIriPlain = [] {
  std::array<bool, 256> table{};
  for (int c = 0x21; c < 0x80; ++c) table[c] = !lexical::iri_excludes(static_cast<char32_t>(c));
  return table;
}();

// Bytes that need no attention inside any quoted string.
constexpr std::array<bool, 256> kStringPlain = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x80; ++c) table[c] = true;
  table['"'] = table['\''] = table['\\'] = table['\n'] = table['\r'] = false;
  return table;
}();

bool fail(ScanError &error, std::size_t offset, const char *message) {
  error = {offset, message};
  return false;
}

// Decodes the escape at text[pos] (a backslash) into `out`; ECHAR only when
// `allow_echar`. Advances pos past it.
bool unescape(std::string_view text, std::size_t &pos, bool allow_echar, bool in_iri, std::string &out,
              ScanError &error) {
  if (pos + 1 >= text.size()) return fail(error, pos, "incomplete escape sequence");
  const char letter = text[pos + 1];
  if (letter == 'u' || letter == 'U') {
    char32_t cp = 0;
    const std::size_t length = lexical::decode_uchar(text, pos, cp);
    if (length == 0)
      return fail(error, pos,
                  "invalid \\u or \\U escape (needs hex digits of a "
                  "non-surrogate code point)");
    if (in_iri && lexical::iri_excludes(cp))
      return fail(error, pos, "escape stands for a character not allowed in an IRI");
    lexical::append_utf8(out, cp);
    pos += length;
    return true;
  }
  const int value = allow_echar ? lexical::echar_value(letter) : -1;
  if (value < 0) {
    return fail(error, pos, allow_echar ? "unknown escape sequence" : "only \\u and \\U escapes are allowed in an IRI");
  }
  out += static_cast<char>(value);
  pos += 2;
  return true;
}

bool skip_utf8(std::string_view text, std::size_t &pos, ScanError &error) {
  char32_t cp = 0;
  const std::size_t length = lexical::decode_utf8(text, pos, cp);
  if (length == 0) return fail(error, pos, "invalid UTF-8");
  pos += length;
  return true;
}

}  // namespace

bool scan_iriref(std::string_view text, std::size_t &pos, std::string &scratch, std::string_view &iri,
                 ScanError &error) {
  const std::size_t start = ++pos;
  std::size_t run = start;
  bool escaped = false;
  const std::size_t n = text.size();
  for (;;) {
    while (pos < n && kIriPlain[static_cast<unsigned char>(text[pos])]) ++pos;
    if (pos >= n) return fail(error, start - 1, "unterminated IRI (no closing '>')");
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c == '>') break;
    if (c == '\\') {
      if (!escaped) scratch.clear();
      escaped = true;
      scratch.append(text.data() + run, pos - run);
      if (!unescape(text, pos, false, true, scratch, error)) return false;
      run = pos;
    } else if (c >= 0x80) {
      if (!skip_utf8(text, pos, error)) return false;
    } else {
      return fail(error, pos, c <= 0x20 ? "space or control character in an IRI" : "character not allowed in an IRI");
    }
  }
  if (escaped) {
    scratch.append(text.data() + run, pos - run);
    iri = scratch;
  } else {
    iri = text.substr(start, pos - start);
  }
  ++pos;
  return true;
}

bool scan_string(std::string_view text, std::size_t &pos, bool turtle, std::string &scratch, std::string_view &value,
                 ScanError &error) {
  const std::size_t open = pos;
  const char quote = text[pos];
  const bool long_form = turtle && pos + 2 < text.size() && text[pos + 1] == quote && text[pos + 2] == quote;
  if (quote == '\'' && !turtle) return fail(error, pos, "strings are in double quotes in N-Triples");
  pos += long_form ? 3 : 1;
  const std::size_t start = pos;
  std::size_t run = start;
  bool escaped = false;
  const std::size_t n = text.size();
  for (;;) {
    while (pos < n && kStringPlain[static_cast<unsigned char>(text[pos])]) ++pos;
    if (pos >= n) return fail(error, open, "unterminated string");
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c == static_cast<unsigned char>(quote)) {
      if (!long_form) break;
      if (pos + 2 < n && text[pos + 1] == quote && text[pos + 2] == quote) break;
      ++pos;
    } else if (c == '\\') {
      if (!escaped) scratch.clear();
      escaped = true;
      scratch.append(text.data() + run, pos - run);
      if (!unescape(text, pos, true, false, scratch, error)) return false;
      run = pos;
    } else if (c >= 0x80) {
      if (!skip_utf8(text, pos, error)) return false;
    } else if (c == '\n' || c == '\r') {
      if (!long_form) return fail(error, pos, "line break in a string (write \\n, or use a long string)");
      ++pos;
    } else {
      ++pos;  // the other quote character
    }
  }
  if (escaped) {
    scratch.append(text.data() + run, pos - run);
    value = scratch;
  } else {
    value = text.substr(start, pos - start);
  }
  pos += long_form ? 3 : 1;
  return true;
}

bool scan_blank_node_label(std::string_view text, std::size_t &pos, std::string_view &label, ScanError &error) {
  if (pos + 1 >= text.size() || text[pos + 1] != ':')
    return fail(error, pos, "expected '_:' to start a blank node label");
  const std::size_t start = pos + 2;
  std::size_t i = start;
  std::size_t end = start;  // end of the label without trailing dots
  bool first = true;
  while (i < text.size()) {
    char32_t cp = 0;
    const std::size_t length = lexical::decode_utf8(text, i, cp);
    if (length == 0) return fail(error, i, "invalid UTF-8");
    const bool ok =
        first ? (lexical::is_pn_chars_u(cp) || lexical::is_digit(cp)) : (lexical::is_pn_chars(cp) || cp == '.');
    if (!ok) break;
    i += length;
    if (cp != '.') end = i;
    first = false;
  }
  if (end == start) return fail(error, start, "blank node label must start with a letter, digit or '_'");
  label = text.substr(start, end - start);
  pos = end;
  return true;
}

bool scan_language(std::string_view text, std::size_t &pos, std::string_view &tag, ScanError &error) {
  const std::size_t length = lexical::scan_language_tag(text, pos + 1);
  if (length == 0) return fail(error, pos, "expected a language tag after '@'");
  tag = text.substr(pos + 1, length);
  pos += 1 + length;
  return true;
}

}  // namespace ng::rdfio
