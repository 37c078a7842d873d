#include "analysis/Blas.h"

#ifndef EIGEN_USE_BLAS
#error "the analyses expect Eigen's products on OpenBLAS (analysis/CMakeLists.txt)"
#endif

// OpenBLAS's own extensions (its cblas.h declares them; that header's location differs between
// Debian's OpenBLAS variants, so they are declared here).
extern "C" {
void openblas_set_num_threads(int threads);
int openblas_get_num_threads(void);
}

namespace synthscope::analysis {

void runBlasOnCallingThread() noexcept {
    openblas_set_num_threads(1);
}

int blasThreads() noexcept {
    return openblas_get_num_threads();
}

} // namespace synthscope::analysis
