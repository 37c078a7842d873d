#pragma once

#include "model/Conversation.h"
#include "model/Json.h"
#include "model/RecordReader.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

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
/// How a record holding two outputs for one prompt becomes a preference pair: two samples
/// (first and second output, in the record's order) and the judge's verdict.
///
/// Layouts detectPairMapping() recognises: AlpacaEval annotations (instruction, output_1,
/// output_2, generator_1, generator_2, preference: 1 = first, 2 = second, 1.5 a tie, numbers
/// or numeric strings) and chosen/rejected pairs (prompt, chosen, rejected: the first output is
/// always the preferred one, as in Anthropic HH-RLHF and DPO datasets).
struct PairMapping {
    std::string promptField; ///< optional: the instruction both outputs answer
    std::string firstField;  ///< empty: the records are not pairs
    std::string secondField;
    /// Generator of each output: a template as for FieldMapping::meta ("{generator_1}"), or empty.
    std::string firstGenerator;
    std::string secondGenerator;
    /// Field of the verdict: a number or numeric string in [1, 2] (1 = first preferred,
    /// 2 = second, 1.5 a tie, between: a weighted verdict), 0 or null for none (a failed
    /// judgement). Empty: the first output is always preferred (chosen/rejected).
    std::string preferenceField;

    [[nodiscard]] bool enabled() const { return !firstField.empty(); }
};

struct FieldMapping {
    std::string textField = "text";
    std::string textTemplate;
    std::string labelField;
    std::map<std::string, std::string> meta;
    /// When enabled, each record is a preference pair: textField and textTemplate are unused,
    /// labelField and meta apply to both outputs (a generator of the pair's own overrides meta's).
    PairMapping pairs;
    /// When enabled (and pairs is not), each record is a conversation: its turns are kept with
    /// their roles and textField and textTemplate are unused.
    ConversationMapping conversation;
    /// What a text from textField or textTemplate is: "prompt" (a user's input), "response"
    /// (a model's or agent's answer) or empty (unknown: analysed in the 'all' view only).
    std::string textRole;
    /// Only records whose field has this value are imported (all must hold): a string field
    /// compares as it is, a number or boolean as its JSON text ("True" and true differ). A
    /// record that does not match is skipped, neither stored nor rejected. Empty: every record.
    std::map<std::string, std::string> where;
    /// Optional: the field holding a duplicate-cluster id computed elsewhere (datatrove's
    /// MinHash stages write "metadata.minhash_cluster", NeMo Curator's fuzzy deduplication
    /// "group", text-dedup "__cluster__"). A string, number or boolean; missing or null: the
    /// record is in no imported cluster; an array or object: the record is rejected. Samples of
    /// one corpus with equal ids are one near-duplicate group in the analysis
    /// (analysis::CorpusInput::duplicateClusters). Of a preference pair, first outputs group
    /// with first outputs and second with second (the id gets "\x1f" "first" or "second").
    std::string duplicateClusterField;

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
    std::string duplicateCluster; ///< empty: none (FieldMapping::duplicateClusterField)
    std::map<std::string, std::string> meta;
};

/// The value of field name in a record: the member of that exact name, else (when name holds
/// dots and no member has that name) the path through nested objects, "metadata.minhash_cluster"
/// → fields["metadata"]["minhash_cluster"]. nullptr: missing, or fields is not an object. The
/// text field, a template's fields, the label, the duplicate-cluster field and a pair's two
/// output fields are looked up this way (a pair's prompt and verdict and where conditions by
/// their exact name).
const Json* findField(const Json& fields, const std::string& name);

/// The dotted names findField() reaches in a record one level down: "metadata.minhash_cluster"
/// for each string, number or boolean member of an object-valued field, in the record's order
/// (names that hold a dot themselves are left out: findField would read them as a path).
std::vector<std::string> nestedFieldNames(const Json& fields);

/// The names worth offering for a text, label or duplicate-cluster field, given the field names
/// of records (in first-seen order, as previewFile() reports them) and the records: each name
/// whose value is a string, number or boolean in at least one record, then each record's
/// nestedFieldNames(), without repeats. A field that only ever holds an object, an array or null
/// is left out: as a text every record would be a reject ("expected a string, number or
/// boolean"). When no name qualifies (a file of conversations only), every name of fields.
std::vector<std::string> mappableFieldNames(const std::vector<std::string>& fields,
                                            const std::vector<RawRecord>& records);

/// Applies mapping to one record's fields. Rejections (returned as *error, and false):
/// missing text field or template field, a text field of the wrong type (null, array or object),
/// empty text (only whitespace), a label of the wrong type (array or object).
/// A missing or null label, or a missing field in a meta template, gives an empty value.
bool mapRecord(const Json& fields, const FieldMapping& mapping, MappedRecord* out,
               std::string* error);

/// The label and provenance part of mapRecord(): out->label and out->meta (out->text untouched).
/// Rejects a label of the wrong type (array or object).
bool mapLabelAndMeta(const Json& fields, const FieldMapping& mapping, MappedRecord* out,
                     std::string* error);

/// One record mapped as a preference pair.
struct MappedPair {
    MappedRecord first;
    MappedRecord second;
    std::string prompt;
    /// Probability that the second output is preferred, in [0, 1]; NaN: no verdict.
    double preferSecond = 0.0;
};

/// Applies mapping.pairs to one record. Rejections (false with *error): either output missing,
/// of the wrong type or empty (as mapRecord, naming the field), a prompt of the wrong type, a
/// verdict that is not a number or numeric string, or a number outside [1, 2] other than 0.
bool mapPair(const Json& fields, const FieldMapping& mapping, MappedPair* out, std::string* error);

/// The pair layout of a record, when it has one: output_1, output_2 and preference
/// (AlpacaEval) or chosen and rejected, the outputs strings. The optional fields (instruction or
/// prompt, generator_1, generator_2) are used when they are strings in this record.
std::optional<PairMapping> detectPairMapping(const Json& fields);

/// Whether a record passes mapping.where (always, when it is empty).
bool matchesWhere(const Json& fields, const FieldMapping& mapping);

/// Checks a template's syntax; false with *error for an unclosed '{' or a stray '}'.
bool validateTemplate(const std::string& text, std::string* error);

} // namespace synthscope::model
