#pragma once

#include "analysis/Progress.h"
#include "model/FieldMapping.h"
#include "model/Project.h"
#include "model/RecordReader.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace synthscope::model {

/// Import a uniform random sample of a corpus's records instead of all of them.
struct ImportSampling {
    qint64 size = 0;  ///< records to keep (≥ 1)
    quint64 seed = 0; ///< the same seed and files give the same sample on every machine
};

struct ImportSpec {
    QString corpusName;
    Role role = Role::Real;
    QStringList files;
    InputFormat format = InputFormat::Auto;
    FieldMapping mapping;
    std::size_t maxRecordBytes = 1 << 20; ///< larger records are rejected (bytes)
    /// Keep only a uniform sample of the records that would be stored (reservoir sampling,
    /// analysis::Reservoir) in one pass over files of any size; nullopt: keep every record.
    std::optional<ImportSampling> sampling;
    /// Samples added to the full-text index per statement, after the rows are stored;
    /// progress and cancel come between statements (≥ 1; tests make it small).
    qint64 indexBatchRows = 50'000;
};

struct RejectedRow {
    QString file;
    qint64 line = 0;
    QString reason;
};

struct ImportReport {
    qint64 corpusId = 0;
    qint64 rowsIn = 0;        ///< records seen (blank lines are not records)
    qint64 stored = 0;        ///< records stored (a preference pair is one record)
    qint64 samples = 0;       ///< samples stored (two per preference pair)
    qint64 pairs = 0;         ///< preference pairs stored
    qint64 conversations = 0; ///< conversations stored (one sample each)
    qint64 multiTurn = 0;     ///< of which with more than one user turn
    qint64 prompts = 0;       ///< samples stored with a prompt
    qint64 responses = 0;     ///< samples stored with a response
    qint64 filtered = 0;      ///< good records skipped by mapping.where
    qint64 rejected = 0;      ///< rowsIn − stored − filtered − sampledOut
    qint64 sampledOut = 0;    ///< good records left out by spec.sampling
    qint64 population = 0;    ///< good records the sample was drawn from (sampling only)
    /// Samples stored with a duplicate-cluster id (mapping.duplicateClusterField); 0 with a
    /// field set means no stored record had it (a misspelt name, say).
    qint64 duplicateClusterIds = 0;
    QList<RejectedRow> firstRejects; ///< up to 100, in file order
    bool cancelled = false;
    bool nothingMatched = false; ///< failed: no readable record met mapping.where
};

/// Checks what can be checked of spec without a project: a name, at least one file, a text
/// field or a valid text template, known provenance keys with valid templates, and every file
/// a readable regular file. Fails with the first problem in words. importCorpus() runs it too;
/// callers that would create a project for the import call it first, so that a bad spec
/// creates nothing.
Status validateImportSpec(const ImportSpec& spec);

/// The layout of the first good record of file as a mapping with pairs (detectPairMapping) or,
/// failing that, a conversation (detectConversationMapping) enabled; nullopt when that record
/// has a "text" field (unless evenWithText: the user asked for a layout), has neither layout,
/// or the file cannot be read. How an import with no text field or template decides to read a
/// file as preference pairs or conversations.
std::optional<FieldMapping> detectRecordLayout(const QString& file, InputFormat format,
                                               bool evenWithText = false);

/// Imports files into a new corpus of project, on the calling thread with its own connection.
///
/// Atomic: everything happens in one transaction, so a failure, a cancel (Cancelled from
/// progress) or a crash leaves the project exactly as before. Malformed records are stored
/// in the rejects table with file, line and reason and the import goes on; always
/// rowsIn = stored + rejected + filtered (records mapping.where skips) + sampledOut. The
/// original record is stored verbatim (see RawRecord).
/// With spec.sampling, the records that would be stored (read, matched and mapped) are the
/// population, and a uniform sample of spec.sampling->size of them is stored (every record
/// when there are fewer), in file order; every reject is still stored. The sample is held in
/// memory until the end (about twice the kept records' size). corpora.sampling records the
/// method, size, seed and population (CorpusInfo::sampling).
/// With mapping.pairs enabled each record becomes two samples (first and second output, each
/// with the whole record as its original) and a preference_pairs row with the verdict; the
/// outputs are the samples' responses (the prompt is the pair's, not analysed twice).
/// With mapping.conversation enabled each record becomes one sample whose turns are stored
/// with their roles (turns table) and whose text, prompt and response are conversationTexts().
/// A text from a field or template is the sample's prompt or response as mapping.textRole says.
/// Fails (nothing written) when the name is empty or taken, the mapping is invalid, a file
/// cannot be read, no record met mapping.where ("no record matched the condition"), or the
/// database refuses a write.
Status importCorpus(Project& project, const ImportSpec& spec, const analysis::Progress& progress,
                    ImportReport* report);

/// What a finished import says about its duplicate-cluster ids (spec.mapping's
/// duplicateClusterField), decided once for the CLI and the GUI, which word it each their way:
/// None when the mapping names no such field; NoneImported, a warning, when no stored record
/// had the field (a misspelt name once imported silently); else Imported
/// (report.duplicateClusterIds of report.samples carry one).
enum class DuplicateIdNote { None, NoneImported, Imported };
DuplicateIdNote duplicateIdNote(const ImportSpec& spec, const ImportReport& report);

} // namespace synthscope::model
