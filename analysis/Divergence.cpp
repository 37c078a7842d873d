#include "analysis/Divergence.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace synthscope::analysis {

double jensenShannonDivergence(std::span<const double> p, std::span<const double> q) {
    if (p.size() != q.size())
        throw std::invalid_argument("jensenShannonDivergence: sizes differ");
    double sp = 0.0;
    double sq = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (!(p[i] >= 0.0) || !(q[i] >= 0.0) || !std::isfinite(p[i]) || !std::isfinite(q[i]))
            throw std::invalid_argument("jensenShannonDivergence: weights must be finite and >= 0");
        sp += p[i];
        sq += q[i];
    }
    if (sp <= 0.0 || sq <= 0.0)
        throw std::invalid_argument("jensenShannonDivergence: a distribution sums to zero");
    double js = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const double a = p[i] / sp;
        const double b = q[i] / sq;
        const double m = 0.5 * (a + b);
        if (a > 0.0)
            js += 0.5 * a * std::log2(a / m);
        if (b > 0.0)
            js += 0.5 * b * std::log2(b / m);
    }
    return std::clamp(js, 0.0, 1.0);
}

namespace {

std::uint32_t percentile99(std::span<const std::uint32_t> values) {
    if (values.empty())
        return 0;
    std::vector<std::uint32_t> v(values.begin(), values.end());
    const std::size_t k =
        static_cast<std::size_t>(std::ceil(0.99 * static_cast<double>(v.size()))) - 1;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return v[k];
}

} // namespace

SharedHistogram sharedHistogram(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b,
                                std::size_t maxBins) {
    if (maxBins == 0)
        throw std::invalid_argument("sharedHistogram: maxBins must be > 0");
    const std::uint32_t top = std::max(percentile99(a), percentile99(b));
    SharedHistogram h;
    h.width = static_cast<std::uint32_t>(
        std::max<std::size_t>(1, (static_cast<std::size_t>(top) + maxBins) / maxBins));
    const std::size_t bins = std::min(maxBins, static_cast<std::size_t>(top / h.width) + 1);
    h.countsA.assign(bins, 0.0);
    h.countsB.assign(bins, 0.0);
    for (auto v : a)
        h.countsA[std::min<std::size_t>(v / h.width, bins - 1)] += 1.0;
    for (auto v : b)
        h.countsB[std::min<std::size_t>(v / h.width, bins - 1)] += 1.0;
    return h;
}

LogHistogram sharedLogHistogram(std::span<const double> a, std::span<const double> b,
                                std::size_t bins) {
    LogHistogram h;
    std::vector<double> all;
    for (auto side : {a, b})
        for (double v : side)
            if (std::isfinite(v) && v > 0.0)
                all.push_back(std::log10(v));
    if (all.empty() || bins == 0)
        return h;
    std::sort(all.begin(), all.end());
    const auto at = [&](double q) {
        return all[std::min(all.size() - 1,
                            static_cast<std::size_t>(q * static_cast<double>(all.size())))];
    };
    const double lo = at(0.01);
    const double hi = std::max(at(0.99), lo + 1e-9);
    h.log10Min = lo;
    h.step = (hi - lo) / static_cast<double>(bins);
    h.countsA.assign(bins, 0.0);
    h.countsB.assign(bins, 0.0);
    auto place = [&](std::span<const double> side, std::vector<double>& counts) {
        for (double v : side) {
            if (!std::isfinite(v) || v <= 0.0)
                continue;
            const double pos = (std::log10(v) - lo) / h.step;
            const auto bin =
                static_cast<std::size_t>(std::clamp(pos, 0.0, static_cast<double>(bins - 1)));
            counts[bin] += 1.0;
        }
    };
    place(a, h.countsA);
    place(b, h.countsB);
    return h;
}

KsResult kolmogorovSmirnov(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
    KsResult r;
    if (a.empty() || b.empty())
        return r;
    std::vector<std::uint32_t> x(a.begin(), a.end());
    std::vector<std::uint32_t> y(b.begin(), b.end());
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    const double n = static_cast<double>(x.size());
    const double m = static_cast<double>(y.size());
    std::size_t i = 0;
    std::size_t j = 0;
    double d = 0.0;
    while (i < x.size() && j < y.size()) {
        const std::uint32_t v = std::min(x[i], y[j]);
        while (i < x.size() && x[i] == v)
            ++i;
        while (j < y.size() && y[j] == v)
            ++j;
        d = std::max(d, std::abs(static_cast<double>(i) / n - static_cast<double>(j) / m));
    }
    r.statistic = d;
    const double ne = std::sqrt(n * m / (n + m));
    const double lambda = (ne + 0.12 + 0.11 / ne) * d;
    // Q_KS(λ) = 2 Σ_{k≥1} (−1)^{k−1} exp(−2k²λ²)
    if (lambda < 1e-3) {
        r.pValue = 1.0;
        return r;
    }
    double sum = 0.0;
    double sign = 1.0;
    for (int k = 1; k <= 100; ++k) {
        const double term = sign * std::exp(-2.0 * k * k * lambda * lambda);
        sum += term;
        if (std::abs(term) < 1e-12)
            break;
        sign = -sign;
    }
    r.pValue = std::clamp(2.0 * sum, 0.0, 1.0);
    return r;
}

} // namespace synthscope::analysis
