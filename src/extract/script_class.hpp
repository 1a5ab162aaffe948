// Character classes the extractor needs on UTF-8 text: Latin letters and
// digits (word boundaries), Hangul (language tags, particles), and spaces
// that names may contain or omit.
#pragma once

#include <cstdint>
#include <string_view>

namespace ng::extract {

// Decodes the code point at s[i] (no validation beyond length; the notes
// parser already replaced invalid bytes). Sets len to its byte length.
inline char32_t decode_at(std::string_view s, std::size_t i, std::size_t& len) {
  auto b = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) -> char32_t {
    return i + k < s.size() ? (static_cast<unsigned char>(s[i + k]) & 0x3F) : 0;
  };
  if (b < 0x80) {
    len = 1;
    return b;
  }
  if ((b >> 5) == 0x6) {
    len = 2;
    return ((b & 0x1Fu) << 6) | cont(1);
  }
  if ((b >> 4) == 0xE) {
    len = 3;
    return ((b & 0x0Fu) << 12) | (cont(1) << 6) | cont(2);
  }
  if ((b >> 3) == 0x1E) {
    len = 4;
    return ((b & 0x07u) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
  }
  len = 1;
  return 0xFFFD;
}

// The code point that ends just before s[i] (i > 0).
inline char32_t decode_before(std::string_view s, std::size_t i) {
  std::size_t start = i - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && i - start < 4) --start;
  std::size_t len = 0;
  return decode_at(s, start, len);
}

inline bool is_latin_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

inline bool is_hangul(char32_t c) {
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F);
}

// Spaces that a name may contain or leave out: space, tab, NBSP, ideographic space.
inline bool is_name_space(char32_t c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000; }

inline bool contains_hangul(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    if (static_cast<unsigned char>(s[i]) >= 0x80 && is_hangul(decode_at(s, i, len))) return true;
    i += len;
  }
  return false;
}

// `s` in Unicode NFC (what every writer must emit: Neptune compares bytes, and
// the formats must agree). ASCII is returned as is, without a utf8proc call.
std::string to_nfc(std::string_view s);
// True when `s` is NFC whatever follows it: only characters that never
// combine with a neighbour (ASCII, Hangul syllables, common CJK and
// punctuation); false means to_nfc() must decide.
bool is_nfc_stable(std::string_view s);

}  // namespace ng::extract
