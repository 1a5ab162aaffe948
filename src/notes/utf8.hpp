// UTF-8 helpers for the notes parser: sequence validation (the same rules the
// input check reports by), U+FFFD replacement of bad bytes and NULs in texts,
// code-point columns, and the Unicode classes the emphasis rules need.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ng::notes::utf8 {

// Length of the well-formed sequence starting at p (1..4), or 0 when the
// bytes at p are not one (overlong, surrogate, out of range, truncated).
std::size_t valid_length(const unsigned char* p, const unsigned char* end);

// Length of the maximal ill-formed subpart at p (Unicode's "U+FFFD
// substitution of maximal subparts"): always at least 1.
std::size_t invalid_length(const unsigned char* p, const unsigned char* end);

// Appends `in` to `out`, replacing ill-formed subparts and NUL bytes by U+FFFD.
void append_sanitized(std::string_view in, std::string& out);

// True when `s` holds no ill-formed sequence and no NUL byte.
bool is_clean(std::string_view s);

// 1 + number of code points in `s` (counted like diag::SourceFile: every byte
// that is not a continuation byte starts one).
std::uint32_t column_after(std::string_view s, std::uint32_t column = 1);

// Number of code points in a valid UTF-8 string.
std::size_t code_points(std::string_view s);

// Appends the UTF-8 encoding of cp (U+FFFD for surrogates and out of range).
void append_code_point(char32_t cp, std::string& out);

// Classification of the code point at (or, for `before`, ending just before)
// a position, as CommonMark's flanking rules use it.
enum class CharClass : std::uint8_t { whitespace, punctuation, other };
CharClass class_after(std::string_view s, std::size_t pos);
CharClass class_before(std::string_view s, std::size_t pos);

}  // namespace ng::notes::utf8
