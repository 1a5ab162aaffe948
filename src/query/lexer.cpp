// The SPARQL lexer: skips blanks and comments, tries the X3 token rules in an
// order that resolves the grammar's overlaps (a prefixed name before a bare
// word, a double before a decimal before an integer) and decodes escapes.
#include "query/lexer.hpp"

#include "model/utf8.hpp"

#include "query/x3/grammar.hpp"

namespace ng::query {
namespace {

namespace x3 = boost::spirit::x3;

template <class Rule>
bool match(const Rule& rule, const char* first, const char* last, const char*& stop) {
  const char* it = first;
  if (!x3::parse(it, last, rule)) return false;
  stop = it;
  return true;
}

// Decodes ECHAR and \u / \U escapes of a string body.
std::string decode_string(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\' || i + 1 == body.size()) {
      out += c;
      continue;
    }
    char e = body[++i];
    switch (e) {
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'u':
      case 'U': {
        std::size_t n = e == 'u' ? 4 : 8;
        std::string_view hex = body.substr(i + 1, n);
        if (hex.size() == n && hex.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos) {
          auto cp = static_cast<char32_t>(std::stoul(std::string(hex), nullptr, 16));
          // A \U escape past U+10FFFF or naming a surrogate is no character.
          if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
          model::append_utf8(out, cp);
          i += n;
        } else {
          out += e;
        }
        break;
      }
      default: out += e;
    }
  }
  return out;
}

std::string decode_local(std::string_view local) {
  std::string out;
  for (std::size_t i = 0; i < local.size(); ++i) {
    if (local[i] == '\\' && i + 1 < local.size()) ++i;
    out += local[i];
  }
  return out;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

const char* skip_blanks_and_comments(const char* it, const char* end) {
  while (it != end) {
    if (is_blank(*it)) {
      ++it;
    } else if (*it == '#') {
      while (it != end && *it != '\n') ++it;
    } else {
      break;
    }
  }
  return it;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const char* it = skip_blanks_and_comments(begin, end);
  const char* last_stop = begin;  // where the last token ended: "end of query" is reported there
  while (it != end) {
    Token t;
    t.offset = static_cast<std::size_t>(it - begin);
    const char* stop = nullptr;
    char c = *it;
    auto rest = [&](std::size_t n) { return std::string_view(it, std::min<std::size_t>(n, end - it)); };
    if (c == '<' && match(grammar::iriref(), it, end, stop)) {
      t.kind = TokenKind::iri;
      t.value.assign(it + 1, stop - 1);
    } else if ((c == '"' || c == '\'') && match(grammar::string_literal(), it, end, stop)) {
      t.kind = TokenKind::string;
      // '''abc' lexes as the short literal '' (the long form never closes), so
      // the quotes to strip are those of the form that matched.
      const bool long_form = stop - it >= 6 && (rest(3) == "\"\"\"" || rest(3) == "'''");
      const std::size_t quote = long_form ? 3 : 1;
      t.value = decode_string(std::string_view(it + quote, (stop - quote) - (it + quote)));
    } else if ((c == '?' || c == '$') && match(grammar::var(), it, end, stop)) {
      t.kind = TokenKind::var;
      t.value.assign(it + 1, stop);
    } else if (c == '_' && rest(2) == "_:" && match(grammar::blank_node_label(), it, end, stop)) {
      t.kind = TokenKind::blank_label;
      t.value.assign(it + 2, stop);
    } else if (c == '@' && match(grammar::langtag(), it, end, stop)) {
      t.kind = TokenKind::langtag;
      t.value.assign(it + 1, stop);
    } else if ((isdigit(static_cast<unsigned char>(c)) || c == '.') &&
               (match(grammar::double_(), it, end, stop) || match(grammar::decimal(), it, end, stop) ||
                match(grammar::integer(), it, end, stop))) {
      std::string_view s(it, stop - it);
      t.kind = s.find_first_of("eE") != s.npos ? TokenKind::double_
               : s.find('.') != s.npos         ? TokenKind::decimal
                                               : TokenKind::integer;
      t.value = std::string(s);
    } else if (match(grammar::pname_ln(), it, end, stop)) {
      t.kind = TokenKind::pname;
      std::string_view s(it, stop - it);
      auto colon = s.find(':');
      t.value = std::string(s.substr(0, colon));
      t.local = decode_local(s.substr(colon + 1));
    } else if (match(grammar::pname_ns(), it, end, stop)) {
      t.kind = TokenKind::pname;
      t.value.assign(it, stop - 1);
    } else if (match(grammar::keyword(), it, end, stop)) {
      t.kind = TokenKind::keyword;
      t.value.assign(it, stop);
    } else if (c == '(' || c == '[') {
      const char* after = skip_blanks_and_comments(it + 1, end);
      if (after != end && *after == (c == '(' ? ')' : ']')) {
        t.kind = c == '(' ? TokenKind::nil : TokenKind::anon;
        stop = after + 1;
      } else {
        t.kind = TokenKind::punct;
        t.value = std::string(1, c);
        stop = it + 1;
      }
    } else {
      static constexpr std::string_view two[] = {"^^", "<=", ">=", "!=", "&&", "||"};
      for (auto p : two)
        if (rest(2) == p) {
          t.kind = TokenKind::punct;
          t.value = std::string(p);
          stop = it + 2;
        }
      if (!stop && std::string_view("{}()[].,;*/|^+-?!=<>").find(c) != std::string_view::npos) {
        t.kind = TokenKind::punct;
        t.value = std::string(1, c);
        stop = it + 1;
      }
      if (!stop) {
        t.kind = TokenKind::invalid;
        t.value = std::string(1, c);  // lets the error say what it is (e.g. an unclosed string)
        tokens.push_back(std::move(t));
        break;
      }
    }
    tokens.push_back(std::move(t));
    if (tokens.back().kind == TokenKind::invalid) break;
    last_stop = stop;
    it = skip_blanks_and_comments(stop, end);
  }
  Token e;
  e.kind = TokenKind::end;
  e.offset = static_cast<std::size_t>(last_stop - begin);
  tokens.push_back(e);
  return tokens;
}

}  // namespace ng::query
