// notegraph's entry point: parses the command line and runs one subcommand.
// Exceptions stop here: they are bugs, reported as such (exit 3).
#include <exception>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"

#if defined(NG_WITH_MIMALLOC)
#include <mimalloc.h>
#endif

namespace {

// "notegraph VERSION", and the allocator when it is not the C library's: the
// build links mimalloc, and this says whether the process really allocates
// with it (a library loaded ahead of it could take malloc over).
std::string version_text() {
  std::string text = std::string("notegraph ") + NG_VERSION;
#if defined(NG_WITH_MIMALLOC)
  const auto probe = std::make_unique<char[]>(64);
  const int v = mi_version();
  text += mi_is_in_heap_region(probe.get())
              ? "\nallocator: mimalloc " + std::to_string(v / 100) + "." + std::to_string(v / 10 % 10) + "." +
                    std::to_string(v % 10)
              : std::string("\nallocator: the C library's (mimalloc is linked but not in use)");
#endif
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"notegraph: Markdown notes -> RDF knowledge graph", "notegraph"};
  app.set_version_flag("--version", version_text());
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
