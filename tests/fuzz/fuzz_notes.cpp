// Fuzz target `notes`: one random notes file through the notes parser and the
// extraction into the store, as `notegraph build` runs them. Checks that no
// input throws or crashes, that every diagnostic and every triple's provenance
// points into the file, and that each diagnostic renders with its caret.
#include <cstddef>
#include <cstdint>

#include "diag/render.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ng;
  const auto graph = fuzz::build_notes_graph(data, size);
  const auto lines = graph->source->line_count();
  for (const auto& d : graph->diags.items()) {
    fuzz::check(d.where.line <= lines + 1, "diagnostic line past the end of the file", d.message);
    diag::render(d, d.where.line >= 1 && d.where.line <= lines ? graph->source->line(d.where.line) : "");
  }
  const auto& store = graph->store;
  for (std::size_t i = 0; i < store.size(); ++i) {
    const auto where = store.provenance(i);
    fuzz::check(where.file < store.files().size(), "provenance names no file");
    fuzz::check(where.line >= 1 && where.line <= lines + 1, "provenance line outside the file");
  }
  return 0;
}
