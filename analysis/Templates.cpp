#include "analysis/Templates.h"

#include "analysis/Tokenizer.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace synthscope::analysis {

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

std::string joinRange(const std::vector<std::string>& tokens, std::size_t from, std::size_t to) {
    std::string s;
    for (std::size_t i = from; i < to; ++i) {
        if (i > from)
            s.push_back(' ');
        s += tokens[i];
    }
    return s;
}

CorpusTemplateStats corpusStats(const std::vector<std::vector<std::string>>& skeletons,
                                const std::vector<std::uint32_t>& docs,
                                const std::vector<std::uint32_t>& groupOf,
                                const TemplateParams& params) {
    CorpusTemplateStats s;
    if (docs.empty())
        return s;
    const double n = static_cast<double>(docs.size());

    std::unordered_map<std::uint32_t, std::uint64_t> groupSize; // within this corpus
    for (std::uint32_t d : docs)
        if (groupOf[d] != kNone)
            ++groupSize[groupOf[d]];
    std::uint64_t repeated = 0;
    for (std::uint32_t d : docs)
        if (groupOf[d] != kNone && groupSize[groupOf[d]] >= 2)
            ++repeated;
    s.skeletonRepetitionRate = static_cast<double>(repeated) / n;
    std::vector<std::uint64_t> sizes;
    for (const auto& [g, size] : groupSize)
        sizes.push_back(size);
    std::sort(sizes.rbegin(), sizes.rend());
    std::uint64_t top = 0;
    for (std::size_t i = 0; i < sizes.size() && i < 10; ++i)
        top += sizes[i];
    // Fewer than ten groups of ≥ 2: the rest of the top ten are single samples.
    const std::size_t singles =
        std::min<std::size_t>(10 - std::min<std::size_t>(10, sizes.size()),
                              docs.size() - static_cast<std::size_t>(repeated));
    top += singles;
    s.top10SkeletonShare = static_cast<double>(top) / n;

    // Recurring skeleton n-grams by document frequency.
    const std::size_t len = params.patternLength;
    std::unordered_map<std::uint64_t, std::uint64_t> df;
    std::unordered_map<std::uint64_t, std::string> text;
    std::uint64_t tokens = 0;
    for (std::uint32_t d : docs) {
        const auto& sk = skeletons[d];
        tokens += sk.size();
        std::unordered_set<std::uint64_t> seen;
        for (std::size_t i = 0; i + len <= sk.size(); ++i) {
            std::size_t literal = 0;
            for (std::size_t j = i; j < i + len; ++j)
                literal += isPlaceholder(sk[j]) ? 0 : 1;
            if (literal < params.minLiteralTokens)
                continue;
            const std::string pattern = joinRange(sk, i, i + len);
            const std::uint64_t h = fnv1a64(pattern);
            if (seen.insert(h).second) {
                if (++df[h] == 1)
                    text.emplace(h, pattern);
            }
        }
    }
    std::vector<std::pair<std::uint64_t, std::uint64_t>> ranked; // (df, hash)
    for (const auto& [h, count] : df)
        if (count >= 2)
            ranked.emplace_back(count, h);
    std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : text[a.second] < text[b.second];
    });
    if (ranked.size() > params.topPatterns)
        ranked.resize(params.topPatterns);
    std::unordered_set<std::uint64_t> templates;
    for (const auto& [count, h] : ranked) {
        templates.insert(h);
        if (s.topTemplates.size() < 10)
            s.topTemplates.emplace_back(text[h], count);
    }
    std::uint64_t docsWith = 0;
    std::uint64_t occurrences = 0;
    for (std::uint32_t d : docs) {
        const auto& sk = skeletons[d];
        bool any = false;
        for (std::size_t i = 0; i + len <= sk.size() && !templates.empty(); ++i) {
            if (templates.contains(fnv1a64(joinRange(sk, i, i + len)))) {
                ++occurrences;
                any = true;
            }
        }
        docsWith += any ? 1 : 0;
    }
    s.templateRate = static_cast<double>(docsWith) / n;
    s.templatesPerToken =
        tokens == 0 ? 0.0 : static_cast<double>(occurrences) / static_cast<double>(tokens);
    return s;
}

std::vector<Affix> topAffixes(const std::vector<std::vector<std::string>>& words,
                              std::span<const std::uint32_t> corpusOf,
                              std::span<const bool> synthetic, const TemplateParams& params,
                              bool opening) {
    std::unordered_map<std::string, Affix> counts;
    const std::size_t k = params.affixTokens;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto& w = words[i];
        if (w.size() < k)
            continue;
        const std::string key = opening ? joinRange(w, 0, k) : joinRange(w, w.size() - k, w.size());
        Affix& a = counts[key];
        a.text = key;
        (synthetic[corpusOf[i]] ? a.synthetic : a.real) += 1;
    }
    std::vector<Affix> out;
    for (auto& [key, a] : counts)
        if (a.real + a.synthetic >= 2)
            out.push_back(std::move(a));
    std::sort(out.begin(), out.end(), [](const Affix& a, const Affix& b) {
        const auto ta = a.real + a.synthetic;
        const auto tb = b.real + b.synthetic;
        return ta != tb ? ta > tb : a.text < b.text;
    });
    if (out.size() > params.topAffixes)
        out.resize(params.topAffixes);
    return out;
}

} // namespace

TemplateResult analyzeTemplates(const std::vector<std::vector<std::string>>& skeletons,
                                const std::vector<std::vector<std::string>>& words,
                                std::span<const std::uint32_t> corpusOf,
                                std::span<const bool> synthetic, const TemplateParams& params,
                                const Progress& progress) {
    const std::size_t n = skeletons.size();
    if (words.size() != n || corpusOf.size() != n)
        throw std::invalid_argument(
            "analyzeTemplates: skeletons, words and corpusOf differ in size");
    for (std::uint32_t c : corpusOf)
        if (c >= synthetic.size())
            throw std::invalid_argument("analyzeTemplates: corpus index out of range");

    // Identical skeletons collapse to one representative before near-duplicate grouping.
    std::unordered_map<std::uint64_t, std::uint32_t> firstWithHash;
    std::vector<std::uint32_t> uniqueOf(n);
    std::vector<std::uint32_t> uniqueDocs;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t h = fnv1a64(skeletonString(skeletons[i]));
        auto [it, inserted] =
            firstWithHash.emplace(h, static_cast<std::uint32_t>(uniqueDocs.size()));
        if (inserted)
            uniqueDocs.push_back(static_cast<std::uint32_t>(i));
        uniqueOf[i] = it->second;
    }
    progress.report(0.1, "skeleton groups");
    std::vector<std::vector<std::uint64_t>> shingles(uniqueDocs.size());
    for (std::size_t u = 0; u < uniqueDocs.size(); ++u)
        shingles[u] = shingleHashes(skeletons[uniqueDocs[u]], params.shingleTokens);
    const std::vector<std::uint32_t> near =
        nearDuplicateGroups(shingles, params.minhash, progress.sub(0.1, 0.7));

    // Document → group root (a unique-skeleton index), then keep groups of ≥ 2 documents.
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> byRoot;
    for (std::size_t i = 0; i < n; ++i)
        byRoot[near[uniqueOf[i]]].push_back(static_cast<std::uint32_t>(i));
    TemplateResult result;
    result.groupOf.assign(n, kNone);
    for (auto& [root, members] : byRoot)
        if (members.size() >= 2)
            result.groups.push_back(
                {skeletonString(skeletons[members.front()]), std::move(members)});
    std::sort(result.groups.begin(), result.groups.end(),
              [](const SkeletonGroup& a, const SkeletonGroup& b) {
                  return a.members.size() != b.members.size()
                             ? a.members.size() > b.members.size()
                             : a.members.front() < b.members.front();
              });
    for (std::size_t g = 0; g < result.groups.size(); ++g)
        for (std::uint32_t d : result.groups[g].members)
            result.groupOf[d] = static_cast<std::uint32_t>(g);
    progress.report(0.75, "template measures");

    std::vector<std::vector<std::uint32_t>> docsOf(synthetic.size());
    for (std::size_t i = 0; i < n; ++i)
        docsOf[corpusOf[i]].push_back(static_cast<std::uint32_t>(i));
    for (const auto& docs : docsOf)
        result.corpora.push_back(corpusStats(skeletons, docs, result.groupOf, params));
    result.openings = topAffixes(words, corpusOf, synthetic, params, true);
    result.closings = topAffixes(words, corpusOf, synthetic, params, false);
    progress.report(1.0, "template measures");
    return result;
}

} // namespace synthscope::analysis
