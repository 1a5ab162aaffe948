// Text preparation shared by the exporters: NFC normalization (Neptune and
// friends compare bytes), and a one-line display form for labels and
// tooltips in which control characters cannot break a syntax or an XML file.
#pragma once

#include <string>
#include <string_view>

namespace ng::exporters {

// `text` in Unicode NFC; invalid UTF-8 is returned unchanged.
std::string nfc(std::string_view text);

// NFC, every control character (C0, DEL, C1) and run of white space folded to
// one space, trimmed, cut to at most `max_chars` code points with "…".
std::string display_line(std::string_view text, std::size_t max_chars = 0);

// The local part of an IRI: after the last '#', else the last '/', else ':'.
std::string_view local_name(std::string_view iri);

} // namespace ng::exporters
