// Mints readable, stable, unique IRIs for entities: the acronym when a heading
// has one ("ec2"), else a slug of the label without the vendor prefix
// ("lambda", "클라우드-컴퓨팅"); documents live under "doc/". Collisions get
// "-2", "-3"... in a fixed priority order (services, sections, terms), so the
// same notes always give the same IRIs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/entities.hpp"

namespace ng::extract {

// Lower-case ASCII, letters and digits of any script kept, everything else
// folded into single '-'; at most 80 bytes.
std::string slugify(std::string_view text);

// Percent-encodes what may not appear in an IRI path segment sequence.
std::string iri_path_escape(std::string_view path);

// Strips a vendor prefix ("Amazon ", "AWS ") followed by Latin text.
std::string_view strip_vendor(std::string_view name, const std::vector<std::string>& vendors);

// Fills Entity::iri for every entity. `priority_class` entities are named first.
void mint_iris(EntityModel& model, const std::string& base, const std::vector<std::string>& vendors,
               std::uint32_t priority_class);

}  // namespace ng::extract
