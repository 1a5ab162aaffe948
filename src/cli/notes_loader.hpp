// Turns the PATH arguments of a subcommand into a built graph: expands
// folders to their *.md files, reads and parses each, runs extraction with the
// chosen tables, and reports diagnostics. Shared by build and export.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/source_file.hpp"
#include "extract/graph_builder.hpp"
#include "notes/document.hpp"
#include "notes/notes_parser.hpp"
#include "store/triple_store.hpp"

namespace ng::cli {

struct GraphOptions {
  std::vector<std::string> paths;
  std::string base;
  std::vector<std::string> rule_files, alias_files, relation_files;
  bool no_default_tables = false;
  bool strict = false;        // warnings count as errors
  bool keep_going = false;    // write what could be built despite errors
  bool quiet = false;         // no warnings printed
  bool timings = false;       // print the time of each phase to stderr
  notes::ParseLimits limits;  // --max-file-size, --max-line-size, --max-list-depth
};

// Wall time of the phases of a run, in the order they ran, and the peak
// resident memory when each ended, for --timings.
struct PhaseTimes {
  struct Phase {
    std::string name;
    double seconds = 0;
    double peak_mib = 0;
    double cpu_seconds = 0;  // user + system time of all threads during the phase
  };
  std::vector<Phase> phases;
  double cpu_so_far = 0;
  void add(std::string name, double seconds);
};

struct LoadedGraph {
  // The inputs, alive while diagnostics are printed; load_graph() frees them
  // before it returns. (The parsed notes belong to the extraction, which
  // frees each once its triples are in the store.)
  std::vector<std::unique_ptr<diag::SourceFile>> sources;
  store::TripleStore store;
  extract::BuildStats stats;
  std::size_t input_bytes = 0;
  std::size_t failures = 0;  // errors (and warnings under --strict): exit code 1
  PhaseTimes times;
};

// Returns false when the graph must not be written: an input error (or, with
// --strict, a warning) unless --keep-going. Diagnostics go to `err`.
// With Indexing::quads_only the store is left sorted but not frozen: the
// caller builds the permutations (TripleStore::index_permutations) while it
// reads the quads in order. `after_window`, when set, is called as
// extraction fills the store (extract::BuildOptions::after_window), but only
// when the inputs parsed without an error (nor, under --strict, a warning):
// a caller may write the graph out as it comes, and keep it if load_graph()
// then returns true with no failures.
enum class Indexing { full, quads_only };
using AfterWindow = std::function<void(store::TripleStore&, std::size_t first)>;
bool load_graph(const GraphOptions& options, LoadedGraph& graph, std::ostream& err, Indexing indexing = Indexing::full,
                const AfterWindow& after_window = {});

// Prints diagnostics GCC-style; returns the number of errors (warnings too when strict).
std::size_t report(const diag::Diagnostics& diags, const LoadedGraph& graph, bool strict, bool quiet,
                   std::ostream& err);

}  // namespace ng::cli
