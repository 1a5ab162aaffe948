// N-Triples/N-Quads statement writing: the default graph deduplicates across
// graphs, N-Quads carries the graph column, output is in SPOG id order, and
// with_lines appends provenance comments whose file names cannot break a line.
#include "exporters/ntriples_writer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>

namespace ng::exporters {
namespace {

using model::Term;
using store::kNoTerm;
using store::TermId;

class NTriplesWriter : public testing::Test {
 protected:
  TermId iri(const std::string& local) { return store_.dictionary().intern_iri("http://x/" + local); }
  TermId literal(const std::string& text) { return store_.dictionary().intern(Term::literal(text)); }

  std::string ntriples(WriteOptions options = {}) {
    store_.freeze();
    std::ostringstream out;
    write_ntriples(store_, out, options);
    return out.str();
  }
  std::string nquads(WriteOptions options = {}) {
    store_.freeze();
    std::ostringstream out;
    write_nquads(store_, out, options);
    return out.str();
  }

  store::TripleStore store_;
};

TEST_F(NTriplesWriter, EmptyStoreWritesNothing) {
  EXPECT_EQ(ntriples(), "");
  EXPECT_EQ(nquads(), "");
}

TEST_F(NTriplesWriter, EachTripleIsWrittenOnceWhateverGraphsHoldIt) {
  const TermId s = iri("s"), p = iri("p"), o = literal("o"), g1 = iri("g1"), g2 = iri("g2");
  store_.add(s, p, o, g1, {});
  store_.add(s, p, o, kNoTerm, {});
  store_.add(s, p, o, g2, {});
  EXPECT_EQ(ntriples(), "<http://x/s> <http://x/p> \"o\" .\n");
}

TEST_F(NTriplesWriter, StatementsFollowIdOrderNotTextOrder) {
  const TermId b = iri("b"), a = iri("a"), p = iri("p");
  store_.add(a, p, b, kNoTerm, {});
  store_.add(b, p, a, kNoTerm, {});
  EXPECT_EQ(ntriples(), "<http://x/b> <http://x/p> <http://x/a> .\n<http://x/a> <http://x/p> <http://x/b> .\n");
}

TEST_F(NTriplesWriter, NQuadsWritesTheGraphAsFourthTermAndNoneForTheDefaultGraph) {
  const TermId s = iri("s"), p = iri("p"), o = iri("o"), g = iri("g");
  const TermId blank_graph = store_.dictionary().intern(Term::blank("g2"));
  store_.add(s, p, o, g, {});
  store_.add(s, p, o, kNoTerm, {});
  store_.add(s, p, o, blank_graph, {});
  EXPECT_EQ(nquads(),
            "<http://x/s> <http://x/p> <http://x/o> <http://x/g> .\n"
            "<http://x/s> <http://x/p> <http://x/o> _:g2 .\n"
            "<http://x/s> <http://x/p> <http://x/o> .\n");
}

// An object IRI is escaped once and copied after that: every use must still
// read the same, escapes included, next to literals and blank nodes.
TEST_F(NTriplesWriter, AnIriUsedAsObjectManyTimesIsWrittenTheSameEachTime) {
  const TermId target = store_.dictionary().intern_iri("http://x/a b<c>\\d{e}");
  const TermId p = iri("p"), text = literal("say \"hi\"\n"), blank = store_.dictionary().intern(Term::blank("n"));
  std::string expected;
  for (int i = 0; i < 40; ++i) {
    const TermId s = iri("s" + std::to_string(i));
    store_.add(s, p, target, kNoTerm, {});
    store_.add(s, p, text, kNoTerm, {});
    store_.add(s, p, blank, kNoTerm, {});
    const std::string subject = "<http://x/s" + std::to_string(i) + "> <http://x/p> ";
    expected += subject + "<http://x/a%20b%3Cc%3E\\u005Cd\\u007Be\\u007D> .\n";
    expected += subject + "\"say \\\"hi\\\"\\n\" .\n";
    expected += subject + "_:n .\n";
  }
  EXPECT_EQ(ntriples(), expected);
  // Written twice from one store, by two writers: the same bytes.
  EXPECT_EQ(ntriples(), expected);
}

TEST_F(NTriplesWriter, WithLinesAppendsFileAndLineComments) {
  const std::uint32_t file = store_.add_file("notes/aws.md");
  store_.add(iri("s"), iri("p"), literal("o"), kNoTerm, {file, 12});
  EXPECT_EQ(ntriples({.with_lines = true}), "<http://x/s> <http://x/p> \"o\" . # notes/aws.md:12\n");
  EXPECT_EQ(nquads({.with_lines = true}), "<http://x/s> <http://x/p> \"o\" . # notes/aws.md:12\n");
}

TEST_F(NTriplesWriter, WithoutLinesWritesNoComments) {
  const std::uint32_t file = store_.add_file("a.md");
  store_.add(iri("s"), iri("p"), iri("o"), kNoTerm, {file, 3});
  EXPECT_EQ(ntriples().find('#'), std::string::npos);
}

TEST_F(NTriplesWriter, TripleInSeveralGraphsCitesItsEarliestSource) {
  store_.add_file("a.md");
  store_.add_file("b.md");
  const TermId s = iri("s"), p = iri("p"), o = iri("o");
  store_.add(s, p, o, iri("g1"), {1, 2});
  store_.add(s, p, o, iri("g2"), {0, 9});
  store_.add(s, p, o, kNoTerm, {1, 1});
  EXPECT_EQ(ntriples({.with_lines = true}), "<http://x/s> <http://x/p> <http://x/o> . # a.md:9\n");
}

TEST_F(NTriplesWriter, LineBreaksAndBackslashesInFileNamesAreEscaped) {
  const std::uint32_t file = store_.add_file("odd\nname\r\\x.md");
  store_.add(iri("s"), iri("p"), iri("o"), kNoTerm, {file, 1});
  EXPECT_EQ(ntriples({.with_lines = true}), "<http://x/s> <http://x/p> <http://x/o> . # odd\\nname\\r\\\\x.md:1\n");
}

TEST_F(NTriplesWriter, UnknownLineWritesFileOnlyAndUnknownFileWritesNoComment) {
  const std::uint32_t file = store_.add_file("a.md");
  store_.add(iri("s"), iri("p"), iri("o1"), kNoTerm, {file, 0});
  store_.add(iri("s"), iri("p"), iri("o2"), kNoTerm, {7, 5});
  EXPECT_EQ(ntriples({.with_lines = true}),
            "<http://x/s> <http://x/p> <http://x/o1> . # a.md\n<http://x/s> <http://x/p> <http://x/o2> .\n");
}

TEST_F(NTriplesWriter, OutputLargerThanTheBufferIsWrittenWhole) {
  const TermId p = iri("p");
  constexpr int kStatements = 50'000;  // about 2 MB, past the 1 MiB flush size
  for (int i = 0; i < kStatements; ++i)
    store_.add(iri("s" + std::to_string(i)), p, literal(std::string(10, 'x')), kNoTerm, {});
  const std::string out = ntriples();
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), kStatements);
  const std::string last = "<http://x/s49999> <http://x/p> \"xxxxxxxxxx\" .\n";
  EXPECT_EQ(out.substr(out.size() - last.size()), last);
}

}  // namespace
}  // namespace ng::exporters
