// Declarations of the notes grammar rules (definitions in grammar_def.hpp,
// instantiated once in grammar.cpp) and accessors to them. Each rule matches
// one piece the line scanner or the inline parser hands it; the names match
// grammar/notes.ebnf.
#pragma once

#include <vector>

#include "notes/x3/ast.hpp"
#include "notes/x3/config.hpp"

namespace ng::notes::grammar {
namespace rules {

// Block level: a line (after its indentation) or part of one.
using atx_heading_type = x3::rule<class atx_heading_class, ast::atx_heading>;
using setext_underline_type = x3::rule<class setext_underline_class, char>;
using thematic_break_type = x3::rule<class thematic_break_class>;
using outline_number_type = x3::rule<class outline_number_class, ast::outline_number>;
using fence_open_type = x3::rule<class fence_open_class, ast::fence_open>;
using fence_run_type = x3::rule<class fence_run_class, ast::range>;
using list_marker_type = x3::rule<class list_marker_class, ast::range>;
using table_delimiter_row_type = x3::rule<class table_delimiter_row_class, std::vector<char>>;
using inline_field_type = x3::rule<class inline_field_class, ast::key_value>;
using term_item_type = x3::rule<class term_item_class, ast::key_value>;
using html_block_tag_type = x3::rule<class html_block_tag_class, ast::range>;
using html_block_special_type = x3::rule<class html_block_special_class, char>;

// Front matter lines.
using front_matter_open_type = x3::rule<class front_matter_open_class>;
using front_matter_close_type = x3::rule<class front_matter_close_class>;
using front_matter_entry_type = x3::rule<class front_matter_entry_class, ast::key_value>;
using front_matter_item_type = x3::rule<class front_matter_item_class, ast::range>;
using front_matter_flow_list_type = x3::rule<class front_matter_flow_list_class, std::vector<ast::range>>;

// Inline level: each matches a prefix of the text at a special character.
using wikilink_type = x3::rule<class wikilink_class, ast::wikilink>;
using link_tail_type = x3::rule<class link_tail_class, ast::range>;
using autolink_type = x3::rule<class autolink_class, ast::range>;
using email_autolink_type = x3::rule<class email_autolink_class, ast::range>;
using bare_url_type = x3::rule<class bare_url_class, ast::range>;
using html_tag_type = x3::rule<class html_tag_class>;
using html_comment_type = x3::rule<class html_comment_class>;
using entity_type = x3::rule<class entity_class, ast::range>;

BOOST_SPIRIT_DECLARE(atx_heading_type, setext_underline_type, thematic_break_type, outline_number_type, fence_open_type,
                     fence_run_type, list_marker_type, table_delimiter_row_type, inline_field_type, term_item_type,
                     html_block_tag_type, html_block_special_type)
BOOST_SPIRIT_DECLARE(front_matter_open_type, front_matter_close_type, front_matter_entry_type, front_matter_item_type,
                     front_matter_flow_list_type)
BOOST_SPIRIT_DECLARE(wikilink_type, link_tail_type, autolink_type, email_autolink_type, bare_url_type, html_tag_type,
                     html_comment_type, entity_type)

}  // namespace rules

rules::atx_heading_type const& atx_heading();
rules::setext_underline_type const& setext_underline();
rules::thematic_break_type const& thematic_break();
rules::outline_number_type const& outline_number();
rules::fence_open_type const& fence_open();
rules::fence_run_type const& fence_run();
rules::list_marker_type const& list_marker();
rules::table_delimiter_row_type const& table_delimiter_row();
rules::inline_field_type const& inline_field();
rules::term_item_type const& term_item();
rules::html_block_tag_type const& html_block_tag();
rules::html_block_special_type const& html_block_special();
rules::front_matter_open_type const& front_matter_open();
rules::front_matter_close_type const& front_matter_close();
rules::front_matter_entry_type const& front_matter_entry();
rules::front_matter_item_type const& front_matter_item();
rules::front_matter_flow_list_type const& front_matter_flow_list();
rules::wikilink_type const& wikilink();
rules::link_tail_type const& link_tail();
rules::autolink_type const& autolink();
rules::email_autolink_type const& email_autolink();
rules::bare_url_type const& bare_url();
rules::html_tag_type const& html_tag();
rules::html_comment_type const& html_comment();
rules::entity_type const& entity();

}  // namespace ng::notes::grammar
