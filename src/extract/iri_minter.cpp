// Slugs and IRIs. Non-ASCII letters and digits are kept as UTF-8 (IRIs allow
// them, and Korean slugs stay readable); utf8proc decides what is a letter.
#include "extract/iri_minter.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/script_class.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ng::extract {

namespace {

bool is_letter_or_digit(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
      return c != 0xFFFD;
    default:
      return false;
  }
}

bool is_acronym(std::string_view s) {
  if (s.empty() || s.size() > 12) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-')) return false;
  return true;
}

}  // namespace

namespace {

// Code points that NFC leaves alone whatever surrounds them (quick-check Yes,
// and not a mark that composes with what precedes): ASCII, Latin-1 and
// Latin Extended, Hangul syllables, CJK ideographs and kana (without the
// combining voiced marks), common punctuation, full/half-width forms, emoji.
// Text made only of these is already NFC, which spares utf8proc on the hot
// path; anything else goes through utf8proc.
bool nfc_stable(char32_t c) {
  return c < 0x300 || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x3098) ||
         (c >= 0x309B && c <= 0x30FF) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
         (c >= 0xFF01 && c <= 0xFFEF) || (c >= 0x1F300 && c <= 0x1FAFF);
}

}  // namespace

#if defined(__SSE2__)
// True when the 16 bytes at p (and p[16], read to see what follows a lead at
// p[15]) hold no lead byte but those of code points nfc_stable() accepts
// whatever follows: U+0080..U+02FF (leads C2..CB), Hangul syllables (EB, EC;
// EA followed by B0..BF; ED followed by 80..9D) and CJK ideographs
// U+5000..U+9FFF (E5..E9). Continuation bytes belong to a lead already judged.
// Exact for well-formed UTF-8; on malformed text it may accept what the
// scalar walk rejects, which changes nothing, as to_nfc() leaves malformed
// text as it is.
bool block_nfc_stable(const unsigned char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  if (_mm_movemask_epi8(v) == 0) return true;  // ASCII
  const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
  auto in_range = [](__m128i x, unsigned char lo, unsigned char hi) {  // lo <= x <= hi, unsigned
    return _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(x, _mm_set1_epi8(static_cast<char>(lo))), x),
                         _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(static_cast<char>(hi))), x));
  };
  const __m128i lead = in_range(v, 0xC0, 0xFF);
  __m128i ok = _mm_or_si128(in_range(v, 0xC2, 0xCB), in_range(v, 0xE5, 0xE9));
  ok = _mm_or_si128(ok, in_range(v, 0xEB, 0xEC));
  ok = _mm_or_si128(
      ok, _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xEA))), in_range(next, 0xB0, 0xBF)));
  ok = _mm_or_si128(
      ok, _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xED))), in_range(next, 0x80, 0x9D)));
  return _mm_movemask_epi8(_mm_andnot_si128(ok, lead)) == 0;
}
#endif

bool is_nfc_stable(std::string_view s) {
  const auto* const begin = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const end = begin + s.size();
  // One code point (or eight ASCII bytes) from p: false when it is not
  // stable. ASCII and precomposed Hangul syllables (U+AC00..U+D7A3) skip the
  // general decode: most notes text is these.
  auto step = [&](const unsigned char*& p) {
    if (end - p >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, sizeof word);
      if ((word & 0x8080808080808080ull) == 0) {
        p += 8;
        return true;
      }
    }
    if (*p < 0x80) {
      ++p;
      return true;
    }
    if (*p >= 0xEA && *p <= 0xED && end - p >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
      const char32_t c = (static_cast<char32_t>(*p & 0x0F) << 12) | (static_cast<char32_t>(p[1] & 0x3F) << 6) |
                         static_cast<char32_t>(p[2] & 0x3F);
      if (c >= 0xAC00 && c <= 0xD7A3) {
        p += 3;
        return true;
      }
    }
    std::size_t len = 1;
    if (!nfc_stable(decode_at(s, static_cast<std::size_t>(p - begin), len))) return false;
    p += len;
    return true;
  };
  const unsigned char* p = begin;
#if defined(__SSE2__)
  // Sixteen bytes at a time while there is a seventeenth to read; a block
  // with another lead byte is walked a code point at a time.
  while (end - p > 16) {
    if (block_nfc_stable(p)) {
      p += 16;
      continue;
    }
    // Continuation bytes at the block's start end a code point whose lead
    // an accepted block judged.
    const unsigned char* const stop = p + 16;
    while (p < stop && (*p & 0xC0) == 0x80) ++p;
    while (p < stop)
      if (!step(p)) return false;
  }
  while (p < end && (*p & 0xC0) == 0x80) ++p;  // the same after the last block
#endif
  while (p < end)
    if (!step(p)) return false;
  return true;
}

std::string to_nfc(std::string_view s) {
  if (is_nfc_stable(s)) return std::string(s);
  utf8proc_uint8_t* out = nullptr;
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
                        &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0) return std::string(s);  // invalid UTF-8 was already reported and replaced by the parser
  std::string result(reinterpret_cast<char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return result;
}

std::string slugify(std::string_view text) {
  constexpr std::size_t kMaxSlugBytes = 80;
  std::string slug;
  slug.reserve(std::min(text.size(), kMaxSlugBytes) + 4);  // one allocation, not one per doubling
  bool dash = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    char32_t c = decode_at(text, i, len);
    if (is_letter_or_digit(c)) {
      if (slug.size() + len + (dash ? 1 : 0) > kMaxSlugBytes) {
        // Cut at the last word boundary rather than inside a word.
        auto last_dash = slug.rfind('-');
        if (!dash && last_dash != std::string::npos && last_dash > kMaxSlugBytes / 2) slug.resize(last_dash);
        break;
      }
      if (dash && !slug.empty()) slug += '-';
      dash = false;
      if (c < 0x80)
        slug += static_cast<char>(std::tolower(static_cast<int>(c)));
      else
        slug.append(text.substr(i, len));
    } else {
      dash = true;
    }
    i += len;
  }
  return slug;
}

std::string iri_path_escape(std::string_view path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < path.size();) {
    std::size_t len = 1;
    char32_t c = decode_at(path, i, len);
    bool keep = c >= 0x80
                    ? (c != 0xFFFD && is_letter_or_digit(c))
                    : (std::isalnum(static_cast<int>(c)) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/');
    if (keep) {
      out.append(path.substr(i, len));
    } else {
      for (std::size_t k = 0; k < len; ++k) {
        auto b = static_cast<unsigned char>(path[i + k]);
        out += '%';
        out += hex[b >> 4];
        out += hex[b & 15];
      }
    }
    i += len;
  }
  return out;
}

std::string_view strip_vendor(std::string_view name, const std::vector<std::string>& vendors) {
  for (const auto& v : vendors) {
    if (name.size() <= v.size() + 1) continue;
    bool same = true;
    for (std::size_t k = 0; k < v.size() && same; ++k)
      same = std::tolower(static_cast<unsigned char>(name[k])) == std::tolower(static_cast<unsigned char>(v[k]));
    if (!same || (name[v.size()] != ' ' && name[v.size()] != '\t')) continue;
    std::string_view rest = name.substr(v.size());
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    std::size_t len = 1;
    if (!rest.empty() && is_latin_alnum(decode_at(rest, 0, len))) return rest;
  }
  return name;
}

namespace {

// The IRIs given so far, by their part after the base: an open-addressing
// table of views into the entities' IRIs (which stay where they are while
// IRIs are minted), each slot with its hash, so that a probe rarely reads a
// string. A node-based set of 100,000 strings was a cache miss per probe.
class TakenNames {
 public:
  // Room for `capacity` names, never more than half full.
  explicit TakenNames(std::size_t capacity) : capacity_(capacity) {
    std::size_t size = 1024;
    while (size < 2 * capacity) size *= 2;
    slots_.resize(size);
  }

  bool contains(std::string_view name) const { return slots_[find(name, hash(name))].name.data() != nullptr; }

  // `name` must outlive the table.
  void insert(std::string_view name) {
    const std::size_t h = hash(name);
    Slot& slot = slots_[find(name, h)];
    if (slot.name.data() != nullptr) return;
    if (count_ == capacity_) throw std::logic_error("mint_iris: more names than entities");
    slot = {name, h};
    ++count_;
  }

 private:
  struct Slot {
    std::string_view name;  // data() nullptr: empty
    std::size_t hash = 0;
  };

  static std::size_t hash(std::string_view name) { return std::hash<std::string_view>{}(name); }

  std::size_t find(std::string_view name, std::size_t h) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.name.data() == nullptr || (slot.hash == h && slot.name == name)) return i;
    }
  }

  std::vector<Slot> slots_;
  std::size_t capacity_;
  std::size_t count_ = 0;
};

}  // namespace

void mint_iris(EntityModel& model, const std::string& base, const std::vector<std::string>& vendors,
               std::uint32_t priority_class) {
  TakenNames taken(model.entities.size());  // one name per entity
  // Next suffix to try per slug, so that thousands of equal slugs cost one
  // probe each instead of one per earlier holder.
  std::unordered_map<std::string, int> next_suffix;
  auto claim = [&](Entity& e, std::string slug) {
    if (slug.empty()) slug = e.kind == EntityKind::term ? "term" : "section";
    // The IRI is written once, in place: base, slug, and a suffix if taken.
    e.iri.reserve(base.size() + slug.size() + 8);
    e.iri.assign(base).append(slug);
    if (taken.contains(slug)) {
      int& n = next_suffix.try_emplace(slug, 2).first->second;
      do {
        e.iri.resize(base.size() + slug.size());
        e.iri.append("-").append(std::to_string(n++));
      } while (taken.contains(std::string_view(e.iri).substr(base.size())));
    }
    taken.insert(std::string_view(e.iri).substr(base.size()));
  };
  auto slug_of = [&](const Entity& e) {
    for (const auto& alt : e.alt_labels)
      if (is_acronym(alt)) return slugify(alt);
    return slugify(strip_vendor(e.label, vendors));
  };
  for (auto& d : model.docs) {
    Entity& e = model.entities[d.entity];
    e.iri = base + "doc/" + iri_path_escape(d.name);
    taken.insert(std::string_view(e.iri).substr(base.size()));
  }
  // Three passes give services the plain names, then sections, then terms.
  for (int pass = 0; pass < 3; ++pass) {
    for (auto& e : model.entities) {
      if (e.kind == EntityKind::document || !e.iri.empty()) continue;
      bool priority = model.has_class(e, priority_class);
      bool due = pass == 0 ? priority : pass == 1 ? e.kind == EntityKind::section : true;
      if (due) claim(e, slug_of(e));
    }
  }
}

}  // namespace ng::extract
