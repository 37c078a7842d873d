#include "analysis/Sampling.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace synthscope::analysis {

namespace {

class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed)
        : m_state(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }
    /// Uniform in [0, bound), bound > 0, without modulo bias (rejection).
    std::uint64_t below(std::uint64_t bound) {
        const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % bound);
        std::uint64_t v = next();
        while (v >= limit)
            v = next();
        return v % bound;
    }
    [[nodiscard]] std::uint64_t state() const { return m_state; }

private:
    std::uint64_t m_state;
};

} // namespace

std::vector<std::size_t> allocateSample(std::span<const std::size_t> sizes,
                                        std::span<const double> weights, std::size_t total) {
    if (sizes.size() != weights.size())
        throw std::invalid_argument("allocateSample: one weight per stratum is needed");
    for (double w : weights)
        if (!std::isfinite(w) || w < 0.0)
            throw std::invalid_argument("allocateSample: weights must be finite and ≥ 0");
    const std::size_t k = sizes.size();
    std::vector<std::size_t> out(k, 0);
    std::vector<bool> open(k);
    for (std::size_t s = 0; s < k; ++s)
        open[s] = sizes[s] > 0 && weights[s] > 0.0;
    std::size_t remaining = total;
    // Strata whose proportional quota reaches their size are taken whole; repeat until none.
    for (bool changed = true; changed && remaining > 0;) {
        changed = false;
        double mass = 0.0;
        for (std::size_t s = 0; s < k; ++s)
            if (open[s])
                mass += static_cast<double>(sizes[s]) * weights[s];
        if (mass <= 0.0)
            return out;
        for (std::size_t s = 0; s < k; ++s) {
            if (!open[s])
                continue;
            const double quota =
                static_cast<double>(remaining) * static_cast<double>(sizes[s]) * weights[s] / mass;
            if (quota >= static_cast<double>(sizes[s])) {
                out[s] = sizes[s];
                remaining -= sizes[s];
                open[s] = false;
                changed = true;
                break; // the mass changed: recompute the quotas
            }
        }
    }
    double mass = 0.0;
    for (std::size_t s = 0; s < k; ++s)
        if (open[s])
            mass += static_cast<double>(sizes[s]) * weights[s];
    if (remaining == 0 || mass <= 0.0)
        return out;
    std::vector<std::pair<double, std::size_t>> remainders;
    std::size_t given = 0;
    for (std::size_t s = 0; s < k; ++s) {
        if (!open[s])
            continue;
        const double quota =
            static_cast<double>(remaining) * static_cast<double>(sizes[s]) * weights[s] / mass;
        const auto whole = std::min(sizes[s], static_cast<std::size_t>(std::floor(quota)));
        out[s] = whole;
        given += whole;
        remainders.emplace_back(quota - static_cast<double>(whole), s);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    for (std::size_t i = 0; given < remaining && i < remainders.size(); ++i) {
        const std::size_t s = remainders[i].second;
        if (out[s] < sizes[s]) {
            ++out[s];
            ++given;
        }
    }
    return out;
}

void seededShuffle(std::vector<std::int64_t>& ids, std::uint64_t seed) {
    SplitMix64 rng(seed);
    for (std::size_t i = ids.size(); i > 1; --i)
        std::swap(ids[i - 1], ids[rng.below(i)]);
}

std::vector<std::int64_t> stratifiedSample(const std::vector<Stratum>& strata, std::size_t total,
                                           std::uint64_t seed) {
    std::vector<std::size_t> sizes;
    std::vector<double> weights;
    for (const Stratum& s : strata) {
        sizes.push_back(s.ids.size());
        weights.push_back(s.weight);
    }
    const std::vector<std::size_t> counts = allocateSample(sizes, weights, total);
    SplitMix64 rng(seed);
    std::vector<std::int64_t> out;
    out.reserve(std::accumulate(counts.begin(), counts.end(), std::size_t{0}));
    for (std::size_t s = 0; s < strata.size(); ++s) {
        std::vector<std::int64_t> pool = strata[s].ids;
        for (std::size_t i = 0; i < counts[s]; ++i) { // partial Fisher–Yates
            const std::size_t j = i + rng.below(pool.size() - i);
            std::swap(pool[i], pool[j]);
            out.push_back(pool[i]);
        }
    }
    seededShuffle(out, rng.next());
    return out;
}

Reservoir::Reservoir(std::size_t capacity, std::uint64_t seed)
    : m_capacity(capacity)
    , m_state(seed) {}

std::size_t Reservoir::offer() {
    const std::uint64_t index = m_offered++; // 0-based position of this item in the stream
    if (index < m_capacity)
        return static_cast<std::size_t>(index); // the first capacity items fill the reservoir
    // Item index + 1 of the stream is kept with probability capacity / (index + 1), in a
    // uniformly chosen slot (Vitter 1985, Algorithm R).
    SplitMix64 rng(m_state);
    const std::uint64_t j = rng.below(index + 1);
    m_state = rng.state();
    return j < m_capacity ? static_cast<std::size_t>(j) : kNotKept;
}

std::size_t Reservoir::kept() const {
    return static_cast<std::size_t>(std::min<std::uint64_t>(m_capacity, m_offered));
}

} // namespace synthscope::analysis
