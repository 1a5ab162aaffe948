// The one translation unit that instantiates the notes grammar (Spirit X3 is
// heavy to compile; every other file reaches the rules through line_syntax).
#include "notes/x3/grammar_def.hpp"

namespace ng::notes::grammar::rules {

BOOST_SPIRIT_INSTANTIATE(atx_heading_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(setext_underline_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(thematic_break_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(outline_number_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(fence_open_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(fence_run_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(list_marker_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(table_delimiter_row_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(inline_field_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(term_item_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(html_block_tag_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(html_block_special_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(front_matter_open_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(front_matter_close_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(front_matter_entry_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(front_matter_item_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(front_matter_flow_list_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(wikilink_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(link_tail_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(autolink_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(email_autolink_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(bare_url_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(html_tag_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(html_comment_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(entity_type, iterator_type, context_type)

}  // namespace ng::notes::grammar::rules
