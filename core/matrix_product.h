#pragma once

#include "types.h"

namespace attn {

/// Whether a product of rows × depth times depth × cols is large enough for
/// OpenBLAS: below about 32 768 multiply-adds Eigen's own kernels win (a BLAS
/// call costs about a microsecond; the tutorial's whole computation less).
bool largeProduct(Eigen::Index rows, Eigen::Index cols, Eigen::Index depth);

/// C = op(A) · op(B) through OpenBLAS (dgemm, one thread: compute() spreads
/// the heads over the cores itself). All column-major; C is rows × cols with
/// leading dimension ldc; a transposed A is stored depth × rows.
void blasMultiply(bool transposeA, bool transposeB, Eigen::Index rows, Eigen::Index cols,
                  Eigen::Index depth, const double *a, Eigen::Index lda, const double *b,
                  Eigen::Index ldb, double *c, Eigen::Index ldc);

/// product = a · b, by OpenBLAS when large, else by Eigen. `product` must not
/// be `a` or `b`.
void multiplyInto(const Matrix &a, const Matrix &b, Matrix &product);

} // namespace attn
