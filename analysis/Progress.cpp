#include "analysis/Progress.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace synthscope::analysis {

Progress::Progress(Callback callback, const std::atomic<bool>* cancel)
    : m_callback(std::move(callback))
    , m_cancel(cancel) {}

void Progress::report(double fraction, std::string_view stage) const {
    if (isCancelled())
        throw Cancelled();
    if (m_callback)
        // NaN (0/0 from an empty stage) reads as 0: listeners cast the fraction to int.
        m_callback(m_from + (m_to - m_from) *
                                (std::isnan(fraction) ? 0.0 : std::clamp(fraction, 0.0, 1.0)),
                   stage);
}

bool Progress::isCancelled() const {
    return m_cancel != nullptr && m_cancel->load(std::memory_order_relaxed);
}

Progress Progress::sub(double from, double to) const {
    Progress p = *this;
    p.m_from = m_from + (m_to - m_from) * from;
    p.m_to = m_from + (m_to - m_from) * to;
    return p;
}

} // namespace synthscope::analysis
