// The table readers: the default tables load cleanly, and malformed lines are
// errors at their line and column.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "extract/tables.hpp"

using namespace ng::extract;

namespace {
std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST(Tables, DefaultFilesParseWithoutDiagnostics) {
  Tables t;
  ng::diag::Diagnostics d;
  parse_class_rules(read(NG_DATA_DIR "/classes.rules"), "classes.rules", t, d);
  parse_aliases(read(NG_DATA_DIR "/aliases.tsv"), "aliases.tsv", t, d);
  parse_relation_cues(read(NG_DATA_DIR "/relations.tsv"), "relations.tsv", t, d);
  EXPECT_TRUE(d.items().empty());
  EXPECT_EQ(t.class_rules.size(), 2u);
  EXPECT_EQ(t.link_rules.size(), 1u);
  EXPECT_EQ(t.vendor_prefixes.size(), 3u);
  EXPECT_FALSE(t.aliases.empty());
  EXPECT_FALSE(t.cues.empty());
}

TEST(Tables, CompiledDefaultsEqualTheDataFiles) {
  Tables files;
  ng::diag::Diagnostics d;
  parse_aliases(read(NG_DATA_DIR "/aliases.tsv"), "aliases.tsv", files, d);
  Tables compiled = default_tables();
  ASSERT_EQ(compiled.aliases.size(), files.aliases.size());
  EXPECT_EQ(compiled.aliases.back().alias, files.aliases.back().alias);
}

TEST(Tables, ClassRuleConditionsAreRead) {
  Tables t;
  ng::diag::Diagnostics d;
  parse_class_rules("class ng:Service level=3 within=\"AWS 서비스\" parent=Compute\n", "r", t, d);
  ASSERT_EQ(t.class_rules.size(), 1u);
  const auto& c = t.class_rules[0].conditions;
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].level, 3);
  EXPECT_EQ(c[1].text, "AWS 서비스");
  EXPECT_EQ(c[2].kind, ClassCondition::Kind::parent);
  EXPECT_EQ(t.class_rules[0].class_iri, "https://w3id.org/notegraph/ns#Service");
}

TEST(Tables, UnknownConditionIsAnErrorAtItsColumn) {
  Tables t;
  ng::diag::Diagnostics d;
  parse_class_rules("# comment\nclass ng:Service depth=3\n", "rules", t, d);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].kind, "bad-rule");
  EXPECT_EQ(d.items()[0].where.line, 2u);
  EXPECT_EQ(d.items()[0].where.column, 18u);  // "depth=3" starts at column 18
  EXPECT_TRUE(t.class_rules.empty());
}

TEST(Tables, UnknownPrefixIsAnError) {
  Tables t;
  ng::diag::Diagnostics d;
  parse_relation_cues("통합\tfoo:bar\n", "cues", t, d);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].where.column, 4u);  // after "통합" and the tab
  EXPECT_TRUE(t.cues.empty());
}

TEST(Tables, AliasLineWithoutTabIsAnError) {
  Tables t;
  ng::diag::Diagnostics d;
  parse_aliases("람다 AWS Lambda\n", "aliases", t, d);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].kind, "bad-alias");
}

TEST(Tables, ExpandPrefixedNames) {
  EXPECT_EQ(expand_prefixed_name("rdfs:label"), "http://www.w3.org/2000/01/rdf-schema#label");
  EXPECT_EQ(expand_prefixed_name("<https://example.org/p>"), "https://example.org/p");
  EXPECT_EQ(expand_prefixed_name("<not an iri>"), "");
  EXPECT_EQ(expand_prefixed_name("ng:"), "");
}
