#include "analysis/Memory.h"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace synthscope::analysis {

bool adviseHugePages(void* data, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
    if (data == nullptr)
        return false;
    const auto start = reinterpret_cast<std::uintptr_t>(data);
    if (bytes > UINTPTR_MAX - start)
        return false;
    const std::uintptr_t begin = (start + kHugePage - 1) & ~(kHugePage - 1);
    const std::uintptr_t end = (start + bytes) & ~(kHugePage - 1);
    if (end <= begin)
        return false;
    // NOLINTNEXTLINE(performance-no-int-to-ptr): the address is page-aligned within data
    return madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE) == 0;
#else
    (void)data;
    (void)bytes;
    return false;
#endif
}

} // namespace synthscope::analysis
