#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace synthscope::analysis {

/// One stratum of a review sample: its members and its risk weight.
struct Stratum {
    std::vector<std::int64_t> ids;
    double weight = 1.0; ///< ≥ 0; a stratum's sampling rate is proportional to it (0: never)
};

/// How many members to draw from each stratum so that the sampling rate n_s / N_s is
/// proportional to the stratum's weight w_s (n_s ∝ N_s·w_s; with equal weights this is
/// proportional stratified allocation, Cochran 1977 §5.5) and Σ n_s = min(total, Σ N_s over
/// strata of positive weight). A stratum whose quota reaches its size is taken whole and the
/// surplus is shared among the rest again; fractional quotas are rounded by largest remainder
/// (ties to the lower index). Deterministic. Throws std::invalid_argument when the sizes and
/// weights differ in length or a weight is negative or not finite.
std::vector<std::size_t> allocateSample(std::span<const std::size_t> sizes,
                                        std::span<const double> weights, std::size_t total);

/// A seeded stratified sample: allocateSample() members of each stratum drawn without
/// replacement (partial Fisher–Yates), then all of them in one seeded random order (so a
/// reviewer who stops early has still seen every stratum in proportion). The generator is
/// splitmix64 with exact rejection sampling, so a seed gives the same sample on every
/// platform. Same errors as allocateSample().
std::vector<std::int64_t> stratifiedSample(const std::vector<Stratum>& strata, std::size_t total,
                                           std::uint64_t seed);

/// Seeded random order of ids (Fisher–Yates with the generator above).
void seededShuffle(std::vector<std::int64_t>& ids, std::uint64_t seed);

/// A uniform random sample of fixed size from a stream of unknown length, in one pass:
/// reservoir sampling, Algorithm R (Vitter 1985, "Random sampling with a reservoir", ACM TOMS
/// 11(1)). After n offers every item of the stream is in the sample with probability
/// min(1, capacity / n), and every subset of size capacity is equally likely. The caller keeps
/// the items; offer() says where the next one goes. The generator is the one above
/// (splitmix64 with exact rejection), so a seed picks the same items on every platform.
/// Memory: none beyond the caller's capacity items.
class Reservoir {
public:
    static constexpr std::size_t kNotKept = static_cast<std::size_t>(-1);

    /// capacity: the sample size (0 keeps nothing); seed: any value.
    Reservoir(std::size_t capacity, std::uint64_t seed);

    /// Offers the next item of the stream. Returns its slot in [0, capacity) — the caller
    /// stores it there, replacing what the slot held (slot == number kept so far: append) —
    /// or kNotKept when it is left out.
    std::size_t offer();

    /// Items offered so far (the population the sample is drawn from).
    [[nodiscard]] std::uint64_t offered() const { return m_offered; }
    /// Items in the sample now: min(capacity, offered()).
    [[nodiscard]] std::size_t kept() const;

private:
    std::size_t m_capacity;
    std::uint64_t m_state;
    std::uint64_t m_offered = 0;
};

} // namespace synthscope::analysis
