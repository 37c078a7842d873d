// libFuzzer harness: the field mapping. The first line of the input is a text template (also
// used as a provenance template), the rest a record as JSON. Checked: validateTemplate gives a
// reason whenever it refuses; a mapped record's text is never blank; a stored mapping survives
// its JSON round trip; fromJson takes any JSON (a damaged project file) without throwing.

#include "FuzzSupport.h"
#include "model/FieldMapping.h"

#include <string>

using namespace synthscope::model;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = synthscope::fuzz::asText(data, size);
    const std::size_t eol = input.find('\n');
    const std::string tpl(input.substr(0, eol));
    const std::string_view record = eol == std::string_view::npos ? "" : input.substr(eol + 1);
    const Json fields = Json::parse(record, nullptr, false);

    (void)FieldMapping::fromJson(fields);

    std::string error;
    if (!validateTemplate(tpl, &error)) {
        FUZZ_CHECK(!error.empty());
        return 0;
    }
    if (!fields.is_object())
        return 0;
    FieldMapping mapping;
    mapping.textTemplate = tpl;
    if (!fields.empty())
        mapping.labelField = fields.begin().key();
    mapping.meta = {{"generator", tpl}, {"round", "1"}};
    FUZZ_CHECK(FieldMapping::fromJson(mapping.toJson()).toJson() == mapping.toJson());

    MappedRecord out;
    error.clear();
    if (mapRecord(fields, mapping, &out, &error)) {
        FUZZ_CHECK(out.text.find_first_not_of(" \t\r\n\f\v") != std::string::npos);
        FUZZ_CHECK(out.meta.at("round") == "1");
    } else {
        FUZZ_CHECK(!error.empty());
    }
    // The same record through a plain text field (the default mapping).
    FieldMapping plain;
    plain.textField = mapping.labelField;
    error.clear();
    if (!mapRecord(fields, plain, &out, &error))
        FUZZ_CHECK(!error.empty());
    return 0;
}
