// The graph of the seed notes (tests/data/aws-overview.ko.md) with the default
// tables: classes, hierarchy, labels, terms, mentions and typed relations the
// issue names, and provenance on every triple.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "diag/source_file.hpp"
#include "extract/graph_builder.hpp"
#include "model/vocab.hpp"
#include "notes/notes_parser.hpp"

using namespace ng;
using store::TermId;

namespace {

class SeedGraph : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::ifstream in(NG_TEST_DATA "/aws-overview.ko.md", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    source_ = new diag::SourceFile("aws-overview.ko.md", ss.str());
    doc_ = new notes::Document(notes::parse_notes(*source_, diags_));
    store_ = new store::TripleStore;
    extract::GraphBuilder builder(extract::default_tables(), {});
    builder.add_document(*doc_, "aws-overview.ko.md");
    stats_ = builder.build(*store_, diags_);
    store_->freeze();
  }
  static void TearDownTestSuite() {
    delete store_;
    delete doc_;
    delete source_;
  }

  static TermId iri(std::string_view s) {
    auto id = store_->dictionary().find(model::Term::iri(std::string(s)));
    return id ? *id : store::kNoTerm;
  }
  static std::string entity(std::string_view slug) { return std::string(vocab::default_base) + std::string(slug); }
  // The subject whose rdfs:label is `label`.
  static std::string by_label(std::string_view label) {
    auto lit = store_->dictionary().find(model::Term::literal(std::string(label)));
    if (!lit) return "";
    for (const auto& q : store_->scan({store::kNoTerm, iri(vocab::rdfs_label), *lit, store::kNoTerm}))
      return std::string(store_->dictionary().term(q.s).value);
    return "";
  }
  static bool has(std::string_view s, std::string_view p, std::string_view o) {
    TermId si = iri(s), pi = iri(p), oi = iri(o);
    if (si == store::kNoTerm || pi == store::kNoTerm || oi == store::kNoTerm) return false;
    auto r = store_->scan({si, pi, oi, store::kNoTerm});
    return r.begin() != r.end();
  }
  static std::set<std::string> subjects_of_type(std::string_view cls) {
    std::set<std::string> out;
    for (const auto& q : store_->scan({store::kNoTerm, iri(vocab::rdf_type), iri(cls), store::kNoTerm}))
      out.insert(std::string(store_->dictionary().term(q.s).value));
    return out;
  }

  static inline diag::Diagnostics diags_;
  static inline diag::SourceFile* source_ = nullptr;
  static inline notes::Document* doc_ = nullptr;
  static inline store::TripleStore* store_ = nullptr;
  static inline extract::BuildStats stats_;
};

}  // namespace

TEST_F(SeedGraph, NoErrorsOnTheSeed) { EXPECT_FALSE(diags_.has_errors()); }

TEST_F(SeedGraph, ExactlyEightyFiveServicesAndThirteenCategories) {
  EXPECT_EQ(subjects_of_type(vocab::ng_Service).size(), 85u);
  EXPECT_EQ(subjects_of_type(vocab::ng_Category).size(), 13u);
  EXPECT_EQ(stats_.services, 85u);
  EXPECT_EQ(stats_.categories, 13u);
}

TEST_F(SeedGraph, EveryServiceHasExactlyOneCategory) {
  TermId category = iri(vocab::ng_category);
  for (const auto& s : subjects_of_type(vocab::ng_Service)) {
    std::size_t n = 0;
    for (const auto& q : store_->scan({iri(s), category, store::kNoTerm, store::kNoTerm})) {
      EXPECT_TRUE(subjects_of_type(vocab::ng_Category).count(std::string(store_->dictionary().term(q.o).value))) << s;
      ++n;
    }
    EXPECT_EQ(n, 1u) << s;
  }
}

TEST_F(SeedGraph, ServicesSitInTheirCategory) {
  EXPECT_TRUE(has(entity("ec2"), vocab::ng_category, by_label("Compute")));
  EXPECT_TRUE(has(entity("elb"), vocab::ng_category, by_label("Network")));
  EXPECT_TRUE(has(entity("s3"), vocab::ng_category, by_label("스토리지와 콘텐츠 딜리버리")));
  EXPECT_TRUE(has(by_label("Amazon Cognito"), vocab::ng_category, by_label("모바일 서비스")));
}

TEST_F(SeedGraph, DetailsBlockNestsItsHeadingsUnderTheHoldingSection) {
  EXPECT_TRUE(has(by_label("AWS 서비스"), vocab::ng_parent, by_label("AWS 제품과 서비스")));
  EXPECT_TRUE(has(by_label("추가 자료"), vocab::ng_parent, by_label("클라우드 컴퓨팅과 AWS 개요")));
  EXPECT_TRUE(has(by_label("Compute"), vocab::ng_parent, by_label("AWS 서비스")));
}

TEST_F(SeedGraph, TopHeadingHangsFromTheDocument) {
  EXPECT_TRUE(has(by_label("클라우드 컴퓨팅과 AWS 개요"), vocab::ng_parent, entity("doc/aws-overview.ko.md")));
}

TEST_F(SeedGraph, LabelsDropAcronymAndNumber) {
  EXPECT_EQ(by_label("Amazon Elastic Compute Cloud"), entity("ec2"));
  auto alt = store_->dictionary().find(model::Term::literal("EC2"));
  ASSERT_TRUE(alt);
  auto r = store_->scan({iri(entity("ec2")), iri(vocab::skos_altLabel), *alt, store::kNoTerm});
  EXPECT_NE(r.begin(), r.end());
  EXPECT_NE(by_label("클라우드 컴퓨팅이란?"), "");
  auto number = store_->dictionary().find(model::Term::literal("1.1"));
  ASSERT_TRUE(number);
  auto n = store_->scan({iri(by_label("클라우드 컴퓨팅이란?")), iri(vocab::ng_number), *number, store::kNoTerm});
  EXPECT_NE(n.begin(), n.end());
}

TEST_F(SeedGraph, TermItemsBecomeEntitiesUnderTheirSection) {
  EXPECT_TRUE(has(by_label("IaaS"), vocab::rdf_type, vocab::ng_Term));
  EXPECT_TRUE(has(by_label("IaaS"), vocab::ng_parent, by_label("클라우드 컴퓨팅의 3대 모델")));
  EXPECT_TRUE(has(by_label("온디맨드"), vocab::ng_parent, by_label("클라우드의 세 가지 특성")));
}

TEST_F(SeedGraph, MentionsNamedByTheIssue) {
  const std::pair<const char*, const char*> expected[] = {
      {"ecs", "elb"},          {"ecs", "ebs"},        {"fargate", "ecs"},         {"fargate", "eks"},  {"lambda", "s3"},
      {"lambda", "dynamo-db"}, {"lambda", "kinesis"}, {"api-gateway", "lambda"},  {"app-mesh", "ecs"}, {"athena", "s3"},
      {"emr", "s3"},           {"emr", "ec2"},        {"ec2-auto-scaling", "elb"}};
  for (auto [from, to] : expected)
    EXPECT_TRUE(has(entity(from), vocab::ng_mentions, entity(to))) << from << " -> " << to;
}

TEST_F(SeedGraph, NoSectionMentionsItself) {
  for (const auto& q : store_->scan({store::kNoTerm, iri(vocab::ng_mentions), store::kNoTerm, store::kNoTerm}))
    EXPECT_NE(q.s, q.o);
}

TEST_F(SeedGraph, CueWordsTypeRelations) {
  const std::string ng(vocab::ng);
  EXPECT_TRUE(has(entity("ecs"), ng + "integratesWith", entity("elb")));
  EXPECT_TRUE(has(entity("ec2-auto-scaling"), ng + "integratesWith", entity("elb")));
  EXPECT_TRUE(has(entity("app-mesh"), ng + "usedWith", entity("ecs")));
  EXPECT_TRUE(has(entity("emr"), ng + "runsOn", entity("ec2")));
}

TEST_F(SeedGraph, DescriptionsAreLanguageTagged) {
  bool found_ko = false;
  for (const auto& q :
       store_->scan({iri(entity("ec2")), iri(vocab::dcterms_description), store::kNoTerm, store::kNoTerm})) {
    const auto& t = store_->dictionary().term(q.o);
    EXPECT_EQ(t.language, "ko");
    EXPECT_NE(t.value.find("가상화 서버"), std::string::npos);
    found_ko = true;
  }
  EXPECT_TRUE(found_ko);
}

TEST_F(SeedGraph, EveryQuadHasProvenanceInItsFileGraph) {
  TermId graph = iri(entity("doc/aws-overview.ko.md"));
  for (std::size_t i = 0; i < store_->size(); ++i) {
    EXPECT_GT(store_->provenance(i).line, 0u);
    EXPECT_EQ(store_->quads()[i].g, graph);
  }
}

TEST_F(SeedGraph, MentionProvenanceIsTheLineOfTheMention) {
  auto where = store_->provenance_of(
      {iri(entity("ecs")), iri(vocab::ng_mentions), iri(entity("elb")), iri(entity("doc/aws-overview.ko.md"))});
  ASSERT_TRUE(where);
  EXPECT_EQ(source_->line(where->line).find("ELB") != std::string_view::npos, true);
}
