#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

namespace synthscope::analysis {

/// "No index" in the uint32 index arrays of the analyses (no neighbour, no group, no match).
inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
/// The "not measured" value of double-valued metrics (serialised as JSON null).
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The median of v (the mean of the two middle values for an even count); nullopt when v is
/// empty. Takes v by value: it is partially reordered.
inline std::optional<double> median(std::vector<double> v) {
    if (v.empty())
        return std::nullopt;
    const std::size_t n = v.size();
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n / 2), v.end());
    const double upper = v[n / 2];
    if (n % 2 == 1)
        return upper;
    const double lower =
        *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n / 2));
    return 0.5 * (lower + upper);
}

/// Mean and sample standard deviation (n − 1 in the denominator) of the finite values of v,
/// e.g. one measure over seeded draws where some draws could not measure it.
struct MeanSd {
    double mean = std::numeric_limits<double>::quiet_NaN(); ///< NaN: no finite value
    double sd = std::numeric_limits<double>::quiet_NaN();   ///< NaN: fewer than two
};

inline MeanSd finiteMeanSd(std::span<const double> v) {
    MeanSd out;
    double sum = 0.0;
    std::size_t n = 0;
    for (double x : v)
        if (std::isfinite(x)) {
            sum += x;
            ++n;
        }
    if (n == 0)
        return out;
    out.mean = sum / static_cast<double>(n);
    if (n < 2)
        return out;
    double ss = 0.0;
    for (double x : v)
        if (std::isfinite(x))
            ss += (x - out.mean) * (x - out.mean);
    out.sd = std::sqrt(ss / static_cast<double>(n - 1));
    return out;
}

} // namespace synthscope::analysis
