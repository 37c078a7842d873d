#include "analysis/Tokenizer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using namespace synthscope::analysis;

using Tokens = std::vector<std::string>;

// Every expected list below was written by hand (UAX #29 word boundaries, NFKC_Casefold).

TEST(Tokenizer, WordsFoldedPunctuationDroppedNumbersWhole) {
    // "3.14" and "1,000" are one number each (UAX #29 WB11/WB12); "e.g." keeps its inner dot.
    EXPECT_EQ(tokenize("Hello, World! 3.14 and 1,000 e.g. snake_case"),
              (Tokens{"hello", "world", "3.14", "and", "1,000", "e.g", "snake_case"}));
}

TEST(Tokenizer, ApostrophesHandlesHashtagsUrlsEmail) {
    // U+2014 (em dash) separates; U+2019 inside a word becomes '; quotes around a word go.
    EXPECT_EQ(tokenize("Don’t STOP—@AmazonHelp #fail https://t.co/x9 'quoted'"),
              (Tokens{"don't", "stop", "@amazonhelp", "#fail", "<url>", "quoted"}));
    EXPECT_EQ(tokenize("hi@AmazonHelp. Mail John.Doe@Example.com or @ me, #1"),
              (Tokens{"hi", "@amazonhelp", "mail", "<email>", "or", "me", "#1"}));
}

TEST(Tokenizer, EmailsWithHyphensAndPlusAndHashtagsAfterWords) {
    EXPECT_EQ(tokenize("john-doe@my-site.com, first.last+tag@gmail.com. C#7 issue#12 #go"),
              (Tokens{"<email>", "<email>", "c", "7", "issue", "12", "#go"}));
    WordTokens words("mp3 COVID19 2nd");
    std::vector<TokenKind> kinds;
    while (words.next())
        kinds.push_back(words.kind());
    EXPECT_EQ(kinds, (std::vector<TokenKind>{TokenKind::Word, TokenKind::Word, TokenKind::Number}));
}

TEST(Tokenizer, UrlOnlyAtWordStart) {
    EXPECT_EQ(tokenize("see www.example.com/a?b=c now"), (Tokens{"see", "<url>", "now"}));
    EXPECT_EQ(tokenize("(HTTPS://X.Y/z) done"), (Tokens{"<url>", "done"}));
    // "swww.x" does not start with "www.": it is one word with an inner dot.
    EXPECT_EQ(tokenize("swww.x"), (Tokens{"swww.x"}));
    // A URL ends at a fullwidth comma or a no-break space, not only at an ASCII space.
    EXPECT_EQ(tokenize("https://x.cn，了解更多 https://x.y\u00A0now"),
              (Tokens{"<url>", "了解", "更多", "<url>", "now"}));
}

TEST(Tokenizer, RussianAndGreekCaseFolded) {
    EXPECT_EQ(tokenize("Привет, МИР! Как дела? привет"),
              (Tokens{"привет", "мир", "как", "дела", "привет"}));
    // Capital and final sigma both fold to σ; Ί folds to ί.
    EXPECT_EQ(tokenize("ΣΊΣΥΦΟΣ και Σίσυφος"), (Tokens{"σίσυφοσ", "και", "σίσυφοσ"}));
}

TEST(Tokenizer, GermanSharpSAndTurkishDottedI) {
    EXPECT_EQ(tokenize("Die STRASSE heißt Straße."),
              (Tokens{"die", "strasse", "heisst", "strasse"}));
    // Language-independent folding: İ (U+0130) → i + U+0307; dotless ı stays.
    EXPECT_EQ(tokenize("İstanbul ve ırmak"), (Tokens{"i\u0307stanbul", "ve", "ırmak"}));
}

TEST(Tokenizer, ChineseSplitIntoDictionaryWords) {
    EXPECT_EQ(tokenize("我喜欢吃苹果。北京是中国的首都。"),
              (Tokens{"我", "喜欢", "吃", "苹果", "北京", "是", "中国", "的", "首都"}));
}

TEST(Tokenizer, JapaneseSplitIntoDictionaryWords) {
    EXPECT_EQ(tokenize("東京は日本の首都です。今日は天気がいいです。"),
              (Tokens{"東京", "は", "日本", "の", "首都", "です", "今日", "は", "天気", "が",
                      "いい", "です"}));
    EXPECT_EQ(tokenize("カタカナのテスト"), (Tokens{"カタカナ", "の", "テスト"}));
}

TEST(Tokenizer, ThaiAndArabic) {
    EXPECT_EQ(tokenize("สวัสดีครับ ผมชื่อสมชาย"), (Tokens{"สวัสดี", "ครับ", "ผม", "ชื่อ", "สมชาย"}));
    EXPECT_EQ(tokenize("مرحبا بالعالم"), (Tokens{"مرحبا", "بالعالم"}));
}

TEST(Tokenizer, EmojiAndSymbolsSeparateWords) {
    // A skin-tone sequence, ❤️, ™ and © are not words; an emoji between letters splits them.
    EXPECT_EQ(tokenize("hi 😊👍🏽 ❤️ ok™ ©2020 hello😊world"),
              (Tokens{"hi", "ok", "2020", "hello", "world"}));
}

TEST(Tokenizer, MixedScriptsAndCompatibilityForms) {
    EXPECT_EQ(tokenize("iPhone是苹果公司的产品"),
              (Tokens{"iphone", "是", "苹果", "公司", "的", "产品"}));
    // Fullwidth ＡＢＣ → abc, the ﬁ ligature → fi, a decomposed é (e + U+0301) → é.
    EXPECT_EQ(tokenize("ＡＢＣ ﬁne cafe\u0301"), (Tokens{"abc", "fine", "café"}));
}

TEST(Tokenizer, OffsetsAndKindsPointIntoTheText) {
    const std::string text = "Hi @Bob, see http://x.y #tag 42 東京";
    WordTokens words(text);
    std::vector<std::pair<std::string, TokenKind>> got;
    while (words.next()) {
        got.emplace_back(text.substr(words.begin(), words.end() - words.begin()), words.kind());
    }
    EXPECT_EQ(got,
              (std::vector<std::pair<std::string, TokenKind>>{{"Hi", TokenKind::Word},
                                                              {"@Bob", TokenKind::Handle},
                                                              {"see", TokenKind::Word},
                                                              {"http://x.y", TokenKind::Url},
                                                              {"#tag", TokenKind::Hashtag},
                                                              {"42", TokenKind::Number},
                                                              {"東京", TokenKind::Ideographic}}));
}

TEST(Tokenizer, NestedTokenizersOnOneThreadStayApart) {
    WordTokens outer("one two");
    ASSERT_TRUE(outer.next());
    EXPECT_EQ(tokenize("three four"), (Tokens{"three", "four"}));
    ASSERT_TRUE(outer.next());
    EXPECT_EQ(outer.folded(), "two");
    EXPECT_FALSE(outer.next());
}

TEST(Tokenizer, BadUtf8BytesSeparateWords) {
    EXPECT_EQ(tokenize("ab\xFF\xFE"
                       "cd \xC3"),
              (Tokens{"ab", "cd"}));
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
    // Full case folding (ß → ss, Σ/ς → σ), an ideographic space and a line separator (U+2028)
    // are whitespace, curly double quotes go straight.
    EXPECT_EQ(normalizeForDuplicate("“Straße”\u3000ΣΟΦΟΣ\u2028ok"), "\"strasse\" σοφοσ ok");
    const std::string once = normalizeForDuplicate("Ｃａｆｅ\u0301 ﬁ   “x”");
    EXPECT_EQ(once, "café fi \"x\"");
    EXPECT_EQ(normalizeForDuplicate(once), once);
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

TEST(TokenizedCorpus, ParallelSlicesGiveTheIdsOfOnePassInDocumentOrder) {
    // 17,000 texts: batches of 8,192, 8,192 and 616 (the last too small to cut, so the slices of
    // the others go unused there), each cut into a slice per worker. New words keep appearing in
    // every slice ("only<i>"), words recur across slices and batches in changing case
    // ("Shared<i mod 97>" folds to the id of "shared<i mod 97>"), some texts are empty, one has
    // no ASCII. The reference is the one pass every worker count must equal: WordTokens over the
    // texts in order, interning each folded word.
    std::vector<std::string> texts;
    for (int i = 0; i < 17000; ++i) {
        if (i % 1000 == 999) {
            texts.emplace_back();
            continue;
        }
        texts.push_back("only" + std::to_string(i) + (i % 2 ? " Shared" : " shared") +
                        std::to_string(i % 97) + " common, common! w" + std::to_string(i % 4099) +
                        (i == 12345 ? " Straße ΣΟΦΟΣ" : ""));
    }
    Vocabulary refVocab;
    std::vector<std::uint32_t> refIds;
    std::vector<std::size_t> refOffsets{0};
    for (const std::string& t : texts) {
        WordTokens words(t);
        while (words.next())
            refIds.push_back(refVocab.intern(words.folded()));
        refOffsets.push_back(refIds.size());
    }
    // 1: one slice a batch; 2 and 3: slices merged in order; 16: sixteen slices of 512.
    for (const std::size_t workers :
         {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{16}}) {
        SCOPED_TRACE(workers);
        Vocabulary vocab;
        const TokenizedCorpus c = tokenizeCorpus(texts, vocab, {}, workers);
        ASSERT_EQ(c.size(), texts.size());
        EXPECT_EQ(c.tokenIds, refIds);
        EXPECT_EQ(c.offsets, refOffsets);
        ASSERT_EQ(vocab.size(), refVocab.size());
        for (std::uint32_t id = 0; id < vocab.size(); ++id)
            ASSERT_EQ(vocab.word(id), refVocab.word(id)) << "id " << id;
        ASSERT_EQ(c.hashes.size(), texts.size());
        ASSERT_EQ(c.lengthChars.size(), texts.size());
        for (std::size_t i = 0; i < texts.size(); i += i == 11964 ? 381 : 997) { // 12345 too
            EXPECT_EQ(c.hashes[i], fnv1a64(normalizeForDuplicate(texts[i]))) << i;
            EXPECT_EQ(c.lengthChars[i], codePointCount(texts[i])) << i;
        }
        // Interning continues the vocabulary it is given: a second corpus reuses the first's ids.
        const std::vector<std::string> more = {"SHARED5 brandnew"};
        const TokenizedCorpus d = tokenizeCorpus(more, vocab, {}, workers);
        ASSERT_EQ(d.doc(0).size(), 2u);
        EXPECT_EQ(d.doc(0)[0], refVocab.find("shared5"));
        EXPECT_EQ(d.doc(0)[1], refVocab.size());
    }
}

TEST(Progress, CancelThrowsAndSubMapsRange) {
    std::atomic<bool> cancel{false};
    double last = -1.0;
    Progress p([&](double f, std::string_view) { last = f; }, &cancel);
    p.sub(0.5, 1.0).report(0.5, "x");
    EXPECT_DOUBLE_EQ(last, 0.75);
    // Out of range and NaN (an empty stage's 0/0) are clamped: listeners cast to int.
    p.sub(0.5, 1.0).report(2.0, "x");
    EXPECT_DOUBLE_EQ(last, 1.0);
    p.sub(0.5, 1.0).report(std::numeric_limits<double>::quiet_NaN(), "x");
    EXPECT_DOUBLE_EQ(last, 0.5);
    cancel = true;
    EXPECT_THROW(p.report(0.1, "x"), Cancelled);
    Vocabulary v;
    const std::vector<std::string> texts = {"a"};
    EXPECT_THROW(tokenizeCorpus(texts, v, p), Cancelled);
}
