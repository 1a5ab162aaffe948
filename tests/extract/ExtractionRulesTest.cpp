// One extraction rule per test, on small notes built in the test: front
// matter, links and wikilinks, inline fields, term items, the hierarchy,
// classification by rules, and mention matching through aliases.
#include <gtest/gtest.h>

#include <memory>

#include "diag/source_file.hpp"
#include "extract/graph_builder.hpp"
#include "model/vocab.hpp"
#include "notes/notes_parser.hpp"

using namespace ng;

namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

// Builds the graph of several named notes with the given tables.
class Notes {
 public:
  explicit Notes(Files files, extract::Tables tables = extract::default_tables()) {
    extract::GraphBuilder builder(std::move(tables), {});
    for (auto& [name, text] : files) {
      sources_.push_back(std::make_unique<diag::SourceFile>(name, text));
      docs_.push_back(std::make_unique<notes::Document>(notes::parse_notes(*sources_.back(), diags_)));
      builder.add_document(*docs_.back(), name);
    }
    builder.build(store_, diags_);
    store_.freeze();
  }

  static std::string iri(std::string_view slug) { return std::string(vocab::default_base) + std::string(slug); }

  bool has(std::string_view s, std::string_view p, const model::Term& o) const {
    auto si = store_.dictionary().find(model::Term::iri(std::string(s)));
    auto pi = store_.dictionary().find(model::Term::iri(std::string(p)));
    auto oi = store_.dictionary().find(o);
    if (!si || !pi || !oi) return false;
    auto r = store_.scan({*si, *pi, *oi, store::kNoTerm});
    return r.begin() != r.end();
  }
  bool has_iri(std::string_view s, std::string_view p, std::string_view o) const {
    return has(s, p, model::Term::iri(std::string(o)));
  }
  std::size_t count(std::string_view p) const {
    auto pi = store_.dictionary().find(model::Term::iri(std::string(p)));
    if (!pi) return 0;
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& q : store_.scan({store::kNoTerm, *pi, store::kNoTerm, store::kNoTerm})) ++n;
    return n;
  }
  const diag::Diagnostics& diags() const { return diags_; }

 private:
  std::vector<std::unique_ptr<diag::SourceFile>> sources_;
  std::vector<std::unique_ptr<notes::Document>> docs_;
  diag::Diagnostics diags_;
  store::TripleStore store_;
};

const std::string kField(vocab::field);

}  // namespace

TEST(ExtractionRules, FrontMatterTitleTagsAndOtherKeys) {
  Notes n(Files{{"a.md", "---\ntitle: My Notes\ntags: [aws, 클라우드]\nstatus: draft\n---\n# Heading\n"}});
  std::string doc = Notes::iri("doc/a.md");
  EXPECT_TRUE(n.has(doc, vocab::dcterms_title, model::Term::literal("My Notes")));
  EXPECT_TRUE(n.has(doc, vocab::ng_tag, model::Term::literal("aws")));
  EXPECT_TRUE(n.has(doc, vocab::ng_tag, model::Term::literal("클라우드")));
  EXPECT_TRUE(n.has(doc, kField + "status", model::Term::literal("draft")));
}

TEST(ExtractionRules, TitleFallsBackToTheFirstHeading) {
  Notes n(Files{{"a.md", "intro\n\n## First\n\n## Second\n"}});
  EXPECT_TRUE(n.has(Notes::iri("doc/a.md"), vocab::dcterms_title, model::Term::literal("First")));
}

TEST(ExtractionRules, AbsoluteLinksAreSeeAlso) {
  Notes n(Files{{"a.md", "# S3\n\nSee [the docs](https://aws.amazon.com/s3/ \"t\") and [x](<https://e.org/a b>).\n"}});
  EXPECT_TRUE(n.has_iri(Notes::iri("s3"), vocab::rdfs_seeAlso, "https://aws.amazon.com/s3/"));
}

TEST(ExtractionRules, WikilinksLinkToNotesAndHeadings) {
  Notes n(Files{{"a.md", "# Alpha\n\nSee [[b]] and [[Beta Part|the part]].\n"}, {"b.md", "# Beta Part\n"}});
  EXPECT_TRUE(n.has_iri(Notes::iri("alpha"), vocab::ng_linksTo, Notes::iri("doc/b.md")));
  EXPECT_TRUE(n.has_iri(Notes::iri("alpha"), vocab::ng_linksTo, Notes::iri("beta-part")));
}

TEST(ExtractionRules, DanglingWikilinkIsAWarningAtItsPosition) {
  Notes n(Files{{"a.md", "# Alpha\n\nSee [[Nowhere]].\n"}});
  ASSERT_EQ(n.diags().items().size(), 1u);
  const auto& d = n.diags().items()[0];
  EXPECT_EQ(d.kind, "dangling-wikilink");
  EXPECT_EQ(d.severity, diag::Severity::warning);
  EXPECT_EQ(d.where.line, 3u);
  EXPECT_EQ(d.where.column, 5u);
}

TEST(ExtractionRules, RelativeLinkToAnotherNoteIsLinksTo) {
  Notes n(Files{{"a.md", "# Alpha\n\nSee [b](./b.md#top).\n"}, {"b.md", "# Beta\n"}});
  EXPECT_TRUE(n.has_iri(Notes::iri("alpha"), vocab::ng_linksTo, Notes::iri("doc/b.md")));
}

TEST(ExtractionRules, InlineFieldValueResolvesToAnEntityOrStaysText) {
  Notes n(Files{{"a.md", "# Amazon S3 (S3)\n\n# AWS Lambda\n\nreads:: Amazon S3\nstatus:: 검토 중\n"}});
  EXPECT_TRUE(n.has_iri(Notes::iri("lambda"), kField + "reads", Notes::iri("s3")));
  EXPECT_TRUE(n.has(Notes::iri("lambda"), kField + "status", model::Term::literal("검토 중")));
}

TEST(ExtractionRules, TermItemsAreEntitiesUnderTheirSection) {
  Notes n(Files{{"a.md", "# Models\n\n- IaaS: infrastructure\n- plain item\n"}});
  EXPECT_TRUE(n.has_iri(Notes::iri("iaas"), vocab::rdf_type, vocab::ng_Term));
  EXPECT_TRUE(n.has_iri(Notes::iri("iaas"), vocab::ng_parent, Notes::iri("models")));
  EXPECT_TRUE(n.has(Notes::iri("iaas"), vocab::dcterms_description, model::Term::lang_literal("infrastructure", "en")));
}

// Descriptions are NFC: a combining mark and conjoining jamo in the source,
// the same decoded from entities, and the composed text give one literal.
TEST(ExtractionRules, DescriptionsAreNfcWhateverFormTheTextTakes) {
  Notes n({{"decomposed.md", "# Decomposed\n\ncafe\xCC\x81 \xE1\x84\x80\xE1\x85\xA1\n"},
           {"entities.md", "# Entities\n\ncafe&#x301; &#x1100;&#x1161;\n"},
           {"composed.md", "# Composed\n\ncaf\xC3\xA9 \xEA\xB0\x80\n"}});
  for (std::string_view slug : {"decomposed", "entities", "composed"})
    EXPECT_TRUE(n.has(Notes::iri(slug), vocab::dcterms_description,
                      model::Term::lang_literal("caf\xC3\xA9 \xEA\xB0\x80", "ko")))
        << slug;
}

TEST(ExtractionRules, HeadingLevelsNestAndSiblingsShareAParent) {
  Notes n(Files{{"a.md", "# A\n## B\n### C\n## D\n# E\n"}});
  EXPECT_TRUE(n.has_iri(Notes::iri("c"), vocab::ng_parent, Notes::iri("b")));
  EXPECT_TRUE(n.has_iri(Notes::iri("d"), vocab::ng_parent, Notes::iri("a")));
  EXPECT_TRUE(n.has_iri(Notes::iri("e"), vocab::ng_parent, Notes::iri("doc/a.md")));
}

TEST(ExtractionRules, ClassRulesComeFromTheTables) {
  extract::Tables tables;
  diag::Diagnostics d;
  extract::parse_class_rules("class ng:Service level=2 parent=\"Tools\"\n", "r", tables, d);
  Notes n(Files{{"a.md", "# Tools\n## Hammer\n## Saw\n# Other\n## Rock\n"}}, tables);
  EXPECT_TRUE(n.has_iri(Notes::iri("hammer"), vocab::rdf_type, vocab::ng_Service));
  EXPECT_TRUE(n.has_iri(Notes::iri("saw"), vocab::rdf_type, vocab::ng_Service));
  EXPECT_FALSE(n.has_iri(Notes::iri("rock"), vocab::rdf_type, vocab::ng_Service));
}

TEST(ExtractionRules, UserAliasesAddMentions) {
  extract::Tables tables = extract::default_tables();
  diag::Diagnostics d;
  extract::parse_aliases("망치\tHammer\n", "aliases", tables, d);
  Notes n(Files{{"a.md", "# Hammer\n\n# Nail\n\n망치로 박는다.\n"}}, tables);
  EXPECT_TRUE(n.has_iri(Notes::iri("nail"), vocab::ng_mentions, Notes::iri("hammer")));
}

// A cue ties itself to the mentions of its own sentence, which ends at a line
// break or at . ! ? followed by a space or line break (not at "v1.2" or "...x").
TEST(ExtractionRules, CueRelationsStayInsideTheirSentence) {
  const std::string integrates = std::string(vocab::ng) + "integratesWith";
  Notes n(Files{{"a.md",
                 "# Amazon S3 (S3)\n\n# Amazon EC2 (EC2)\n\n# Amazon SQS (SQS)\n\n# Amazon SNS (SNS)\n\n"
                 "# Amazon RDS (RDS)\n\n# Amazon EFS (EFS)\n\n"
                 "# Before\n\nS3 v1.2와 통합된다. EC2는 별개다! SQS?  SNS\n"
                 "RDS 따로.\n\n"
                 "# After\n\nEC2는 다르다.\n통합...SQS와 S3 함께! EFS 없음.\n"}});
  const auto before = Notes::iri("before"), after = Notes::iri("after");
  EXPECT_TRUE(n.has_iri(before, integrates, Notes::iri("s3")));
  for (const char* other : {"ec2", "sqs", "sns", "rds"}) {
    EXPECT_TRUE(n.has_iri(before, vocab::ng_mentions, Notes::iri(other))) << other;
    EXPECT_FALSE(n.has_iri(before, integrates, Notes::iri(other))) << other;
  }
  EXPECT_TRUE(n.has_iri(after, integrates, Notes::iri("sqs")));
  EXPECT_TRUE(n.has_iri(after, integrates, Notes::iri("s3")));
  EXPECT_FALSE(n.has_iri(after, integrates, Notes::iri("ec2")));
  EXPECT_FALSE(n.has_iri(after, integrates, Notes::iri("efs")));
  EXPECT_TRUE(n.has_iri(after, vocab::ng_mentions, Notes::iri("efs")));
}

// A user's cue may hold a sentence end ("etc. with"): its match then spans
// two sentences and ties to the mentions of the sentence it begins in.
TEST(ExtractionRules, CueHoldingASentenceEndStillTiesToItsFirstSentence) {
  extract::Tables tables = extract::default_tables();
  diag::Diagnostics d;
  extract::parse_relation_cues("etc. with\tng:usedWith\n", "relations", tables, d);
  ASSERT_FALSE(d.has_errors());
  Notes n(Files{{"a.md", "# Amazon S3 (S3)\n\n# Amazon EC2 (EC2)\n\n# Notes\n\nS3 etc. with EC2 too.\n"}}, tables);
  const std::string used = std::string(vocab::ng) + "usedWith";
  EXPECT_TRUE(n.has_iri(Notes::iri("notes"), used, Notes::iri("s3")));
  EXPECT_FALSE(n.has_iri(Notes::iri("notes"), used, Notes::iri("ec2")));
}

TEST(ExtractionRules, CodeIsNeverAMention) {
  Notes n(Files{{"a.md", "# Amazon S3 (S3)\n\n# B\n\n```\nS3\n```\n\n`S3` only in code\n"}});
  EXPECT_EQ(n.count(vocab::ng_mentions), 0u);
}

TEST(ExtractionRules, TableCellsAndQuotesAreText) {
  Notes n(Files{
      {"a.md",
       "# Amazon S3 (S3)\n\n# Amazon EC2 (EC2)\n\n| a | b |\n|---|---|\n| uses S3 | x |\n\n# C\n\n> EC2 here\n"}});
  EXPECT_TRUE(n.has_iri(Notes::iri("ec2"), vocab::ng_mentions, Notes::iri("s3")));
  EXPECT_TRUE(n.has_iri(Notes::iri("c"), vocab::ng_mentions, Notes::iri("ec2")));
}

TEST(ExtractionRules, DuplicateHeadingInOneFileIsAWarningNamingBoth) {
  Notes n(Files{{"a.md", "# Same\n\n# Same\n"}});
  ASSERT_EQ(n.diags().items().size(), 1u);
  EXPECT_EQ(n.diags().items()[0].kind, "duplicate-name");
  EXPECT_EQ(n.diags().items()[0].where.line, 3u);
  EXPECT_NE(n.diags().items()[0].message.find("a.md:1"), std::string::npos);
  // Both get IRIs of their own.
  EXPECT_TRUE(n.has_iri(Notes::iri("same-2"), vocab::rdf_type, vocab::ng_Section));
}

TEST(ExtractionRules, RepeatedSlugsTakeTheNextFreeSuffix) {
  // A heading whose slug is already a suffixed one ("Same 2") keeps it, and
  // the repeats skip it; 1500 repeats (more than the taken names' table
  // holds at its smallest) all get IRIs of their own.
  std::string text = "# Same\n\n# Same 2\n\n";
  for (int k = 0; k < 1500; ++k) text += "# Same\n\n";
  Notes n(Files{{"a.md", text}});
  EXPECT_TRUE(n.has(Notes::iri("same-2"), vocab::rdfs_label, model::Term::literal("Same 2")));
  EXPECT_TRUE(n.has(Notes::iri("same-3"), vocab::rdfs_label, model::Term::literal("Same")));
  EXPECT_TRUE(n.has(Notes::iri("same-1502"), vocab::rdfs_label, model::Term::literal("Same")));
  EXPECT_FALSE(n.has(Notes::iri("same-1503"), vocab::rdfs_label, model::Term::literal("Same")));
  EXPECT_EQ(n.count(vocab::rdfs_label), 1502u);
}

TEST(ExtractionRules, DuplicateAcronymInOneFileIsAWarningNamingBoth) {
  Notes n(Files{{"a.md", "# One (ABC)\n\n# Two (ABC)\n"}});
  ASSERT_EQ(n.diags().items().size(), 1u);
  EXPECT_EQ(n.diags().items()[0].kind, "duplicate-alias");
  EXPECT_EQ(n.diags().items()[0].where.line, 3u);
  EXPECT_NE(n.diags().items()[0].message.find("'ABC' also names the entity at a.md:1"), std::string::npos);
}

TEST(ExtractionRules, AHeadingKeepsItsNameAgainstATermItemBeforeIt) {
  // A table of contents names the sections as term items before they come:
  // the mentions still go to the section, and no warning is given.
  Notes n(Files{{"a.md",
                 "# Contents\n\n- [EC2](#ec2): Virtual servers\n- [ELB](#elb): Load balancing\n\n"
                 "# EC2\n\nVirtual servers.\n\n# ELB\n\nIt sits in front of EC2 instances.\n"}});
  EXPECT_TRUE(n.diags().items().empty());
  EXPECT_TRUE(n.has_iri(Notes::iri("ec2"), vocab::rdf_type, vocab::ng_Section));
  EXPECT_TRUE(n.has_iri(Notes::iri("ec2-2"), vocab::rdf_type, vocab::ng_Term));
  EXPECT_TRUE(n.has_iri(Notes::iri("elb"), vocab::ng_mentions, Notes::iri("ec2")));
  EXPECT_FALSE(n.has_iri(Notes::iri("elb"), vocab::ng_mentions, Notes::iri("ec2-2")));
  // A term item no heading shares a name with is still a mention target.
  Notes alone(Files{{"b.md", "# Models\n\n- IaaS: servers to rent\n\n# Notes\n\nEC2 is IaaS.\n"}});
  EXPECT_TRUE(alone.has_iri(Notes::iri("notes"), vocab::ng_mentions, Notes::iri("iaas")));
}

TEST(ExtractionRules, AServiceKeepsItsNameAgainstAPlainHeadingBeforeIt) {
  // As with IRIs, services come first: a plain heading "EC2" earlier in the
  // file is the duplicate, and the warning is given at it.
  Notes n(Files{{"a.md",
                 "# Intro\n\n## EC2\n\nA first look.\n\n# AWS 서비스\n\n## Compute\n\n"
                 "### Amazon Elastic Compute Cloud (EC2)\n\nVirtual servers.\n\n"
                 "### Amazon Elastic Container Service (ECS)\n\nRuns containers on EC2.\n"}});
  EXPECT_TRUE(n.has_iri(Notes::iri("ec2"), vocab::rdf_type, vocab::ng_Service));
  EXPECT_TRUE(n.has_iri(Notes::iri("ecs"), vocab::ng_mentions, Notes::iri("ec2")));
  EXPECT_FALSE(n.has_iri(Notes::iri("ecs"), vocab::ng_mentions, Notes::iri("ec2-2")));
  ASSERT_EQ(n.diags().items().size(), 1u);
  EXPECT_EQ(n.diags().items()[0].kind, "duplicate-name");
  EXPECT_EQ(n.diags().items()[0].where.line, 3u);
  EXPECT_NE(n.diags().items()[0].message.find("'EC2' also names the entity at a.md:11"), std::string::npos);
}

TEST(ExtractionRules, DuplicateNameWarningsComeInTheNotesOrder) {
  // Services take their names before plain headings do, but the warnings
  // are reported by position.
  Notes n(Files{{"a.md", "# Same\n\n# Same\n\n# AWS 서비스\n\n## Compute\n\n### One (ABC)\n\n### Two (ABC)\n"}});
  ASSERT_EQ(n.diags().items().size(), 2u);
  EXPECT_EQ(n.diags().items()[0].kind, "duplicate-name");
  EXPECT_EQ(n.diags().items()[0].where.line, 3u);
  EXPECT_EQ(n.diags().items()[1].kind, "duplicate-alias");
  EXPECT_EQ(n.diags().items()[1].where.line, 11u);
}

TEST(ExtractionRules, OneCharacterNamesAreNotMentionedButResolve) {
  // A list of instance type letters makes terms "a" and "e": the article "a"
  // must not mention them, nor a syllable of a Korean word the one-syllable
  // term "키"; a wikilink still reaches them.
  Notes n(Files{{"a.md",
                 "# Instance types\n\n- a: AMD CPUs\n- e: extra memory\n- 키: 파티션 키\n\n"
                 "# Choosing\n\nPick a type with e.g. more memory; 키보드 is not a key. See [[a]].\n"}});
  EXPECT_TRUE(n.has_iri(Notes::iri("a"), vocab::rdf_type, vocab::ng_Term));
  EXPECT_TRUE(n.has_iri(Notes::iri("키"), vocab::rdf_type, vocab::ng_Term));
  EXPECT_FALSE(n.has_iri(Notes::iri("choosing"), vocab::ng_mentions, Notes::iri("e")));
  EXPECT_FALSE(n.has_iri(Notes::iri("choosing"), vocab::ng_mentions, Notes::iri("키")));
  EXPECT_EQ(n.count(vocab::ng_mentions), 0u);
  EXPECT_TRUE(n.has_iri(Notes::iri("choosing"), vocab::ng_linksTo, Notes::iri("a")));
}

TEST(ExtractionRules, AOneWordCapitalizedTermIsMentionedOnlyWhenCapitalized) {
  // "Pricing: …" and "**Example:** …" label list items; "pricing" and "for
  // example" in running text are the common words. Other names keep
  // matching in any case.
  Notes n(Files{{"a.md",
                 "# Billing\n\n- Pricing: per hour\n- **Example:** a bill\n- IaaS: servers to rent\n\n"
                 "# Costs\n\nFor example, pricing varies with iaas use.\n\n# Plans\n\nSee Pricing and Example.\n"}});
  EXPECT_FALSE(n.has_iri(Notes::iri("costs"), vocab::ng_mentions, Notes::iri("pricing")));
  EXPECT_FALSE(n.has_iri(Notes::iri("costs"), vocab::ng_mentions, Notes::iri("example")));
  EXPECT_TRUE(n.has_iri(Notes::iri("costs"), vocab::ng_mentions, Notes::iri("iaas")));
  EXPECT_TRUE(n.has_iri(Notes::iri("plans"), vocab::ng_mentions, Notes::iri("pricing")));
  EXPECT_TRUE(n.has_iri(Notes::iri("plans"), vocab::ng_mentions, Notes::iri("example")));
}
