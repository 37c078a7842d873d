#include "analysis/LengthControl.h"

#include "analysis/MetricKeys.h"
#include "analysis/Parallel.h"
#include "analysis/Statistics.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>
#include <random>
#include <unordered_map>
#include <unordered_set>

namespace synthscope::analysis {

namespace {

// Share of set members whose id (kNone: none) another member shares.
double sharedIdShare(std::span<const std::uint32_t> set, std::span<const std::uint32_t> id) {
    std::unordered_map<std::uint32_t, std::uint32_t> count;
    for (auto d : set)
        if (id[d] != kNone)
            ++count[id[d]];
    std::size_t shared = 0;
    for (auto d : set)
        shared += id[d] != kNone && count[id[d]] > 1 ? 1 : 0;
    return static_cast<double>(shared) / static_cast<double>(set.size());
}

// (members − distinct ids) / members: the samples that would go if each id kept one member.
// With skipNone, members whose id is kNone (in no group) are all distinct.
template <typename Id>
double surplusShare(std::span<const std::uint32_t> set, std::span<const Id> id, bool skipNone) {
    std::unordered_set<Id> seen;
    std::size_t surplus = 0;
    for (auto d : set)
        if (!(skipNone && id[d] == kNone) && !seen.insert(id[d]).second)
            ++surplus;
    return static_cast<double>(surplus) / static_cast<double>(set.size());
}

// Nearest other member of the set by cosine (rows are L2-normalised): {ratio ≥ threshold, mean}.
std::pair<double, double> nearestNeighbourSimilarity(const RowMatrixXf& embeddings,
                                                     std::span<const std::uint32_t> set,
                                                     double threshold) {
    const auto m = static_cast<Eigen::Index>(set.size());
    RowMatrixXf rows(m, embeddings.cols());
    for (Eigen::Index i = 0; i < m; ++i)
        rows.row(i) = embeddings.row(set[static_cast<std::size_t>(i)]);
    Eigen::MatrixXf gram = rows * rows.transpose();
    gram.diagonal().setConstant(-2.0f);
    std::size_t above = 0;
    double sum = 0.0;
    for (Eigen::Index i = 0; i < m; ++i) {
        const double best = gram.col(i).maxCoeff();
        sum += best;
        above += best >= threshold ? 1 : 0;
    }
    return {static_cast<double>(above) / static_cast<double>(m), sum / static_cast<double>(m)};
}

struct DrawValues {
    std::array<double, kLengthControlledCount> value;
    std::array<double, kLengthControlledCount> baseline;
    std::array<double, kLengthControlledCount> lift;
};

DrawValues measureDraw(const ComparisonInputs& inputs, const LengthMatchedDraw& draw,
                       std::span<const std::uint32_t> heldOutReal,
                       std::span<const std::uint32_t> lengthOf, const LengthControlParams& params,
                       std::uint64_t seed) {
    DrawValues out;
    out.value.fill(kNaN);
    out.baseline.fill(kNaN);
    out.lift.fill(kNaN);
    const std::size_t m = draw.synthetic.size();
    if (m < std::max<std::size_t>(params.minMatched, 2))
        return out;
    const auto at = [](LengthControlled k) { return static_cast<std::size_t>(k); };
    const auto measure = [&](LengthControlled k, auto&& fn) {
        out.value[at(k)] = fn(std::span<const std::uint32_t>(draw.synthetic));
        out.baseline[at(k)] = fn(std::span<const std::uint32_t>(draw.real));
    };
    if (!inputs.hashes.empty())
        measure(LengthControlled::ExactDuplicateRate, [&](std::span<const std::uint32_t> set) {
            return surplusShare<std::uint64_t>(set, inputs.hashes, false);
        });
    if (!inputs.duplicateGroup.empty())
        measure(LengthControlled::NearDuplicateRate, [&](std::span<const std::uint32_t> set) {
            return surplusShare<std::uint32_t>(set, inputs.duplicateGroup, true);
        });
    if (!inputs.skeletonGroup.empty())
        measure(LengthControlled::SkeletonRepetitionRate, [&](std::span<const std::uint32_t> set) {
            return sharedIdShare(set, inputs.skeletonGroup);
        });
    if (inputs.embeddings != nullptr) {
        const auto s =
            nearestNeighbourSimilarity(*inputs.embeddings, draw.synthetic, params.nnThreshold);
        const auto r =
            nearestNeighbourSimilarity(*inputs.embeddings, draw.real, params.nnThreshold);
        out.value[at(LengthControlled::NnSimilarityRatio)] = s.first;
        out.baseline[at(LengthControlled::NnSimilarityRatio)] = r.first;
        out.value[at(LengthControlled::MeanNnSimilarity)] = s.second;
        out.baseline[at(LengthControlled::MeanNnSimilarity)] = r.second;
    }
    if (!inputs.perplexity.empty() && !heldOutReal.empty()) {
        // Held-out real samples by length bin; each scored synthetic sample draws one of its
        // bin, with replacement (the held-out share is small, and a median does not mind).
        std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> byBin;
        for (auto d : heldOutReal)
            byBin[lengthBin(lengthOf[d], params)].push_back(d);
        std::mt19937_64 rng(seed ^ 0x9E3779B97F4A7C15ULL);
        std::vector<double> value;
        std::vector<double> baseline;
        for (auto d : draw.synthetic) {
            const double p = inputs.perplexity[d];
            auto it = byBin.find(lengthBin(lengthOf[d], params));
            if (!std::isfinite(p) || it == byBin.end())
                continue;
            std::uniform_int_distribution<std::size_t> pick(0, it->second.size() - 1);
            value.push_back(p);
            baseline.push_back(inputs.perplexity[it->second[pick(rng)]]);
        }
        if (value.size() >= params.minMatched) {
            out.value[at(LengthControlled::PerplexityMedian)] = *median(value);
            out.baseline[at(LengthControlled::PerplexityMedian)] = *median(baseline);
        }
    }
    const double smoothing = 1.0 / static_cast<double>(m);
    for (std::size_t k = 0; k < kLengthControlledCount; ++k) {
        const double v = out.value[k];
        const double b = out.baseline[k];
        if (!std::isfinite(v) || !std::isfinite(b))
            continue;
        const bool rate = k < at(LengthControlled::MeanNnSimilarity);
        if (rate)
            out.lift[k] = (v + smoothing) / (b + smoothing);
        else if (b > 0.0)
            out.lift[k] = v / b;
    }
    return out;
}

} // namespace

std::uint32_t lengthBin(std::uint32_t tokens, const LengthControlParams& params) {
    const std::uint32_t exact = std::max<std::uint32_t>(params.exactBelow, 1);
    if (tokens < exact)
        return tokens;
    const double ratio = std::max(params.binRatio, 1.0001);
    return exact + static_cast<std::uint32_t>(std::floor(
                       std::log(static_cast<double>(tokens) / static_cast<double>(exact)) /
                           std::log(ratio) +
                       1e-9));
}

LengthMatchedDraw matchLengths(std::span<const std::uint32_t> syntheticDocs,
                               std::span<const std::uint32_t> realDocs,
                               std::span<const std::uint32_t> lengthOf,
                               const LengthControlParams& params, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<std::uint32_t> drawn(syntheticDocs.begin(), syntheticDocs.end());
    std::shuffle(drawn.begin(), drawn.end(), rng);
    drawn.resize(std::min(drawn.size(), params.sampleBudget));
    std::vector<std::uint32_t> pool(realDocs.begin(), realDocs.end());
    std::shuffle(pool.begin(), pool.end(), rng);
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> byBin;
    for (auto d : pool)
        byBin[lengthBin(lengthOf[d], params)].push_back(d);
    LengthMatchedDraw out;
    out.drawn = drawn.size();
    for (auto d : drawn) {
        auto it = byBin.find(lengthBin(lengthOf[d], params));
        if (it == byBin.end() || it->second.empty())
            continue;
        out.synthetic.push_back(d);
        out.real.push_back(it->second.back());
        it->second.pop_back();
    }
    return out;
}

const std::array<const char*, kLengthControlledCount>& lengthControlledKeys() {
    static const std::array<const char*, kLengthControlledCount> keys = {
        key::kExactDuplicateRate, key::kNearDuplicateRate, key::kSkeletonRepetitionRate,
        key::kNnSimilarityRatio,  key::kMeanNnSimilarity,  key::kPerplexityMedian};
    return keys;
}

std::vector<CorpusLengthControl> controlForLength(const ComparisonInputs& inputs,
                                                  std::span<const std::uint32_t> corpusOf,
                                                  const std::vector<bool>& synthetic,
                                                  const LengthControlParams& params,
                                                  const Progress& progress) {
    std::vector<std::uint32_t> lengthOf(corpusOf.size());
    std::vector<std::uint32_t> realDocs;
    std::vector<std::uint32_t> heldOutReal;
    std::vector<std::vector<std::uint32_t>> members(synthetic.size());
    for (std::uint32_t d = 0; d < corpusOf.size(); ++d) {
        lengthOf[d] = static_cast<std::uint32_t>(inputs.tokens[d].size());
        if (synthetic[corpusOf[d]]) {
            members[corpusOf[d]].push_back(d);
        } else {
            realDocs.push_back(d);
            if (!inputs.perplexity.empty() && std::isfinite(inputs.perplexity[d]))
                heldOutReal.push_back(d);
        }
    }
    std::vector<CorpusLengthControl> out;
    if (realDocs.empty())
        return out;
    for (std::size_t c = 0; c < synthetic.size(); ++c)
        if (synthetic[c] && members[c].size() >= params.minMatched) {
            CorpusLengthControl r;
            r.corpus = c;
            out.push_back(r);
        }
    const std::size_t draws = std::max<std::size_t>(params.draws, 1);
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    const auto run = [&](CorpusLengthControl& r, const Progress& report) {
        std::array<std::vector<double>, kLengthControlledCount> value;
        std::array<std::vector<double>, kLengthControlledCount> baseline;
        std::array<std::vector<double>, kLengthControlledCount> lift;
        double matched = 0.0;
        for (std::size_t k = 0; k < draws; ++k) {
            report.report(static_cast<double>(done.load()) / static_cast<double>(out.size()),
                          "length-matched baselines");
            const std::uint64_t seed = params.seed * 1000003ULL + r.corpus * 131ULL + k;
            const LengthMatchedDraw draw =
                matchLengths(members[r.corpus], realDocs, lengthOf, params, seed);
            r.drawn = draw.drawn;
            matched += static_cast<double>(draw.synthetic.size());
            const DrawValues v = measureDraw(inputs, draw, heldOutReal, lengthOf, params, seed);
            for (std::size_t i = 0; i < kLengthControlledCount; ++i) {
                value[i].push_back(v.value[i]);
                baseline[i].push_back(v.baseline[i]);
                lift[i].push_back(v.lift[i]);
            }
        }
        r.matched = matched / static_cast<double>(draws);
        r.unmatchedShare = r.drawn == 0 ? 1.0 : 1.0 - r.matched / static_cast<double>(r.drawn);
        if (r.unmatchedShare > params.maxUnmatchedShare) {
            ++done;
            return; // measures stay NaN: the real side lacks most of the corpus's lengths
        }
        for (std::size_t i = 0; i < kLengthControlledCount; ++i) {
            LengthControlledEstimate& e = r.measures[i];
            const MeanSd v = finiteMeanSd(value[i]);
            const MeanSd b = finiteMeanSd(baseline[i]);
            const MeanSd l = finiteMeanSd(lift[i]);
            e.value = v.mean;
            e.valueSd = v.sd;
            e.baseline = b.mean;
            e.baselineSd = b.sd;
            e.lift = l.mean;
            e.liftSd = l.sd;
        }
        ++done;
    };
    parallelFor(
        std::min(workerCount(), out.size()),
        [&](std::size_t, std::size_t, std::size_t worker) {
            const Progress report = worker == 0 ? progress : progress.cancelOnly();
            for (std::size_t t = next++; t < out.size(); t = next++)
                run(out[t], report);
        },
        1);
    progress.report(1.0, "length-matched baselines");
    return out;
}

} // namespace synthscope::analysis
