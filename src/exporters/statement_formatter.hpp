// Formatting of N-Triples/N-Quads statements, shared by the writers of a
// whole store (ntriples_writer.cpp) and of quads handed over while a store
// is built (quad_stream_writer.cpp): the subject and predicate text is reused
// while consecutive quads share them (SPOG order makes that the common case),
// and an IRI is escaped only once.
#pragma once

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "exporters/ntriples_term.hpp"
#include "exporters/ntriples_writer.hpp"
#include "store/dictionary.hpp"
#include "store/triple_store.hpp"

namespace ng::exporters {

class StatementFormatter {
 public:
  // `files` names the files of the provenance written with options.with_lines.
  StatementFormatter(const store::Dictionary& dict, const std::vector<std::string>& files, const WriteOptions& options)
      : dict_(dict), files_(files), options_(options), iri_at_(dict.size(), kNotWritten) {}
  StatementFormatter(const StatementFormatter&) = delete;
  StatementFormatter& operator=(const StatementFormatter&) = delete;

  // "<s> <p> o": the statement up to its graph.
  void append_spo(std::string& out, const store::Quad& q) {
    if (q.s != cached_subject_) {
      cached_subject_ = q.s;
      cached_predicate_ = store::kNoTerm;
      subject_text_.clear();
      append_ntriples_term(subject_text_, dict_.term(q.s));
      subject_text_ += ' ';
    }
    if (q.p != cached_predicate_) {
      cached_predicate_ = q.p;
      predicate_text_.clear();
      append_cached(predicate_text_, q.p);
      predicate_text_ += ' ';
    }
    out += subject_text_;
    out += predicate_text_;
    append_cached(out, q.o);
  }

  // " <g>" after a quad's object; nothing for the default graph.
  void append_graph(std::string& out, store::TermId g) {
    if (g == store::kNoTerm) return;
    // A file's quads share one graph: encode its IRI once per run of them.
    if (g != cached_graph_) {
      cached_graph_ = g;
      graph_text_ = " ";
      append_ntriples_term(graph_text_, dict_.term(g));
    }
    out += graph_text_;
  }

  // " ." and, when asked for, the source comment, and the line break.
  void append_end(std::string& out, store::Provenance where) {
    out += " .";
    if (options_.with_lines) append_source_comment(out, where);
    out += '\n';
  }

  // Objects are scattered ids, so reading their terms is a cache miss each;
  // fetch the term a few statements ahead and its text (which needs the term)
  // half as far ahead, so both are in cache when the statement is written.
  // An IRI already written is copied from iri_texts_ instead (its place in
  // iri_at_ is fetched ahead too). Always inlined: GCC finds an out-of-line
  // prefetch free of side effects and drops the call.
  [[gnu::always_inline]] void prefetch(std::span<const store::Quad> quads, std::size_t i) const {
    constexpr std::size_t kTermAhead = 16, kTextAhead = 8;
    if (i + kTermAhead < quads.size()) {
      const store::TermId o = quads[i + kTermAhead].o;
      if (o < iri_at_.size()) __builtin_prefetch(&iri_at_[o]);
      dict_.prefetch(o);
    }
    if (i + kTextAhead < quads.size()) {
      const store::TermId o = quads[i + kTextAhead].o;
      if (o < iri_at_.size() && iri_at_[o] != kNotWritten)
        __builtin_prefetch(iri_texts_.data() + iri_at_[o]);
      else
        __builtin_prefetch(dict_.term(o).value.data());
    }
  }

 private:
  static constexpr std::uint32_t kNotWritten = UINT32_MAX;

  // A predicate's or object's N-Triples text. IRIs recur (a predicate in
  // every subject's run, a service mentioned from many sections) and are
  // escaped once, then copied; literals are mostly distinct and escaped each
  // time. The dictionary may have grown since the last statement (when the
  // store is still being built): the table of written IRIs grows with it.
  void append_cached(std::string& out, store::TermId id) {
    if (id < iri_at_.size() && iri_at_[id] != kNotWritten) {
      const char* at = iri_texts_.data() + iri_at_[id];
      std::uint32_t length;
      std::memcpy(&length, at, sizeof length);
      out.append(at + sizeof length, length);
      return;
    }
    const model::TermView term = dict_.term(id);
    if (id >= iri_at_.size() && id < dict_.size())
      iri_at_.resize(std::max(dict_.size(), 2 * iri_at_.size()), kNotWritten);
    if (term.kind != model::TermKind::iri || id >= iri_at_.size() || iri_texts_.size() > kMaxIriTextBytes) {
      append_ntriples_term(out, term);
      return;
    }
    const std::size_t before = out.size();
    append_ntriples_term(out, term);
    const auto length = static_cast<std::uint32_t>(out.size() - before);
    iri_at_[id] = static_cast<std::uint32_t>(iri_texts_.size());
    iri_texts_.append(reinterpret_cast<const char*>(&length), sizeof length);
    iri_texts_.append(out, before, length);
  }

  // " # file:line"; nothing when the file index is unknown, and no ":line"
  // when the line is unknown (0). The file name is escaped so that it cannot end the
  // comment: '\' as "\\", LF as "\n", CR as "\r".
  void append_source_comment(std::string& out, store::Provenance where) {
    if (where.file >= files_.size()) return;
    if (where.file != cached_file_) {
      cached_file_ = where.file;
      file_comment_ = " # ";
      for (char c : files_[where.file]) {
        switch (c) {
          case '\\':
            file_comment_ += "\\\\";
            break;
          case '\n':
            file_comment_ += "\\n";
            break;
          case '\r':
            file_comment_ += "\\r";
            break;
          default:
            file_comment_ += c;
        }
      }
    }
    out += file_comment_;
    if (where.line == 0) return;
    char digits[16];
    const auto end = std::to_chars(digits, digits + sizeof digits, where.line).ptr;
    out += ':';
    out.append(digits, end);
  }

  const store::Dictionary& dict_;
  const std::vector<std::string>& files_;
  const WriteOptions& options_;
  store::TermId cached_subject_ = store::kNoTerm;
  store::TermId cached_predicate_ = store::kNoTerm;
  std::string subject_text_;
  std::string predicate_text_;
  store::TermId cached_graph_ = store::kNoTerm;
  std::string graph_text_;  // " <graph>" for cached_graph_
  std::uint32_t cached_file_ = UINT32_MAX;
  std::string file_comment_;  // " # " and the escaped name of cached_file_
  // Offsets kept in 32 bits: past this much text, IRIs are escaped every time.
  static constexpr std::size_t kMaxIriTextBytes = std::size_t{1} << 31;
  std::vector<std::uint32_t> iri_at_;  // per term id: its text's place in iri_texts_, or kNotWritten
  std::string iri_texts_;              // per IRI written: 4-byte length, then "<...>"
};

}  // namespace ng::exporters
