// The parse_notes facade: checks the input (binary, NUL, UTF-8), replaces bad
// bytes so the rest of the parser sees valid text, then runs the front matter
// reader and the line scanner over it.
#include "notes/notes_parser.hpp"

#include <cstdio>

#include "notes/block_builder.hpp"
#include "notes/block_scanner.hpp"
#include "notes/front_matter.hpp"
#include "notes/input_check.hpp"
#include "notes/line_reader.hpp"
#include "notes/utf8.hpp"

namespace ng::notes {

namespace {

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

}  // namespace

Document parse_notes(const diag::SourceFile& source, diag::Diagnostics& diags, const ParseLimits& limits) {
  Document doc;
  doc.file = source.name();
  std::string_view text = source.text();
  if (text.size() > limits.max_file_bytes) {
    diags.error("file-too-large", doc.file, {1, 1},
                "file has " + std::to_string(text.size()) + " bytes, more than the limit of " +
                    std::to_string(limits.max_file_bytes));
    return doc;
  }
  // Nothing to read is worth saying (a file saved empty by mistake, a wrong
  // path pattern), but it is not an error: the document is still a node.
  if (text.find_first_not_of(" \t\r\n", text.starts_with("\xEF\xBB\xBF") ? 3 : 0) == std::string_view::npos) {
    const char* what = text.empty()                ? "empty notes file"
                       : text == "\xEF\xBB\xBF" ? "notes file holds only a byte-order mark"
                                                  : "notes file holds only white space";
    diags.warning("empty-file", doc.file, {1, 1}, std::string(what) + ": nothing to extract");
    return doc;
  }
  std::size_t bom = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  InputReport report = check_input(text);
  if (report.binary) {
    diags.error("binary-file", doc.file, locate(text, bom, report.binary_at),
                "binary data (NUL or mostly invalid bytes), not a notes file; nothing parsed");
    return doc;
  }
  if (report.first_nul != InputReport::npos)
    diags.error("nul-byte", doc.file, locate(text, bom, report.first_nul), "NUL byte in text; shown as U+FFFD");
  if (report.first_bad != InputReport::npos)
    diags.error("invalid-utf8", doc.file, locate(text, bom, report.first_bad),
                "invalid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(text[report.first_bad])) + "); " +
                    std::to_string(report.bad_count) + " bad sequence(s) shown as U+FFFD");
  if (report.clean()) {
    doc.source = source.shared_text();
  } else {
    std::string cleaned;
    cleaned.reserve(text.size() + text.size() / 8);
    utf8::append_sanitized(text, cleaned);
    doc.source = diag::SourceText::from_string(std::move(cleaned));
  }
  text = doc.source->view();
  // Typical notes have a block per 100-200 bytes: reserving for about half of
  // them saves most copies of a growing vector without holding much unused.
  doc.blocks.reserve(text.size() / 128 + 8);
  doc.line_starts.reserve(text.size() / 96 + 8);
  BlockBuilder builder(text, doc);
  LineReader lines(text, bom);
  read_front_matter(text, lines, builder, doc, diags);
  BlockScanner scanner(text, builder, diags, doc.file, limits);
  scanner.run(lines);
  return doc;
}

}  // namespace ng::notes
