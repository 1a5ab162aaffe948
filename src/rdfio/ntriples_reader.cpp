// N-Triples/N-Quads grammar (W3C RECs 2014): one statement per line, terms
// separated by optional spaces or tabs, '#' comments, absolute IRIs only.
// Lines are parsed in place; a failed line is reported and skipped whole.
#include "rdfio/ntriples_reader.hpp"

#include <string>

#include "rdfio/lexical.hpp"
#include "rdfio/syntax_errors.hpp"
#include "rdfio/term_scanner.hpp"

namespace ng::rdfio {
namespace {

class NTriplesScanner {
public:
  NTriplesScanner(std::string_view text, bool quads, const ReadOptions &options, StatementSink &sink,
                  diag::Diagnostics &diags)
      : text_(text), quads_(quads), sink_(sink), errors_(text, options, diags, stats_) {}

  ReadStats run() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // a UTF-8 byte order mark
    while (pos_ < text_.size()) {
      if (!statement()) {
        errors_.report(error_.offset, error_.message);
        skip_to_line_end();
      }
      while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
        if (text_[pos_] == '\n') ++line_;
        ++pos_;
      }
    }
    return stats_;
  }

private:
  // Scratch buffers, one per position, so all five views live until the sink
  // returns.
  enum Slot { kSubject, kPredicate, kObject, kGraph, kDatatype, kSlots };

  bool fail(std::size_t offset, const char *message) {
    error_ = {offset, message};
    return false;
  }

  void skip_blanks() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }

  bool at_line_end() const { return pos_ >= text_.size() || text_[pos_] == '\n' || text_[pos_] == '\r'; }

  void skip_to_line_end() {
    while (!at_line_end()) ++pos_;
  }

  bool iri(TermView &out, Slot slot) {
    const std::size_t start = pos_;
    if (!scan_iriref(text_, pos_, scratch_[slot], out.value, error_)) return false;
    if (!lexical::has_scheme(out.value)) return fail(start, "relative IRI (N-Triples needs absolute IRIs)");
    out.kind = model::TermKind::iri;
    out.language = out.datatype = {};
    return true;
  }

  bool blank_node(TermView &out) {
    out.kind = model::TermKind::blank;
    out.language = out.datatype = {};
    return scan_blank_node_label(text_, pos_, out.value, error_);
  }

  bool literal(TermView &out) {
    out.kind = model::TermKind::literal;
    out.language = out.datatype = {};
    if (!scan_string(text_, pos_, false, scratch_[kObject], out.value, error_)) return false;
    if (pos_ < text_.size() && text_[pos_] == '@') return scan_language(text_, pos_, out.language, error_);
    if (pos_ + 1 < text_.size() && text_[pos_] == '^' && text_[pos_ + 1] == '^') {
      pos_ += 2;
      if (pos_ >= text_.size() || text_[pos_] != '<') return fail(pos_, "expected a datatype IRI after '^^'");
      TermView datatype;
      if (!iri(datatype, kDatatype)) return false;
      out.datatype = datatype.value;
    }
    return true;
  }

  bool subject_or_graph(TermView &out, Slot slot, const char *expected) {
    if (pos_ < text_.size() && text_[pos_] == '<') return iri(out, slot);
    if (pos_ < text_.size() && text_[pos_] == '_') return blank_node(out);
    return fail(pos_, expected);
  }

  // One line: blank, a comment, or a statement with an optional comment.
  bool statement() {
    skip_blanks();
    if (at_line_end() || text_[pos_] == '#') {
      skip_to_line_end();
      return true;
    }
    if (!subject_or_graph(subject_, kSubject, "expected an IRI or a blank node as subject")) return false;
    skip_blanks();
    if (pos_ >= text_.size() || text_[pos_] != '<') return fail(pos_, "expected an IRI as predicate");
    if (!iri(predicate_, kPredicate)) return false;
    skip_blanks();
    if (pos_ >= text_.size()) return fail(pos_, "expected an object");
    const char c = text_[pos_];
    if (c == '<') {
      if (!iri(object_, kObject)) return false;
    } else if (c == '_') {
      if (!blank_node(object_)) return false;
    } else if (c == '"') {
      if (!literal(object_)) return false;
    } else {
      return fail(pos_, "expected an IRI, a blank node or a literal as object");
    }
    skip_blanks();
    bool has_graph = false;
    if (quads_ && pos_ < text_.size() && text_[pos_] != '.') {
      if (!subject_or_graph(graph_, kGraph, "expected a graph label or '.'")) return false;
      has_graph = true;
      skip_blanks();
    }
    if (pos_ >= text_.size() || text_[pos_] != '.') return fail(pos_, "expected '.' to end the statement");
    ++pos_;
    skip_blanks();
    if (!at_line_end() && text_[pos_] != '#') return fail(pos_, "expected the end of the line after '.'");
    skip_to_line_end();
    ++stats_.statements;
    sink_.statement(subject_, predicate_, object_, has_graph ? &graph_ : nullptr, line_);
    return true;
  }

  std::string_view text_;
  bool quads_;
  StatementSink &sink_;
  ReadStats stats_;
  SyntaxErrors errors_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  ScanError error_;
  std::string scratch_[kSlots];
  TermView subject_, predicate_, object_, graph_;
};

}  // namespace

ReadStats read_ntriples(std::string_view text, const ReadOptions &options, StatementSink &sink,
                        diag::Diagnostics &diags) {
  return NTriplesScanner(text, false, options, sink, diags).run();
}

ReadStats read_nquads(std::string_view text, const ReadOptions &options, StatementSink &sink,
                      diag::Diagnostics &diags) {
  return NTriplesScanner(text, true, options, sink, diags).run();
}

}  // namespace ng::rdfio
