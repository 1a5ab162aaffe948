// The parse_notes facade: refuses inputs too large, notes inputs with nothing
// to read, checks the rest (binary, NUL, UTF-8) and parses it: large inputs
// on two threads (split_parse), others on this one (checked_parse).
#include "notes/notes_parser.hpp"

#include "notes/checked_parse.hpp"
#include "notes/input_check.hpp"
#include "notes/split_parse.hpp"

namespace ng::notes {

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
  if (text.size() >= kSplitParseMinBytes) return parse_in_two(source, bom, find_split(text), diags, limits);
  return parse_checked(source, bom, check_input(text), diags, limits);
}

}  // namespace ng::notes
