// Fuzz target `query_parser`: random text through the SPARQL parser. Checks
// that no input throws or crashes, that a rejected query says why with an
// error, and that an accepted one reports no error.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "query/sparql.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ng;
  diag::Diagnostics diags;
  const auto parsed =
      query::parse_query(std::string_view(reinterpret_cast<const char*>(data), size), query::ParseOptions{}, diags);
  fuzz::check(parsed.ok() != diags.has_errors(), "parse result and diagnostics disagree");
  return 0;
}
