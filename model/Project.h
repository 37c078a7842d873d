#pragma once

#include <initializer_list>

#include "model/Status.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

struct sqlite3;

namespace synthscope::model {

enum class Role { Real, Synthetic };
QString roleName(Role role);                     ///< "real" / "synthetic"
bool parseRole(const QString& text, Role* role); ///< accepts "real" / "synthetic"

/// Which part of each sample an analysis reads, and which analysis run the views, gate and
/// reports show: All = the whole text (samples.text: a conversation's user and assistant turns,
/// or the text a field or template gave), Prompts = the user turns (samples.prompt), Responses
/// = the assistant turns (samples.response). Samples without that part (NULL) are left out.
enum class AnalysisView { All, Prompts, Responses };
QString viewName(AnalysisView view);                     ///< "all" / "prompts" / "responses"
bool parseView(const QString& text, AnalysisView* view); ///< the inverse of viewName()
/// The samples column a view reads: "text", "prompt" or "response".
QString viewColumn(AnalysisView view);

/// A Synthscope project: one SQLite file (*.synthscope) holding corpora, samples with their
/// original records, rejected rows, analysis runs and results, tags and review decisions.
///
/// The file is marked with PRAGMA application_id = kApplicationId and versioned with
/// PRAGMA user_version = schema version; older schemas are migrated forward on open, each
/// step in one transaction. Connections use WAL, foreign keys and synchronous=FULL, so a
/// committed transaction survives a crash or kill of the process.
///
/// SQLite connections are per thread: connection() opens (once) and returns the calling
/// thread's connection. A worker thread calls releaseThreadConnection() when it is done.
class Project {
public:
    static constexpr int kApplicationId = 0x53796e53; // "SynS"
    static constexpr int kSchemaVersion = 14;
    static constexpr const char* kFileSuffix = "synthscope";

    /// ReadOnly is for commands that only read (summary, gate, report, export, trend,
    /// rejects): the file is never written, created or migrated, so it opens where the file or
    /// its folder cannot be written (a project in a read-only folder is read as immutable,
    /// which needs its write-ahead log merged, i.e. closed cleanly, first).
    enum class OpenMode { OpenExisting, CreateIfMissing, ReadOnly };

    /// Opens the project at path. Errors (as a failed Status), each naming the path: the file
    /// is missing (OpenExisting, ReadOnly), a folder or not a regular file, unreadable, empty
    /// (unless CreateIfMissing), not an SQLite database, an SQLite database of another application,
    /// written by a newer Synthscope, written by an older one (ReadOnly: it cannot be migrated),
    /// damaged (checkSchema), or read-only on disk while mode asks to write it.
    static Status open(const QString& path, OpenMode mode, std::shared_ptr<Project>* project);

    ~Project();
    Project(const Project&) = delete;
    Project& operator=(const Project&) = delete;

    [[nodiscard]] const QString& path() const { return m_path; }
    /// Opened with OpenMode::ReadOnly: every write fails.
    [[nodiscard]] bool readOnly() const { return m_readOnly; }
    /// The calling thread's connection to this project (opened on first use).
    [[nodiscard]] QSqlDatabase connection() const;
    /// Closes the calling thread's connection, if any.
    void releaseThreadConnection() const;

    /// The view the stores read (kNewestAnalysisRun is the newest run of this view) and the
    /// next analysis analyses. Shared by every thread's connection: SQL reads it through the
    /// function analysis_view(), registered on each connection. All until set.
    [[nodiscard]] AnalysisView view() const;
    void setView(AnalysisView view);

private:
    explicit Project(QString path);
    [[nodiscard]] QString connectionName() const;
    QString m_path;
    QString m_id;
    bool m_readOnly = false;
    bool m_immutable = false; ///< read-only folder: SQLite's immutable=1, no -shm needed
    /// The view (AnalysisView as int), shared with the SQL function of every connection, which
    /// may outlive this object on a worker thread.
    std::shared_ptr<std::atomic<int>> m_view = std::make_shared<std::atomic<int>>(0);
};

/// The SQLite handle behind db (Qt's QSQLITE driver), for what QSqlQuery does slowly or not at
/// all: sqlite3_db_config, SQL functions, a million rows without a QVariant each. Null when db is
/// not open or another driver's.
sqlite3* sqliteHandle(const QSqlDatabase& db);

/// Executes sql on db; on failure returns a Status naming the statement and SQLite's message.
Status exec(QSqlDatabase& db, const QString& sql);

/// SQLite's message for the last statement of query, as a failure.
Status sqlError(const QSqlQuery& query);

/// Binds values to the prepared query's placeholders in order and executes it; on failure
/// returns a Status with SQLite's message.
Status execPrepared(QSqlQuery& query, std::initializer_list<QVariant> values);

/// ids as a JSON array ("[1,2,3]"), to bind as one value for SQLite's json_each(): one
/// statement over a list of any length.
QString jsonIdArray(const QList<qint64>& ids);

/// The newest analysis run of the project's view (Project::view()) as an SQL scalar subquery,
/// for "run_id = " + kNewestAnalysisRun; NULL (matching no row) before the first.
/// Inline, so namespace-scope strings built from it in other files are initialised after it.
inline const QString kNewestAnalysisRun =
    QStringLiteral("(SELECT max(id) FROM runs WHERE kind = 'analysis' AND view = analysis_view())");
/// The text the project's view reads of the sample aliased s, as an SQL expression (NULL for a
/// sample without that part): a macro, so that compile-time SQL strings can be built from it.
#define SYNTHSCOPE_VIEW_TEXT_SQL                                                                   \
    "(CASE analysis_view() WHEN 'prompts' THEN s.prompt WHEN 'responses' THEN s.response ELSE "    \
    "s.text END)"
/// How many samples of a corpus (a row of corpora) the project's view reads, as SQL.
#define SYNTHSCOPE_VIEW_SAMPLES_SQL                                                                \
    "(CASE analysis_view() WHEN 'prompts' THEN prompts WHEN 'responses' THEN responses ELSE "      \
    "samples END)"
/// Every analysis run of the project's view, as an SQL subquery for "run_id IN " + kViewRuns.
inline const QString kViewRuns =
    QStringLiteral("(SELECT id FROM runs WHERE kind = 'analysis' AND view = analysis_view())");

/// The id of the newest analysis run into *run (std::nullopt when the project has none);
/// a failure Status with SQLite's message when the query fails.
Status newestAnalysisRun(QSqlDatabase& db, std::optional<qint64>* run);

/// A project-wide setting (project_info table): its value, or nullopt when unset.
std::optional<QString> projectInfo(Project& project, const QString& key);
/// Sets a project-wide setting; a null value removes it. Committed at once.
Status setProjectInfo(Project& project, const QString& key, const QString& value);

/// RAII transaction: BEGIN IMMEDIATE on construction, ROLLBACK unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    [[nodiscard]] const Status& beginStatus() const { return m_begin; }
    Status commit();

private:
    QSqlDatabase m_db;
    Status m_begin;
    bool m_open = false;
};

/// RAII read snapshot: BEGIN and a first read on construction, so that every query on db until
/// it ends sees the project as it was then, even while a writer on another connection commits
/// (WAL). Ends with ROLLBACK (it writes nothing). For exports and reports that run beside an
/// analysis: without it each statement could read a different analysis run.
class ReadSnapshot {
public:
    explicit ReadSnapshot(QSqlDatabase db);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;
    /// Failure when BEGIN or the first read failed (then nothing is pinned).
    [[nodiscard]] const Status& status() const { return m_status; }

private:
    QSqlDatabase m_db;
    Status m_status;
    bool m_open = false;
};

} // namespace synthscope::model
