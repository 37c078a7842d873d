#pragma once

#include "model/Json.h"

#include <map>
#include <string>

namespace synthscope::model {

/// Provenance fields a corpus can carry per sample.
inline constexpr const char* kMetaKeys[] = {"generator", "template_version", "judge_version",
                                            "round"};

/// How a record's fields become a sample.
///
/// Text comes from textField, or (when textTemplate is set) from a template in which {name}
/// is replaced by field name's value; "{{" and "}}" are literal braces and the escapes \n,
/// \t and \\ stand for a line break, a tab and a backslash. Strings are used as they are,
/// numbers and booleans as their JSON text. labelField is optional. meta maps a provenance
/// key (kMetaKeys) to a template: a fixed value ("gpt-4") or fields ("{model}").
struct FieldMapping {
    std::string textField = "text";
    std::string textTemplate;
    std::string labelField;
    std::map<std::string, std::string> meta;

    /// A JSON object for the project file and manifests.
    [[nodiscard]] Json toJson() const;
    /// The inverse of toJson(). Never throws: what a damaged project file holds in place of a
    /// string (or of the "meta" object and its string values) counts as absent, and a JSON value
    /// that is not an object gives an empty mapping. fromJson(m.toJson()).toJson() == m.toJson().
    static FieldMapping fromJson(const Json& json);
};

struct MappedRecord {
    std::string text;
    std::string label;
    std::map<std::string, std::string> meta;
};

/// Applies mapping to one record's fields. Rejections (returned as *error, and false):
/// missing text field or template field, a text field of the wrong type (null, array or object),
/// empty text (only whitespace), a label of the wrong type (array or object).
/// A missing or null label, or a missing field in a meta template, gives an empty value.
bool mapRecord(const Json& fields, const FieldMapping& mapping, MappedRecord* out,
               std::string* error);

/// Checks a template's syntax; false with *error for an unclosed '{' or a stray '}'.
bool validateTemplate(const std::string& text, std::string* error);

} // namespace synthscope::model
