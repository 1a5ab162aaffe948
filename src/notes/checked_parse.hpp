// The parse of an input whose check (input_check.hpp) is done, on the calling
// thread: what parse_notes does after the check, and what the two-thread
// parse falls back to when the input needs repairs.
#pragma once

#include <cstddef>

#include "diag/diagnostic.hpp"
#include "diag/source_file.hpp"
#include "notes/document.hpp"
#include "notes/input_check.hpp"
#include "notes/notes_parser.hpp"

namespace ng::notes {

// Reports the check's findings, repairs the text when it holds bad bytes or
// NULs (nothing is parsed when it is binary), and parses it. `bom` is the
// length of the byte-order mark the text starts with (0 or 3).
Document parse_checked(const diag::SourceFile& source, std::size_t bom, const InputReport& report,
                       diag::Diagnostics& diags, const ParseLimits& limits);

// Reserves a Document's vectors for a text of `bytes`.
void reserve_for(Document& doc, std::size_t bytes);

}  // namespace ng::notes
