// notegraph build: notes -> DIR/graph.nt and DIR/graph.nq, written
// atomically (during extraction when it can be, else from the finished
// store), with a one-line summary of what was found.
#include <chrono>
#include <exception>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>
#include <vector>

#include "cli/commands.hpp"
#include "cli/graph_options.hpp"
#include "exporters/atomic_file.hpp"
#include "exporters/ntriples_writer.hpp"
#include "exporters/quad_stream_writer.hpp"
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

// graph.nt and graph.nq written while extraction runs, a window of entities
// at a time (extract::BuildOptions::after_window), so that the disk takes
// them while the text is still being scanned: each window's quads are sorted
// and appended to the staged files. Given up, and the files written from the
// finished store instead, when a window cannot keep the files in S,P,O,G
// order (an entity IRI that the vocabulary took first: ids then do not rise
// with the entities), or when a file cannot be created or written (the
// writing from the store then reports why).
class StreamedOutputs {
 public:
  explicit StreamedOutputs(std::filesystem::path dir) : dir_(std::move(dir)) {}

  void after_window(store::TripleStore& store, std::size_t first) {
    if (state_ == State::given_up) return;
    const auto window = store.sort_added(first);
    if (state_ == State::not_started) {
      std::error_code ec;
      std::filesystem::create_directories(dir_, ec);
      std::string error;
      if (ec || !staged_[0].begin((dir_ / "graph.nt").string(), error) ||
          !staged_[1].begin((dir_ / "graph.nq").string(), error)) {
        give_up();
        return;
      }
      writer_ = std::make_unique<exporters::QuadStreamWriter>(store.dictionary(), staged_[0].out(), staged_[1].out());
      state_ = State::writing;
    }
    if (!writer_->write(window) || !staged_[0].out() || !staged_[1].out()) give_up();
  }

  bool writing() const { return state_ == State::writing; }

  // The rest of the files to the disk, each synced and closed on a thread of
  // its own; then they are ready to commit.
  std::vector<exporters::StagedFile>& finish(bool ok[2], std::string errors[2]) {
    writer_->flush();
    std::thread second([&] { ok[1] = staged_[1].end(errors[1]); });
    ok[0] = staged_[0].end(errors[0]);
    second.join();
    return staged_;
  }

 private:
  enum class State { not_started, writing, given_up };
  void give_up() {
    writer_.reset();
    for (auto& file : staged_) file.discard();
    state_ = State::given_up;
  }

  std::filesystem::path dir_;
  State state_ = State::not_started;
  std::vector<exporters::StagedFile> staged_ = std::vector<exporters::StagedFile>(2);
  std::unique_ptr<exporters::QuadStreamWriter> writer_;
};

int run_build(const BuildArgs& args) {
  auto start = std::chrono::steady_clock::now();
  LoadedGraph graph;
  const auto dir = std::filesystem::path(args.out_dir);
  StreamedOutputs streamed(dir);
  bool writable =
      load_graph(args.graph, graph, std::cerr, Indexing::quads_only,
                 [&](store::TripleStore& store, std::size_t first) { streamed.after_window(store, first); });
  if (!writable) return 1;

  std::error_code ec;
  std::filesystem::create_directories(args.out_dir, ec);
  if (ec) {
    std::cerr << "notegraph: error: cannot create " << args.out_dir << ": " << ec.message() << "\n";
    return 1;
  }
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
  std::vector<exporters::StagedFile>* to_commit = &staged;
  if (streamed.writing()) {
    // Written during extraction: only the last of it is left to hand over.
    bool ok[2] = {false, false};
    std::string errors[2];
    to_commit = &streamed.finish(ok, errors);
    for (std::size_t i = 0; i < 2; ++i) {
      outputs[i].ok = ok[i];
      outputs[i].error = errors[i];
    }
  } else {
    std::thread second([&] { write_one(1); });
    write_one(0);
    second.join();
  }
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
  if (std::string error; !exporters::commit_staged_files(*to_commit, error)) {
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
    // mentions, triples, and both files written to temporary files as each
    // window of entities is done), index (quads sorted by subject), write
    // (the rest of both files written and fsynced, the POS and OSP
    // permutations built meanwhile), commit (renames, folder fsync).
    for (const auto& phase : graph.times.phases)
      std::cerr << "notegraph: timing: " << phase.name << " " << phase.seconds << " s, cpu " << phase.cpu_seconds
                << " s, peak resident so far " << phase.peak_mib << " MiB\n";
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
