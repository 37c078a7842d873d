#include "analysis/LanguageModel.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace synthscope::analysis;
using V = std::vector<std::string>;

namespace {

// Toy corpus "a b", "a c", "a b", order 2, no <unk> mapping.
// Bigrams: (<s>,a)=3 (a,b)=2 (b,</s>)=2 (a,c)=1 (c,</s>)=1; their count-of-counts have n4 = 0,
// and so do the unigram continuation counts a=1 b=1 c=1 </s>=2 → both orders use the fallback
// discounts D1=0.5, D2=1, D3+=1.5. Predictable types V = {</s>, <unk>, a, b, c}, |V| = 5.
// Unigram: T=5, γ = (0.5·3 + 1·1)/5 = 0.5 → P(a)=P(b)=P(c) = 0.5/5 + 0.5/5 = 0.2,
//   P(</s>) = 1/5 + 0.1 = 0.3, P(<unk>) = 0.1.
// After "a": total 3, one count 1 and one count 2 → γ = (0.5 + 1)/3 = 0.5:
//   P(b|a) = (2−1)/3 + 0.5·0.2 = 0.43333, P(c|a) = 0.5/3 + 0.1 = 0.26667, P(</s>|a) = 0.15,
//   P(a|a) = 0.1, P(<unk>|a) = 0.05.
KneserNeyModel toy() {
    KneserNeyParams p;
    p.order = 2;
    p.unkMaxCount = 0;
    return KneserNeyModel::train({V{"a", "b"}, V{"a", "c"}, V{"a", "b"}}, p);
}

} // namespace

TEST(KneserNey, HandComputedProbabilities) {
    const KneserNeyModel m = toy();
    EXPECT_NEAR(m.probability({}, "a"), 0.6, 1e-12); // after <s>: (3−1.5)/3 + 0.5·0.2
    EXPECT_NEAR(m.probability(V{"a"}, "b"), 1.0 / 3.0 + 0.1, 1e-12);
    EXPECT_NEAR(m.probability(V{"a"}, "c"), 0.5 / 3.0 + 0.1, 1e-12);
    EXPECT_NEAR(m.probability(V{"a"}, "</s>"), 0.15, 1e-12);
    EXPECT_NEAR(m.probability(V{"a"}, "zebra"), 0.05, 1e-12); // unseen → <unk>
    EXPECT_NEAR(m.probability(V{"zebra"}, "b"), 0.2, 1e-12);  // unseen context → unigram
    // Perplexity of "a b": P(a|<s>) P(b|a) P(</s>|b) = 0.6 · 0.43333 · 0.65 → ^(−1/3) = 1.80872.
    EXPECT_NEAR(m.perplexity(V{"a", "b"}), std::pow(0.6 * (1.0 / 3.0 + 0.1) * 0.65, -1.0 / 3.0),
                1e-12);
    EXPECT_NEAR(m.perplexity(V{"a", "b"}), 1.8087190, 1e-6);
}

TEST(KneserNey, ProbabilitiesSumToOneOverTheVocabulary) {
    KneserNeyParams p;
    p.order = 3;
    const std::vector<V> docs = {V{"the", "cat", "sat", "on", "the", "mat"},
                                 V{"the", "dog", "sat", "on", "the", "log"},
                                 V{"a", "cat", "sat"},
                                 V{"the", "cat", "ran"},
                                 V{"the", "cat", "sat", "on", "a", "mat"},
                                 V{"a", "dog", "ran", "on", "the", "mat"},
                                 V{"the", "dog", "sat"}};
    const KneserNeyModel m = KneserNeyModel::train(docs, p);
    const auto vocab = m.vocabulary();
    for (const V& context :
         {V{}, V{"the"}, V{"the", "cat"}, V{"cat", "sat"}, V{"on", "the"}, V{"unseen", "words"}}) {
        double sum = 0.0;
        for (const auto& w : vocab)
            sum += m.probability(context, w);
        EXPECT_NEAR(sum, 1.0, 1e-9) << "context size " << context.size();
    }
    EXPECT_GE(m.perplexity(V{"the", "cat", "sat"}), 1.0);
    EXPECT_LT(m.perplexity(V{"the", "cat", "sat"}), m.perplexity(V{"mat", "the", "on"}));
    EXPECT_THROW(KneserNeyModel::train(docs, KneserNeyParams{4, 1}), std::invalid_argument);
}
