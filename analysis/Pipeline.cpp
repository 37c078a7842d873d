#include "analysis/Pipeline.h"

#include "analysis/Blas.h"
#include "analysis/Diversity.h"
#include "analysis/Parallel.h"
#include "analysis/Skeleton.h"
#include "analysis/Statistics.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <future>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <random>
#include <unordered_map>
#include <unordered_set>

namespace synthscope::analysis {

namespace {

// Each corpus's imported duplicate-cluster ids as numbers over all documents (corpus order),
// kNone for a text without one; equal numbers only within a corpus. Empty: no corpus has any.
// Throws std::invalid_argument for a corpus whose ids are not one per text.
std::vector<std::uint32_t> importedClusters(std::span<const CorpusInput> corpora) {
    if (std::none_of(corpora.begin(), corpora.end(),
                     [](const CorpusInput& c) { return !c.duplicateClusters.empty(); }))
        return {};
    std::vector<std::uint32_t> out;
    std::uint32_t next = 0;
    for (const CorpusInput& c : corpora) {
        if (c.duplicateClusters.empty()) {
            out.insert(out.end(), c.texts.size(), kNone);
            continue;
        }
        if (c.duplicateClusters.size() != c.texts.size())
            throw std::invalid_argument("analyzeCorpora: duplicateClusters does not have one id "
                                        "per text");
        std::unordered_map<std::string_view, std::uint32_t> number;
        for (const std::string& id : c.duplicateClusters) {
            if (id.empty()) {
                out.push_back(kNone);
                continue;
            }
            const auto [it, inserted] = number.try_emplace(id, next);
            next += inserted ? 1 : 0;
            out.push_back(it->second);
        }
    }
    return out;
}

void mergeCounts(CorpusProfile& into, const CorpusProfile& from) {
    for (const auto& [k, v] : from.unigrams)
        into.unigrams[k] += v;
    for (const auto& [k, v] : from.bigramCounts)
        into.bigramCounts[k] += v;
    for (const auto& [k, v] : from.labelCounts)
        into.labelCounts[k] += v;
    into.labelledSamples += from.labelledSamples;
    into.samples += from.samples;
    into.lengthTokens.insert(into.lengthTokens.end(), from.lengthTokens.begin(),
                             from.lengthTokens.end());
}

std::unordered_map<std::string, std::uint64_t> ngramStrings(const CorpusProfile& p,
                                                            const Vocabulary& vocab) {
    std::unordered_map<std::string, std::uint64_t> out;
    out.reserve(p.unigrams.size() + p.bigramCounts.size());
    for (const auto& [id, c] : p.unigrams)
        out.emplace(vocab.word(id), c);
    for (const auto& [key, c] : p.bigramCounts) {
        const auto a = static_cast<std::uint32_t>(key >> 32);
        const auto b = static_cast<std::uint32_t>(key & 0xFFFFFFFFu);
        out.emplace(vocab.word(a) + ' ' + vocab.word(b), c);
    }
    return out;
}

RealVsSynthetic compare(const CorpusProfile& real, const CorpusProfile& synthetic,
                        const Vocabulary& vocab, const AnalysisParams& params) {
    RealVsSynthetic r;
    r.realSamples = real.samples;
    r.syntheticSamples = synthetic.samples;
    r.lengthHistogram =
        sharedHistogram(real.lengthTokens, synthetic.lengthTokens, params.histogramBins);
    r.ksLengthTokens = kolmogorovSmirnov(real.lengthTokens, synthetic.lengthTokens);
    ComparisonMetrics m;
    compareTokenCounts({real.lengthTokens, real.unigrams, real.bigramCounts},
                       {synthetic.lengthTokens, synthetic.unigrams, synthetic.bigramCounts},
                       params.histogramBins, m);
    r.jsLengthTokens = m.jsLengthTokens;
    r.jsUnigram = m.jsUnigram;
    r.jsBigram = m.jsBigram;

    std::map<std::string, double> total;
    for (const auto& [l, c] : real.labelCounts)
        total[l] += static_cast<double>(c);
    for (const auto& [l, c] : synthetic.labelCounts)
        total[l] += static_cast<double>(c);
    std::vector<std::pair<std::string, double>> ordered(total.begin(), total.end());
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [label, count] : ordered) {
        r.labels.push_back(label);
        auto ir = real.labelCounts.find(label);
        auto is = synthetic.labelCounts.find(label);
        r.labelCountsReal.push_back(ir == real.labelCounts.end() ? 0.0
                                                                 : static_cast<double>(ir->second));
        r.labelCountsSynthetic.push_back(
            is == synthetic.labelCounts.end() ? 0.0 : static_cast<double>(is->second));
    }
    if (!real.labelCounts.empty() && !synthetic.labelCounts.empty())
        r.jsLabel = jensenShannonDivergence(r.labelCountsReal, r.labelCountsSynthetic);

    r.indicating =
        weightedLogOdds(ngramStrings(real, vocab), ngramStrings(synthetic, vocab), params.logOdds);
    return r;
}

// Adds the n-gram occurrences of one document to counts (unigrams and bigrams, as strings)
// and each distinct n-gram once to outputs (in how many documents it occurs).
void countNgrams(std::span<const std::uint32_t> doc, const Vocabulary& vocab,
                 std::unordered_map<std::string, std::uint64_t>& counts,
                 std::unordered_map<std::string, std::uint64_t>& outputs) {
    std::unordered_set<std::string> seen;
    for (std::size_t t = 0; t < doc.size(); ++t) {
        std::string unigram = vocab.word(doc[t]);
        ++counts[unigram];
        if (t + 1 < doc.size()) {
            std::string bigram = unigram + ' ' + vocab.word(doc[t + 1]);
            ++counts[bigram];
            seen.insert(std::move(bigram));
        }
        seen.insert(std::move(unigram));
    }
    for (const std::string& g : seen)
        ++outputs[g];
}

// What the judge kept against what it was offered (JudgeResult::indicating, kept, offered).
void judgeKept(std::span<const IndexedPair> pairs, const TokenizedCorpus& docs,
               const Vocabulary& vocab, const AnalysisParams& params, JudgeResult& into) {
    std::vector<std::span<const std::uint32_t>> kept;
    std::vector<std::span<const std::uint32_t>> offered;
    for (const IndexedPair& p : pairs) {
        if (p.preferSecond != 0.0 && p.preferSecond != 1.0)
            continue; // ties and pairs without a verdict keep nothing
        const bool second = p.preferSecond == 1.0;
        kept.push_back(docs.doc(second ? p.second : p.first));
        offered.push_back(docs.doc(p.first));
        offered.push_back(docs.doc(p.second));
    }
    std::unordered_map<std::string, std::uint64_t> preferred;
    std::unordered_map<std::string, std::uint64_t> rejected;
    std::unordered_map<std::string, std::uint64_t> outputs;
    for (const IndexedPair& p : pairs) {
        if (p.preferSecond != 0.0 && p.preferSecond != 1.0)
            continue;
        const bool second = p.preferSecond == 1.0;
        countNgrams(docs.doc(second ? p.second : p.first), vocab, preferred, outputs);
        countNgrams(docs.doc(second ? p.first : p.second), vocab, rejected, outputs);
    }
    for (const auto& [ngram, n] : outputs)
        if (n < params.judgeCueMinOutputs) {
            preferred.erase(ngram);
            rejected.erase(ngram);
        }
    if (!preferred.empty() && !rejected.empty())
        into.indicating = weightedLogOdds(preferred, rejected, params.logOdds);
    std::size_t keptTokens = 0;
    for (const auto& d : kept)
        keptTokens += d.size();
    into.diversityTokenBudget = std::min(params.diversityTokenBudget, keptTokens);
    if (into.diversityTokenBudget >= 2000) {
        const std::size_t windows =
            std::min(params.vendiSamples,
                     std::max<std::size_t>(100, into.diversityTokenBudget / 10 / kVendiWindow));
        into.kept = budgetedDiversity(kept, into.diversityTokenBudget, windows,
                                      params.diversityDraws, params.seed);
        into.offered = budgetedDiversity(offered, into.diversityTokenBudget, windows,
                                         params.diversityDraws, params.seed);
    } else {
        into.diversityTokenBudget = 0;
    }
}

// Records the wall time since the previous lap under a stage name.
class StageClock {
public:
    explicit StageClock(std::vector<std::pair<std::string, double>>& out)
        : m_out(out) {}
    void lap(const char* stage) {
        const auto now = std::chrono::steady_clock::now();
        m_out.emplace_back(stage, std::chrono::duration<double>(now - m_last).count());
        m_last = now;
    }
    void restart() { m_last = std::chrono::steady_clock::now(); }

private:
    std::vector<std::pair<std::string, double>>& m_out;
    std::chrono::steady_clock::time_point m_last = std::chrono::steady_clock::now();
};

// Skeletons, diversity and perplexity, on the token ids (no word is rebuilt as a string). Writes
// result's extras, templates, perplexity fields and diversity budgets, and its stage times to
// stages (not result.stageSeconds: it may run beside analyzeSimilarity()).
void analyzeStructure(std::span<const CorpusInput> corpora,
                      const std::vector<TokenizedCorpus>& tokenized, const Vocabulary& vocab,
                      const AnalysisParams& params, const Progress& progress,
                      AnalysisResult& result, std::vector<std::pair<std::string, double>>& stages) {
    StageClock clock(stages);
    std::vector<std::span<const std::uint32_t>> words; // every corpus's documents, in order
    std::vector<std::uint32_t> corpusOf;
    std::vector<const std::string*> textOf;
    std::vector<bool> syntheticVec;
    for (std::size_t c = 0; c < corpora.size(); ++c) {
        syntheticVec.push_back(corpora[c].synthetic);
        for (std::size_t d = 0; d < tokenized[c].size(); ++d) {
            words.push_back(tokenized[c].doc(d));
            corpusOf.push_back(static_cast<std::uint32_t>(c));
            textOf.push_back(&corpora[c].texts[d]);
        }
    }
    const std::size_t documents = words.size();
    // Skeleton tokens in batches: built in parallel, then interned in order (so ids do not
    // depend on the threads); only one batch is held as strings.
    SkeletonCorpus skeletons;
    {
        constexpr std::size_t kBatch = 8192;
        std::vector<std::vector<std::string>> batch(kBatch);
        for (std::size_t first = 0; first < documents; first += kBatch) {
            progress.report(0.1 * static_cast<double>(first) / static_cast<double>(documents),
                            "skeletons");
            const std::size_t count = std::min(kBatch, documents - first);
            parallelFor(count, [&](std::size_t begin, std::size_t end, std::size_t) {
                for (std::size_t k = begin; k < end; ++k)
                    batch[k] = skeletonTokens(*textOf[first + k]);
            });
            for (std::size_t k = 0; k < count; ++k)
                skeletons.append(batch[k]);
        }
    }
    clock.lap("skeletons");

    // Diversity per corpus on the second core while the skeleton groups are found: both only
    // read words and texts; the task writes only its own extras fields.
    result.extras.resize(corpora.size());
    // One budget for every corpus of the run: the smallest corpus's tokens (samples), within
    // [2,000, diversityTokenBudget] tokens ([100, vendiSamples] samples).
    std::size_t tokenBudget = params.diversityTokenBudget;
    std::size_t vendiSamples = params.vendiSamples;
    for (const auto& t : tokenized) {
        tokenBudget = std::min(tokenBudget, std::max<std::size_t>(t.tokenIds.size(), 2000));
        vendiSamples =
            std::min(vendiSamples, std::max<std::size_t>(t.tokenIds.size() / kVendiWindow, 100));
    }
    result.diversityTokenBudget = tokenBudget;
    result.vendiSamples = vendiSamples;
    auto diversity = std::async(std::launch::async, [&, cancel = progress.cancelOnly()]() {
        std::size_t first = 0;
        for (std::size_t c = 0; c < corpora.size(); ++c) {
            const std::size_t count = tokenized[c].size();
            const std::span<const std::span<const std::uint32_t>> docs(words.data() + first, count);
            CorpusExtras& e = result.extras[c];
            e.compressionRatio = compressionRatio(corpora[c].texts, cancel);
            e.selfBleu = selfBleu(docs, params.selfBleuSample, params.seed, cancel);
            e.mtld = mtld(docs);
            e.repeatedNgramRate = repeatedNgramRate(docs, 4);
            cancel.report(0.0, "diversity");
            e.budgeted = budgetedDiversity(docs, tokenBudget, vendiSamples, params.diversityDraws,
                                           params.seed + c);
            e.selfRepetition = selfRepetition(docs, params.selfRepetitionTokens,
                                              params.diversityDraws, params.seed + c);
            first += count;
        }
    });
    std::unique_ptr<bool[]> synthetic(new bool[syntheticVec.size()]);
    for (std::size_t c = 0; c < syntheticVec.size(); ++c)
        synthetic[c] = syntheticVec[c];
    try {
        result.templates =
            analyzeTemplates(skeletons, words, vocab, corpusOf,
                             std::span<const bool>(synthetic.get(), syntheticVec.size()),
                             params.templates, progress.sub(0.1, 0.6));
    } catch (...) {
        diversity.wait(); // never leave the task reading freed data
        throw;
    }
    skeletons = SkeletonCorpus(); // freed before the language model is trained
    diversity.get();              // rethrows the task's Cancelled or error
    for (std::size_t c = 0; c < corpora.size(); ++c)
        result.extras[c].templates = result.templates.corpora[c];
    progress.report(0.75, "diversity");
    clock.lap("skeleton groups + diversity");
    // Perplexity under a model of the real side's training split.
    result.perplexity.assign(words.size(), std::numeric_limits<double>::quiet_NaN());
    std::vector<std::size_t> realDocs;
    for (std::size_t i = 0; i < words.size(); ++i)
        if (!corpora[corpusOf[i]].synthetic)
            realDocs.push_back(i);
    if (realDocs.size() < 2)
        return;
    std::mt19937_64 rng(params.seed);
    std::shuffle(realDocs.begin(), realDocs.end(), rng);
    const std::size_t heldOut =
        std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(
                                     params.heldOutShare * static_cast<double>(realDocs.size()))));
    std::vector<bool> isHeldOut(words.size(), false);
    std::vector<std::span<const std::uint32_t>> training;
    for (std::size_t k = 0; k < realDocs.size(); ++k) {
        if (k < heldOut)
            isHeldOut[realDocs[k]] = true;
        else
            training.push_back(words[realDocs[k]]);
    }
    const KneserNeyModel lm =
        KneserNeyModel::train(training, params.languageModel, progress.sub(0.75, 0.9));
    std::vector<std::vector<double>> perCorpus(corpora.size());
    std::vector<double> realHeldOut;
    std::vector<double> synth;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const bool isSynthetic = corpora[corpusOf[i]].synthetic;
        if (!isSynthetic && !isHeldOut[i])
            continue;
        const double p = lm.perplexity(words[i]);
        result.perplexity[i] = p;
        perCorpus[corpusOf[i]].push_back(p);
        (isSynthetic ? synth : realHeldOut).push_back(p);
    }
    for (std::size_t c = 0; c < corpora.size(); ++c)
        result.extras[c].perplexityMedian = median(perCorpus[c]);
    result.perplexityMedianRealHeldOut = median(realHeldOut);
    result.perplexityMedianSynthetic = median(synth);
    clock.lap("language model");
    progress.report(1.0, "perplexity");
}

} // namespace

AnalysisResult analyzeCorpora(std::span<const CorpusInput> corpora, const AnalysisParams& params,
                              const Progress& progress) {
    runBlasOnCallingThread(); // the stages bring their own threads (also for test programs)
    AnalysisResult result;
    StageClock clock(result.stageSeconds);
    Vocabulary vocab;
    std::vector<TokenizedCorpus> tokenized;
    tokenized.reserve(corpora.size());
    const double nc = static_cast<double>(std::max<std::size_t>(corpora.size(), 1));
    for (std::size_t i = 0; i < corpora.size(); ++i) // each on every core, ids in corpus order
        tokenized.push_back(tokenizeCorpus(corpora[i].texts, vocab,
                                           progress.sub(0.2 * static_cast<double>(i) / nc,
                                                        0.2 * static_cast<double>(i + 1) / nc)));
    // Profiles and input styles only read the tokens and the vocabulary: a corpus per thread.
    result.corpora.resize(corpora.size());
    result.inputStyle.resize(corpora.size());
    progress.report(0.2, "profiling");
    parallelFor(
        corpora.size(),
        [&, cancel = progress.cancelOnly()](std::size_t begin, std::size_t end, std::size_t) {
            for (std::size_t i = begin; i < end; ++i) {
                result.corpora[i] = profileCorpus(tokenized[i], corpora[i].labels, cancel);
                result.inputStyle[i] = measureInputStyle(corpora[i].texts, tokenized[i], vocab,
                                                         params.lexicon.get(), cancel);
            }
        },
        1);
    progress.report(0.3, "profiling");

    clock.lap("tokenize+profile");
    result.judge.resize(corpora.size());
    for (std::size_t i = 0; i < corpora.size(); ++i) {
        if (corpora[i].pairs.empty())
            continue;
        const std::vector<std::uint32_t>& lengths = result.corpora[i].lengthTokens;
        std::vector<JudgedPair> judged;
        judged.reserve(corpora[i].pairs.size());
        for (const IndexedPair& p : corpora[i].pairs) {
            if (p.first >= lengths.size() || p.second >= lengths.size())
                throw std::invalid_argument("analyzeCorpora: a preference pair's index is outside "
                                            "its corpus");
            judged.push_back({static_cast<double>(lengths[p.first]),
                              static_cast<double>(lengths[p.second]), p.preferSecond});
        }
        result.judge[i] = analyzeJudge(judged);
        judgeKept(corpora[i].pairs, tokenized[i], vocab, params, *result.judge[i]);
    }
    if (std::any_of(corpora.begin(), corpora.end(),
                    [](const CorpusInput& c) { return !c.pairs.empty(); }))
        clock.lap("judge");
    // Structure and similarity only read the tokens, texts and vocabulary and write disjoint
    // parts of result: side by side on a second thread when both fit in memory at once.
    std::size_t tokens = 0;
    for (const auto& t : tokenized)
        tokens += t.tokenIds.size();
    const bool sideBySide =
        params.findStructure && params.findSimilarity && tokens <= params.concurrentStagesMaxTokens;
    std::vector<std::pair<std::string, double>> structureStages;
    const std::vector<std::uint32_t> clusters = importedClusters(corpora); // may throw: first
    std::future<void> structure;
    if (params.findStructure && sideBySide)
        structure = std::async(std::launch::async, [&, cancel = progress.cancelOnly()] {
            analyzeStructure(corpora, tokenized, vocab, params, cancel, result, structureStages);
        });
    else if (params.findStructure)
        analyzeStructure(corpora, tokenized, vocab, params, progress.sub(0.3, 0.5), result,
                         structureStages);
    else
        result.extras.resize(corpora.size());
    if (params.findSimilarity) {
        try {
            std::vector<bool> synthetic;
            for (const auto& c : corpora)
                synthetic.push_back(c.synthetic);
            SimilarityParams similarity = params.similarity;
            similarity.duplicateClusters = clusters;
            result.similarity = analyzeSimilarity(tokenized, synthetic, vocab, similarity,
                                                  progress.sub(sideBySide ? 0.3 : 0.5, 0.92));
        } catch (...) {
            if (structure.valid())
                structure.wait(); // never leave the task reading freed data
            throw;
        }
    }
    if (structure.valid())
        structure.get(); // rethrows the task's Cancelled or error
    result.stageSeconds.insert(result.stageSeconds.end(), structureStages.begin(),
                               structureStages.end());
    if (result.similarity)
        result.stageSeconds.insert(result.stageSeconds.end(),
                                   result.similarity->stageSeconds.begin(),
                                   result.similarity->stageSeconds.end());
    if (sideBySide)
        clock.lap("structure + similarity (concurrent, wall)");
    clock.restart(); // the stages above recorded their own times

    // Each synthetic corpus against the real side, on the per-document results above.
    {
        std::vector<std::span<const std::uint32_t>> docTokens;
        std::vector<std::uint64_t> hashes;
        std::vector<std::string> labels;
        std::vector<std::uint32_t> corpusOf;
        std::vector<bool> synthetic;
        bool anyLabel = false;
        for (std::size_t c = 0; c < corpora.size(); ++c) {
            synthetic.push_back(corpora[c].synthetic);
            for (std::size_t d = 0; d < tokenized[c].size(); ++d) {
                docTokens.push_back(tokenized[c].doc(d));
                hashes.push_back(tokenized[c].hashes[d]);
                labels.push_back(corpora[c].labels.empty() ? std::string() : corpora[c].labels[d]);
                anyLabel = anyLabel || !labels.back().empty();
                corpusOf.push_back(static_cast<std::uint32_t>(c));
            }
        }
        ComparisonInputs in;
        in.tokens = docTokens;
        in.hashes = hashes;
        if (anyLabel)
            in.labels = labels;
        in.perplexity = result.perplexity;
        if (params.findStructure)
            in.skeletonGroup = result.templates.skeletonOf;
        if (result.similarity) {
            in.duplicateGroup = result.similarity->duplicateGroupOfOwn.empty()
                                    ? result.similarity->duplicateGroupOf
                                    : result.similarity->duplicateGroupOfOwn;
            in.cluster = result.similarity->cluster;
            in.clusters = result.similarity->clusters.size();
            in.embeddings = &result.similarity->embeddings;
        }
        VsRealParams vp = params.vsReal;
        vp.histogramBins = params.histogramBins;
        vp.seed = params.seed;
        result.vsReal = compareEachWithReal(in, corpusOf, synthetic, vp, progress.sub(0.92, 0.97));
        const ComparisonMetrics pooled =
            comparePooled(in, corpusOf, synthetic, vp, progress.sub(0.97, 0.98));
        if (!std::isnan(pooled.jsUnigram))
            result.pooled = pooled;
        clock.lap("each corpus vs real");
        LengthControlParams lp = params.lengthControl;
        lp.seed = params.seed;
        lp.nnThreshold = params.similarity.nnThreshold;
        result.lengthControl =
            controlForLength(in, corpusOf, synthetic, lp, progress.sub(0.98, 0.99));
        clock.lap("length-matched baselines");
    }

    CorpusProfile real;
    CorpusProfile synthetic;
    for (std::size_t i = 0; i < corpora.size(); ++i) {
        mergeCounts(corpora[i].synthetic ? synthetic : real, result.corpora[i]);
    }
    tokenized.clear();
    tokenized.shrink_to_fit();
    progress.report(0.93, "comparing");

    if (real.samples > 0 && synthetic.samples > 0) {
        result.comparison = compare(real, synthetic, vocab, params);
        clock.lap("comparison");
    }
    for (auto& p : result.corpora) {
        p.unigrams = {};
        p.bigramCounts = {};
    }
    progress.report(1.0, "done");
    return result;
}

} // namespace synthscope::analysis
