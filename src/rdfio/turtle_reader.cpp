// Recursive descent over the Turtle grammar, one function per production
// (statement, triples, predicateObjectList, objectList, object, collection,
// blankNodePropertyList, literals, prefixed names). Terms that must outlive
// nested productions are owned strings, reused across a list's items.
#include "rdfio/turtle_reader.hpp"

#include <string>
#include <unordered_map>

#include "model/vocab.hpp"
#include "rdfio/iri_resolver.hpp"
#include "rdfio/lexical.hpp"
#include "rdfio/syntax_errors.hpp"
#include "rdfio/term_scanner.hpp"

namespace ng::rdfio {
namespace {

struct ParsedTerm {
  model::TermKind kind = model::TermKind::iri;
  std::string value, language, datatype;

  TermView view() const { return {kind, value, language, datatype}; }
  void set(model::TermKind k, std::string_view v) {
    kind = k;
    value.assign(v);
    language.clear();
    datatype.clear();
  }
};

constexpr int kMaxNesting = 256;  // of [] and ( ), so hostile input cannot exhaust the stack

class TurtleParser {
public:
  TurtleParser(std::string_view text, const ReadOptions &options, StatementSink &sink, diag::Diagnostics &diags)
      : text_(text), base_(options.base_iri), sink_(sink), errors_(text, options, diags, stats_) {
    rdf_first_.set(model::TermKind::iri, std::string(vocab::rdf) + "first");
    rdf_rest_.set(model::TermKind::iri, std::string(vocab::rdf) + "rest");
    rdf_nil_.set(model::TermKind::iri, std::string(vocab::rdf) + "nil");
  }

  ReadStats run() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    for (;;) {
      skip_space();
      if (pos_ >= text_.size()) break;
      if (!statement()) {
        errors_.report(error_.offset, error_.message);
        recover();
      }
    }
    return stats_;
  }

private:
  bool fail(std::size_t offset, const char *message) {
    error_ = {offset, message};
    return false;
  }
  char peek(std::size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }

  // Whitespace and comments.
  void skip_space() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos_;
      } else if (c == '#') {
        while (pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
      } else {
        break;
      }
    }
  }

  // After an error: skip to just past the next '.' that ends a statement.
  void recover() {
    nesting_ = 0;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '.' &&
          (pos_ >= text_.size() || std::string_view(" \t\r\n#").find(text_[pos_]) != std::string_view::npos))
        return;
    }
  }

  char32_t code_point_at(std::size_t at, std::size_t &length) const {
    char32_t cp = 0;
    length = at < text_.size() ? lexical::decode_utf8(text_, at, cp) : 0;
    return length == 0 ? 0 : cp;
  }

  // A keyword (a, true, false, PREFIX, BASE) ends where a name could not go on.
  bool keyword_at(std::string_view word, bool ignore_case) const {
    if (text_.size() - pos_ < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
      char c = text_[pos_ + i];
      if (ignore_case && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if (c != word[i]) return false;
    }
    std::size_t length = 0;
    const char32_t next = code_point_at(pos_ + word.size(), length);
    return length == 0 || !(lexical::is_pn_chars(next) || next == ':');
  }

  void emit(const ParsedTerm &s, const ParsedTerm &p, const ParsedTerm &o) {
    ++stats_.statements;
    sink_.statement(s.view(), p.view(), o.view(), nullptr, errors_.line_of(pos_));
  }

  void fresh_blank(ParsedTerm &out) {
    out.set(model::TermKind::blank, {});
    out.value = "-" + std::to_string(++generated_blanks_);
  }

  bool statement() {
    if (peek() == '@') return at_directive();
    if (keyword_at("PREFIX", true)) {
      pos_ += 6;
      return prefix_directive(false);
    }
    if (keyword_at("BASE", true)) {
      pos_ += 4;
      return base_directive(false);
    }
    if (!triples()) return false;
    skip_space();
    if (peek() != '.') return fail(pos_, "expected '.' to end the triples");
    ++pos_;
    return true;
  }

  bool at_directive() {
    const std::size_t at = pos_;
    ++pos_;
    if (keyword_at("prefix", false)) {
      pos_ += 6;
      return prefix_directive(true);
    }
    if (keyword_at("base", false)) {
      pos_ += 4;
      return base_directive(true);
    }
    return fail(at, "unknown directive (expected @prefix or @base)");
  }

  bool end_of_directive(bool needs_dot) {
    if (!needs_dot) return true;
    skip_space();
    if (peek() != '.') return fail(pos_, "expected '.' after the directive");
    ++pos_;
    return true;
  }

  bool prefix_directive(bool needs_dot) {
    skip_space();
    const std::size_t start = pos_;
    if (!prefix_name()) return false;
    if (peek() != ':') return fail(pos_, "expected a prefix name ending in ':'");
    const std::string name(text_.substr(start, pos_ - start));
    ++pos_;
    skip_space();
    if (peek() != '<') return fail(pos_, "expected an IRI in <...> after the prefix name");
    ParsedTerm iri;
    if (!iriref(iri)) return false;
    prefixes_[name] = iri.value;
    sink_.prefix(name, iri.value);
    return end_of_directive(needs_dot);
  }

  bool base_directive(bool needs_dot) {
    skip_space();
    if (peek() != '<') return fail(pos_, "expected an IRI in <...> after base");
    ParsedTerm iri;
    if (!iriref(iri)) return false;
    base_ = iri.value;
    sink_.base(base_);
    return end_of_directive(needs_dot);
  }

  bool triples() {
    ParsedTerm subject;
    const char c = peek();
    if (c == '[') {
      bool has_properties = false;
      if (!blank_node_property_list(subject, has_properties)) return false;
      skip_space();
      if (has_properties && peek() == '.') return true;
      return predicate_object_list(subject);
    }
    if (c == '(') {
      if (!collection(subject)) return false;
    } else if (c == '_') {
      if (!blank_node_label(subject)) return false;
    } else if (c == '"' || c == '\'' || lexical::is_digit(static_cast<unsigned char>(c)) || c == '+' || c == '-') {
      return fail(pos_, "a literal cannot be a subject");
    } else if (!iri(subject, "expected a subject (IRI, blank node or collection)")) {
      return false;
    }
    skip_space();
    return predicate_object_list(subject);
  }

  bool predicate_object_list(const ParsedTerm &subject) {
    ParsedTerm predicate;
    for (;;) {
      if (peek() == 'a' && keyword_at("a", false)) {
        predicate.set(model::TermKind::iri, vocab::rdf_type);
        ++pos_;
      } else if (!iri(predicate, "expected a predicate (IRI or 'a')")) {
        return false;
      }
      skip_space();
      if (!object_list(subject, predicate)) return false;
      skip_space();
      if (peek() != ';') return true;
      while (peek() == ';') {
        ++pos_;
        skip_space();
      }
      if (pos_ >= text_.size() || peek() == '.' || peek() == ']') return true;
    }
  }

  bool object_list(const ParsedTerm &subject, const ParsedTerm &predicate) {
    ParsedTerm object;
    for (;;) {
      if (!parse_object(object)) return false;
      emit(subject, predicate, object);
      skip_space();
      if (peek() != ',') return true;
      ++pos_;
      skip_space();
    }
  }

  bool parse_object(ParsedTerm &out) {
    const char c = peek();
    switch (c) {
      case '<':
        return iriref(out);
      case '_':
        return blank_node_label(out);
      case '[': {
        bool has_properties = false;
        return blank_node_property_list(out, has_properties);
      }
      case '(':
        return collection(out);
      case '"':
      case '\'':
        return rdf_literal(out);
      default:
        break;
    }
    if (lexical::is_digit(static_cast<unsigned char>(c)) || c == '+' || c == '-' ||
        (c == '.' && lexical::is_digit(static_cast<unsigned char>(peek(1))))) {
      return numeric_literal(out);
    }
    for (std::string_view word : {"true", "false"}) {
      if (keyword_at(word, false)) {
        out.set(model::TermKind::literal, word);
        out.datatype.assign(vocab::xsd).append("boolean");
        pos_ += word.size();
        return true;
      }
    }
    return iri(out, "expected an object (IRI, blank node, collection or literal)");
  }

  bool nest(std::size_t at) {
    if (++nesting_ > kMaxNesting) return fail(at, "[ ] and ( ) nested too deeply");
    return true;
  }

  // '[' ... ']'; `has_properties` is false for the empty (ANON) form.
  bool blank_node_property_list(ParsedTerm &out, bool &has_properties) {
    const std::size_t open = pos_;
    ++pos_;
    skip_space();
    fresh_blank(out);
    has_properties = peek() != ']';
    if (has_properties) {
      if (!nest(open) || !predicate_object_list(out)) return false;
      --nesting_;
      skip_space();
      if (peek() != ']') return fail(pos_, "expected ']' to close the blank node property list");
    }
    ++pos_;
    return true;
  }

  // '(' object* ')' as an rdf:first/rdf:rest list; the empty list is rdf:nil.
  bool collection(ParsedTerm &out) {
    const std::size_t open = pos_;
    ++pos_;
    if (!nest(open)) return false;
    skip_space();
    if (peek() == ')') {
      ++pos_;
      --nesting_;
      out = rdf_nil_;
      return true;
    }
    ParsedTerm node, item, next;
    fresh_blank(node);
    out = node;
    for (;;) {
      if (!parse_object(item)) return false;
      emit(node, rdf_first_, item);
      skip_space();
      if (pos_ >= text_.size()) return fail(open, "unterminated collection (no closing ')')");
      if (peek() == ')') {
        ++pos_;
        emit(node, rdf_rest_, rdf_nil_);
        --nesting_;
        return true;
      }
      fresh_blank(next);
      emit(node, rdf_rest_, next);
      std::swap(node, next);
    }
  }

  bool blank_node_label(ParsedTerm &out) {
    std::string_view label;
    if (!scan_blank_node_label(text_, pos_, label, error_)) return false;
    out.set(model::TermKind::blank, label);
    return true;
  }

  bool iriref(ParsedTerm &out) {
    std::string_view written;
    if (!scan_iriref(text_, pos_, scratch_, written, error_)) return false;
    out.set(model::TermKind::iri, {});
    resolve_iri(base_, written, out.value);
    return true;
  }

  // IRIREF or prefixed name.
  bool iri(ParsedTerm &out, const char *expected) {
    if (peek() == '<') return iriref(out);
    std::size_t length = 0;
    const char32_t c = code_point_at(pos_, length);
    if (c == ':' || lexical::is_pn_chars_base(c)) return prefixed_name(out);
    return fail(pos_, expected);
  }

  // PN_PREFIX (possibly empty), stopping at the ':' or at what cannot continue
  // it.
  bool prefix_name() {
    const std::size_t start = pos_;
    std::size_t length = 0;
    for (bool first = true;; first = false) {
      const char32_t c = code_point_at(pos_, length);
      if (length == 0) break;
      if (first ? !lexical::is_pn_chars_base(c) : !(lexical::is_pn_chars(c) || c == '.')) break;
      pos_ += length;
    }
    if (pos_ > start && text_[pos_ - 1] == '.') return fail(pos_ - 1, "a prefix name cannot end with '.'");
    return true;
  }

  bool prefixed_name(ParsedTerm &out) {
    const std::size_t start = pos_;
    if (!prefix_name()) return false;
    if (peek() != ':') return fail(start, "expected a prefixed name (prefix:local) or an IRI");
    const std::string prefix(text_.substr(start, pos_ - start));
    ++pos_;
    std::string &local = scratch_;
    local.clear();
    std::size_t kept_pos = pos_,
                kept_length = 0;  // the name without trailing '.'s
    for (bool first = true;; first = false) {
      const char c = peek();
      if (c == '%') {
        if (lexical::hex_value(peek(1)) < 0 || lexical::hex_value(peek(2)) < 0)
          return fail(pos_, "'%' in a local name must be followed by two hex digits");
        local.append(text_.substr(pos_, 3));
        pos_ += 3;
      } else if (c == '\\') {
        if (std::string_view("_~.-!$&'()*+,;=/?#@%").find(peek(1)) == std::string_view::npos || peek(1) == '\0')
          return fail(pos_, "invalid escape in a local name");
        local += peek(1);
        pos_ += 2;
      } else {
        std::size_t length = 0;
        const char32_t cp = code_point_at(pos_, length);
        if (length == 0) break;
        const bool ok = cp == ':' || (first ? lexical::is_pn_chars_u(cp) || lexical::is_digit(cp)
                                            : lexical::is_pn_chars(cp) || cp == '.');
        if (!ok) break;
        local.append(text_.substr(pos_, length));
        pos_ += length;
        if (cp == '.') continue;
      }
      kept_pos = pos_;
      kept_length = local.size();
    }
    pos_ = kept_pos;
    local.resize(kept_length);
    const auto ns = prefixes_.find(prefix);
    if (ns == prefixes_.end()) return fail(start, "undefined prefix");
    out.set(model::TermKind::iri, ns->second);
    out.value += local;
    return true;
  }

  bool rdf_literal(ParsedTerm &out) {
    std::string_view value;
    if (!scan_string(text_, pos_, true, scratch_, value, error_)) return false;
    out.set(model::TermKind::literal, value);
    if (peek() == '@') {
      std::string_view tag;
      if (!scan_language(text_, pos_, tag, error_)) return false;
      out.language.assign(tag);
    } else if (peek() == '^' && peek(1) == '^') {
      pos_ += 2;
      ParsedTerm datatype;
      if (!iri(datatype, "expected a datatype IRI after '^^'")) return false;
      out.datatype = std::move(datatype.value);
    }
    return true;
  }

  std::size_t skip_digits() {
    const std::size_t start = pos_;
    while (lexical::is_digit(static_cast<unsigned char>(peek()))) ++pos_;
    return pos_ - start;
  }

  // Whether an EXPONENT ([eE][+-]?[0-9]+) starts `ahead` bytes on.
  bool exponent_at(std::size_t ahead) const {
    if (peek(ahead) != 'e' && peek(ahead) != 'E') return false;
    const std::size_t sign = (peek(ahead + 1) == '+' || peek(ahead + 1) == '-') ? 1 : 0;
    return lexical::is_digit(static_cast<unsigned char>(peek(ahead + 1 + sign)));
  }

  bool numeric_literal(ParsedTerm &out) {
    const std::size_t start = pos_;
    if (peek() == '+' || peek() == '-') ++pos_;
    const std::size_t whole = skip_digits();
    std::size_t fraction = 0;
    bool is_double = false;
    if (peek() == '.' && lexical::is_digit(static_cast<unsigned char>(peek(1)))) {
      ++pos_;
      fraction = skip_digits();
    } else if (peek() == '.' && whole > 0 && exponent_at(1)) {
      ++pos_;
    }
    if (whole == 0 && fraction == 0) return fail(start, "expected digits in a number");
    if (peek() == 'e' || peek() == 'E') {
      if (!exponent_at(0)) return fail(pos_, "expected digits in the exponent");
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      skip_digits();
      is_double = true;
    }
    out.set(model::TermKind::literal, text_.substr(start, pos_ - start));
    out.datatype.assign(vocab::xsd).append(is_double ? "double" : fraction > 0 ? "decimal" : "integer");
    return true;
  }

  std::string_view text_;
  std::string base_;
  StatementSink &sink_;
  ReadStats stats_;
  SyntaxErrors errors_;
  std::size_t pos_ = 0;
  ScanError error_;
  std::string scratch_;
  std::unordered_map<std::string, std::string> prefixes_;
  unsigned long generated_blanks_ = 0;
  int nesting_ = 0;
  ParsedTerm rdf_first_, rdf_rest_, rdf_nil_;
};

}  // namespace

ReadStats read_turtle(std::string_view text, const ReadOptions &options, StatementSink &sink,
                      diag::Diagnostics &diags) {
  return TurtleParser(text, options, sink, diags).run();
}

}  // namespace ng::rdfio
