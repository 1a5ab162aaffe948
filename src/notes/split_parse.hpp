// The parse of one large input on two threads. The text is cut at an ATX
// heading line near its middle; each thread checks its part, and the second
// parses its part as if the heading started a file, while the first parses
// from the start up to the cut. The second part is kept only when the first
// reaches the heading in a state that assumption holds for (no open fence,
// raw HTML or HTML lines); otherwise the first goes on alone. Either way the
// Document and the diagnostics are those of a parse on one thread.
#pragma once

#include <cstddef>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "diag/source_file.hpp"
#include "notes/document.hpp"
#include "notes/notes_parser.hpp"

namespace ng::notes {

// Smaller inputs are parsed on one thread: a second one would not pay.
inline constexpr std::size_t kSplitParseMinBytes = std::size_t{4} << 20;

// The offset to cut `text` at: the start of a line "#..." that follows a LF
// and is an ATX heading, the nearest to the middle within the middle half;
// npos when there is none.
std::size_t find_split(std::string_view text);

// Parses `source` (known to hold more than white space and to be within the
// size limit; `bom` bytes of byte-order mark) with the cut at `split`. When
// `split` is npos, or not such a heading line, the input is still checked on
// two threads but parsed on one. `spliced`, when given, tells whether the
// second thread's parse was kept (for tests).
Document parse_in_two(const diag::SourceFile& source, std::size_t bom, std::size_t split, diag::Diagnostics& diags,
                      const ParseLimits& limits, bool* spliced = nullptr);

}  // namespace ng::notes
