// The one translation unit that instantiates the SPARQL token rules (Spirit X3
// is heavy to compile; everything else reaches them through lexer.cpp).
#include "query/x3/grammar_def.hpp"

namespace ng::query::grammar::rules {

BOOST_SPIRIT_INSTANTIATE(iriref_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(pname_ns_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(pname_ln_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(blank_node_label_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(var_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(langtag_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(integer_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(decimal_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(double_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(string_literal_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(keyword_type, iterator_type, context_type)

}  // namespace ng::query::grammar::rules
