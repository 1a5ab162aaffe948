// Input expansion and the parse -> extract pipeline for the CLI. Folders are
// walked without following symlinked folders (so a symlink loop cannot trap
// it) and their files are sorted, so the same tree always gives the same graph.
#include "cli/notes_loader.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <ostream>
#include <set>
#include <system_error>
#include <unordered_map>

#include "diag/render.hpp"
#include "notes/notes_parser.hpp"
#include "support/run_both.hpp"

namespace ng::cli {

namespace fs = std::filesystem;

namespace {

struct Input {
  std::string path;  // as we open it
  std::string name;  // relative name: the document IRI's tail
};

bool is_notes_file(const fs::path& p) {
  auto ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".md" || ext == ".markdown";
}

void expand(const std::string& arg, std::vector<Input>& out, diag::Diagnostics& diags) {
  if (arg == "-") {
    out.push_back({"-", "stdin"});
    return;
  }
  std::error_code ec;
  fs::file_status st = fs::status(arg, ec);
  if (ec || !fs::exists(st)) {
    // ec says why a path that exists cannot be used (e.g. a symlink loop).
    diags.error("unreadable-file", arg, {}, ec ? ec.message() : "no such file or folder");
    return;
  }
  if (!fs::is_directory(st)) {
    out.push_back({arg, fs::path(arg).filename().string()});
    return;
  }
  std::vector<Input> found;
  fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code fec;
    if (it->is_regular_file(fec) && is_notes_file(it->path()))
      found.push_back({it->path().string(), it->path().lexically_relative(arg).generic_string()});
    else if (fec && is_notes_file(it->path()))  // e.g. a symlink loop: skipped, but not silently
      diags.warning("unreadable-file", it->path().string(), {}, fec.message());
  }
  if (ec) diags.warning("unreadable-folder", arg, {}, "could not walk the whole folder: " + ec.message());
  std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.name < b.name; });
  out.insert(out.end(), found.begin(), found.end());
}

extract::Tables load_tables(const GraphOptions& options, diag::Diagnostics& diags) {
  extract::Tables tables = options.no_default_tables ? extract::Tables{} : extract::default_tables();
  auto read_each = [&](const std::vector<std::string>& files, auto parse) {
    for (const auto& f : files) {
      std::string text;
      if (diag::read_source(f, text, diags)) parse(text, f, tables, diags);
    }
  };
  read_each(options.rule_files, extract::parse_class_rules);
  read_each(options.alias_files, extract::parse_aliases);
  read_each(options.relation_files, extract::parse_relation_cues);
  return tables;
}

// One input read and parsed, with its own diagnostics.
struct ParsedInput {
  std::unique_ptr<diag::SourceFile> source;
  std::unique_ptr<notes::Document> document;
  diag::Diagnostics diags;
  std::size_t bytes = 0;
};

void read_and_parse(const Input& in, const notes::ParseLimits& limits, ParsedInput& p, diag::TextPool* pool) {
  auto text = diag::SourceText::open(in.path, p.diags, pool);
  if (!text) return;
  p.bytes = text->view().size();
  // No line table: it is made only if a diagnostic quotes a line.
  p.source = std::make_unique<diag::SourceFile>(in.path, std::move(text), false);
  p.document = std::make_unique<notes::Document>(notes::parse_notes(*p.source, p.diags, limits));
  // The document shares the text it points into; drop the line table and
  // this reference now (extraction releases the text's pages as it goes);
  // report() reads the file again if it has lines to quote. Standard input
  // cannot be read again, so its text stays.
  if (in.path != "-") p.source->drop_text();
}

// Reads and parses every input; several files are shared out between two
// threads (files are independent until extraction). The results, and so the
// diagnostics and the graph, are in input order whatever the threads did.
std::vector<ParsedInput> read_and_parse(const std::vector<Input>& inputs, const notes::ParseLimits& limits) {
  std::vector<ParsedInput> parsed(inputs.size());
  const bool reads_stdin = std::any_of(inputs.begin(), inputs.end(), [](const Input& in) { return in.path == "-"; });
  if (inputs.size() < 2 || reads_stdin) {
    for (std::size_t k = 0; k < inputs.size(); ++k) read_and_parse(inputs[k], limits, parsed[k], nullptr);
    return parsed;
  }
  // Small files go to a pool of mappings per thread, which extraction hands
  // back whole as it frees the notes in order (see diag::TextPool).
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    diag::TextPool pool;
    for (std::size_t k; (k = next.fetch_add(1)) < inputs.size();) read_and_parse(inputs[k], limits, parsed[k], &pool);
  };
  support::run_both(work, work);
  return parsed;
}

}  // namespace

std::size_t report(const diag::Diagnostics& diags, const LoadedGraph& graph, bool strict, bool quiet,
                   std::ostream& err) {
  std::unordered_map<std::string_view, const diag::SourceFile*> by_name;
  std::vector<std::unique_ptr<diag::SourceFile>> reread;  // files whose text was dropped after parsing
  for (const auto& s : graph.sources) by_name.emplace(s->name(), s.get());
  auto source_of = [&](const std::string& file) -> const diag::SourceFile* {
    auto it = by_name.find(file);
    if (it == by_name.end()) return nullptr;
    if (!it->second->has_text()) {  // read it again, once, to quote its lines
      std::string text;
      diag::Diagnostics unused;
      if (!diag::read_source(it->second->name(), text, unused)) return nullptr;
      reread.push_back(std::make_unique<diag::SourceFile>(it->second->name(), std::move(text)));
      it->second = reread.back().get();
    }
    return it->second;
  };
  std::size_t failures = 0;
  for (const auto& d : diags.items()) {
    bool counts = d.severity == diag::Severity::error || (strict && d.severity == diag::Severity::warning);
    if (counts) ++failures;
    if (quiet && !counts) continue;
    const diag::SourceFile* source = d.where.line == 0 ? nullptr : source_of(d.file);
    err << diag::render(d, source ? source->line(d.where.line) : std::string_view{});
  }
  return failures;
}

void PhaseTimes::add(std::string name, double seconds) {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  const double cpu = secs(usage.ru_utime) + secs(usage.ru_stime);
  phases.push_back({std::move(name), seconds, static_cast<double>(usage.ru_maxrss) / 1024.0, cpu - cpu_so_far});
  cpu_so_far = cpu;
}

bool load_graph(const GraphOptions& options, LoadedGraph& graph, std::ostream& err, Indexing indexing,
                const AfterWindow& after_window) {
  diag::Diagnostics diags;
  extract::Tables tables = load_tables(options, diags);
  std::vector<Input> inputs;
  for (const auto& p : options.paths) expand(p, inputs, diags);
  // Two arguments may yield the same relative name; the IRI tail must be unique.
  std::set<std::string> names;
  for (auto& in : inputs)
    if (!names.insert(in.name).second) in.name = in.path;

  using clock = std::chrono::steady_clock;
  auto since = [](clock::time_point t) { return std::chrono::duration<double>(clock::now() - t).count(); };
  auto phase_start = clock::now();
  bool windows_wanted = false;  // decided once the inputs are parsed
  extract::BuildOptions build_options{options.base, 2, {}};
  if (after_window)
    build_options.after_window = [&](store::TripleStore& store, std::size_t first) {
      if (windows_wanted) after_window(store, first);
    };
  extract::GraphBuilder builder(std::move(tables), build_options);
  std::vector<ParsedInput> parsed = read_and_parse(inputs, options.limits);
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    ParsedInput& p = parsed[k];
    for (const auto& d : p.diags.items()) diags.add(d);
    if (!p.document) continue;
    graph.input_bytes += p.bytes;
    graph.sources.push_back(std::move(p.source));
    builder.add_document(std::move(p.document), inputs[k].name);
  }
  if (inputs.empty() && !diags.has_errors()) diags.error("no-input", "notegraph", {}, "no Markdown files found");
  graph.times.add("read+parse", since(phase_start));
  const bool any_warning = std::any_of(diags.items().begin(), diags.items().end(),
                                       [](const diag::Diagnostic& d) { return d.severity == diag::Severity::warning; });
  windows_wanted = !diags.has_errors() && !(options.strict && any_warning);
  phase_start = clock::now();
  graph.stats = builder.build(graph.store, diags);
  graph.times.add("extract", since(phase_start));
  std::size_t failures = report(diags, graph, options.strict, options.quiet, err);
  graph.failures = failures;
  // The triples hold copies of all they need: the builder freed each parsed
  // note once its triples were in the store; the sources go before the
  // indexes are built.
  graph.sources.clear();
  phase_start = clock::now();
  if (indexing == Indexing::full)
    graph.store.freeze();
  else
    graph.store.sort_quads();
  graph.times.add("index", since(phase_start));
  if (failures != 0) {
    err << "notegraph: " << failures << (failures == 1 ? " error" : " errors")
        << (options.keep_going ? "; writing what could be built (--keep-going)\n" : "; nothing written\n");
    return options.keep_going;
  }
  return true;
}

}  // namespace ng::cli
