// Term dictionary: interns RDF terms to dense 32-bit ids (assigned in first-seen
// order, so ids are deterministic for the same input) and decodes them back.
// Lookup is an open-addressing table of ids, so each term's text is stored once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/term.hpp"

namespace ng::store {

using TermId = std::uint32_t;
inline constexpr TermId kNoTerm = 0xFFFFFFFFu;

class Dictionary {
public:
  TermId intern(const model::Term& t);
  TermId intern(model::Term&& t);
  // Builds a Term only when the IRI is new.
  TermId intern_iri(std::string_view iri);
  std::optional<TermId> find(const model::Term& t) const;
  std::optional<TermId> find_iri(std::string_view iri) const;
  // The reference stays valid until the next new term is interned.
  const model::Term& term(TermId id) const { return terms_[id]; }
  std::size_t size() const { return terms_.size(); }

  // Gives back the unused capacity the term vector's growth left; references
  // from term() are invalidated as by an intern of a new term.
  void shrink_to_fit() { terms_.shrink_to_fit(); }

  // Bytes this dictionary holds on the heap (terms, their strings, the table).
  std::size_t memory_bytes() const;

private:
  // A table slot: the id of a term and 32 bits of its hash, compared before
  // the term itself so that most probes never touch the term's strings.
  struct Slot {
    std::uint32_t hash_tag = 0;
    TermId id = kNoTerm;  // kNoTerm marks an empty slot
  };

  static std::uint64_t hash_of(const model::Term& t);
  static std::uint64_t hash_of_iri(std::string_view iri);
  static constexpr int kInitialSlotBits = 10;

  // Index of the slot holding a term equal under `matches`, or of the empty
  // slot where it would go.
  std::size_t home_slot(std::uint32_t tag) const;
  template <class Matches>
  std::size_t probe(std::uint64_t hash, const Matches& matches) const;
  std::size_t slot_of(const model::Term& t, std::uint64_t hash) const;
  std::size_t slot_of_iri(std::string_view iri, std::uint64_t hash) const;
  TermId insert(std::size_t slot, std::uint64_t hash, model::Term&& t);
  void grow();

  std::vector<model::Term> terms_;
  std::vector<Slot> slots_ = std::vector<Slot>(std::size_t{1} << kInitialSlotBits);  // at most half full
  int slot_shift_ = 32 - kInitialSlotBits;  // tag >> slot_shift_ is a slot index
};

}  // namespace ng::store
