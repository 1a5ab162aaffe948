// Walks the flat block list of a Document with an explicit section stack
// (never recursion), so 10,000 nesting levels cost nothing but memory.
#include <utf8proc.h>

#include <algorithm>

#include "extract/entities.hpp"
#include "extract/script_class.hpp"
#include "support/run_both.hpp"

namespace ng::extract {

std::uint32_t EntityModel::class_id(std::string_view iri) {
  auto it = std::find(class_iris.begin(), class_iris.end(), iri);
  if (it != class_iris.end()) return static_cast<std::uint32_t>(it - class_iris.begin());
  class_iris.emplace_back(iri);
  return static_cast<std::uint32_t>(class_iris.size() - 1);
}

bool EntityModel::has_class(const Entity& e, std::uint32_t cls) const {
  return std::find(e.classes.begin(), e.classes.end(), cls) != e.classes.end();
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The words of an acronym or short alternative name: at most four words and
// 40 bytes, no sentence punctuation.
bool looks_like_alt_name(std::string_view s) {
  if (s.empty() || s.size() > 40) return false;
  int words = 1;
  for (char c : s) {
    if (c == ' ') ++words;
    if (c == ',' || c == '.' || c == ';' || c == ':' || c == '(' || c == ')') return false;
  }
  if (words > 4) return false;
  // Lower-case ASCII words are a remark on the heading ("(off)", "(optional)",
  // "(read-only)"), not a name for it: an acronym has a capital or a digit,
  // and a Korean or other name has non-ASCII letters.
  return !std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == ' ' || c == '-'; });
}

// The label without the pictographs that mark it ("⛓Lambda", "🔸 Limits",
// "❗️Key prefixes": a legend's symbols, not part of the name). Text made only
// of them is kept.
std::string_view strip_leading_symbols(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80) {
    std::size_t len = 1;
    const char32_t c = decode_at(text, i, len);
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    const bool decoration = category == UTF8PROC_CATEGORY_SO || category == UTF8PROC_CATEGORY_SK || c == 0x200D ||
                            (c >= 0xFE00 && c <= 0xFE0F);  // ZWJ, variation selectors
    if (!decoration) break;
    i += len;
  }
  if (i == 0) return text;
  const std::string_view rest = trim(text.substr(i));
  return rest.empty() ? text : rest;
}

}  // namespace

void split_label(std::string_view raw, std::string& label, std::string& alt) {
  const std::string normalized = to_nfc(raw);  // labels name IRIs and literals: NFC once, here
  std::string_view text = strip_leading_symbols(trim(normalized));
  label.assign(text);
  alt.clear();
  if (text.size() < 3 || text.back() != ')') return;
  auto open = text.rfind('(');
  if (open == std::string_view::npos || open == 0) return;
  std::string_view inside = trim(text.substr(open + 1, text.size() - open - 2));
  std::string_view before = trim(text.substr(0, open));
  if (before.empty() || !looks_like_alt_name(inside)) return;
  label.assign(before);
  alt.assign(inside);
}

namespace {

// How many entities a document gives: itself, its headings and term items.
std::size_t entity_count(const notes::Document& doc) {
  std::size_t count = 1;
  for (const notes::Block& b : doc.blocks)
    count += b.kind == notes::BlockKind::heading || (b.kind == notes::BlockKind::list_item && !b.key.empty());
  return count;
}

// Entities are large (labels, text pieces, links): growing the list by
// doubling would move each of them about twice more.
void reserve_for(std::vector<Entity>& entities, const EntityModel& model, std::uint32_t from, std::uint32_t to) {
  std::size_t count = entities.size();
  for (std::uint32_t d = from; d < to; ++d) count += entity_count(*model.docs[d].parsed);
  entities.reserve(count);
}

// collect_entities() into `entities`, whose indexes are the entities' ids.
void collect_into(std::vector<Entity>& entities, SourceDocument& source, std::uint32_t doc_index) {
  const notes::Document& doc = *source.parsed;

  auto new_entity = [&](EntityKind kind, std::uint32_t line, std::uint32_t parent) {
    Entity e;
    e.kind = kind;
    e.doc = doc_index;
    e.line = line;
    e.parent = parent;
    entities.push_back(std::move(e));
    return static_cast<std::uint32_t>(entities.size() - 1);
  };

  const std::uint32_t doc_entity = new_entity(EntityKind::document, 1, kNoEntity);
  source.entity = doc_entity;

  // The open sections, outermost first. A details marker holds level 0 and
  // stops popping: headings inside a <details> nest under what was open
  // when it began, and its close drops everything opened inside it.
  struct Open {
    std::uint32_t entity;
    std::uint32_t level;  // 0 = a <details> barrier
  };
  std::vector<Open> stack;
  auto owner_section = [&]() {
    for (auto it = stack.rbegin(); it != stack.rend(); ++it)
      if (it->level != 0) return it->entity;
    return doc_entity;
  };
  // The innermost term item still open, and the list depth it sits at.
  std::uint32_t term = kNoEntity;
  std::uint32_t term_depth = 0;

  for (std::uint32_t bi = 0; bi < doc.blocks.size(); ++bi) {
    const notes::Block& b = doc.blocks[bi];
    // Items nested deeper than a term item belong to the term; anything else ends it.
    if (term != kNoEntity && !(b.kind == notes::BlockKind::list_item && b.depth > term_depth)) term = kNoEntity;
    switch (b.kind) {
      case notes::BlockKind::heading: {
        while (!stack.empty() && stack.back().level != 0 && stack.back().level >= b.level) stack.pop_back();
        std::uint32_t id = new_entity(EntityKind::section, b.where.line, owner_section());
        Entity& e = entities[id];
        e.level = b.level;
        e.number = b.number;
        std::string alt;
        split_label(b.text, e.label, alt);
        if (!alt.empty()) e.alt_labels.push_back(std::move(alt));
        for (std::uint32_t l = 0; l < b.link_count; ++l) e.links.push_back(b.first_link + l);
        stack.push_back({id, b.level});
        term = kNoEntity;
        break;
      }
      case notes::BlockKind::details_open:
        stack.push_back({owner_section(), 0});
        break;
      case notes::BlockKind::details_close: {
        auto barrier = std::find_if(stack.rbegin(), stack.rend(), [](const Open& o) { return o.level == 0; });
        if (barrier != stack.rend()) stack.erase(std::prev(barrier.base()), stack.end());
        break;
      }
      case notes::BlockKind::list_item:
        if (!b.key.empty()) {
          std::uint32_t parent = term != kNoEntity ? term : owner_section();
          std::uint32_t id = new_entity(EntityKind::term, b.where.line, parent);
          Entity& e = entities[id];
          std::string alt;
          split_label(b.key, e.label, alt);
          if (!alt.empty()) e.alt_labels.push_back(std::move(alt));
          e.text.push_back({bi, b.body_offset});
          for (std::uint32_t l = 0; l < b.link_count; ++l) e.links.push_back(b.first_link + l);
          term = id;
          term_depth = b.depth;
          break;
        }
        [[fallthrough]];
      case notes::BlockKind::paragraph:
      case notes::BlockKind::blockquote:
      case notes::BlockKind::table_row: {
        Entity& e = entities[term != kNoEntity ? term : owner_section()];
        e.text.push_back({bi, 0});
        for (std::uint32_t l = 0; l < b.link_count; ++l) e.links.push_back(b.first_link + l);
        break;
      }
      case notes::BlockKind::inline_field:
        entities[term != kNoEntity ? term : owner_section()].fields.push_back({b.key, bi});
        break;
      case notes::BlockKind::code_block:
      case notes::BlockKind::html_block:
        break;
    }
  }
}

}  // namespace

void collect_entities(EntityModel& model, std::uint32_t doc_index) {
  collect_into(model.entities, model.docs[doc_index], doc_index);
}

void collect_all_entities(EntityModel& model, bool two_threads) {
  const auto docs = static_cast<std::uint32_t>(model.docs.size());
  if (!two_threads || docs < 2) {
    reserve_for(model.entities, model, 0, docs);
    for (std::uint32_t d = 0; d < docs; ++d) collect_entities(model, d);
    return;
  }
  // Documents are independent: the second half (by blocks) is walked into a
  // list of its own at the same time, then appended with its entity ids
  // shifted, which gives the entities, in order, of a walk on one thread.
  std::size_t blocks = 0;
  for (const auto& d : model.docs) blocks += d.parsed->blocks.size();
  std::uint32_t cut = 1;
  for (std::size_t seen = model.docs[0].parsed->blocks.size(); cut + 1 < docs && seen < blocks / 2; ++cut)
    seen += model.docs[cut].parsed->blocks.size();
  std::vector<Entity> later;
  support::run_both(
      [&] {
        reserve_for(model.entities, model, 0, docs);  // room for the later ones too
        for (std::uint32_t d = 0; d < cut; ++d) collect_entities(model, d);
      },
      [&] {
        reserve_for(later, model, cut, docs);
        for (std::uint32_t d = cut; d < docs; ++d) collect_into(later, model.docs[d], d);
      });
  const auto shift = static_cast<std::uint32_t>(model.entities.size());
  for (auto& e : later) {
    if (e.parent != kNoEntity) e.parent += shift;
    model.entities.push_back(std::move(e));
  }
  for (std::uint32_t d = cut; d < docs; ++d) model.docs[d].entity += shift;
}

}  // namespace ng::extract
