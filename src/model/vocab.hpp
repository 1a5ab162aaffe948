// The vocabulary notegraph writes: standard namespaces where they exist and
// ng: for the rest. These IRIs are a public interface (queries, exports).
#pragma once

#include <string_view>

namespace ng::vocab {

inline constexpr std::string_view ng = "https://w3id.org/notegraph/ns#";
inline constexpr std::string_view field = "https://w3id.org/notegraph/field#";
inline constexpr std::string_view rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view rdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view xsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view skos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view dcterms = "http://purl.org/dc/terms/";

// Default namespace for the entities of the notes; --base replaces it.
inline constexpr std::string_view default_base = "https://w3id.org/notegraph/notes/";

// Full IRIs used by the extractor and the writers.
inline constexpr std::string_view rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr std::string_view rdfs_label = "http://www.w3.org/2000/01/rdf-schema#label";
inline constexpr std::string_view rdfs_seeAlso = "http://www.w3.org/2000/01/rdf-schema#seeAlso";
inline constexpr std::string_view skos_altLabel = "http://www.w3.org/2004/02/skos/core#altLabel";
inline constexpr std::string_view dcterms_title = "http://purl.org/dc/terms/title";
inline constexpr std::string_view dcterms_description = "http://purl.org/dc/terms/description";
inline constexpr std::string_view dcterms_source = "http://purl.org/dc/terms/source";
inline constexpr std::string_view xsd_integer = "http://www.w3.org/2001/XMLSchema#integer";
inline constexpr std::string_view xsd_string = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr std::string_view ng_Document = "https://w3id.org/notegraph/ns#Document";
inline constexpr std::string_view ng_Section = "https://w3id.org/notegraph/ns#Section";
inline constexpr std::string_view ng_Service = "https://w3id.org/notegraph/ns#Service";
inline constexpr std::string_view ng_Category = "https://w3id.org/notegraph/ns#Category";
inline constexpr std::string_view ng_Term = "https://w3id.org/notegraph/ns#Term";
inline constexpr std::string_view ng_number = "https://w3id.org/notegraph/ns#number";
inline constexpr std::string_view ng_level = "https://w3id.org/notegraph/ns#level";
inline constexpr std::string_view ng_parent = "https://w3id.org/notegraph/ns#parent";
inline constexpr std::string_view ng_category = "https://w3id.org/notegraph/ns#category";
inline constexpr std::string_view ng_mentions = "https://w3id.org/notegraph/ns#mentions";
inline constexpr std::string_view ng_linksTo = "https://w3id.org/notegraph/ns#linksTo";
inline constexpr std::string_view ng_document = "https://w3id.org/notegraph/ns#document";
inline constexpr std::string_view ng_line = "https://w3id.org/notegraph/ns#line";
inline constexpr std::string_view ng_tag = "https://w3id.org/notegraph/ns#tag";

}  // namespace ng::vocab
