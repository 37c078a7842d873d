// Conversations on import: the layouts, the order rules, the turns and texts stored, and LIMA.
#include "model/Conversation.h"
#include "TestSupport.h"
#include "model/Analyzer.h"
#include "model/Gate.h"
#include "model/Importer.h"
#include "model/ProjectStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace synthscope::model;
using namespace Qt::Literals::StringLiterals;
namespace test = synthscope::test;

namespace {

struct Stored {
    ImportReport report;
    QList<RejectedRow> rejects;
    QStringList texts, prompts, responses; // "<null>" for NULL
    QStringList turns;                     // per sample "role:content|role:content"
};

QString orNull(const QVariant& v) {
    return v.isNull() ? u"<null>"_s : v.toString();
}

Stored importConversations(Project& project, const QString& path, const FieldMapping& mapping) {
    ImportSpec spec;
    spec.corpusName = u"c"_s;
    spec.files = {path};
    spec.mapping = mapping;
    Stored out;
    const Status s = importCorpus(project, spec, {}, &out.report);
    EXPECT_TRUE(s.ok()) << s.error().toStdString();
    out.rejects = ProjectStore(project).rejects(out.report.corpusId);
    QSqlQuery q(project.connection());
    EXPECT_TRUE(q.exec(u"SELECT id, text, prompt, response FROM samples ORDER BY id"_s));
    while (q.next()) {
        out.texts << q.value(1).toString();
        out.prompts << orNull(q.value(2));
        out.responses << orNull(q.value(3));
        QSqlQuery t(project.connection());
        t.prepare(u"SELECT role, content FROM turns WHERE sample_id = ? ORDER BY position"_s);
        t.addBindValue(q.value(0));
        EXPECT_TRUE(t.exec());
        QStringList parts;
        while (t.next())
            parts << t.value(0).toString() + u':' + t.value(1).toString();
        out.turns << parts.join(u'|');
    }
    EXPECT_EQ(out.report.rowsIn, out.report.stored + out.report.rejected);
    EXPECT_EQ(out.report.conversations, out.texts.size());
    return out;
}

FieldMapping conversationOf(const QString& path) {
    const auto layout = detectRecordLayout(path, InputFormat::Auto);
    EXPECT_TRUE(layout.has_value());
    return layout ? *layout : FieldMapping{};
}

} // namespace

TEST(Conversation, OpenAiMessagesKeepTurnsAndRejectBadStructure) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const QString path = test::writeFile(
        dir, u"chat.jsonl"_s,
        // 1: system + two exchanges
        R"({"messages": [{"role": "system", "content": "You are terse."}, {"role": "user", "content": "hi"}, {"role": "assistant", "content": "Hello."}, {"role": "user", "content": "bye"}, {"role": "assistant", "content": "Bye."}]})"
        "\n"
        // 2: content as parts, a tool call and its result
        R"({"messages": [{"role": "user", "content": [{"type": "text", "text": "weather?"}, {"type": "image_url", "image_url": {"url": "x"}}]}, {"role": "assistant", "content": null, "tool_calls": [{"id": "1"}]}, {"role": "tool", "content": "sunny"}, {"role": "assistant", "content": "Sunny."}]})"
        "\n"
        R"({"messages": [{"content": "no role"}]})"
        "\n" // 3
        R"({"messages": [{"role": "user"}]})"
        "\n" // 4
        R"({"messages": [{"role": "user", "content": "a"}, {"role": "user", "content": "b"}]})"
        "\n" // 5
        R"({"messages": []})"
        "\n" // 6
        R"({"messages": [{"role": "assistant", "content": "first"}]})"
        "\n" // 7
        R"({"messages": [{"role": "user", "content": "a"}, {"role": "system", "content": "late"}]})"
        "\n" // 8
        R"({"messages": [{"role": "wizard", "content": "a"}]})"
        "\n" // 9
        R"({"messages": "hello"})"
        "\n"); // 10
    const FieldMapping mapping = conversationOf(path);
    EXPECT_EQ(mapping.conversation.format, ConversationFormat::OpenAiMessages);
    EXPECT_FALSE(mapping.pairs.enabled());
    const Stored s = importConversations(*p, path, mapping);
    ASSERT_EQ(s.texts.size(), 2);
    EXPECT_EQ(s.turns[0],
              u"system:You are terse.|user:hi|assistant:Hello.|user:bye|assistant:Bye."_s);
    EXPECT_EQ(s.texts[0], u"hi\n\nHello.\n\nbye\n\nBye."_s); // the system prompt is not text
    EXPECT_EQ(s.prompts[0], u"hi\n\nbye"_s);
    EXPECT_EQ(s.responses[0], u"Hello.\n\nBye."_s);
    EXPECT_EQ(s.turns[1], u"user:weather?|assistant:|tool:sunny|assistant:Sunny."_s);
    EXPECT_EQ(s.responses[1], u"Sunny."_s);
    EXPECT_EQ(s.report.multiTurn, 1);
    ASSERT_EQ(s.rejects.size(), 8);
    const QStringList expected = {
        u"turn 1 has no role ('role')"_s,
        u"turn 1 has no content ('content')"_s,
        u"roles out of order: turn 2 (user) follows another user turn"_s,
        u"no user turn (empty conversation)"_s,
        u"no user turn (empty conversation)"_s, // an assistant alone
        u"roles out of order: turn 2 (system) comes after the conversation began"_s,
        u"turn 1 has an unknown role 'wizard'"_s,
        u"conversation field 'messages' is string, expected an array of turns"_s};
    for (int i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(s.rejects[i].line, i + 3);
        EXPECT_EQ(s.rejects[i].reason, expected[i]);
    }
}

TEST(Conversation, ShareGptMapsSpeakersToRoles) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const QString path = test::writeFile(
        dir, u"sharegpt.json"_s,
        R"([{"id": "a", "conversations": [{"from": "system", "value": "Be kind."}, {"from": "human", "value": "q1"}, {"from": "gpt", "value": "a1"}, {"from": "human", "value": "q2"}, {"from": "gpt", "value": "a2"}]},
{"id": "b", "conversations": [{"from": "human", "value": "   "}, {"from": "gpt", "value": "a"}]},
{"id": "c", "conversations": [{"from": "gpt", "value": "a"}, {"from": "gpt", "value": "b"}]},
{"id": "d", "conversations": [{"from": "human", "value": "q"}, {"from": "observation", "value": "r"}]}])");
    const FieldMapping mapping = conversationOf(path);
    EXPECT_EQ(mapping.conversation.format, ConversationFormat::ShareGpt);
    const Stored s = importConversations(*p, path, mapping);
    ASSERT_EQ(s.texts.size(), 1);
    EXPECT_EQ(s.turns[0], u"system:Be kind.|user:q1|assistant:a1|user:q2|assistant:a2"_s);
    EXPECT_EQ(s.prompts[0], u"q1\n\nq2"_s);
    ASSERT_EQ(s.rejects.size(), 3);
    EXPECT_EQ(s.rejects[0].reason, u"turn 1 (user) is empty"_s);
    EXPECT_EQ(s.rejects[1].reason,
              u"roles out of order: turn 2 (assistant) follows another assistant turn"_s);
    EXPECT_EQ(s.rejects[2].reason,
              u"roles out of order: turn 2 (tool) does not follow an assistant turn"_s);
}

// Tool calling as the common layouts write it, greetings, and the reasons for what is wrong.
TEST(Conversation, ToolCallsGreetingsAndPreciseReasons) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const QString sharegpt = test::writeFile(
        dir, u"tools.json"_s,
        // 1: LLaMA-Factory / Glaive: the assistant's function_call, the tool's observation
        R"([{"conversations": [{"from": "human", "value": "weather?"}, {"from": "function_call", "value": "{\"name\": \"w\"}"}, {"from": "observation", "value": "sunny"}, {"from": "gpt", "value": "Sunny."}]},
{"conversations": [{"value": "no speaker"}]},
{"conversations": [{"from": "human"}]}])");
    Stored s = importConversations(*p, sharegpt, conversationOf(sharegpt));
    ASSERT_EQ(s.turns.size(), 1);
    EXPECT_EQ(s.turns[0],
              u"user:weather?|assistant:{\"name\": \"w\"}|tool:sunny|assistant:Sunny."_s);
    ASSERT_EQ(s.rejects.size(), 2);
    EXPECT_EQ(s.rejects[0].reason, u"turn 1 has no role ('from')"_s); // ShareGPT's own keys
    EXPECT_EQ(s.rejects[1].reason, u"turn 1 has no content ('value')"_s);

    QTemporaryDir dir2;
    auto q = test::newProject(dir2);
    const QString openai = test::writeFile(
        dir2, u"openai.jsonl"_s,
        // 1: legacy function calling; 2: a greeting opens the conversation
        R"({"messages": [{"role": "user", "content": "2+2?"}, {"role": "assistant", "content": null, "function_call": {"name": "add"}}, {"role": "function", "content": "4"}, {"role": "assistant", "content": "4."}]})"
        "\n"
        R"({"messages": [{"role": "system", "content": "S"}, {"role": "assistant", "content": "Hello, how can I help?"}, {"role": "user", "content": "my order"}, {"role": "assistant", "content": "Which one?"}]})"
        "\n"
        R"({"messages": [{"role": 1, "content": "a"}]})"
        "\n"
        R"({"messages": [{"role": "user", "content": [{"type": "text", "text": 5}]}]})"
        "\n"
        R"({"messages": [{"role": "user", "content": [{"type": "input_text", "text": "hi"}]}, {"role": "assistant", "content": ""}]})"
        "\n"
        // an SDK dump: every message carries "tool_calls": null, which calls no tool
        R"({"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "", "tool_calls": null, "function_call": null}]})"
        "\n");
    s = importConversations(*q, openai, conversationOf(openai));
    ASSERT_EQ(s.turns.size(), 2);
    EXPECT_EQ(s.turns[0], u"user:2+2?|assistant:|tool:4|assistant:4."_s);
    EXPECT_EQ(s.prompts[1], u"my order"_s);
    EXPECT_EQ(s.responses[1], u"Hello, how can I help?\n\nWhich one?"_s);
    ASSERT_EQ(s.rejects.size(), 4);
    EXPECT_EQ(s.rejects[0].reason, u"turn 1's role is number, expected text"_s);
    EXPECT_EQ(s.rejects[1].reason, u"turn 1: content part 1 has no text"_s);
    EXPECT_EQ(s.rejects[2].reason, u"turn 2 (assistant) is empty"_s);
    EXPECT_EQ(s.rejects[3].reason, u"turn 2 (assistant) is empty"_s);
}

TEST(Conversation, AlpacaPromptCompletionAndTextRoles) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const QString alpaca = test::writeFile(
        dir, u"alpaca.jsonl"_s,
        R"({"instruction": "Hi", "output": "Hello"})"
        "\n" // the first record has no input, history or system; the later ones are still read
        R"({"instruction": "Sum", "input": "2 and 3", "output": "5", "history": [["hi", "hello"]]})"
        "\n"
        R"({"instruction": "Sum", "input": "", "output": "  "})"
        "\n"
        R"({"instruction": "Sum", "output": "5", "history": [["only one"]]})"
        "\n"
        R"({"instruction": "Sum", "output": "5", "history": [["hi", " "]]})"
        "\n");
    Stored s = importConversations(*p, alpaca, conversationOf(alpaca));
    ASSERT_EQ(s.texts.size(), 2);
    EXPECT_EQ(s.turns[0], u"user:Hi|assistant:Hello"_s);
    EXPECT_EQ(s.turns[1], u"user:hi|assistant:hello|user:Sum\n\n2 and 3|assistant:5"_s);
    ASSERT_EQ(s.rejects.size(), 3);
    EXPECT_EQ(s.rejects[0].reason, u"empty response in 'output'"_s);
    EXPECT_EQ(s.rejects[1].reason, u"history entry 1 is not a pair of texts [user, assistant]"_s);
    EXPECT_EQ(s.rejects[2].reason, u"history entry 1 has an empty answer"_s);

    QTemporaryDir dir2;
    auto q = test::newProject(dir2);
    const QString pc = test::writeFile(dir2, u"pc.jsonl"_s,
                                       R"({"prompt": "Q?", "completion": " A."})"
                                       "\n");
    const FieldMapping m = conversationOf(pc);
    EXPECT_EQ(m.conversation.format, ConversationFormat::PromptCompletion);
    EXPECT_EQ(FieldMapping::fromJson(m.toJson()).toJson(), m.toJson());
    s = importConversations(*q, pc, m);
    EXPECT_EQ(s.prompts, QStringList{u"Q?"_s});
    EXPECT_EQ(s.responses, QStringList{u" A."_s});

    // A text from a field is a prompt, a response or neither, as the mapping says.
    const QString plain = test::writeFile(dir2, u"plain.jsonl"_s, "{\"text\": \"hey\"}\n");
    EXPECT_FALSE(detectRecordLayout(plain, InputFormat::Auto).has_value());
    for (const char* role : {"prompt", "response", ""}) {
        QTemporaryDir d;
        auto r = test::newProject(d);
        FieldMapping f;
        f.textRole = role;
        ImportSpec spec;
        spec.corpusName = u"t"_s;
        spec.files = {plain};
        spec.mapping = f;
        ImportReport report;
        ASSERT_TRUE(importCorpus(*r, spec, {}, &report).ok());
        QSqlQuery row(r->connection());
        ASSERT_TRUE(row.exec(u"SELECT prompt, response FROM samples"_s) && row.next());
        EXPECT_EQ(orNull(row.value(0)), std::string(role) == "prompt" ? u"hey"_s : u"<null>"_s);
        EXPECT_EQ(orNull(row.value(1)), std::string(role) == "response" ? u"hey"_s : u"<null>"_s);
    }
    FieldMapping bad;
    bad.textRole = "answer";
    ImportSpec spec;
    spec.corpusName = u"t"_s;
    spec.files = {plain};
    spec.mapping = bad;
    EXPECT_FALSE(validateImportSpec(spec).ok());
}

TEST(Conversation, LimaKeepsItsMultiTurnRows) {
    const QString lima = test::dataFile(u"lima/lima.jsonl"_s);
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const FieldMapping mapping = conversationOf(lima);
    EXPECT_EQ(mapping.conversation.format, ConversationFormat::Alpaca);
    EXPECT_EQ(mapping.conversation.historyField, "history");
    const Stored s = importConversations(*p, lima, mapping);
    EXPECT_EQ(s.report.rowsIn, 1029);
    EXPECT_EQ(s.report.rejected, 0);
    EXPECT_EQ(s.report.multiTurn, 29); // the README: history non-empty for 29 rows
    // Every multi-turn row's turns alternate user/assistant and end with the row's output.
    QSqlQuery q(p->connection());
    ASSERT_TRUE(q.exec(u"SELECT count(*), max(n) FROM (SELECT sample_id, count(*) AS n FROM "
                       "turns GROUP BY sample_id HAVING n > 2)"_s) &&
                q.next());
    EXPECT_EQ(q.value(0).toInt(), 29);
    EXPECT_GE(q.value(1).toInt(), 4);
    ASSERT_TRUE(
        q.exec(u"SELECT count(*) FROM turns WHERE (position % 2 = 0) <> (role = 'user')"_s) &&
        q.next());
    EXPECT_EQ(q.value(0).toInt(), 0);
    // Every response ends with its record's output, exactly (a NULL response counts too).
    ASSERT_TRUE(q.exec(u"SELECT count(*) FROM samples s WHERE s.response IS NULL OR "
                       "substr(s.response, -length(json_extract(s.original, '$.output'))) IS NOT "
                       "json_extract(s.original, '$.output')"_s) &&
                q.next());
    EXPECT_EQ(q.value(0).toInt(), 0);
}

// Twitter's customer messages (inbound=True, real prompts) and the agents' replies (inbound=False,
// real responses) against Bitext's conversations (synthetic instruction → response): each view
// analyses its own part, keeps its own newest run, and the prompt view shows seed 000's input
// mismatch — users type longer, lower-case, more polite and less dictionary-clean messages.
TEST(Conversation, ViewsAnalysePromptsAndResponsesApart) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const QString twitter =
        test::dataFile(u"twitter-customer-support-sample5000/twcs_sample.jsonl"_s);
    const QString bitext =
        test::dataFile(u"bitext-customer-support-4.5k/bitext_customer_support_training.jsonl"_s);
    const auto importAs = [&](const QString& name, Role role, const QString& file,
                              const FieldMapping& mapping) {
        ImportSpec spec;
        spec.corpusName = name;
        spec.role = role;
        spec.files = {file};
        spec.mapping = mapping;
        ImportReport report;
        const Status s = importCorpus(*p, spec, {}, &report);
        ASSERT_TRUE(s.ok()) << s.error().toStdString();
    };
    FieldMapping messages;
    messages.textRole = "prompt";
    messages.where["inbound"] = "True";
    importAs(u"customer messages"_s, Role::Real, twitter, messages);
    FieldMapping replies;
    replies.textRole = "response";
    replies.where["inbound"] = "False";
    importAs(u"agent replies"_s, Role::Real, twitter, replies);
    const auto bitextLayout = detectRecordLayout(bitext, InputFormat::Auto);
    ASSERT_TRUE(bitextLayout.has_value());
    EXPECT_EQ(bitextLayout->conversation.responseField, "response");
    importAs(u"bitext"_s, Role::Synthetic, bitext, *bitextLayout);

    ProjectStore store(*p);
    // Which corpora have prompts and responses, counted at import.
    const QList<CorpusInfo> corpora = store.corpora();
    ASSERT_EQ(corpora.size(), 3);
    EXPECT_EQ(corpora[0].prompts, 2778);
    EXPECT_EQ(corpora[0].responses, 0);
    EXPECT_EQ(corpora[1].prompts, 0);
    EXPECT_EQ(corpora[1].responses, 2222);
    EXPECT_EQ(corpora[2].prompts, 4514);
    EXPECT_EQ(corpora[2].responses, 4514);
    EXPECT_FALSE(corpora[1].inView(AnalysisView::Prompts));
    EXPECT_TRUE(corpora[1].inView(AnalysisView::All));
    std::map<AnalysisView, qint64> runs;
    for (AnalysisView v : {AnalysisView::Prompts, AnalysisView::Responses, AnalysisView::All}) {
        p->setView(v);
        const Status s = runAnalysis(*p, {}, {}, &runs[v]);
        ASSERT_TRUE(s.ok()) << s.error().toStdString();
    }
    QSqlQuery q(p->connection());
    for (const auto& [v, run] : runs) {
        p->setView(v);
        const auto a = store.latestAnalysis();
        ASSERT_TRUE(a.has_value());
        EXPECT_EQ(a->runId, run);
        EXPECT_FALSE(a->stale) << viewName(v).toStdString();
        EXPECT_EQ(a->corpora.size(), v == AnalysisView::All ? 3u : 2u);
        // Each view's newest run keeps its own per-sample rows and its own embeddings.
        ASSERT_TRUE(q.exec(u"SELECT count(*) FROM sample_scores WHERE run_id = %1"_s.arg(run)) &&
                    q.next());
        qint64 inView = 0;
        QSqlQuery n(p->connection());
        ASSERT_TRUE(
            n.exec(u"SELECT count(*) FROM samples WHERE %1 IS NOT NULL"_s.arg(viewColumn(v))) &&
            n.next());
        inView = n.value(0).toLongLong();
        EXPECT_EQ(q.value(0).toLongLong(), inView);
        ASSERT_TRUE(q.exec(u"SELECT count(*) FROM embeddings WHERE source = '%1'"_s.arg(
                        builtInEmbeddingSource(v))) &&
                    q.next());
        EXPECT_EQ(q.value(0).toLongLong(), inView);
    }

    // The prompt view: customer messages against Bitext's instructions.
    p->setView(AnalysisView::Prompts);
    const auto prompts = store.latestAnalysis();
    ASSERT_TRUE(prompts.has_value());
    const auto metric = [](const StoredAnalysis& a, const QString& corpus, const char* key) {
        for (const CorpusMetrics& c : a.corpora)
            if (c.name == corpus)
                return c.values.value(QString::fromLatin1(key), -1.0);
        return -1.0;
    };
    const QString real = u"customer messages"_s;
    const QString synthetic = u"bitext"_s;
    EXPECT_GT(metric(*prompts, real, "mean_length_tokens"),
              1.5 * metric(*prompts, synthetic, "mean_length_tokens"));
    EXPECT_GT(metric(*prompts, real, "oov_rate"), metric(*prompts, synthetic, "oov_rate"));
    EXPECT_GT(metric(*prompts, real, "politeness_marker_share"),
              3.0 * metric(*prompts, synthetic, "politeness_marker_share"));
    EXPECT_GT(metric(*prompts, real, "sentences_per_sample"),
              metric(*prompts, synthetic, "sentences_per_sample") + 0.5);
    // Bitext's instructions are prompts here, so its mean length is the instructions' (≈8
    // tokens), far below its responses' in the response view.
    p->setView(AnalysisView::Responses);
    const auto responses = store.latestAnalysis();
    ASSERT_TRUE(responses.has_value());
    EXPECT_GT(metric(*responses, synthetic, "mean_length_tokens"),
              5.0 * metric(*prompts, synthetic, "mean_length_tokens"));
    EXPECT_LT(metric(*responses, u"customer messages"_s, "mean_length_tokens"),
              0.0); // not in this view

    // The gate counts the view's samples: 2,222 replies and 4,514 Bitext answers.
    QList<RedLine> rules;
    ASSERT_TRUE(parseRedLines(projectRedLinesJson(*p), &rules).ok());
    QList<RedLineResult> results;
    ASSERT_TRUE(evaluateRedLines(*p, rules, &results).ok());
    bool share = false;
    for (const RedLineResult& r : results)
        if (r.rule.metric == kSyntheticShareMetric) {
            share = true;
            EXPECT_EQ(r.detail, u"4514 synthetic of 6736 samples"_s);
        }
    EXPECT_TRUE(share);
}
