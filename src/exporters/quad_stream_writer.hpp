// N-Triples and N-Quads written while a store is still being built: quads are
// handed over a window at a time, in S,P,O,G order, each window's subjects
// after the last one's, and each statement is formatted once for both files.
// notegraph build writes its files this way during extraction, so that the
// disk works while the text is still scanned. The bytes are those of
// write_ntriples() and write_nquads() on the finished store.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "exporters/statement_formatter.hpp"
#include "store/dictionary.hpp"
#include "store/triple_store.hpp"

namespace ng::exporters {

class QuadStreamWriter {
 public:
  // Terms are read from `dict` as quads come, so it may grow in between.
  QuadStreamWriter(const store::Dictionary& dict, std::ostream& triples, std::ostream& quads);
  QuadStreamWriter(const QuadStreamWriter&) = delete;
  QuadStreamWriter& operator=(const QuadStreamWriter&) = delete;

  // Writes `window` (sorted by S,P,O,G; equal quads adjacent): each distinct
  // quad to the N-Quads, each distinct triple to the N-Triples. Returns false,
  // writing nothing, when the window is out of order or its first subject
  // does not come after every subject written before: the files could not
  // be in S,P,O,G order, and the caller writes the finished store instead.
  bool write(std::span<const store::Quad> window);
  // Hands what is buffered to the streams.
  void flush();

 private:
  static constexpr std::size_t kFlushBytes = 1 << 20;

  WriteOptions options_;               // none: build writes no source comments
  std::vector<std::string> no_files_;  // nor needs the file names
  StatementFormatter format_;
  std::ostream& triples_out_;
  std::ostream& quads_out_;
  std::string triples_, quads_;  // formatted, not yet handed over
  bool any_ = false;
  store::Quad last_{};  // the last quad written, when any_
};

}  // namespace ng::exporters
