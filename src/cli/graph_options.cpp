// Shared option definitions, so build and export spell them the same way.
#include "cli/graph_options.hpp"

namespace ng::cli {

void add_graph_options(CLI::App& cmd, GraphOptions& o) {
  cmd.add_option("PATH", o.paths, "Notes files or folders (searched recursively for *.md); - reads stdin")
      ->required();
  cmd.add_option("--base", o.base, "Namespace IRI of the entities (default https://w3id.org/notegraph/notes/)");
  cmd.add_option("--rules", o.rule_files, "More classification rules (see data/classes.rules)");
  cmd.add_option("--aliases", o.alias_files, "More aliases (see data/aliases.tsv)");
  cmd.add_option("--relations", o.relation_files, "More relation cues (see data/relations.tsv)");
  cmd.add_flag("--no-default-tables", o.no_default_tables, "Do not use the built-in tables from data/");
  cmd.add_flag("--strict", o.strict, "Treat warnings as errors");
  cmd.add_flag("--keep-going", o.keep_going, "Write what could be built even when inputs have errors (exit code stays 1)");
  cmd.add_flag("-q,--quiet", o.quiet, "Do not print warnings");
}

}  // namespace ng::cli
