#include "analysis/HugePages.h"

#include <cstdint>
#include <fstream>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace synthscope::analysis {

std::size_t hugePageBytes() noexcept {
    static const std::size_t bytes = [] {
        constexpr std::size_t kDefault = std::size_t{2} << 20;
        try {
            std::ifstream in("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size");
            std::size_t read = 0;
            // A power of two of at least 64 KiB, or the default.
            if (in >> read && read >= (std::size_t{64} << 10) && (read & (read - 1)) == 0)
                return read;
        } catch (...) { // out of memory opening a stream: the default serves
        }
        return kDefault;
    }();
    return bytes;
}

bool adviseHugePages(void* data, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (data == nullptr)
        return false;
    const std::uintptr_t huge = hugePageBytes();
    const auto start = reinterpret_cast<std::uintptr_t>(data);
    if (bytes > UINTPTR_MAX - start)
        return false;
    const std::uintptr_t begin = (start + huge - 1) & ~(huge - 1);
    const std::uintptr_t end = (start + bytes) & ~(huge - 1);
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
