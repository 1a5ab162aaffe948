// QuadStreamWriter: a statement's "<s> <p> o" is formatted once, into the
// N-Quads buffer, and copied from there into the N-Triples buffer.
#include "exporters/quad_stream_writer.hpp"

#include <algorithm>
#include <tuple>

namespace ng::exporters {

namespace {

bool spog_less(const store::Quad& a, const store::Quad& b) {
  return std::tie(a.s, a.p, a.o, a.g) < std::tie(b.s, b.p, b.o, b.g);
}

bool same_triple(const store::Quad& a, const store::Quad& b) { return a.s == b.s && a.p == b.p && a.o == b.o; }

}  // namespace

QuadStreamWriter::QuadStreamWriter(const store::Dictionary& dict, std::ostream& triples, std::ostream& quads)
    : format_(dict, no_files_, options_), triples_out_(triples), quads_out_(quads) {
  triples_.reserve(kFlushBytes + 4096);
  quads_.reserve(kFlushBytes + 4096);
}

bool QuadStreamWriter::write(std::span<const store::Quad> window) {
  if (window.empty()) return true;
  if (any_ && window.front().s <= last_.s) return false;
  if (!std::is_sorted(window.begin(), window.end(), spog_less)) return false;
  for (std::size_t i = 0; i < window.size(); ++i) {
    const store::Quad& q = window[i];
    if (any_ && q == last_) continue;
    format_.prefetch(window, i);
    const bool new_triple = !any_ || !same_triple(q, last_);
    const std::size_t begin = quads_.size();
    format_.append_spo(quads_, q);
    if (new_triple) {
      triples_.append(quads_, begin, quads_.size() - begin);
      format_.append_end(triples_, {});
    }
    format_.append_graph(quads_, q.g);
    format_.append_end(quads_, {});
    last_ = q;
    any_ = true;
    if (quads_.size() >= kFlushBytes) flush();
  }
  return true;
}

void QuadStreamWriter::flush() {
  triples_out_.write(triples_.data(), static_cast<std::streamsize>(triples_.size()));
  quads_out_.write(quads_.data(), static_cast<std::streamsize>(quads_.size()));
  triples_.clear();
  quads_.clear();
}

}  // namespace ng::exporters
