// Interning for Dictionary: an open-addressing (linear probing) table of term
// ids keyed by a 64-bit hash of the term, so the hot path of a build (interning
// an IRI that is already known) is one hash, one probe and one string compare.
#include "store/dictionary.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <stdexcept>

namespace ng::store {
namespace {

// Final mixer of MurmurHash3: spreads the string hash over all bits, since the
// high 32 bits become the tag that both picks the slot and filters compares.
std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

std::uint64_t hash_text(std::string_view text) { return std::hash<std::string_view>{}(text); }

std::uint32_t tag_of(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32); }

bool is_plain_iri(const model::TermView& t, std::string_view iri) {
  return t.kind == model::TermKind::iri && t.value == iri && t.language.empty() && t.datatype.empty();
}

}  // namespace

std::uint64_t Dictionary::hash_of_iri(std::string_view iri) {
  return mix(hash_text(iri) + static_cast<std::uint64_t>(model::TermKind::iri));
}

std::uint64_t Dictionary::hash_of(model::TermView t) {
  // Must agree with hash_of_iri for IRIs, which have no language or datatype.
  std::uint64_t h = hash_text(t.value) + static_cast<std::uint64_t>(t.kind);
  if (!t.language.empty()) h = mix(h) ^ hash_text(t.language);
  if (!t.datatype.empty()) h = mix(h + 1) ^ hash_text(t.datatype);
  return mix(h);
}

// The slot index is the top bits of the tag, so growing the table moves slots
// by their tags alone without rehashing any term.
std::size_t Dictionary::home_slot(std::uint32_t tag) const { return static_cast<std::size_t>(tag) >> slot_shift_; }

template <class Matches>
std::size_t Dictionary::probe(std::uint64_t hash, const Matches& matches) const {
  const std::size_t mask = slots_.size() - 1;
  const std::uint32_t tag = tag_of(hash);
  for (std::size_t i = home_slot(tag);; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id == kNoTerm) return i;
    if (slot.hash_tag == tag && matches(term(slot.id))) return i;
  }
}

TermId Dictionary::insert(std::size_t slot, std::uint64_t hash, model::TermView t) {
  if (records_.size() >= kNoTerm) throw std::length_error("dictionary: more than 2^32-1 terms");
  if (t.value.size() > UINT32_MAX || t.language.size() > UINT32_MAX || t.datatype.size() > UINT32_MAX)
    throw std::length_error("dictionary: a term longer than 4 GiB");
  const auto id = static_cast<TermId>(records_.size());
  records_.push_back({text_.append(t.value, t.language, t.datatype), static_cast<std::uint32_t>(t.value.size()),
                      static_cast<std::uint32_t>(t.language.size()), static_cast<std::uint32_t>(t.datatype.size()),
                      t.kind});
  slots_[slot] = {tag_of(hash), id};
  if (records_.size() * 2 > slots_.size()) grow();
  return id;
}

void Dictionary::grow() {
  if (slot_shift_ == 0) throw std::length_error("dictionary: hash table full");
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.size() * 2, Slot{});
  --slot_shift_;
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id == kNoTerm) continue;
    std::size_t i = home_slot(s.hash_tag);
    while (slots_[i].id != kNoTerm) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

std::size_t Dictionary::slot_of(model::TermView t, std::uint64_t hash) const {
  return probe(hash, [&](const model::TermView& known) { return known == t; });
}

std::size_t Dictionary::slot_of_iri(std::string_view iri, std::uint64_t hash) const {
  return probe(hash, [&](const model::TermView& known) { return is_plain_iri(known, iri); });
}

TermId Dictionary::intern(model::TermView t) { return intern(t, hash_of(t)); }

TermId Dictionary::intern(model::TermView t, std::uint64_t hash) {
  const std::size_t slot = slot_of(t, hash);
  return slots_[slot].id != kNoTerm ? slots_[slot].id : insert(slot, hash, t);
}

TermId Dictionary::intern_iri(std::string_view iri) {
  const std::uint64_t hash = hash_of_iri(iri);
  const std::size_t slot = slot_of_iri(iri, hash);
  return slots_[slot].id != kNoTerm ? slots_[slot].id : insert(slot, hash, {model::TermKind::iri, iri, {}, {}});
}

std::optional<TermId> Dictionary::find(model::TermView t) const {
  const TermId id = slots_[slot_of(t, hash_of(t))].id;
  return id == kNoTerm ? std::nullopt : std::optional<TermId>(id);
}

std::optional<TermId> Dictionary::find_iri(std::string_view iri) const {
  const TermId id = slots_[slot_of_iri(iri, hash_of_iri(iri))].id;
  return id == kNoTerm ? std::nullopt : std::optional<TermId>(id);
}

void Dictionary::shrink_to_fit() {
  std::vector<Record> fitted;
  fitted.reserve(records_.size() + std::max<std::size_t>(1024, records_.size() / 32));
  fitted.assign(records_.begin(), records_.end());
  records_.swap(fitted);
}

std::size_t Dictionary::memory_bytes() const {
  return text_.memory_bytes() + records_.capacity() * sizeof(Record) + slots_.capacity() * sizeof(Slot);
}

}  // namespace ng::store
