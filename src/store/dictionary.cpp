// Interning for Dictionary: an open-addressing (linear probing) table of term
// ids keyed by a 64-bit hash of the term, so the hot path of a build (interning
// an IRI that is already known) is one hash, one probe and one string compare.
#include "store/dictionary.hpp"

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

bool is_plain_iri(const model::Term& t, std::string_view iri) {
  return t.kind == model::TermKind::iri && t.value == iri && t.language.empty() && t.datatype.empty();
}

}  // namespace

std::uint64_t Dictionary::hash_of_iri(std::string_view iri) {
  return mix(hash_text(iri) + static_cast<std::uint64_t>(model::TermKind::iri));
}

std::uint64_t Dictionary::hash_of(const model::Term& t) {
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
    if (slot.hash_tag == tag && matches(terms_[slot.id])) return i;
  }
}

TermId Dictionary::insert(std::size_t slot, std::uint64_t hash, model::Term&& t) {
  if (terms_.size() >= kNoTerm) throw std::length_error("dictionary: more than 2^32-1 terms");
  const auto id = static_cast<TermId>(terms_.size());
  terms_.push_back(std::move(t));
  slots_[slot] = {tag_of(hash), id};
  if (terms_.size() * 2 > slots_.size()) grow();
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

std::size_t Dictionary::slot_of(const model::Term& t, std::uint64_t hash) const {
  return probe(hash, [&](const model::Term& known) { return known == t; });
}

std::size_t Dictionary::slot_of_iri(std::string_view iri, std::uint64_t hash) const {
  return probe(hash, [&](const model::Term& known) { return is_plain_iri(known, iri); });
}

TermId Dictionary::intern(const model::Term& t) {
  const std::uint64_t hash = hash_of(t);
  const std::size_t slot = slot_of(t, hash);
  return slots_[slot].id != kNoTerm ? slots_[slot].id : insert(slot, hash, model::Term(t));
}

TermId Dictionary::intern(model::Term&& t) {
  const std::uint64_t hash = hash_of(t);
  const std::size_t slot = slot_of(t, hash);
  return slots_[slot].id != kNoTerm ? slots_[slot].id : insert(slot, hash, std::move(t));
}

TermId Dictionary::intern_iri(std::string_view iri) {
  const std::uint64_t hash = hash_of_iri(iri);
  const std::size_t slot = slot_of_iri(iri, hash);
  return slots_[slot].id != kNoTerm ? slots_[slot].id : insert(slot, hash, model::Term::iri(std::string(iri)));
}

std::optional<TermId> Dictionary::find(const model::Term& t) const {
  const TermId id = slots_[slot_of(t, hash_of(t))].id;
  return id == kNoTerm ? std::nullopt : std::optional<TermId>(id);
}

std::optional<TermId> Dictionary::find_iri(std::string_view iri) const {
  const TermId id = slots_[slot_of_iri(iri, hash_of_iri(iri))].id;
  return id == kNoTerm ? std::nullopt : std::optional<TermId>(id);
}

std::size_t Dictionary::memory_bytes() const {
  // A string's buffer is on the heap only past the small-string capacity.
  auto heap = [](const std::string& str) { return str.capacity() > 15 ? str.capacity() + 1 : 0; };
  std::size_t bytes = terms_.capacity() * sizeof(model::Term) + slots_.capacity() * sizeof(Slot);
  for (const auto& t : terms_) bytes += heap(t.value) + heap(t.language) + heap(t.datatype);
  return bytes;
}

}  // namespace ng::store
