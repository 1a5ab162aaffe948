// The one iterator and context type the SPARQL token rules are instantiated
// for: the query text held in memory, no skipper (the lexer skips blanks and
// comments between tokens itself).
#pragma once

#include <boost/spirit/home/x3.hpp>

namespace ng::query::grammar {
namespace x3 = boost::spirit::x3;
using iterator_type = const char*;
using context_type = x3::unused_type;
}  // namespace ng::query::grammar
