// The user-editable tables that steer extraction: classification rules,
// aliases (with vendor prefixes) and relation cues. Parsed from text with
// positioned diagnostics; the defaults from data/ are compiled in.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"

namespace ng::extract {

struct ClassCondition {
  enum class Kind { level, within, parent, holds } kind = Kind::level;
  int level = 0;
  std::string text;  // label for within/parent, class IRI for holds
};

struct ClassRule {
  std::string class_iri;
  std::vector<ClassCondition> conditions;
};

struct LinkRule {
  std::string property_iri;
  std::string from_class_iri;
  std::string to_class_iri;
};

struct Alias {
  std::string alias;
  std::string name;  // label or alternative label it stands for
  std::string file;
  std::uint32_t line = 0;
};

struct RelationCue {
  std::string cue;
  std::string property_iri;
};

struct Tables {
  std::vector<ClassRule> class_rules;
  std::vector<LinkRule> link_rules;
  std::vector<std::string> no_mention_classes;
  std::vector<std::string> vendor_prefixes;
  std::vector<Alias> aliases;
  std::vector<RelationCue> cues;
};

// Each parser appends to `into`; `file` names the table in diagnostics.
void parse_class_rules(std::string_view text, const std::string& file, Tables& into, diag::Diagnostics& diags);
void parse_aliases(std::string_view text, const std::string& file, Tables& into, diag::Diagnostics& diags);
void parse_relation_cues(std::string_view text, const std::string& file, Tables& into, diag::Diagnostics& diags);

// The tables in data/ as compiled into the binary.
Tables default_tables();

// Expands "ng:foo", "rdfs:label", ... or "<iri>" to a full IRI; empty if the
// prefix is unknown or the IRI is malformed.
std::string expand_prefixed_name(std::string_view name);

}  // namespace ng::extract
