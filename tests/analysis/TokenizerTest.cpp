#include "analysis/Tokenizer.h"

#include <gtest/gtest.h>

using namespace synthscope::analysis;

TEST(Tokenizer, WordsLowercasedPunctuationDropped) {
    EXPECT_EQ(tokenize("Hello, World! 3.5"),
              (std::vector<std::string>{"hello", "world", "3", "5"}));
}

TEST(Tokenizer, ApostrophesHandlesHashtagsUrls) {
    // U+2014 (em dash) separates; U+2019 inside a word becomes '.
    const std::string text =
        "Don\xE2\x80\x99t STOP\xE2\x80\x94@AmazonHelp #fail https://t.co/x9 'quoted'";
    EXPECT_EQ(tokenize(text), (std::vector<std::string>{"don't", "stop", "@amazonhelp", "#fail",
                                                        "<url>", "quoted"}));
}

TEST(Tokenizer, UrlOnlyAtTokenBoundary) {
    EXPECT_EQ(tokenize("see www.example.com/a?b=c now"),
              (std::vector<std::string>{"see", "<url>", "now"}));
    // "show" starts with 'h'-less text; "swww." is not a URL start.
    EXPECT_EQ(tokenize("swww.x"), (std::vector<std::string>{"swww", "x"}));
}

TEST(Tokenizer, NonAsciiLettersAreWordsEmojiSeparate) {
    // "café" keeps é (U+00E9); 😊 (U+1F60A) separates.
    EXPECT_EQ(tokenize("caf\xC3\xA9 hello\xF0\x9F\x98\x8Aworld"),
              (std::vector<std::string>{"caf\xC3\xA9", "hello", "world"}));
}

TEST(Utf8, ValidityAndOffsets) {
    std::size_t bad = 99;
    EXPECT_TRUE(isValidUtf8("plain \xC3\xA9 \xF0\x9F\x98\x8A"));
    EXPECT_FALSE(isValidUtf8("\xC3\x28", &bad));
    EXPECT_EQ(bad, 0u);
    EXPECT_FALSE(isValidUtf8("a\xE2\x82", &bad)); // truncated 3-byte sequence
    EXPECT_EQ(bad, 1u);
    EXPECT_FALSE(isValidUtf8("\xC0\xAF", &bad));     // overlong '/'
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80", &bad)); // UTF-16 surrogate
    EXPECT_EQ(codePointCount("caf\xC3\xA9"), 4u);
}

TEST(Normalize, FoldsCaseSpacesQuotesAndWidth) {
    EXPECT_EQ(normalizeForDuplicate("  Hello\t\tWORLD \n"), "hello world");
    // U+2019 → ', NBSP → space, fullwidth Ａ (U+FF21) → a, zero-width space removed.
    EXPECT_EQ(normalizeForDuplicate("It\xE2\x80\x99s\xC2\xA0\xEF\xBC\xA1\xE2\x80\x8B!"), "it's a!");
}

TEST(Hash, Fnv1aKnownVectors) {
    // Published FNV-1a 64 test vectors: "" and "a".
    EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
    EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
}

TEST(TokenizedCorpus, OffsetsLengthsAndAppend) {
    Vocabulary vocab;
    const std::vector<std::string> texts = {"a b a", "", "b c"};
    TokenizedCorpus c = tokenizeCorpus(texts, vocab);
    ASSERT_EQ(c.size(), 3u);
    EXPECT_EQ(c.doc(0).size(), 3u);
    EXPECT_EQ(c.doc(1).size(), 0u);
    EXPECT_EQ(c.doc(2).size(), 2u);
    EXPECT_EQ(vocab.size(), 3u); // a, b, c
    EXPECT_EQ(c.doc(0)[0], c.doc(0)[2]);
    EXPECT_EQ(c.lengthChars[0], 5u);
    TokenizedCorpus d;
    d.append(c);
    d.append(c);
    ASSERT_EQ(d.size(), 6u);
    EXPECT_EQ(d.doc(5).size(), 2u);
    EXPECT_EQ(d.doc(5)[1], vocab.find("c"));
}

TEST(Progress, CancelThrowsAndSubMapsRange) {
    std::atomic<bool> cancel{false};
    double last = -1.0;
    Progress p([&](double f, std::string_view) { last = f; }, &cancel);
    p.sub(0.5, 1.0).report(0.5, "x");
    EXPECT_DOUBLE_EQ(last, 0.75);
    cancel = true;
    EXPECT_THROW(p.report(0.1, "x"), Cancelled);
    Vocabulary v;
    const std::vector<std::string> texts = {"a"};
    EXPECT_THROW(tokenizeCorpus(texts, v, p), Cancelled);
}
