// adviseHugePages: advice only on whole huge pages inside the buffer, and (where the kernel's
// THP settings let /proc/self/smaps show it) the advised range becomes eligible for huge pages,
// which it was not, and so does a matrix from onHugePages.
#include "analysis/HugePages.h"

#include <Eigen/Core>
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/mman.h>

using namespace synthscope::analysis;

namespace {

// An anonymous mapping of four huge pages and its first huge-page-aligned address (more than
// two whole huge pages follow it).
struct HugeMapping {
    HugeMapping() {
        base = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        const auto at = reinterpret_cast<std::uintptr_t>(base);
        aligned = reinterpret_cast<char*>((at + huge - 1) & ~(huge - 1));
    }
    ~HugeMapping() {
        if (base != MAP_FAILED)
            munmap(base, size);
    }
    HugeMapping(const HugeMapping&) = delete;
    HugeMapping& operator=(const HugeMapping&) = delete;
    const std::size_t huge = hugePageBytes();
    const std::size_t size = 4 * huge;
    void* base = MAP_FAILED;
    char* aligned = nullptr;
};

// Whether this kernel, for this process, accepts MADV_HUGEPAGE: asked directly (a sandbox may
// hide /sys or filter the call).
bool kernelAcceptsAdvice() {
    HugeMapping m;
    return m.base != MAP_FAILED && madvise(m.aligned, m.huge, MADV_HUGEPAGE) == 0;
}

// The bracketed word of a THP setting file ("madvise" of "always [madvise] never"); empty when
// the file cannot be read.
std::string thpSetting(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    const auto open = line.find('[');
    const auto close = line.find(']');
    return open == std::string::npos || close == std::string::npos
               ? std::string()
               : line.substr(open + 1, close - open - 1);
}

// The THPeligible field of the mapping that holds address in /proc/self/smaps; -1 if not found.
int thpEligible(const void* address) {
    const auto at = reinterpret_cast<std::uintptr_t>(address);
    std::ifstream in("/proc/self/smaps");
    bool inside = false;
    for (std::string line; std::getline(in, line);) {
        std::uintptr_t from = 0;
        std::uintptr_t to = 0;
        char dash = 0;
        std::istringstream head(line);
        if (head >> std::hex >> from >> dash >> to && dash == '-') {
            inside = from <= at && at < to;
            continue;
        }
        if (inside && line.rfind("THPeligible:", 0) == 0)
            return std::stoi(line.substr(12));
    }
    return -1;
}

// Whether THPeligible can show the advice: the mode is `madvise`, and on kernels with per-size
// THP settings no size is forced on (`always`) nor the huge-page size turned off. Then an
// unadvised anonymous range is not eligible and an advised one is.
bool eligibilityShowsAdvice() {
    const std::filesystem::path thp = "/sys/kernel/mm/transparent_hugepage";
    if (thpSetting(thp / "enabled") != "madvise")
        return false;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(thp, ec)) {
        if (entry.path().filename().string().rfind("hugepages-", 0) != 0)
            continue;
        const std::string setting = thpSetting(entry.path() / "enabled");
        const bool pmd =
            entry.path().filename() == "hugepages-" + std::to_string(hugePageBytes() >> 10) + "kB";
        if (setting == "always" || (pmd && setting == "never"))
            return false;
    }
    HugeMapping probe;
    return probe.base != MAP_FAILED && thpEligible(probe.aligned) == 0;
}

} // namespace

TEST(HugePages, AdviceOnlyOnWholeHugePagesInsideTheBuffer) {
    HugeMapping m;
    ASSERT_NE(m.base, MAP_FAILED);
    const std::size_t huge = m.huge;
    const bool accepts = kernelAcceptsAdvice();
    EXPECT_FALSE(adviseHugePages(nullptr, 16 * huge));
    EXPECT_FALSE(adviseHugePages(m.aligned, huge - 1));              // short of one page
    EXPECT_FALSE(adviseHugePages(m.aligned + 4096, huge));           // no whole page inside
    EXPECT_EQ(adviseHugePages(m.aligned + 4096, 2 * huge), accepts); // the second page inside
    EXPECT_EQ(adviseHugePages(m.aligned, huge), accepts);            // exactly one page
}

TEST(HugePages, AdvisedRangeBecomesEligibleWhereTheSettingsShowIt) {
    HugeMapping m;
    ASSERT_NE(m.base, MAP_FAILED);
    const std::size_t huge = m.huge;
    char* page = m.aligned + huge; // a whole huge page with mapped memory on both sides
    if (!eligibilityShowsAdvice()) {
        // Under `always` every range is eligible and under `never` none is: only what
        // adviseHugePages returns can be checked.
        EXPECT_EQ(adviseHugePages(page - 4096, huge + 8192), kernelAcceptsAdvice());
        return;
    }
    EXPECT_EQ(thpEligible(page), 0);
    ASSERT_TRUE(adviseHugePages(page - 4096, huge + 8192)); // advises [page, page + huge) only
    EXPECT_EQ(thpEligible(page), 1);
    EXPECT_EQ(thpEligible(page - 4096), 0); // the partial pages around it were left alone
    EXPECT_EQ(thpEligible(page + huge), 0);
}

TEST(HugePages, MatricesOnHugePagesHoldWhatIsWrittenAndAreAdvised) {
    const auto rows = static_cast<std::ptrdiff_t>(3 * hugePageBytes() / sizeof(float) / 1024);
    auto m = zerosOnHugePages<Eigen::MatrixXf>(rows, 1024); // three huge pages of floats
    EXPECT_EQ(m.rows(), rows);
    EXPECT_EQ(m.cols(), 1024);
    EXPECT_EQ(m.cwiseAbs().maxCoeff(), 0.0f);
    if (eligibilityShowsAdvice()) {
        const auto at = reinterpret_cast<std::uintptr_t>(m.data());
        const std::uintptr_t huge = hugePageBytes();
        EXPECT_EQ(thpEligible(reinterpret_cast<const void*>((at + huge - 1) & ~(huge - 1))), 1);
    }
    auto n = onHugePages<Eigen::MatrixXd>(3, 2);
    n << 1, 2, 3, 4, 5, 6;
    EXPECT_EQ(n(2, 1), 6.0);
    EXPECT_EQ(n.sum(), 21.0);
}
