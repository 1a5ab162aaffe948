// UTF-8 validation, sanitizing and classification used by the notes parser.
// The validator follows the Unicode well-formedness table (no overlongs, no
// surrogates, nothing above U+10FFFF); bad subparts become one U+FFFD each.
#include "notes/utf8.hpp"

#include "model/utf8.hpp"

#include <utf8proc.h>

namespace ng::notes::utf8 {

namespace {

bool cont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Valid range of the second byte after lead byte c (the first continuation
// byte is the one that excludes overlongs and surrogates).
void second_range(unsigned char c, unsigned char& lo, unsigned char& hi) {
  lo = 0x80;
  hi = 0xBF;
  if (c == 0xE0)
    lo = 0xA0;
  else if (c == 0xED)
    hi = 0x9F;
  else if (c == 0xF0)
    lo = 0x90;
  else if (c == 0xF4)
    hi = 0x8F;
}

std::size_t sequence_length(unsigned char c) {
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  if (c < 0xF5) return 4;
  return 0;
}

// Number of bytes at p that form a valid prefix of a sequence of length n.
std::size_t valid_prefix(const unsigned char* p, const unsigned char* end, std::size_t n) {
  unsigned char lo, hi;
  second_range(p[0], lo, hi);
  std::size_t k = 1;
  for (; k < n && p + k < end; ++k) {
    unsigned char b = p[k];
    if (k == 1 ? (b < lo || b > hi) : !cont(b)) break;
  }
  return k;
}

}  // namespace

std::size_t valid_length(const unsigned char* p, const unsigned char* end) {
  std::size_t n = sequence_length(p[0]);
  if (n <= 1) return n;
  return valid_prefix(p, end, n) == n ? n : 0;
}

std::size_t invalid_length(const unsigned char* p, const unsigned char* end) {
  std::size_t n = sequence_length(p[0]);
  if (n <= 1) return 1;
  return valid_prefix(p, end, n);
}

bool is_clean(std::string_view s) {
  auto p = reinterpret_cast<const unsigned char*>(s.data());
  auto end = p + s.size();
  while (p < end) {
    if (*p >= 0x80) {
      std::size_t n = valid_length(p, end);
      if (n == 0) return false;
      p += n;
    } else {
      if (*p == 0) return false;
      ++p;
    }
  }
  return true;
}

void append_sanitized(std::string_view in, std::string& out) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  auto base = reinterpret_cast<const unsigned char*>(in.data());
  auto p = base;
  auto end = base + in.size();
  auto clean_from = p;
  while (p < end) {
    std::size_t bad = 0;
    if (*p >= 0x80) {
      std::size_t n = valid_length(p, end);
      if (n != 0) {
        p += n;
        continue;
      }
      bad = invalid_length(p, end);
    } else if (*p == 0) {
      bad = 1;
    } else {
      ++p;
      continue;
    }
    out.append(reinterpret_cast<const char*>(clean_from), static_cast<std::size_t>(p - clean_from));
    out.append(kReplacement);
    p += bad;
    clean_from = p;
  }
  out.append(reinterpret_cast<const char*>(clean_from), static_cast<std::size_t>(end - clean_from));
}

std::uint32_t column_after(std::string_view s, std::uint32_t column) {
  for (char c : s) column += !cont(static_cast<unsigned char>(c));
  return column;
}

std::size_t code_points(std::string_view s) { return column_after(s, 0); }

void append_code_point(char32_t cp, std::string& out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0) cp = 0xFFFD;
  model::append_utf8(out, cp);
}

namespace {

CharClass classify(utf8proc_int32_t cp) {
  if (cp < 0x80) {
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') return CharClass::whitespace;
    bool punct =
        (cp >= '!' && cp <= '/') || (cp >= ':' && cp <= '@') || (cp >= '[' && cp <= '`') || (cp >= '{' && cp <= '~');
    return punct ? CharClass::punctuation : CharClass::other;
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS: return CharClass::whitespace;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: return CharClass::punctuation;
    default: return CharClass::other;
  }
}

CharClass class_at(std::string_view s, std::size_t pos) {
  utf8proc_int32_t cp = -1;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + pos),
                            static_cast<utf8proc_ssize_t>(s.size() - pos), &cp);
  return n > 0 ? classify(cp) : CharClass::other;
}

}  // namespace

CharClass class_after(std::string_view s, std::size_t pos) {
  return pos >= s.size() ? CharClass::whitespace : class_at(s, pos);
}

CharClass class_before(std::string_view s, std::size_t pos) {
  if (pos == 0) return CharClass::whitespace;
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && cont(static_cast<unsigned char>(s[start]))) --start;
  return class_at(s.substr(0, pos), start);
}

}  // namespace ng::notes::utf8
