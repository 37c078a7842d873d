#include "model/FieldMapping.h"

namespace synthscope::model {

namespace {

enum class Need { Required, Optional };

// Scalar field value as text; false with error for a missing/wrong-typed required value.
bool scalarText(const Json& fields, const std::string& name, Need need, const char* role,
                std::string* out, std::string* error) {
    auto it = fields.find(name);
    if (it == fields.end() || it->is_null()) {
        if (need == Need::Optional) {
            out->clear();
            return true;
        }
        *error = it == fields.end() ? "missing " + std::string(role) + " field '" + name + "'"
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
    *error =
        std::string(role) + " field '" + name + "' is " + it->type_name() + ", expected a string";
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
    if (const auto it = j.find("meta"); it != j.end() && it->is_object())
        for (const auto& [key, value] : it->items())
            if (value.is_string())
                m.meta[key] = value.get<std::string>();
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
    out->label.clear();
    if (!mapping.labelField.empty() &&
        !scalarText(fields, mapping.labelField, Need::Optional, "label", &out->label, error))
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

} // namespace synthscope::model
