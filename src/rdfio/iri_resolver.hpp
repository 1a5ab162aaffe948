// Resolution of relative IRI references against a base IRI (RFC 3986 section
// 5.2, with remove_dot_segments), for Turtle's @base and relative <...>.
#pragma once

#include <string>
#include <string_view>

namespace ng::rdfio {

// Writes the target IRI of `reference` resolved against `base` to `out`. A
// reference with a scheme is taken as it is; an empty base leaves relative
// references unresolved.
void resolve_iri(std::string_view base, std::string_view reference, std::string &out);

}  // namespace ng::rdfio
