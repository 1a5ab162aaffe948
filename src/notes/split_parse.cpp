// The two-thread parse: where to cut, each part's check and parse, and the
// splice of the second part's Document and diagnostics after the first's.
#include "notes/split_parse.hpp"

#include <cstdint>
#include <optional>

#include "notes/block_builder.hpp"
#include "notes/block_scanner.hpp"
#include "notes/checked_parse.hpp"
#include "notes/front_matter.hpp"
#include "notes/input_check.hpp"
#include "notes/line_reader.hpp"
#include "notes/line_syntax.hpp"
#include "support/run_both.hpp"

namespace ng::notes {

namespace {

constexpr std::size_t npos = std::string_view::npos;

std::uint32_t u32(std::size_t n) { return static_cast<std::uint32_t>(n); }

// Whether the line that starts at `at` is an ATX heading from its first byte.
bool is_heading_line(std::string_view text, std::size_t at) {
  if (at >= text.size() || text[at] != '#') return false;
  std::size_t end = text.find_first_of("\r\n", at);
  std::string_view line = text.substr(at, end == npos ? npos : end - at);
  while (line.back() == ' ' || line.back() == '\t') line.remove_suffix(1);
  syntax::AtxHeading heading;
  return syntax::atx_heading(line, heading);
}

// Where the line reader of the first part stops: right after a LF, which
// ends a line whether or not a CR comes before it.
bool is_cut(std::string_view text, std::size_t bom, std::size_t at) {
  return at > bom && at < text.size() && text[at - 1] == '\n' && is_heading_line(text, at);
}

// The start of the line after the first LF at or after `at`, or `end`.
// A line start is where the check may be cut too: a LF ends any sequence.
std::size_t next_line_start(std::string_view text, std::size_t at, std::size_t end) {
  std::size_t lf = at < end ? text.find('\n', at) : npos;
  return lf == npos || lf + 1 >= end ? end : lf + 1;
}

// Bytes checked before the lines in them are scanned: small enough to stay
// in the cache between the two, large enough that a window's overhead (a
// call of the check, a search for its end) does not count.
constexpr std::size_t kWindowBytes = std::size_t{256} << 10;

// Checks text[begin, end) (both line starts, or `end` the text's end) a
// window at a time; while everything is clean, calls scan(stop, report) after
// each window's check, for the lines that start before `stop`, so that the
// scan reads bytes that are checked and still in the cache. Once something
// needs repair, the rest is only checked.
template <class Scan>
InputReport check_then_scan(std::string_view text, std::size_t begin, std::size_t end, Scan&& scan) {
  InputReport report;
  std::size_t at = begin;
  while (at < end) {
    std::size_t stop = next_line_start(text, at + kWindowBytes, end);
    InputReport window = check_input(text, at, stop);
    if (at == begin)
      report = window;
    else
      report.append(window);
    at = stop;
    if (report.binary) return report;
    if (!report.clean()) break;
    scan(stop, report);
  }
  if (at < end) report.append(check_input(text, at, end));
  return report;
}

// One part's parse, kept to go on from where it stopped.
struct PartParse {
  PartParse(std::string_view text, std::size_t start, std::size_t cr_free_end, Document& doc, diag::Diagnostics& diags,
            const ParseLimits& limits)
      : builder(text, doc), lines(text, start, cr_free_end), scanner(text, builder, diags, doc.file, limits) {}
  BlockBuilder builder;
  LineReader lines;
  BlockScanner scanner;
};

// Whether the second part's first line became a heading, as the cut line
// must (a line too long for the limit, cut short, might not).
bool starts_with_heading(const Document& part) {
  return !part.blocks.empty() && part.blocks.front().kind == BlockKind::heading && !part.blocks.front().setext &&
         part.blocks.front().where.line == 1;
}

// Appends `part`, the Document of the text right after `doc`'s with its
// lines numbered from 1, to `doc`: its line numbers move by `lines_before`
// and its indexes into the Document's vectors by their sizes in `doc`.
void append_part(Document& doc, Document&& part, std::uint32_t lines_before) {
  auto shift = [lines_before](std::uint32_t line) { return line == 0 ? 0 : line + lines_before; };
  const auto links = u32(doc.links.size()), line_starts = u32(doc.line_starts.size()), cells = u32(doc.cells.size());
  doc.blocks.reserve(doc.blocks.size() + part.blocks.size());
  for (Block b : part.blocks) {
    b.where.line = shift(b.where.line);
    b.end_line = shift(b.end_line);
    b.first_line += line_starts;
    // BlockBuilder leaves first_link at 0 in code blocks and first_cell in
    // all but table rows.
    if (b.kind != BlockKind::code_block) b.first_link += links;
    if (b.kind == BlockKind::table_row) b.first_cell += cells;
    doc.blocks.push_back(b);
  }
  doc.links.reserve(doc.links.size() + part.links.size());
  for (Link l : part.links) {
    l.where.line = shift(l.where.line);
    doc.links.push_back(l);
  }
  doc.line_starts.reserve(doc.line_starts.size() + part.line_starts.size());
  for (LineStart ls : part.line_starts) {
    ls.line = shift(ls.line);
    doc.line_starts.push_back(ls);
  }
  doc.cells.insert(doc.cells.end(), part.cells.begin(), part.cells.end());
  doc.arena.adopt(std::move(part.arena));
}

// Appends the second part's diagnostics to the first's, with its line
// numbers moved; its nesting warning goes when the first part gave one
// (a scanner gives it once).
void append_diagnostics(diag::Diagnostics& first, const diag::Diagnostics& second, std::uint32_t lines_before,
                        bool nesting_warned) {
  for (diag::Diagnostic d : second.items()) {
    if (nesting_warned && d.kind == kNestingTooDeep) continue;
    if (d.where.line != 0) d.where.line += lines_before;
    first.add(std::move(d));
  }
}

}  // namespace

std::size_t find_split(std::string_view text) {
  const std::size_t middle = text.size() / 2, reach = text.size() / 4;
  for (std::size_t at = text.find("\n#", middle); at != npos && at < middle + reach; at = text.find("\n#", at + 1))
    if (is_heading_line(text, at + 1)) return at + 1;
  for (std::size_t at = middle; at > middle - reach;) {
    at = text.rfind("\n#", at - 1);
    if (at == npos || at <= middle - reach) break;
    if (is_heading_line(text, at + 1)) return at + 1;
  }
  return npos;
}

Document parse_in_two(const diag::SourceFile& source, std::size_t bom, std::size_t split, diag::Diagnostics& diags,
                      const ParseLimits& limits, bool* spliced) {
  if (spliced) *spliced = false;
  const std::string_view text = source.text();
  if (split != npos && !is_cut(text, bom, split)) split = npos;
  // Both parts are checked in parallel, also when only one thread parses:
  // then the first thread parses its part while the second checks, and goes
  // on after both checks.
  const std::size_t check_cut = split != npos ? split : next_line_start(text, text.size() / 2, text.size());

  InputReport first_report, second_report;
  Document doc, second_doc;
  doc.file = second_doc.file = source.name();
  doc.source = second_doc.source = source.shared_text();
  diag::Diagnostics first_diags, second_diags;
  std::optional<PartParse> first, second;
  // Where a part's reader knows no CR to lie: up to the first CR its check
  // found, else up to where the check has got.
  auto cr_free_end = [](const InputReport& checked, std::size_t stop) {
    return checked.first_cr != npos ? checked.first_cr : stop;
  };
  support::run_both(
      [&] {
        // Parsed before the second part's check is known: wasted when that
        // finds bytes to repair.
        reserve_for(doc, text.size());
        first.emplace(text, bom, bom, doc, first_diags, limits);
        bool front_matter_read = false;
        first_report = check_then_scan(text, 0, check_cut, [&](std::size_t stop, const InputReport& checked) {
          first->lines.cr_free_until(cr_free_end(checked, stop));
          if (!front_matter_read) read_front_matter(text, first->lines, first->builder, doc, first_diags);
          front_matter_read = true;
          first->scanner.run_until(first->lines, stop);
        });
      },
      [&] {
        if (split != npos) {
          reserve_for(second_doc, text.size() - split);
          second.emplace(text, split, split, second_doc, second_diags, limits);
        }
        second_report =
            check_then_scan(text, check_cut, text.size(), [&](std::size_t stop, const InputReport& checked) {
              if (!second) return;
              second->lines.cr_free_until(cr_free_end(checked, stop));
              second->scanner.run_until(second->lines, stop);
            });
        if (second && second_report.clean()) second->scanner.finish();
      });
  InputReport report = first_report;
  report.append(second_report);
  if (report.binary || !report.clean()) return parse_checked(source, bom, report, diags, limits);

  BlockScanner& scanner = first->scanner;
  if (second && starts_with_heading(second_doc) && first->lines.position() == split &&
      scanner.close_before_top_level_heading()) {
    const std::uint32_t lines_before = first->lines.lines_read();
    append_part(doc, std::move(second_doc), lines_before);
    append_diagnostics(first_diags, second_diags, lines_before, scanner.warned_nesting());
    scanner.open_details().append(second->scanner.open_details(), lines_before);
    if (spliced) *spliced = true;
  } else {  // the guess was wrong (or there was none): the first part goes on
    LineReader rest(text, first->lines.position(), report.first_cr, first->lines.lines_read());
    scanner.run_until(rest, npos);
    scanner.finish();
  }
  scanner.warn_unclosed_details();
  diags.append(std::move(first_diags));
  return doc;
}

}  // namespace ng::notes
