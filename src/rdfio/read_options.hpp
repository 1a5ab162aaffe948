// What every graph reader takes besides its input: the name to put in
// diagnostics, the base IRI for relative references (Turtle), and a cap on
// reported errors; and what every reader returns: counts, for the caller to
// decide whether errors are fatal.
#pragma once

#include <cstddef>
#include <string>

namespace ng::rdfio {

struct ReadOptions {
  std::string file_name = "-";   // as the user gave it; "-" for stdin
  std::string base_iri;          // Turtle only; empty: relative IRIs stay as written
  std::size_t max_errors = 100;  // further errors are counted, not reported
};

struct ReadStats {
  std::size_t statements = 0;
  std::size_t errors = 0;
};

}  // namespace ng::rdfio
