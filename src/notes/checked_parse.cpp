// The parse of an input whose check is done, on the calling thread: reports
// what the check found, repairs the text when it holds bad bytes, then reads
// the front matter and scans the lines.
#include "notes/checked_parse.hpp"

#include <cstdio>

#include "notes/block_builder.hpp"
#include "notes/block_scanner.hpp"
#include "notes/front_matter.hpp"
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

void reserve_for(Document& doc, std::size_t bytes) {
  // Typical notes have a block per 100-200 bytes: reserving for about half of
  // them saves most copies of a growing vector without holding much unused.
  doc.blocks.reserve(bytes / 128 + 8);
  doc.line_starts.reserve(bytes / 96 + 8);
}

// Below this size a note's vectors live in the heap among others', where
// unused capacity is memory held: a folder of 10,000 small notes keeps them
// all until extraction, and their reserves alone were as large as the notes.
// Larger vectors have pages of their own, and the unused tail is never touched.
constexpr std::size_t kShrinkBelowBytes = std::size_t{1} << 20;

template <class T>
void shrink(std::vector<T>& v) {
  if (v.capacity() - v.size() > v.size() / 8 + 4) v.shrink_to_fit();
}

void shrink_small(Document& doc, std::size_t bytes) {
  if (bytes >= kShrinkBelowBytes) return;
  shrink(doc.blocks);
  shrink(doc.line_starts);
  shrink(doc.links);
  shrink(doc.cells);
}

Document parse_checked(const diag::SourceFile& source, std::size_t bom, const InputReport& report,
                       diag::Diagnostics& diags, const ParseLimits& limits) {
  Document doc;
  doc.file = source.name();
  std::string_view text = source.text();
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
  reserve_for(doc, text.size());
  BlockBuilder builder(text, doc);
  // Repairs move bytes, so the check's first CR holds for a clean text only.
  LineReader lines(text, bom, report.clean() ? report.first_cr : text.find('\r', bom));
  read_front_matter(text, lines, builder, doc, diags);
  BlockScanner scanner(text, builder, diags, doc.file, limits);
  scanner.run(lines);
  shrink_small(doc, text.size());
  return doc;
}

}  // namespace ng::notes
