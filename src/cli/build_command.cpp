// notegraph build: notes -> DIR/graph.nt and DIR/graph.nq, written
// atomically, with a one-line summary of what was found.
#include <chrono>
#include <exception>
#include <filesystem>
#include <iostream>
#include <thread>
#include <vector>

#include "cli/commands.hpp"
#include "cli/graph_options.hpp"
#include "exporters/atomic_file.hpp"
#include "exporters/ntriples_writer.hpp"
#include "model/vocab.hpp"

namespace ng::cli {

namespace {

struct BuildArgs {
  GraphOptions graph;
  std::string out_dir = "out";
};

std::size_t count_predicate(const store::TripleStore& store, std::string_view iri) {
  auto id = store.dictionary().find(model::Term::iri(std::string(iri)));
  if (!id) return 0;
  std::size_t n = 0;
  const store::Quad* prev = nullptr;
  for (const auto& q : store.scan({store::kNoTerm, *id, store::kNoTerm, store::kNoTerm})) {
    if (!prev || prev->s != q.s || prev->o != q.o) ++n;  // distinct triples, not quads
    prev = &q;
  }
  return n;
}

int run_build(const BuildArgs& args) {
  auto start = std::chrono::steady_clock::now();
  LoadedGraph graph;
  bool writable = load_graph(args.graph, graph, std::cerr, Indexing::quads_only);
  if (!writable) return 1;

  std::error_code ec;
  std::filesystem::create_directories(args.out_dir, ec);
  if (ec) {
    std::cerr << "notegraph: error: cannot create " << args.out_dir << ": " << ec.message() << "\n";
    return 1;
  }
  const auto dir = std::filesystem::path(args.out_dir);
  exporters::WriteOptions write_options;
  // The two files are independent reads of the frozen store: write them on
  // two threads (the machine has two cores and the writers are CPU-bound).
  // Both are staged before either is renamed, so a failed run replaces
  // neither; then graph.nt, graph.nq are renamed in that order.
  struct Output {
    std::string path;
    bool quads;
    bool ok = false;
    std::string error;
  };
  Output outputs[] = {{(dir / "graph.nt").string(), false, false, {}}, {(dir / "graph.nq").string(), true, false, {}}};
  std::vector<exporters::StagedFile> staged(std::size(outputs));
  auto write_one = [&](std::size_t i) noexcept {
    Output& o = outputs[i];
    try {
      o.ok = staged[i].stage(
          o.path,
          [&](std::ostream& out) {
            if (o.quads)
              exporters::write_nquads(graph.store, out, write_options);
            else
              exporters::write_ntriples(graph.store, out, write_options);
          },
          o.error);
    } catch (const std::exception& e) {  // out of memory; the old file stays
      o.ok = false;
      o.error = o.path + ": " + e.what();
    }
  };
  auto phase_start = std::chrono::steady_clock::now();
  auto since = [](std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
  };
  // The writers read the quads in SPOG order only: the other permutations
  // (for the summary's count, and complete for any later reader) are built
  // meanwhile, in the time the writers wait for the disk.
  std::exception_ptr index_failure;
  std::thread index([&]() noexcept {
    try {
      graph.store.index_permutations();
    } catch (...) {
      index_failure = std::current_exception();
    }
  });
  std::thread second([&] { write_one(1); });
  write_one(0);
  second.join();
  index.join();
  if (index_failure) std::rethrow_exception(index_failure);
  graph.times.add("write", since(phase_start));
  for (const auto& o : outputs) {
    if (!o.ok) {
      std::cerr << "notegraph: error: " << o.error << "\n";
      return 1;
    }
  }
  phase_start = std::chrono::steady_clock::now();
  if (std::string error; !exporters::commit_staged_files(staged, error)) {
    std::cerr << "notegraph: error: " << error << "\n";
    return 1;
  }
  graph.times.add("commit", since(phase_start));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto& s = graph.stats;
  std::cout << "notegraph: " << s.files << (s.files == 1 ? " file, " : " files, ") << s.sections << " sections, "
            << s.services << " services, " << s.categories << " categories, " << s.terms << " terms, "
            << count_predicate(graph.store, vocab::ng_mentions) << " mentions, " << graph.store.triple_count()
            << " triples (" << graph.store.size() << " quads) in " << seconds << " s, store "
            << graph.store.memory_bytes() << " bytes -> " << (dir / "graph.nt").string() << ", "
            << (dir / "graph.nq").string() << "\n";
  if (args.graph.timings) {
    std::cout.flush();
    // Phases: read+parse (files read, Markdown parsed), extract (entities,
    // mentions, triples), index (quads sorted by subject), write (both files
    // serialized to temporary files and fsynced, the POS and OSP
    // permutations built meanwhile), commit (renames, folder fsync).
    for (const auto& phase : graph.times.phases)
      std::cerr << "notegraph: timing: " << phase.name << " " << phase.seconds << " s, cpu " << phase.cpu_seconds
                << " s, peak resident so far "
                << phase.peak_mib << " MiB\n";
  }
  return graph.failures == 0 ? 0 : 1;
}

}  // namespace

Runner add_build_command(CLI::App& app) {
  auto args = std::make_shared<BuildArgs>();
  auto* cmd = app.add_subcommand("build", "Build the graph of notes into DIR/graph.nt and DIR/graph.nq");
  add_graph_options(*cmd, args->graph);
  cmd->add_option("-o,--output", args->out_dir, "Output folder (created if missing)")->capture_default_str();
  cmd->add_flag("--timings", args->graph.timings,
                "Print the wall and CPU time of each phase (read+parse, extract, index, write, commit) to stderr");
  return [args] { return run_build(*args); };
}

}  // namespace ng::cli
