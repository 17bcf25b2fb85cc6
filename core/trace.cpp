#include "trace.h"

namespace attn {

const Matrix &Trace::matrix(Stage stage, int head) const
{
    static const Matrix empty;
    const bool perHead = stage >= Stage::Scores && stage <= Stage::Output;
    if (perHead && (head < 0 || head >= headCount()))
        return empty;

    switch (stage) {
    case Stage::Embeddings:
        return input;
    case Stage::Queries:
        return queries;
    case Stage::Keys:
        return keys;
    case Stage::Values:
        return values;
    case Stage::Scores:
        return heads[head].scores;
    case Stage::Scaled:
        return heads[head].scaled;
    case Stage::Masked:
        return heads[head].masked;
    case Stage::Weights:
        return heads[head].weights;
    case Stage::Output:
        return heads[head].output;
    case Stage::Concat:
        return concat;
    case Stage::Projected:
        return output;
    }
    return empty;
}

} // namespace attn
