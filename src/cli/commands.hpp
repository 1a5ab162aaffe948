// The subcommands of the notegraph CLI: each registers its options on the
// CLI11 app and runs when chosen, returning the process exit code
// (0 success, 1 input errors, 2 usage).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace ng::cli {

using Runner = std::function<int()>;

Runner add_build_command(CLI::App& app);
Runner add_export_command(CLI::App& app);
Runner add_diagram_command(CLI::App& app);
Runner add_query_command(CLI::App& app);

}  // namespace ng::cli
