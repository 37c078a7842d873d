// adviseHugePages: advice only on whole 2 MiB pages inside the buffer, and (where the kernel's
// THP mode is `madvise`) the advised range becomes eligible for huge pages, which it was not.
#include "analysis/Memory.h"

#include <Eigen/Core>
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/mman.h>

using namespace synthscope::analysis;

namespace {

constexpr std::size_t kHuge = std::size_t{2} << 20;

// An anonymous mapping of 8 MiB and its first 2 MiB-aligned address (at least 4 MiB follow).
struct Mapping {
    Mapping() {
        base = mmap(nullptr, kSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        const auto at = reinterpret_cast<std::uintptr_t>(base);
        aligned = reinterpret_cast<char*>((at + kHuge - 1) & ~(kHuge - 1));
    }
    ~Mapping() { munmap(base, kSize); }
    Mapping(const Mapping&) = delete;
    Mapping& operator=(const Mapping&) = delete;
    static constexpr std::size_t kSize = std::size_t{8} << 20;
    void* base = nullptr;
    char* aligned = nullptr;
};

// The kernel's THP mode (the bracketed word of /sys/kernel/mm/transparent_hugepage/enabled),
// empty when the kernel has no transparent huge pages.
std::string thpMode() {
    std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
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

} // namespace

TEST(HugePages, AdviceOnlyOnWholeHugePagesInsideTheBuffer) {
    Mapping m;
    ASSERT_NE(m.base, MAP_FAILED);
    const bool thp = !thpMode().empty(); // the kernel accepts MADV_HUGEPAGE
    EXPECT_FALSE(adviseHugePages(nullptr, std::size_t{64} << 20));
    EXPECT_FALSE(adviseHugePages(m.aligned, kHuge - 1));          // short of one page
    EXPECT_FALSE(adviseHugePages(m.aligned + 4096, kHuge));       // [a+4K, a+2M+4K): no whole page
    EXPECT_EQ(adviseHugePages(m.aligned + 4096, 2 * kHuge), thp); // [a+2M, a+4M) inside
    EXPECT_EQ(adviseHugePages(m.aligned, kHuge), thp);            // exactly one page
}

TEST(HugePages, AdvisedRangeBecomesEligibleUnderMadviseMode) {
    if (thpMode() != "madvise") {
        // Under `always` every range is eligible and under `never` none is: eligibility cannot
        // show the advice; only what adviseHugePages returns can.
        Mapping m;
        ASSERT_NE(m.base, MAP_FAILED);
        EXPECT_EQ(adviseHugePages(m.aligned, kHuge), !thpMode().empty());
        return;
    }
    Mapping m;
    ASSERT_NE(m.base, MAP_FAILED);
    char* page = m.aligned + kHuge; // a whole huge page with mapped memory on both sides
    EXPECT_EQ(thpEligible(page), 0);
    ASSERT_TRUE(adviseHugePages(page - 4096, kHuge + 8192)); // advises [page, page + 2M) only
    EXPECT_EQ(thpEligible(page), 1);
    EXPECT_EQ(thpEligible(page - 4096), 0); // the partial pages around it were left alone
    EXPECT_EQ(thpEligible(page + kHuge), 0);
}

TEST(HugePages, MatricesOnHugePagesHoldWhatIsWritten) {
    auto m = zerosOnHugePages<Eigen::MatrixXf>(1024, 2048); // 8 MiB
    EXPECT_EQ(m.rows(), 1024);
    EXPECT_EQ(m.cols(), 2048);
    EXPECT_EQ(m.cwiseAbs().maxCoeff(), 0.0f);
    auto n = onHugePages<Eigen::MatrixXd>(3, 2);
    n << 1, 2, 3, 4, 5, 6;
    EXPECT_EQ(n(2, 1), 6.0);
    EXPECT_EQ(n.sum(), 21.0);
}
