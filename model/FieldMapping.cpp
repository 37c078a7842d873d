#include "model/FieldMapping.h"

#include <algorithm>

#include <cctype>
#include <charconv>
#include <limits>

namespace synthscope::model {

const Json* findField(const Json& fields, const std::string& name) {
    if (!fields.is_object())
        return nullptr;
    if (const auto it = fields.find(name); it != fields.end())
        return &*it;
    const Json* at = &fields;
    for (std::size_t begin = 0; at != nullptr;) {
        const std::size_t dot = name.find('.', begin);
        if (dot == std::string::npos && begin == 0)
            return nullptr; // no dot: the exact lookup above was the only one
        const std::string part = name.substr(begin, dot == std::string::npos ? dot : dot - begin);
        const auto it = at->is_object() ? at->find(part) : at->end();
        at = at->is_object() && it != at->end() ? &*it : nullptr;
        if (dot == std::string::npos)
            return at;
        begin = dot + 1;
    }
    return nullptr;
}

std::vector<std::string> nestedFieldNames(const Json& fields) {
    std::vector<std::string> out;
    if (!fields.is_object())
        return out;
    // A name with a dot of its own would be read as a path to somewhere else: left out.
    for (const auto& [key, value] : fields.items())
        if (value.is_object() && key.find('.') == std::string::npos)
            for (const auto& [sub, inner] : value.items())
                if ((inner.is_string() || inner.is_number() || inner.is_boolean()) &&
                    sub.find('.') == std::string::npos)
                    out.push_back(key + "." + sub);
    return out;
}

std::vector<std::string> mappableFieldNames(const std::vector<std::string>& fields,
                                            const std::vector<RawRecord>& records) {
    std::vector<std::string> out;
    for (const std::string& name : fields)
        if (std::any_of(records.begin(), records.end(), [&name](const RawRecord& r) {
                const auto it = r.fields.is_object() ? r.fields.find(name) : r.fields.end();
                return it != r.fields.end() &&
                       (it->is_string() || it->is_number() || it->is_boolean());
            }))
            out.push_back(name);
    if (out.empty())
        return fields;
    for (const RawRecord& r : records)
        for (std::string& name : nestedFieldNames(r.fields))
            if (std::find(out.begin(), out.end(), name) == out.end())
                out.push_back(std::move(name));
    return out;
}

namespace {

enum class Need { Required, Optional };

// Scalar field value as text; false with error for a missing/wrong-typed required value.
bool scalarText(const Json& fields, const std::string& name, Need need, const char* role,
                std::string* out, std::string* error) {
    const Json* it = findField(fields, name);
    if (it == nullptr || it->is_null()) {
        if (need == Need::Optional) {
            out->clear();
            return true;
        }
        *error = it == nullptr ? "missing " + std::string(role) + " field '" + name + "'"
                               : std::string(role) + " field '" + name + "' is null";
        return false;
    }
    if (it->is_string()) {
        *out = it->get<std::string>();
        return true;
    }
    if (it->is_number() || it->is_boolean()) {
        *out = it->dump();
        return true;
    }
    *error = std::string(role) + " field '" + name + "' is " + it->type_name() +
             ", expected a string, number or boolean";
    return false;
}

// Expands a template; fields missing are an error when need is Required.
bool expand(const std::string& tpl, const Json& fields, Need need, std::string* out,
            std::string* error) {
    out->clear();
    for (std::size_t i = 0; i < tpl.size(); ++i) {
        const char c = tpl[i];
        if (c == '\\' && i + 1 < tpl.size()) {
            const char n = tpl[i + 1];
            if (n == 'n' || n == 't' || n == '\\') {
                out->push_back(n == 'n' ? '\n' : n == 't' ? '\t' : '\\');
                ++i;
                continue;
            }
        }
        if ((c == '{' || c == '}') && i + 1 < tpl.size() && tpl[i + 1] == c) {
            out->push_back(c);
            ++i;
            continue;
        }
        if (c == '{') {
            const auto close = tpl.find('}', i);
            if (close == std::string::npos) {
                *error = "template has an unclosed '{'";
                return false;
            }
            std::string value;
            if (!scalarText(fields, tpl.substr(i + 1, close - i - 1), need, "template", &value,
                            error))
                return false;
            out->append(value);
            i = close;
            continue;
        }
        out->push_back(c);
    }
    return true;
}

bool blank(const std::string& s) {
    return s.find_first_not_of(" \t\r\n\f\v") == std::string::npos;
}

} // namespace

Json FieldMapping::toJson() const {
    Json j = Json::object();
    if (textTemplate.empty())
        j["text_field"] = textField;
    else
        j["text_template"] = textTemplate;
    if (!labelField.empty())
        j["label_field"] = labelField;
    if (!meta.empty())
        j["meta"] = meta;
    if (!where.empty())
        j["where"] = where;
    if (pairs.enabled()) {
        Json p = Json::object();
        const std::pair<const char*, const std::string*> fields[] = {
            {"prompt_field", &pairs.promptField},
            {"first_field", &pairs.firstField},
            {"second_field", &pairs.secondField},
            {"first_generator", &pairs.firstGenerator},
            {"second_generator", &pairs.secondGenerator},
            {"preference_field", &pairs.preferenceField}};
        for (const auto& [key, value] : fields)
            if (!value->empty())
                p[key] = *value;
        j["pairs"] = p;
    }
    if (conversation.enabled())
        j["conversation"] = conversation.toJson();
    if (!textRole.empty())
        j["text_role"] = textRole;
    if (!duplicateClusterField.empty())
        j["duplicate_cluster_field"] = duplicateClusterField;
    return j;
}

FieldMapping FieldMapping::fromJson(const Json& j) {
    FieldMapping m;
    m.textField.clear();
    if (!j.is_object())
        return m;
    const auto text = [&j](const char* key) {
        const auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    m.textField = text("text_field");
    m.textTemplate = text("text_template");
    m.labelField = text("label_field");
    m.duplicateClusterField = text("duplicate_cluster_field");
    if (const auto it = j.find("meta"); it != j.end() && it->is_object())
        for (const auto& [key, value] : it->items())
            if (value.is_string())
                m.meta[key] = value.get<std::string>();
    if (const auto it = j.find("where"); it != j.end() && it->is_object())
        for (const auto& [key, value] : it->items())
            if (value.is_string())
                m.where[key] = value.get<std::string>();
    if (const auto it = j.find("pairs"); it != j.end() && it->is_object()) {
        const auto pairText = [&it](const char* key) {
            const auto f = it->find(key);
            return f != it->end() && f->is_string() ? f->get<std::string>() : std::string();
        };
        m.pairs.promptField = pairText("prompt_field");
        m.pairs.firstField = pairText("first_field");
        m.pairs.secondField = pairText("second_field");
        m.pairs.firstGenerator = pairText("first_generator");
        m.pairs.secondGenerator = pairText("second_generator");
        m.pairs.preferenceField = pairText("preference_field");
    }
    if (const auto it = j.find("conversation"); it != j.end())
        m.conversation = ConversationMapping::fromJson(*it);
    if (const std::string role = text("text_role"); role == "prompt" || role == "response")
        m.textRole = role;
    return m;
}

bool validateTemplate(const std::string& text, std::string* error) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((text[i] == '{' || text[i] == '}') && i + 1 < text.size() && text[i + 1] == text[i]) {
            ++i;
            continue;
        }
        if (text[i] == '}') {
            *error = "template has a '}' without '{'";
            return false;
        }
        if (text[i] == '{') {
            const auto close = text.find('}', i);
            if (close == std::string::npos) {
                *error = "template has an unclosed '{'";
                return false;
            }
            if (close == i + 1) {
                *error = "template has an empty field name '{}'";
                return false;
            }
            i = close;
        }
    }
    return true;
}

bool mapRecord(const Json& fields, const FieldMapping& mapping, MappedRecord* out,
               std::string* error) {
    if (!mapping.textTemplate.empty()) {
        if (!expand(mapping.textTemplate, fields, Need::Required, &out->text, error))
            return false;
    } else if (!scalarText(fields, mapping.textField, Need::Required, "text", &out->text, error)) {
        return false;
    }
    if (blank(out->text)) {
        *error = "empty text";
        return false;
    }
    return mapLabelAndMeta(fields, mapping, out, error);
}

bool mapLabelAndMeta(const Json& fields, const FieldMapping& mapping, MappedRecord* out,
                     std::string* error) {
    out->label.clear();
    if (!mapping.labelField.empty() &&
        !scalarText(fields, mapping.labelField, Need::Optional, "label", &out->label, error))
        return false;
    out->duplicateCluster.clear();
    if (!mapping.duplicateClusterField.empty() &&
        !scalarText(fields, mapping.duplicateClusterField, Need::Optional, "duplicate cluster",
                    &out->duplicateCluster, error))
        return false;
    out->meta.clear();
    for (const auto& [key, tpl] : mapping.meta) {
        std::string value;
        std::string ignored;
        if (!expand(tpl, fields, Need::Optional, &value, &ignored))
            value.clear();
        out->meta[key] = value;
    }
    return true;
}

namespace {

// The verdict field's value as the probability that the second output is preferred.
bool parseVerdict(const Json& value, double* preferSecond, std::string* error) {
    double v = 0.0;
    if (value.is_null()) {
        *preferSecond = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (value.is_number()) {
        v = value.get<double>();
    } else if (value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        const char* begin = text.data();
        const char* end = begin + text.size();
        while (begin < end && std::isspace(static_cast<unsigned char>(*begin)))
            ++begin;
        while (end > begin && std::isspace(static_cast<unsigned char>(end[-1])))
            --end;
        const auto [ptr, ec] = std::from_chars(begin, end, v);
        if (begin == end || ec != std::errc() || ptr != end) {
            *error = "preference is not a number";
            return false;
        }
    } else {
        *error = "preference is not a number";
        return false;
    }
    if (v == 0.0) {
        *preferSecond = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (!(v >= 1.0 && v <= 2.0)) {
        *error = "preference must be between 1 (first output) and 2 (second), or 0 for none";
        return false;
    }
    *preferSecond = v - 1.0;
    return true;
}

} // namespace

bool mapPair(const Json& fields, const FieldMapping& mapping, MappedPair* out, std::string* error) {
    const PairMapping& p = mapping.pairs;
    FieldMapping side = mapping;
    side.pairs = {};
    side.textTemplate.clear();
    const auto mapSide = [&](const std::string& field, const std::string& generator,
                             MappedRecord* into) {
        side.textField = field;
        side.meta = mapping.meta; // each output starts from the corpus's provenance
        if (!generator.empty())
            side.meta["generator"] = generator;
        if (!mapRecord(fields, side, into, error)) {
            if (*error == "empty text")
                *error = "empty output in '" + field + "'";
            return false;
        }
        return true;
    };
    if (!mapSide(p.firstField, p.firstGenerator, &out->first) ||
        !mapSide(p.secondField, p.secondGenerator, &out->second))
        return false;
    // An engine clusters records: the first outputs of two records in one cluster are the
    // duplicates, and so are the second ones; a pair's own two outputs are not.
    if (!out->first.duplicateCluster.empty()) {
        out->first.duplicateCluster += "\x1f"
                                       "first";
        out->second.duplicateCluster += "\x1f"
                                        "second";
    }
    out->prompt.clear();
    if (!p.promptField.empty())
        if (const auto it = fields.find(p.promptField); it != fields.end() && !it->is_null()) {
            if (!it->is_string()) {
                *error = "prompt field '" + p.promptField + "' is not text";
                return false;
            }
            out->prompt = it->get<std::string>();
        }
    out->preferSecond = 0.0; // chosen/rejected: the first output is the preferred one
    if (!p.preferenceField.empty()) {
        const auto it = fields.find(p.preferenceField);
        if (!parseVerdict(it == fields.end() ? Json() : *it, &out->preferSecond, error))
            return false;
    }
    return true;
}

bool matchesWhere(const Json& fields, const FieldMapping& mapping) {
    for (const auto& [field, wanted] : mapping.where) {
        const auto it = fields.find(field);
        if (it == fields.end() || it->is_null() || it->is_array() || it->is_object())
            return false;
        if (it->is_string() ? it->get_ref<const std::string&>() != wanted : it->dump() != wanted)
            return false;
    }
    return true;
}

std::optional<PairMapping> detectPairMapping(const Json& fields) {
    if (!fields.is_object())
        return std::nullopt;
    const auto isString = [&fields](const char* key) {
        const auto it = fields.find(key);
        return it != fields.end() && it->is_string();
    };
    PairMapping p;
    if (isString("output_1") && isString("output_2") && fields.contains("preference")) {
        p.firstField = "output_1";
        p.secondField = "output_2";
        p.preferenceField = "preference";
        if (isString("instruction"))
            p.promptField = "instruction";
        if (isString("generator_1"))
            p.firstGenerator = "{generator_1}";
        if (isString("generator_2"))
            p.secondGenerator = "{generator_2}";
        return p;
    }
    if (isString("chosen") && isString("rejected")) {
        p.firstField = "chosen";
        p.secondField = "rejected";
        if (isString("prompt")) // a prompt given as a list of messages is not read (yet)
            p.promptField = "prompt";
        return p;
    }
    return std::nullopt;
}

} // namespace synthscope::model
