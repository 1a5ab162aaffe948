// Term dictionary: interns RDF terms to dense 32-bit ids (assigned in first-seen
// order, so ids are deterministic for the same input) and decodes them back.
// Each term's text is stored once, in an arena; a term is a 24-byte record of
// views into it, and lookup is an open-addressing table of ids.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/term.hpp"
#include "store/text_arena.hpp"

namespace ng::store {

using TermId = std::uint32_t;
inline constexpr TermId kNoTerm = 0xFFFFFFFFu;

class Dictionary {
public:
  TermId intern(model::TermView t);
  // Interns with a hash the caller computed (on another thread, say):
  // `hash` must be hash_term(t).
  TermId intern(model::TermView t, std::uint64_t hash);
  static std::uint64_t hash_term(model::TermView t) { return hash_of(t); }
  TermId intern_iri(std::string_view iri);
  std::optional<TermId> find(model::TermView t) const;
  std::optional<TermId> find_iri(std::string_view iri) const;
  // The view stays valid as long as the dictionary.
  model::TermView term(TermId id) const {
    const Record& r = records_[id];
    const char* text = text_.at(r.text);
    return {r.kind, {text, r.value_size}, {text + r.value_size, r.language_size},
            {text + r.value_size + r.language_size, r.datatype_size}};
  }
  std::size_t size() const { return records_.size(); }
  // Starts loading a term's record into cache (for writers that walk
  // scattered ids and can read a few ahead).
  void prefetch(TermId id) const { __builtin_prefetch(&records_[id]); }

  // Gives back most of the unused capacity the record vector's growth left,
  // keeping some room for the few terms a query adds.
  void shrink_to_fit();

  // Bytes this dictionary holds on the heap (terms, their strings, the table).
  std::size_t memory_bytes() const;

private:
  // A table slot: the id of a term and 32 bits of its hash, compared before
  // the term itself so that most probes never touch the term's strings.
  struct Slot {
    std::uint32_t hash_tag = 0;
    TermId id = kNoTerm;  // kNoTerm marks an empty slot
  };
  // A term: its value, language and datatype back to back in the arena.
  struct Record {
    TextArena::Where text;
    std::uint32_t value_size = 0;
    std::uint32_t language_size = 0;
    std::uint32_t datatype_size = 0;
    model::TermKind kind = model::TermKind::iri;
  };

  static std::uint64_t hash_of(model::TermView t);
  static std::uint64_t hash_of_iri(std::string_view iri);
  static constexpr int kInitialSlotBits = 10;

  // Index of the slot holding a term equal under `matches`, or of the empty
  // slot where it would go.
  std::size_t home_slot(std::uint32_t tag) const;
  template <class Matches>
  std::size_t probe(std::uint64_t hash, const Matches& matches) const;
  std::size_t slot_of(model::TermView t, std::uint64_t hash) const;
  std::size_t slot_of_iri(std::string_view iri, std::uint64_t hash) const;
  TermId insert(std::size_t slot, std::uint64_t hash, model::TermView t);
  void grow();

  TextArena text_;
  std::vector<Record> records_;
  std::vector<Slot> slots_ = std::vector<Slot>(std::size_t{1} << kInitialSlotBits);  // at most half full
  int slot_shift_ = 32 - kInitialSlotBits;  // tag >> slot_shift_ is a slot index
};

}  // namespace ng::store
