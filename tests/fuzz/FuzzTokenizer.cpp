// libFuzzer harness: the tokenizer and the exact-duplicate folding. Checked: tokens are never
// empty and are valid UTF-8 whenever the text is; code points are counted within the byte
// count; folding a folded text changes nothing.

#include "FuzzSupport.h"
#include "analysis/Tokenizer.h"

using namespace synthscope::analysis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = synthscope::fuzz::asText(data, size);
    const bool valid = isValidUtf8(text);
    FUZZ_CHECK(codePointCount(text) <= size);
    for (const std::string& token : tokenize(text)) {
        FUZZ_CHECK(!token.empty());
        if (valid)
            FUZZ_CHECK(isValidUtf8(token));
    }
    const std::string folded = normalizeForDuplicate(text);
    FUZZ_CHECK(normalizeForDuplicate(folded) == folded);
    FUZZ_CHECK(fnv1a64(text) == fnv1a64(std::string(text)));
    return 0;
}
