#include "analysis/Templates.h"

#include "analysis/LogOdds.h"
#include "analysis/Parallel.h"
#include "analysis/Statistics.h"

#include "analysis/Tokenizer.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace synthscope::analysis {

namespace {

// Tokens [from, to) of ids joined by single spaces, each written as text(id).
template <typename Text>
std::string joinRange(std::span<const std::uint32_t> ids, std::size_t from, std::size_t to,
                      const Text& text) {
    std::string s;
    for (std::size_t i = from; i < to; ++i) {
        if (i > from)
            s.push_back(' ');
        s += text(ids[i]);
    }
    return s;
}

// The hash of each patternLength-token window of a token sequence given by its tokens' hashes
// and whether each is kept (not a placeholder), in order; 0 for a window that keeps fewer than
// minLiteralTokens tokens (placeholders only: no pattern). An n-gram is hashed from its tokens'
// hashes, so no string is built per position.
void windowHashesOf(const std::vector<std::uint64_t>& tokenHash,
                    const std::vector<std::uint8_t>& literal, const TemplateParams& params,
                    std::vector<std::uint64_t>& out) {
    const std::size_t len = params.patternLength;
    out.clear();
    std::size_t literalInWindow = 0;
    for (std::size_t i = 0; i < tokenHash.size(); ++i) {
        literalInWindow += literal[i];
        if (i >= len)
            literalInWindow -= literal[i - len];
        if (i + 1 < len)
            continue;
        std::uint64_t h = 0xcbf29ce484222325ULL;
        for (std::size_t j = i + 1 - len; j <= i; ++j)
            h = (h ^ tokenHash[j]) * 0x100000001b3ULL + (h >> 29);
        out.push_back(literalInWindow >= params.minLiteralTokens && h != 0 ? h : 0);
    }
}

// windowHashesOf() of a skeleton (token ids of skeletons), or (collapsed) of the skeleton with
// every run of placeholders collapsed into its first.
void windowHashes(const SkeletonCorpus& skeletons, std::span<const std::uint32_t> sk,
                  const TemplateParams& params, std::vector<std::uint64_t>& out,
                  bool collapsed = false) {
    thread_local std::vector<std::uint64_t> tokenHash;
    thread_local std::vector<std::uint8_t> literal;
    tokenHash.clear();
    literal.clear();
    for (const std::uint32_t t : sk) {
        const bool placeholder = skeletons.placeholder(t);
        if (collapsed && placeholder && !literal.empty() && literal.back() == 0)
            continue;
        tokenHash.push_back(skeletons.hash(t));
        literal.push_back(placeholder ? 0 : 1);
    }
    windowHashesOf(tokenHash, literal, params, out);
}

// A skeleton with every run of placeholders collapsed into its first: the slots of a mould,
// whatever length of filling each holds.
std::vector<std::uint32_t> collapsedSkeleton(const SkeletonCorpus& skeletons,
                                             std::span<const std::uint32_t> sk) {
    std::vector<std::uint32_t> out;
    out.reserve(sk.size());
    for (const std::uint32_t t : sk)
        if (!skeletons.placeholder(t) || out.empty() || !skeletons.placeholder(out.back()))
            out.push_back(t);
    return out;
}

// The sorted, distinct window hashes of a skeleton's collapsed form (TemplateParams::moulds);
// empty for a short reply. scratch: reused buffer.
std::vector<std::uint64_t> mouldWindows(const SkeletonCorpus& skeletons,
                                        std::span<const std::uint32_t> sk,
                                        const TemplateParams& params,
                                        std::vector<std::uint64_t>& scratch) {
    if (skeletons.shortReply(sk))
        return {};
    windowHashes(skeletons, sk, params, scratch, true);
    std::vector<std::uint64_t> set;
    for (std::uint64_t h : scratch)
        if (h != 0)
            set.push_back(h);
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
    return set;
}

std::uint64_t setHash(const std::vector<std::uint64_t>& set) {
    std::uint64_t h = 0xcbf29ce484222325ULL ^ set.size();
    for (std::uint64_t x : set)
        h = (h ^ x) * 0x100000001b3ULL + (h >> 29);
    return h;
}

// A mould's title: its centre's collapsed skeleton, each window kept that at least half of the
// members (up to 200 of them, evenly spaced over the group) contain, every other stretch written
// as "…". When no window reaches half, the windows shared most widely are kept.
std::string
mouldTitle(const SkeletonCorpus& skeletons, std::span<const std::uint32_t> centreSkeleton,
           const std::vector<std::uint32_t>& members, const std::vector<std::uint32_t>& mouldOf,
           const std::vector<std::vector<std::uint64_t>>& mouldSets, const TemplateParams& params) {
    const std::vector<std::uint32_t> tokens = collapsedSkeleton(skeletons, centreSkeleton);
    std::vector<std::uint64_t> hashes;
    windowHashes(skeletons, tokens, params, hashes);
    const std::size_t looked = std::min<std::size_t>(members.size(), 200);
    std::vector<std::size_t> sharedBy(hashes.size(), 0);
    for (std::size_t w = 0; w < hashes.size(); ++w) {
        if (hashes[w] == 0)
            continue;
        for (std::size_t m = 0; m < looked; ++m) {
            const auto& set = mouldSets[mouldOf[members[m * members.size() / looked]]];
            sharedBy[w] += std::binary_search(set.begin(), set.end(), hashes[w]) ? 1 : 0;
        }
    }
    const std::size_t most =
        sharedBy.empty() ? 0 : *std::max_element(sharedBy.begin(), sharedBy.end());
    const std::size_t needed = std::min(most, (looked + 1) / 2);
    std::vector<bool> kept(tokens.size(), false);
    for (std::size_t w = 0; w < hashes.size(); ++w)
        if (needed > 0 && sharedBy[w] >= needed)
            for (std::size_t t = w; t < w + params.patternLength && t < tokens.size(); ++t)
                kept[t] = true;
    std::vector<std::string> shown;
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        if (kept[t])
            shown.push_back(skeletons.text(tokens[t]));
        else if (shown.empty() || shown.back() != "…")
            shown.push_back("…");
    }
    return skeletonString(shown);
}

CorpusTemplateStats corpusStats(const SkeletonCorpus& skeletons,
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

    // Recurring skeleton n-grams by document frequency; ties in frequency go to the first seen.
    const std::size_t len = params.patternLength;
    struct Pattern {
        std::uint64_t df = 0;
        std::uint32_t doc = 0; // first occurrence
        std::uint32_t pos = 0;
    };
    std::unordered_map<std::uint64_t, Pattern> patterns;
    std::uint64_t tokens = 0;
    std::vector<std::uint64_t> hashes; // one document's n-gram hashes (not kept: recomputed below)
    std::unordered_set<std::uint64_t> seen;
    for (std::size_t di = 0; di < docs.size(); ++di) {
        tokens += skeletons.doc(docs[di]).size();
        windowHashes(skeletons, skeletons.doc(docs[di]), params, hashes);
        seen.clear();
        for (std::size_t start = 0; start < hashes.size(); ++start) {
            const std::uint64_t h = hashes[start];
            if (h == 0 || !seen.insert(h).second)
                continue;
            Pattern& p = patterns[h];
            if (p.df++ == 0) {
                p.doc = static_cast<std::uint32_t>(di);
                p.pos = static_cast<std::uint32_t>(start);
            }
        }
    }
    std::vector<std::pair<std::uint64_t, const Pattern*>> ranked;
    for (const auto& [h, p] : patterns)
        if (p.df >= 2)
            ranked.emplace_back(h, &p);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        const Pattern& x = *a.second;
        const Pattern& y = *b.second;
        if (x.df != y.df)
            return x.df > y.df;
        return x.doc != y.doc ? x.doc < y.doc : x.pos < y.pos;
    });
    if (ranked.size() > params.topPatterns)
        ranked.resize(params.topPatterns);
    std::unordered_set<std::uint64_t> templates;
    for (const auto& [h, p] : ranked) {
        templates.insert(h);
        if (s.topTemplates.size() < 10)
            s.topTemplates.emplace_back(joinRange(skeletons.doc(docs[p->doc]), p->pos, p->pos + len,
                                                  [&](std::uint32_t id) -> const std::string& {
                                                      return skeletons.text(id);
                                                  }),
                                        p->df);
    }
    std::uint64_t docsWith = 0;
    std::uint64_t occurrences = 0;
    for (const std::uint32_t d : docs) {
        windowHashes(skeletons, skeletons.doc(d), params, hashes);
        bool any = false;
        for (std::uint64_t h : hashes)
            if (h != 0 && templates.contains(h)) {
                ++occurrences;
                any = true;
            }
        docsWith += any ? 1 : 0;
    }
    s.templateRate = static_cast<double>(docsWith) / n;
    s.templatesPerToken =
        tokens == 0 ? 0.0 : static_cast<double>(occurrences) / static_cast<double>(tokens);
    return s;
}

// Skeleton n-grams by the samples of each role that contain them, ranked by weighted log-odds
// (synthetic against real). Strings are built only for n-grams frequent enough to rank.
std::vector<RecurringTemplate> recurringTemplates(const SkeletonCorpus& skeletons,
                                                  std::span<const std::uint32_t> corpusOf,
                                                  std::span<const bool> synthetic,
                                                  const TemplateParams& params) {
    struct Frequency {
        std::uint64_t real = 0;
        std::uint64_t synthetic = 0;
        std::uint32_t doc = 0; // first occurrence
        std::uint32_t pos = 0;
    };
    std::unordered_map<std::uint64_t, Frequency> frequency;
    std::vector<std::uint64_t> hashes;
    std::unordered_set<std::uint64_t> seen;
    double samples[2] = {0.0, 0.0}; // real, synthetic
    for (std::size_t i = 0; i < skeletons.size(); ++i) {
        windowHashes(skeletons, skeletons.doc(i), params, hashes);
        seen.clear();
        const bool isSynthetic = synthetic[corpusOf[i]];
        samples[isSynthetic ? 1 : 0] += 1.0;
        for (std::size_t start = 0; start < hashes.size(); ++start) {
            if (hashes[start] == 0 || !seen.insert(hashes[start]).second)
                continue;
            auto [it, fresh] = frequency.try_emplace(
                hashes[start], Frequency{.doc = static_cast<std::uint32_t>(i),
                                         .pos = static_cast<std::uint32_t>(start)});
            ++(isSynthetic ? it->second.synthetic : it->second.real);
        }
    }
    std::unordered_map<std::string, std::uint64_t> syntheticDf;
    std::unordered_map<std::string, std::uint64_t> realDf;
    std::unordered_map<std::string, std::uint64_t> hashOf;
    for (const auto& [h, f] : frequency) {
        if (f.real + f.synthetic < params.minRecurringSamples)
            continue;
        const std::string text = skeletonString(
            skeletons.texts(skeletons.doc(f.doc).subspan(f.pos, params.patternLength)));
        hashOf[text] = h;
        if (f.synthetic > 0)
            syntheticDf[text] = f.synthetic;
        if (f.real > 0)
            realDf[text] = f.real;
    }
    if (samples[0] == 0.0 || samples[1] == 0.0)
        return {};
    // Document frequencies: δ compares the odds that a sample of each role contains the
    // template (n = the samples of each role), with the prior at the pooled frequency.
    const LogOddsResult ranked =
        weightedLogOdds(syntheticDf, realDf,
                        LogOddsParams{.minCount = params.minRecurringSamples,
                                      .topK = params.topRecurring,
                                      .totalA = samples[1],
                                      .totalB = samples[0]});
    std::vector<RecurringTemplate> out;
    for (const LogOddsTerm& t : ranked.indicatingA)
        if (t.zScore > 0.0)
            out.push_back({t.ngram, t.countB, t.countA, t.zScore, {}});
    // Examples: one more pass over the windows, now only for the templates kept.
    std::unordered_map<std::uint64_t, std::size_t> kept; // window hash → index into out
    for (std::size_t k = 0; k < out.size(); ++k)
        kept[hashOf.at(out[k].pattern)] = k;
    std::vector<std::vector<std::uint32_t>> real(out.size());
    std::vector<std::vector<std::uint32_t>> synth(out.size());
    // Examples still wanted: a side gives at most as many as it has samples with the template.
    std::uint64_t missing = 0;
    for (const RecurringTemplate& t : out)
        missing += std::min<std::uint64_t>(t.real, params.examplesPerSide) +
                   std::min<std::uint64_t>(t.synthetic, params.examplesPerSide);
    for (std::size_t i = 0; i < skeletons.size() && missing > 0; ++i) {
        windowHashes(skeletons, skeletons.doc(i), params, hashes);
        auto& side = synthetic[corpusOf[i]] ? synth : real;
        for (std::uint64_t h : hashes) {
            const auto it = h == 0 ? kept.end() : kept.find(h);
            if (it == kept.end())
                continue;
            auto& list = side[it->second];
            if (list.size() < params.examplesPerSide &&
                (list.empty() || list.back() != static_cast<std::uint32_t>(i))) {
                list.push_back(static_cast<std::uint32_t>(i));
                --missing;
            }
        }
    }
    for (std::size_t k = 0; k < out.size(); ++k) {
        out[k].examples = std::move(synth[k]);
        out[k].examples.insert(out[k].examples.end(), real[k].begin(), real[k].end());
    }
    return out;
}

std::vector<Affix> topAffixes(std::span<const std::span<const std::uint32_t>> words,
                              const Vocabulary& vocabulary, std::span<const std::uint32_t> corpusOf,
                              std::span<const bool> synthetic, const TemplateParams& params,
                              bool opening) {
    std::unordered_map<std::string, Affix> counts;
    const std::size_t k = params.affixTokens;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto& w = words[i];
        if (w.size() < k)
            continue;
        const auto text = [&](std::uint32_t id) -> const std::string& {
            return vocabulary.word(id);
        };
        const std::string key =
            opening ? joinRange(w, 0, k, text) : joinRange(w, w.size() - k, w.size(), text);
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

TemplateResult analyzeTemplates(const SkeletonCorpus& skeletons,
                                std::span<const std::span<const std::uint32_t>> words,
                                const Vocabulary& vocabulary,
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
        // The skeleton's ids hashed in order: equal skeletons, equal ids (a literal "⏎" in a
        // text is its own token, no longer equal to a line break as in skeletonString()).
        std::uint64_t h = 0xcbf29ce484222325ULL ^ skeletons.doc(i).size();
        for (const std::uint32_t id : skeletons.doc(i))
            h = splitmix64(h ^ id);
        auto [it, inserted] =
            firstWithHash.emplace(h, static_cast<std::uint32_t>(uniqueDocs.size()));
        if (inserted)
            uniqueDocs.push_back(static_cast<std::uint32_t>(i));
        uniqueOf[i] = it->second;
    }
    progress.report(0.1, "skeleton groups");
    std::vector<std::vector<std::uint64_t>> shingles(uniqueDocs.size());
    for (std::size_t u = 0; u < uniqueDocs.size(); ++u) {
        std::vector<std::uint64_t> tokenHash;
        for (const std::uint32_t id : skeletons.doc(uniqueDocs[u]))
            tokenHash.push_back(skeletons.hash(id)); // = shingleHashes() of the strings
        shingles[u] = shingleHashesOfTokenHashes(tokenHash, params.shingleTokens);
    }
    const std::vector<std::uint32_t> near =
        nearDuplicateGroups(shingles, params.minhash, progress.sub(0.1, 0.45));

    TemplateResult result;
    result.skeletonOf.assign(n, kNone);
    {
        std::unordered_map<std::uint32_t, std::uint32_t> size; // near-identical root → documents
        for (std::size_t i = 0; i < n; ++i)
            ++size[near[uniqueOf[i]]];
        for (std::size_t i = 0; i < n; ++i)
            if (size[near[uniqueOf[i]]] >= 2)
                result.skeletonOf[i] = near[uniqueOf[i]];
    }

    // Moulds over the distinct mould-window sets, each weighted by the documents it stands for.
    progress.report(0.45, "moulds");
    std::vector<std::vector<std::uint64_t>> mouldSets;
    std::vector<std::uint32_t> mouldWeight;
    std::vector<std::uint32_t> mouldOf(n, kNone); // document → index into mouldSets
    {
        // Each document's window set (in parallel, a batch at a time so that only the distinct
        // sets are held), then the distinct ones in document order.
        constexpr std::size_t kBatch = 16384;
        std::vector<std::vector<std::uint64_t>> setOf(std::min(n, kBatch));
        const Progress cancel = progress.cancelOnly();
        std::unordered_map<std::uint64_t, std::uint32_t> firstWith;
        for (std::size_t i = 0; i < n; ++i) {
            if (i % kBatch == 0) {
                cancel.report(0.0, "moulds");
                parallelFor(std::min(kBatch, n - i), [&](std::size_t begin, std::size_t end,
                                                         std::size_t) {
                    std::vector<std::uint64_t> windows;
                    for (std::size_t k = begin; k < end; ++k)
                        setOf[k] = mouldWindows(skeletons, skeletons.doc(i + k), params, windows);
                });
            }
            std::vector<std::uint64_t> set = std::move(setOf[i % kBatch]);
            if (set.empty())
                continue;
            // Open addressing on the set's hash: a colliding different set moves on to the
            // next key, so equal sets always meet and different ones never merge.
            std::uint64_t key = setHash(set);
            auto it = firstWith.find(key);
            while (it != firstWith.end() && mouldSets[it->second] != set) {
                key = key * 0x9e3779b97f4a7c15ULL + 1;
                it = firstWith.find(key);
            }
            if (it != firstWith.end()) {
                mouldOf[i] = it->second;
                ++mouldWeight[it->second];
                continue;
            }
            firstWith.emplace(key, static_cast<std::uint32_t>(mouldSets.size()));
            mouldOf[i] = static_cast<std::uint32_t>(mouldSets.size());
            mouldSets.push_back(std::move(set));
            mouldWeight.push_back(1);
        }
    }
    const std::vector<std::uint32_t> centre =
        starGroups(mouldSets, mouldWeight, params.moulds, progress.sub(0.45, 0.7));

    // Document → group: its mould's centre, or (no mould window) its near-identical skeleton
    // root; keep groups of ≥ 2 documents.
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> byKey;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t key =
            mouldOf[i] != kNone ? centre[mouldOf[i]] : (std::uint64_t{1} << 32) | near[uniqueOf[i]];
        byKey[key].push_back(static_cast<std::uint32_t>(i));
    }
    result.groupOf.assign(n, kNone);
    for (auto& [key, members] : byKey) {
        if (members.size() < 2)
            continue;
        const bool mould = (key >> 32) == 0;
        std::string pattern;
        if (mould) {
            // The document whose window set is the centre.
            const auto centreSet = static_cast<std::uint32_t>(key); // (clang: no captured binding)
            const auto c = *std::find_if(members.begin(), members.end(),
                                         [&](std::uint32_t d) { return mouldOf[d] == centreSet; });
            pattern = mouldTitle(skeletons, skeletons.doc(c), members, mouldOf, mouldSets, params);
        } else {
            pattern = skeletonString(skeletons.texts(skeletons.doc(members.front())));
        }
        result.groups.push_back({std::move(pattern), std::move(members), mould});
    }
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
        result.corpora.push_back(corpusStats(skeletons, docs, result.skeletonOf, params));
    result.recurring = recurringTemplates(skeletons, corpusOf, synthetic, params);
    result.openings = topAffixes(words, vocabulary, corpusOf, synthetic, params, true);
    result.closings = topAffixes(words, vocabulary, corpusOf, synthetic, params, false);
    progress.report(1.0, "template measures");
    return result;
}

} // namespace synthscope::analysis
