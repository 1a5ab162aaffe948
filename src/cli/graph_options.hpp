// The options every graph-reading subcommand shares (inputs, --base, the
// extraction tables, --strict, --keep-going, -q), registered in one place.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/notes_loader.hpp"

namespace ng::cli {

void add_graph_options(CLI::App& cmd, GraphOptions& options);

}  // namespace ng::cli
