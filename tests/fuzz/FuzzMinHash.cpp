// libFuzzer harness: shingles, MinHash signatures and near-duplicate groups over the input's
// lines (the first byte picks the shingle length 1–5). Checked: shingle sets are sorted and
// unique; J(A, A) = 1; signatures have the requested length and equal sets equal signatures;
// groups are canonical (group[i] ≤ i, group[group[i]] = group[i]) and lines with the same
// non-empty shingle set always share a group (Jaccard 1 passes any threshold).

#include "FuzzSupport.h"
#include "analysis/MinHash.h"
#include "analysis/Tokenizer.h"

#include <algorithm>
#include <map>

using namespace synthscope::analysis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::size_t k = 1 + data[0] % 5;
    const std::string_view text = synthscope::fuzz::asText(data + 1, size - 1);
    std::vector<std::vector<std::uint64_t>> sets;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        sets.push_back(shingleHashes(tokenize(text.substr(start, end - start)), k));
        start = end + 1;
    }
    MinHashParams params;
    params.permutations = 32;
    params.bands = 8;
    std::map<std::vector<std::uint64_t>, std::vector<std::uint64_t>> signatureOf;
    for (const auto& set : sets) {
        FUZZ_CHECK(std::is_sorted(set.begin(), set.end()));
        FUZZ_CHECK(std::adjacent_find(set.begin(), set.end()) == set.end());
        FUZZ_CHECK(jaccard(set, set) == 1.0);
        const auto signature = minhashSignature(set, params);
        FUZZ_CHECK(signature.size() == params.permutations);
        const auto [it, fresh] = signatureOf.emplace(set, signature);
        FUZZ_CHECK(fresh || it->second == signature);
    }
    const std::vector<std::uint32_t> group = nearDuplicateGroups(sets, params);
    FUZZ_CHECK(group.size() == sets.size());
    std::map<std::vector<std::uint64_t>, std::uint32_t> firstWith;
    for (std::uint32_t i = 0; i < group.size(); ++i) {
        FUZZ_CHECK(group[i] <= i && group[group[i]] == group[i]);
        if (sets[i].empty())
            continue;
        const auto [it, fresh] = firstWith.emplace(sets[i], i);
        FUZZ_CHECK(fresh || group[it->second] == group[i]);
    }
    return 0;
}
