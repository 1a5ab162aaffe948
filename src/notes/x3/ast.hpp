// Attributes of the notes grammar rules: plain structs of source ranges (the
// grammar never copies text; the callers turn ranges into string_views).
#pragma once

#include <boost/range/iterator_range_core.hpp>

namespace ng::notes::grammar::ast {

using range = boost::iterator_range<const char*>;

struct atx_heading {
  range marks;    // the '#' run
  range content;  // the rest of the line, closing sequence included
};

struct outline_number {
  range number;  // "1.2" without a trailing '.'
  range rest;    // the heading text after the number
};

struct fence_open {
  range fence;  // the backtick or tilde run
  range info;   // the info string, trailing blanks included
};

// "key: value", "key:: value" and "term: body" pieces.
struct key_value {
  range key;
  range value;
};

struct wikilink {
  range target;
  range alias;  // empty when there is no '|'
};

}  // namespace ng::notes::grammar::ast
