// Fusion adaptation of the grammar attributes (and nothing else).
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "notes/x3/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(ng::notes::grammar::ast::atx_heading, marks, content)
BOOST_FUSION_ADAPT_STRUCT(ng::notes::grammar::ast::outline_number, number, rest)
BOOST_FUSION_ADAPT_STRUCT(ng::notes::grammar::ast::fence_open, fence, info)
BOOST_FUSION_ADAPT_STRUCT(ng::notes::grammar::ast::key_value, key, value)
BOOST_FUSION_ADAPT_STRUCT(ng::notes::grammar::ast::wikilink, target, alias)
