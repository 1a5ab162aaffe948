// sentence_around: the ends are looked for 16 bytes at a time (SSE2), as a
// mask of line breaks and of . ! ? followed by a space or a line break.
#include "extract/sentences.hpp"

#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ng::extract {

namespace {

#if defined(__SSE2__)
// Bit k set when text[from + k] ends a sentence; reads text[from, from + 17).
inline unsigned sentence_ends16(const char* from) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from));
  const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from + 1));
  auto is = [](__m128i x, char c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(c)); };
  const __m128i stop = _mm_or_si128(_mm_or_si128(is(v, '.'), is(v, '!')), is(v, '?'));
  const __m128i spaced = _mm_or_si128(is(next, ' '), is(next, '\n'));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(is(v, '\n'), _mm_and_si128(stop, spaced))));
}
#endif

}  // namespace

std::pair<std::uint32_t, std::uint32_t> sentence_around(std::string_view text, std::uint32_t at) {
  const auto size = static_cast<std::uint32_t>(text.size());
  // Back to just after the last end before `at`. Every position before `at`
  // has a next byte, so the blocks judge exactly as ends_sentence() does.
  std::uint32_t first = at;
  bool found = false;
#if defined(__SSE2__)
  for (; first >= 16; first -= 16) {
    if (const unsigned ends = sentence_ends16(text.data() + first - 16); ends != 0) {
      first = first - 16 + static_cast<std::uint32_t>(std::bit_width(ends));
      found = true;
      break;
    }
  }
#endif
  if (!found)
    while (first > 0 && !ends_sentence(text, first - 1)) --first;
  // On to the first end at or after `at`; the text's last byte ends the last
  // sentence whatever it is.
  std::uint32_t last = at;
  found = false;
#if defined(__SSE2__)
  for (; last + 17 <= size; last += 16) {
    if (const unsigned ends = sentence_ends16(text.data() + last); ends != 0) {
      last += static_cast<std::uint32_t>(std::countr_zero(ends));
      found = true;
      break;
    }
  }
#endif
  if (!found)
    while (last + 1 < size && !ends_sentence(text, last)) ++last;
  return {first, last};
}

}  // namespace ng::extract
