// notegraph's entry point: parses the command line and runs one subcommand.
// Exceptions stop here: they are bugs, reported as such (exit 3).
#include <exception>
#include <iostream>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"notegraph: Markdown notes -> RDF knowledge graph", "notegraph"};
  app.set_version_flag("--version", std::string("notegraph ") + NG_VERSION);
  app.require_subcommand(1);
  auto build = ng::cli::add_build_command(app);
  auto exporter = ng::cli::add_export_command(app);
  auto diagram = ng::cli::add_diagram_command(app);
  auto query = ng::cli::add_query_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;  // --help/--version exit 0; every usage error is 2
  }
  try {
    if (app.got_subcommand("build")) return build();
    if (app.got_subcommand("diagram")) return diagram();
    if (app.got_subcommand("query")) return query();
    return exporter();
  } catch (const std::exception& e) {
    std::cerr << "notegraph: internal error: " << e.what() << "\n";
    return 3;
  }
}
