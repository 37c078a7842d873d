#include "model/Importer.h"

#include "model/CorpusEdits.h"
#include "model/RawInsert.h"
#include "model/RecordPipe.h"

#include "analysis/Sampling.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>
#include <system_error>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {
/// The translation context of this file's messages (lupdate reads the macro).
struct ImporterText {
    Q_DECLARE_TR_FUNCTIONS(synthscope::model::Importer)
};
} // namespace

namespace {

// A non-null QString (a null one binds as SQL NULL), for NOT NULL text columns.
QString textValue(const std::string& s) {
    return s.empty() ? u""_s : QString::fromStdString(s);
}

Status validateName(QSqlDatabase& db, const ImportSpec& spec) {
    QSqlQuery q(db);
    q.prepare(u"SELECT 1 FROM corpora WHERE name = ?"_s);
    q.addBindValue(spec.corpusName.trimmed()); // the name as it is stored
    if (q.exec() && q.next())
        return Status::failure(
            ImporterText::tr("a corpus named '%1' already exists").arg(spec.corpusName.trimmed()));
    return {};
}

// The trigger that indexes each new sample's text (Schema.cpp, migration 7 → 8).
constexpr auto kFtsInsertTrigger = "samples_fts_insert";
// The share of an import's progress bar that indexing the text takes (about its share of the
// time on the Twitter/Bitext pair).
constexpr double kIndexShare = 0.4;
// Drops the trigger named name, its CREATE statement in *sql, inside the caller's transaction.
Status suspendTrigger(QSqlDatabase& db, const char* name, QString* sql) {
    QSqlQuery q(db);
    q.prepare(u"SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?"_s);
    q.addBindValue(QString::fromLatin1(name));
    if (!q.exec() || !q.next())
        return Status::failure(
            ImporterText::tr("the project lacks its trigger '%1'").arg(QString::fromLatin1(name)));
    *sql = q.value(0).toString();
    q.finish();
    return exec(db, u"DROP TRIGGER %1"_s.arg(QString::fromLatin1(name)));
}

// Adds the text of every sample of corpusId to samples_fts in id order, batchRows samples per
// statement, reporting progress from `from` to 1 ("indexing for search"). Batches are counted in
// rows, not id spans: ids need not be dense (SQLite picks random ones once the largest is
// taken). FTS5 also writes its pending terms out whenever they pass its own limit, so the batch
// size sets only how often progress and cancel are checked. Throws Cancelled from progress.
Status indexCorpusText(QSqlDatabase& db, qint64 corpusId, qint64 batchRows,
                       const analysis::Progress& progress, double from) {
    const auto failed = [](const QString& why) {
        return Status::failure(ImporterText::tr("cannot index the text: %1").arg(why));
    };
    QSqlQuery count(db);
    count.prepare(u"SELECT count(*), min(id) FROM samples WHERE corpus_id = ?"_s);
    count.addBindValue(corpusId);
    if (!count.exec() || !count.next())
        return failed(count.lastError().text());
    const qint64 total = count.value(0).toLongLong();
    if (total == 0)
        return {};
    qint64 lo = count.value(1).toLongLong();
    count.finish();
    QSqlQuery bound(db); // the first id of the next batch
    bound.prepare(u"SELECT id FROM samples WHERE corpus_id = ? AND id >= ? ORDER BY id "
                  "LIMIT 1 OFFSET ?"_s);
    QSqlQuery batch(db);
    batch.prepare(u"INSERT INTO samples_fts (rowid, text) SELECT id, text FROM samples "
                  "WHERE corpus_id = ? AND id >= ? AND id < ? ORDER BY id"_s);
    QSqlQuery rest(db);
    rest.prepare(u"INSERT INTO samples_fts (rowid, text) SELECT id, text FROM samples "
                 "WHERE corpus_id = ? AND id >= ? ORDER BY id"_s);
    const qint64 step = std::max<qint64>(batchRows, 1);
    for (qint64 done = 0;; done += step) {
        progress.report(from +
                            (1.0 - from) * static_cast<double>(done) / static_cast<double>(total),
                        "indexing for search");
        if (Status s = execPrepared(bound, {corpusId, lo, step}); !s)
            return failed(s.error());
        const bool more = bound.next();
        const qint64 hi = more ? bound.value(0).toLongLong() : 0;
        bound.finish();
        if (!more) {
            if (Status s = execPrepared(rest, {corpusId, lo}); !s)
                return failed(s.error());
            return {};
        }
        if (Status s = execPrepared(batch, {corpusId, lo, hi}); !s)
            return failed(s.error());
        lo = hi;
    }
}

} // namespace

std::optional<FieldMapping> detectRecordLayout(const QString& file, InputFormat format,
                                               bool evenWithText) {
    std::vector<RawRecord> records;
    std::vector<std::string> fields;
    InputFormat detected = InputFormat::Auto;
    std::string error;
    if (!previewFile(file.toStdString(), format, 1, &records, &fields, &detected, &error) ||
        records.empty() || (!evenWithText && records.front().fields.contains("text")))
        return std::nullopt;
    FieldMapping m;
    m.textField.clear();
    if (auto pairs = detectPairMapping(records.front().fields))
        m.pairs = *pairs;
    else if (auto conversation = detectConversationMapping(records.front().fields))
        m.conversation = *conversation;
    else
        return std::nullopt;
    return m;
}

Status validateImportSpec(const ImportSpec& spec) {
    if (spec.corpusName.trimmed().isEmpty())
        return Status::failure(ImporterText::tr("the corpus needs a name"));
    if (spec.files.isEmpty())
        return Status::failure(ImporterText::tr("no input files"));
    if (spec.sampling && spec.sampling->size < 1)
        return Status::failure(ImporterText::tr("a sample needs at least one record"));
    const FieldMapping& m = spec.mapping;
    std::string err;
    if (m.pairs.enabled()) {
        if (m.pairs.secondField.empty())
            return Status::failure(
                ImporterText::tr("preference pairs need the second output's field"));
        for (const std::string* tpl : {&m.pairs.firstGenerator, &m.pairs.secondGenerator})
            if (!validateTemplate(*tpl, &err))
                return Status::failure(ImporterText::tr("generator of a pair's output: %1")
                                           .arg(QString::fromStdString(err)));
    } else if (m.conversation.enabled()) {
        const ConversationMapping& c = m.conversation;
        const bool list = c.format == ConversationFormat::OpenAiMessages ||
                          c.format == ConversationFormat::ShareGpt;
        if (list ? c.turnsField.empty() : c.promptField.empty() || c.responseField.empty())
            return Status::failure(
                list ? ImporterText::tr("a conversation needs the field holding its turns")
                     : ImporterText::tr(
                           "a conversation needs its prompt field and its response field"));
    } else {
        if (m.textTemplate.empty() && m.textField.empty())
            return Status::failure(ImporterText::tr("choose a text field or a text template"));
        if (!m.textTemplate.empty() && !validateTemplate(m.textTemplate, &err))
            return Status::failure(
                ImporterText::tr("text template: %1").arg(QString::fromStdString(err)));
        if (!m.textRole.empty() && m.textRole != "prompt" && m.textRole != "response")
            return Status::failure(
                ImporterText::tr("the text's role is 'prompt' or 'response', not '%1'")
                    .arg(QString::fromStdString(m.textRole)));
    }
    for (const auto& [key, tpl] : m.meta) {
        if (std::find(std::begin(kMetaKeys), std::end(kMetaKeys), key) == std::end(kMetaKeys))
            return Status::failure(ImporterText::tr("unknown provenance field '%1' (use generator, "
                                                    "template_version, judge_version or round)")
                                       .arg(QString::fromStdString(key)));
        if (!validateTemplate(tpl, &err))
            return Status::failure(
                u"%1: %2"_s.arg(QString::fromStdString(key), QString::fromStdString(err)));
    }
    for (const QString& f : spec.files)
        if (const std::string problem = inputFileProblem(f.toStdString()); !problem.empty())
            return Status::failure(u"%1: %2"_s.arg(f, QString::fromStdString(problem)));
    return {};
}

Status importCorpus(Project& project, const ImportSpec& spec, const analysis::Progress& progress,
                    ImportReport* report) {
    *report = ImportReport{};
    QSqlDatabase db = project.connection();
    if (Status s = validateImportSpec(spec); !s)
        return s;
    if (Status s = validateName(db, spec); !s)
        return s;

    Transaction tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();

    QStringList absFiles;
    for (const QString& f : spec.files)
        absFiles << QFileInfo(f).absoluteFilePath();
    Json files = Json::array();
    for (const QString& f : absFiles)
        files.push_back(f.toStdString());

    QSqlQuery corpus(db);
    // The id is one never used before (nextCorpusIdSql): runs name the corpora they analysed.
    corpus.prepare(u"INSERT INTO corpora (id, name, role, format, files, mapping, imported_at) "
                   "VALUES ("_s +
                   nextCorpusIdSql() + u", ?, ?, ?, ?, ?, ?)"_s);
    corpus.addBindValue(spec.corpusName.trimmed());
    corpus.addBindValue(roleName(spec.role));
    corpus.addBindValue(QString::fromLatin1(formatName(spec.format)));
    corpus.addBindValue(QString::fromStdString(files.dump()));
    corpus.addBindValue(QString::fromStdString(spec.mapping.toJson().dump()));
    corpus.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!corpus.exec()) {
        // Another import may have taken the name between the check above and this write lock.
        QSqlQuery exists(db);
        exists.prepare(u"SELECT 1 FROM corpora WHERE name = ?"_s);
        exists.addBindValue(spec.corpusName.trimmed());
        if (exists.exec() && exists.next())
            return Status::failure(ImporterText::tr("a corpus named '%1' already exists")
                                       .arg(spec.corpusName.trimmed()));
        return Status::failure(
            ImporterText::tr("cannot create the corpus: %1").arg(corpus.lastError().text()));
    }
    const qint64 corpusId = corpus.lastInsertId().toLongLong();

    // The full-text index is filled in one pass after the rows (indexCorpusText), not by the
    // insert trigger: a trigger that writes to FTS5 gives every INSERT a statement savepoint,
    // and FTS5 (SQLite 3.40) writes its pending terms out as a new segment at each one, so
    // row-by-row indexing took about half of an import. The trigger comes back before the commit (a
    // failure rolls both back); its SQL is read from the file, which checkSchema() has
    // matched against the migrations'.
    QString ftsTrigger;
    if (Status s = suspendTrigger(db, kFtsInsertTrigger, &ftsTrigger); !s)
        return s;

    RawInsert sample(db, "INSERT INTO samples (corpus_id, source_file, source_line, text, label, "
                         "generator, template_version, judge_version, round, original, prompt, "
                         "response, duplicate_cluster) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                         "?, ?)");
    if (!sample.error().isEmpty())
        return Status::failure(ImporterText::tr("cannot store a sample: %1").arg(sample.error()));
    std::vector<std::string> fileNames; // absFiles in UTF-8, as the samples store them
    QStringList shownNames;             // without their folders, as messages show them
    for (const QString& f : absFiles) {
        fileNames.push_back(f.toStdString());
        shownNames.append(QFileInfo(f).fileName());
    }
    // "FILE: what", FILE the file's name without its folder: a file-level error.
    const auto fileError = [&](std::size_t file, const std::string& what) {
        return Status::failure(u"%1: %2"_s.arg(shownNames[static_cast<qsizetype>(file)],
                                               QString::fromStdString(what)));
    };
    QSqlQuery turn(db);
    turn.prepare(u"INSERT INTO turns (sample_id, position, role, content) VALUES (?, ?, ?, ?)"_s);
    QSqlQuery pair(db);
    pair.prepare(u"INSERT INTO preference_pairs (first_sample, second_sample, prompt, "
                 "prefer_second) VALUES (?, ?, ?, ?)"_s);
    // Stores one mapped sample of the record in raw, with its prompt and response (empty:
    // none); *id gets its row id.
    const auto storeSample = [&](std::size_t file, qint64 line, const std::string& original,
                                 const MappedRecord& m, const std::string& prompt,
                                 const std::string& response, qint64* id) {
        sample.integer(1, corpusId);
        sample.text(2, fileNames[file]);
        sample.integer(3, line);
        sample.text(4, m.text);
        sample.text(5, m.label);
        for (int k = 0; k < 4; ++k) {
            auto it = m.meta.find(kMetaKeys[k]);
            sample.text(6 + k, it == m.meta.end() ? std::string_view() : it->second);
        }
        sample.text(10, original);
        sample.textOrNull(11, prompt);
        sample.textOrNull(12, response);
        sample.textOrNull(13, m.duplicateCluster);
        if (Status s = sample.run(id); !s)
            return Status::failure(ImporterText::tr("cannot store a sample: %1").arg(s.error()));
        ++report->samples;
        report->prompts += prompt.empty() ? 0 : 1;
        report->duplicateClusterIds += m.duplicateCluster.empty() ? 0 : 1;
        report->responses += response.empty() ? 0 : 1;
        return Status{};
    };
    const bool pairs = spec.mapping.pairs.enabled();
    const bool conversations = !pairs && spec.mapping.conversation.enabled();
    MappedPair mappedPair;
    std::vector<Turn> turns;
    QSqlQuery reject(db);
    reject.prepare(u"INSERT INTO rejects (corpus_id, source_file, line, reason, excerpt) "
                   "VALUES (?, ?, ?, ?, ?)"_s);

    // One record that passed mapping, ready to store (now, or at the end when sampling).
    struct Pending {
        std::size_t file = 0; ///< index into absFiles
        qint64 line = 0;
        /// Position among the records offered to the sample: the stream order (a one-line
        /// JSON array gives every element line 1, so (file, line) cannot order a sample).
        std::uint64_t position = 0;
        std::string original;
        MappedRecord mapped;     ///< plain records and conversations (label, meta)
        MappedPair pair;         ///< preference pairs
        std::vector<Turn> turns; ///< conversations
    };
    const auto store = [&](Pending& p) -> Status {
        const std::size_t file = p.file;
        if (pairs) {
            qint64 first = 0;
            qint64 second = 0;
            if (Status s = storeSample(file, p.line, p.original, p.pair.first, {},
                                       p.pair.first.text, &first);
                !s)
                return s;
            if (Status s = storeSample(file, p.line, p.original, p.pair.second, {},
                                       p.pair.second.text, &second);
                !s)
                return s;
            pair.bindValue(0, first);
            pair.bindValue(1, second);
            pair.bindValue(2, textValue(p.pair.prompt));
            pair.bindValue(3, std::isnan(p.pair.preferSecond)
                                  ? QVariant(QMetaType(QMetaType::Double))
                                  : QVariant(p.pair.preferSecond));
            if (!pair.exec())
                return Status::failure(ImporterText::tr("cannot store a preference pair: %1")
                                           .arg(pair.lastError().text()));
            ++report->stored;
            ++report->pairs;
        } else if (conversations) {
            ConversationTexts texts = conversationTexts(p.turns);
            p.mapped.text = std::move(texts.all);
            qint64 id = 0;
            if (Status s = storeSample(file, p.line, p.original, p.mapped, texts.prompt,
                                       texts.response, &id);
                !s)
                return s;
            for (std::size_t t = 0; t < p.turns.size(); ++t)
                if (Status s =
                        execPrepared(turn, {id, static_cast<qint64>(t),
                                            QString::fromLatin1(turnRoleName(p.turns[t].role)),
                                            textValue(p.turns[t].content)});
                    !s)
                    return Status::failure(
                        ImporterText::tr("cannot store a turn: %1").arg(s.error()));
            ++report->stored;
            ++report->conversations;
            if (std::count_if(p.turns.begin(), p.turns.end(),
                              [](const Turn& t) { return t.role == TurnRole::User; }) > 1)
                ++report->multiTurn;
        } else {
            qint64 id = 0;
            static const std::string kNone; // an lvalue: the text is not copied per row
            const std::string& role = spec.mapping.textRole;
            if (Status s = storeSample(file, p.line, p.original, p.mapped,
                                       role == "prompt" ? p.mapped.text : kNone,
                                       role == "response" ? p.mapped.text : kNone, &id);
                !s)
                return s;
            ++report->stored;
        }
        return {};
    };
    std::optional<analysis::Reservoir> reservoir;
    std::vector<Pending> sampled; // the reservoir's items, by slot
    if (spec.sampling)
        reservoir.emplace(static_cast<std::size_t>(spec.sampling->size), spec.sampling->seed);

    // Progress by bytes over all files; a sample's storing pass is the second half of what
    // precedes the full-text index, which takes the last kIndexShare.
    const double readShare = (reservoir ? 0.5 : 1.0) * (1.0 - kIndexShare);
    qint64 totalBytes = 0;
    for (const QString& f : absFiles)
        totalBytes += QFileInfo(f).size();
    qint64 doneBytes = 0;

    MappedRecord mapped;
    qint64 matched = 0; // readable records that met mapping.where (stored or rejected after)
    RecordPipe::Batch batch;
    // The files are read on a thread of their own while these records are stored. No thread is
    // no file's fault: said as such, not blamed on the first file.
    std::optional<RecordPipe> pipe;
    try {
        pipe.emplace(fileNames, spec.format, spec.maxRecordBytes);
    } catch (const std::system_error& e) {
        return Status::failure(ImporterText::tr("cannot start a thread to read the files: %1")
                                   .arg(QString::fromLocal8Bit(e.what())));
    }
    try {
        while (pipe->pop(&batch)) {
            const std::size_t fileIndex = batch.file;
            const QString& file = absFiles[static_cast<qsizetype>(fileIndex)];
            const QString& shownFile = shownNames[static_cast<qsizetype>(fileIndex)];
            if (!batch.error.empty())
                return batch.openFailed ? Status::failure(QString::fromStdString(batch.error))
                                        : fileError(fileIndex, batch.error);
            for (RawRecord& raw : batch.records) {
                if (++report->rowsIn % 2048 == 0)
                    // Capped: a file that grows while it is read must not pass the index's share.
                    progress.report(
                        readShare *
                            std::min(1.0, static_cast<double>(
                                              doneBytes + static_cast<qint64>(batch.bytesRead)) /
                                              static_cast<double>(std::max<qint64>(totalBytes, 1))),
                        "importing");
                std::string reason = raw.error;
                if (reason.empty() && !matchesWhere(raw.fields, spec.mapping)) {
                    ++report->filtered;
                    continue;
                }
                matched += reason.empty() ? 1 : 0;
                if (reason.empty()) {
                    if (pairs)
                        (void)mapPair(raw.fields, spec.mapping, &mappedPair, &reason);
                    else if (conversations)
                        (void)(mapConversation(raw.fields, spec.mapping.conversation, &turns,
                                               &reason) &&
                               mapLabelAndMeta(raw.fields, spec.mapping, &mapped, &reason));
                    else
                        (void)mapRecord(raw.fields, spec.mapping, &mapped, &reason);
                }
                if (!reason.empty()) {
                    ++report->rejected;
                    if (report->firstRejects.size() < 100)
                        report->firstRejects.append({shownFile, static_cast<qint64>(raw.line),
                                                     QString::fromStdString(reason)});
                    reject.bindValue(0, corpusId);
                    reject.bindValue(1, file);
                    reject.bindValue(2, static_cast<qint64>(raw.line));
                    reject.bindValue(3, QString::fromStdString(reason));
                    reject.bindValue(4, textValue(raw.original.substr(0, 200)));
                    if (!reject.exec())
                        return Status::failure(ImporterText::tr("cannot store a rejected row: %1")
                                                   .arg(reject.lastError().text()));
                } else {
                    Pending p{.file = fileIndex,
                              .line = static_cast<qint64>(raw.line),
                              .position = reservoir ? reservoir->offered() : 0,
                              .original = std::move(raw.original),
                              .mapped = std::exchange(mapped, {}),
                              .pair = std::exchange(mappedPair, {}),
                              .turns = std::exchange(turns, {})};
                    if (!reservoir) {
                        if (Status s = store(p); !s)
                            return s;
                    } else if (const std::size_t slot = reservoir->offer();
                               slot == sampled.size()) {
                        sampled.push_back(std::move(p));
                    } else if (slot != analysis::Reservoir::kNotKept) {
                        sampled[slot] = std::move(p);
                    }
                }
            }
            if (batch.endOfFile)
                doneBytes += static_cast<qint64>(batch.fileSize);
        }
        pipe.reset(); // the reader's thread and spare batches, before the storing that follows
    } catch (const analysis::Cancelled&) {
        pipe.reset();
        report->cancelled = true;
        return Status::failure(ImporterText::tr("import cancelled; the project is unchanged"));
    } catch (const std::exception& e) {
        pipe.reset();
        // The batch's file: the one being stored, or the one the reader was at when it threw.
        return fileError(batch.file, e.what());
    }

    // The sample, in file order, as an import of every record would have stored it.
    if (reservoir) {
        report->population = static_cast<qint64>(reservoir->offered());
        report->sampledOut = report->population - static_cast<qint64>(sampled.size());
        std::sort(sampled.begin(), sampled.end(),
                  [](const Pending& a, const Pending& b) { return a.position < b.position; });
        try {
            for (std::size_t i = 0; i < sampled.size(); ++i) {
                if (i % 2048 == 0)
                    progress.report(readShare + (1.0 - kIndexShare - readShare) *
                                                    static_cast<double>(i) /
                                                    static_cast<double>(sampled.size()),
                                    "importing");
                if (Status s = store(sampled[i]); !s)
                    return s;
            }
        } catch (const analysis::Cancelled&) {
            report->cancelled = true;
            return Status::failure(ImporterText::tr("import cancelled; the project is unchanged"));
        }
        sampled = {};
    }

    // No readable record met the condition (unreadable ones are rejects either way): nothing
    // to import, and no empty corpus left behind
    // (its name would then be taken).
    if (report->filtered > 0 && matched == 0) {
        report->nothingMatched = true;
        return Status::failure(
            ImporterText::tr("no record matched the condition (%1 skipped); nothing was "
                             "imported")
                .arg(report->filtered));
    }

    // Last chance to cancel: after the commit the import has happened.
    try {
        if (Status s =
                indexCorpusText(db, corpusId, spec.indexBatchRows, progress, 1.0 - kIndexShare);
            !s)
            return s;
        progress.report(1.0, "imported");
    } catch (const analysis::Cancelled&) {
        report->cancelled = true;
        return Status::failure(ImporterText::tr("import cancelled; the project is unchanged"));
    }

    QSqlQuery counts(db);
    counts.prepare(u"UPDATE corpora SET rows_in = ?, samples = ?, rejected = ?, prompts = ?, "
                   "responses = ?, filtered = ?, sampling = ? WHERE id = ?"_s);
    counts.addBindValue(report->rowsIn);
    counts.addBindValue(report->samples);
    counts.addBindValue(report->rejected);
    counts.addBindValue(report->prompts);
    counts.addBindValue(report->responses);
    counts.addBindValue(report->filtered);
    counts.addBindValue(spec.sampling ? QVariant(QString::fromStdString(Json{
                                            {"method", "reservoir"},
                                            {"size", spec.sampling->size},
                                            {"seed", spec.sampling->seed},
                                            {"population",
                                             report->population}}.dump()))
                                      : QVariant(QMetaType(QMetaType::QString)));
    counts.addBindValue(corpusId);
    if (!counts.exec())
        return Status::failure(
            ImporterText::tr("cannot update the corpus: %1").arg(counts.lastError().text()));
    if (Status s = exec(db, ftsTrigger); !s)
        return Status::failure(
            ImporterText::tr("cannot restore the full-text index trigger: %1").arg(s.error()));
    if (Status s = tx.commit(); !s)
        return s;
    report->corpusId = corpusId;
    return {};
}

DuplicateIdNote duplicateIdNote(const ImportSpec& spec, const ImportReport& report) {
    if (spec.mapping.duplicateClusterField.empty())
        return DuplicateIdNote::None;
    return report.duplicateClusterIds == 0 ? DuplicateIdNote::NoneImported
                                           : DuplicateIdNote::Imported;
}

} // namespace synthscope::model
