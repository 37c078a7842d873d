#include "analysis/Skeleton.h"
#include "analysis/Templates.h"
#include "analysis/TokenIds.h"
#include "analysis/Tokenizer.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace synthscope::analysis;
using V = std::vector<std::string>;

namespace {

// analyzeTemplates() of hand-written skeletons and word tokens.
TemplateResult templatesOf(const std::vector<V>& skeletons, const std::vector<V>& words,
                           std::span<const std::uint32_t> corpusOf,
                           std::span<const bool> synthetic) {
    SkeletonCorpus interned;
    for (const V& sk : skeletons)
        interned.append(sk);
    const synthscope::analysis::testing::TokenIds ids(words);
    return analyzeTemplates(interned, ids.docs(), ids.vocabulary, corpusOf, synthetic);
}

} // namespace

TEST(Skeleton, CorpusStoresEachDistinctTokenOnce) {
    SkeletonCorpus c;
    const V first = {"<W>", "is", "<W>", ".", "\n"};
    const V second = {"<LI>", "<W>", "and", "<NUM>", "is", "fine", "."};
    c.append(first);
    c.append(V{});
    c.append(second);
    ASSERT_EQ(c.size(), 3U);
    EXPECT_EQ(c.texts(c.doc(0)), first);
    EXPECT_TRUE(c.doc(1).empty());
    EXPECT_EQ(c.texts(c.doc(2)), second);
    // "<W>", "is" and "." keep the ids they got in the first document.
    EXPECT_EQ(c.doc(0)[0], c.doc(0)[2]);
    EXPECT_EQ(c.doc(2)[1], c.doc(0)[0]);
    EXPECT_EQ(c.doc(2)[4], c.doc(0)[1]);
    EXPECT_EQ(c.doc(2)[6], c.doc(0)[3]);
    for (const std::uint32_t id : c.doc(2)) {
        EXPECT_EQ(c.hash(id), fnv1a64(c.text(id)));
        EXPECT_EQ(c.placeholder(id), isPlaceholder(c.text(id)));
    }
    // Short replies: under six tokens, or nothing but placeholders, markup and punctuation.
    for (const V& sk : {first, V{}, second, V{"<@>", "<URL>", "<W>", "<W>", "!", "<W>"},
                        V{"<@>", "<URL>", "<W>", "yes", "!", "<W>"}}) {
        SkeletonCorpus one;
        one.append(sk);
        EXPECT_EQ(one.shortReply(one.doc(0)), isShortReply(sk)) << skeletonString(sk);
    }
    EXPECT_FALSE(c.shortReply(c.doc(2)));
    EXPECT_TRUE(c.shortReply(c.doc(0)));
}

TEST(Skeleton, FunctionWordsKeptContentMaskedNamesMidSentence) {
    // "Sure" opens the sentence (not a name); "Here" follows "!" (a sentence start) and is a
    // function word; "Paris" is capitalised mid-sentence.
    EXPECT_EQ(skeletonTokens("Sure! Here is the plan for Paris."),
              (V{"<W>", "!", "here", "is", "the", "<W>", "for", "<NAME>", "."}));
}

TEST(Skeleton, NumbersUrlsListsAndLineBreaks) {
    EXPECT_EQ(skeletonTokens("Call 555-1234 or visit https://x.io today\n\n- item one\n2. Second"),
              (V{"<W>", "<NUM>", "or", "<W>", "<URL>", "<W>", "\n", "<LI>", "<W>", "one", "\n",
                 "<LI>", "<W>"}));
    EXPECT_EQ(skeletonTokens("## Steps\nmail bob@example.com, @AmazonHelp"),
              (V{"<H>", "<W>", "\n", "<W>", "<URL>", ",", "<@>"}));
    EXPECT_EQ(skeletonString(skeletonTokens("Hi.\nBye")), "<W> . \xE2\x8F\x8E <W>");
}

TEST(Skeleton, WordsAreTheTokenizersInEveryScript) {
    // A Cyrillic name mid-sentence is a <NAME>; "May" is the modal verb's function word; "2nd"
    // and a time are one <NUM> each; the full stop after a URL stays punctuation.
    EXPECT_EQ(skeletonTokens("Я живу в Москве с 2nd of May, 12:30. See https://x.io."),
              (V{"<W>", "<W>", "<W>", "<NAME>", "<W>", "<NUM>", "of", "may", ",", "<NUM>", ".",
                 "<W>", "<URL>", "."}));
    // Chinese words from ICU's dictionary, the ideographic full stop kept; "#tag" at a line
    // start is a heading mark.
    EXPECT_EQ(skeletonTokens("我喜欢吃苹果。\n#Title"),
              (V{"<W>", "<W>", "<W>", "<W>", "。", "\n", "<H>", "<W>"}));
    // A heading of several '#' glued to its word, a numbered hashtag, "mp3" (a word, not a
    // list number) at a line start.
    EXPECT_EQ(skeletonTokens("##Title here\nNote #1\nmp3. Files"),
              (V{"<H>", "<W>", "here", "\n", "<W>", "#", "<NUM>", "\n", "<W>", ".", "<W>"}));
}

TEST(Skeleton, ShortRepliesAreShortOrPlaceholderOnly) {
    EXPECT_TRUE(isShortReply(V{"<@>", "<URL>"}));
    EXPECT_TRUE(isShortReply(V{"<@>", "yes"})); // shorter than six tokens
    EXPECT_TRUE(isShortReply(V{"<@>", "<W>", "<W>", "!", "<NAME>", "\n", "<LI>", "<W>"}));
    EXPECT_TRUE(isShortReply(V{"<W>", "。", "<W>", "<W>", "！", "<W>"})); // CJK punctuation
    EXPECT_FALSE(isShortReply(V{"i", "<W>", "how", "<W>", "this", "is"}));
    EXPECT_FALSE(isShortReply(V{"<W>", "<W>", "<W>", "<W>", "<W>", "the"}));
    // The same rule on skeletonString()'s form.
    EXPECT_TRUE(isShortReply(std::string_view("<@> <URL>")));
    EXPECT_TRUE(isShortReply(std::string_view("<W> . ⏎ <LI> <W> !")));
    EXPECT_FALSE(isShortReply(std::string_view("i <W> how <W> this is")));
}

TEST(Skeleton, SameStructureDifferentWordsGiveTheSameSkeleton) {
    EXPECT_EQ(skeletonTokens("I understand how frustrating it is."),
              skeletonTokens("I understand how annoying it is."));
    EXPECT_NE(skeletonTokens("I understand how frustrating it is."),
              skeletonTokens("Is it frustrating? I understand."));
    EXPECT_TRUE(isPlaceholder("<NAME>"));
    EXPECT_FALSE(isPlaceholder("the"));
}

// Each skeleton token with the bytes it stands for, counted by hand: "Hi" 0–2, "Anna" 3–7,
// "," 7, the line break 8, "1." 9–11, "Call" 12–16, "555-1234" 17–25, "now" 26–29, "!" 29.
TEST(Skeleton, SpansPointAtTheTextOfEachToken) {
    const std::string text = "Hi Anna,\n1. Call 555-1234 now!";
    const SkeletonSpans s = skeletonSpans(text);
    EXPECT_EQ(s.tokens, (V{"<W>", "<NAME>", ",", "\n", "<LI>", "<W>", "<NUM>", "now", "!"}));
    EXPECT_EQ(s.tokens, skeletonTokens(text));
    const std::vector<std::size_t> begin = {0, 3, 7, 8, 9, 12, 17, 26, 29};
    const std::vector<std::size_t> end = {2, 7, 8, 9, 11, 16, 25, 29, 30};
    EXPECT_EQ(s.begin, begin);
    EXPECT_EQ(s.end, end);
    // Markup, a hashtag heading and a URL; the trailing line breaks are dropped with their spans.
    const SkeletonSpans m = skeletonSpans("## Steps\n- see https://x.org/a\n\n");
    EXPECT_EQ(m.tokens, (V{"<H>", "<W>", "\n", "<LI>", "<W>", "<URL>"}));
    EXPECT_EQ(m.begin, (std::vector<std::size_t>{0, 3, 8, 9, 11, 15}));
    EXPECT_EQ(m.end, (std::vector<std::size_t>{2, 8, 9, 10, 14, 30}));
}

TEST(Skeleton, CustomFunctionWordList) {
    const std::string_view german[] = {"der", "die", "und"};
    const FunctionWords de = FunctionWords::fromList(german);
    EXPECT_EQ(skeletonTokens("der hund und die katze", de), (V{"der", "<W>", "und", "die", "<W>"}));
    // The capitalisation rule applies as written: German nouns mid-sentence become <NAME>.
    EXPECT_EQ(skeletonTokens("der Hund", de), (V{"der", "<NAME>"}));
}

TEST(Templates, GroupsIdenticalAndNearVariantSkeletons) {
    // A and B have identical skeletons. C differs by "now" before the final "." — its
    // skeleton 3-shingles share 10 of 13 with A's (J = 0.77 ≥ 0.7). D is unrelated.
    const V texts = {"I understand how frustrating this is. Here is what to do.",
                     "I understand how annoying this is. Here is what to do.",
                     "I understand how upsetting this is. Here is what to do now.",
                     "The weather in Paris is lovely today, said Anna."};
    std::vector<V> skeletons;
    std::vector<V> words;
    for (const auto& t : texts) {
        skeletons.push_back(skeletonTokens(t));
        words.push_back(tokenize(t));
    }
    const std::vector<std::uint32_t> corpusOf = {0, 0, 0, 0};
    const bool synthetic[] = {true};
    const TemplateResult r = templatesOf(skeletons, words, corpusOf, synthetic);
    ASSERT_EQ(r.groups.size(), 1u);
    EXPECT_EQ(r.groups[0].members, (std::vector<std::uint32_t>{0, 1, 2}));
    EXPECT_TRUE(r.groups[0].mould);
    EXPECT_EQ(r.groupOf[3], UINT32_MAX);
    // A, B and C are near-identical whole skeletons as well; D is not.
    EXPECT_EQ(r.skeletonOf[0], r.skeletonOf[1]);
    EXPECT_EQ(r.skeletonOf[0], r.skeletonOf[2]);
    EXPECT_EQ(r.skeletonOf[3], UINT32_MAX);
    ASSERT_EQ(r.corpora.size(), 1u);
    EXPECT_DOUBLE_EQ(r.corpora[0].skeletonRepetitionRate, 0.75);
    EXPECT_DOUBLE_EQ(r.corpora[0].top10SkeletonShare, 1.0); // the group of 3 and the single D
    // Openings: "i understand how" 3× on the synthetic side; closings: "what to do" 2×.
    ASSERT_FALSE(r.openings.empty());
    EXPECT_EQ(r.openings[0].text, "i understand how");
    EXPECT_EQ(r.openings[0].synthetic, 3u);
    EXPECT_EQ(r.openings[0].real, 0u);
    ASSERT_FALSE(r.closings.empty());
    EXPECT_EQ(r.closings[0].text, "what to do");
    EXPECT_EQ(r.closings[0].synthetic, 2u);
    // Templates: the pattern "i <W> how <W> this is" (4 literal tokens) occurs in A, B, C:
    // every one of them contains a template; D shares no pattern → 3/4.
    EXPECT_DOUBLE_EQ(r.corpora[0].templateRate, 0.75);
    EXPECT_GT(r.corpora[0].templatesPerToken, 0.0);
}

// One mould, three fillings of different lengths: whole skeletons differ too much to be
// near-identical (their 3-shingle Jaccard is below 0.7), but their collapsed template windows
// overlap far beyond 0.1, so they form one mould. Two tweets with the same short skeleton form
// a short-reply group apart; an unrelated long text stays alone.
TEST(Templates, MouldGroupsLongAnswersWithDifferentFillings) {
    const V texts = {
        "I understand that you want to cancel your order. Please follow these steps: 1. Log in "
        "to your account. 2. Open the orders page. If you have any questions, we are here to "
        "help.",
        "I understand that you would like to update the delivery address on your recent "
        "purchase. Please follow these steps: 1. Sign in to the website. 2. Go to your profile "
        "settings and choose addresses. If you have any questions, we are here to help.",
        "I understand that you need a copy of your invoice. Please follow these steps: 1. Log "
        "in to your account. 2. Download invoices from billing. If you have any questions, we "
        "are here to help.",
        "@alice thanks https://t.co/x",
        "@bob thanks https://t.co/y",
        "Bread rises because yeast ferments sugar into carbon dioxide, which the gluten traps as "
        "the dough proves overnight in a cool kitchen.",
    };
    std::vector<V> skeletons;
    std::vector<V> words;
    for (const auto& t : texts) {
        skeletons.push_back(skeletonTokens(t));
        words.push_back(tokenize(t));
    }
    const std::vector<std::uint32_t> corpusOf = {0, 0, 0, 1, 1, 1};
    const bool synthetic[] = {true, false};
    const TemplateResult r = templatesOf(skeletons, words, corpusOf, synthetic);
    ASSERT_EQ(r.groups.size(), 2u);
    EXPECT_EQ(r.groups[0].members, (std::vector<std::uint32_t>{0, 1, 2}));
    EXPECT_TRUE(r.groups[0].mould);
    // The title keeps what the members share, the centre's own stretches become "…".
    EXPECT_NE(r.groups[0].pattern.find("please <W> these <W> :"), std::string::npos)
        << r.groups[0].pattern;
    EXPECT_NE(r.groups[0].pattern.find("if you have any <W> , we are here to <W> ."),
              std::string::npos)
        << r.groups[0].pattern;
    EXPECT_NE(r.groups[0].pattern.find("…"), std::string::npos) << r.groups[0].pattern;
    EXPECT_EQ(r.groups[1].members, (std::vector<std::uint32_t>{3, 4}));
    EXPECT_FALSE(r.groups[1].mould);
    EXPECT_EQ(r.groups[1].pattern, "<@> <W> <URL>");
    EXPECT_TRUE(isShortReply(std::string_view(r.groups[1].pattern)));
    EXPECT_EQ(r.groupOf[5], UINT32_MAX);
    // Near-identical whole skeletons: only the tweets.
    EXPECT_EQ(r.skeletonOf[0], UINT32_MAX);
    EXPECT_EQ(r.skeletonOf[1], UINT32_MAX);
    EXPECT_NE(r.skeletonOf[3], UINT32_MAX);
    EXPECT_EQ(r.skeletonOf[3], r.skeletonOf[4]);
    EXPECT_DOUBLE_EQ(r.corpora[0].skeletonRepetitionRate, 0.0);
    EXPECT_DOUBLE_EQ(r.corpora[1].skeletonRepetitionRate, 2.0 / 3.0);
}

TEST(Templates, RecurringTemplatesRankedAgainstTheRealSide) {
    // Hand-made skeletons. Corpus 0 synthetic, corpus 1 real. Pattern A ("i <W> how <W> this
    // is") is in 6 synthetic samples and 1 real one; pattern B in 6 real ones only; a window of
    // placeholders (one kept token, fewer than 3) is in 6 synthetic samples and is no pattern.
    const V a = {"i", "<W>", "how", "<W>", "this", "is"};
    const V b = {"<@>", "<W>", "the", "<W>", "of", "it"};
    const V p = {"<W>", "<W>", "<NAME>", "<W>", "<W>", "."};
    std::vector<V> skeletons;
    std::vector<std::uint32_t> corpusOf;
    for (int i = 0; i < 6; ++i) {
        skeletons.push_back(a);
        corpusOf.push_back(0);
        skeletons.push_back(p);
        corpusOf.push_back(0);
        skeletons.push_back(b);
        corpusOf.push_back(1);
    }
    skeletons.push_back(a);
    corpusOf.push_back(1);
    const std::vector<V> words(skeletons.size());
    const bool synthetic[] = {true, false};
    const TemplateResult r = templatesOf(skeletons, words, corpusOf, synthetic);
    // Only A leans synthetic. Monroe et al. on the odds that a sample contains it, the prior
    // at the pooled counts: n_syn = 12 samples, n_real = 7, α₀ = 19, α_A = 19 · 7 / 19 = 7;
    // δ = ln(13 / 18) − ln(8 / 18) = ln(13 / 8) = 0.4855, σ² = 1/13 + 1/8 = 0.2019,
    // z = 0.4855 / 0.4494 = 1.080.
    ASSERT_EQ(r.recurring.size(), 1U);
    EXPECT_EQ(r.recurring[0].pattern, "i <W> how <W> this is");
    EXPECT_EQ(r.recurring[0].synthetic, 6U);
    EXPECT_EQ(r.recurring[0].real, 1U);
    EXPECT_NEAR(r.recurring[0].zScore, 1.080, 0.002);
    // A template in every sample of both roles has no odds to compare (δ = ∞ − ∞): it is
    // left out, and the others still rank.
    std::vector<V> everywhere = skeletons;
    for (V& sk : everywhere)
        sk.insert(sk.end(), {"\n", "-", "-", "-", "-", "-", "-"});
    const TemplateResult e = templatesOf(everywhere, words, corpusOf, synthetic);
    ASSERT_FALSE(e.recurring.empty());
    for (const RecurringTemplate& t : e.recurring) {
        EXPECT_TRUE(std::isfinite(t.zScore)) << t.pattern;
        EXPECT_NE(t.pattern, "- - - - - -");
    }
    // With no real sample at all nothing is ranked.
    const std::vector<std::uint32_t> allSynthetic(skeletons.size(), 0);
    EXPECT_TRUE(templatesOf(skeletons, words, allSynthetic, synthetic).recurring.empty());
}

TEST(Templates, RejectsMismatchedInput) {
    const std::vector<V> one = {V{"a"}};
    const std::vector<std::uint32_t> corpusOf = {1};
    const bool synthetic[] = {true};
    EXPECT_THROW(templatesOf(one, one, corpusOf, synthetic), std::invalid_argument);
    const std::vector<std::uint32_t> first = {0};
    EXPECT_THROW(templatesOf(one, std::vector<V>{V{"a"}, V{"b"}}, first, synthetic),
                 std::invalid_argument);
}
