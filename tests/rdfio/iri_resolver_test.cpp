// RFC 3986 section 5.4 reference resolution examples.
#include "rdfio/iri_resolver.hpp"

#include <gtest/gtest.h>

namespace ng::rdfio {
namespace {

std::string resolved(std::string_view reference) {
  std::string out;
  resolve_iri("http://a/b/c/d;p?q", reference, out);
  return out;
}

TEST(IriResolver, NormalExamples) {
  EXPECT_EQ(resolved("g:h"), "g:h");
  EXPECT_EQ(resolved("g"), "http://a/b/c/g");
  EXPECT_EQ(resolved("./g"), "http://a/b/c/g");
  EXPECT_EQ(resolved("g/"), "http://a/b/c/g/");
  EXPECT_EQ(resolved("/g"), "http://a/g");
  EXPECT_EQ(resolved("//g"), "http://g");
  EXPECT_EQ(resolved("?y"), "http://a/b/c/d;p?y");
  EXPECT_EQ(resolved("g?y"), "http://a/b/c/g?y");
  EXPECT_EQ(resolved("#s"), "http://a/b/c/d;p?q#s");
  EXPECT_EQ(resolved("g#s"), "http://a/b/c/g#s");
  EXPECT_EQ(resolved(";x"), "http://a/b/c/;x");
  EXPECT_EQ(resolved(""), "http://a/b/c/d;p?q");
  EXPECT_EQ(resolved("."), "http://a/b/c/");
  EXPECT_EQ(resolved("./"), "http://a/b/c/");
  EXPECT_EQ(resolved(".."), "http://a/b/");
  EXPECT_EQ(resolved("../g"), "http://a/b/g");
  EXPECT_EQ(resolved("../.."), "http://a/");
  EXPECT_EQ(resolved("../../g"), "http://a/g");
}

TEST(IriResolver, AbnormalExamples) {
  EXPECT_EQ(resolved("../../../g"), "http://a/g");
  EXPECT_EQ(resolved("/./g"), "http://a/g");
  EXPECT_EQ(resolved("/../g"), "http://a/g");
  EXPECT_EQ(resolved("g."), "http://a/b/c/g.");
  EXPECT_EQ(resolved("..g"), "http://a/b/c/..g");
  EXPECT_EQ(resolved("./../g"), "http://a/b/g");
  EXPECT_EQ(resolved("g/./h"), "http://a/b/c/g/h");
  EXPECT_EQ(resolved("g/../h"), "http://a/b/c/h");
  EXPECT_EQ(resolved("g;x=1/../y"), "http://a/b/c/y");
}

TEST(IriResolver, EmptyBaseLeavesReferenceAlone) {
  std::string out;
  resolve_iri("", "rel/x", out);
  EXPECT_EQ(out, "rel/x");
}

}  // namespace
}  // namespace ng::rdfio
