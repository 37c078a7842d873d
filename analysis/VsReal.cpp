#include "analysis/VsReal.h"

#include "analysis/Divergence.h"
#include "analysis/MetricKeys.h"
#include "analysis/Parallel.h"
#include "analysis/Profile.h"
#include "analysis/Statistics.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <unordered_map>
#include <unordered_set>

namespace synthscope::analysis {

namespace {

// Declaration order of ComparisonMetrics; comparisonKeys() and value() follow it.
constexpr double ComparisonMetrics::*kFields[ComparisonMetrics::kCount] = {
    &ComparisonMetrics::jsLengthTokens,
    &ComparisonMetrics::jsUnigram,
    &ComparisonMetrics::jsBigram,
    &ComparisonMetrics::jsLabel,
    &ComparisonMetrics::ksLengthTokens,
    &ComparisonMetrics::jsClusterShare,
    &ComparisonMetrics::labelEntropyChangeBits,
    &ComparisonMetrics::perplexityLogRatio,
    &ComparisonMetrics::mauve,
    &ComparisonMetrics::detectabilityAuc,
    &ComparisonMetrics::precision,
    &ComparisonMetrics::recall,
    &ComparisonMetrics::density,
    &ComparisonMetrics::coverageRealBySynthetic,
    &ComparisonMetrics::coverageSyntheticByReal,
    &ComparisonMetrics::crossExactDuplicateRate,
    &ComparisonMetrics::crossNearDuplicateRate,
    &ComparisonMetrics::shortExactMatchRate,
};

// The k-NN-radius measures, and with detectability every measure compareEmbeddings fills.
constexpr double ComparisonMetrics::*kBallFields[] = {
    &ComparisonMetrics::precision, &ComparisonMetrics::recall, &ComparisonMetrics::density,
    &ComparisonMetrics::coverageRealBySynthetic, &ComparisonMetrics::coverageSyntheticByReal};
constexpr double ComparisonMetrics::*kEmbeddingFields[] = {
    &ComparisonMetrics::precision,
    &ComparisonMetrics::recall,
    &ComparisonMetrics::density,
    &ComparisonMetrics::coverageRealBySynthetic,
    &ComparisonMetrics::coverageSyntheticByReal,
    &ComparisonMetrics::detectabilityAuc};

// What one side of a comparison is made of, counted once and reused by value and null.
struct SideCounts {
    std::vector<std::uint32_t> lengths;
    std::unordered_map<std::uint32_t, std::uint64_t> unigrams;
    std::unordered_map<std::uint64_t, std::uint64_t> bigrams;
    std::map<std::string, double> labels;
    std::vector<double> clusters;
    std::vector<double> perplexities;
};

SideCounts countSide(const ComparisonInputs& in, std::span<const std::uint32_t> docs) {
    SideCounts s;
    s.lengths.reserve(docs.size());
    s.clusters.assign(in.cluster.empty() ? 0 : in.clusters, 0.0);
    for (std::uint32_t d : docs) {
        const auto t = in.tokens[d];
        s.lengths.push_back(static_cast<std::uint32_t>(t.size()));
        for (std::size_t i = 0; i < t.size(); ++i) {
            ++s.unigrams[t[i]];
            if (i + 1 < t.size())
                ++s.bigrams[bigramKey(t[i], t[i + 1])];
        }
        if (!in.labels.empty() && !in.labels[d].empty())
            s.labels[in.labels[d]] += 1.0;
        if (!in.cluster.empty() && in.cluster[d] < s.clusters.size())
            s.clusters[in.cluster[d]] += 1.0;
        if (!in.perplexity.empty() && std::isfinite(in.perplexity[d]))
            s.perplexities.push_back(in.perplexity[d]);
    }
    return s;
}

double medianOf(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double labelEntropy(const std::map<std::string, double>& labels) {
    std::vector<double> counts;
    for (const auto& [label, count] : labels)
        counts.push_back(count);
    return entropyBits(counts);
}

void compareCounts(const SideCounts& a, const SideCounts& b, const VsRealParams& params,
                   ComparisonMetrics& m) {
    if (a.lengths.empty() || b.lengths.empty())
        return;
    compareTokenCounts({a.lengths, a.unigrams, a.bigrams}, {b.lengths, b.unigrams, b.bigrams},
                       params.histogramBins, m);
    if (!a.labels.empty() && !b.labels.empty()) {
        std::map<std::string, std::pair<double, double>> joint;
        for (const auto& [l, c] : a.labels)
            joint[l].first = c;
        for (const auto& [l, c] : b.labels)
            joint[l].second = c;
        std::vector<double> pa;
        std::vector<double> pb;
        for (const auto& [l, c] : joint) {
            pa.push_back(c.first);
            pb.push_back(c.second);
        }
        m.jsLabel = jensenShannonDivergence(pa, pb);
        m.labelEntropyChangeBits = labelEntropy(b.labels) - labelEntropy(a.labels);
    }
    const auto positive = [](const std::vector<double>& v) {
        return std::any_of(v.begin(), v.end(), [](double x) { return x > 0.0; });
    };
    if (positive(a.clusters) && positive(b.clusters)) {
        m.jsClusterShare = jensenShannonDivergence(a.clusters, b.clusters);
        // MAUVE on one shared quantisation: the k-means clusters of all samples.
        m.mauve = mauveFromHistograms(a.clusters, b.clusters, params.mauve.scaling).mauve;
    }
    constexpr std::size_t kMinPerplexities = 5;
    // Only the real samples the language model did not train on have a perplexity (a tenth):
    // the medians are taken over the same number per side, the sides' first ones in their
    // (random) order, so value and null medians are equally noisy.
    const std::size_t k = std::min(a.perplexities.size(), b.perplexities.size());
    if (k >= kMinPerplexities) {
        const double ma = medianOf(
            {a.perplexities.begin(), a.perplexities.begin() + static_cast<std::ptrdiff_t>(k)});
        const double mb = medianOf(
            {b.perplexities.begin(), b.perplexities.begin() + static_cast<std::ptrdiff_t>(k)});
        if (ma > 0.0 && mb > 0.0)
            m.perplexityLogRatio = std::abs(std::log(mb / ma));
    }
}

// At most budget of docs (seeded), as embedding rows.
RowMatrixXf rowsOf(const RowMatrixXf& embeddings, std::span<const std::uint32_t> docs,
                   std::size_t budget, std::mt19937_64& rng) {
    // Rows without an embedding (all zero: no known term) have no direction and would make
    // balls of unbounded radius: left out.
    std::vector<std::uint32_t> pick;
    pick.reserve(docs.size());
    for (std::uint32_t d : docs)
        if (embeddings.row(d).squaredNorm() > 0.0f)
            pick.push_back(d);
    if (pick.size() > budget) {
        std::shuffle(pick.begin(), pick.end(), rng);
        pick.resize(budget);
    }
    RowMatrixXf rows(static_cast<Eigen::Index>(pick.size()), embeddings.cols());
    for (std::size_t i = 0; i < pick.size(); ++i)
        rows.row(static_cast<Eigen::Index>(i)) = embeddings.row(pick[i]);
    return rows;
}

// Gram matrix x·xᵀ of x's rows (n × n, symmetric) from one triangular product, half the
// multiply-adds of x·xᵀ; the upper triangle copied from the lower.
Eigen::MatrixXf symmetricGram(const RowMatrixXf& x) {
    Eigen::MatrixXf g = Eigen::MatrixXf::Zero(x.rows(), x.rows());
    g.selfadjointView<Eigen::Lower>().rankUpdate(x);
    for (Eigen::Index j = 1; j < g.cols(); ++j)
        for (Eigen::Index i = 0; i < j; ++i)
            g(i, j) = g(j, i);
    return g;
}

// Cosine of each row to its k-th nearest other row of the same set (the ball's radius), from
// the set's symmetric Gram matrix: the (k + 1)-th largest of its column (the largest is the row
// itself, cosine 1), kept by insertion as the column is read once.
std::vector<float> kthNeighbourCosine(const Eigen::MatrixXf& gram, std::size_t k) {
    std::vector<float> out(static_cast<std::size_t>(gram.cols()));
    std::vector<float> largest(k + 1);
    for (Eigen::Index i = 0; i < gram.cols(); ++i) {
        std::fill(largest.begin(), largest.end(), -std::numeric_limits<float>::infinity());
        const float* column = gram.col(i).data();
        for (Eigen::Index j = 0; j < gram.rows(); ++j) {
            const float v = column[j];
            if (!(v > largest[k]))
                continue;
            std::size_t at = k;
            for (; at > 0 && largest[at - 1] < v; --at)
                largest[at] = largest[at - 1];
            largest[at] = v;
        }
        out[static_cast<std::size_t>(i)] = largest[k];
    }
    return out;
}

template <typename T> double mean(const std::vector<T>& v) {
    double s = 0.0;
    for (const T x : v)
        s += static_cast<double>(x);
    return v.empty() ? 0.0 : s / static_cast<double>(v.size());
}

} // namespace

void compareTokenCounts(const TokenCounts& a, const TokenCounts& b, std::size_t bins,
                        ComparisonMetrics& m) {
    if (a.lengths.empty() || b.lengths.empty())
        return;
    const SharedHistogram h = sharedHistogram(a.lengths, b.lengths, bins);
    m.jsLengthTokens = jensenShannonDivergence(h.countsA, h.countsB);
    m.ksLengthTokens = kolmogorovSmirnov(a.lengths, b.lengths).statistic;
    // A side of empty texts has no tokens: JS divergence is undefined, report the maximum
    // (nothing in common).
    m.jsUnigram = a.unigrams.empty() || b.unigrams.empty()
                      ? 1.0
                      : jensenShannonDivergence(a.unigrams, b.unigrams);
    m.jsBigram = a.bigrams.empty() || b.bigrams.empty()
                     ? 1.0
                     : jensenShannonDivergence(a.bigrams, b.bigrams);
}

double ComparisonMetrics::value(std::size_t i) const {
    return this->*kFields[i];
}

double& ComparisonMetrics::value(std::size_t i) {
    return this->*kFields[i];
}

const std::array<const char*, ComparisonMetrics::kCount>& comparisonKeys() {
    static const std::array<const char*, ComparisonMetrics::kCount> keys = {
        key::kJsLengthTokens,
        key::kJsUnigram,
        key::kJsBigram,
        key::kJsLabel,
        key::kKsLengthTokens,
        key::kJsClusterShare,
        key::kLabelEntropyChangeBits,
        key::kPerplexityLogRatio,
        key::kMauve,
        key::kDetectabilityAuc,
        key::kPrecision,
        key::kRecall,
        key::kDensity,
        key::kCoverageRealBySynthetic,
        key::kCoverageSyntheticByReal,
        key::kCrossExactDuplicateRate,
        key::kCrossNearDuplicateRate,
        key::kShortExactMatchRate,
    };
    return keys;
}

ComparisonMetrics nearestNeighbourBalls(const RowMatrixXf& a, const RowMatrixXf& b, std::size_t k) {
    ComparisonMetrics m;
    const auto na = static_cast<std::size_t>(a.rows());
    const auto nb = static_cast<std::size_t>(b.rows());
    if (k == 0 || na <= k || nb <= k)
        return m;
    const std::vector<float> radiusA = kthNeighbourCosine(symmetricGram(a), k);
    const std::vector<float> radiusB = kthNeighbourCosine(symmetricGram(b), k);
    const Eigen::MatrixXf ab = a * b.transpose(); // na × nb
    // A ball of cosine radius r holds x when cos(centre, x) ≥ r (unit vectors: the same as
    // Euclidean distance ≤ the k-th neighbour's).
    std::vector<std::uint8_t> aHoldsB(na, 0);  // A ball i holds some B sample
    std::vector<std::uint8_t> aInBBall(na, 0); // A sample i lies in some B ball
    std::vector<std::uint32_t> ballsHoldingB(nb, 0);
    std::vector<std::uint8_t> bHoldsA(nb, 0); // B ball j holds some A sample
    for (std::size_t j = 0; j < nb; ++j)
        for (std::size_t i = 0; i < na; ++i) {
            const float c = ab(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
            if (c >= radiusA[i]) {
                aHoldsB[i] = 1;
                ++ballsHoldingB[j];
            }
            if (c >= radiusB[j]) {
                aInBBall[i] = 1;
                bHoldsA[j] = 1;
            }
        }
    std::size_t inSomeA = 0;
    for (auto c : ballsHoldingB)
        inSomeA += c > 0 ? 1 : 0;
    m.precision = static_cast<double>(inSomeA) / static_cast<double>(nb);
    m.recall = mean(aInBBall);
    m.density = mean(ballsHoldingB) / static_cast<double>(k);
    m.coverageRealBySynthetic = mean(aHoldsB);
    m.coverageSyntheticByReal = mean(bHoldsA);
    return m;
}

namespace {

void compareEmbeddings(const ComparisonInputs& in, std::span<const std::uint32_t> a,
                       std::span<const std::uint32_t> b, const VsRealParams& params,
                       std::uint64_t seed, const Progress& progress, ComparisonMetrics& m) {
    std::mt19937_64 rng(seed ^ 0xD1B54A32D192ED03ULL); // not the stream that drew a and b
    const RowMatrixXf ra = rowsOf(*in.embeddings, a, params.embeddingBudget, rng);
    const RowMatrixXf rb = rowsOf(*in.embeddings, b, params.embeddingBudget, rng);
    // Too few rows for folds or k-NN balls: not measured.
    const std::size_t least = std::max<std::size_t>(params.minSamples, params.nearestK + 1);
    if (static_cast<std::size_t>(ra.rows()) < least || static_cast<std::size_t>(rb.rows()) < least)
        return;
    const ComparisonMetrics balls = nearestNeighbourBalls(ra, rb, params.nearestK);
    for (auto f : kBallFields)
        m.*f = balls.*f;
    progress.cancelOnly().report(0.0, "detectability"); // a cancellation point only
    const auto folds = params.detectabilityFolds;
    if (static_cast<std::size_t>(ra.rows()) >= folds &&
        static_cast<std::size_t>(rb.rows()) >= folds) {
        RowMatrixXf x(ra.rows() + rb.rows(), ra.cols());
        x << ra, rb;
        std::vector<std::uint8_t> y(static_cast<std::size_t>(x.rows()), 0);
        std::fill(y.begin() + ra.rows(), y.end(), 1);
        LogisticParams lp = params.logistic;
        lp.seed = seed ^ 0x94D049BB133111EBULL;
        m.detectabilityAuc = crossValidateLogistic(x, y, folds, lp, progress.cancelOnly()).meanAuc;
    }
}

} // namespace

ComparisonMetrics compareSets(const ComparisonInputs& inputs, std::span<const std::uint32_t> a,
                              std::span<const std::uint32_t> b, const VsRealParams& params,
                              bool withEmbeddings, std::uint64_t seed, const Progress& progress) {
    ComparisonMetrics m;
    compareCounts(countSide(inputs, a), countSide(inputs, b), params, m);
    if (withEmbeddings && inputs.embeddings != nullptr && !a.empty() && !b.empty())
        compareEmbeddings(inputs, a, b, params, seed, progress, m);
    return m;
}

namespace {

// Mean and sample standard deviation of each metric over draws, skipping NaN.
ComparisonEstimate summarise(const std::vector<ComparisonMetrics>& draws) {
    ComparisonEstimate e;
    std::vector<double> v(draws.size());
    for (std::size_t i = 0; i < ComparisonMetrics::kCount; ++i) {
        for (std::size_t k = 0; k < draws.size(); ++k)
            v[k] = draws[k].value(i);
        const MeanSd m = finiteMeanSd(v);
        e.mean.value(i) = m.mean;
        e.sd.value(i) = m.sd;
    }
    return e;
}

// How often each hash and each near-duplicate group occurs on the real side.
struct RealIndex {
    std::unordered_map<std::uint64_t, std::uint32_t> hashCount;
    std::unordered_map<std::uint32_t, std::uint32_t> groupCount;
};

RealIndex indexReal(const ComparisonInputs& in, std::span<const std::uint32_t> realDocs) {
    RealIndex real;
    for (std::uint32_t d : realDocs) {
        ++real.hashCount[in.hashes[d]];
        if (!in.duplicateGroup.empty() && in.duplicateGroup[d] != kNone)
            ++real.groupCount[in.duplicateGroup[d]];
    }
    return real;
}

// Cross-copy rates of the documents in `from` against the whole real side: those whose hash,
// or near-duplicate group, occurs among the real documents other than themselves (fromIsReal:
// a real document does not count itself, so the null asks "does this real sample have a copy
// elsewhere in the real side" exactly as the value asks it of a synthetic sample).
void crossCopies(const ComparisonInputs& in, const RealIndex& real,
                 std::span<const std::uint32_t> from, bool fromIsReal, std::size_t minTokens,
                 ComparisonMetrics& m) {
    const std::uint32_t self = fromIsReal ? 1 : 0;
    const auto others = [&](const auto& counts, auto key) -> std::uint32_t {
        auto it = counts.find(key);
        return it == counts.end() ? 0 : it->second - self;
    };
    std::size_t longDocs = 0;
    std::size_t exact = 0;
    std::size_t near = 0;
    std::size_t shortMatches = 0;
    for (std::uint32_t d : from) {
        const bool copied = others(real.hashCount, in.hashes[d]) > 0;
        if (in.tokens[d].size() < minTokens) {
            shortMatches += copied ? 1 : 0;
            continue;
        }
        ++longDocs;
        exact += copied ? 1 : 0;
        if (!in.duplicateGroup.empty() && in.duplicateGroup[d] != kNone)
            near += others(real.groupCount, in.duplicateGroup[d]) > 0 ? 1 : 0;
    }
    if (longDocs > 0) {
        m.crossExactDuplicateRate = static_cast<double>(exact) / static_cast<double>(longDocs);
        if (!in.duplicateGroup.empty())
            m.crossNearDuplicateRate = static_cast<double>(near) / static_cast<double>(longDocs);
    }
    if (!from.empty())
        m.shortExactMatchRate =
            static_cast<double>(shortMatches) / static_cast<double>(from.size());
}

std::vector<std::uint32_t> drawWithout(std::vector<std::uint32_t> pool, std::size_t n,
                                       std::mt19937_64& rng) {
    // Partial Fisher–Yates: the first n of a uniform shuffle.
    n = std::min(n, pool.size());
    for (std::size_t i = 0; i < n; ++i) {
        std::uniform_int_distribution<std::size_t> pick(i, pool.size() - 1);
        std::swap(pool[i], pool[pick(rng)]);
    }
    pool.resize(n);
    return pool;
}

} // namespace

std::vector<CorpusVsReal> compareEachWithReal(const ComparisonInputs& inputs,
                                              std::span<const std::uint32_t> corpusOf,
                                              const std::vector<bool>& synthetic,
                                              const VsRealParams& params,
                                              const Progress& progress) {
    std::vector<std::uint32_t> realDocs;
    std::vector<std::vector<std::uint32_t>> members(synthetic.size());
    for (std::uint32_t d = 0; d < corpusOf.size(); ++d) {
        members[corpusOf[d]].push_back(d);
        if (!synthetic[corpusOf[d]])
            realDocs.push_back(d);
    }
    std::vector<CorpusVsReal> out;
    if (realDocs.size() < 2 * std::max<std::size_t>(params.minSamples, 1))
        return out;
    const RealIndex real = indexReal(inputs, realDocs);
    const std::size_t draws = std::max<std::size_t>(params.draws, 1);
    for (std::size_t c = 0; c < synthetic.size(); ++c)
        if (synthetic[c] && members[c].size() >= std::max<std::size_t>(params.minSamples, 1)) {
            CorpusVsReal r;
            r.corpus = c;
            r.budget = std::min({members[c].size(), realDocs.size() / 2, params.sampleBudget});
            r.draws = draws;
            out.push_back(r);
        }
    // The null band depends only on the budget: corpora of one size share it. Its embedding
    // measures depend only on min(budget, embeddingBudget), so most corpora share those.
    const auto distinct = [](std::vector<std::size_t> v) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
        return v;
    };
    std::vector<std::size_t> budgets;
    std::vector<std::size_t> embeddingBudgets;
    for (const CorpusVsReal& r : out) {
        budgets.push_back(r.budget);
        embeddingBudgets.push_back(std::min(r.budget, params.embeddingBudget));
    }
    budgets = distinct(std::move(budgets));
    embeddingBudgets = inputs.embeddings != nullptr && params.embeddingDraws > 0
                           ? distinct(std::move(embeddingBudgets))
                           : std::vector<std::size_t>{};
    // Documents with a non-zero embedding (a text without any known term has none): the
    // embedding measures of value and null both draw from these, e rows per side.
    std::vector<std::uint32_t> embeddedReal;
    std::vector<std::vector<std::uint32_t>> embeddedMembers(synthetic.size());
    if (inputs.embeddings != nullptr)
        for (std::uint32_t d = 0; d < corpusOf.size(); ++d)
            if (inputs.embeddings->row(d).squaredNorm() > 0.0f)
                (synthetic[corpusOf[d]] ? embeddedMembers[corpusOf[d]] : embeddedReal).push_back(d);

    // Tasks, taken from a shared counter by every worker: each draw of the value of each
    // corpus, of the count-based null of each budget and of the embedding null of each
    // embedding budget (one draw a task, so two cores share even a single corpus's work). Each
    // draw is seeded by its own identity and stored in its own slot, so no result depends on
    // which thread ran it, or when.
    enum class Kind { Value, CountNull, EmbeddingNull };
    struct Task {
        Kind kind;
        std::size_t index; // into out, budgets or embeddingBudgets
        std::size_t draw;
    };
    // The band is read against a single draw's spread: more draws make its sd trustworthy,
    // and the null is shared between corpora, so they are cheap.
    const std::size_t nullDraws = std::max(draws, params.nullDraws);
    std::vector<std::vector<ComparisonMetrics>> valueDraws(out.size(),
                                                           std::vector<ComparisonMetrics>(draws));
    std::vector<std::vector<ComparisonMetrics>> countNullDraws(
        budgets.size(), std::vector<ComparisonMetrics>(nullDraws));
    std::vector<std::vector<ComparisonMetrics>> embeddingNullDraws(
        embeddingBudgets.size(), std::vector<ComparisonMetrics>(nullDraws));
    std::vector<Task> tasks;
    for (std::size_t i = 0; i < out.size(); ++i)
        for (std::size_t t = 0; t < draws; ++t)
            tasks.push_back({Kind::Value, i, t});
    for (std::size_t i = 0; i < budgets.size(); ++i)
        for (std::size_t t = 0; t < nullDraws; ++t)
            tasks.push_back({Kind::CountNull, i, t});
    for (std::size_t i = 0; i < embeddingBudgets.size(); ++i)
        for (std::size_t t = 0; t < nullDraws; ++t)
            tasks.push_back({Kind::EmbeddingNull, i, t});
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    auto runTask = [&](const Task& task, const Progress& report) {
        report.report(static_cast<double>(done.load()) / static_cast<double>(tasks.size()),
                      "each corpus vs real");
        const std::size_t t = task.draw;
        if (task.kind == Kind::EmbeddingNull) {
            const std::size_t e = embeddingBudgets[task.index];
            const std::uint64_t seed =
                params.seed * 1000003ULL + (0xC2B2AE3D27D4EB4FULL ^ e) * 7919ULL + t;
            std::mt19937_64 rng(seed);
            std::vector<std::uint32_t> a = drawWithout(embeddedReal, 2 * e, rng);
            const std::vector<std::uint32_t> b(
                a.begin() + static_cast<std::ptrdiff_t>(a.size() / 2), a.end());
            a.resize(a.size() / 2);
            compareEmbeddings(inputs, a, b, params, seed, report,
                              embeddingNullDraws[task.index][t]);
            ++done;
            return;
        }
        const bool isNull = task.kind == Kind::CountNull;
        const std::size_t m = isNull ? budgets[task.index] : out[task.index].budget;
        const std::uint64_t identity =
            isNull ? 0x9E3779B97F4A7C15ULL ^ m : static_cast<std::uint64_t>(out[task.index].corpus);
        const std::uint64_t seed = params.seed * 1000003ULL + identity * 7919ULL + t;
        std::mt19937_64 rng(seed);
        // For the null, 2m real samples: A and a disjoint B.
        std::vector<std::uint32_t> a = drawWithout(realDocs, isNull ? 2 * m : m, rng);
        std::vector<std::uint32_t> b;
        if (isNull) {
            b.assign(a.begin() + static_cast<std::ptrdiff_t>(m), a.end());
            a.resize(m);
        } else {
            b = drawWithout(members[out[task.index].corpus], m, rng);
        }
        ComparisonMetrics& v = (isNull ? countNullDraws : valueDraws)[task.index][t];
        compareCounts(countSide(inputs, a), countSide(inputs, b), params, v);
        if (!isNull && t < params.embeddingDraws && inputs.embeddings != nullptr) {
            // The same rows as the embedding null: e samples with an embedding per side.
            const std::size_t e = std::min(m, params.embeddingBudget);
            compareEmbeddings(inputs, drawWithout(embeddedReal, e, rng),
                              drawWithout(embeddedMembers[out[task.index].corpus], e, rng), params,
                              seed, report, v);
        }
        crossCopies(inputs, real, b, isNull, params.minCopyTokens, v);
        ++done;
    };
    parallelFor(
        std::min(workerCount(), tasks.size()),
        [&](std::size_t, std::size_t, std::size_t worker) {
            const Progress report = worker == 0 ? progress : progress.cancelOnly();
            for (std::size_t t = next++; t < tasks.size(); t = next++)
                runTask(tasks[t], report);
        },
        1);
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i].value = summarise(valueDraws[i]);
    std::vector<ComparisonEstimate> countNull;
    for (const auto& d : countNullDraws)
        countNull.push_back(summarise(d));
    std::vector<ComparisonEstimate> embeddingNull;
    for (const auto& d : embeddingNullDraws)
        embeddingNull.push_back(summarise(d));
    const auto position = [](const std::vector<std::size_t>& v, std::size_t x) {
        return static_cast<std::size_t>(std::lower_bound(v.begin(), v.end(), x) - v.begin());
    };
    for (CorpusVsReal& r : out) {
        r.null = countNull[position(budgets, r.budget)];
        if (embeddingBudgets.empty())
            continue;
        const ComparisonEstimate& e =
            embeddingNull[position(embeddingBudgets, std::min(r.budget, params.embeddingBudget))];
        for (auto f : kEmbeddingFields) {
            r.null.mean.*f = e.mean.*f;
            r.null.sd.*f = e.sd.*f;
        }
    }
    progress.report(1.0, "each corpus vs real");
    return out;
}

ComparisonMetrics comparePooled(const ComparisonInputs& inputs,
                                std::span<const std::uint32_t> corpusOf,
                                const std::vector<bool>& synthetic, const VsRealParams& params,
                                const Progress& progress) {
    std::vector<std::uint32_t> sides[2];
    for (std::uint32_t d = 0; d < corpusOf.size(); ++d)
        sides[synthetic[corpusOf[d]] ? 1 : 0].push_back(d);
    if (sides[0].empty() || sides[1].empty())
        return {};
    ComparisonMetrics m =
        compareSets(inputs, sides[0], sides[1], params, true, params.seed, progress);
    crossCopies(inputs, indexReal(inputs, sides[0]), sides[1], false, params.minCopyTokens, m);
    return m;
}

} // namespace synthscope::analysis
