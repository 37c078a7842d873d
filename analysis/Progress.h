#pragma once

#include <atomic>
#include <functional>
#include <stdexcept>
#include <string_view>

namespace synthscope::analysis {

/// Thrown by Progress::report() when the caller asked to stop. Analyses let it propagate;
/// the job that runs them (model/) catches it at the thread boundary.
class Cancelled : public std::runtime_error {
public:
    Cancelled()
        : std::runtime_error("cancelled") {}
};

/// Progress and cancellation for a long analysis.
///
/// Analyses call report(fraction, stage) every few thousand items. fraction is in [0, 1] of
/// the analysis' own work; sub() maps it into a slice of an enclosing analysis. When the
/// cancel flag is set, report() throws Cancelled. A default-constructed Progress reports
/// nowhere and never cancels. Copying is cheap; the cancel flag must outlive every copy.
class Progress {
public:
    using Callback = std::function<void(double fraction, std::string_view stage)>;

    Progress() = default;
    Progress(Callback callback, const std::atomic<bool>* cancel);

    /// Reports progress; throws Cancelled when the cancel flag is set.
    void report(double fraction, std::string_view stage) const;
    [[nodiscard]] bool isCancelled() const;
    /// A Progress whose [0, 1] maps onto [from, to] of this one.
    [[nodiscard]] Progress sub(double from, double to) const;
    /// The same cancel flag without the callback: for work on another thread, whose reports
    /// must not reach a callback that is not thread-safe.
    [[nodiscard]] Progress cancelOnly() const { return Progress({}, m_cancel); }

private:
    Callback m_callback;
    const std::atomic<bool>* m_cancel = nullptr;
    double m_from = 0.0;
    double m_to = 1.0;
};

} // namespace synthscope::analysis
