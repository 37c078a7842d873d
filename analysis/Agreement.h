#pragma once

#include <span>
#include <vector>

namespace synthscope::analysis {

/// Cohen's κ of two raters who coded the same items with nominal codes (Cohen 1960):
/// κ = (p_o − p_e) / (1 − p_e), p_o the share of items they coded alike, p_e the share
/// expected by chance from each rater's own code frequencies. Range [−1, 1]; 1 = perfect
/// agreement, 0 = chance. a[i] and b[i] are the two codes of item i. NaN when there are no
/// items or p_e = 1 (both raters used one and the same code throughout: κ is undefined).
/// Throws std::invalid_argument when the sizes differ.
double cohenKappa(std::span<const int> a, std::span<const int> b);

/// Krippendorff's α for nominal codes and any number of raters with missing ratings
/// (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", §C): units[u] holds the
/// codes the raters gave unit u. From the coincidence matrix o_ck = Σ_u (c–k pairs in u) /
/// (m_u − 1): α = ((n − 1) Σ_c o_cc − Σ_c n_c (n_c − 1)) / (n (n − 1) − Σ_c n_c (n_c − 1)),
/// n_c the marginal of code c and n the number of pairable values. Units with fewer than two
/// codes are not pairable and are left out. Range ≤ 1; 1 = perfect, 0 = chance. NaN when
/// fewer than two values are pairable or only one code occurs (no variation to agree on).
double krippendorffAlphaNominal(const std::vector<std::vector<int>>& units);

} // namespace synthscope::analysis
