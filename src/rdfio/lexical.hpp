// Character classes and escapes shared by the N-Triples and Turtle readers:
// UTF-8 decoding and encoding, the PN_CHARS family, IRIREF's excluded
// characters, and UCHAR/ECHAR decoding, as the RDF 1.1 grammars define them.
#pragma once

#include "model/iri.hpp"
#include "model/utf8.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace ng::rdfio::lexical {

using model::decode_utf8;
using model::append_utf8;

bool is_pn_chars_base(char32_t c);
inline bool is_pn_chars_u(char32_t c) { return c == '_' || is_pn_chars_base(c); }
bool is_pn_chars(char32_t c);
inline bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// IRIREF excludes U+0000-U+0020 and <>"{}|^`\ whether written raw or as UCHAR.
constexpr bool iri_excludes(char32_t c) {
  return c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`' ||
         c == '\\';
}

// Decodes a UCHAR whose backslash is at text[i] (text[i+1] is 'u' or 'U').
// Returns the escape's length, or 0 when the hex digits are missing or the
// code point is a surrogate or beyond U+10FFFF.
std::size_t decode_uchar(std::string_view text, std::size_t i, char32_t &cp);

// The character an ECHAR letter stands for (t b n r f " ' \), or -1.
int echar_value(char letter);

// An RFC 3986 scheme followed by ':' starts the IRI: N-Triples wants absolute
// IRIs.
using model::has_scheme;

// Length of a LANGTAG body ([a-zA-Z]+ ('-' [a-zA-Z0-9]+)*) at text[i], 0 if
// none.
std::size_t scan_language_tag(std::string_view text, std::size_t i);

}  // namespace ng::rdfio::lexical
