#include "Commands.h"

#include "model/Analyzer.h"
#include "model/CorpusEdits.h"
#include "model/EmbeddingSources.h"
#include "model/Exporter.h"
#include "model/Gate.h"
#include "model/Importer.h"
#include "model/MetricCatalog.h"
#include "model/ProjectStore.h"
#include "model/RecordReader.h"
#include "model/Report.h"
#include "model/Sources.h"
#include "model/Trends.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <limits>
#include <optional>
#include <tuple>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onSigint(int) {
    g_interrupted = true;
}

void err(const QString& text) {
    std::fprintf(stderr, "synthscope-cli: %s\n", qPrintable(text));
}

// Says what is wrong with the arguments or files and gives the exit code for it.
int usageError(const QString& message) {
    err(message);
    return UsageOrIo;
}

void out(const QString& text) {
    std::fprintf(stdout, "%s\n", text.toUtf8().constData());
}

analysis::Progress makeProgress() {
    std::signal(SIGINT, onSigint);
    if (isatty(STDERR_FILENO) == 0)
        return analysis::Progress({}, &g_interrupted);
    return analysis::Progress(
        [](double fraction, std::string_view stage) {
            std::fprintf(stderr, "\r%-24.*s %3d%%", static_cast<int>(stage.size()), stage.data(),
                         static_cast<int>(fraction * 100.0));
            if (fraction >= 1.0)
                std::fputc('\n', stderr);
        },
        &g_interrupted);
}

const char* kUsage =
    "usage: synthscope-cli <command> [options]\n"
    "\n"
    "commands:\n"
    "  import   --project P --role real|synthetic [--name N] [--format "
    "auto|jsonl|json|csv|tsv|text]\n"
    "           [--text-field F | --text-template T] [--label-field L] [--meta key=value]...\n"
    "           [--where field=value]... [--max-record-bytes N] [--allow-rejects] FILE...\n"
    "           [--conversation auto|openai|sharegpt|alpaca|prompt-completion]\n"
    "           [--text-role prompt|response] [--sample N [--seed S]]\n"
    "           [--duplicate-cluster-field F]   (an id computed elsewhere, e.g. datatrove's\n"
    "           metadata.minhash_cluster: samples of one corpus sharing it are near-duplicates)\n"

    "           (--sample: keep a uniform random sample of N records, reservoir sampling in\n"
    "           one pass; the same seed and files give the same sample)\n"
    "           (without --text-field or --text-template, records holding output_1, output_2\n"
    "           and preference, or chosen and rejected, are read as preference pairs, and\n"
    "           records holding messages, conversations, instruction/output, instruction/\n"
    "           response or prompt/completion as conversations)\n"
    "  analyze  --project P [--embeddings SOURCE] [--dimension D] [--clusters K]\n"
    "  layout   --project P [--from-fields x,y]   (neighbour-preserving 2-D layout for the\n"
    "           cluster map, or coordinates computed elsewhere from two fields of each record)\n"
    "  gate     --project P [--rules FILE] [--json]   red lines: exit 0 pass, 1 a fail rule "
    "tripped\n"
    "  embed    --project P --source NAME (--field F | --file FILE.jsonl|FILE.npy |\n"
    "           --endpoint URL --model M [--api-key-env VAR] [--batch N])\n"
    "  trend    --project P --metric M [--by round|generator|template_version|judge_version|\n"
    "           corpus|run] [--json]   a metric against provenance or over analysis runs\n"
    "  ratio-gradient --project P [FILE.csv|FILE.json] [--json]   import and/or show a\n"
    "           synthetic-ratio experiment with each metric's inflection point\n"
    "  report   --project P [--html FILE] [--pdf FILE]   self-contained HTML and/or PDF "
    "report\n"
    "  summary  --project P [--json]\n"
    "  export   --project P --out FILE [--corpus N] [--role R] [--tag any|none|tagged|NAME]\n"
    "           [--decision any|keep|drop|undecided] [--decided-by anyone|majority|NAME]\n"
    "           [--clusters L | --exclude-clusters L] [--skeleton-groups L |\n"
    "           --exclude-skeleton-groups L] [--one-per-duplicate-group]\n"
    "           [--max-synthetic-likeness P] [--max-nn-similarity C] [--min-perplexity X]\n"
    "           [--max-perplexity X]   (L: 1-based group numbers as shown, e.g. 3,7)\n"
    "  rejects  --project P [--corpus N]\n"
    "  corpus   --project P [--rename NEW | --role real|synthetic | --remove] [NAME]\n"
    "           lists the corpora, or renames, re-roles or removes corpus NAME (a role\n"
    "           change or removal puts the analyses out of date; removal deletes its samples\n"
    "           and every reviewer's tags, decisions and notes on them, and its metrics in\n"
    "           every analysis run)\n"
    "\n"
    "\n"
    "<command> --help lists the command's options with what each does\n"
    "\n"
    "every command but import takes --view all|prompts|responses: what analyze reads of each\n"
    "sample (the whole text, the user turns or the assistant turns) and which view's newest\n"
    "analysis the other commands show (default all)\n"
    "\n"
    "exit codes: 0 ok, 1 a finding or validation failure (e.g. rejected rows), 2 usage or I/O "
    "error\n";

struct Parsed {
    QCommandLineParser parser;
    QCommandLineOption project{u"project"_s, u"Project file (*.synthscope)."_s, u"file"_s};
    QCommandLineOption view{
        u"view"_s,
        u"What the analyses read and the results shown are of: all (default), prompts or responses."_s,
        u"view"_s, u"all"_s};
    bool takesView = true; ///< false: the command has no --view (import)
};

// A command's --help: its lines of kUsage (what it takes, positional arguments included), its
// options with their descriptions, and the exit codes.
QString commandHelp(const QString& command, const QCommandLineParser& parser) {
    const QString listed = command == u"analyse"_s ? u"analyze"_s : command; // as kUsage spells it
    const QString all = QString::fromUtf8(kUsage);
    const QStringList lines = all.split(u'\n');
    QStringList usage;
    for (const QString& line : lines) {
        if (!usage.isEmpty() && !line.startsWith(u"   "_s))
            break; // the end of the command's continuation lines
        if (!usage.isEmpty() ||
            (line.startsWith(u"  "_s) && line.mid(2).section(u' ', 0, 0) == listed))
            usage << line;
    }
    const QString options = parser.helpText();
    return u"usage: synthscope-cli %1 [options]\n%2\n\n%3\n%4"_s.arg(
        command, usage.join(u'\n'),
        options.mid(std::max<qsizetype>(options.indexOf(u"Options:"_s), 0)),
        all.mid(all.indexOf(u"exit codes:"_s)));
}

// What parse() returns when the command goes on; anything else is the exit code.
constexpr int Proceed = -1;

// Parses a command's options: Proceed, or Ok after printing the usage for --help, or
// UsageOrIo after saying what is wrong.
int parse(Parsed& p, const QStringList& args, const QList<QCommandLineOption>& options) {
    p.parser.addOption(p.project);
    if (p.takesView)
        p.parser.addOption(p.view);
    p.parser.addOptions(options);
    // Not addHelpOption(): it also lists --help-all, which would run the command instead.
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this command's usage and options."_s);
    p.parser.addOption(help);
    if (!p.parser.parse(args)) {
        return usageError(p.parser.errorText());
    }
    if (p.parser.isSet(help)) {
        std::fputs(qPrintable(commandHelp(args.value(0).section(u' ', -1), p.parser)), stdout);
        return Ok;
    }
    if (!p.parser.isSet(p.project)) {
        return usageError(u"--project is required"_s);
    }
    if (model::AnalysisView v{}; p.takesView && !model::parseView(p.parser.value(p.view), &v)) {
        return usageError(
            u"--view must be all, prompts or responses, not '%1'"_s.arg(p.parser.value(p.view)));
    }
    return Proceed;
}

int openProject(const Parsed& p, model::Project::OpenMode mode,
                std::shared_ptr<model::Project>* project) {
    if (auto s = model::Project::open(p.parser.value(p.project), mode, project); !s) {
        return usageError(s.error());
    }
    model::AnalysisView view = model::AnalysisView::All;
    if (p.takesView)
        (void)model::parseView(p.parser.value(p.view), &view); // checked by parse()
    (*project)->setView(view);
    return Ok;
}

// Parses options and opens the existing project (read-only for the commands that only read
// it); a result other than Proceed is the exit code (Ok after --help).
int parseAndOpen(Parsed& p, const QStringList& args, const QList<QCommandLineOption>& options,
                 std::shared_ptr<model::Project>* project,
                 model::Project::OpenMode mode = model::Project::OpenMode::OpenExisting) {
    if (const int rc = parse(p, args, options); rc != Proceed)
        return rc;
    const int rc = openProject(p, mode, project);
    return rc == Ok ? Proceed : rc;
}

// Reports a failed step of command and gives its exit code.
int failed(const char* command, const model::Status& status) {
    return usageError(u"%1: %2"_s.arg(QLatin1StringView(command), status.error()));
}

int cmdImport(const QStringList& args) {
    Parsed p;
    p.takesView = false; // an import stores every part; the views are analyses
    const QCommandLineOption role(u"role"_s, u"real or synthetic"_s, u"role"_s);
    const QCommandLineOption name(u"name"_s, u"Corpus name (default: first file's name)."_s,
                                  u"name"_s);
    const QCommandLineOption format(u"format"_s, u"auto, jsonl, json, csv, tsv or text"_s,
                                    u"format"_s, u"auto"_s);
    const QCommandLineOption textField(u"text-field"_s, u"Field holding the text."_s, u"field"_s);
    const QCommandLineOption textTemplate(
        u"text-template"_s, u"Template such as {instruction}\\n{output}."_s, u"template"_s);
    const QCommandLineOption labelField(u"label-field"_s, u"Field holding a label or category."_s,
                                        u"field"_s);
    const QCommandLineOption duplicateCluster(
        u"duplicate-cluster-field"_s,
        u"Field holding a duplicate-cluster id computed elsewhere, e.g. metadata.minhash_cluster (datatrove) or group (NeMo Curator); a dotted name reaches into nested objects."_s,
        u"field"_s);
    const QCommandLineOption meta(
        u"meta"_s,
        u"Provenance key=value (generator, template_version, judge_version, round); value may use {field}."_s,
        u"key=value"_s);
    const QCommandLineOption maxBytes(u"max-record-bytes"_s, u"Reject records larger than this."_s,
                                      u"bytes"_s, u"1048576"_s);
    const QCommandLineOption where(
        u"where"_s,
        u"Import only records whose field has this value, e.g. inbound=True (repeatable: all must hold)."_s,
        u"field=value"_s);
    const QCommandLineOption conversation(
        u"conversation"_s,
        u"Read each record as a conversation: auto, openai (messages), sharegpt (conversations), alpaca (instruction/input/output/history) or prompt-completion."_s,
        u"layout"_s);
    const QCommandLineOption textRole(
        u"text-role"_s,
        u"What the --text-field or --text-template text is: prompt or response (default: neither; analysed in the 'all' view only)."_s,
        u"role"_s);
    const QCommandLineOption allowRejects(u"allow-rejects"_s,
                                          u"Exit 0 even when rows were rejected."_s);
    const QCommandLineOption sample(
        u"sample"_s,
        u"Keep a uniform random sample of N of the records (reservoir sampling, one pass)."_s,
        u"N"_s);
    const QCommandLineOption seed(u"seed"_s, u"Seed of --sample (default 1)."_s, u"S"_s, u"1"_s);
    if (const int rc =
            parse(p, args,
                  {role, name, format, textField, textTemplate, labelField, duplicateCluster, meta,
                   where, conversation, textRole, maxBytes, allowRejects, sample, seed});
        rc != Proceed)
        return rc;

    model::ImportSpec spec;
    spec.files = p.parser.positionalArguments();
    if (spec.files.isEmpty()) {
        return usageError(u"import: give at least one input file"_s);
    }
    if (!p.parser.isSet(role) || !model::parseRole(p.parser.value(role), &spec.role)) {
        return usageError(u"import: --role must be real or synthetic"_s);
    }
    spec.corpusName = p.parser.isSet(name) ? p.parser.value(name)
                                           : QFileInfo(spec.files.first()).completeBaseName();
    if (!model::parseFormat(p.parser.value(format).toStdString(), &spec.format)) {
        return usageError(u"import: unknown --format '%1'"_s.arg(p.parser.value(format)));
    }
    if (p.parser.isSet(textField) && p.parser.isSet(textTemplate)) {
        return usageError(u"import: give --text-field or --text-template, not both"_s);
    }
    const bool textGiven = p.parser.isSet(textField) || p.parser.isSet(textTemplate);
    if (p.parser.isSet(conversation) && textGiven) {
        return usageError(
            u"import: --conversation reads the turns; give it without --text-field/--text-template"_s);
    }
    if (p.parser.isSet(textRole) && !textGiven) {
        return usageError(u"import: --text-role needs --text-field or --text-template"_s);
    }
    std::optional<model::ConversationFormat> wanted;
    if (p.parser.isSet(conversation) && p.parser.value(conversation) != u"auto"_s) {
        wanted = model::parseConversationFormat(p.parser.value(conversation).toStdString());
        if (!wanted) {
            return usageError(
                u"import: unknown --conversation '%1' (auto, openai, sharegpt, alpaca or prompt-completion)"_s
                    .arg(p.parser.value(conversation)));
        }
    }
    if (p.parser.isSet(textTemplate)) {
        spec.mapping.textTemplate = p.parser.value(textTemplate).toStdString();
        spec.mapping.textField.clear();
    } else if (p.parser.isSet(textField)) {
        spec.mapping.textField = p.parser.value(textField).toStdString();
    } else if (auto layout = model::detectRecordLayout(spec.files.first(), spec.format,
                                                       p.parser.isSet(conversation));
               layout && !(wanted && layout->conversation.format != *wanted)) {
        // No text field given and the records are judged pairs or conversations.
        spec.mapping = *layout;
        if (const model::PairMapping& pairs = layout->pairs; pairs.enabled())
            err(u"import: reading records as preference pairs ('%1' against '%2'%3)"_s.arg(
                QString::fromStdString(pairs.firstField), QString::fromStdString(pairs.secondField),
                pairs.preferenceField.empty()
                    ? u", the first always preferred"_s
                    : u", verdict in '%1'"_s.arg(QString::fromStdString(pairs.preferenceField))));
        else
            err(u"import: reading records as conversations (%1)"_s.arg(
                QLatin1StringView(model::conversationFormatName(layout->conversation.format))));
    } else if (wanted) {
        spec.mapping.textField.clear();
        spec.mapping.conversation = model::defaultConversationMapping(*wanted);
    } else if (p.parser.isSet(conversation)) {
        return usageError(
            u"import: the first record of %1 is not a conversation layout; name one with --conversation"_s
                .arg(spec.files.first()));
    }
    if (p.parser.isSet(textRole)) {
        spec.mapping.textRole = p.parser.value(textRole).toStdString();
    }
    spec.mapping.labelField = p.parser.value(labelField).toStdString();
    spec.mapping.duplicateClusterField = p.parser.value(duplicateCluster).toStdString();
    for (const QString& kv : p.parser.values(meta)) {
        const qsizetype eq = kv.indexOf(u'=');
        if (eq <= 0) {
            return usageError(u"import: --meta needs key=value, got '%1'"_s.arg(kv));
        }
        spec.mapping.meta[kv.left(eq).toStdString()] = kv.mid(eq + 1).toStdString();
    }
    for (const QString& kv : p.parser.values(where)) {
        const qsizetype eq = kv.indexOf(u'=');
        if (eq <= 0) {
            return usageError(u"import: --where needs field=value, got '%1'"_s.arg(kv));
        }
        spec.mapping.where[kv.left(eq).toStdString()] = kv.mid(eq + 1).toStdString();
    }
    bool ok = false;
    spec.maxRecordBytes = p.parser.value(maxBytes).toULongLong(&ok);
    if (!ok || spec.maxRecordBytes == 0 || spec.maxRecordBytes > model::kMaxRecordBytesCap) {
        return usageError(
            u"import: --max-record-bytes must be a whole number from 1 to %1 (1 GiB)"_s.arg(
                model::kMaxRecordBytesCap));
    }
    if (p.parser.isSet(seed) && !p.parser.isSet(sample))
        return usageError(u"import: --seed is the seed of --sample; give --sample N too"_s);
    if (p.parser.isSet(sample)) {
        model::ImportSampling sampling;
        sampling.size = p.parser.value(sample).toLongLong(&ok);
        if (!ok || sampling.size < 1)
            return usageError(u"import: --sample must be a whole number of records, at least 1"_s);
        sampling.seed = p.parser.value(seed).toULongLong(&ok);
        if (!ok)
            return usageError(u"import: --seed must be a whole number from 0 to %1"_s.arg(
                std::numeric_limits<quint64>::max()));
        spec.sampling = sampling;
    }
    // The spec (inputs, mapping, provenance keys) is checked before the project is opened, so
    // a bad one creates no project.
    if (auto s = model::validateImportSpec(spec); !s) {
        return usageError(u"import: %1"_s.arg(s.error()));
    }

    std::shared_ptr<model::Project> project;
    if (int rc = openProject(p, model::Project::OpenMode::CreateIfMissing, &project); rc != Ok)
        return rc;
    model::ImportReport report;
    if (auto s = model::importCorpus(*project, spec, makeProgress(), &report); !s) {
        if (report.nothingMatched) {
            err(u"import: no record matched --where (is the field's name or value spelt as in "
                "the file?); nothing was imported"_s);
            return Finding;
        }
        return failed("import", s);
    }
    out(u"imported '%1' (%2): %3 rows read, %4 stored, %5 rejected"_s
            .arg(spec.corpusName, model::roleName(spec.role))
            .arg(report.rowsIn)
            .arg(report.stored)
            .arg(report.rejected));
    if (report.filtered > 0)
        out(u"  %1 records did not match --where and were skipped"_s.arg(report.filtered));
    if (spec.sampling && report.sampledOut == 0)
        out(u"  every record was kept: the file has %1, not more than --sample %2"_s
                .arg(report.population)
                .arg(spec.sampling->size));
    else if (spec.sampling)
        out(u"  a uniform sample of %1 of %2 records (reservoir sampling, seed %3); the "
            "corpus's metrics are estimates from it"_s.arg(report.population - report.sampledOut)
                .arg(report.population)
                .arg(spec.sampling->seed));

    const QString clusterField = QString::fromStdString(spec.mapping.duplicateClusterField);
    switch (model::duplicateIdNote(spec, report)) {
    case model::DuplicateIdNote::None:
        break;
    case model::DuplicateIdNote::NoneImported:
        err(u"import: warning: no stored record has the field '%1', so no duplicate-cluster id "
            "was imported (is it spelt as in the file? a dotted name reaches into nested "
            "objects)"_s.arg(clusterField));
        break;
    case model::DuplicateIdNote::Imported:
        out(u"  %1 of %2 samples carry a duplicate-cluster id from '%3'"_s
                .arg(report.duplicateClusterIds)
                .arg(report.samples)
                .arg(clusterField));
        break;
    }
    if (report.pairs > 0)
        out(u"  %1 preference pairs, %2 samples"_s.arg(report.pairs).arg(report.samples));
    if (report.conversations > 0)
        out(u"  %1 conversations, %2 with more than one user turn"_s.arg(report.conversations)
                .arg(report.multiTurn));
    for (const auto& r : report.firstRejects)
        err(u"%1:%2: %3"_s.arg(r.file).arg(r.line).arg(r.reason));
    if (report.rejected > report.firstRejects.size())
        err(u"… and %1 more (synthscope-cli rejects --project P)"_s.arg(
            report.rejected - report.firstRejects.size()));
    return report.rejected > 0 && !p.parser.isSet(allowRejects) ? Finding : Ok;
}

int cmdAnalyze(const QStringList& args) {
    Parsed p;
    const QCommandLineOption embeddings(
        u"embeddings"_s, u"Embedding source to use (default: the built-in tfidf-svd)."_s,
        u"source"_s);
    const QCommandLineOption dimension(u"dimension"_s, u"Built-in embedding dimension (256)."_s,
                                       u"d"_s);
    const QCommandLineOption clusters(u"clusters"_s, u"k-means clusters (0: automatic)."_s, u"k"_s);
    if (const int rc = parse(p, args, {embeddings, dimension, clusters}); rc != Proceed)
        return rc;
    analysis::AnalysisParams params;
    if (p.parser.isSet(embeddings) && p.parser.value(p.view) != u"all"_s) {
        return usageError(u"analyze: --embeddings names embeddings of whole texts; the %1 view "
                          "uses the built-in ones"_s.arg(p.parser.value(p.view)));
    }
    if (p.parser.isSet(embeddings))
        params.similarity.embeddingSource = p.parser.value(embeddings).toStdString();
    bool ok = true;
    if (p.parser.isSet(dimension)) {
        params.similarity.embedding.dimension = p.parser.value(dimension).toUInt(&ok);
        if (!ok || params.similarity.embedding.dimension == 0) {
            return usageError(u"analyze: --dimension needs a positive integer"_s);
        }
    }
    if (p.parser.isSet(clusters)) {
        params.similarity.clusters = p.parser.value(clusters).toUInt(&ok);
        if (!ok) {
            return usageError(u"analyze: --clusters needs a non-negative integer"_s);
        }
    }
    std::shared_ptr<model::Project> project;
    if (int rc = openProject(p, model::Project::OpenMode::OpenExisting, &project); rc != Ok)
        return rc;
    if (!p.parser.isSet(embeddings))
        if (const QString chosen = model::analysisEmbeddingSource(*project); !chosen.isEmpty())
            params.similarity.embeddingSource = chosen.toStdString();
    QElapsedTimer timer;
    timer.start();
    qint64 runId = 0;
    if (auto s = model::runAnalysis(*project, params, makeProgress(), &runId); !s) {
        return failed("analyze", s);
    }
    out(u"analysed in %1 s (run %2)"_s.arg(static_cast<double>(timer.elapsed()) / 1000.0, 0, 'f', 2)
            .arg(runId));
    return Ok;
}

int cmdEmbed(const QStringList& args) {
    Parsed p;
    const QCommandLineOption source(u"source"_s, u"Name to store the embeddings under."_s,
                                    u"name"_s);
    const QCommandLineOption field(u"field"_s, u"Numeric array field of the records."_s, u"f"_s);
    const QCommandLineOption file(
        u"file"_s,
        u"JSON Lines of {corpus, line, embedding}, or a NumPy .npy of shape (samples, d) in project order."_s,
        u"file"_s);
    const QCommandLineOption endpoint(u"endpoint"_s, u"OpenAI-compatible base URL (…/v1)."_s,
                                      u"url"_s);
    const QCommandLineOption model(u"model"_s, u"Model name for the endpoint."_s, u"m"_s);
    const QCommandLineOption keyEnv(u"api-key-env"_s,
                                    u"Environment variable holding the API key."_s, u"var"_s);
    const QCommandLineOption batch(u"batch"_s, u"Texts per request (64)."_s, u"n"_s);
    if (const int rc = parse(p, args, {source, field, file, endpoint, model, keyEnv, batch});
        rc != Proceed)
        return rc;
    const int modes = (p.parser.isSet(field) ? 1 : 0) + (p.parser.isSet(file) ? 1 : 0) +
                      (p.parser.isSet(endpoint) ? 1 : 0);
    if (!p.parser.isSet(source) || modes != 1) {
        return usageError(u"embed: give --source and exactly one of --field, --file, --endpoint"_s);
    }
    std::shared_ptr<model::Project> project;
    if (int rc = openProject(p, model::Project::OpenMode::OpenExisting, &project); rc != Ok)
        return rc;
    const QString name = p.parser.value(source);
    model::EmbeddingSpec spec;
    spec.source = name;
    if (p.parser.isSet(field)) {
        spec.kind = model::EmbeddingSpec::Kind::Field;
        spec.field = p.parser.value(field);
    } else if (p.parser.isSet(file)) {
        spec.kind = model::EmbeddingSpec::Kind::File;
        spec.file = p.parser.value(file);
    } else {
        spec.kind = model::EmbeddingSpec::Kind::Endpoint;
        spec.endpoint.baseUrl = QUrl(p.parser.value(endpoint));
        spec.endpoint.model = p.parser.value(model);
        spec.endpoint.apiKeyVariable = p.parser.value(keyEnv);
        if (p.parser.isSet(batch))
            spec.endpoint.batchSize = std::max(1, p.parser.value(batch).toInt());
    }
    const model::Status s = model::runEmbedding(*project, spec, makeProgress());
    if (!s) {
        return failed("embed", s);
    }
    for (const auto& [src, count] : model::embeddingSources(*project))
        if (src == name)
            out(u"stored %1 embeddings as \"%2\"; use them with: analyze --embeddings %2"_s.arg(
                QString::number(count), name));
    return Ok;
}

int cmdLayout(const QStringList& args) {
    Parsed p;
    const QCommandLineOption fromFields(
        u"from-fields"_s,
        u"Take the map's 2-D coordinates from two numeric fields of each record (computed elsewhere: UMAP, t-SNE, Atlas…) instead of computing the neighbour layout."_s,
        u"x,y"_s);
    std::shared_ptr<model::Project> project;
    if (int rc = parseAndOpen(p, args, {fromFields}, &project); rc != Proceed)
        return rc;
    if (p.parser.isSet(fromFields)) {
        const QStringList fields = p.parser.value(fromFields).split(u',');
        if (fields.size() != 2 || fields[0].trimmed().isEmpty() || fields[1].trimmed().isEmpty())
            return usageError(u"layout: --from-fields needs two field names, e.g. x,y"_s);
        if (auto s = model::importLayoutFromFields(*project, fields[0].trimmed(),
                                                   fields[1].trimmed(), makeProgress());
            !s)
            return failed("layout", s);
        out(u"map coordinates taken from the fields %1 and %2"_s.arg(fields[0].trimmed(),
                                                                     fields[1].trimmed()));
        return Ok;
    }
    QElapsedTimer timer;
    timer.start();
    if (auto s = model::runNeighbourLayout(*project, {}, makeProgress()); !s) {
        return failed("layout", s);
    }
    out(u"neighbour layout computed in %1 s"_s.arg(static_cast<double>(timer.elapsed()) / 1000.0, 0,
                                                   'f', 2));
    return Ok;
}

int cmdGate(const QStringList& args) {
    Parsed p;
    const QCommandLineOption rulesFile(u"rules"_s, u"Rules JSON (default: the project's)."_s,
                                       u"file"_s);
    const QCommandLineOption json(u"json"_s, u"Machine-readable JSON."_s);
    std::shared_ptr<model::Project> project;
    if (int rc =
            parseAndOpen(p, args, {rulesFile, json}, &project, model::Project::OpenMode::ReadOnly);
        rc != Proceed)
        return rc;
    // Results of corpora that are no longer the project's must not pass (issue 13, item 3).
    if (const auto a = model::ProjectStore(*project).latestAnalysis(); a && a->stale) {
        const QString why = u"analysis run %1 is out of date: corpora were imported, removed or "
                            "given another role after it, so its results do not describe this "
                            "project; run synthscope-cli analyze first"_s.arg(a->runId);
        if (p.parser.isSet(json)) // a pipeline reading JSON gets a verdict, not an empty stdout
            std::fputs((model::Json({{"status", "out of date"},
                                     {"analysis_run", a->runId},
                                     {"reason", why.toStdString()}})
                            .dump(2) +
                        "\n")
                           .c_str(),
                       stdout);
        return usageError(u"gate: "_s + why);
    }
    QByteArray rulesJson = model::projectRedLinesJson(*project);
    if (p.parser.isSet(rulesFile)) {
        QFile f(p.parser.value(rulesFile));
        if (!f.open(QIODevice::ReadOnly)) {
            return usageError(u"gate: cannot read %1: %2"_s.arg(f.fileName(), f.errorString()));
        }
        rulesJson = f.readAll();
    }
    QList<model::RedLine> rules;
    if (auto s = model::parseRedLines(rulesJson, &rules); !s) {
        return failed("gate", s);
    }
    QList<model::RedLineResult> results;
    if (auto s = model::evaluateRedLines(*project, rules, &results); !s) {
        return failed("gate", s);
    }
    const model::GateStatus overall = model::overallStatus(results);
    if (p.parser.isSet(json)) {
        model::Json out = model::Json::array();
        for (const auto& r : results) {
            model::Json j = {{"id", r.rule.id.toStdString()},
                             {"title", r.rule.title.toStdString()},
                             {"dimension", r.rule.dimension.toStdString()},
                             {"metric", r.rule.metric.toStdString()},
                             {"scope", r.rule.scope.toStdString()},
                             {"status", model::gateStatusName(r.status).toStdString()},
                             {"severity", r.rule.fail ? "fail" : "warn"},
                             {"action", r.rule.action.toStdString()},
                             {"evidence", r.rule.evidence.toStdString()},
                             {"detail", r.detail.toStdString()}};
            j["value"] = r.value ? model::Json(*r.value) : model::Json(nullptr);
            if (r.rule.trendRuns > 0)
                j["trend"] = {{"runs", r.rule.trendRuns},
                              {"worse", r.rule.trendRising ? "rising" : "falling"}};
            else
                j["condition"] = model::conditionText(r.rule).toStdString();
            if (r.rule.lastRounds > 0)
                j["rounds"] = r.rule.lastRounds;
            if (r.rule.minReviewed > 0)
                j["min_reviewed"] = r.rule.minReviewed;
            if (r.focusDimension)
                j["to_review"] = {
                    {"dimension", model::dimensionName(*r.focusDimension).toStdString()},
                    {"value", r.focusValue.toStdString()},
                    {"needed", r.focusNeeded}};
            out.push_back(j);
        }
        std::fputs((model::Json({{"status", model::gateStatusName(overall).toStdString()},
                                 {"rules", out},
                                 {"sources", model::sourcesJson(*project)}})
                        .dump(2) +
                    "\n")
                       .c_str(),
                   stdout);
    } else {
        for (const auto& r : results) {
            const QString condition = model::conditionText(r.rule);
            out(u"%1  %2  %3  (%4)  → %5"_s.arg(
                model::gateStatusName(r.status).toUpper().leftJustified(4),
                r.rule.title.leftJustified(58),
                (r.value ? QString::number(*r.value, 'f', 4) : u"–"_s).rightJustified(8),
                r.detail.isEmpty() ? condition : condition + u"; "_s + r.detail, r.rule.action));
        }
        out(u"gate: %1"_s.arg(model::gateStatusName(overall).toUpper()));
    }
    return overall == model::GateStatus::Fail ? Finding : Ok;
}

// Numbers as JSON, NaN as null.
model::Json numbers(const QList<double>& values) {
    model::Json out = model::Json::array();
    for (double v : values)
        out.push_back(std::isnan(v) ? model::Json(nullptr) : model::Json(v));
    return out;
}

// A trend as text (one row per category) or JSON.
void printTrend(const model::Trend& t, bool json) {
    if (json) {
        model::Json series = model::Json::array();
        for (const model::TrendSeries& s : t.series) {
            const model::Json ys = numbers(s.y);
            series.push_back({{"name", s.name.toStdString()},
                              {"role", model::roleName(s.role).toStdString()},
                              {"values", ys}});
            if (!s.sd.isEmpty())
                series.back()["sd"] = numbers(s.sd);
        }
        model::Json categories = model::Json::array();
        for (const QString& c : t.categories)
            categories.push_back(c.toStdString());
        model::Json trend = {{"metric", t.metric.toStdString()},
                             {"axis", t.axisTitle.toStdString()},
                             {"categories", categories},
                             {"series", series}};
        if (!t.nullLow.isEmpty())
            trend["null_band"] = {{"low", numbers(t.nullLow)}, {"high", numbers(t.nullHigh)}};
        std::fputs((trend.dump(2) + "\n").c_str(), stdout);
        return;
    }
    QString header = t.axisTitle.leftJustified(24);
    for (const model::TrendSeries& s : t.series)
        header += u"  "_s + s.name.left(28).rightJustified(28);
    if (!t.nullLow.isEmpty())
        header += u"  "_s + u"real vs real (±3 sd)"_s.rightJustified(28);
    out(header);
    for (qsizetype i = 0; i < t.categories.size(); ++i) {
        QString row = t.categories[i].left(24).leftJustified(24);
        for (const model::TrendSeries& s : t.series) {
            const double y = s.y.value(i, std::nan(""));
            const double sd = s.sd.value(i, std::nan(""));
            QString cell = std::isnan(y) ? u"–"_s : QString::number(y, 'f', 4);
            if (!std::isnan(y) && !std::isnan(sd))
                cell += u" ± "_s + QString::number(sd, 'f', 4);
            row += u"  "_s + cell.rightJustified(28);
        }
        if (!t.nullLow.isEmpty()) {
            const double lo = t.nullLow.value(i, std::nan(""));
            const double hi = t.nullHigh.value(i, std::nan(""));
            row += u"  "_s + (std::isnan(lo) ? u"–"_s
                                             : u"%1 … %2"_s.arg(QString::number(lo, 'f', 4),
                                                                QString::number(hi, 'f', 4)))
                                 .rightJustified(28);
        }
        out(row);
    }
}

int cmdTrend(const QStringList& args) {
    Parsed p;
    const QCommandLineOption metric(u"metric"_s, u"Metric key (see summary --json)."_s, u"key"_s);
    const QCommandLineOption by(u"by"_s,
                                u"round (default), generator, template_version, "
                                "judge_version, corpus or run."_s,
                                u"axis"_s, u"round"_s);
    const QCommandLineOption json(u"json"_s, u"Machine-readable JSON."_s);
    if (const int rc = parse(p, args, {metric, by, json}); rc != Proceed)
        return rc;
    if (!p.parser.isSet(metric)) {
        return usageError(
            u"trend: --metric is required; stored metrics: %1"_s.arg(u"see summary --json"_s));
    }
    std::shared_ptr<model::Project> project;
    if (int rc = openProject(p, model::Project::OpenMode::ReadOnly, &project); rc != Ok)
        return rc;
    model::Trend trend;
    model::Status s;
    const QString axis = p.parser.value(by);
    model::Dimension dimension = model::Dimension::Round;
    if (axis == "run"_L1) {
        s = model::metricOverRuns(*project, p.parser.value(metric), &trend);
    } else if (model::parseDimension(axis, &dimension) &&
               std::find(std::begin(model::kTrendDimensions), std::end(model::kTrendDimensions),
                         dimension) != std::end(model::kTrendDimensions)) {
        if (const QStringList perCorpus = model::storedMetricKeys(*project, true);
            !perCorpus.contains(p.parser.value(metric))) {
            return usageError(
                u"trend: '%1' is not stored per corpus in the newest analysis (use --by run "
                "for the pooled real-vs-synthetic metrics); per-corpus metrics: %2"_s.arg(
                    p.parser.value(metric), perCorpus.join(u", "_s)));
        }
        s = model::metricByProvenance(*project, dimension, p.parser.value(metric), &trend);
    } else {
        return usageError(u"trend: unknown --by '%1'"_s.arg(axis));
    }
    if (!s) {
        return failed("trend", s);
    }
    printTrend(trend, p.parser.isSet(json));
    return Ok;
}

int cmdRatioGradient(const QStringList& args) {
    Parsed p;
    const QCommandLineOption json(u"json"_s, u"Machine-readable JSON."_s);
    std::shared_ptr<model::Project> project;
    if (int rc = parseAndOpen(p, args, {json}, &project); rc != Proceed)
        return rc;
    if (!p.parser.positionalArguments().isEmpty()) {
        model::RatioGradient parsed;
        if (auto s = model::parseRatioGradient(p.parser.positionalArguments().first(), &parsed);
            !s) {
            return failed("ratio-gradient", s);
        }
        if (auto s = model::setProjectRatioGradient(*project, parsed); !s) {
            return failed("ratio-gradient", s);
        }
    }
    const auto g = model::projectRatioGradient(*project);
    if (!g) {
        return usageError(
            u"ratio-gradient: the project has no ratio-gradient experiment; give a file"_s);
    }
    const QList<int> knees = g->knees();
    model::Trend t;
    t.metric = u"ratio gradient"_s;
    t.axisTitle = u"synthetic ratio"_s;
    for (double r : g->ratios)
        t.categories << QString::number(r, 'f', 2);
    for (qsizetype m = 0; m < g->metricNames.size(); ++m)
        t.series.append({g->metricNames[m], model::Role::Synthetic, g->values[m], {}});
    printTrend(t, p.parser.isSet(json));
    if (!p.parser.isSet(json))
        for (qsizetype m = 0; m < g->metricNames.size(); ++m)
            out(knees[m] >= 0
                    ? u"%1: inflection at synthetic ratio %2"_s.arg(
                          g->metricNames[m], QString::number(g->ratios[knees[m]]))
                    : u"%1: no inflection (the slope never falls)"_s.arg(g->metricNames[m]));
    return Ok;
}

int cmdReport(const QStringList& args) {
    Parsed p;
    const QCommandLineOption html(u"html"_s, u"Write the HTML report here."_s, u"file"_s);
    const QCommandLineOption pdf(u"pdf"_s, u"Write the PDF report here."_s, u"file"_s);
    if (const int rc = parse(p, args, {html, pdf}); rc != Proceed)
        return rc;
    if (!p.parser.isSet(html) && !p.parser.isSet(pdf)) {
        return usageError(u"report: give --html FILE and/or --pdf FILE"_s);
    }
    std::shared_ptr<model::Project> project;
    if (int rc = openProject(p, model::Project::OpenMode::ReadOnly, &project); rc != Ok)
        return rc;
    model::Report report;
    if (auto s = model::buildReport(*project, &report); !s) {
        return failed("report", s);
    }
    if (auto s = model::writeReport(report, p.parser.value(html), p.parser.value(pdf)); !s) {
        return failed("report", s);
    }
    for (const QCommandLineOption& o : {html, pdf})
        if (p.parser.isSet(o))
            out(u"wrote %1"_s.arg(p.parser.value(o)));
    return Ok;
}

int cmdSummary(const QStringList& args) {
    Parsed p;
    const QCommandLineOption json(u"json"_s, u"Machine-readable JSON."_s);
    std::shared_ptr<model::Project> project;
    if (int rc = parseAndOpen(p, args, {json}, &project, model::Project::OpenMode::ReadOnly);
        rc != Proceed)
        return rc;
    model::ProjectStore store(*project);
    const model::Json summary = store.summaryJson();
    const bool damaged = summary["analysis"].is_object() && summary["analysis"].contains("damaged");
    if (damaged)
        err(QString::fromStdString(summary["analysis"]["damaged"].get<std::string>()));
    if (p.parser.isSet(json)) {
        std::fputs((summary.dump(2) + "\n").c_str(), stdout);
        return damaged ? UsageOrIo : Ok;
    }
    out(u"project %1, view %2"_s.arg(project->path(), model::viewName(project->view())));
    for (const auto& c : summary["corpora"]) {
        out(u"\n%1 (%2): %3 samples, %4 rejected"_s
                .arg(QString::fromStdString(c["name"].get<std::string>()),
                     QString::fromStdString(c["role"].get<std::string>()))
                .arg(c["samples"].get<qint64>())
                .arg(c["rejected"].get<qint64>()));
        if (!c.contains("metrics")) {
            if (project->view() != model::AnalysisView::All && summary["analysis"].is_object())
                out(u"  (no %1: not in this view)"_s.arg(model::viewName(project->view())));
            continue;
        }
        for (const auto& m : model::corpusMetrics())
            if (c["metrics"].contains(m.key))
                out(u"  %1 %2"_s.arg(QString::fromLatin1(m.key), -24)
                        .arg(model::formatMetric(m, c["metrics"][m.key].get<double>())));
        if (c.contains("judge")) {
            out(u"  what the judge preferred (preference pairs):"_s);
            for (const auto& m : model::judgeMetrics())
                if (c["metrics"].contains(m.key))
                    out(u"  %1 %2"_s.arg(QString::fromLatin1(m.key), -34)
                            .arg(model::formatMetric(m, c["metrics"][m.key].get<double>())));
        }
        if (!c.contains("vs_real_detail"))
            continue;
        out(u"  against reality, %1 samples per side (real vs real band: mean ± %2 sd; "
            "* outside it):"_s.arg(c.value("vs_real_budget", qint64(0)))
                .arg(model::kNullBandSd));
        for (const auto& m : model::comparisonMetrics()) {
            if (!c["vs_real_detail"].contains(m.key))
                continue;
            const model::Json& d = c["vs_real_detail"][m.key];
            QString line = u"  %1 %2"_s.arg(QString::fromLatin1(m.key), -30)
                               .arg(model::formatMetric(m, d["value"].get<double>()));
            if (d.contains("null_mean") && d.contains("null_sd"))
                line += u"  [%1 ± %2]%3"_s.arg(
                    model::formatMetric(m, d["null_mean"].get<double>()),
                    model::formatMetric(m, model::kNullBandSd * d["null_sd"].get<double>()),
                    d.value("outside_null", false) ? u" *"_s : QString());
            out(line);
        }
    }
    if (summary["real_vs_synthetic"].is_object()) {
        out(u"\npooled: all real vs all synthetic"_s);
        for (const auto& m : model::comparisonMetrics())
            if (summary["real_vs_synthetic"].contains(m.key))
                out(u"  %1 %2"_s.arg(QString::fromLatin1(m.key), -30)
                        .arg(model::formatMetric(
                            m, summary["real_vs_synthetic"][m.key].get<double>())));
    } else if (summary["analysis"].is_null()) {
        out(u"\nnot analysed yet: synthscope-cli analyze --project %1"_s.arg(project->path()));
    }
    return damaged ? UsageOrIo : Ok;
}

int cmdExport(const QStringList& args) {
    Parsed p;
    const QCommandLineOption outOpt(u"out"_s, u"Output JSONL file."_s, u"file"_s);
    const QCommandLineOption corpus(u"corpus"_s, u"Only this corpus."_s, u"name"_s);
    const QCommandLineOption role(u"role"_s, u"Only real or synthetic."_s, u"role"_s);
    const QCommandLineOption tag(u"tag"_s, u"any, none, tagged or a tag name."_s, u"tag"_s,
                                 u"any"_s);
    const QCommandLineOption decision(u"decision"_s, u"any, keep, drop or undecided."_s,
                                      u"decision"_s, u"any"_s);
    const QCommandLineOption decidedBy(u"decided-by"_s,
                                       u"Whose decision: anyone (default), majority, or a "
                                       "reviewer's name."_s,
                                       u"who"_s, u"anyone"_s);
    const QCommandLineOption clusters(
        u"clusters"_s, u"Only these clusters (1-based, comma-separated)."_s, u"list"_s);
    const QCommandLineOption notClusters(u"exclude-clusters"_s, u"All but these clusters."_s,
                                         u"list"_s);
    const QCommandLineOption skeletons(u"skeleton-groups"_s, u"Only these skeleton groups."_s,
                                       u"list"_s);
    const QCommandLineOption notSkeletons(u"exclude-skeleton-groups"_s,
                                          u"All but these skeleton groups."_s, u"list"_s);
    const QCommandLineOption onePerDuplicate(u"one-per-duplicate-group"_s,
                                             u"Keep one member of each duplicate group."_s);
    const QCommandLineOption maxLikeness(u"max-synthetic-likeness"_s,
                                         u"Only samples with P(synthetic) at most this."_s, u"p"_s);
    const QCommandLineOption maxNn(
        u"max-nn-similarity"_s, u"Only samples whose nearest own-corpus cosine is at most this."_s,
        u"cos"_s);
    const QCommandLineOption minPpl(u"min-perplexity"_s, u"Perplexity at least this."_s, u"x"_s);
    const QCommandLineOption maxPpl(u"max-perplexity"_s, u"Perplexity at most this."_s, u"x"_s);
    if (const int rc =
            parse(p, args,
                  {outOpt, corpus, role, tag, decision, decidedBy, clusters, notClusters, skeletons,
                   notSkeletons, onePerDuplicate, maxLikeness, maxNn, minPpl, maxPpl});
        rc != Proceed)
        return rc;
    if (!p.parser.isSet(outOpt)) {
        return usageError(u"export: --out is required"_s);
    }
    model::ExportFilter filter;
    if (p.parser.isSet(corpus))
        filter.corpus = p.parser.value(corpus);
    if (p.parser.isSet(role)) {
        model::Role r = model::Role::Real;
        if (!model::parseRole(p.parser.value(role), &r)) {
            return usageError(u"export: --role must be real or synthetic"_s);
        }
        filter.role = r;
    }
    model::ExportFilter::parseTag(p.parser.value(tag), &filter);
    QString error;
    if (!model::ExportFilter::parseDecision(p.parser.value(decision), &filter.decisions, &error)) {
        return usageError(u"export: %1"_s.arg(error));
    }
    const QString who = p.parser.value(decidedBy);
    if (who == "majority"_L1)
        filter.decisionSource = model::ExportFilter::DecisionSource::Majority;
    else if (who != "anyone"_L1) {
        filter.decisionSource = model::ExportFilter::DecisionSource::Reviewer;
        filter.reviewer = who;
    }
    for (const auto& [option, selection, exclude] :
         {std::tuple{&clusters, &filter.clusters, false},
          std::tuple{&notClusters, &filter.clusters, true},
          std::tuple{&skeletons, &filter.skeletonGroups, false},
          std::tuple{&notSkeletons, &filter.skeletonGroups, true}})
        if (p.parser.isSet(*option)) {
            if (!model::ExportFilter::parseGroups(p.parser.value(*option), &selection->ids,
                                                  &error)) {
                return usageError(u"export: --%1: %2"_s.arg(option->names().first(), error));
            }
            selection->exclude = exclude;
        }
    filter.onePerDuplicateGroup = p.parser.isSet(onePerDuplicate);
    for (const auto& [option, bound] :
         {std::pair{&maxLikeness, &filter.maxSyntheticLikeness},
          std::pair{&maxNn, &filter.maxNnSimilarity}, std::pair{&minPpl, &filter.minPerplexity},
          std::pair{&maxPpl, &filter.maxPerplexity}})
        if (p.parser.isSet(*option)) {
            bool ok = false;
            *bound = p.parser.value(*option).toDouble(&ok);
            if (!ok) {
                return usageError(u"export: --%1 needs a number"_s.arg(option->names().first()));
            }
        }
    std::shared_ptr<model::Project> project;
    if (int rc = openProject(p, model::Project::OpenMode::ReadOnly, &project); rc != Ok)
        return rc;
    model::ExportReport report;
    if (auto s =
            model::exportSamples(*project, filter, p.parser.value(outOpt), makeProgress(), &report);
        !s) {
        return failed("export", s);
    }
    out(u"exported %1 samples (%2 records) to %3 (sha256 %4); manifest %5; %6 excluded ids in %7"_s
            .arg(report.samples)
            .arg(report.records)
            .arg(report.outputPath, report.sha256, report.manifestPath)
            .arg(report.excluded)
            .arg(report.excludedPath));
    return Ok;
}

int cmdRejects(const QStringList& args) {
    Parsed p;
    const QCommandLineOption corpus(u"corpus"_s, u"Only this corpus."_s, u"name"_s);
    std::shared_ptr<model::Project> project;
    if (int rc = parseAndOpen(p, args, {corpus}, &project, model::Project::OpenMode::ReadOnly);
        rc != Proceed)
        return rc;
    model::ProjectStore store(*project);
    qint64 corpusId = 0;
    if (p.parser.isSet(corpus)) {
        for (const auto& c : store.corpora())
            if (c.name == p.parser.value(corpus))
                corpusId = c.id;
        if (corpusId == 0) {
            return usageError(u"rejects: no corpus named '%1'"_s.arg(p.parser.value(corpus)));
        }
    }
    for (const auto& r : store.rejects(corpusId, 1 << 30))
        out(u"%1:%2: %3"_s.arg(r.file).arg(r.line).arg(r.reason));
    return Ok;
}

int cmdCorpus(const QStringList& args) {
    Parsed p;
    const QCommandLineOption rename(u"rename"_s, u"New name for the corpus."_s, u"name"_s);
    const QCommandLineOption role(u"role"_s, u"New role: real or synthetic."_s, u"role"_s);
    const QCommandLineOption remove(u"remove"_s, u"Remove the corpus."_s);
    if (int rc = parse(p, args, {rename, role, remove}); rc != Proceed)
        return rc;
    const int edits =
        int(p.parser.isSet(rename)) + int(p.parser.isSet(role)) + int(p.parser.isSet(remove));
    if (edits > 1)
        return usageError(u"corpus: give one of --rename, --role, --remove"_s);
    const QStringList names = p.parser.positionalArguments();
    if (edits == 1 && names.size() != 1)
        return usageError(u"corpus: name the one corpus to change"_s);
    if (edits == 0 && !names.isEmpty())
        return usageError(
            u"corpus: say what to do with '%1': --rename, --role or --remove"_s.arg(names.first()));
    model::Role newRole = model::Role::Real;
    if (p.parser.isSet(role) && !model::parseRole(p.parser.value(role), &newRole))
        return usageError(u"corpus: --role must be real or synthetic"_s);
    std::shared_ptr<model::Project> project;
    if (int rc = openProject(p,
                             edits == 0 ? model::Project::OpenMode::ReadOnly
                                        : model::Project::OpenMode::OpenExisting,
                             &project);
        rc != Ok)
        return rc;
    model::ProjectStore store(*project);
    if (edits == 0) {
        out(u"id\tname\trole\tsamples\trejected"_s);
        for (const model::CorpusInfo& c : store.corpora())
            // One multi-argument arg(): a name holding "%1" is not substituted into.
            out(u"%1\t%2\t%3\t%4\t%5"_s.arg(QString::number(c.id), c.name, model::roleName(c.role),
                                            QString::number(c.samples),
                                            QString::number(c.rejected)));
        return Ok;
    }
    std::optional<model::CorpusInfo> corpus;
    for (const model::CorpusInfo& c : store.corpora())
        if (c.name == names.first())
            corpus = c;
    if (!corpus)
        return usageError(u"corpus: no corpus named '%1'"_s.arg(names.first()));
    if (p.parser.isSet(rename)) {
        if (auto s = model::renameCorpus(*project, corpus->id, p.parser.value(rename)); !s)
            return failed("corpus", s);
        out(u"renamed '%1' to '%2'"_s.arg(corpus->name, p.parser.value(rename).trimmed()));
    } else if (p.parser.isSet(role)) {
        if (corpus->role == newRole) {
            out(u"'%1' is already %2"_s.arg(corpus->name, model::roleName(newRole)));
            return Ok;
        }
        if (auto s = model::setCorpusRole(*project, corpus->id, newRole); !s)
            return failed("corpus", s);
        out(u"'%1' is %2; run synthscope-cli analyze before the gate"_s.arg(
            corpus->name, model::roleName(newRole)));
    } else {
        model::CorpusRemovalImpact impact;
        if (auto s = model::corpusRemovalImpact(*project, corpus->id, &impact); !s)
            return failed("corpus", s);
        if (auto s = model::removeCorpus(*project, corpus->id, makeProgress()); !s)
            return failed("corpus", s);
        out(u"removed '%1': %2 samples, %3 rejected rows, %4 tagged samples, %5 decisions, %6 "
            "notes, %7 saved-queue entries and its metrics in every analysis run; run "
            "synthscope-cli analyze before the gate"_s.arg(
                corpus->name, QString::number(impact.samples), QString::number(impact.rejects),
                QString::number(impact.taggedSamples), QString::number(impact.decisions),
                QString::number(impact.notes), QString::number(impact.queueEntries)));
    }
    return Ok;
}

} // namespace

int run(const QStringList& arguments) {
    if (arguments.size() < 2) {
        std::fputs(kUsage, stderr);
        return UsageOrIo;
    }
    const QString command = arguments.at(1);
    QStringList rest = arguments.mid(2);
    rest.prepend(arguments.at(0) + u' ' + command);
    // Every command by name ("analyse" is the British spelling of analyze).
    struct Command {
        const char* name;
        int (*run)(const QStringList&);
    };
    static constexpr Command kCommands[] = {
        {"import", cmdImport},   {"analyze", cmdAnalyze},
        {"analyse", cmdAnalyze}, {"summary", cmdSummary},
        {"embed", cmdEmbed},     {"layout", cmdLayout},
        {"gate", cmdGate},       {"report", cmdReport},
        {"trend", cmdTrend},     {"ratio-gradient", cmdRatioGradient},
        {"export", cmdExport},   {"rejects", cmdRejects},
        {"corpus", cmdCorpus}};
    for (const Command& c : kCommands)
        if (command == QLatin1StringView(c.name))
            return c.run(rest);
    if (command == "--help"_L1 || command == "-h"_L1 || command == "help"_L1) {
        std::fputs(kUsage, stdout);
        return Ok;
    }
    if (command == "--version"_L1) {
        out(QStringLiteral(SYNTHSCOPE_VERSION));
        return Ok;
    }
    err(u"unknown command '%1'"_s.arg(command));
    std::fputs(kUsage, stderr);
    return UsageOrIo;
}

} // namespace synthscope::cli
