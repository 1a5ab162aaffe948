// Expression tests: numeric promotion, effective boolean value, type errors
// filtering solutions, error absorption in || and &&, and the built-ins.
#include "query_fixture.hpp"

namespace ng::query::testing {
namespace {

class ExpressionTest : public QueryTest {
protected:
  void SetUp() override { add("ex:s", "ex:p", "ex:o"); }
  // The value of one expression, as text ("" when unbound).
  std::string value(const std::string& expr) {
    Rows r = rows("SELECT ?v { ex:s ex:p ex:o BIND (" + expr + " AS ?v) }");
    if (r.size() != 1) return "<" + std::to_string(r.size()) + " rows>";
    return r[0].rfind("?v=", 0) == 0 ? r[0].substr(3) : "";
  }
};

TEST_F(ExpressionTest, IntegerPlusDecimalIsDecimal) { EXPECT_EQ(value("1 + 2.5"), "3.5"); }
TEST_F(ExpressionTest, IntegerDivisionGivesDecimal) { EXPECT_EQ(value("7 / 2"), "3.5"); }
TEST_F(ExpressionTest, IntegerTimesDoubleIsDouble) {
  EXPECT_EQ(value("DATATYPE(2 * 1e0)"), "<http://www.w3.org/2001/XMLSchema#double>");
}
TEST_F(ExpressionTest, DivisionByZeroIsAnError) { EXPECT_EQ(value("1 / 0"), ""); }
// xsd:decimal is exact fixed point (10^-18 steps), as in Oxigraph: no binary
// rounding, division truncated to 18 fractional digits, overflow an error.
TEST_F(ExpressionTest, DecimalArithmeticIsExact) {
  EXPECT_EQ(value("0.1 + 0.2"), "0.3");
  EXPECT_EQ(value("0.1 + 0.2 = 0.3"), "true");
  EXPECT_EQ(value("302 / 109"), "2.770642201834862385");
  EXPECT_EQ(value("-2 / 3"), "-0.666666666666666666");
  EXPECT_EQ(value("1.0000000001 * 1.0000000001"), "1.0000000002");  // truncated to 18 digits
  EXPECT_EQ(value("0.000000001 * 0.000000001"), "0.000000000000000001");
  EXPECT_EQ(value("2.0 * 3"), "6.0");
  EXPECT_EQ(value("1.5 / 0.0"), "");
  EXPECT_EQ(value("100000000000000000000.0 * 10"), "");  // beyond 1.7E20: overflow
  EXPECT_EQ(value("12345678901234567.25 < 12345678901234567.5"), "true");
}
TEST_F(ExpressionTest, DecimalLexicalForms) {
  EXPECT_EQ(value("\"+01.50\"^^xsd:decimal + 0"), "1.5");
  EXPECT_EQ(value("\"1.0000000000000000001\"^^xsd:decimal + 0"), "");  // more than 18 fractional digits
  EXPECT_EQ(value("ISNUMERIC(\"1e0\"^^xsd:decimal)"), "false");
  EXPECT_EQ(value("xsd:decimal(\"2.50\")"), "2.5");
  EXPECT_EQ(value("xsd:decimal(3)"), "3.0");
  EXPECT_EQ(value("xsd:decimal(0.3e0)"), "0.3");
  EXPECT_EQ(value("xsd:integer(-3.9)"), "-3");
}
TEST_F(ExpressionTest, StringPlusNumberIsTypeErrorLeavingUnbound) { EXPECT_EQ(value("\"a\" + 1"), ""); }

TEST_F(ExpressionTest, TypeErrorInFilterRemovesTheSolution) {
  EXPECT_TRUE(rows("SELECT * { ?s ?p ?o FILTER (?o + 1 > 0) }").empty());
}

TEST_F(ExpressionTest, OrAbsorbsErrorWhenOtherSideIsTrue) {
  EXPECT_EQ(rows("SELECT ?s { ?s ?p ?o FILTER (?unbound || true) }").size(), 1u);
  EXPECT_TRUE(rows("SELECT ?s { ?s ?p ?o FILTER (?unbound && true) }").empty());
  EXPECT_TRUE(rows("SELECT ?s { ?s ?p ?o FILTER (!(?unbound && false)) }").size() == 1u);
}

// A chain is evaluated as one n-ary node; it must agree with the binary
// rules (true absorbs errors in ||, false in &&) wherever the error stands.
TEST_F(ExpressionTest, ChainsAbsorbErrorsAsNestedBinaryOperatorsDo) {
  EXPECT_EQ(value("?unbound || false || true"), "true");
  EXPECT_EQ(value("false || ?unbound || false"), "");
  EXPECT_EQ(value("false || false || false"), "false");
  EXPECT_EQ(value("true && ?unbound && false"), "false");
  EXPECT_EQ(value("true && true && ?unbound"), "");
  EXPECT_EQ(value("true && true && true"), "true");
  EXPECT_EQ(value("false || (true && 1/0 = 1) || 2 > 1"), "true");
}

TEST_F(ExpressionTest, FiveThousandAlternativesPickTheMatchingOne) {
  add("ex:n", "ex:v", "4321");
  std::string filter = "?v = 0";
  for (int i = 1; i < 5000; ++i) filter += " || ?v = " + std::to_string(i);
  EXPECT_EQ(rows("SELECT ?v { ex:n ex:v ?v FILTER (" + filter + ") }"), Rows{"?v=4321"});
  EXPECT_TRUE(rows("SELECT ?v { ex:n ex:v ?v FILTER ((" + filter + ") && ?v > 5000) }").empty());
}

TEST_F(ExpressionTest, EffectiveBooleanValueOfLiterals) {
  EXPECT_EQ(value("IF(\"\", 1, 0)"), "0");
  EXPECT_EQ(value("IF(\"x\", 1, 0)"), "1");
  EXPECT_EQ(value("IF(0.0, 1, 0)"), "0");
  EXPECT_EQ(value("IF(2, 1, 0)"), "1");
  EXPECT_EQ(value("IF(ex:iri, 1, 0)"), "");
}

TEST_F(ExpressionTest, NumericEqualityAcrossTypes) { EXPECT_EQ(value("1 = 1.0"), "true"); }
TEST_F(ExpressionTest, InAndNotIn) {
  EXPECT_EQ(value("2 IN (1, 2)"), "true");
  EXPECT_EQ(value("3 NOT IN (1, 2)"), "true");
}
TEST_F(ExpressionTest, StringFunctions) {
  EXPECT_EQ(value("STRLEN(\"가나다\")"), "3");
  EXPECT_EQ(value("SUBSTR(\"abcdef\", 2, 3)"), "\"bcd\"");
  EXPECT_EQ(value("UCASE(\"abc\"@en)"), "\"ABC\"@en");
  EXPECT_EQ(value("CONCAT(\"a\", \"b\", \"c\")"), "\"abc\"");
  EXPECT_EQ(value("STRBEFORE(\"abc\", \"c\")"), "\"ab\"");
  EXPECT_EQ(value("STRAFTER(\"abc\", \"a\")"), "\"bc\"");
  EXPECT_EQ(value("CONTAINS(\"abc\", \"bc\")"), "true");
  EXPECT_EQ(value("STRSTARTS(\"abc\", \"ab\")"), "true");
  EXPECT_EQ(value("STRENDS(\"abc\", \"bc\")"), "true");
  EXPECT_EQ(value("ENCODE_FOR_URI(\"a b/c\")"), "\"a%20b%2Fc\"");
}
TEST_F(ExpressionTest, RegexAndReplaceOnRe2) {
  EXPECT_EQ(value("REGEX(\"Hello\", \"^h\", \"i\")"), "true");
  EXPECT_EQ(value("REPLACE(\"abcabc\", \"b(c)\", \"[$1]\")"), "\"a[c]a[c]\"");
  EXPECT_EQ(value("REGEX(\"a\", \"(\")"), "");  // invalid pattern: an error
}
TEST_F(ExpressionTest, TermFunctions) {
  EXPECT_EQ(value("LANG(\"a\"@en)"), "\"en\"");
  EXPECT_EQ(value("LANGMATCHES(\"en-US\", \"en\")"), "true");
  EXPECT_EQ(value("STR(ex:x)"), "\"http://example.org/x\"");
  EXPECT_EQ(value("ISIRI(ex:x)"), "true");
  EXPECT_EQ(value("ISLITERAL(1)"), "true");
  EXPECT_EQ(value("ISNUMERIC(\"1\")"), "false");
  EXPECT_EQ(value("ISBLANK(BNODE())"), "true");
  EXPECT_EQ(value("SAMETERM(1, 1.0)"), "false");
  EXPECT_EQ(value("STRDT(\"5\", xsd:integer) + 1"), "6");
  EXPECT_EQ(value("STRLANG(\"chat\", \"FR\")"), "\"chat\"@fr");
  EXPECT_EQ(value("IRI(\"http://example.org/y\")"), "ex:y");
  EXPECT_EQ(value("COALESCE(?nothing, 1/0, 7)"), "7");
  EXPECT_EQ(value("BOUND(?nothing)"), "false");
}
TEST_F(ExpressionTest, NumericFunctions) {
  EXPECT_EQ(value("ABS(-3)"), "3");
  // Whole decimals in XSD 1.1 canonical form, as the W3C ceil01/floor01/round01 expect.
  EXPECT_EQ(value("ROUND(2.5)"), "3");
  EXPECT_EQ(value("CEIL(2.1)"), "3");
  EXPECT_EQ(value("FLOOR(-2.1)"), "-3");
  EXPECT_EQ(value("ROUND(-2.5)"), "-2");  // half towards positive infinity
  EXPECT_EQ(value("ABS(-2.50)"), "2.5");
  EXPECT_EQ(value("CEIL(-0.000000000000000001)"), "0");
}
TEST_F(ExpressionTest, XsdCasts) {
  EXPECT_EQ(value("xsd:integer(\"42\")"), "42");
  EXPECT_EQ(value("xsd:integer(3.9)"), "3");
  EXPECT_EQ(value("xsd:string(12)"), "\"12\"");
  EXPECT_EQ(value("xsd:boolean(\"1\")"), "true");
  EXPECT_EQ(value("xsd:integer(\"x\")"), "");
}

TEST_F(ExpressionTest, DoubleBeyondItsRangeIsInfinity) {
  EXPECT_EQ(value("1e400 * 1"), "INF");
  EXPECT_EQ(value("-1e400 * 1"), "-INF");
  EXPECT_EQ(value("1e-400 * 1"), "0.0E0");
}

}  // namespace
}  // namespace ng::query::testing
