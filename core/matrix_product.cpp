#include "matrix_product.h"

#include <cblas.h>
#include <mutex>

namespace attn {

namespace {

constexpr double blasMultiplyAdds = 32768.0;

void useOneBlasThread()
{
    // OpenBLAS would otherwise start threads of its own inside every call,
    // from every head's thread; the heads already keep the cores busy.
    static std::once_flag once;
    std::call_once(once, [] { openblas_set_num_threads(1); });
}

} // namespace

bool largeProduct(Eigen::Index rows, Eigen::Index cols, Eigen::Index depth)
{
    return double(rows) * double(cols) * double(depth) >= blasMultiplyAdds;
}

void blasMultiply(bool transposeA, bool transposeB, Eigen::Index rows, Eigen::Index cols,
                  Eigen::Index depth, const double *a, Eigen::Index lda, const double *b,
                  Eigen::Index ldb, double *c, Eigen::Index ldc)
{
    useOneBlasThread();
    cblas_dgemm(CblasColMajor, transposeA ? CblasTrans : CblasNoTrans,
                transposeB ? CblasTrans : CblasNoTrans, int(rows), int(cols), int(depth), 1.0, a,
                int(lda), b, int(ldb), 0.0, c, int(ldc));
}

void multiplyInto(const Matrix &a, const Matrix &b, Matrix &product)
{
    if (!largeProduct(a.rows(), b.cols(), a.cols())) {
        product.noalias() = a * b;
        return;
    }
    product.resize(a.rows(), b.cols());
    blasMultiply(false, false, a.rows(), b.cols(), a.cols(), a.data(), a.rows(), b.data(), b.rows(),
                 product.data(), product.rows());
}

} // namespace attn
