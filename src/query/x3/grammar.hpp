// Declarations of the SPARQL token rules (definitions in grammar_def.hpp,
// instantiated once in grammar.cpp). Each matches one terminal of the SPARQL
// 1.1 grammar at the current position; names match grammar/query.ebnf.
#pragma once

#include "query/x3/ast.hpp"
#include "query/x3/config.hpp"

namespace ng::query::grammar {
namespace rules {

using iriref_type = x3::rule<class iriref_class>;
using pname_ns_type = x3::rule<class pname_ns_class>;
using pname_ln_type = x3::rule<class pname_ln_class>;
using blank_node_label_type = x3::rule<class blank_node_label_class>;
using var_type = x3::rule<class var_class>;
using langtag_type = x3::rule<class langtag_class>;
using integer_type = x3::rule<class integer_class>;
using decimal_type = x3::rule<class decimal_class>;
using double_type = x3::rule<class double_class>;
using string_literal_type = x3::rule<class string_literal_class>;
using keyword_type = x3::rule<class keyword_class>;

BOOST_SPIRIT_DECLARE(iriref_type, pname_ns_type, pname_ln_type, blank_node_label_type, var_type, langtag_type,
                     integer_type, decimal_type, double_type, string_literal_type, keyword_type)

}  // namespace rules

rules::iriref_type const& iriref();
rules::pname_ns_type const& pname_ns();
rules::pname_ln_type const& pname_ln();
rules::blank_node_label_type const& blank_node_label();
rules::var_type const& var();
rules::langtag_type const& langtag();
rules::integer_type const& integer();
rules::decimal_type const& decimal();
rules::double_type const& double_();
rules::string_literal_type const& string_literal();
rules::keyword_type const& keyword();

}  // namespace ng::query::grammar
