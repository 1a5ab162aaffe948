// notegraph diagram: the service-relationship diagram of the notes, drawn by
// Graphviz in-process and written atomically to -o FILE (or stdout); the
// format follows FILE's extension unless -T names it.
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/graph_options.hpp"
#include "exporters/atomic_file.hpp"
#include "exporters/diagram.hpp"

namespace ng::cli {

namespace {

struct DiagramArgs {
  GraphOptions graph;
  std::string output, format;
  exporters::ViewOptions view;
  exporters::DiagramOptions diagram;
  bool no_clusters = false;
};

int run_diagram(DiagramArgs &args) {
  std::string format = args.format;
  if (format.empty()) {
    format = std::filesystem::path(args.output).extension().string();
    if (!format.empty())
      format.erase(0, 1);
  }
  if (format.empty())
    format = "svg";
  args.diagram.clusters = !args.no_clusters;
  LoadedGraph graph;
  if (!load_graph(args.graph, graph, std::cerr))
    return 1;
  exporters::ServiceView view;
  std::string error;
  if (!exporters::build_service_view(graph.store, args.view, view, error)) {
    std::cerr << "notegraph: error: " << error << "\n";
    return 1;
  }
  if (view.nodes.empty()) {
    // Notes without the default rules' "AWS 서비스" layout have no services:
    // say so rather than draw an empty picture without a word.
    std::string classes;
    for (const auto &c : args.view.classes) classes += (classes.empty() ? "" : ", ") + c;
    const std::string message = "nothing to draw: no entity of class " + classes +
                                " in the notes (name others with --classes, e.g. --classes Section)";
    if (args.graph.strict) {
      std::cerr << "notegraph: error: " << message << "; nothing written\n";
      return 1;
    }
    if (!args.graph.quiet) std::cerr << "notegraph: warning: " << message << "; the diagram is empty\n";
  }
  auto write = [&](std::ostream &out) {
    if (format == "dot" || format == "gv") {
      exporters::write_dot(view, out, args.diagram);
    } else if (!exporters::render_diagram(view, format, out, args.diagram,
                                          error)) {
      throw std::runtime_error(error);
    }
  };
  try {
    if (args.output.empty() || args.output == "-") {
      write(std::cout);
      std::cout.flush();
    } else if (!exporters::write_file_atomically(args.output, write, error)) {
      std::cerr << "notegraph: error: " << error << "\n";
      return 1;
    }
  } catch (const std::runtime_error &e) {
    std::cerr << "notegraph: error: " << e.what() << "\n";
    return 1;
  }
  return graph.failures == 0 ? 0 : 1;
}

} // namespace

Runner add_diagram_command(CLI::App &app) {
  auto args = std::make_shared<DiagramArgs>();
  auto *cmd = app.add_subcommand(
      "diagram", "Draw the service-relationship diagram (Graphviz)");
  cmd->add_option(
      "-o,--output", args->output,
      "Output file; its extension (dot, svg, png, pdf) is the format");
  cmd->add_option("-T,--type", args->format,
                  "Output format, overriding the extension")
      ->check(
          CLI::IsMember({"dot", "gv", "svg", "png", "pdf", "json", "plain"}));
  cmd->add_option("--focus", args->view.focus,
                  "Draw the neighbourhood of one node (label, alias or IRI)");
  cmd->add_option("--depth", args->view.depth,
                  "Hops around --focus (default 1)")
      ->check(CLI::NonNegativeNumber);
  // Added before the shared options, which then leave --relations to it
  // (elsewhere it is the deprecated alias of --cues FILE).
  cmd->add_option("--relations,--edges", args->view.relations,
                  "Relations to draw, e.g. runsOn,mentions (default all)")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd->add_option("--classes", args->view.classes,
                  "Classes whose members are nodes (default Service)")
      ->delimiter(',');
  cmd->add_option("--layout", args->diagram.layout,
                  "Layout engine (default auto: dot, sfdp past 600 nodes)")
      ->check(CLI::IsMember({"auto", "dot", "neato", "fdp", "sfdp", "circo"}));
  cmd->add_option("--rankdir", args->diagram.rankdir,
                  "Direction of dot layouts")
      ->check(CLI::IsMember({"LR", "TB", "RL", "BT"}));
  cmd->add_flag("--no-clusters", args->no_clusters,
                "Do not group nodes by category");
  cmd->add_option("--font", args->diagram.font,
                  "Font name (must have Hangul for Korean notes)");
  add_graph_options(*cmd, args->graph);
  return [args] { return run_diagram(*args); };
}

} // namespace ng::cli
