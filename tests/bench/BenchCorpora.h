#pragma once

// Real corpora for the benchmarks: read through the importer's record reader and field
// mapping, optionally replicated with light perturbation to a target row count.

#include <cstdint>
#include <string>
#include <vector>

namespace synthscope::bench {

struct Corpus {
    bool synthetic = false;
    std::vector<std::string> texts;
};

/// Reads ROLE:FILE:TEXT (ROLE real or synthetic; TEXT a field name or a template such as
/// '{instruction}\n{response}'); false (with a message on stderr) when it cannot.
bool load(const std::string& spec, Corpus* out);

/// Grows the corpora to `rows` in total, each in proportion, with copies that drop one word at
/// a seeded random position: near, not exact, duplicates.
void replicate(std::vector<Corpus>& corpora, std::size_t rows, std::uint64_t seed);

} // namespace synthscope::bench
