// libFuzzer harness: the tokenizer and the exact-duplicate folding. Checked: tokens are never
// empty and are valid UTF-8 whenever the text is; a valid text has one code point per lead
// byte; folding a folded text changes nothing.

#include "FuzzSupport.h"
#include "analysis/Tokenizer.h"

using namespace synthscope::analysis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = synthscope::fuzz::asText(data, size);
    const bool valid = isValidUtf8(text);
    if (valid) { // one code point per byte that does not continue a sequence (10xxxxxx)
        std::size_t leads = 0;
        for (const unsigned char c : text)
            leads += (c & 0xC0) != 0x80 ? 1 : 0;
        FUZZ_CHECK(codePointCount(text) == leads);
    }
    for (const std::string& token : tokenize(text)) {
        FUZZ_CHECK(!token.empty());
        if (valid)
            FUZZ_CHECK(isValidUtf8(token));
    }
    const std::string folded = normalizeForDuplicate(text);
    FUZZ_CHECK(normalizeForDuplicate(folded) == folded);
    return 0;
}
