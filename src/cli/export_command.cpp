// notegraph export: the graph of notes in one format, to stdout or -o FILE
// (written atomically).
#include <iostream>

#include "cli/commands.hpp"
#include "cli/graph_options.hpp"
#include "exporters/atomic_file.hpp"
#include "exporters/ntriples_writer.hpp"

namespace ng::cli {

namespace {

struct ExportArgs {
  GraphOptions graph;
  std::string format;
  std::string output;
  bool with_lines = false;
};

int run_export(const ExportArgs& args) {
  LoadedGraph graph;
  if (!load_graph(args.graph, graph, std::cerr)) return 1;
  exporters::WriteOptions options;
  options.with_lines = args.with_lines;
  auto write = [&](std::ostream& out) {
    if (args.format == "nq") exporters::write_nquads(graph.store, out, options);
    else exporters::write_ntriples(graph.store, out, options);
  };
  if (args.output.empty() || args.output == "-") {
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

}  // namespace

Runner add_export_command(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  auto* cmd = app.add_subcommand("export", "Write the graph of notes in one format");
  cmd->add_option("-f,--format", args->format, "Output format")->required()->check(CLI::IsMember({"nt", "nq"}));
  cmd->add_option("-o,--output", args->output, "Output file (default: standard output)");
  cmd->add_flag("--lines", args->with_lines, "Follow each statement with a '# file:line' comment (its provenance)");
  add_graph_options(*cmd, args->graph);
  return [args] { return run_export(*args); };
}

}  // namespace ng::cli
