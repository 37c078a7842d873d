#include "analysis/Knee.h"

#include <stdexcept>

namespace synthscope::analysis {

std::optional<std::size_t> kneeIndex(std::span<const double> x, std::span<const double> y) {
    if (x.size() != y.size())
        throw std::invalid_argument("kneeIndex: x and y differ in length");
    for (std::size_t i = 1; i < x.size(); ++i)
        if (!(x[i] > x[i - 1]))
            throw std::invalid_argument("kneeIndex: x must be strictly increasing");
    if (x.size() < 3)
        return std::nullopt;
    std::optional<std::size_t> best;
    double bestChange = 0.0;
    for (std::size_t i = 1; i + 1 < x.size(); ++i) {
        const double before = (y[i] - y[i - 1]) / (x[i] - x[i - 1]);
        const double after = (y[i + 1] - y[i]) / (x[i + 1] - x[i]);
        if (const double change = after - before; change < bestChange) {
            bestChange = change;
            best = i;
        }
    }
    return best;
}

} // namespace synthscope::analysis
