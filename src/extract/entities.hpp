// The extractor's intermediate model: the entities found in the notes
// (documents, heading sections, "term: text" items) with their labels,
// hierarchy, own text pieces, links and inline fields, before they become
// triples.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "notes/document.hpp"

namespace ng::extract {

enum class EntityKind : unsigned char { document, section, term };

inline constexpr std::uint32_t kNoEntity = 0xFFFFFFFFu;

// A piece of an entity's own text: block `block` of its document, from byte
// `offset` of the block's text on.
struct TextPiece {
  std::uint32_t block = 0;
  std::uint32_t offset = 0;
};

struct InlineField {
  std::string_view key;
  std::uint32_t block = 0;  // the inline_field block (its text is the value)
};

struct Entity {
  EntityKind kind = EntityKind::section;
  std::uint32_t doc = 0;    // index of its document
  std::uint32_t line = 0;   // line of its heading or item
  std::uint32_t level = 0;  // Markdown heading level; 0 for documents and terms
  std::uint32_t parent = kNoEntity;
  std::string label;
  std::vector<std::string> alt_labels;
  std::string_view number;             // outline number of a heading
  std::vector<std::uint32_t> classes;  // indexes into EntityModel::class_iris
  std::vector<TextPiece> text;
  std::vector<std::uint32_t> links;  // indexes into the document's links
  std::vector<InlineField> fields;
  std::string iri;
};

struct SourceDocument {
  const notes::Document* parsed = nullptr;
  std::string name;  // path relative to what the user named; the IRI's tail
  std::uint32_t entity = kNoEntity;
  std::uint32_t file_index = 0;  // in the TripleStore's file table
};

struct EntityModel {
  std::vector<SourceDocument> docs;
  std::vector<Entity> entities;
  std::vector<std::string> class_iris;

  std::uint32_t class_id(std::string_view iri);
  bool has_class(const Entity& e, std::uint32_t cls) const;
};

// Walks one parsed document and appends its entities to the model: the
// document entity, a section per heading (nested by level; headings inside a
// <details> block nest under the section holding the block), a term per
// "term: text" list item, and each entity's own text pieces, links and fields.
void collect_entities(EntityModel& model, std::uint32_t doc_index);
// collect_entities() for every document in order; with `two_threads`, the
// two halves of several documents are walked at once, with the same result.
void collect_all_entities(EntityModel& model, bool two_threads);

// Splits a trailing "(ACRONYM)" off a heading or term: "Amazon Elastic Compute
// Cloud (EC2)" -> label "Amazon Elastic Compute Cloud", alt "EC2"; leading
// pictographs that mark it are dropped ("⛓Lambda" -> "Lambda").
void split_label(std::string_view text, std::string& label, std::string& alt);

}  // namespace ng::extract
