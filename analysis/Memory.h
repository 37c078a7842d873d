#pragma once

#include <cstddef>

namespace synthscope::analysis {

/// Asks the kernel to back the whole 2 MiB pages inside [data, data + bytes) with transparent
/// huge pages when they are first touched (Linux `madvise(MADV_HUGEPAGE)`; see the kernel's
/// admin-guide/mm/transhuge). Call it on a fresh buffer of several MiB before writing it: on
/// a machine whose THP mode is `madvise` (Debian's default), every new 4 KiB page of a large
/// Eigen matrix or vector otherwise costs a page fault (about 9 µs of system time in the
/// virtual machine this was measured on), and a 2 MiB page costs one for 512 of them. The
/// contents, and so every result, are the same either way; only the page size changes.
///
/// Returns true when advice was given: bytes covers at least one whole 2 MiB page and the
/// kernel accepted it. False, and nothing changes, for a smaller buffer, a null data, a
/// kernel without THP or any other system than Linux. Never throws.
bool adviseHugePages(void* data, std::size_t bytes) noexcept;

/// A rows × cols Eigen matrix (Matrix: a dense Eigen matrix type), its storage allocated and
/// advised as huge pages (adviseHugePages) but not written: assign it, or setZero(), before
/// reading. For the analyses' large fresh matrices (tens of MB); throws std::bad_alloc as
/// Eigen does.
template <typename Matrix> Matrix onHugePages(std::ptrdiff_t rows, std::ptrdiff_t cols) {
    Matrix m(rows, cols);
    adviseHugePages(m.data(), sizeof(typename Matrix::Scalar) * static_cast<std::size_t>(m.size()));
    return m;
}

/// onHugePages, set to zero.
template <typename Matrix> Matrix zerosOnHugePages(std::ptrdiff_t rows, std::ptrdiff_t cols) {
    Matrix m = onHugePages<Matrix>(rows, cols);
    m.setZero();
    return m;
}

} // namespace synthscope::analysis
