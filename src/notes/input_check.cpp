// The input check: a word-at-a-time scan for NULs and non-ASCII bytes, the
// UTF-8 validator on the rare non-ASCII stretches, and the binary heuristic
// (a NUL, or mostly bad bytes and control characters, in the first 8 KiB).
#include "notes/input_check.hpp"

#include <cstdint>
#include <cstring>

#include "notes/utf8.hpp"

namespace ng::notes {

namespace {

constexpr std::size_t kSample = 8192;
constexpr std::size_t kMinSampleForRatio = 32;

bool suspicious_control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) || c == 0x7F;
}

bool word_is_plain_ascii(const unsigned char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  bool has_zero = ((v - kOnes) & ~v & kHigh) != 0;
  return (v & kHigh) == 0 && !has_zero;
}

// Length of a well-formed 2-byte sequence or 3-byte sequence led by E1..EF
// (Hangul, CJK, most punctuation), 0 for anything else: the inlined fast path
// of the validator.
inline std::size_t common_sequence_length(const unsigned char* p, const unsigned char* end) {
  unsigned char c = p[0];
  if (c >= 0xE1 && c <= 0xEF && end - p >= 3) {
    std::uint16_t tail;
    std::memcpy(&tail, p + 1, sizeof tail);
    bool continuation = (tail & 0xC0C0) == 0x8080;
    bool surrogate = c == 0xED && p[1] > 0x9F;
    return continuation && !surrogate ? 3 : 0;
  }
  if (c >= 0xC2 && c <= 0xDF) return end - p >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
  return 0;
}

// Counts bad and control bytes in the sample to tell text from binary data.
void judge_sample(std::string_view text, InputReport& r) {
  std::size_t n = text.size() < kSample ? text.size() : kSample;
  auto base = reinterpret_cast<const unsigned char*>(text.data());
  auto end = base + text.size();
  std::size_t suspicious = 0;
  std::size_t first_suspicious = InputReport::npos;
  for (std::size_t i = 0; i < n;) {
    unsigned char c = base[i];
    std::size_t step = 1;
    bool bad = false;
    if (c == 0) {
      r.binary = true;
      r.binary_at = i;
      return;
    }
    if (c >= 0x80) {
      step = utf8::valid_length(base + i, end);
      if (step == 0) {
        step = utf8::invalid_length(base + i, end);
        bad = true;
      }
    } else {
      bad = suspicious_control(c);
    }
    if (bad) {
      suspicious += step;
      if (first_suspicious == InputReport::npos) first_suspicious = i;
    }
    i += step;
  }
  if (n >= kMinSampleForRatio && suspicious * 10 > n * 3) {
    r.binary = true;
    r.binary_at = first_suspicious;
  }
}

}  // namespace

InputReport check_input(std::string_view text) {
  InputReport r;
  judge_sample(text, r);
  if (r.binary) return r;
  auto base = reinterpret_cast<const unsigned char*>(text.data());
  auto end = base + text.size();
  auto p = base;
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      if (end - p >= 8 && word_is_plain_ascii(p)) {
        p += 8;
      } else {
        if (c == 0 && r.first_nul == InputReport::npos) r.first_nul = static_cast<std::size_t>(p - base);
        ++p;
      }
    } else if (std::size_t k = common_sequence_length(p, end); k != 0) {
      p += k;
    } else if (std::size_t n = utf8::valid_length(p, end); n != 0) {
      p += n;
    } else {
      if (r.first_bad == InputReport::npos) r.first_bad = static_cast<std::size_t>(p - base);
      ++r.bad_count;
      p += utf8::invalid_length(p, end);
    }
  }
  return r;
}

diag::SourcePos locate(std::string_view text, std::size_t bom, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  std::uint32_t line = 1;
  std::size_t line_start = bom;
  for (std::size_t i = bom; i < offset; ++i) {
    char c = text[i];
    if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++line;
      line_start = i + 1;
    }
  }
  if (line_start > offset) line_start = offset;
  return {line, utf8::column_after(text.substr(line_start, offset - line_start))};
}

}  // namespace ng::notes
