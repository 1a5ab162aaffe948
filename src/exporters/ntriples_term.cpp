// Escaping of terms for N-Triples 1.1 (W3C REC 2014, grammar productions
// IRIREF, STRING_LITERAL_QUOTE, ECHAR, UCHAR, BLANK_NODE_LABEL). Characters
// are copied in runs between the few that need escaping, so the common case is
// one scan and one append per term.
#include "exporters/ntriples_term.hpp"

#include <array>
#include <bit>
#include <cstdint>

#include "model/utf8.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "model/vocab.hpp"

namespace ng::exporters {
namespace {

using model::decode_utf8;

constexpr char kHex[] = "0123456789ABCDEF";

void append_uchar(std::string& out, unsigned char c) {
  const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
  out.append(escape, sizeof escape);
}

void append_percent(std::string& out, unsigned char c) {
  const char escape[] = {'%', kHex[c >> 4], kHex[c & 0xF]};
  out.append(escape, sizeof escape);
}

// IRIREF excludes U+0000-U+0020 and <>"{}|^`\ unless written as UCHAR.
constexpr std::array<bool, 256> kIriNeedsEscape = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c <= 0x20; ++c) table[c] = true;
  for (unsigned char c : std::string_view("<>\"{}|^`\\")) table[c] = true;
  return table;
}();

// STRING_LITERAL_QUOTE excludes " \ LF CR; the other control characters are
// escaped too (as canonical N-Triples does) so that no output line holds one.
constexpr std::array<bool, 256> kLiteralNeedsEscape = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = true;
  table[0x7F] = table['"'] = table['\\'] = true;
  return table;
}();

#if defined(__SSE2__)
// Bit k set when byte k of the 16 at `p` needs escaping: bytes <= `max_control`
// (unsigned) and those equal to one of `specials`.
template <std::size_t N>
unsigned flagged_in_block(const char* p, unsigned char max_control, const std::array<char, N>& specials) {
  const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i hits = _mm_cmpeq_epi8(_mm_min_epu8(block, _mm_set1_epi8(static_cast<char>(max_control))), block);
  for (char special : specials) hits = _mm_or_si128(hits, _mm_cmpeq_epi8(block, _mm_set1_epi8(special)));
  return static_cast<unsigned>(_mm_movemask_epi8(hits));
}
#endif

// Copies `text` to `out`, handing each byte flagged in `needs_escape` to
// `escape` and copying the runs between them whole. With SSE2 the bytes are
// checked 16 at a time (`in_block` gives the flagged ones of a block), which
// is most of the cost of writing N-Triples: nearly every block is plain.
template <class Escape, class InBlock>
void append_escaped(std::string& out, std::string_view text, const std::array<bool, 256>& needs_escape,
                    const Escape& escape, [[maybe_unused]] const InBlock& in_block) {
  const std::size_t n = text.size();
  std::size_t run = 0, i = 0;
  while (i < n) {
#if defined(__SSE2__)
    if (n - i >= 16) {
      const unsigned flagged = in_block(text.data() + i);
      if (flagged == 0) {
        i += 16;
        continue;
      }
      i += static_cast<std::size_t>(std::countr_zero(flagged));
    } else
#endif
        if (!needs_escape[static_cast<unsigned char>(text[i])]) {
      ++i;
      continue;
    }
    out.append(text.data() + run, i - run);
    escape(out, static_cast<unsigned char>(text[i]));
    run = ++i;
  }
  out.append(text.data() + run, n - run);
}

void escape_iri_char(std::string& out, unsigned char c) {
  // The grammar allows \u0020, \u003C and \u003E, but serd and raptor reject
  // them (an IRI cannot hold these characters), so they, and U+0000, take the
  // IRI's own escape instead: percent-encoding, as RFC 3987 maps them to a URI.
  if (c == ' ' || c == '<' || c == '>' || c == 0) {
    append_percent(out, c);
  } else {
    append_uchar(out, c);
  }
}

void escape_literal_char(std::string& out, unsigned char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    default:
      append_uchar(out, c);
  }
}

// PN_CHARS_BASE of the N-Triples/Turtle grammars.
bool is_pn_chars_base(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
         (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) ||
         (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0xEFFFF);
}

// Characters a label may keep as they are. '_' is the escape character here,
// ':' is valid in N-Triples but not in Turtle, and '.' may not end a label, so
// all three are escaped.
bool label_keeps(char32_t c, bool first) {
  if (is_pn_chars_base(c) || (c >= '0' && c <= '9')) return true;
  if (first) return false;
  return c == '-' || c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

}  // namespace

void append_ntriples_iri(std::string& out, std::string_view iri) {
  out += '<';
  append_escaped(out, iri, kIriNeedsEscape, escape_iri_char, [](const char* block) {
#if defined(__SSE2__)
    static constexpr std::array<char, 9> kSpecials = {'<', '>', '"', '{', '}', '|', '^', '`', '\\'};
    return flagged_in_block(block, 0x20, kSpecials);
#else
    static_cast<void>(block);  // not called without SSE2
    return 0u;
#endif
  });
  out += '>';
}

void append_ntriples_literal(std::string& out, model::TermView literal) {
  out += '"';
  append_escaped(out, literal.value, kLiteralNeedsEscape, escape_literal_char, [](const char* block) {
#if defined(__SSE2__)
    static constexpr std::array<char, 3> kSpecials = {'"', '\\', 0x7F};
    return flagged_in_block(block, 0x1F, kSpecials);
#else
    static_cast<void>(block);  // not called without SSE2
    return 0u;
#endif
  });
  out += '"';
  if (!literal.language.empty()) {
    out += '@';
    out += literal.language;
  } else if (!literal.datatype.empty() && literal.datatype != vocab::xsd_string) {
    out += "^^";
    append_ntriples_iri(out, literal.datatype);
  }
}

// Labels that are already valid pass unchanged (but for '_'); any other
// character becomes '_' and two hex digits per UTF-8 byte, and '_' itself
// becomes "__", so distinct labels stay distinct. The empty label becomes "_".
void append_ntriples_blank_node(std::string& out, std::string_view label) {
  out += "_:";
  if (label.empty()) {
    out += '_';
    return;
  }
  for (std::size_t i = 0; i < label.size();) {
    char32_t cp = 0;
    const std::size_t length = decode_utf8(label, i, cp);
    if (length != 0 && label_keeps(cp, i == 0)) {
      out.append(label.data() + i, length);
    } else if (length == 1 && cp == '_') {
      out += "__";
    } else {
      for (std::size_t k = 0; k < (length == 0 ? 1 : length); ++k) {
        const auto byte = static_cast<unsigned char>(label[i + k]);
        const char escape[] = {'_', kHex[byte >> 4], kHex[byte & 0xF]};
        out.append(escape, sizeof escape);
      }
    }
    i += length == 0 ? 1 : length;
  }
}

void append_ntriples_term(std::string& out, model::TermView term) {
  switch (term.kind) {
    case model::TermKind::iri:
      append_ntriples_iri(out, term.value);
      break;
    case model::TermKind::blank:
      append_ntriples_blank_node(out, term.value);
      break;
    case model::TermKind::literal:
      append_ntriples_literal(out, term);
      break;
  }
}

std::string ntriples_term(const store::Dictionary& dict, store::TermId id) {
  std::string out;
  append_ntriples_term(out, dict.term(id));
  return out;
}

}  // namespace ng::exporters
