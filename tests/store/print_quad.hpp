// Readable quads and provenance in GoogleTest failure messages (found by ADL).
#pragma once

#include <ostream>

#include "store/triple_store.hpp"

namespace ng::store {

inline void PrintTo(const Quad& q, std::ostream* os) {
  auto id = [&](TermId t) -> std::ostream& { return t == kNoTerm ? *os << '-' : *os << t; };
  *os << '(';
  id(q.s) << ' ';
  id(q.p) << ' ';
  id(q.o) << ' ';
  id(q.g) << ')';
}

inline void PrintTo(const Provenance& where, std::ostream* os) { *os << where.file << ':' << where.line; }

}  // namespace ng::store
