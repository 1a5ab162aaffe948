// Attributes of the SPARQL token rules. The rules only recognise tokens (the
// lexer keeps the matched range and decodes escapes itself), so the attribute
// types are empty; this header exists so the layout matches the notes grammar.
#pragma once

#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>

namespace ng::query::grammar::ast {

// A matched token as a position-tagged range of the query text.
struct token_span : boost::spirit::x3::position_tagged {};

}  // namespace ng::query::grammar::ast
