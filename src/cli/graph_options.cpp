// Shared option definitions, so build and export spell them the same way.
#include "cli/graph_options.hpp"

#include <iostream>

namespace ng::cli {

void add_graph_options(CLI::App& cmd, GraphOptions& o) {
  cmd.add_option("PATH", o.paths, "Notes files or folders (searched recursively for *.md); - reads stdin")->required();
  cmd.add_option("--base", o.base, "Namespace IRI of the entities (default https://w3id.org/notegraph/notes/)");
  // One FILE per occurrence (repeat the option for more), so that a table
  // option never swallows the notes or the query text after it.
  cmd.add_option("--rules", o.rule_files, "More classification rules (see data/classes.rules)")
      ->allow_extra_args(false);
  cmd.add_option("--aliases", o.alias_files, "More aliases (see data/aliases.tsv)")->allow_extra_args(false);
  cmd.add_option("--cues", o.relation_files, "More relation cues (see data/relations.tsv)")->allow_extra_args(false);
  // The cue tables were once added with --relations FILE; that name stays as a
  // deprecated alias, except where the subcommand already uses it (diagram:
  // --relations a,b is the relation filter).
  if (!cmd.get_option_no_throw("--relations")) {
    cmd.add_option_function<std::vector<std::string>>(
           "--relations",
           [&o](const std::vector<std::string>& files) {
             std::cerr << "notegraph: warning: --relations FILE is deprecated; use --cues FILE\n";
             o.relation_files.insert(o.relation_files.end(), files.begin(), files.end());
           },
           "Deprecated alias of --cues")
        ->allow_extra_args(false)
        ->group("");
  }
  cmd.add_flag("--no-default-tables", o.no_default_tables, "Do not use the built-in tables from data/");
  cmd.add_flag("--strict", o.strict, "Treat warnings as errors");
  cmd.add_flag("--keep-going", o.keep_going,
               "Write what could be built even when inputs have errors (exit code stays 1)");
  cmd.add_flag("-q,--quiet", o.quiet, "Do not print warnings");
  // The parser's limits: sizes take a unit (1GiB, 512KB, 100000).
  cmd.add_option("--max-file-size", o.limits.max_file_bytes, "Refuse a notes file larger than SIZE (an error)")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str()
      ->group("Limits");
  cmd.add_option("--max-line-size", o.limits.max_line_bytes,
                 "Read at most SIZE of a line; the rest of it is dropped (a warning)")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str()
      ->group("Limits");
  cmd.add_option("--max-list-depth", o.limits.max_nesting,
                 "Nest lists and blockquotes at most N deep; deeper ones stay at N (a warning)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20))
      ->capture_default_str()
      ->group("Limits");
}

}  // namespace ng::cli
