// libFuzzer harness: template skeletons. Checked: the skeleton is deterministic, has no empty
// token, and its string form is empty exactly when there are no tokens.

#include "FuzzSupport.h"
#include "analysis/Skeleton.h"

using namespace synthscope::analysis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = synthscope::fuzz::asText(data, size);
    const std::vector<std::string> tokens = skeletonTokens(text);
    for (const std::string& token : tokens)
        FUZZ_CHECK(!token.empty());
    FUZZ_CHECK(skeletonTokens(text) == tokens);
    const std::string joined = skeletonString(tokens);
    FUZZ_CHECK(joined.empty() == tokens.empty());
    return 0;
}
