// The Boost-free face of the notes grammar: one function per X3 rule (or small
// group of rules), taking a piece of a line as a string_view and returning the
// parts as string_views into it. The line scanner and the inline parser only
// see this header; the X3 rules themselves stay in src/notes/x3/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ng::notes::syntax {

// ---- block level: `s` starts at the first non-blank character of the line --

struct AtxHeading {
  unsigned level = 0;
  std::string_view content;  // trimmed, closing '#' sequence removed
};
bool atx_heading(std::string_view s, AtxHeading& out);

// '=' or '-' for a setext underline, 0 otherwise.
char setext_underline(std::string_view s);
bool thematic_break(std::string_view s);

// "1.2 Text" -> number "1.2", rest "Text". Components have 1 to 3 digits, so
// a year ("2023 회고") is not an outline number.
bool outline_number(std::string_view s, std::string_view& number, std::string_view& rest);

struct FenceOpen {
  char ch = 0;
  std::size_t length = 0;
  std::string_view info;  // trimmed
};
bool fence_open(std::string_view s, FenceOpen& out);
bool fence_close(std::string_view s, char ch, std::size_t min_length);

struct ListMarker {
  std::size_t length = 0;  // bytes of the marker ("-", "12.")
  bool ordered = false;
  std::uint64_t number = 0;
};
bool list_marker(std::string_view s, ListMarker& out);

// Number of cells of a GFM delimiter row ("|---|:--:|"), 0 when `s` is not one.
std::size_t table_delimiter_row(std::string_view s);

struct KeyValue {
  std::string_view key;
  std::string_view value;
};
// Dataview "key:: value" on its own line; the key is trimmed.
bool inline_field(std::string_view s, KeyValue& out);
// "term: body" at the start of a list item's plain text; `value` is the body.
bool term_item(std::string_view plain, KeyValue& out);

enum class HtmlStart : std::uint8_t {
  none,
  details_open,
  details_close,
  raw_text,     // <script>, <pre>, <style>, <textarea>: until the closing tag
  comment,      // <!-- ... -->
  processing,   // <? ... ?>
  declaration,  // <!DOCTYPE ...>
  cdata,        // <![CDATA[ ... ]]>
  block_tag,    // a block-level tag name: until a blank line
  other_tag,    // any complete tag alone on its line: until a blank line
};
HtmlStart html_block_start(std::string_view s);
// Whether `line` holds the end marker of an HTML block of kind `k`.
bool html_block_ends(HtmlStart k, std::string_view line);

// ---- front matter ----------------------------------------------------------
bool front_matter_open(std::string_view line);
bool front_matter_close(std::string_view line);
// "key: value" (value trimmed, may be empty).
bool front_matter_entry(std::string_view line, KeyValue& out);
// "- value" of a block list.
bool front_matter_item(std::string_view line, std::string_view& value);
// "[a, "b", 'c']": items still quoted as written.
bool front_matter_flow_list(std::string_view s, std::vector<std::string_view>& items);

// ---- inline: `s` starts at the special character; return the length matched
// (0 for no match) ------------------------------------------------------------
std::size_t wikilink(std::string_view s, std::string_view& target, std::string_view& alias);
// "(destination "title")" after a link's ']'.
std::size_t link_tail(std::string_view s, std::string_view& destination);
// "<scheme:...>" or "<user@host>"; `uri` is between the brackets.
std::size_t autolink(std::string_view s, std::string_view& uri, bool& email);
// "http://..." or "https://..." up to a blank or '<' (trailing punctuation is the caller's).
std::size_t bare_url(std::string_view s, std::string_view& url);
std::size_t html_tag(std::string_view s);
std::size_t html_comment(std::string_view s);
// "&name;" or "&#123;" / "&#x1F;": `name` is between '&' and ';'.
std::size_t entity(std::string_view s, std::string_view& name);

}  // namespace ng::notes::syntax
