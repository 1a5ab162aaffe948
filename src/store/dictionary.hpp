// Term dictionary: interns RDF terms to dense 32-bit ids (assigned in first-seen
// order, so ids are deterministic for the same input) and decodes them back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/term.hpp"

namespace ng::store {

using TermId = std::uint32_t;
inline constexpr TermId kNoTerm = 0xFFFFFFFFu;

class Dictionary {
public:
  TermId intern(const model::Term& t);
  TermId intern_iri(std::string_view iri);
  std::optional<TermId> find(const model::Term& t) const;
  const model::Term& term(TermId id) const { return terms_[id]; }
  std::size_t size() const { return terms_.size(); }

private:
  static std::string key_of(const model::Term& t);
  std::vector<model::Term> terms_;
  std::unordered_map<std::string, TermId> ids_;  // key_of(term) -> id
};

}  // namespace ng::store
