#pragma once

#include <cstddef>

namespace synthscope::analysis {

/// The size of a transparent huge page on this machine in bytes: the kernel's
/// /sys/kernel/mm/transparent_hugepage/hpage_pmd_size (2 MiB on x86-64), read once; 2 MiB when
/// it cannot be read.
std::size_t hugePageBytes() noexcept;

/// Asks the kernel to back the whole huge pages (hugePageBytes()) inside [data, data + bytes)
/// with transparent huge pages (Linux `madvise(MADV_HUGEPAGE)`; see the kernel's
/// admin-guide/mm/transhuge). Call it on a fresh buffer of several MiB before writing it: where
/// the THP mode is `madvise` (this machine's), every new 4 KiB page of a large Eigen matrix or
/// vector otherwise costs a page fault (about 9 µs of system time in the virtual machine this was
/// measured on), and a huge page costs one for 512 of them. Pages a buffer reuses from the heap
/// may be resident already; the advice then applies to those that are not. The contents, and so
/// every result, are the same either way; only the page size changes.
///
/// What the advice does depends on the mode: under `madvise` it makes the range eligible for
/// huge pages; under `always` the range is eligible anyway, and the advice only lets a fault
/// there compact memory to find a huge page (the `defrag` setting); under `never` nothing
/// changes. Returns true when the kernel accepted the advice (whatever the mode); false, and
/// nothing is asked, when bytes covers no whole huge page or data is null; false also on a
/// kernel without THP, where madvise refuses, and on any system but Linux. Never throws.
bool adviseHugePages(void* data, std::size_t bytes) noexcept;

/// A rows × cols dynamic-size Eigen matrix (Matrix: e.g. Eigen::MatrixXd, a row-major MatrixXf),
/// its storage allocated and advised as huge pages (adviseHugePages) but not written: assign
/// it, or setZero(), before reading. For the analyses' large fresh matrices (tens of MB);
/// throws std::bad_alloc as Eigen does.
template <typename Matrix> Matrix onHugePages(std::ptrdiff_t rows, std::ptrdiff_t cols) {
    static_assert(Matrix::RowsAtCompileTime < 0 && Matrix::ColsAtCompileTime < 0,
                  "onHugePages takes a size: use a dynamic-size matrix type");
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
