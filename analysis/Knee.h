#pragma once

#include <cstddef>
#include <optional>
#include <span>

namespace synthscope::analysis {

/// The inflection point of a curve sampled at increasing x (a ratio-gradient experiment,
/// chapter 17.3, Listing 17-2: "when do gains begin to taper off, when does risk begin to
/// amplify"): the interior point where the slope falls the most, i.e. argmin over i of
/// slope(i, i+1) − slope(i−1, i), the discrete second difference for unequal spacing.
/// Higher y is taken as better, so this is where gains flatten or turn into losses. nullopt
/// when there are fewer than three points or the slope never falls (a straight or convex
/// curve). Throws std::invalid_argument when sizes differ or x is not strictly increasing.
std::optional<std::size_t> kneeIndex(std::span<const double> x, std::span<const double> y);

} // namespace synthscope::analysis
