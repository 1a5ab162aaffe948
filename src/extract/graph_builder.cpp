// Orchestrates extraction and emits the triples. Mentions are found per text
// piece with one trie walk; relation cues are looked for only in pieces that
// mention something, and tie a cue to the mentions of its own sentence.
#include "extract/graph_builder.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <functional>
#include <mutex>
#include <tuple>
#include <unordered_map>

#include "extract/classifier.hpp"
#include "extract/entities.hpp"
#include "extract/iri_minter.hpp"
#include "extract/mention_matcher.hpp"
#include "extract/script_class.hpp"
#include "extract/sentences.hpp"
#include "model/vocab.hpp"
#include "support/run_both.hpp"

namespace ng::extract {

namespace {

using store::TermId;

// Ids of the IRIs every build uses, interned once.
struct Predicates {
  TermId type, label, alt_label, title, description, see_also, number, level, parent, mentions, links_to, tag;
  TermId document, section, term, xsd_integer;

  explicit Predicates(store::Dictionary& d)
      : type(d.intern_iri(vocab::rdf_type)),
        label(d.intern_iri(vocab::rdfs_label)),
        alt_label(d.intern_iri(vocab::skos_altLabel)),
        title(d.intern_iri(vocab::dcterms_title)),
        description(d.intern_iri(vocab::dcterms_description)),
        see_also(d.intern_iri(vocab::rdfs_seeAlso)),
        number(d.intern_iri(vocab::ng_number)),
        level(d.intern_iri(vocab::ng_level)),
        parent(d.intern_iri(vocab::ng_parent)),
        mentions(d.intern_iri(vocab::ng_mentions)),
        links_to(d.intern_iri(vocab::ng_linksTo)),
        tag(d.intern_iri(vocab::ng_tag)),
        document(d.intern_iri(vocab::ng_Document)),
        section(d.intern_iri(vocab::ng_Section)),
        term(d.intern_iri(vocab::ng_Term)),
        xsd_integer(d.intern_iri(vocab::xsd_integer)) {}
};

std::string field_iri(std::string_view key) { return std::string(vocab::field) + iri_path_escape(to_nfc(key)); }

bool has_scheme(std::string_view url) {
  std::size_t i = 0;
  while (i < url.size() &&
         (std::isalnum(static_cast<unsigned char>(url[i])) || url[i] == '+' || url[i] == '-' || url[i] == '.'))
    ++i;
  return i > 1 && i < url.size() && url[i] == ':' && std::isalpha(static_cast<unsigned char>(url[0]));
}

// Makes a link target a valid absolute IRI by percent-encoding the characters
// N-Triples forbids; returns empty when it is not absolute.
std::string link_iri(std::string_view url) {
  if (!has_scheme(url)) return {};
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : url) {
    auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '\\' || c == '^' ||
        c == '`' || c == 0x7F) {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

// "folder/note.md" -> "note"; "/scalability/" -> "scalability"; "x.md#part" -> "x".
std::string link_stem(std::string_view target) {
  target = target.substr(0, target.find_first_of("#?"));
  while (!target.empty() && target.back() == '/') target.remove_suffix(1);
  auto slash = target.rfind('/');
  if (slash != std::string_view::npos) target = target.substr(slash + 1);
  if (target.ends_with(".md")) target.remove_suffix(3);
  return MentionMatcher::normalize(target);
}

class Emitter {
 public:
  Emitter(store::TripleStore& store, const EntityModel& model, const Tables& tables, diag::Diagnostics& diags,
          unsigned scan_threads, const std::function<void(store::TripleStore&, std::size_t)>& after_window,
          const std::function<void(std::uint32_t)>& document_done)
      : after_window_(after_window),
        document_done_(document_done),
        store_(store),
        dict_(store.dictionary()),
        model_(model),
        tables_(tables),
        diags_(diags),
        p_(dict_),
        scan_threads_(scan_threads) {}

  // Extracts everything; `alongside` (minting the IRIs) runs while the name
  // matcher is built, which reads no IRI, and the first window of text is
  // scanned while the IRIs are interned.
  template <class Alongside>
  void run(Alongside&& alongside);

 private:
  // One matcher holds the names and, as a second key set, the cue words:
  // one scan of a text finds both.
  void build_matcher();
  // Interns the IRIs the emission needs, in an order that is part of the
  // output: entities, classes, link rule properties, cue properties.
  void intern_ids();
  // Splits the entities into scan windows; true when the text is large
  // enough to be scanned on two threads.
  bool plan_windows();
  // `duplicate_kind` names the warning given when another entity already has
  // the name ("duplicate-name", "duplicate-alias"); nullptr gives none.
  void add_names(std::uint32_t entity, std::string_view name, const char* duplicate_kind);
  void emit_entity(std::uint32_t index);
  // One mention or typed relation found in an entity's text, as indexes (the
  // first window is scanned before the ids are interned).
  struct ScannedRelation {
    std::uint32_t cue;     // index in tables_.cues, kMention for a mention
    std::uint32_t entity;  // the object
    std::uint32_t line;
  };
  static constexpr std::uint32_t kMention = 0xFFFFFFFFu;
  // Where an entity's relations are: its window's scanned[part][first, first + count).
  struct EntityScan {
    std::uint8_t part = 0;
    std::uint32_t first = 0, count = 0;
  };
  // Per-thread scratch of scan_text().
  struct TextScanner {
    std::vector<MentionMatcher::Match> matches, cue_matches;
  };
  // An entity's description made ready by the scanning thread (joined,
  // trimmed, in NFC, language chosen, hashed), so that the serial emitter
  // only interns it. Its text is a view into the input, or when it had to be
  // joined or normalized, bytes [offset, offset + size) of its window's descriptions[part].
  struct PreparedDescription {
    const char* direct = nullptr;  // the text in the input, or nullptr when in the window's buffer
    std::uint32_t offset = 0, size = 0;
    std::uint32_t line = 0;
    std::uint8_t part = 0;
    bool present = false, korean = false;
    std::uint64_t hash = 0;
  };
  // Text scanned per window, and below which the entities' text is scanned
  // on one thread.
  static constexpr std::size_t kScanWindowBytes = std::size_t{1} << 20;
  static constexpr std::size_t kParallelScanBytes = std::size_t{256} << 10;
  void scan_text(std::uint32_t index, TextScanner& scanner, std::vector<ScannedRelation>& out) const;
  void prepare_description(std::uint32_t index, std::uint8_t part, std::string& buffer,
                           PreparedDescription& out) const;
  void emit_text(std::uint32_t index, TermId subject, TermId graph, std::uint32_t file);
  void emit_links(std::uint32_t index, TermId subject, TermId graph, std::uint32_t file);
  void emit_fields(std::uint32_t index, TermId subject, TermId graph, std::uint32_t file);
  // Emits every window; the first is scanned already when `first_window_scanned`
  // (and then the others are scanned on two threads too).
  void emit_all(bool first_window_scanned);
  TermId resolve(std::string_view name) const;
  // A plain literal (labels, numbers, field values); descriptions, the
  // language-tagged ones, are made by prepare_description().
  TermId literal(std::string_view text);
  void add(TermId s, TermId p, TermId o, TermId g, std::uint32_t file, std::uint32_t line) {
    store_.add(s, p, o, g, {file, line});
  }

  const std::function<void(store::TripleStore&, std::size_t)>& after_window_;
  // Called with a document's index once its last entity is emitted: nothing
  // reads the document after that (entities are emitted in document order,
  // and the other thread only scans windows after the one being emitted).
  const std::function<void(std::uint32_t)>& document_done_;
  store::TripleStore& store_;
  store::Dictionary& dict_;
  const EntityModel& model_;
  const Tables& tables_;
  diag::Diagnostics& diags_;
  Predicates p_;
  unsigned scan_threads_;
  std::vector<TermId> entity_ids_;
  std::vector<TermId> class_ids_;
  MentionMatcher names_;  // and the cues
  std::vector<bool> capitalized_only_;  // per entity: mentioned only where written with a capital
  // Warnings of names given twice, by entity, while the matcher is built.
  std::vector<std::pair<std::uint32_t, diag::Diagnostic>> duplicate_warnings_;
  std::vector<TermId> cue_properties_;
  std::unordered_map<std::string, std::uint32_t> doc_by_stem_;
  // What scanning a window of entities [from, to) found, per part (the
  // entities one thread scanned).
  struct ScanWindow {
    std::uint32_t from = 0, to = 0;
    std::vector<ScannedRelation> scanned[2];
    std::string descriptions[2];  // joined or normalized descriptions
    std::vector<PreparedDescription> prepared;  // per entity, from `from`
    // Which entities are left to scan: the helper thread takes them from the
    // front, the emitting thread from the back once it has emitted the window
    // before.
    std::mutex claim_lock;
    std::uint32_t front = 0, back = 0;
  };
  void start_window(ScanWindow& w, std::uint32_t from, std::uint32_t to);
  void scan_entity(ScanWindow& w, std::uint32_t index, std::uint8_t part);
  // Scans entities of `w` from the front (part 0) or the back (part 1) until none is left.
  void scan_claimed(ScanWindow& w, std::uint8_t part);
  std::vector<EntityScan> scans_;            // per entity
  std::vector<std::size_t> text_bytes_;      // per entity: bytes of its text pieces
  std::vector<std::uint32_t> window_starts_;  // entity indexes, then the entity count
  ScanWindow windows_[2];                    // the window being emitted and the next one
  const ScanWindow* emitting_ = nullptr;
  TextScanner scanners_[2];
  struct CompiledLinkRule {
    std::uint32_t from, to;  // class ids
    TermId property;
  };
  std::vector<CompiledLinkRule> link_rules_;
};

void Emitter::add_names(std::uint32_t entity, std::string_view name, const char* duplicate_kind) {
  std::uint32_t first = names_.add(name, entity);
  const Entity& e = model_.entities[entity];
  const Entity& other = model_.entities[first];
  // A name used twice in one file, or by two classified entities (two
  // services), is ambiguous; generic headings repeated across files
  // ("Summary", "개념") are normal and not worth a warning.
  bool ambiguous = e.doc == other.doc || (!e.classes.empty() && !other.classes.empty());
  if (duplicate_kind && first != entity && ambiguous) {
    duplicate_warnings_.push_back(
        {entity, diag::Diagnostic{diag::Severity::warning,
                                  duplicate_kind,
                                  model_.docs[e.doc].parsed->file,
                                  {e.line, 1},
                                  "'" + std::string(name) + "' also names the entity at " +
                                      model_.docs[other.doc].parsed->file + ":" + std::to_string(other.line) +
                                      "; mentions of it go there"}});
  }
  // Vendor prefixes are optional before Latin-script names.
  std::string_view core = strip_vendor(name, tables_.vendor_prefixes);
  std::size_t len = 1;
  if (core.empty() || !is_latin_alnum(decode_at(core, 0, len))) return;
  names_.add(core, entity);
  for (const auto& v : tables_.vendor_prefixes) names_.add(v + std::string(core), entity);
}

void Emitter::build_matcher() {
  std::vector<std::uint32_t> excluded;
  for (const auto& iri : tables_.no_mention_classes) {
    auto it = std::find(model_.class_iris.begin(), model_.class_iris.end(), iri);
    if (it != model_.class_iris.end()) excluded.push_back(static_cast<std::uint32_t>(it - model_.class_iris.begin()));
  }
  // The first entity to add a name keeps it, so names are added by rank:
  // classified headings (services), other headings, then term items. A term
  // item such as a table of contents' "- [EC2](#ec2): Virtual servers" then
  // does not take the mentions of the EC2 section, wherever it stands; within
  // a rank, document order decides.
  auto rank_of = [](const Entity& e) {
    if (e.kind == EntityKind::term) return 2;
    return e.classes.empty() ? 1 : 0;
  };
  for (int rank = 0; rank < 3; ++rank) {
    for (std::uint32_t i = 0; i < model_.entities.size(); ++i) {
      const Entity& e = model_.entities[i];
      if (e.kind == EntityKind::document || rank_of(e) != rank) continue;
      bool skip = false;
      for (auto c : excluded) skip = skip || model_.has_class(e, c);
      if (skip) continue;
      // Two headings with the same name or the same acronym are ambiguous
      // mentions; term items and alias tables reuse names on purpose.
      const bool section = e.kind == EntityKind::section;
      add_names(i, e.label, section ? "duplicate-name" : nullptr);
      for (const auto& alt : e.alt_labels) add_names(i, alt, section ? "duplicate-alias" : nullptr);
    }
  }
  // Reported in the notes' order (entities are), not in the order of the ranks.
  std::stable_sort(duplicate_warnings_.begin(), duplicate_warnings_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [entity, warning] : duplicate_warnings_) diags_.add(std::move(warning));
  duplicate_warnings_.clear();
  for (const auto& a : tables_.aliases) {
    std::uint32_t target = names_.lookup(a.name);
    if (target == MentionMatcher::kNone) target = names_.lookup(strip_vendor(a.name, tables_.vendor_prefixes));
    if (target != MentionMatcher::kNone) add_names(target, a.alias, nullptr);
  }
  for (std::uint32_t i = 0; i < tables_.cues.size(); ++i) names_.add_cue(tables_.cues[i].cue, i);
  // Terms named by one capitalized ASCII word ("**Performance:** …",
  // "Example: …", "Pricing: …" in a list) are list labels more often than
  // names: the text mentions them only where it capitalizes them too.
  capitalized_only_.assign(model_.entities.size(), false);
  for (std::uint32_t i = 0; i < model_.entities.size(); ++i) {
    const Entity& e = model_.entities[i];
    const std::string_view l = e.label;
    capitalized_only_[i] = e.kind == EntityKind::term && l.size() >= 2 && l[0] >= 'A' && l[0] <= 'Z' &&
                           std::all_of(l.begin() + 1, l.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  }
  // A name of one character ("a: AMD CPUs" in a list of instance type
  // letters, a single syllable) would match the article "a", or a syllable of
  // any word: wikilinks and inline fields resolve to it, but text does not
  // mention it.
  names_.set_search_one_character_names(false);
  names_.build();
}

TermId Emitter::literal(std::string_view text) {
  // Most text is already NFC: intern it from where it is, without a copy.
  std::string normalized;
  if (!is_nfc_stable(text)) {
    normalized = to_nfc(text);
    text = normalized;
  }
  return dict_.intern(model::TermView(model::TermKind::literal, text, {}, {}));
}

TermId Emitter::resolve(std::string_view name) const {
  std::uint32_t target = names_.lookup(name);
  if (target != MentionMatcher::kNone) return entity_ids_[target];
  auto it = doc_by_stem_.find(link_stem(name));
  if (it != doc_by_stem_.end()) return entity_ids_[model_.docs[it->second].entity];
  return store::kNoTerm;
}

template <class Alongside>
void Emitter::run(Alongside&& alongside) {
  const bool parallel = plan_windows();
  if (!parallel) {
    build_matcher();
    alongside();
    intern_ids();
    emit_all(false);
    return;
  }
  // The matcher is built while the IRIs are minted and interned on the
  // other thread (the dictionary is not shared, but nothing else touches it
  // meanwhile: the scan records indexes). The first window is scanned from
  // the front as soon as the matcher is built, and from the back once the
  // IRIs are interned. The matcher comes first: should no thread start,
  // run_both() runs both parts here in order, and nothing waits forever.
  start_window(windows_[0], window_starts_[0], window_starts_[1]);
  std::atomic<bool> matcher_ready{false};
  bool matcher_failed = false;
  support::run_both(
      [&] {
        try {
          build_matcher();
        } catch (...) {  // out of memory: run_both rethrows it once the other part is done
          matcher_failed = true;
          matcher_ready = true;
          matcher_ready.notify_one();
          throw;
        }
        matcher_ready = true;
        matcher_ready.notify_one();
        scan_claimed(windows_[0], 0);
      },
      [&] {
        alongside();
        intern_ids();
        matcher_ready.wait(false);
        if (!matcher_failed) scan_claimed(windows_[0], 1);
      });
  emit_all(true);
}

void Emitter::intern_ids() {
  // The dictionary gives ids in first-seen order, and the output is in id
  // order: what is interned here, and in which order, is part of the output.
  for (const auto& e : model_.entities) entity_ids_.push_back(dict_.intern_iri(e.iri));
  for (const auto& c : model_.class_iris) class_ids_.push_back(dict_.intern_iri(c));
  for (std::uint32_t d = 0; d < model_.docs.size(); ++d) doc_by_stem_.emplace(link_stem(model_.docs[d].name), d);
  for (const auto& rule : tables_.link_rules) {
    auto from = std::find(model_.class_iris.begin(), model_.class_iris.end(), rule.from_class_iri);
    auto to = std::find(model_.class_iris.begin(), model_.class_iris.end(), rule.to_class_iri);
    if (from == model_.class_iris.end() || to == model_.class_iris.end()) continue;  // no entity has the class
    link_rules_.push_back({static_cast<std::uint32_t>(from - model_.class_iris.begin()),
                           static_cast<std::uint32_t>(to - model_.class_iris.begin()),
                           dict_.intern_iri(rule.property_iri)});
  }
  for (const auto& cue : tables_.cues) cue_properties_.push_back(dict_.intern_iri(cue.property_iri));
}

// Entities are scanned a window at a time (about kScanWindowBytes of text),
// so the scan results held at once stay small.
bool Emitter::plan_windows() {
  const auto n = static_cast<std::uint32_t>(model_.entities.size());
  scans_.assign(n, {});
  text_bytes_.assign(n, 0);
  for (std::uint32_t i = 0; i < n; ++i) {
    const Entity& e = model_.entities[i];
    const notes::Document& parsed = *model_.docs[e.doc].parsed;
    for (const TextPiece& piece : e.text) text_bytes_[i] += parsed.blocks[piece.block].text.size();
  }
  window_starts_.clear();
  std::size_t total_bytes = 0;
  for (std::uint32_t i = 0; i < n;) {
    window_starts_.push_back(i);
    std::size_t bytes = 0;
    while (i < n && bytes < kScanWindowBytes) bytes += text_bytes_[i++];
    total_bytes += bytes;
  }
  window_starts_.push_back(n);
  return scan_threads_ >= 2 && total_bytes >= kParallelScanBytes && window_starts_.size() > 1;
}

// Emits the entities in order and, as it goes, lets each document's source
// text release the pages no later entity reads: a block is read only by the
// entities whose text or fields name it, so once every remaining entity of a
// document starts at block m, the input before block m is done with. (Blocks
// point into the input in input order.) This keeps the input from adding its
// whole size to the peak, which is here, while the store grows.
void Emitter::emit_all(bool first_window_scanned) {
  const auto n = static_cast<std::uint32_t>(model_.entities.size());
  constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  // first_block[i]: the smallest block entity i or a later entity of the same
  // document reads (kNone: none).
  std::vector<std::uint32_t> first_block(n + 1, kNone);
  for (std::uint32_t i = n; i-- > 0;) {
    const Entity& e = model_.entities[i];
    std::uint32_t m = (i + 1 < n && model_.entities[i + 1].doc == e.doc) ? first_block[i + 1] : kNone;
    for (const TextPiece& p : e.text) m = std::min(m, p.block);
    for (const InlineField& f : e.fields) m = std::min(m, f.block);
    first_block[i] = m;
  }
  // next_input: the first block at or after first_block[i] whose text lies
  // in the input; first_block only grows within a document, so the search
  // resumes where it stopped.
  const auto& window_starts = window_starts_;
  const bool parallel = first_window_scanned;
  std::uint32_t doc = kNone, next_input = 0;
  auto emit_range = [&](std::uint32_t from, std::uint32_t to) {
    for (std::uint32_t i = from; i < to; ++i) {
      if (model_.entities[i].doc != doc) {
        if (doc != kNone && document_done_) document_done_(doc);
        doc = model_.entities[i].doc;
        next_input = 0;
      }
      const notes::Document& parsed = *model_.docs[doc].parsed;
      if (parsed.source) {
        const std::string_view input = parsed.source->view();
        auto in_input = [&](const notes::Block& b) {
          return b.text.data() >= input.data() && b.text.data() < input.data() + input.size();
        };
        const auto blocks = static_cast<std::uint32_t>(parsed.blocks.size());
        next_input = std::max(next_input, std::min(first_block[i], blocks));
        while (next_input < blocks && !in_input(parsed.blocks[next_input])) ++next_input;
        parsed.source->release_before(next_input < blocks ? parsed.blocks[next_input].text.data()
                                                          : input.data() + input.size());
      }
      emit_entity(i);
    }
  };
  // A pipeline: while this thread emits window k (which only it can: the
  // dictionary and the store are not shared), a helper scans window k + 1,
  // and this thread joins in once it is done. Emission order, and so the
  // output, is that of a serial run.
  const std::size_t windows = window_starts.size() - 1;
  if (windows == 0) return;
  if (!first_window_scanned) {
    start_window(windows_[0], window_starts[0], window_starts[1]);
    scan_claimed(windows_[0], 0);
  }
  auto emit_window = [&](const ScanWindow& w) {
    const std::size_t first = store_.added_count();
    emit_range(w.from, w.to);
    if (after_window_) after_window_(store_, first);
  };
  for (std::size_t k = 0; k < windows; ++k) {
    ScanWindow& current = windows_[k % 2];
    emitting_ = &current;
    if (k + 1 == windows) {
      emit_window(current);
      break;
    }
    ScanWindow& next = windows_[(k + 1) % 2];
    start_window(next, window_starts[k + 1], window_starts[k + 2]);
    if (parallel) {
      support::run_both(
          [&] {
            emit_window(current);
            scan_claimed(next, 1);
          },
          [&] { scan_claimed(next, 0); });
    } else {
      emit_window(current);
      scan_claimed(next, 0);
    }
  }
  if (doc != kNone && document_done_) document_done_(doc);
}

void Emitter::emit_entity(std::uint32_t index) {
  const Entity& e = model_.entities[index];
  const SourceDocument& doc = model_.docs[e.doc];
  const TermId s = entity_ids_[index];
  const TermId g = entity_ids_[doc.entity];
  const std::uint32_t file = doc.file_index;
  const notes::Document& parsed = *doc.parsed;

  if (e.kind == EntityKind::document) {
    add(s, p_.type, p_.document, g, file, 1);
    bool titled = false;
    for (const auto& fm : parsed.front_matter) {
      if (fm.key == "title" && !fm.values.empty()) {
        add(s, p_.title, literal(fm.values[0]), g, file, fm.where.line);
        titled = true;
        continue;
      }
      TermId prop = (fm.key == "tags" || fm.key == "tag") ? p_.tag : dict_.intern_iri(field_iri(fm.key));
      for (auto v : fm.values) add(s, prop, literal(v), g, file, fm.where.line);
    }
    if (!titled) {
      for (std::uint32_t i = index + 1; i < model_.entities.size() && model_.entities[i].doc == e.doc; ++i)
        if (model_.entities[i].kind == EntityKind::section) {
          add(s, p_.title, literal(model_.entities[i].label), g, file, model_.entities[i].line);
          break;
        }
    }
  } else {
    add(s, p_.type, e.kind == EntityKind::term ? p_.term : p_.section, g, file, e.line);
    for (auto c : e.classes) add(s, p_.type, class_ids_[c], g, file, e.line);
    add(s, p_.label, literal(e.label), g, file, e.line);
    for (const auto& alt : e.alt_labels) add(s, p_.alt_label, literal(alt), g, file, e.line);
    if (!e.number.empty()) add(s, p_.number, literal(e.number), g, file, e.line);
    if (e.kind == EntityKind::section)
      add(s, p_.level,
          dict_.intern(model::Term::typed_literal(std::to_string(e.level), std::string(vocab::xsd_integer))), g, file,
          e.line);
    if (e.parent != kNoEntity) add(s, p_.parent, entity_ids_[e.parent], g, file, e.line);
    for (const auto& rule : link_rules_) {
      if (!model_.has_class(e, rule.from)) continue;
      std::uint32_t a = nearest_ancestor_with(model_, index, rule.to);
      if (a != kNoEntity) add(s, rule.property, entity_ids_[a], g, file, e.line);
    }
  }
  emit_text(index, s, g, file);
  emit_links(index, s, g, file);
  emit_fields(index, s, g, file);
}

// The mentions and typed relations of one entity's text, in the order they
// are added. Reads only const state (the compiled matcher, the model), so
// entities can be scanned on several threads.
void Emitter::scan_text(std::uint32_t index, TextScanner& scanner, std::vector<ScannedRelation>& out) const {
  const Entity& e = model_.entities[index];
  const notes::Document& parsed = *model_.docs[e.doc].parsed;
  for (const TextPiece& piece : e.text) {
    const notes::Block& b = parsed.blocks[piece.block];
    std::string_view text = b.text.substr(std::min<std::size_t>(piece.offset, b.text.size()));
    if (text.empty()) continue;
    auto& matches = scanner.matches;
    auto& cue_matches = scanner.cue_matches;
    matches.clear();
    cue_matches.clear();
    names_.find(text, matches, cue_matches);
    // A term named by one capitalized word is the common word where the text
    // writes it in lower case ("for quotas and pricing", "for example").
    std::erase_if(matches, [&](const MentionMatcher::Match& m) {
      return capitalized_only_[m.target] && text[m.begin] >= 'a' && text[m.begin] <= 'z';
    });
    bool any = false;
    for (const auto& m : matches) {
      if (m.target == index) continue;
      any = true;
      out.push_back({kMention, m.target, parsed.line_of(b, piece.offset + m.begin)});
    }
    if (!any || cue_matches.empty()) continue;
    // Each cue's sentence is found around it, not the whole text split up
    // front: cues are few, and most of a text lies in sentences without one.
    std::uint32_t first = 0, last = 0;
    bool known = false;  // [first, last] is the sentence of the cue before
    for (const auto& cue : cue_matches) {
      if (!known || cue.begin > last) std::tie(first, last) = sentence_around(text, cue.begin);
      known = true;
      auto m = std::lower_bound(matches.begin(), matches.end(), first,
                                [](const MentionMatcher::Match& x, std::uint32_t at) { return x.begin < at; });
      for (; m != matches.end() && m->begin <= last; ++m)
        if (m->target != index)
          out.push_back({cue.target, m->target, parsed.line_of(b, piece.offset + m->begin)});
    }
  }
}

void Emitter::start_window(ScanWindow& w, std::uint32_t from, std::uint32_t to) {
  w.from = from;
  w.to = to;
  w.front = from;
  w.back = to;
  for (int part = 0; part < 2; ++part) {
    w.scanned[part].clear();
    w.descriptions[part].clear();
  }
  w.prepared.assign(to - from, {});
}

// Entities are claimed one at a time: the scan of one is far costlier than
// the lock, and the two threads then end together.
void Emitter::scan_claimed(ScanWindow& w, std::uint8_t part) {
  for (;;) {
    std::uint32_t index;
    {
      std::lock_guard<std::mutex> hold(w.claim_lock);
      if (w.front == w.back) return;
      index = part == 0 ? w.front++ : --w.back;
    }
    scan_entity(w, index, part);
  }
}

// The mentions, typed relations and description of one entity, kept in the
// part's own buffers; emit_text() replays them in entity order.
void Emitter::scan_entity(ScanWindow& w, std::uint32_t index, std::uint8_t part) {
  auto& out = w.scanned[part];
  const auto first = static_cast<std::uint32_t>(out.size());
  scan_text(index, scanners_[part], out);
  scans_[index] = {part, first, static_cast<std::uint32_t>(out.size()) - first};
  prepare_description(index, part, w.descriptions[part], w.prepared[index - w.from]);
}

void Emitter::emit_text(std::uint32_t index, TermId subject, TermId graph, std::uint32_t file) {
  const ScanWindow& w = *emitting_;
  const EntityScan& scan = scans_[index];
  for (std::uint32_t k = 0; k < scan.count; ++k) {
    const ScannedRelation& r = w.scanned[scan.part][scan.first + k];
    add(subject, r.cue == kMention ? p_.mentions : cue_properties_[r.cue], entity_ids_[r.entity], graph, file, r.line);
  }
  const PreparedDescription& d = w.prepared[index - w.from];
  if (!d.present) return;
  const std::string_view text(d.direct ? d.direct : w.descriptions[d.part].data() + d.offset, d.size);
  const model::TermView term(model::TermKind::literal, text, d.korean ? "ko" : "en", {});
  add(subject, p_.description, dict_.intern(term, d.hash), graph, file, d.line);
}

// The description is the entity's text pieces joined by line breaks and
// trimmed of surrounding blank space.
void Emitter::prepare_description(std::uint32_t index, std::uint8_t part, std::string& buffer,
                                  PreparedDescription& out) const {
  const Entity& e = model_.entities[index];
  out = {};
  if (e.text.empty()) return;
  const notes::Document& parsed = *model_.docs[e.doc].parsed;
  std::string_view single;
  std::size_t pieces = 0, joined_at = buffer.size();
  for (const TextPiece& piece : e.text) {
    const notes::Block& b = parsed.blocks[piece.block];
    std::string_view text = b.text.substr(std::min<std::size_t>(piece.offset, b.text.size()));
    if (text.empty()) continue;
    if (pieces == 0) {
      single = text;
      out.line = parsed.line_of(b, piece.offset);
    } else {
      if (pieces == 1) buffer.append(single);
      buffer += '\n';
      buffer.append(text);
    }
    ++pieces;
  }
  bool in_buffer = pieces > 1;
  std::string_view text = in_buffer ? std::string_view(buffer).substr(joined_at) : single;
  const std::size_t a = text.find_first_not_of(" \t\n");
  if (a == std::string_view::npos) {
    buffer.resize(joined_at);
    return;
  }
  text = text.substr(a, text.find_last_not_of(" \t\n") - a + 1);
  // Most text is already NFC: it stays where it is, without a copy.
  if (!is_nfc_stable(text)) {
    std::string normalized = to_nfc(text);
    buffer.resize(joined_at);
    buffer.append(normalized);
    text = std::string_view(buffer).substr(joined_at);
    in_buffer = true;
  }
  out.present = true;
  out.part = part;
  out.size = static_cast<std::uint32_t>(text.size());
  if (in_buffer)
    out.offset = static_cast<std::uint32_t>(text.data() - buffer.data());
  else
    out.direct = text.data();
  out.korean = contains_hangul(text);
  out.hash = store::Dictionary::hash_term(model::TermView(model::TermKind::literal, text, out.korean ? "ko" : "en", {}));
}

void Emitter::emit_links(std::uint32_t index, TermId subject, TermId graph, std::uint32_t file) {
  const Entity& e = model_.entities[index];
  const notes::Document& parsed = *model_.docs[e.doc].parsed;
  for (std::uint32_t li : e.links) {
    const notes::Link& link = parsed.links[li];
    if (link.wiki) {
      TermId target = resolve(link.target);
      if (target == store::kNoTerm) {
        diags_.warning("dangling-wikilink", parsed.file, link.where,
                       "[[" + std::string(link.target) + "]] names no note or heading");
        continue;
      }
      if (target != subject) add(subject, p_.links_to, target, graph, file, link.where.line);
      continue;
    }
    std::string iri = link_iri(link.target);
    if (!iri.empty()) {
      add(subject, p_.see_also, dict_.intern_iri(iri), graph, file, link.where.line);
    } else if (auto it = doc_by_stem_.find(link_stem(link.target)); it != doc_by_stem_.end()) {
      TermId target = entity_ids_[model_.docs[it->second].entity];
      if (target != subject) add(subject, p_.links_to, target, graph, file, link.where.line);
    }
  }
}

void Emitter::emit_fields(std::uint32_t index, TermId subject, TermId graph, std::uint32_t file) {
  const Entity& e = model_.entities[index];
  const notes::Document& parsed = *model_.docs[e.doc].parsed;
  for (const InlineField& f : e.fields) {
    const notes::Block& b = parsed.blocks[f.block];
    TermId prop = dict_.intern_iri(field_iri(f.key));
    TermId value = store::kNoTerm;
    if (b.link_count == 1 && parsed.links[b.first_link].wiki) value = resolve(parsed.links[b.first_link].target);
    if (value == store::kNoTerm) value = resolve(b.text);
    if (value == store::kNoTerm) value = literal(b.text);
    add(subject, prop, value, graph, file, b.where.line);
  }
}

}  // namespace

GraphBuilder::GraphBuilder(Tables tables, BuildOptions options)
    : tables_(std::move(tables)), options_(std::move(options)) {
  if (options_.base.empty()) options_.base = vocab::default_base;
}

void GraphBuilder::add_document(const notes::Document& doc, std::string name) {
  docs_.emplace_back(&doc, std::move(name));
  owned_.emplace_back();
}

void GraphBuilder::add_document(std::unique_ptr<const notes::Document> doc, std::string name) {
  docs_.emplace_back(doc.get(), std::move(name));
  owned_.push_back(std::move(doc));
}

BuildStats GraphBuilder::build(store::TripleStore& store, diag::Diagnostics& diags) {
  EntityModel model;
  for (const auto& [doc, name] : docs_) {
    SourceDocument source;
    source.parsed = doc;
    source.name = name;
    source.file_index = store.add_file(doc->file);
    model.docs.push_back(std::move(source));
  }
  collect_all_entities(model, options_.scan_threads >= 2);
  const std::uint32_t service = model.class_id(vocab::ng_Service);
  const std::uint32_t category = model.class_id(vocab::ng_Category);
  classify(model, tables_);
  // The documents the builder owns go as soon as their triples are in the
  // store, so that their memory serves what comes after them. (Handing the
  // pages back to the kernel with malloc_trim every 32 MB of notes freed
  // lowered the 10,000-file peak from 501 to 368 MiB but cost 0.2 s there:
  // thousands of madvise calls over the fragments of small notes.)
  const std::function<void(std::uint32_t)> document_done = [&](std::uint32_t d) {
    if (!owned_[d]) return;
    owned_[d].reset();
    model.docs[d].parsed = nullptr;  // nothing may read it now
    docs_[d].first = nullptr;
  };
  Emitter(store, model, tables_, diags, options_.scan_threads, options_.after_window, document_done).run([&] {
    mint_iris(model, options_.base, tables_.vendor_prefixes, service);
  });
  // The owned documents go (those not freed above too): a later build()
  // extracts the borrowed ones.
  for (std::size_t d = 0; d < owned_.size(); ++d)
    if (owned_[d]) docs_[d].first = nullptr;
  std::erase_if(docs_, [](const auto& doc) { return doc.first == nullptr; });
  owned_.clear();
  owned_.resize(docs_.size());

  BuildStats stats;
  stats.files = model.docs.size();
  for (const auto& e : model.entities) {
    if (e.kind == EntityKind::section) ++stats.sections;
    if (e.kind == EntityKind::term) ++stats.terms;
    if (model.has_class(e, service)) ++stats.services;
    if (model.has_class(e, category)) ++stats.categories;
  }
  return stats;
}

}  // namespace ng::extract
