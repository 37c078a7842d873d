#pragma once

#include "model/Json.h"

#include <optional>
#include <string>
#include <vector>

namespace synthscope::model {

/// Who speaks a turn. System turns (instructions to the model) and tool turns (a tool's output)
/// are kept and shown in Review; only user and assistant turns are analysed.
enum class TurnRole { System, User, Assistant, Tool };

/// "system", "user", "assistant" or "tool": the turns.role column and the JSON spelling.
const char* turnRoleName(TurnRole role);

struct Turn {
    TurnRole role = TurnRole::User;
    std::string content;
};

/// The record layouts a conversation is read from.
enum class ConversationFormat {
    None,
    /// OpenAI chat fine-tuning: "messages": [{"role": "system" | "developer" | "user" |
    /// "assistant" | "tool" | "function", "content": text or [{"type": "text", "text": …}]}].
    OpenAiMessages,
    /// ShareGPT: "conversations": [{"from": "system" | "human" | "user" | "gpt" | "assistant" |
    /// "chatgpt" | "bard" | "bing" | "function_call" | "observation" | "tool", "value": text}]
    /// (role/content keys are read too).
    ShareGpt,
    /// Alpaca (Taori et al. 2023): instruction, optional input, output; LLaMA-Factory's history
    /// ([[user, assistant], …], earlier turns) and system. Dolly's and Bitext's
    /// instruction/response is the same layout with another response field.
    Alpaca,
    /// prompt/completion (OpenAI's legacy fine-tuning) or prompt/response.
    PromptCompletion,
};

/// "openai", "sharegpt", "alpaca", "prompt-completion" ("" for None): CLI and JSON spelling.
const char* conversationFormatName(ConversationFormat format);
/// The inverse of conversationFormatName(); nullopt for an unknown name.
std::optional<ConversationFormat> parseConversationFormat(const std::string& name);

/// How a record's fields become a conversation. turnsField is read for OpenAiMessages and
/// ShareGpt; the other fields for Alpaca and PromptCompletion (promptField and responseField
/// required, the rest optional: empty means the layout has no such field).
struct ConversationMapping {
    ConversationFormat format = ConversationFormat::None;
    std::string turnsField;    ///< "messages" / "conversations"
    std::string promptField;   ///< "instruction" / "prompt"
    std::string inputField;    ///< "input" / "context": appended to the prompt after a blank line
    std::string responseField; ///< "output" / "response" / "completion"
    std::string historyField;  ///< "history": earlier [user, assistant] pairs
    std::string systemField;   ///< "system"

    [[nodiscard]] bool enabled() const { return format != ConversationFormat::None; }
    [[nodiscard]] Json toJson() const;
    /// The inverse of toJson(); never throws (a value of the wrong type counts as absent, and an
    /// unknown format gives a disabled mapping).
    static ConversationMapping fromJson(const Json& json);
};

/// Reads one record's conversation into *turns (in order). Rejections (false with *error, which
/// names the turn, counted from 1): the turns field missing or not an array; a turn that is not
/// an object, has no role, a role that is not text or unknown, or no content (a string, or
/// OpenAI's list of parts, whose "text", "input_text" and "output_text" parts are read; null
/// only for an assistant turn with tool_calls or function_call); an empty user turn, or an
/// empty assistant turn that calls no tool; roles out of order (system turns only first, no two
/// user turns and no two assistant turns in a row, a tool turn only after an assistant or tool
/// turn, a user turn never right after a tool turn; an assistant turn may open the
/// conversation, as a greeting); a conversation without a user turn ("no user turn (empty
/// conversation)"); a history entry that is not a pair of strings. A conversation may end on a
/// user or tool turn (it then has no response after it).
bool mapConversation(const Json& fields, const ConversationMapping& mapping,
                     std::vector<Turn>* turns, std::string* error);

/// The conversation layout of a record, when it has one, in this order: a "messages" array
/// (OpenAI), a "conversations" array (ShareGPT), instruction + output (Alpaca, with input,
/// history and system when present), instruction + response (Dolly and Bitext; their "context"
/// is a reference passage or a constant, not read), prompt + completion or prompt + response.
std::optional<ConversationMapping> detectConversationMapping(const Json& fields);

/// The usual field names of format (messages; conversations; instruction, input, output,
/// history, system; prompt, completion): a layout chosen by hand, when detection found another.
ConversationMapping defaultConversationMapping(ConversationFormat format);

/// The texts the three views analyse: all = user and assistant turns in order, prompt = the user
/// turns, response = the assistant turns, each joined by a blank line. An empty prompt or
/// response means the conversation has none.
struct ConversationTexts {
    std::string all;
    std::string prompt;
    std::string response;
};
ConversationTexts conversationTexts(const std::vector<Turn>& turns);

} // namespace synthscope::model
