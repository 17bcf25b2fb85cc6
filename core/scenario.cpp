#include "scenario.h"

namespace attn {

Scenario tutorialScenario()
{
    Scenario scenario;
    scenario.title = "Attention from scratch";
    scenario.description = "Four words, three dimensions, the weights of np.random.seed(42).";
    scenario.target.tokens = {"word_1", "word_2", "word_3", "word_4"};
    scenario.target.embeddings.resize(4, 3);
    scenario.target.embeddings << 1, 0, 0,
                                  0, 1, 0,
                                  1, 1, 0,
                                  0, 0, 1;
    scenario.wQ.resize(3, 3);
    scenario.wQ << 2, 0, 2,
                   2, 0, 0,
                   2, 1, 2;
    scenario.wK.resize(3, 3);
    scenario.wK << 2, 2, 2,
                   0, 2, 1,
                   0, 1, 1;
    scenario.wV.resize(3, 3);
    scenario.wV << 1, 1, 0,
                   0, 1, 1,
                   0, 0, 0;
    return scenario;
}

} // namespace attn
