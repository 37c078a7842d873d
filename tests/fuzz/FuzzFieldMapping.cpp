// libFuzzer harness: the field mapping. The first line of the input is a text template (also
// used as a provenance template), the rest a record as JSON. Checked: validateTemplate gives a
// reason whenever it refuses; a mapped record's text is never blank; a stored mapping survives
// its JSON round trip; fromJson takes any JSON (a damaged project file) without throwing; a
// detected pair layout maps to two non-blank outputs and a verdict in [0, 1] (or none), or gives
// a reason; a where condition on a field matches the field's own value; a duplicate-cluster
// field (the template line as a field name) is found when it gives a value, and every nested
// name nestedFieldNames offers is found again.

#include "FuzzSupport.h"
#include "model/FieldMapping.h"

#include <algorithm>
#include <cmath>
#include <string>

using namespace synthscope::model;

namespace {

// The pair layout and the where condition of one record (a JSON object).
void checkPairsAndWhere(const Json& fields) {
    std::string error;
    // Preference pairs, when the record has a pair layout.
    if (const auto layout = detectPairMapping(fields)) {
        FieldMapping pairs;
        pairs.pairs = *layout;
        FUZZ_CHECK(FieldMapping::fromJson(pairs.toJson()).toJson() == pairs.toJson());
        MappedPair pair;
        error.clear();
        if (mapPair(fields, pairs, &pair, &error)) {
            FUZZ_CHECK(pair.first.text.find_first_not_of(" \t\r\n\f\v") != std::string::npos);
            FUZZ_CHECK(pair.second.text.find_first_not_of(" \t\r\n\f\v") != std::string::npos);
            FUZZ_CHECK(std::isnan(pair.preferSecond) ||
                       (pair.preferSecond >= 0.0 && pair.preferSecond <= 1.0));
        } else {
            FUZZ_CHECK(!error.empty());
        }
    }
    // A condition on the first field's own value holds (for a string, number or boolean).
    if (fields.empty())
        return;
    const Json& first = fields.begin().value();
    if (first.is_string() || first.is_number() || first.is_boolean()) {
        FieldMapping where;
        where.where[fields.begin().key()] =
            first.is_string() ? first.get<std::string>() : first.dump();
        FUZZ_CHECK(matchesWhere(fields, where));
        FUZZ_CHECK(FieldMapping::fromJson(where.toJson()).toJson() == where.toJson());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = synthscope::fuzz::asText(data, size);
    const std::size_t eol = input.find('\n');
    const std::string tpl(input.substr(0, eol));
    const std::string_view record = eol == std::string_view::npos ? "" : input.substr(eol + 1);
    const Json fields = Json::parse(record, nullptr, false);

    (void)FieldMapping::fromJson(fields);
    if (fields.is_object())
        checkPairsAndWhere(fields);
    // Every nested name offered in the Import dialog is found again.
    for (const std::string& name : nestedFieldNames(fields)) {
        FUZZ_CHECK(std::count(name.begin(), name.end(), '.') == 1);
        FUZZ_CHECK(findField(fields, name) != nullptr);
    }

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
    mapping.duplicateClusterField = tpl; // any name, dotted or not
    FUZZ_CHECK(FieldMapping::fromJson(mapping.toJson()).toJson() == mapping.toJson());

    MappedRecord out;
    error.clear();
    if (mapRecord(fields, mapping, &out, &error)) {
        FUZZ_CHECK(out.text.find_first_not_of(" \t\r\n\f\v") != std::string::npos);
        FUZZ_CHECK(out.meta.at("round") == "1");
        FUZZ_CHECK(out.duplicateCluster.empty() || findField(fields, tpl) != nullptr);
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
