// SPARQL tokens: the lexer turns the query text into a vector of tokens with
// byte offsets, matching each terminal with the X3 rules of x3/grammar.hpp and
// decoding string escapes. It stops at the first character no terminal starts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ng::query {

enum class TokenKind {
  iri,           // <...>; value = the IRI text
  pname,         // prefix:local; value = prefix, local = local part (escapes removed)
  blank_label,   // _:x; value = label
  var,           // ?x or $x; value = name
  langtag,       // @en; value = tag
  integer,
  decimal,
  double_,
  string,        // value = decoded text
  keyword,       // a bare word: SELECT, a, true, STRLEN ...; value = as written
  punct,         // value = the punctuation: { } ( ) [ ] . , ; * / | ^ ^^ + - ? ! = != < > <= >= && ||
  nil,           // ( ) with only blanks inside
  anon,          // [ ] with only blanks inside
  end,
  invalid,       // no terminal starts here
};

struct Token {
  TokenKind kind = TokenKind::end;
  std::string value;
  std::string local;
  std::size_t offset = 0;  // byte offset into the query text
};

std::vector<Token> tokenize(std::string_view text);

}  // namespace ng::query
