#include "model/Conversation.h"

#include <array>
#include <utility>

namespace synthscope::model {

namespace {

constexpr std::array<std::pair<ConversationFormat, const char*>, 4> kFormatNames = {{
    {ConversationFormat::OpenAiMessages, "openai"},
    {ConversationFormat::ShareGpt, "sharegpt"},
    {ConversationFormat::Alpaca, "alpaca"},
    {ConversationFormat::PromptCompletion, "prompt-completion"},
}};

bool blankText(const std::string& s) {
    return s.find_first_not_of(" \t\r\n\f\v") == std::string::npos;
}

// The role a speaker name stands for in format; nullopt for a name the format does not use.
std::optional<TurnRole> roleOf(const std::string& name, ConversationFormat format) {
    if (name == "system" || (format == ConversationFormat::OpenAiMessages && name == "developer"))
        return TurnRole::System;
    if (name == "user" || (format == ConversationFormat::ShareGpt && name == "human"))
        return TurnRole::User;
    if (name == "assistant")
        return TurnRole::Assistant;
    // ShareGPT's function_call is the assistant calling a tool (LLaMA-Factory, Glaive); the
    // observation that follows is the tool's answer.
    if (format == ConversationFormat::ShareGpt &&
        (name == "gpt" || name == "chatgpt" || name == "bard" || name == "bing" ||
         name == "model" || name == "function_call"))
        return TurnRole::Assistant;
    if (name == "tool" || (format == ConversationFormat::OpenAiMessages && name == "function") ||
        (format == ConversationFormat::ShareGpt && name == "observation"))
        return TurnRole::Tool;
    return std::nullopt;
}

// A turn's content: a string, or OpenAI's list of parts whose text parts ("text", and the
// Responses API's "input_text" and "output_text") are joined; *error says what is wrong.
bool contentText(const Json& value, std::string* out, std::string* error) {
    if (value.is_string()) {
        *out = value.get<std::string>();
        return true;
    }
    if (!value.is_array()) {
        *error = std::string("content is ") + value.type_name() + ", expected text";
        return false;
    }
    out->clear();
    for (std::size_t i = 0; i < value.size(); ++i) {
        const Json& part = value[i];
        const std::string name = "content part " + std::to_string(i + 1);
        if (!part.is_object()) {
            *error = name + " is " + std::string(part.type_name()) + ", expected an object";
            return false;
        }
        const auto type = part.find("type");
        const auto text = part.find("text");
        if (type != part.end() && type->is_string() && *type != "text" && *type != "input_text" &&
            *type != "output_text")
            continue; // an image or audio part: not text to analyse
        if (text == part.end() || !text->is_string()) {
            *error = name + " has no text";
            return false;
        }
        if (!out->empty())
            out->append("\n");
        out->append(text->get<std::string>());
    }
    return true;
}

std::string turnName(std::size_t index) {
    return "turn " + std::to_string(index + 1);
}

bool readTurnList(const Json& fields, const ConversationMapping& m, std::vector<Turn>* turns,
                  std::string* error) {
    const auto list = fields.find(m.turnsField);
    if (list == fields.end() || !list->is_array()) {
        *error = list == fields.end() ? "missing conversation field '" + m.turnsField + "'"
                                      : "conversation field '" + m.turnsField + "' is " +
                                            list->type_name() + ", expected an array of turns";
        return false;
    }
    const bool shareGpt = m.format == ConversationFormat::ShareGpt;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json& t = (*list)[i];
        if (!t.is_object()) {
            *error = turnName(i) + " is " + std::string(t.type_name()) + ", expected an object";
            return false;
        }
        // ShareGPT files use from/value; some write role/content as OpenAI does.
        const char* roleKey = shareGpt && !t.contains("role") ? "from" : "role";
        const char* contentKey = shareGpt && !t.contains("content") ? "value" : "content";
        const auto role = t.find(roleKey);
        if (role == t.end() || role->is_null()) {
            *error = turnName(i) + " has no role ('" + roleKey + "')";
            return false;
        }
        if (!role->is_string()) {
            *error =
                turnName(i) + "'s role is " + std::string(role->type_name()) + ", expected text";
            return false;
        }
        const std::optional<TurnRole> r = roleOf(role->get<std::string>(), m.format);
        if (!r) {
            *error = turnName(i) + " has an unknown role '" + role->get<std::string>() + "'";
            return false;
        }
        Turn turn{*r, {}};
        const auto content = t.find(contentKey);
        // An assistant turn that only calls a tool (tool_calls, or the legacy function_call)
        // may have no text.
        // (SDK dumps write "tool_calls": null on every message: only a value counts.)
        const auto calls = [&t](const char* key) {
            const auto it = t.find(key);
            return it != t.end() && !it->is_null() && !it->empty();
        };
        const bool toolCall =
            *r == TurnRole::Assistant && (calls("tool_calls") || calls("function_call"));
        std::string why;
        if (content == t.end() || content->is_null()) {
            if (!toolCall) {
                *error = turnName(i) + " has no content ('" + contentKey + "')";
                return false;
            }
        } else if (!contentText(*content, &turn.content, &why)) {
            *error = turnName(i) + ": " + why;
            return false;
        }
        if (*r == TurnRole::Assistant && !toolCall && blankText(turn.content)) {
            *error = turnName(i) + " (assistant) is empty";
            return false;
        }
        turns->push_back(std::move(turn));
    }
    return true;
}

// A required string field of an Alpaca or prompt/completion record.
bool stringField(const Json& fields, const std::string& name, bool required, std::string* out,
                 std::string* error) {
    out->clear();
    if (name.empty())
        return true;
    const auto it = fields.find(name);
    if (it == fields.end() || it->is_null()) {
        if (required)
            *error = "missing field '" + name + "'";
        return !required;
    }
    if (!it->is_string()) {
        *error = "field '" + name + "' is " + std::string(it->type_name()) + ", expected text";
        return false;
    }
    *out = it->get<std::string>();
    return true;
}

bool readFields(const Json& fields, const ConversationMapping& m, std::vector<Turn>* turns,
                std::string* error) {
    std::string system;
    if (!stringField(fields, m.systemField, false, &system, error))
        return false;
    if (!blankText(system))
        turns->push_back({TurnRole::System, system});
    if (!m.historyField.empty())
        if (const auto h = fields.find(m.historyField); h != fields.end() && !h->is_null()) {
            if (!h->is_array()) {
                *error = "history field '" + m.historyField + "' is " +
                         std::string(h->type_name()) + ", expected a list of [user, assistant]";
                return false;
            }
            for (std::size_t i = 0; i < h->size(); ++i) {
                const Json& exchange = (*h)[i];
                if (!exchange.is_array() || exchange.size() != 2 || !exchange[0].is_string() ||
                    !exchange[1].is_string()) {
                    *error = "history entry " + std::to_string(i + 1) +
                             " is not a pair of texts [user, assistant]";
                    return false;
                }
                if (blankText(exchange[1].get_ref<const std::string&>())) {
                    *error = "history entry " + std::to_string(i + 1) + " has an empty answer";
                    return false;
                }
                turns->push_back({TurnRole::User, exchange[0].get<std::string>()});
                turns->push_back({TurnRole::Assistant, exchange[1].get<std::string>()});
            }
        }
    std::string prompt;
    std::string input;
    std::string response;
    if (!stringField(fields, m.promptField, true, &prompt, error) ||
        !stringField(fields, m.inputField, false, &input, error) ||
        !stringField(fields, m.responseField, true, &response, error))
        return false;
    if (!blankText(input))
        prompt = blankText(prompt) ? input : prompt + "\n\n" + input;
    turns->push_back({TurnRole::User, prompt});
    if (blankText(response)) {
        *error = "empty response in '" + m.responseField + "'";
        return false;
    }
    turns->push_back({TurnRole::Assistant, response});
    return true;
}

// The order rules of mapConversation().
bool checkOrder(const std::vector<Turn>& turns, std::string* error) {
    bool spoken = false; // a user turn has been seen
    std::optional<TurnRole> previous;
    for (std::size_t i = 0; i < turns.size(); ++i) {
        const TurnRole r = turns[i].role;
        const auto outOfOrder = [&](const std::string& why) {
            *error = "roles out of order: " + turnName(i) + " (" + turnRoleName(r) + ") " + why;
            return false;
        };
        switch (r) {
        case TurnRole::System:
            if (previous && previous != TurnRole::System)
                return outOfOrder("comes after the conversation began");
            break;
        case TurnRole::User:
            if (blankText(turns[i].content)) {
                *error = turnName(i) + " (user) is empty";
                return false;
            }
            if (previous == TurnRole::User)
                return outOfOrder("follows another user turn");
            if (previous == TurnRole::Tool)
                return outOfOrder("follows a tool turn (the assistant answers a tool)");
            spoken = true;
            break;
        case TurnRole::Assistant: // may open the conversation (a greeting)
            if (previous == TurnRole::Assistant)
                return outOfOrder("follows another assistant turn");
            break;
        case TurnRole::Tool:
            if (previous != TurnRole::Assistant && previous != TurnRole::Tool)
                return outOfOrder("does not follow an assistant turn");
            break;
        }
        previous = r;
    }
    if (!spoken) {
        *error = "no user turn (empty conversation)";
        return false;
    }
    return true;
}

void appendPart(std::string* to, const std::string& part) {
    if (!to->empty())
        to->append("\n\n");
    to->append(part);
}

} // namespace

const char* turnRoleName(TurnRole role) {
    switch (role) {
    case TurnRole::System:
        return "system";
    case TurnRole::User:
        return "user";
    case TurnRole::Assistant:
        return "assistant";
    case TurnRole::Tool:
        return "tool";
    }
    return "user";
}

const char* conversationFormatName(ConversationFormat format) {
    for (const auto& [f, name] : kFormatNames)
        if (f == format)
            return name;
    return "";
}

std::optional<ConversationFormat> parseConversationFormat(const std::string& name) {
    for (const auto& [f, n] : kFormatNames)
        if (name == n)
            return f;
    return std::nullopt;
}

Json ConversationMapping::toJson() const {
    Json j = Json::object();
    j["format"] = conversationFormatName(format);
    const std::pair<const char*, const std::string*> named[] = {
        {"turns_field", &turnsField},     {"prompt_field", &promptField},
        {"input_field", &inputField},     {"response_field", &responseField},
        {"history_field", &historyField}, {"system_field", &systemField}};
    for (const auto& [key, value] : named)
        if (!value->empty())
            j[key] = *value;
    return j;
}

ConversationMapping ConversationMapping::fromJson(const Json& j) {
    ConversationMapping m;
    if (!j.is_object())
        return m;
    const auto text = [&j](const char* key) {
        const auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const std::optional<ConversationFormat> format = parseConversationFormat(text("format"));
    if (!format)
        return m;
    m.format = *format;
    m.turnsField = text("turns_field");
    m.promptField = text("prompt_field");
    m.inputField = text("input_field");
    m.responseField = text("response_field");
    m.historyField = text("history_field");
    m.systemField = text("system_field");
    return m;
}

bool mapConversation(const Json& fields, const ConversationMapping& mapping,
                     std::vector<Turn>* turns, std::string* error) {
    turns->clear();
    if (!fields.is_object()) {
        *error = "the record is not an object";
        return false;
    }
    bool read = false;
    switch (mapping.format) {
    case ConversationFormat::None:
        *error = "no conversation layout";
        return false;
    case ConversationFormat::OpenAiMessages:
    case ConversationFormat::ShareGpt:
        read = readTurnList(fields, mapping, turns, error);
        break;
    case ConversationFormat::Alpaca:
    case ConversationFormat::PromptCompletion:
        read = readFields(fields, mapping, turns, error);
        break;
    }
    return read && checkOrder(*turns, error);
}

std::optional<ConversationMapping> detectConversationMapping(const Json& fields) {
    if (!fields.is_object())
        return std::nullopt;
    const auto has = [&fields](const char* key, bool (Json::*is)() const noexcept) {
        const auto it = fields.find(key);
        return it != fields.end() && ((*it).*is)();
    };
    const auto isString = [&has](const char* key) { return has(key, &Json::is_string); };
    ConversationMapping m;
    if (has("messages", &Json::is_array)) {
        m.format = ConversationFormat::OpenAiMessages;
        m.turnsField = "messages";
        return m;
    }
    if (has("conversations", &Json::is_array)) {
        m.format = ConversationFormat::ShareGpt;
        m.turnsField = "conversations";
        return m;
    }

    if (isString("instruction") && (isString("output") || isString("response"))) {
        m.format = ConversationFormat::Alpaca;
        m.promptField = "instruction";
        m.responseField = isString("output") ? "output" : "response";
        // Optional fields are read from every record that has them, whether or not the first
        // does. Not Dolly's or Bitext's "context": a reference passage or a constant
        // ("customer support"), not what the user typed.
        m.inputField = "input";
        m.historyField = "history";
        m.systemField = "system";
        return m;
    }
    if (isString("prompt") && (isString("completion") || isString("response"))) {
        m.format = ConversationFormat::PromptCompletion;
        m.promptField = "prompt";
        m.responseField = isString("completion") ? "completion" : "response";
        m.systemField = "system";
        return m;
    }
    return std::nullopt;
}

ConversationMapping defaultConversationMapping(ConversationFormat format) {
    ConversationMapping m;
    m.format = format;
    switch (format) {
    case ConversationFormat::None:
        break;
    case ConversationFormat::OpenAiMessages:
        m.turnsField = "messages";
        break;
    case ConversationFormat::ShareGpt:
        m.turnsField = "conversations";
        break;
    case ConversationFormat::Alpaca:
        m.promptField = "instruction";
        m.inputField = "input";
        m.responseField = "output";
        m.historyField = "history";
        m.systemField = "system";
        break;
    case ConversationFormat::PromptCompletion:
        m.promptField = "prompt";
        m.responseField = "completion";
        break;
    }
    return m;
}

ConversationTexts conversationTexts(const std::vector<Turn>& turns) {
    ConversationTexts out;
    for (const Turn& t : turns) {
        if (t.role != TurnRole::User && t.role != TurnRole::Assistant)
            continue;
        if (blankText(t.content))
            continue; // an assistant turn that only called a tool
        appendPart(&out.all, t.content);
        appendPart(t.role == TurnRole::User ? &out.prompt : &out.response, t.content);
    }
    return out;
}

} // namespace synthscope::model
