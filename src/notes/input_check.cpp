// The input check: an SSE2 scan 16 bytes at a time for NULs, CRs and
// non-ASCII bytes, the UTF-8 validator on the non-ASCII stretches, and the
// binary heuristic (a NUL, or mostly bad bytes and control characters, in the
// first 8 KiB).
#include "notes/input_check.hpp"

#include <emmintrin.h>

#include <algorithm>
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

// Bytes k and above: 0xFF in each lane where v >= k (SSE2 has no unsigned compare).
__m128i at_least(__m128i v, unsigned char k) {
  return _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(static_cast<char>(k))), v);
}

// Skips what notes are mostly made of, 16 bytes at a time: ASCII other than
// NUL (and CR while `watch_cr`), 2-byte sequences and 3-byte sequences led by
// E1..EF (Hangul, CJK, punctuation), all well formed. `p` must be where a
// sequence starts; so is the returned position, the start of the first 16
// bytes that hold something else (or of fewer than 16 left). Loads stay
// inside [p, end).
const unsigned char* skip_common_text(const unsigned char* p, const unsigned char* end, bool watch_cr) {
  const __m128i zero = _mm_setzero_si128();
  // Once the first CR is known, CRs are plain: comparing with NUL twice costs nothing.
  const __m128i watched = watch_cr ? _mm_set1_epi8('\r') : zero;
  while (end - p >= 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i nul_or_cr = _mm_or_si128(_mm_cmpeq_epi8(v, zero), _mm_cmpeq_epi8(v, watched));
    if (_mm_movemask_epi8(v) == 0) {  // all ASCII
      if (_mm_movemask_epi8(nul_or_cr) != 0) break;
      p += 16;
      continue;
    }
    __m128i lead = at_least(v, 0xC0);
    __m128i lead3 = at_least(v, 0xE0);
    __m128i continuation = _mm_andnot_si128(lead, _mm_cmplt_epi8(v, zero));
    // Each lane must be a continuation byte exactly when a lead byte one lane
    // before (any lead) or two lanes before (a 3-byte lead) asks for one. The
    // shifts bring in zeros at lane 0: the 16 bytes are judged on their own,
    // as if p started the text.
    __m128i wanted = _mm_or_si128(_mm_slli_si128(lead, 1), _mm_slli_si128(lead3, 2));
    // Leads that are never well formed (C0, C1, F5..FF) or that need more
    // checks than this (E0, F0..F4) are left to the scalar validator.
    __m128i uncommon = _mm_or_si128(_mm_or_si128(at_least(v, 0xF0), _mm_cmpeq_epi8(v, _mm_set1_epi8('\xE0'))),
                                    _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8('\xFE')), _mm_set1_epi8('\xC0')));
    // ED A0..ED BF would encode a surrogate.
    __m128i surrogate = _mm_and_si128(_mm_slli_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\xED')), 1), at_least(v, 0xA0));
    __m128i wrong =
        _mm_or_si128(_mm_or_si128(_mm_xor_si128(continuation, wanted), uncommon), _mm_or_si128(surrogate, nul_or_cr));
    if (_mm_movemask_epi8(wrong) != 0) break;
    // A sequence that the last lanes only begin is judged with the next 16.
    auto leads = static_cast<unsigned>(_mm_movemask_epi8(lead));
    auto leads3 = static_cast<unsigned>(_mm_movemask_epi8(lead3));
    p += (leads & 0x8000u) ? 15 : (leads3 & 0x4000u) ? 14 : 16;
  }
  return p;
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

// Suspicious control characters in [p, end), 16 bytes at a time (the rest
// one by one); `first` gets the offset from `base` of the first one found.
std::size_t count_suspicious_controls(const unsigned char* base, const unsigned char* p, const unsigned char* end,
                                      std::size_t& first) {
  std::size_t count = 0;
  auto note = [&](std::size_t at) {
    if (first == InputReport::npos) first = at;
  };
  for (; end - p >= 16; p += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    auto is = [&v](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
    const __m128i below_space = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
    const __m128i allowed = _mm_or_si128(_mm_or_si128(_mm_or_si128(is('\t'), is('\n')), _mm_or_si128(is('\r'), is('\f'))),
                                         _mm_or_si128(is('\v'), is('\x1B')));
    const auto bits =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(allowed, below_space), is('\x7F'))));
    if (bits == 0) continue;
    note(static_cast<std::size_t>(p - base) + static_cast<std::size_t>(__builtin_ctz(bits)));
    count += static_cast<std::size_t>(__builtin_popcount(bits));
  }
  for (; p < end; ++p) {
    if (*p < 0x80 && suspicious_control(*p)) {
      note(static_cast<std::size_t>(p - base));
      ++count;
    }
  }
  return count;
}

// Counts bad and control bytes in the sample to tell text from binary data.
// Returns where the 16-byte scan stopped: the text before holds no NUL and
// no bad byte, so the check of the whole text need not read it again.
std::size_t judge_sample(std::string_view text, InputReport& r) {
  std::size_t n = text.size() < kSample ? text.size() : kSample;
  auto base = reinterpret_cast<const unsigned char*>(text.data());
  auto end = base + text.size();
  std::size_t suspicious = 0;
  std::size_t first_suspicious = InputReport::npos;
  // The well-formed text without NULs that the 16-byte scan vouches for can
  // hold no bad bytes, only control characters, which are counted 16 at a
  // time; the byte-by-byte judgment goes on from where the scan stopped (a
  // sequence start). Thousands of small notes are mostly sample.
  const unsigned char* vouched = skip_common_text(base, base + n, false);
  suspicious = count_suspicious_controls(base, base, vouched, first_suspicious);
  for (auto i = static_cast<std::size_t>(vouched - base); i < n;) {
    unsigned char c = base[i];
    std::size_t step = 1;
    bool bad = false;
    if (c == 0) {
      r.binary = true;
      r.binary_at = i;
      return 0;
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
  return static_cast<std::size_t>(vouched - base);
}

}  // namespace

void InputReport::append(const InputReport& later) {
  if (binary) return;
  if (first_nul == npos) first_nul = later.first_nul;
  if (first_bad == npos) first_bad = later.first_bad;
  if (first_cr == npos) first_cr = later.first_cr;
  bad_count += later.bad_count;
}

InputReport check_input(std::string_view text) { return check_input(text, 0, text.size()); }

InputReport check_input(std::string_view text, std::size_t begin, std::size_t end_offset) {
  InputReport r;
  if (begin == 0) {
    const std::size_t vouched = std::min(judge_sample(text, r), end_offset);
    if (r.binary) return r;
    // Only a CR can be in what the sample's scan vouched for.
    if (const void* cr = std::memchr(text.data(), '\r', vouched))
      r.first_cr = static_cast<std::size_t>(static_cast<const char*>(cr) - text.data());
    begin = vouched;
  }
  auto base = reinterpret_cast<const unsigned char*>(text.data());
  // Sequences are validated against the part's end: as `begin`, the byte at
  // end_offset (when there is one) starts a sequence, so none reaches past it.
  auto end = base + end_offset;
  auto p = base + begin;
  while (p < end) {
    p = skip_common_text(p, end, r.first_cr == InputReport::npos);
    // What the fast scan could not vouch for is looked at byte by byte, to
    // the end of the 16 bytes that stopped it.
    const unsigned char* stop = end - p > 16 ? p + 16 : end;
    while (p < stop) {
      if (*p < 0x80) {
        auto at = static_cast<std::size_t>(p - base);
        if (*p == 0 && r.first_nul == InputReport::npos) r.first_nul = at;
        if (*p == '\r' && r.first_cr == InputReport::npos) r.first_cr = at;
        ++p;
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
