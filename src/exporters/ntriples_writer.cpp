// Statement loop of the N-Triples/N-Quads writers of a whole store:
// statements are formatted (statement_formatter.hpp) into one large string
// that goes to the stream in big blocks.
#include "exporters/ntriples_writer.hpp"

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>

#include "exporters/statement_formatter.hpp"

namespace ng::exporters {
namespace {

constexpr std::size_t kFlushBytes = 1 << 20;

// Formats statements of one store into a buffer flushed to `out`.
class StatementWriter {
 public:
  StatementWriter(const store::TripleStore& store, std::ostream& out, const WriteOptions& options)
      : format_(store.dictionary(), store.files(), options), out_(out) {
    buffer_.reserve(kFlushBytes + 4096);
  }

  void statement(const store::Quad& q, bool with_graph, store::Provenance where) {
    format_.append_spo(buffer_, q);
    if (with_graph) format_.append_graph(buffer_, q.g);
    format_.append_end(buffer_, where);
    if (buffer_.size() >= kFlushBytes) flush();
  }

  [[gnu::always_inline]] void prefetch(std::span<const store::Quad> quads, std::size_t i) const {
    format_.prefetch(quads, i);
  }

  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  StatementFormatter format_;
  std::ostream& out_;
  std::string buffer_;
};

bool earlier(store::Provenance a, store::Provenance b) { return a.file != b.file ? a.file < b.file : a.line < b.line; }

bool same_triple(const store::Quad& a, const store::Quad& b) { return a.s == b.s && a.p == b.p && a.o == b.o; }

// The end of the run of quads of one triple that starts at `i` (a triple in
// several graphs has adjacent quads in SPOG order), and its earliest source.
std::size_t triple_run_end(const store::TripleStore& store, std::span<const store::Quad> quads, std::size_t i,
                           store::Provenance& where) {
  where = store.provenance(i);
  std::size_t next = i + 1;
  for (; next < quads.size() && same_triple(quads[next], quads[i]); ++next)
    where = std::min(where, store.provenance(next), earlier);
  return next;
}

}  // namespace

void write_ntriples(const store::TripleStore& store, std::ostream& out, const WriteOptions& options) {
  StatementWriter writer(store, out, options);
  const auto quads = store.quads();
  // Quads of one triple in several graphs are adjacent in SPOG order.
  for (std::size_t i = 0; i < quads.size();) {
    store::Provenance where;
    const std::size_t next = triple_run_end(store, quads, i, where);
    writer.prefetch(quads, i);
    writer.statement(quads[i], false, where);
    i = next;
  }
  writer.flush();
}

void write_nquads(const store::TripleStore& store, std::ostream& out, const WriteOptions& options) {
  StatementWriter writer(store, out, options);
  const auto quads = store.quads();
  for (std::size_t i = 0; i < quads.size(); ++i) {
    writer.prefetch(quads, i);
    writer.statement(quads[i], true, store.provenance(i));
  }
  writer.flush();
}

}  // namespace ng::exporters
