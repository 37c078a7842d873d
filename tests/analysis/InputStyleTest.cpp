#include "analysis/InputStyle.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <string>
#include <vector>

using namespace synthscope::analysis;

// Five texts measured by hand: cased first letters in the first three only (the first lower
// case after its @handle), sentence punctuation at the end of the 2nd, 3rd and 5th, 1 + 1 + 3
// + 1 + 1 sentences, politeness markers in the 2nd (please, could you) and 3rd (thanks).
TEST(InputStyle, MeasuredByHand) {
    const std::vector<std::string> texts = {
        "@sprintcare hi i returnd the thing last week but where's my refund also do u ship to "
        "canada now",
        "Could you please help me cancel my order?", "Thanks! I got it. Also, where is my refund?",
        "123 456", "我喜欢吃苹果。"};
    Vocabulary vocabulary;
    const TokenizedCorpus corpus = tokenizeCorpus(texts, vocabulary);
    const InputStyle s = measureInputStyle(texts, corpus, vocabulary);
    EXPECT_DOUBLE_EQ(s.lowercaseStartShare, 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(s.terminalPunctuationShare, 3.0 / 5.0);
    EXPECT_DOUBLE_EQ(s.sentencesPerSample, 7.0 / 5.0);
    EXPECT_DOUBLE_EQ(s.politenessMarkerShare, 2.0 / 5.0);
}

TEST(InputStyle, EdgeCases) {
    // A closing quote after the full stop still ends the sentence; "would you" alone is a
    // marker; a link before the first word is skipped; no cased letter anywhere gives NaN.
    const std::vector<std::string> texts = {"He said \"go.\"  ", "would you mind",
                                            "https://x.co/A hello"};
    Vocabulary vocabulary;
    const TokenizedCorpus corpus = tokenizeCorpus(texts, vocabulary);
    const InputStyle s = measureInputStyle(texts, corpus, vocabulary);
    EXPECT_DOUBLE_EQ(s.terminalPunctuationShare, 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(s.politenessMarkerShare, 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(s.lowercaseStartShare, 2.0 / 3.0); // "would", "hello" lower; "He" upper
    const std::vector<std::string> digits = {"42", "7 8"};
    Vocabulary v2;
    const InputStyle d = measureInputStyle(digits, tokenizeCorpus(digits, v2), v2);
    EXPECT_TRUE(std::isnan(d.lowercaseStartShare));
    EXPECT_TRUE(std::isnan(measureInputStyle({}, TokenizedCorpus{}, v2).sentencesPerSample));
}

// The OOV rate against a hand-made lexicon: of the Latin words "i", "returnd", "the", "thing",
// "don't" and "xbox", two are missing; digits, a link, an @handle and a Russian word are not
// words the lexicon can judge.
TEST(InputStyle, OutOfVocabularyRateByHand) {
    const std::vector<std::string> words = {"I", "the", "thing", "don't", "returned"};
    const Lexicon lexicon = buildLexicon(words);
    EXPECT_TRUE(lexicon.contains("i")); // folded as the tokenizer folds
    const std::vector<std::string> texts = {"I returnd the thing 42 https://x.co",
                                            "@sprintcare don't xbox привет"};
    Vocabulary vocabulary;
    const TokenizedCorpus corpus = tokenizeCorpus(texts, vocabulary);
    EXPECT_DOUBLE_EQ(measureInputStyle(texts, corpus, vocabulary, &lexicon).oovRate, 2.0 / 6.0);
    EXPECT_TRUE(std::isnan(measureInputStyle(texts, corpus, vocabulary).oovRate));
}

// A cancel stops the measuring (it runs on a thread of its own beside the other corpora's).
TEST(InputStyle, StopsWhenCancelled) {
    const std::vector<std::string> texts = {"Could you please help?", "thanks"};
    Vocabulary vocabulary;
    const TokenizedCorpus corpus = tokenizeCorpus(texts, vocabulary);
    std::atomic<bool> cancel{false};
    const Progress progress({}, &cancel);
    EXPECT_NO_THROW(measureInputStyle(texts, corpus, vocabulary, nullptr, progress));
    cancel = true;
    EXPECT_THROW(measureInputStyle(texts, corpus, vocabulary, nullptr, progress), Cancelled);
}
