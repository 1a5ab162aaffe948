// The one iterator and context type the notes grammar is instantiated for:
// every rule runs over a piece of text held in memory, without a skipper
// (Markdown is line-oriented; blanks are explicit in the rules).
#pragma once

#include <boost/spirit/home/x3.hpp>

namespace ng::notes::grammar {
namespace x3 = boost::spirit::x3;
using iterator_type = const char*;
using context_type = x3::unused_type;
}  // namespace ng::notes::grammar
