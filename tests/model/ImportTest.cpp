#include "TestSupport.h"

#include "model/Importer.h"
#include "model/ProjectStore.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <limits>

using namespace Qt::Literals::StringLiterals;
using namespace synthscope;
using namespace synthscope::model;

namespace {

struct Imported {
    ImportReport report;
    QList<RejectedRow> rejects;
    QStringList texts;
    QStringList labels;
    QStringList originals;
};

Imported run(Project& project, const QString& file, InputFormat format, FieldMapping mapping,
             std::size_t maxBytes = 1 << 20, const QString& name = QStringLiteral("c")) {
    ImportSpec spec;
    spec.corpusName = name;
    spec.files = {file};
    spec.format = format;
    spec.mapping = std::move(mapping);
    spec.maxRecordBytes = maxBytes;
    Imported out;
    const Status s = importCorpus(project, spec, {}, &out.report);
    EXPECT_TRUE(s.ok()) << s.error().toStdString();
    out.rejects = ProjectStore(project).rejects(out.report.corpusId);
    QSqlQuery q(project.connection());
    q.prepare(QStringLiteral(
        "SELECT text, label, original FROM samples WHERE corpus_id = ? ORDER BY id"));
    q.addBindValue(out.report.corpusId);
    EXPECT_TRUE(q.exec());
    while (q.next()) {
        out.texts << q.value(0).toString();
        out.labels << q.value(1).toString();
        out.originals << q.value(2).toString();
    }
    // The invariant of every import.
    EXPECT_EQ(out.report.rowsIn, out.report.stored + out.report.rejected + out.report.filtered);
    EXPECT_EQ(out.report.samples, out.texts.size());
    EXPECT_EQ(out.report.samples, out.report.stored + out.report.pairs); // a pair is two samples
    EXPECT_EQ(out.report.rejected, out.rejects.size());
    return out;
}

FieldMapping textField(const char* field = "text", const char* label = "") {
    FieldMapping m;
    m.textField = field;
    m.labelField = label;
    return m;
}

void expectReject(const RejectedRow& row, qint64 line, const char* reasonPart) {
    EXPECT_EQ(row.line, line);
    EXPECT_TRUE(row.reason.contains(QString::fromUtf8(reasonPart)))
        << "line " << line << ": '" << row.reason.toStdString() << "' lacks '" << reasonPart << "'";
}

} // namespace

TEST(Import, JsonLinesEveryMalformedCaseWithExactLines) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const std::string longText(120, 'x');
    const QByteArray file = QByteArray("\xEF\xBB\xBF") +                   // BOM
                            "{\"text\": \"good one\", \"cat\": \"A\"}\n" + // 1 ok
                            "{\"text\": \"bad json\"\n" +                  // 2 bad JSON
                            "\n" +                                         // 3 blank: not a record
                            "{\"other\": \"x\"}\n" +                       // 4 missing field
                            "{\"text\": [\"a\"]}\n" +                      // 5 wrong type
                            "{\"text\": \"caf\xFF\"}\n" + // 6 invalid UTF-8 (byte 14)
                            QByteArray("{\"text\": \"") + longText.c_str() + "\"}\n" + // 7 too long
                            "[1, 2]\n" +                                 // 8 not an object
                            "{\"text\": \"   \"}\n" +                    // 9 empty text
                            "{\"text\": \"last good\", \"cat\": 7}\r\n"; // 10 ok, CRLF
    const QString path = test::writeFile(dir, QStringLiteral("in.jsonl"), file);
    const Imported r = run(*p, path, InputFormat::Auto, textField("text", "cat"), 100);
    EXPECT_EQ(r.report.rowsIn, 9);
    EXPECT_EQ(r.report.stored, 2);
    EXPECT_EQ(r.report.rejected, 7);
    ASSERT_EQ(r.rejects.size(), 7);
    expectReject(r.rejects[0], 2, "bad JSON");
    expectReject(r.rejects[1], 4, "missing text field 'text'");
    expectReject(r.rejects[2], 5,
                 "text field 'text' is array, expected a string, number or boolean");
    expectReject(r.rejects[3], 6, "invalid UTF-8 at byte 14 of the record");
    expectReject(r.rejects[4], 7, "record is 132 bytes, over the limit of 100 bytes");
    expectReject(r.rejects[5], 8, "not a JSON object (found array)");
    expectReject(r.rejects[6], 9, "empty text");
    EXPECT_EQ(r.rejects[0].file, path);
    EXPECT_EQ(r.texts, (QStringList{QStringLiteral("good one"), QStringLiteral("last good")}));
    EXPECT_EQ(r.labels, (QStringList{QStringLiteral("A"), QStringLiteral("7")}));
    // Verbatim: without BOM and line terminator, spacing untouched.
    EXPECT_EQ(r.originals[0], QStringLiteral("{\"text\": \"good one\", \"cat\": \"A\"}"));
    EXPECT_EQ(r.originals[1], QStringLiteral("{\"text\": \"last good\", \"cat\": 7}"));
}

TEST(Import, CsvRfc4180QuotingEmbeddedNewlinesAndBadRows) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const QByteArray file = "id,text,label\r\n"                               // 1 header
                            "1,\"Hello, \"\"world\"\"\r\nsecond line\",A\r\n" // 2-3 one record
                            "2,plain,B\r\n"                                   // 4
                            "3,too,many,fields\r\n"                           // 5 wrong count
                            "4,\"unterminated\n";                             // 6 open quote to EOF
    const QString path = test::writeFile(dir, QStringLiteral("in.csv"), file);
    const Imported r = run(*p, path, InputFormat::Auto, textField("text", "label"));
    EXPECT_EQ(r.report.rowsIn, 4);
    ASSERT_EQ(r.rejects.size(), 2);
    expectReject(r.rejects[0], 5, "row has 4 fields, the header has 3");
    expectReject(r.rejects[1], 6, "unterminated quoted field (opened on line 6)");
    EXPECT_EQ(r.texts, (QStringList{QStringLiteral("Hello, \"world\"\r\nsecond line"),
                                    QStringLiteral("plain")}));
    EXPECT_EQ(r.labels, (QStringList{QStringLiteral("A"), QStringLiteral("B")}));
    EXPECT_EQ(r.originals[1], QStringLiteral("{\"id\":\"2\",\"text\":\"plain\",\"label\":\"B\"}"));
}

TEST(Import, TsvAndPlainText) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const QString tsv =
        test::writeFile(dir, QStringLiteral("in.tsv"), "text\tlabel\nfoo bar\tx\nbaz\ty\n");
    const Imported t =
        run(*p, tsv, InputFormat::Auto, textField("text", "label"), 1 << 20, QStringLiteral("tsv"));
    EXPECT_EQ(t.texts, (QStringList{QStringLiteral("foo bar"), QStringLiteral("baz")}));

    const QString txt =
        test::writeFile(dir, QStringLiteral("in.txt"), "first\n\n  \nsecond\r\nthird");
    const Imported x =
        run(*p, txt, InputFormat::Auto, textField("text"), 1 << 20, QStringLiteral("txt"));
    EXPECT_EQ(x.report.rowsIn, 3);
    EXPECT_EQ(x.texts, (QStringList{QStringLiteral("first"), QStringLiteral("second"),
                                    QStringLiteral("third")}));
    EXPECT_EQ(x.originals[0], QStringLiteral("{\"text\":\"first\"}"));
}

TEST(Import, JsonArrayElementsVerbatimWithBadOnesRejected) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const QByteArray file = "[\n"
                            "  {\"text\": \"one\"},\n" // line 2
                            "  {\"text\": null},\n"    // line 3: null
                            "  {\"text\": \"two\",\n"  // line 4..5
                            "   \"n\": [1, {\"a\": \"]\"}]},\n"
                            "  {\"text\": \"three\" oops},\n" // line 6: bad JSON
                            "  {\"text\": \"four\"}\n"        // line 7
                            "]\n";
    const QString path = test::writeFile(dir, QStringLiteral("in.json"), file);
    const Imported r = run(*p, path, InputFormat::Auto, textField());
    EXPECT_EQ(r.report.rowsIn, 5);
    ASSERT_EQ(r.rejects.size(), 2);
    expectReject(r.rejects[0], 3, "text field 'text' is null");
    expectReject(r.rejects[1], 6, "bad JSON");
    EXPECT_EQ(r.texts,
              (QStringList{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("four")}));
    EXPECT_EQ(r.originals[1],
              QStringLiteral("{\"text\": \"two\",\n   \"n\": [1, {\"a\": \"]\"}]}"));
}

// Inputs that once hung the reader or aborted the whole import (issue 14, items 1 and 2).
TEST(Import, HostileRecordsAreRejectsNotHangsOrAborts) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    // A stray closing bracket where an element should start: rejected and stepped over (it
    // used to stop at the same byte forever, writing a reject on every pass).
    const Imported a = run(*p, test::writeFile(dir, QStringLiteral("a.json"), "[}]"),
                           InputFormat::Auto, textField(), 1 << 20, QStringLiteral("a"));
    EXPECT_EQ(a.report.rowsIn, 1);
    ASSERT_EQ(a.rejects.size(), 1);
    expectReject(a.rejects[0], 1, "unexpected '}' where an element should start");
    const Imported b = run(
        *p,
        test::writeFile(dir, QStringLiteral("b.json"), "[{\"text\": \"a\"}},\n {\"text\": \"b\"}]"),
        InputFormat::Auto, textField(), 1 << 20, QStringLiteral("b"));
    EXPECT_EQ(b.texts, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    ASSERT_EQ(b.rejects.size(), 1);
    // A number beyond double in any field is that record's reject, not the import's end.
    const Imported c = run(*p,
                           test::writeFile(dir, QStringLiteral("c.jsonl"),
                                           "{\"text\": \"x\", \"n\": 1e400}\n"
                                           "{\"text\": \"kept\"}\n"),
                           InputFormat::Auto, textField(), 1 << 20, QStringLiteral("c"));
    EXPECT_EQ(c.texts, QStringList{QStringLiteral("kept")});
    ASSERT_EQ(c.rejects.size(), 1);
    expectReject(c.rejects[0], 1, "bad JSON");
    // A CSV header that is not UTF-8: a file-level error that names the line and column, and
    // the project keeps no part of the file.
    ImportSpec spec;
    spec.corpusName = QStringLiteral("badheader");
    spec.role = Role::Real;
    spec.files = {test::writeFile(dir, QStringLiteral("d.csv"),
                                  "text,lab\xFF"
                                  "el\nhello,1\n")};
    spec.mapping = textField();
    ImportReport report;
    const Status s = importCorpus(*p, spec, {}, &report);
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().contains(QStringLiteral("line 1")) &&
                s.error().contains(QStringLiteral("column 2 is not valid UTF-8")))
        << s.error().toStdString();
    for (const CorpusInfo& corpus : ProjectStore(*p).corpora())
        EXPECT_NE(corpus.name, QStringLiteral("badheader"));
    // Item 7. Text after a JSON array's closing bracket was dropped unseen: one reject, with
    // its line.
    const Imported f = run(*p,
                           test::writeFile(dir, QStringLiteral("f.json"),
                                           "[{\"text\": \"in\"}]\n{\"text\": \"after\"}\n"),
                           InputFormat::Auto, textField(), 1 << 20, QStringLiteral("f"));
    EXPECT_EQ(f.texts, QStringList{QStringLiteral("in")});
    ASSERT_EQ(f.rejects.size(), 1);
    expectReject(f.rejects[0], 2, "text after the array's closing ']' is not read");
    // A repeated CSV column name no longer overwrites the first column, in the record or in
    // its stored original.
    const Imported g = run(
        *p,
        test::writeFile(dir, QStringLiteral("g.csv"), "text,label,label,label_2\nhello,x,y,z\n"),
        InputFormat::Auto, textField("text", "label"), 1 << 20, QStringLiteral("g"));
    ASSERT_EQ(g.originals.size(), 1);
    EXPECT_EQ(g.labels, QStringList{QStringLiteral("x")});
    EXPECT_EQ(Json::parse(g.originals[0].toStdString()),
              Json::parse(R"({"text":"hello","label":"x","label_3":"y","label_2":"z"})"))
        << g.originals[0].toStdString();
    // An unterminated quote: the reject shows what was read, not an empty excerpt.
    const Imported h = run(
        *p, test::writeFile(dir, QStringLiteral("h.csv"), "text,label\nfine,1\n\"never closed,2\n"),
        InputFormat::Auto, textField(), 1 << 20, QStringLiteral("h"));
    ASSERT_EQ(h.rejects.size(), 1);
    expectReject(h.rejects[0], 3, "unterminated quoted field");
    QSqlQuery excerpt(p->connection());
    ASSERT_TRUE(excerpt.exec(QStringLiteral("SELECT excerpt FROM rejects WHERE corpus_id = %1")
                                 .arg(h.report.corpusId)) &&
                excerpt.next());
    EXPECT_TRUE(excerpt.value(0).toString().contains(QStringLiteral("never closed")))
        << excerpt.value(0).toString().toStdString();
    // A name that differs only by surrounding spaces is the same corpus name: the import's own
    // error, not SQLite's "UNIQUE constraint failed".
    ImportSpec same;
    same.corpusName = QStringLiteral(" h ");
    same.role = Role::Real;
    same.files = {test::writeFile(dir, QStringLiteral("i.jsonl"), "{\"text\":\"x\"}\n")};
    const Status dup = importCorpus(*p, same, {}, &report);
    ASSERT_FALSE(dup.ok());
    EXPECT_TRUE(dup.error().contains(QStringLiteral("a corpus named 'h' already exists")))
        << dup.error().toStdString();
    // Records are built in linear time, and the same as nlohmann's parser builds them: nesting,
    // arrays, every number type, and a repeated key in its first place with its last value.
    const std::string line =
        R"({"b":1,"a":{"x":[1,{"y":2.5}],"z":null},"n":-7,"u":18446744073709551615,"b":true})";
    std::vector<RawRecord> records;
    std::vector<std::string> names;
    InputFormat detected = InputFormat::Auto;
    std::string error;
    ASSERT_TRUE(previewFile(
        test::writeFile(dir, QStringLiteral("k.jsonl"), QByteArray::fromStdString(line + "\n"))
            .toStdString(),
        InputFormat::Auto, 10, &records, &names, &detected, &error));
    ASSERT_EQ(records.size(), 1U);
    EXPECT_EQ(records[0].fields.dump(), Json::parse(line).dump());
    EXPECT_EQ(records[0].fields.dump(),
              R"({"b":true,"a":{"x":[1,{"y":2.5}],"z":null},"n":-7,"u":18446744073709551615})");
    // White space between a JSON array's element and its ']' is not part of the element: a
    // 13-byte element passes a 13-byte limit on a pretty-printed last line.
    const Imported l =
        run(*p, test::writeFile(dir, QStringLiteral("l.json"), "[{\"text\":\"ab\"}\n]\n"),
            InputFormat::Auto, textField(), 13, QStringLiteral("l"));
    EXPECT_EQ(l.texts, QStringList{QStringLiteral("ab")});
    // The largest record cap there is (SIZE_MAX): the readers added one to it and read nothing;
    // it now counts as the 1 GiB cap, and both records are read.
    const Imported e = run(*p,
                           test::writeFile(dir, QStringLiteral("e.jsonl"),
                                           "{\"text\": \"one\"}\n{\"text\": \"two\"}\n"),
                           InputFormat::Auto, textField(), std::numeric_limits<std::size_t>::max(),
                           QStringLiteral("e"));
    EXPECT_EQ(e.texts, (QStringList{QStringLiteral("one"), QStringLiteral("two")}));
}

TEST(Import, TemplateAndProvenance) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const QString path = test::writeFile(dir, QStringLiteral("in.jsonl"),
                                         "{\"q\": \"Why?\", \"a\": \"Because.\", \"m\": \"gpt\"}\n"
                                         "{\"q\": \"How?\"}\n");
    FieldMapping m;
    m.textTemplate = "Q: {q}\\nA: {a} {{x}}";
    m.meta = {{"generator", "{m}"}, {"round", "3"}};
    const Imported r = run(*p, path, InputFormat::JsonLines, m);
    ASSERT_EQ(r.texts.size(), 1);
    EXPECT_EQ(r.texts[0], QStringLiteral("Q: Why?\nA: Because. {x}"));
    ASSERT_EQ(r.rejects.size(), 1);
    expectReject(r.rejects[0], 2, "missing template field 'a'");
    QSqlQuery q(p->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT generator, round FROM samples")) && q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("gpt"));
    EXPECT_EQ(q.value(1).toString(), QStringLiteral("3"));
}

TEST(Import, MappingFromDamagedJsonNeverThrows) {
    // A project file's stored mapping is read back by FieldMapping::fromJson; a damaged one
    // (numbers for strings, a list for "meta", not an object at all) used to throw
    // nlohmann::type_error out of the corpus list. Wrong-typed values now count as absent.
    const FieldMapping m = FieldMapping::fromJson(Json::parse(
        R"({"text_field": 5, "label_field": "y", "meta": {"generator": "g", "round": 3}})"));
    EXPECT_EQ(m.textField, "");
    EXPECT_EQ(m.labelField, "y");
    EXPECT_EQ(m.meta, (std::map<std::string, std::string>{{"generator", "g"}}));
    EXPECT_TRUE(FieldMapping::fromJson(Json::parse(R"({"meta": [1, 2]})")).meta.empty());
    EXPECT_EQ(FieldMapping::fromJson(Json::parse("[1]")).toJson(),
              FieldMapping::fromJson(Json::object()).toJson());
    FieldMapping t;
    t.textTemplate = "Q: {q}";
    t.labelField = "l";
    t.meta = {{"generator", "{m}"}};
    EXPECT_EQ(FieldMapping::fromJson(t.toJson()).toJson(), t.toJson());
}

TEST(Import, FailuresAndCancelLeaveProjectUnchanged) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const QString path =
        test::writeFile(dir, QStringLiteral("in.jsonl"), "{\"text\": \"a\"}\n{\"text\": \"b\"}\n");
    run(*p, path, InputFormat::Auto, textField(), 1 << 20, QStringLiteral("first"));

    auto count = [&](const char* table) {
        QSqlQuery q(p->connection());
        EXPECT_TRUE(
            q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1StringView(table))) &&
            q.next());
        return q.value(0).toInt();
    };
    ASSERT_EQ(count("corpora"), 1);
    ASSERT_EQ(count("samples"), 2);

    ImportSpec spec;
    spec.corpusName = QStringLiteral("first");
    spec.files = {path};
    ImportReport report;
    Status s = importCorpus(*p, spec, {}, &report);
    EXPECT_TRUE(s.error().contains(QStringLiteral("already exists"))) << s.error().toStdString();

    spec.corpusName = QStringLiteral("second");
    spec.files = {dir.filePath(QStringLiteral("missing.jsonl"))};
    s = importCorpus(*p, spec, {}, &report);
    EXPECT_TRUE(s.error().contains(QStringLiteral("no such file")));

    spec.mapping.textTemplate = "{unclosed";
    spec.files = {path};
    s = importCorpus(*p, spec, {}, &report);
    EXPECT_TRUE(s.error().contains(QStringLiteral("unclosed")));

    spec.mapping.textTemplate.clear();
    std::atomic<bool> cancel{true};
    s = importCorpus(*p, spec, analysis::Progress({}, &cancel), &report);
    EXPECT_FALSE(s.ok());
    EXPECT_TRUE(report.cancelled);
    EXPECT_EQ(count("corpora"), 1);
    EXPECT_EQ(count("samples"), 2);
    EXPECT_EQ(count("rejects"), 0);
}

TEST(Import, PreferencePairsWithEveryVerdictAndMalformedPair) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    // AlpacaEval's layout: verdicts as numbers and as strings, a tie, a failed judgement (0),
    // none (null), and the malformed cases.
    const QByteArray file =
        "{\"instruction\": \"Q1\", \"output_1\": \"a1\", \"output_2\": \"b1\", "
        "\"generator_1\": \"ref\", \"generator_2\": \"m\", \"preference\": 2}\n" // 1
        "{\"instruction\": \"Q2\", \"output_1\": \"a2\", \"output_2\": \"b2\", "
        "\"generator_1\": \"ref\", \"generator_2\": \"m\", \"preference\": \"1.0\"}\n" // 2
        "{\"instruction\": \"Q3\", \"output_1\": \"a3\", \"output_2\": \"b3\", "
        "\"preference\": 1.5}\n" // 3
        "{\"instruction\": \"Q4\", \"output_1\": \"a4\", \"output_2\": \"b4\", "
        "\"preference\": 0}\n" // 4
        "{\"instruction\": \"Q5\", \"output_1\": \"a5\", \"output_2\": \"b5\", "
        "\"preference\": null}\n"                                                 // 5
        "{\"output_1\": \"a6\", \"output_2\": \"b6\", \"preference\": \"abc\"}\n" // 6 bad
        "{\"output_1\": \"a7\", \"output_2\": \"b7\", \"preference\": 3}\n"       // 7 range
        "{\"output_1\": \"a8\", \"preference\": 1}\n"                             // 8 missing
        "{\"output_1\": \"a9\", \"output_2\": \"  \", \"preference\": 1}\n"       // 9 empty
        "{\"instruction\": 5, \"output_1\": \"a\", \"output_2\": \"b\", \"preference\": 1}\n"; // 10
    const QString path = test::writeFile(dir, QStringLiteral("judge.jsonl"), file);
    const auto detected = detectRecordLayout(path, InputFormat::Auto);
    ASSERT_TRUE(detected.has_value());
    const PairMapping* layout = &detected->pairs;
    EXPECT_EQ(layout->firstField, "output_1");
    EXPECT_EQ(layout->preferenceField, "preference");
    EXPECT_EQ(layout->promptField, "instruction");
    EXPECT_FALSE(detected->conversation.enabled());
    FieldMapping mapping;
    mapping.pairs = *layout;
    mapping.meta["judge_version"] = "gpt4-judge";
    // The mapping survives the project file.
    EXPECT_EQ(FieldMapping::fromJson(mapping.toJson()).toJson(), mapping.toJson());

    const Imported r = run(*p, path, InputFormat::Auto, mapping);
    EXPECT_EQ(r.report.rowsIn, 10);
    EXPECT_EQ(r.report.pairs, 5);
    EXPECT_EQ(r.report.samples, 10);
    ASSERT_EQ(r.rejects.size(), 5);
    expectReject(r.rejects[0], 6, "preference is not a number");
    expectReject(r.rejects[1], 7, "between 1 (first output) and 2");
    expectReject(r.rejects[2], 8, "output_2");
    expectReject(r.rejects[3], 9, "empty output in 'output_2'");
    expectReject(r.rejects[4], 10, "prompt field 'instruction' is not text");
    EXPECT_EQ(r.texts.mid(0, 4), (QStringList{u"a1"_s, u"b1"_s, u"a2"_s, u"b2"_s}));
    // Both samples of a pair keep the whole record verbatim.
    EXPECT_EQ(r.originals[0], r.originals[1]);
    EXPECT_TRUE(r.originals[0].contains(QStringLiteral("\"generator_2\": \"m\"")));

    QSqlQuery q(p->connection());
    ASSERT_TRUE(q.exec(QStringLiteral(
        "SELECT f.text, s.text, pp.prompt, pp.prefer_second, f.generator, s.generator, "
        "f.judge_version FROM preference_pairs pp JOIN samples f ON f.id = pp.first_sample "
        "JOIN samples s ON s.id = pp.second_sample ORDER BY pp.first_sample")));
    QStringList seen;
    while (q.next())
        seen << QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                         q.value(3).isNull() ? QStringLiteral("none") : q.value(3).toString(),
                         q.value(4).toString(), q.value(5).toString(), q.value(6).toString());
    EXPECT_EQ(seen, (QStringList{u"a1|b1|Q1|1|ref|m|gpt4-judge"_s, u"a2|b2|Q2|0|ref|m|gpt4-judge"_s,
                                 u"a3|b3|Q3|0.5|||gpt4-judge"_s, u"a4|b4|Q4|none|||gpt4-judge"_s,
                                 u"a5|b5|Q5|none|||gpt4-judge"_s}));
}

TEST(Import, ChosenRejectedPairsPreferTheFirst) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const QString path =
        test::writeFile(dir, QStringLiteral("dpo.jsonl"),
                        "{\"prompt\": \"P\", \"chosen\": \"good\", \"rejected\": \"bad\"}\n");
    const auto detected = detectRecordLayout(path, InputFormat::Auto);
    ASSERT_TRUE(detected.has_value());
    EXPECT_TRUE(detected->pairs.preferenceField.empty());
    FieldMapping mapping;
    mapping.pairs = detected->pairs;
    const Imported r = run(*p, path, InputFormat::Auto, mapping);
    EXPECT_EQ(r.texts, (QStringList{u"good"_s, u"bad"_s}));
    QSqlQuery q(p->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT prompt, prefer_second FROM preference_pairs")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("P"));
    EXPECT_EQ(q.value(1).toDouble(), 0.0); // the first (chosen) output is preferred
    // A record with two outputs but no verdict, or a plain text record, is not a pair.
    EXPECT_FALSE(detectPairMapping(Json::parse(R"({"output_1": "a", "output_2": "b"})")));
    EXPECT_FALSE(detectPairMapping(Json::parse(R"({"text": "a"})")));
}

// --where keeps the records whose field has the value: Twitter's customer messages
// (inbound = "True", 2,778 of 5,000 as counted by a script over the file) are the real prompts.
// A record nested deeper than 512 levels is a reject of its own; the records around it import
// (60,000 levels once overflowed the stack and lost the whole import).
TEST(Import, DeeplyNestedRecordIsARejectNotACrash) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const std::string deep = "{\"x\": " + std::string(60000, '[') + std::string(60000, ']') + "}";
    const QString path = test::writeFile(
        dir, u"deep.jsonl"_s,
        QByteArray::fromStdString("{\"text\": \"a\"}\n" + deep + "\n" +
                                  "{\"text\": \"b\", \"ok\": " + std::string(500, '[') +
                                  std::string(500, ']') + "}\n"));
    const Imported r = run(*p, path, InputFormat::JsonLines, textField("text"));
    EXPECT_EQ(r.texts, (QStringList{u"a"_s, u"b"_s})); // 500 levels are still read
    ASSERT_EQ(r.rejects.size(), 1);
    EXPECT_EQ(r.rejects[0].line, 2);
    EXPECT_EQ(r.rejects[0].reason, u"bad JSON: nested deeper than 512 levels"_s);
}

TEST(Import, WhereKeepsOnlyMatchingRecords) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    FieldMapping mapping = textField("text");
    mapping.where["inbound"] = "True";
    EXPECT_EQ(FieldMapping::fromJson(mapping.toJson()).toJson(), mapping.toJson());
    const Imported r =
        run(*p, test::dataFile(u"twitter-customer-support-sample5000/twcs_sample.jsonl"_s),
            InputFormat::Auto, mapping);
    EXPECT_EQ(r.report.rowsIn, 5000);
    EXPECT_EQ(r.report.stored, 2778);
    EXPECT_EQ(r.report.filtered, 2222);
    EXPECT_EQ(r.report.rejected, 0);
    for (const QString& original : r.originals)
        ASSERT_TRUE(original.contains(u"\"inbound\": \"True\""_s)) << original.toStdString();

    // By hand: a string compares as it is, a number or boolean as its JSON text; a missing,
    // null or structured field never matches; a bad record is still a reject.
    const QString path = test::writeFile(dir, u"w.jsonl"_s,
                                         "{\"text\": \"a\", \"n\": 1, \"b\": true}\n"     // 1 ok
                                         "{\"text\": \"b\", \"n\": \"1\", \"b\": true}\n" // 2 ok
                                         "{\"text\": \"c\", \"n\": 1, \"b\": \"True\"}\n" // 3 no
                                         "{\"text\": \"d\", \"b\": true}\n"               // 4 no n
                                         "{\"text\": \"e\", \"n\": [1], \"b\": true}\n"   // 5 array
                                         "{bad\n"); // 6 reject
    FieldMapping both = textField("text");
    both.where = {{"n", "1"}, {"b", "true"}};
    const Imported h = run(*p, path, InputFormat::JsonLines, both, 1 << 20, u"h"_s);
    EXPECT_EQ(h.texts, (QStringList{u"a"_s, u"b"_s}));
    EXPECT_EQ(h.report.filtered, 3);
    ASSERT_EQ(h.rejects.size(), 1);
    EXPECT_EQ(h.rejects[0].line, 6);
    // The corpus keeps the count: rows read = stored + rejected + filtered, after the import too.
    const QList<CorpusInfo> corpora = ProjectStore(*p).corpora();
    ASSERT_EQ(corpora.size(), 2);
    EXPECT_EQ(corpora[0].filtered, 2222);
    EXPECT_EQ(corpora[1].filtered, 3);
    EXPECT_EQ(corpora[1].rowsIn, 6);

    // A condition nothing meets imports nothing and leaves no empty corpus behind.
    FieldMapping none = textField("text");
    none.where["n"] = "7";
    ImportSpec spec;
    spec.corpusName = u"none"_s;
    spec.files = {path};
    spec.mapping = none;
    ImportReport report;
    const Status s = importCorpus(*p, spec, {}, &report);
    EXPECT_FALSE(s.ok());
    EXPECT_EQ(s.error(), u"no record matched the condition (5 skipped); nothing was imported"_s);
    EXPECT_TRUE(report.nothingMatched);
    EXPECT_EQ(ProjectStore(*p).corpora().size(), 2);
    // Records that meet the condition and are then rejected are rejects, not "no match".
    spec.corpusName = u"matched"_s;
    spec.mapping = textField("missing");
    spec.mapping.where["n"] = "1";
    ImportReport rejected;
    ASSERT_TRUE(importCorpus(*p, spec, {}, &rejected).ok());
    EXPECT_FALSE(rejected.nothingMatched);
    EXPECT_EQ(rejected.stored, 0);
    EXPECT_EQ(rejected.rejected, 4); // "a", "b" and "c" lack the field; "{bad" is no JSON
    EXPECT_EQ(rejected.filtered, 2); // no n, n an array
}

// Each output of a pair starts from the corpus's provenance: a generator given for one side only
// never leaks to the other.
TEST(Import, PairGeneratorsStayOnTheirOwnSide) {
    FieldMapping mapping;
    mapping.pairs.firstField = "output_1";
    mapping.pairs.secondField = "output_2";
    mapping.pairs.firstGenerator = "{generator_1}";
    mapping.meta["generator"] = "unknown";
    mapping.meta["judge_version"] = "v1";
    MappedPair out;
    std::string error;
    ASSERT_TRUE(mapPair(Json::parse(R"({"output_1": "a", "output_2": "b", "generator_1": "m1"})"),
                        mapping, &out, &error))
        << error;
    EXPECT_EQ(out.first.meta.at("generator"), "m1");
    EXPECT_EQ(out.second.meta.at("generator"), "unknown");
    EXPECT_EQ(out.second.meta.at("judge_version"), "v1");
    // A prompt given as a list of messages is not taken as the pair's prompt field.
    const auto layout = detectPairMapping(
        Json::parse(R"({"prompt": [{"role": "user"}], "chosen": "a", "rejected": "b"})"));
    ASSERT_TRUE(layout.has_value());
    EXPECT_TRUE(layout->promptField.empty());
}

// A sample of a one-line JSON array (every element on line 1, as json.dump writes it): the kept
// elements are stored in array order, and rows read = stored + rejected + sampled out. One
// element is malformed: it is a reject, not a candidate for the sample.
TEST(Import, ASampleOfAOneLineJsonArrayKeepsArrayOrder) {
    QTemporaryDir dir;
    auto project = test::newProject(dir);
    QByteArray array = "[";
    for (int i = 0; i < 100; ++i)
        array += (i ? "," : "") + (i == 50 ? QByteArray("{\"no_text\":1}")
                                           : "{\"text\":\"t" + QByteArray::number(i) + "\"}");
    array += "]";
    ImportSpec spec;
    spec.corpusName = QStringLiteral("sampled");
    spec.files = {test::writeFile(dir, QStringLiteral("a.json"), array)};
    spec.mapping = textField();
    spec.sampling = ImportSampling{.size = 20, .seed = 11};
    ImportReport report;
    const Status s = importCorpus(*project, spec, {}, &report);
    ASSERT_TRUE(s.ok()) << s.error().toStdString();
    EXPECT_EQ(report.rowsIn, 100);
    EXPECT_EQ(report.stored, 20);
    EXPECT_EQ(report.rejected, 1);
    EXPECT_EQ(report.population, 99);
    EXPECT_EQ(report.sampledOut, 79);
    EXPECT_EQ(report.rowsIn, report.stored + report.rejected + report.filtered + report.sampledOut);
    QSqlQuery q(project->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT text FROM samples ORDER BY id")));
    std::vector<int> kept;
    while (q.next())
        kept.push_back(q.value(0).toString().mid(1).toInt());
    ASSERT_EQ(kept.size(), 20u);
    EXPECT_TRUE(std::is_sorted(kept.begin(), kept.end())) << "not in array order";
    EXPECT_EQ(std::adjacent_find(kept.begin(), kept.end()), kept.end());
    EXPECT_GT(kept.back(), 20); // later elements replaced early ones: a sample, not a prefix
}

// A duplicate-cluster id from an engine's output: datatrove nests it in "metadata" (a dotted
// name reaches it), a number is stored as its JSON text, a missing or null one as NULL, and an
// object in its place is a reject of that record. The mapping keeps the field.
TEST(Import, DuplicateClusterIdFromANestedField) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const QString path =
        test::writeFile(dir, QStringLiteral("dt.jsonl"),
                        "{\"text\": \"a\", \"metadata\": {\"minhash_cluster\": 12}}\n"
                        "{\"text\": \"b\", \"metadata\": {\"minhash_cluster\": \"x-1\"}}\n"
                        "{\"text\": \"c\", \"metadata\": {}}\n"
                        "{\"text\": \"d\", \"metadata\": {\"minhash_cluster\": null}}\n"
                        "{\"text\": \"e\", \"metadata\": {\"minhash_cluster\": {\"id\": 1}}}\n"
                        "{\"text\": \"f\", \"metadata.minhash_cluster\": 5, \"metadata\": "
                        "{\"minhash_cluster\": 6}}\n");
    FieldMapping m = textField("text");
    m.duplicateClusterField = "metadata.minhash_cluster";
    EXPECT_EQ(FieldMapping::fromJson(m.toJson()).duplicateClusterField, m.duplicateClusterField);
    const Imported r = run(*p, path, InputFormat::JsonLines, m);
    ASSERT_EQ(r.texts.size(), 5);
    ASSERT_EQ(r.rejects.size(), 1);
    expectReject(r.rejects[0], 5,
                 "duplicate cluster field 'metadata.minhash_cluster' is object, expected a "
                 "string, number or boolean");
    EXPECT_EQ(r.report.duplicateClusterIds, 3); // "12", "x-1" and 5; c and d have none
    QSqlQuery q(p->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT text, duplicate_cluster FROM samples ORDER BY id")));
    std::vector<std::pair<QString, QVariant>> rows;
    while (q.next())
        rows.emplace_back(q.value(0).toString(), q.value(1));
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0].second.toString(), QStringLiteral("12"));
    EXPECT_EQ(rows[1].second.toString(), QStringLiteral("x-1"));
    EXPECT_TRUE(rows[2].second.isNull());
    EXPECT_TRUE(rows[3].second.isNull());
    // A field whose own name has the dot wins over the path.
    EXPECT_EQ(rows[4].second.toString(), QStringLiteral("5"));
    // A misspelt field stores every record with no id, and the report says none was found.
    m.duplicateClusterField = "metadata.minhash_clustr";
    const Imported misspelt =
        run(*p, path, InputFormat::JsonLines, m, 1 << 20, QStringLiteral("misspelt"));
    EXPECT_EQ(misspelt.texts.size(), 6);
    EXPECT_EQ(misspelt.report.duplicateClusterIds, 0);
    EXPECT_EQ(nestedFieldNames(Json::parse(R"({"text": "a", "metadata": {"minhash_cluster": 1,
        "tags": [1], "source": "x"}, "n": 2})")),
              (std::vector<std::string>{"metadata.minhash_cluster", "metadata.source"}));
    // A dot inside a name would be read as a path: such names are not offered.
    EXPECT_EQ(nestedFieldNames(Json::parse(R"({"a.b": {"c": 1}, "m": {"x.y": 2, "z": 3}})")),
              (std::vector<std::string>{"m.z"}));
    // The names a text field can take: scalar in some record (n is null in one, a number in
    // the other), never only objects, arrays or null; then the nested ones; no repeats.
    const auto record = [](const char* json) {
        RawRecord one;
        one.fields = Json::parse(json);
        return one;
    };
    EXPECT_EQ(mappableFieldNames({"text", "tags", "meta", "n", "none"},
                                 {record(R"({"text": "a", "tags": [1], "meta": {"id": 7},
                                             "n": null, "none": null})"),
                                  record(R"({"text": "b", "tags": [], "meta": {"id": 8, "s": "x"},
                                             "n": 2})")}),
              (std::vector<std::string>{"text", "n", "meta.id", "meta.s"}));
    // Nothing scalar (a file of conversations): every name, so the lists are never empty.
    EXPECT_EQ(mappableFieldNames({"messages"}, {record(R"({"messages": [{"role": "user"}]})")}),
              (std::vector<std::string>{"messages"}));

    // A preference pair: the engine clustered the records, so two records' first outputs are
    // one group and their second outputs another, never a pair's own two outputs.
    FieldMapping pairs;
    pairs.pairs.firstField = "chosen";
    pairs.pairs.secondField = "rejected";
    pairs.duplicateClusterField = "metadata.minhash_cluster";
    MappedPair a;
    MappedPair b;
    std::string error;
    ASSERT_TRUE(mapPair(Json::parse(R"({"chosen": "x", "rejected": "y",
        "metadata": {"minhash_cluster": 4}})"),
                        pairs, &a, &error))
        << error;
    ASSERT_TRUE(mapPair(Json::parse(R"({"chosen": "x2", "rejected": "y2",
        "metadata": {"minhash_cluster": 4}})"),
                        pairs, &b, &error))
        << error;
    EXPECT_NE(a.first.duplicateCluster, a.second.duplicateCluster);
    EXPECT_EQ(a.first.duplicateCluster, b.first.duplicateCluster);
    EXPECT_EQ(a.second.duplicateCluster, b.second.duplicateCluster);
}

// A sampled import reads the files in the first half of its progress and stores the sample in
// the second, so the bar moves while a large sample is written (it stood at the end before).
TEST(Import, SampledImportProgressMovesWhileStoring) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    ImportSpec spec;
    spec.corpusName = QStringLiteral("tweets");
    spec.files = {
        test::dataFile(QStringLiteral("twitter-customer-support-sample5000/twcs_sample.jsonl"))};
    spec.mapping = textField("text");
    spec.sampling = ImportSampling{.size = 4500, .seed = 3};
    std::vector<double> seen;
    std::vector<std::string> stages;
    std::atomic<bool> cancel{false};
    ImportReport report;
    const Status s = importCorpus(*p, spec,
                                  analysis::Progress(
                                      [&](double f, std::string_view stage) {
                                          seen.push_back(f);
                                          stages.emplace_back(stage);
                                      },
                                      &cancel),
                                  &report);
    ASSERT_TRUE(s.ok()) << s.error().toStdString();
    EXPECT_EQ(report.stored, 4500);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    // Reading takes one half of what precedes the full-text index, storing the other half;
    // each reports in between.
    ASSERT_EQ(stages.size(), seen.size());
    const auto index = std::find(stages.begin(), stages.end(), "indexing for search");
    ASSERT_NE(index, stages.end());
    const double indexFrom = seen[static_cast<std::size_t>(index - stages.begin())];
    EXPECT_GT(indexFrom, 0.0);
    EXPECT_LT(indexFrom, 1.0);
    const auto half = std::find(seen.begin(), seen.end(), 0.5 * indexFrom);
    ASSERT_NE(half, seen.end());
    EXPECT_TRUE(std::any_of(seen.begin(), half, [](double f) { return f > 0.0; }));
    EXPECT_TRUE(std::any_of(half, seen.end(),
                            [&](double f) { return f > 0.5 * indexFrom && f < indexFrom; }));
    EXPECT_EQ(stages.back(), "imported");
}

// The text is indexed in one pass after the rows (the insert trigger is set aside meanwhile), in
// batches of a given number of samples: every stored sample is found by search and none twice
// (FTS5's integrity check compares the index with the text), the trigger is back unchanged for
// the next import, and a cancel between two batches or a failure after the rows leaves the
// trigger there too and nothing of the import.
TEST(Import, TheFullTextIndexIsBuiltInBatchesAndTheTriggerComesBack) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const auto triggerSql = [&] {
        QSqlQuery q(p->connection());
        EXPECT_TRUE(q.exec(
            QStringLiteral("SELECT sql FROM sqlite_schema WHERE name = 'samples_fts_insert'")));
        return q.next() ? q.value(0).toString() : QString();
    };
    const QString before = triggerSql();
    ASSERT_TRUE(before.startsWith(QStringLiteral("CREATE TRIGGER samples_fts_insert")));
    const auto found = [&](const char* match) {
        QSqlQuery q(p->connection());
        q.prepare(QStringLiteral("SELECT count(*) FROM samples_fts WHERE samples_fts MATCH ?"));
        q.addBindValue(QString::fromLatin1(match));
        EXPECT_TRUE(q.exec() && q.next()) << q.lastError().text().toStdString();
        return q.value(0).toLongLong();
    };
    const auto integrityCheck = [&] {
        QSqlQuery check(p->connection());
        EXPECT_TRUE(check.exec(QStringLiteral(
            "INSERT INTO samples_fts (samples_fts, rank) VALUES ('integrity-check', 1)")))
            << check.lastError().text().toStdString();
    };
    const auto samples = [&] {
        QSqlQuery q(p->connection());
        EXPECT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM samples")) && q.next());
        return q.value(0).toLongLong();
    };
    ImportSpec spec;
    spec.corpusName = QStringLiteral("tweets");
    spec.files = {
        test::dataFile(QStringLiteral("twitter-customer-support-sample5000/twcs_sample.jsonl"))};
    spec.mapping = textField("text");
    spec.indexBatchRows = 997; // six statements, the last one short
    int batches = 0;
    std::atomic<bool> cancel{false};
    ImportReport report;
    ASSERT_TRUE(importCorpus(*p, spec,
                             analysis::Progress(
                                 [&](double, std::string_view stage) {
                                     batches += stage == "indexing for search" ? 1 : 0;
                                 },
                                 &cancel),
                             &report)
                    .ok());
    ASSERT_EQ(report.stored, 5000);
    EXPECT_EQ(batches, 6);
    EXPECT_EQ(triggerSql(), before);
    integrityCheck();
    // The samples whose text has the word "refund", by SQL and by the index.
    QSqlQuery like(p->connection());
    ASSERT_TRUE(like.exec(QStringLiteral("SELECT count(*) FROM samples WHERE ' ' || lower(text) || "
                                         "' ' GLOB '*[^a-z0-9]refund[^a-z0-9]*'")));
    ASSERT_TRUE(like.next());
    EXPECT_GT(like.value(0).toLongLong(), 10);
    EXPECT_EQ(found("refund"), like.value(0).toLongLong());

    // Cancelled after the first batch of the index: nothing of it stays, the trigger does.
    spec.corpusName = QStringLiteral("again");
    batches = 0;
    const Status cancelled =
        importCorpus(*p, spec,
                     analysis::Progress(
                         [&](double, std::string_view stage) {
                             if (stage == "indexing for search" && ++batches == 2)
                                 cancel = true;
                         },
                         &cancel),
                     &report);
    EXPECT_FALSE(cancelled.ok());
    EXPECT_TRUE(report.cancelled);
    EXPECT_EQ(batches, 2);
    EXPECT_EQ(triggerSql(), before);
    EXPECT_EQ(samples(), 5000);
    EXPECT_EQ(found("refund"), like.value(0).toLongLong());

    // Failed after the rows were stored (no record met the condition).
    cancel = false;
    spec.mapping.where = {{"inbound", "neither"}};
    const Status failed = importCorpus(*p, spec, {}, &report);
    EXPECT_FALSE(failed.ok());
    EXPECT_TRUE(report.nothingMatched);
    EXPECT_EQ(triggerSql(), before);
    EXPECT_EQ(samples(), 5000);

    // A row stored by the trigger (not by an import) is indexed as before.
    QSqlQuery insert(p->connection());
    ASSERT_TRUE(insert.exec(
        QStringLiteral("INSERT INTO samples (corpus_id, source_file, source_line, text, original) "
                       "SELECT id, 'x', 1, 'zanzibar', '' FROM corpora LIMIT 1")));
    EXPECT_EQ(found("zanzibar"), 1);
    integrityCheck();
}

// The files are read on a thread of their own, in batches, while the records before are stored:
// many batches (more than wait at once), several files, an empty one between them, a reject, and
// every record lands in file and line order with its own file, line and text.
TEST(Import, FilesReadBesideTheStoringKeepFileAndLineOrder) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    const auto lines = [](const char* prefix, int n, int badLine) {
        std::string out;
        for (int i = 1; i <= n; ++i)
            out += i == badLine
                       ? std::string("{\"text\": oops}\n")
                       : "{\"text\": \"" + std::string(prefix) + std::to_string(i) + "\"}\n";
        return out;
    };
    const QStringList files = {test::writeFile(dir, QStringLiteral("a.jsonl"),
                                               QByteArray::fromStdString(lines("a", 6000, 0))),
                               test::writeFile(dir, QStringLiteral("empty.jsonl"), ""),
                               test::writeFile(dir, QStringLiteral("b.jsonl"),
                                               QByteArray::fromStdString(lines("b", 1500, 700)))};
    ImportSpec spec;
    spec.corpusName = QStringLiteral("three files");
    spec.files = files;
    spec.mapping = textField();
    std::vector<double> seen;
    std::atomic<bool> cancel{false};
    ImportReport report;
    const Status s = importCorpus(
        *p, spec,
        analysis::Progress([&](double f, std::string_view) { seen.push_back(f); }, &cancel),
        &report);
    ASSERT_TRUE(s.ok()) << s.error().toStdString();
    EXPECT_EQ(report.rowsIn, 7500);
    EXPECT_EQ(report.stored, 7499);
    EXPECT_EQ(report.rejected, 1);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    const QList<RejectedRow> rejects = ProjectStore(*p).rejects(report.corpusId);
    ASSERT_EQ(rejects.size(), 1);
    EXPECT_EQ(rejects[0].line, 700);
    EXPECT_TRUE(rejects[0].file.endsWith(QStringLiteral("b.jsonl")));
    // The report shows the name alone, of the right file among three.
    ASSERT_EQ(report.firstRejects.size(), 1);
    EXPECT_EQ(report.firstRejects[0].file, QStringLiteral("b.jsonl"));
    EXPECT_EQ(report.firstRejects[0].line, 700);

    QSqlQuery q(p->connection());
    ASSERT_TRUE(q.exec(u"SELECT source_file, source_line, text FROM samples ORDER BY id"_s));
    int n = 0;
    while (q.next()) {
        const bool first = n < 6000;
        const int line = first ? n + 1 : n - 6000 + (n - 6000 + 1 >= 700 ? 2 : 1);
        ASSERT_EQ(q.value(0).toString(), QFileInfo(files[first ? 0 : 2]).absoluteFilePath())
            << "row " << n;
        ASSERT_EQ(q.value(1).toInt(), line) << "row " << n;
        ASSERT_EQ(q.value(2).toString(),
                  QStringLiteral("%1%2").arg(first ? u"a"_s : u"b"_s).arg(line));
        ++n;
    }
    EXPECT_EQ(n, 7499);
}

// A file that opens but is not what the format says (a JSON array that does not start with '[')
// after one that is: the open error names the file once, with its path, and nothing is kept.
TEST(Import, AFileThatCannotBeOpenedAsItsFormatIsNamedOnce) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    ImportSpec spec;
    spec.corpusName = QStringLiteral("arrays");
    spec.format = InputFormat::JsonArray;
    spec.mapping = textField();
    const QString bad =
        test::writeFile(dir, QStringLiteral("notarray.json"), "{\"text\": \"x\"}\n");
    spec.files = {test::writeFile(dir, QStringLiteral("good.json"), "[{\"text\": \"kept?\"}]\n"),
                  bad};
    ImportReport report;
    const Status s = importCorpus(*p, spec, {}, &report);
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().startsWith(QFileInfo(bad).absoluteFilePath() +
                                     QStringLiteral(": not a JSON array")))
        << s.error().toStdString();
    EXPECT_EQ(s.error().count(QStringLiteral("notarray.json")), 1) << s.error().toStdString();
    EXPECT_TRUE(ProjectStore(*p).corpora().isEmpty());
}

// A file that cannot be read to its end (a CSV header with an unterminated quote) after one that
// fills many batches fails the import with the file's name and leaves the project as it was; a
// cancel while the reader is ahead (its batches waiting) stops both threads and keeps nothing.
TEST(Import, ReaderFailureOrCancelMidwayStopsBothThreadsAndKeepsNothing) {
    QTemporaryDir dir;
    auto p = test::newProject(dir);
    std::string many;
    for (int i = 0; i < 20000; ++i)
        many += "{\"text\": \"row " + std::to_string(i) + "\"}\n";
    const QString big =
        test::writeFile(dir, QStringLiteral("big.jsonl"), QByteArray::fromStdString(many));
    const QString bad = test::writeFile(dir, QStringLiteral("bad.csv"), "\"text\nx\n");
    const auto count = [&](const char* table) {
        QSqlQuery q(p->connection());
        EXPECT_TRUE(
            q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1StringView(table))) &&
            q.next());
        return q.value(0).toInt();
    };

    ImportSpec spec;
    spec.corpusName = QStringLiteral("fails");
    spec.files = {big, bad};
    spec.format = InputFormat::Auto;
    spec.mapping = textField();
    ImportReport report;
    Status s = importCorpus(*p, spec, {}, &report);
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().startsWith(QStringLiteral("bad.csv: line 1"))) << s.error().toStdString();
    EXPECT_EQ(count("corpora"), 0);
    EXPECT_EQ(count("samples"), 0);

    spec.files = {big};
    std::atomic<bool> cancel{false};
    int reports = 0;
    s = importCorpus(*p, spec,
                     analysis::Progress(
                         [&](double, std::string_view) {
                             if (++reports == 3)
                                 cancel = true;
                         },
                         &cancel),
                     &report);
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(report.cancelled);
    EXPECT_GT(report.rowsIn, 0);
    EXPECT_LT(report.rowsIn, 20000);
    EXPECT_EQ(count("corpora"), 0);
    EXPECT_EQ(count("samples"), 0);
}
