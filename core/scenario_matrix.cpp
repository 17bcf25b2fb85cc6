#include "scenario_matrix.h"

#include <algorithm>

namespace attn {

namespace {

Matrix asRow(const Vector &vector)
{
    return vector.transpose();
}

} // namespace

bool hasMatrix(const Scenario &s, MatrixId id)
{
    switch (id) {
    case MatrixId::Embeddings:
    case MatrixId::QueryWeights:
    case MatrixId::KeyWeights:
    case MatrixId::ValueWeights:
        return true;
    case MatrixId::SourceEmbeddings:
        return s.source.has_value();
    case MatrixId::OutputWeights:
        return s.wO.has_value();
    case MatrixId::ScoreQueryWeights:
        return s.score != ScoreFunction::Dot;
    case MatrixId::ScoreKeyWeights:
    case MatrixId::ScoreVector:
        return s.score == ScoreFunction::Additive;
    case MatrixId::PositionWeights:
    case MatrixId::PositionVector:
        return s.span == SpanKind::LocalP;
    }
    return false;
}

Matrix matrixOf(const Scenario &s, MatrixId id)
{
    if (!hasMatrix(s, id))
        return {};
    switch (id) {
    case MatrixId::Embeddings:
        return s.target.embeddings;
    case MatrixId::SourceEmbeddings:
        return s.source->embeddings;
    case MatrixId::QueryWeights:
        return s.wQ;
    case MatrixId::KeyWeights:
        return s.wK;
    case MatrixId::ValueWeights:
        return s.wV;
    case MatrixId::OutputWeights:
        return *s.wO;
    case MatrixId::ScoreQueryWeights:
        return s.wA;
    case MatrixId::ScoreKeyWeights:
        return s.uA;
    case MatrixId::ScoreVector:
        return asRow(s.vA);
    case MatrixId::PositionWeights:
        return s.wP;
    case MatrixId::PositionVector:
        return asRow(s.vP);
    }
    return {};
}

bool setBlock(Scenario &s, MatrixId id, int row, int col, const Matrix &block)
{
    if (!hasMatrix(s, id))
        return false;
    auto write = [&](auto &&target) {
        if (row < 0 || col < 0 || row >= target.rows() || col >= target.cols())
            return false;
        const Eigen::Index rows = std::min<Eigen::Index>(block.rows(), target.rows() - row);
        const Eigen::Index cols = std::min<Eigen::Index>(block.cols(), target.cols() - col);
        target.block(row, col, rows, cols) = block.topLeftCorner(rows, cols);
        return true;
    };
    switch (id) {
    case MatrixId::Embeddings:
        return write(s.target.embeddings);
    case MatrixId::SourceEmbeddings:
        return write(s.source->embeddings);
    case MatrixId::QueryWeights:
        return write(s.wQ);
    case MatrixId::KeyWeights:
        return write(s.wK);
    case MatrixId::ValueWeights:
        return write(s.wV);
    case MatrixId::OutputWeights:
        return write(*s.wO);
    case MatrixId::ScoreQueryWeights:
        return write(s.wA);
    case MatrixId::ScoreKeyWeights:
        return write(s.uA);
    case MatrixId::ScoreVector:
        return write(s.vA.transpose());
    case MatrixId::PositionWeights:
        return write(s.wP);
    case MatrixId::PositionVector:
        return write(s.vP.transpose());
    }
    return false;
}

const char *matrixSymbol(MatrixId id)
{
    switch (id) {
    case MatrixId::Embeddings:
        return "X";
    case MatrixId::SourceEmbeddings:
        return "X_s";
    case MatrixId::QueryWeights:
        return "W_Q";
    case MatrixId::KeyWeights:
        return "W_K";
    case MatrixId::ValueWeights:
        return "W_V";
    case MatrixId::OutputWeights:
        return "W_O";
    case MatrixId::ScoreQueryWeights:
        return "W_a";
    case MatrixId::ScoreKeyWeights:
        return "U_a";
    case MatrixId::ScoreVector:
        return "v_a";
    case MatrixId::PositionWeights:
        return "W_p";
    case MatrixId::PositionVector:
        return "v_p";
    }
    return "";
}

} // namespace attn
