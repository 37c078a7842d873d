#include "analysis/LanguageModel.h"
#include "analysis/TokenIds.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace synthscope::analysis;
using V = std::vector<std::string>;
using synthscope::analysis::testing::TokenIds;

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
KneserNeyModel toy(TokenIds& ids) {
    KneserNeyParams p;
    p.order = 2;
    p.unkMaxCount = 0;
    ids = TokenIds({V{"a", "b"}, V{"a", "c"}, V{"a", "b"}});
    return KneserNeyModel::train(ids.docs(), p);
}

} // namespace

TEST(KneserNey, HandComputedProbabilities) {
    TokenIds w;
    const KneserNeyModel m = toy(w);
    const std::uint32_t a = w.id("a");
    EXPECT_NEAR(m.probability({}, a), 0.6, 1e-12); // after <s>: (3−1.5)/3 + 0.5·0.2
    EXPECT_NEAR(m.probability(w.ids(V{"a"}), w.id("b")), 1.0 / 3.0 + 0.1, 1e-12);
    EXPECT_NEAR(m.probability(w.ids(V{"a"}), w.id("c")), 0.5 / 3.0 + 0.1, 1e-12);
    EXPECT_NEAR(m.probability(w.ids(V{"a"}), KneserNeyModel::kEnd), 0.15, 1e-12);
    EXPECT_NEAR(m.probability(w.ids(V{"a"}), w.id("zebra")), 0.05, 1e-12); // unseen → <unk>
    EXPECT_NEAR(m.probability(w.ids(V{"a"}), KneserNeyModel::kUnknown), 0.05, 1e-12);
    EXPECT_NEAR(m.probability(w.ids(V{"zebra"}), w.id("b")), 0.2, 1e-12); // unseen context
    // Perplexity of "a b": P(a|<s>) P(b|a) P(</s>|b) = 0.6 · 0.43333 · 0.65 → ^(−1/3) = 1.80872.
    EXPECT_NEAR(m.perplexity(w.ids(V{"a", "b"})),
                std::pow(0.6 * (1.0 / 3.0 + 0.1) * 0.65, -1.0 / 3.0), 1e-12);
    EXPECT_NEAR(m.perplexity(w.ids(V{"a", "b"})), 1.8087190, 1e-6);
    // Predictable types: a, b, c, </s>, <unk>.
    EXPECT_EQ(m.vocabulary(),
              (std::vector<std::uint32_t>{a, w.id("b"), w.id("c"), KneserNeyModel::kEnd,
                                          KneserNeyModel::kUnknown}));
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
    TokenIds ids(docs);
    const KneserNeyModel m = KneserNeyModel::train(ids.docs(), p);
    const auto vocab = m.vocabulary();
    for (const V& context :
         {V{}, V{"the"}, V{"the", "cat"}, V{"cat", "sat"}, V{"on", "the"}, V{"unseen", "words"}}) {
        double sum = 0.0;
        for (const auto w : vocab)
            sum += m.probability(ids.ids(context), w);
        EXPECT_NEAR(sum, 1.0, 1e-9) << "context size " << context.size();
    }
    EXPECT_GE(m.perplexity(ids.ids(V{"the", "cat", "sat"})), 1.0);
    EXPECT_LT(m.perplexity(ids.ids(V{"the", "cat", "sat"})),
              m.perplexity(ids.ids(V{"mat", "the", "on"})));
    EXPECT_THROW(KneserNeyModel::train(ids.docs(), KneserNeyParams{4, 1}), std::invalid_argument);
    const std::vector<std::uint32_t> reserved = {KneserNeyModel::kUnknown};
    const std::span<const std::uint32_t> reservedDoc(reserved);
    EXPECT_THROW(KneserNeyModel::train(std::span(&reservedDoc, 1)), std::invalid_argument);
}
