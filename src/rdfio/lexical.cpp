// Character classes and escapes of the RDF 1.1 grammars (N-Triples and Turtle
// productions PN_CHARS_BASE, PN_CHARS, UCHAR, ECHAR, LANGTAG).
#include "rdfio/lexical.hpp"

namespace ng::rdfio::lexical {

bool is_pn_chars_base(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
         (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) ||
         (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0xEFFFF);
}

bool is_pn_chars(char32_t c) {
  return is_pn_chars_u(c) || c == '-' || is_digit(c) || c == 0xB7 || (c >= 0x300 && c <= 0x36F) ||
         (c >= 0x203F && c <= 0x2040);
}

std::size_t decode_uchar(std::string_view text, std::size_t i, char32_t &cp) {
  const std::size_t digits = text[i + 1] == 'u' ? 4 : 8;
  if (i + 2 + digits > text.size()) return 0;
  cp = 0;
  for (std::size_t k = 0; k < digits; ++k) {
    const int v = hex_value(text[i + 2 + k]);
    if (v < 0) return 0;
    cp = (cp << 4) | static_cast<char32_t>(v);
  }
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return 2 + digits;
}

int echar_value(char letter) {
  switch (letter) {
    case 't':
      return '\t';
    case 'b':
      return '\b';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 'f':
      return '\f';
    case '"':
      return '"';
    case '\'':
      return '\'';
    case '\\':
      return '\\';
    default:
      return -1;
  }
}

std::size_t scan_language_tag(std::string_view text, std::size_t i) {
  const std::size_t start = i;
  while (i < text.size() && is_alpha(static_cast<unsigned char>(text[i]))) ++i;
  if (i == start) return 0;
  while (i + 1 < text.size() && text[i] == '-') {
    std::size_t k = i + 1;
    while (k < text.size() &&
           (is_alpha(static_cast<unsigned char>(text[k])) || is_digit(static_cast<unsigned char>(text[k]))))
      ++k;
    if (k == i + 1) break;
    i = k;
  }
  return i - start;
}

}  // namespace ng::rdfio::lexical
