// notegraph export: the graph of notes in one format, to stdout or -o FILE
// (written atomically).
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <vector>

#include "cli/commands.hpp"
#include "cli/graph_options.hpp"
#include "exporters/atomic_file.hpp"
#include "exporters/diagram.hpp"
#include "exporters/jsonld_writer.hpp"
#include "exporters/ntriples_writer.hpp"
#include "exporters/property_graph.hpp"
#include "exporters/turtle_writer.hpp"

namespace ng::cli {

namespace {

struct ExportArgs {
  GraphOptions graph;
  std::string format;
  std::string output;
  bool with_lines = false;
  bool expanded = false;
  std::string frame;
  std::size_t split = 0; // triples per file; 0 = one file
};

// Writes `text` (whole N-Triples/N-Quads lines) to OUTPUT.0001.EXT,
// OUTPUT.0002.EXT… with `per_file` lines each; OUTPUT "x.nt" gives x.0001.nt.
// Every part is staged before any is renamed (in ascending order); then the
// parts after the last one, left by an earlier run with more of them, are
// removed, so that the parts on disk are always one run's complete set once
// the command has finished.
bool write_split(const std::string &output, const std::string &text,
                 std::size_t per_file, std::string &error) {
  const auto dot = output.find_last_of('.');
  const bool has_ext =
      dot != std::string::npos && output.find('/', dot) == std::string::npos;
  const std::string stem = has_ext ? output.substr(0, dot) : output,
                    ext = has_ext ? output.substr(dot) : "";
  auto part_path = [&](std::size_t part) {
    char number[24];
    std::snprintf(number, sizeof number, ".%04zu", part);
    return stem + number + ext;
  };
  std::vector<exporters::OutputFile> parts;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = start;
    for (std::size_t n = 0; n < per_file && end < text.size(); ++n) {
      const auto nl = text.find('\n', end);
      end = nl == std::string::npos ? text.size() : nl + 1;
    }
    const auto chunk = std::string_view(text).substr(start, end - start);
    parts.push_back({part_path(parts.size() + 1),
                     [chunk](std::ostream &out) { out << chunk; }});
    start = end;
  }
  if (!exporters::write_files_atomically(parts, error))
    return false;
  for (std::size_t part = parts.size() + 1;; ++part) {
    const std::string stale = part_path(part);
    struct stat st {};
    if (::lstat(stale.c_str(), &st) != 0 ||
        !(S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)))
      break;
    if (::unlink(stale.c_str()) != 0) {
      error = "cannot remove '" + stale +
              "', a part left by an earlier run: " + std::strerror(errno);
      return false;
    }
  }
  return true;
}

bool is_csv_dialect(const std::string &format) {
  return format == "neo4j" || format == "neptune-gremlin" ||
         format == "neptune-opencypher";
}

// A property-graph CSV dialect: DIR/nodes.csv, DIR/relationships.csv and
// DIR/README.md (the load command), each written atomically.
bool write_csv_folder(const store::TripleStore &store, const std::string &format,
                      const std::string &dir, std::string &error) {
  const auto dialect = format == "neo4j" ? exporters::CsvDialect::neo4j
                       : format == "neptune-gremlin"
                           ? exporters::CsvDialect::neptune_gremlin
                           : exporters::CsvDialect::neptune_opencypher;
  const auto files = exporters::write_property_graph_csv(
      exporters::build_property_graph(store), dialect);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    error = "cannot create " + dir + ": " + ec.message();
    return false;
  }
  // All three are staged before any is renamed: a failed export replaces
  // none of them.
  const std::filesystem::path base(dir);
  std::vector<exporters::OutputFile> outputs;
  for (const auto &[name, text] :
       {std::pair{"nodes.csv", &files.nodes},
        std::pair{"relationships.csv", &files.relationships},
        std::pair{"README.md", &files.readme}})
    outputs.push_back(
        {(base / name).string(), [file_text = text](std::ostream &out) { out << *file_text; }});
  return exporters::write_files_atomically(outputs, error);
}

bool ends_with(const std::string &s, const std::string &suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int run_export(const ExportArgs &args) {
  if (is_csv_dialect(args.format) &&
      (args.output.empty() || args.output == "-")) {
    std::cerr << "notegraph: error: -f " << args.format
              << " writes a folder: give it with -o DIR\n";
    return 2;
  }
  LoadedGraph graph;
  if (!load_graph(args.graph, graph, std::cerr))
    return 1;
  if (is_csv_dialect(args.format) && args.split == 0) {
    std::string error;
    if (!write_csv_folder(graph.store, args.format, args.output, error)) {
      std::cerr << "notegraph: error: " << error << "\n";
      return 1;
    }
    return graph.failures == 0 ? 0 : 1;
  }
  exporters::WriteOptions options;
  options.with_lines = args.with_lines;
  auto write = [&](std::ostream &out) {
    if (args.format == "nq") {
      exporters::write_nquads(graph.store, out, options);
    } else if (args.format == "ttl") {
      exporters::write_turtle(graph.store, out, {args.graph.base});
    } else if (args.format == "jsonld") {
      exporters::JsonLdOptions jsonld;
      jsonld.base = args.graph.base;
      jsonld.form = args.expanded ? exporters::JsonLdForm::expanded
                    : args.frame == "services"
                        ? exporters::JsonLdForm::services
                        : exporters::JsonLdForm::compacted;
      exporters::write_jsonld(graph.store, out, jsonld);
    } else if (args.format == "dot") {
      exporters::ServiceView view;
      std::string unused;
      exporters::build_service_view(graph.store, {}, view, unused);
      exporters::write_dot(view, out);
    } else if (args.format == "graphml") {
      exporters::write_graphml(exporters::build_property_graph(graph.store),
                               out);
    } else if (args.format == "mermaid") {
      exporters::ServiceView view;
      std::string unused;
      exporters::build_service_view(graph.store, {}, view, unused);
      // A Markdown file gets the fenced block, ready to paste into notes.
      const bool fenced = ends_with(args.output, ".md");
      if (fenced)
        out << "```mermaid\n";
      exporters::write_mermaid(view, out);
      if (fenced)
        out << "```\n";
    } else {
      exporters::write_ntriples(graph.store, out, options);
    }
  };
  if (args.split > 0) {
    if (args.output.empty() || args.output == "-" ||
        (args.format != "nt" && args.format != "nq")) {
      std::cerr << "notegraph: error: --split needs -o FILE and -f nt or nq\n";
      return 2;
    }
    std::ostringstream text;
    write(text);
    std::string error;
    if (!write_split(args.output, text.str(), args.split, error)) {
      std::cerr << "notegraph: error: " << error << "\n";
      return 1;
    }
  } else if (args.output.empty() || args.output == "-") {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "notegraph: error: writing to standard output failed\n";
      return 1;
    }
  } else {
    std::string error;
    if (!exporters::write_file_atomically(args.output, write, error)) {
      std::cerr << "notegraph: error: " << error << "\n";
      return 1;
    }
  }
  return graph.failures == 0 ? 0 : 1;
}

} // namespace

Runner add_export_command(CLI::App &app) {
  auto args = std::make_shared<ExportArgs>();
  auto *cmd =
      app.add_subcommand("export", "Write the graph of notes in one format");
  cmd->add_option("-f,--format", args->format, "Output format")
      ->required()
      ->check(CLI::IsMember({"nt", "nq", "ttl", "jsonld", "dot", "graphml",
                                   "mermaid", "neo4j", "neptune-gremlin",
                                   "neptune-opencypher"}));
  cmd->add_option("-o,--output", args->output,
                  "Output file (default: standard output); the folder for "
                  "neo4j, neptune-gremlin and neptune-opencypher");
  cmd->add_flag(
      "--lines", args->with_lines,
      "Follow each statement with a '# file:line' comment (its provenance)");
  cmd->add_flag("--expanded", args->expanded,
                "jsonld: the expanded form instead of the compacted one");
  cmd->add_option(
         "--frame", args->frame,
         "jsonld: 'services' writes the services with their categories nested")
      ->check(CLI::IsMember({"services"}));
  cmd->add_option(
         "--split", args->split,
         "nt/nq: cut the output into files of N statements (FILE.0001.nt, …)")
      ->check(CLI::PositiveNumber);
  add_graph_options(*cmd, args->graph);
  return [args] { return run_export(*args); };
}

} // namespace ng::cli
