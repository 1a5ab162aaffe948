// In-memory quad store: quads of term ids in sorted permutation indexes
// (SPOG, POSG, OSPG) so that any pattern of bound positions is a binary search
// to a contiguous range; provenance (file, line) rides beside the SPOG index.
// Build by add() then freeze(); queries run on a frozen store.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "store/dictionary.hpp"

namespace ng::store {

struct Quad {
  TermId s = kNoTerm, p = kNoTerm, o = kNoTerm;
  TermId g = kNoTerm;  // named graph; kNoTerm = default graph only
  bool operator==(const Quad&) const = default;
};

// Where a quad came from: an index into TripleStore::files() and a 1-based line.
struct Provenance {
  std::uint32_t file = 0;
  std::uint32_t line = 0;
  bool operator==(const Provenance&) const = default;
};

// A quad and where it came from, as sorted together.
struct QuadWithProvenance {
  Quad quad;
  Provenance where;
};

// kNoTerm in a position means "any".
struct QuadPattern {
  TermId s = kNoTerm, p = kNoTerm, o = kNoTerm, g = kNoTerm;
};

enum class Permutation { spo, pos, osp };

// A view over a contiguous run of one permutation, filtered by the bound
// positions the run's prefix does not cover. Iterates without copying: the
// quads themselves live once, in S,P,O,G order; the other permutations are
// runs of positions into that array.
class QuadRange {
 public:
  class iterator {
   public:
    using value_type = Quad;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(const Quad* quads, const std::uint32_t* order, std::size_t at, std::size_t end, QuadPattern filter)
        : quads_(quads), order_(order), at_(at), end_(end), filter_(filter) {
      skip();
    }
    const Quad& operator*() const { return quads_[order_ ? order_[at_] : at_]; }
    const Quad* operator->() const { return &**this; }
    iterator& operator++() {
      ++at_;
      skip();
      return *this;
    }
    iterator operator++(int) {
      auto t = *this;
      ++*this;
      return t;
    }
    bool operator==(const iterator& o) const { return at_ == o.at_; }

   private:
    void skip();
    const Quad* quads_ = nullptr;
    const std::uint32_t* order_ = nullptr;  // null: quads_ is in this permutation's order
    std::size_t at_ = 0, end_ = 0;
    QuadPattern filter_;
  };

  // Quads quads[order[i]] (or quads[i] without an order) for i in [begin, end).
  QuadRange(const Quad* quads, const std::uint32_t* order, std::size_t begin, std::size_t end, QuadPattern filter,
            Permutation perm)
      : quads_(quads), order_(order), begin_(begin), end_(end), filter_(filter), perm_(perm) {}
  iterator begin() const { return iterator(quads_, order_, begin_, end_, filter_); }
  iterator end() const { return iterator(quads_, order_, end_, end_, filter_); }
  // Upper bound on the number of quads (exact when no residual filter applies);
  // cheap, for the query planner's cardinality estimates.
  std::size_t size_estimate() const { return end_ - begin_; }
  bool exact() const;
  Permutation permutation() const { return perm_; }

 private:
  const Quad* quads_;
  const std::uint32_t* order_;
  std::size_t begin_, end_;
  QuadPattern filter_;  // positions still to check per quad
  Permutation perm_;
};

class TripleStore {
 public:
  Dictionary& dictionary() { return dict_; }
  const Dictionary& dictionary() const { return dict_; }

  // Registers a source file name; returns its index for Provenance::file.
  std::uint32_t add_file(std::string name);
  const std::vector<std::string>& files() const { return files_; }

  // Adds a quad; adding the same quad twice keeps the first provenance.
  void add(const Quad& q, Provenance where);
  void add(TermId s, TermId p, TermId o, TermId g, Provenance where) { add(Quad{s, p, o, g}, where); }

  // Sorts, removes duplicate quads and builds the permutations. Idempotent;
  // add() after freeze() un-freezes.
  void freeze();
  bool frozen() const { return frozen_; }
  // freeze() in two steps, for a caller that reads the quads in SPOG order
  // while the other permutations are built (notegraph build writes its files
  // meanwhile). sort_quads() makes quads(), provenance(), size(),
  // triple_count() and the dictionary final; index_permutations() writes only
  // the POS and OSP permutations, so those may be read while it runs, and
  // completes the freeze (scan() needs it).
  void sort_quads();
  void index_permutations();

  // While quads are added: how many were added since the last sort_quads(),
  // and sort_added(from), which sorts those from `from` on by S,P,O,G
  // (stably: of equal quads the first added stays first, with its
  // provenance) and returns them, for a caller that writes them while more
  // are added (notegraph build writes each window of extraction as it is
  // done). Quads added in S,P,O,G order are then taken by sort_quads() as
  // they are, without a copy or a sort.
  std::size_t added_count() const { return pending_.size(); }
  std::span<const Quad> sort_added(std::size_t from);

  // Number of distinct quads (frozen store).
  std::size_t size() const { return spo_.size(); }
  // All quads in S,P,O,G order (frozen store); a triple in several graphs
  // appears once per graph, adjacently.
  std::span<const Quad> quads() const { return spo_; }
  // Provenance of quads()[i].
  Provenance provenance(std::size_t index) const { return {file_of_.empty() ? 0 : file_of_[index], line_of_[index]}; }
  // Provenance of a quad present in the store (binary search on SPOG).
  std::optional<Provenance> provenance_of(const Quad& q) const;

  // Quads matching the pattern, from the permutation whose prefix covers the
  // most bound positions. The prefix always covers every bound S, P and O; a
  // bound G is checked per quad (a residual filter) unless S, P and O are all
  // bound, when G completes the SPOG prefix. A pattern cannot select the
  // default graph alone: kNoTerm in G means any graph.
  QuadRange scan(const QuadPattern& pattern) const;
  // Whether some quad has no named graph (g = kNoTerm); counted by freeze(),
  // so a query need not scan the store to pick its default graph.
  bool has_default_graph_quads() const { return has_default_graph_quads_; }
  // Number of distinct (s,p,o) triples, ignoring graphs.
  std::size_t triple_count() const;

  // Bytes the store holds on the heap: dictionary, permutations, provenance.
  std::size_t memory_bytes() const;

 private:
  Dictionary dict_;
  std::vector<std::string> files_;
  std::vector<Quad> pending_;
  std::vector<Provenance> pending_provenance_;
  std::vector<QuadWithProvenance> added_scratch_;  // sort_added()'s, kept between calls
  std::vector<Quad> spo_;                          // sorted by s,p,o,g
  // Provenance parallel to spo_: lines, and files unless every quad is from
  // file 0 (the common single-file load, 4 bytes a quad saved).
  std::vector<std::uint32_t> line_of_;
  std::vector<std::uint32_t> file_of_;
  std::vector<std::uint32_t> pos_;        // positions in spo_, sorted by p,o,s,g
  std::vector<std::uint32_t> osp_;        // positions in spo_, sorted by o,s,p,g
  std::size_t triple_count_ = 0;          // distinct (s,p,o) in spo_, counted by freeze()
  bool has_default_graph_quads_ = false;  // some quad in spo_ has g = kNoTerm
  TermId id_limit_ = 0;                   // one more than the largest id in spo_, for the permutations' counting sorts
  bool sorted_ = true;                    // spo_ holds every quad added (sort_quads() ran since the last add())
  bool frozen_ = true;                    // ... and the permutations are built
};

}  // namespace ng::store
