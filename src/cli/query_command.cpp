// notegraph query: loads a graph (from notes, or from N-Triples/N-Quads/Turtle
// files with -g), runs one SPARQL query on it and prints the results in a W3C
// results format, a terminal table, or N-Triples for CONSTRUCT/DESCRIBE.
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <system_error>

#include "cli/commands.hpp"
#include "cli/graph_options.hpp"
#include "diag/render.hpp"
#include "diag/source_file.hpp"
#include "exporters/triples_diagram.hpp"
#include "query/results/write_results.hpp"
#include "query/sparql.hpp"
#include "rdfio/store_loader.hpp"

namespace ng::cli {

namespace {

constexpr const char* kDefaultBase = "https://w3id.org/notegraph/notes/";

struct QueryArgs {
  GraphOptions graph;  // graph.paths holds every positional: notes, then maybe the query
  std::vector<std::string> graph_files;
  std::string graph_format;
  std::string query_file;
  std::string results;
  bool explain = false;
  bool stats = false;
  double timeout = 0;
  std::size_t max_rows = 0;
  std::size_t max_memory = query::EvalOptions{}.max_memory;
  std::size_t max_query_depth = query::ParseOptions{}.max_nesting;
};

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Resident set size of this process in bytes (Linux), 0 when unknown.
std::size_t resident_bytes() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmRSS:") {
      std::size_t kb = 0;
      status >> kb;
      return kb * 1024;
    }
    status.ignore(1 << 20, '\n');
  }
  return 0;
}

// Splits the positionals into notes and the query text; false on a usage error.
// With -g every positional is the query; with notes the last positional is the
// query unless -f is given or it names an existing path (or "-").
bool take_query_text(QueryArgs& args, std::optional<std::string>& inline_query) {
  auto& positional = args.graph.paths;
  // The error_code overload: a long query is no valid path ("File name too
  // long") and must not throw.
  std::error_code not_a_path;
  bool last_is_query = !positional.empty() && args.query_file.empty() &&
                       (!args.graph_files.empty() ||
                        (positional.back() != "-" && !std::filesystem::exists(positional.back(), not_a_path)));
  if (last_is_query) {
    inline_query = positional.back();
    positional.pop_back();
  }
  if (!args.graph_files.empty() && !positional.empty()) {
    std::cerr << "notegraph: error: give either -g GRAPH files or notes, not both\n";
    return false;
  }
  if (args.graph_files.empty() && positional.empty()) {
    std::cerr << "notegraph: error: no graph: give notes (files or folders) or -g GRAPH\n";
    return false;
  }
  return true;
}

// Prints diagnostics GCC-style, quoting the line of `source` when they are in it.
void print_diagnostics(const diag::Diagnostics& diags, const diag::SourceFile* source) {
  for (const auto& d : diags.items()) {
    std::string_view line;
    if (source && d.file == source->name()) line = source->line(d.where.line);
    std::cerr << diag::render(d, line);
  }
}

// A hit resource limit gets one line naming the option; true when one was hit.
bool print_limit_hit(const diag::Diagnostics& diags, const QueryArgs& args) {
  for (const auto& d : diags.items()) {
    std::string why;
    if (d.kind == "timeout") {
      std::ostringstream seconds;
      seconds << args.timeout;
      why = "it ran longer than --timeout " + seconds.str() + " s";
    } else if (d.kind == "row-limit") {
      why = "a result or intermediate table exceeded --max-rows " + std::to_string(args.max_rows) + " rows";
    } else if (d.kind == "memory-limit") {
      why = d.message + " (--max-memory)";
    } else {
      continue;
    }
    std::cerr << "notegraph: error: query stopped: " << why << "; no results printed\n";
    return true;
  }
  return false;
}

bool is_diagram_format(const std::string& name) {
  return name == "dot" || name == "svg" || name == "png" || name == "pdf";
}

bool load_graph_files(const QueryArgs& args, store::TripleStore& store) {
  std::optional<rdfio::GraphSyntax> syntax;
  if (!args.graph_format.empty()) syntax = rdfio::syntax_from_name(args.graph_format);
  bool ok = true;
  for (const auto& path : args.graph_files) {
    diag::Diagnostics diags;
    rdfio::load_graph_file(path, syntax, store, diags, args.graph.base);
    if (diags.items().empty()) continue;
    std::optional<diag::SourceFile> source;  // re-read only to quote the faulty lines
    std::string text;
    diag::Diagnostics unused;
    if (diags.has_errors() && diag::read_source(path, text, unused)) source.emplace(path, std::move(text));
    print_diagnostics(diags, source ? &*source : nullptr);
    if (diags.has_errors()) ok = false;
  }
  store.freeze();
  // Loading's scratch (the file's text, the sort buffers) was freed inside
  // the heap, where glibc keeps it resident; hand it back before the queries.
  malloc_trim(0);
  return ok;
}

bool read_query(const QueryArgs& args, const std::optional<std::string>& inline_query, std::string& text,
                std::string& name) {
  if (inline_query) {
    text = *inline_query;
    name = "<query>";
    return true;
  }
  diag::Diagnostics diags;
  name = args.query_file.empty() ? "<stdin>" : args.query_file;
  if (!diag::read_source(args.query_file.empty() ? "-" : args.query_file, text, diags)) {
    print_diagnostics(diags, nullptr);
    return false;
  }
  return true;
}

int run_query(QueryArgs& args) {
  std::optional<std::string> inline_query;
  if (!take_query_text(args, inline_query)) return 2;
  if (!inline_query && args.query_file.empty() &&
      std::find(args.graph.paths.begin(), args.graph.paths.end(), "-") != args.graph.paths.end()) {
    std::cerr << "notegraph: error: the notes and the query cannot both come from standard input\n";
    return 2;
  }
  // dot, svg, png, pdf: a CONSTRUCT/DESCRIBE result drawn by Graphviz.
  const bool diagram = is_diagram_format(args.results);
  std::optional<query::results::ResultFormat> format;
  if (!args.results.empty() && !diagram) format = query::results::result_format_from_name(args.results);

  std::string text, name;
  if (!read_query(args, inline_query, text, name)) return 1;
  const std::string base = args.graph.base.empty() ? kDefaultBase : args.graph.base;
  query::ParseOptions parse_options;
  parse_options.file = name;
  parse_options.base = base;
  parse_options.max_nesting = args.max_query_depth;
  diag::Diagnostics query_diags;
  query::ParsedQuery parsed = query::parse_query(text, parse_options, query_diags);
  diag::SourceFile query_source(name, text);
  print_diagnostics(query_diags, &query_source);
  if (!parsed.ok()) return 1;
  if (diagram && parsed.form() != query::QueryForm::construct && parsed.form() != query::QueryForm::describe) {
    std::cerr << "notegraph: error: --results " << args.results
              << " draws the graph of a CONSTRUCT or DESCRIBE query; a"
              << (parsed.form() == query::QueryForm::select ? " SELECT" : "n ASK")
              << " query returns no graph (use --results table, tsv, csv, json or xml)\n";
    return 2;
  }
  if (format && !query::results::format_supports(parsed.form(), *format)) {
    std::cerr << "notegraph: error: --results " << args.results << " does not fit a"
              << (parsed.form() == query::QueryForm::select ? " SELECT"
                  : parsed.form() == query::QueryForm::ask  ? "n ASK"
                                                            : " CONSTRUCT/DESCRIBE")
              << " query\n";
    return 2;
  }
  if (!format && !diagram) {
    bool graph_form = parsed.form() == query::QueryForm::construct || parsed.form() == query::QueryForm::describe;
    // ASK prints "true" or "false" (the table form) anywhere: the W3C TSV/CSV
    // formats have no boolean, and a script reads one word best.
    bool ask = parsed.form() == query::QueryForm::ask;
    format = graph_form                       ? query::results::ResultFormat::nt
             : ask || ::isatty(STDOUT_FILENO) ? query::results::ResultFormat::table
                                              : query::results::ResultFormat::tsv;
  }

  std::size_t resident_before_load = resident_bytes();
  auto load_start = Clock::now();
  LoadedGraph graph;
  if (args.graph_files.empty()) {
    if (!load_graph(args.graph, graph, std::cerr)) return 1;
  } else if (!load_graph_files(args, graph.store)) {
    return 1;
  }
  double load_seconds = seconds_since(load_start);
  std::size_t resident_after_load = resident_bytes();

  query::EvalOptions eval_options;
  eval_options.timeout = args.timeout;
  eval_options.max_rows = args.max_rows;
  eval_options.max_memory = args.max_memory;
  eval_options.file = name;
  diag::Diagnostics eval_diags;
  auto query_start = Clock::now();
  std::string plan;
  query::QueryResult result;
  if (args.explain)
    plan = query::explain(parsed, graph.store, eval_options, eval_diags);
  else
    result = query::evaluate(parsed, graph.store, eval_options, eval_diags);
  double query_seconds = seconds_since(query_start);
  if (!print_limit_hit(eval_diags, args)) print_diagnostics(eval_diags, &query_source);
  if (eval_diags.has_errors()) return 1;
  if (args.explain) {
    std::cout << plan;
  } else if (diagram) {
    exporters::TriplesDiagramOptions diagram_options;
    diagram_options.base = base;
    std::ostringstream drawing;
    std::string error;
    if (!exporters::render_triples_diagram(result.triples, graph.store, diagram_options, args.results, drawing,
                                           error)) {
      std::cerr << "notegraph: error: " << error << "\n";
      return 1;
    }
    std::cout << drawing.str();
  } else {
    query::results::WriteOptions write_options;
    write_options.base = base;
    query::results::write_results(result, graph.store.dictionary(), *format, std::cout, write_options);
  }
  std::cout.flush();
  if (args.stats) {
    std::size_t rows = result.form == query::QueryForm::select ? result.table.row_count()
                       : result.form == query::QueryForm::ask  ? 1
                                                               : result.triples.size();
    std::cerr << "notegraph: stats: load " << load_seconds << " s, " << graph.store.size() << " quads, store "
              << graph.store.memory_bytes() << " bytes, resident " << resident_after_load << " bytes ("
              << resident_before_load << " before loading); query " << query_seconds << " s, " << rows << " rows\n";
  }
  if (!std::cout) {
    std::cerr << "notegraph: error: writing to standard output failed\n";
    return 1;
  }
  return graph.failures == 0 ? 0 : 1;
}

}  // namespace

Runner add_query_command(CLI::App& app) {
  auto args = std::make_shared<QueryArgs>();
  auto* cmd = app.add_subcommand("query", "Run a SPARQL query on the graph of notes or on graph files");
  cmd->footer(
      "Usage: notegraph query [OPTIONS] [-g GRAPH... | NOTES...] (QUERY | -f FILE.rq)\n"
      "With neither QUERY nor -f the query is read from standard input.");
  add_graph_options(*cmd, args->graph);
  cmd->get_option("PATH")->required(false)->description(
      "Notes files or folders, then the query text (unless -f); with -g only the query");
  cmd->add_option("-g,--graph", args->graph_files, "Query these N-Triples/N-Quads/Turtle files (by extension)")
      ->allow_extra_args(false)
      ->check(CLI::ExistingFile);
  cmd->add_option("--graph-format", args->graph_format, "Syntax of the -g files whatever their extension")
      ->check(CLI::IsMember({"nt", "ntriples", "n-triples", "nq", "nquads", "n-quads", "ttl", "turtle"}));
  cmd->add_option("-f,--file", args->query_file, "Read the query from this file");
  cmd->add_option(
         "--results", args->results,
         "table, tsv, csv, json, xml (SELECT/ASK; default: table on a terminal, else tsv; ASK: true/false); nt, nq "
         "(CONSTRUCT/DESCRIBE; default nt); dot, svg, png, pdf (CONSTRUCT/DESCRIBE drawn by Graphviz)")
      ->check(
          CLI::IsMember({"table", "tsv", "csv", "json", "srj", "xml", "srx", "nt", "nq", "dot", "svg", "png", "pdf"}));
  cmd->add_flag("--explain", args->explain,
                "Print the plan with estimated and real row counts to stdout instead of the results");
  cmd->add_option("--timeout", args->timeout, "Stop the query after SECONDS (exit 1)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-rows", args->max_rows, "Stop when a result or intermediate table exceeds N rows (exit 1)");
  cmd->add_option("--max-memory", args->max_memory,
                  "Stop when intermediate results would take more than SIZE (exit 1; 0 = no ceiling)")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str();
  cmd->add_option("--max-query-depth", args->max_query_depth,
                  "Refuse a query whose groups, parentheses or operator chains nest more than N deep")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000}))
      ->capture_default_str();
  cmd->add_flag("--stats", args->stats, "Print load and query seconds and memory to stderr");
  return [args] { return run_query(*args); };
}

}  // namespace ng::cli
