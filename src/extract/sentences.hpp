// The sentence around a position of a text, for tying a relation cue to the
// mentions of its own sentence.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>

namespace ng::extract {

// A sentence ends at a line break, or at . ! ? followed by a space or a line
// break; the end belongs to the sentence it ends.
inline bool ends_sentence(std::string_view text, std::size_t i) {
  const char c = text[i];
  return c == '\n' ||
         ((c == '.' || c == '!' || c == '?') && i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '\n'));
}

// The sentence holding text[at] (at < text.size()): the positions from just
// after the previous sentence end to its own end (or the text's end), both
// included.
std::pair<std::uint32_t, std::uint32_t> sentence_around(std::string_view text, std::uint32_t at);

}  // namespace ng::extract
