#include "model/Project.h"

#include "model/Schema.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {
/// The translation context of this file's messages (lupdate reads the macro).
struct ProjectText {
    Q_DECLARE_TR_FUNCTIONS(synthscope::model::Project)
};
} // namespace

QString roleName(Role role) {
    return role == Role::Real ? u"real"_s : u"synthetic"_s;
}

bool parseRole(const QString& text, Role* role) {
    if (text == "real"_L1) {
        *role = Role::Real;
        return true;
    }
    if (text == "synthetic"_L1) {
        *role = Role::Synthetic;
        return true;
    }
    return false;
}

QString viewName(AnalysisView view) {
    switch (view) {
    case AnalysisView::All:
        break;
    case AnalysisView::Prompts:
        return u"prompts"_s;
    case AnalysisView::Responses:
        return u"responses"_s;
    }
    return u"all"_s;
}

bool parseView(const QString& text, AnalysisView* view) {
    for (AnalysisView v : {AnalysisView::All, AnalysisView::Prompts, AnalysisView::Responses})
        if (text == viewName(v)) {
            *view = v;
            return true;
        }
    return false;
}

QString viewColumn(AnalysisView view) {
    switch (view) {
    case AnalysisView::All:
        break;
    case AnalysisView::Prompts:
        return u"prompt"_s;
    case AnalysisView::Responses:
        return u"response"_s;
    }
    return u"text"_s;
}

sqlite3* sqliteHandle(const QSqlDatabase& db) {
    if (db.driver() == nullptr)
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

Status exec(QSqlDatabase& db, const QString& sql) {
    QSqlQuery q(db);
    if (!q.exec(sql))
        return Status::failure(u"SQL failed (%1): %2"_s.arg(sql.left(80), q.lastError().text()));
    return {};
}

QString jsonIdArray(const QList<qint64>& ids) {
    QString out = u"["_s;
    for (qsizetype i = 0; i < ids.size(); ++i)
        out += (i > 0 ? u","_s : QString()) + QString::number(ids.at(i));
    return out + u"]"_s;
}

Status newestAnalysisRun(QSqlDatabase& db, std::optional<qint64>* run) {
    run->reset();
    QSqlQuery q(db);
    if (!q.exec(u"SELECT "_s + kNewestAnalysisRun) || !q.next())
        return Status::failure(
            ProjectText::tr("cannot read the analysis runs: %1").arg(q.lastError().text()));
    if (!q.value(0).isNull())
        *run = q.value(0).toLongLong();
    return {};
}

Status sqlError(const QSqlQuery& query) {
    return Status::failure(query.lastError().text());
}

Status execPrepared(QSqlQuery& query, std::initializer_list<QVariant> values) {
    int i = 0;
    for (const QVariant& v : values)
        query.bindValue(i++, v);
    if (!query.exec())
        return Status::failure(query.lastError().text());
    return {};
}

std::optional<QString> projectInfo(Project& project, const QString& key) {
    QSqlQuery q(project.connection());
    q.prepare(u"SELECT value FROM project_info WHERE key = ?"_s);
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return std::nullopt;
}

Status setProjectInfo(Project& project, const QString& key, const QString& value) {
    QSqlQuery q(project.connection());
    if (value.isNull()) {
        q.prepare(u"DELETE FROM project_info WHERE key = ?"_s);
        return execPrepared(q, {key});
    }
    q.prepare(u"INSERT INTO project_info (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
              "SET value = excluded.value"_s);
    return execPrepared(q, {key, value});
}

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db)) {
    m_begin = exec(m_db, u"BEGIN IMMEDIATE"_s);
    m_open = m_begin.ok();
}

Transaction::~Transaction() {
    if (m_open)
        (void)exec(m_db, u"ROLLBACK"_s);
}

Status Transaction::commit() {
    if (!m_open)
        return m_begin.ok() ? Status::failure(u"transaction already closed"_s) : m_begin;
    Status s = exec(m_db, u"COMMIT"_s);
    if (s.ok())
        m_open = false;
    return s;
}

ReadSnapshot::ReadSnapshot(QSqlDatabase db)
    : m_db(std::move(db)) {
    m_status = exec(m_db, u"BEGIN"_s);
    m_open = m_status.ok();
    // SQLite takes the snapshot at the first read of a transaction, not at BEGIN.
    if (m_open)
        m_status = exec(m_db, u"SELECT count(*) FROM sqlite_schema"_s);
}

ReadSnapshot::~ReadSnapshot() {
    if (m_open)
        (void)exec(m_db, u"ROLLBACK"_s);
}

namespace {
QAtomicInteger<int> g_projectCounter; // only to make connection names unique per Project
}

Project::Project(QString path)
    : m_path(std::move(path))
    , m_id(QString::number(g_projectCounter.fetchAndAddRelaxed(1))) {}

Project::~Project() {
    releaseThreadConnection();
}

AnalysisView Project::view() const {
    return static_cast<AnalysisView>(m_view->load());
}

void Project::setView(AnalysisView view) {
    m_view->store(static_cast<int>(view));
}

namespace {

// analysis_view(): the view of the Project whose connection runs the statement.
void analysisViewFunction(sqlite3_context* context, int /*argc*/, sqlite3_value** /*argv*/) {
    const auto* view =
        static_cast<const std::shared_ptr<std::atomic<int>>*>(sqlite3_user_data(context));
    const QByteArray name = viewName(static_cast<AnalysisView>((*view)->load())).toLatin1();
    sqlite3_result_text(context, name.constData(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
}

void releaseViewFunction(void* data) {
    delete static_cast<std::shared_ptr<std::atomic<int>>*>(data);
}

} // namespace

QString Project::connectionName() const {
    return u"synthscope-%1-%2"_s.arg(
        m_id, QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()), 16));
}

QSqlDatabase Project::connection() const {
    const QString name = connectionName();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(m_immutable ? QUrl::fromLocalFile(m_path).toString(QUrl::FullyEncoded) +
                                         u"?immutable=1"_s
                                   : m_path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s +
                         (m_readOnly ? u";QSQLITE_OPEN_READONLY"_s : QString()) +
                         (m_immutable ? u";QSQLITE_OPEN_URI"_s : QString()));
    if (db.open()) {
        // A project file may come from anyone: SQLite's advice for untrusted databases
        // (https://www.sqlite.org/security.html) — defensive mode (no writable schema, no
        // corrupting pragmas) and no extension loading. trusted_schema stays on because the
        // note-search triggers write to an FTS5 table, which SQLite does not mark innocuous;
        // instead checkSchema() refuses every trigger and view the migrations did not create.
        if (sqlite3* h = sqliteHandle(db); h != nullptr) {
            sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
            sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
            // Direct-only: no trigger or view stored in a file can call it.
            sqlite3_create_function_v2(h, "analysis_view", 0, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                       new std::shared_ptr<std::atomic<int>>(m_view),
                                       analysisViewFunction, nullptr, nullptr, releaseViewFunction);
        }
        // WAL is set once by open(), after the file proved to be ours: the mode is stored in
        // the file, so setting it here would change a foreign database before it is refused.
        (void)exec(db, u"PRAGMA foreign_keys = ON"_s);
        (void)exec(db, u"PRAGMA synchronous = FULL"_s);
    }
    return db;
}

void Project::releaseThreadConnection() const {
    const QString name = connectionName();
    if (!QSqlDatabase::contains(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

Status Project::open(const QString& path, OpenMode mode, std::shared_ptr<Project>* project) {
    const QFileInfo info(path);
    const bool readOnly = mode == OpenMode::ReadOnly;
    if (!info.exists() && mode != OpenMode::CreateIfMissing)
        return Status::failure(ProjectText::tr("%1: no such project file").arg(path));
    if (info.exists() && info.isDir())
        return Status::failure(ProjectText::tr("%1 is a folder, not a project file").arg(path));
    if (info.exists() && !info.isFile())
        return Status::failure(
            ProjectText::tr("%1 is not a regular file (a device, pipe or socket)").arg(path));
    if (info.exists() && !info.isReadable())
        return Status::failure(ProjectText::tr("%1 cannot be read: permission denied").arg(path));
    if (!info.exists() && !info.absoluteDir().exists())
        return Status::failure(ProjectText::tr("%1: the folder does not exist").arg(path));
    // Only a command that may create a project turns an empty file into one.
    if (mode != OpenMode::CreateIfMissing && info.exists() && info.size() == 0)
        return Status::failure(ProjectText::tr("%1 is empty, not a Synthscope project").arg(path));
    // SQLite writes a project's journal (-wal, -shm) beside it: writing needs the folder too.
    const bool folderWritable = QFileInfo(info.absolutePath()).isWritable();
    if (!readOnly && (!folderWritable || (info.exists() && !info.isWritable())))
        return Status::failure(
            ProjectText::tr(
                "%1 is read-only (%2 cannot be written; SQLite keeps its journal beside the file): "
                "summary, gate, report, export, trend and rejects still read it; copy it to a "
                "writable folder to change it")
                .arg(path,
                     folderWritable ? ProjectText::tr("the file") : ProjectText::tr("its folder")));
    const QString wal = info.absoluteFilePath() + u"-wal"_s;
    if (readOnly && !folderWritable && QFileInfo(wal).size() > 0)
        return Status::failure(
            ProjectText::tr(
                "%1 cannot be read here: its folder is read-only and it holds changes not yet "
                "merged into the file (%2); open it once in a writable folder, or copy the file "
                "with its -wal beside it")
                .arg(path, wal));

    std::shared_ptr<Project> p(new Project(info.absoluteFilePath()));
    p->m_readOnly = readOnly;
    p->m_immutable = readOnly && !folderWritable;
    QSqlDatabase db = p->connection();
    if (!db.isOpen())
        return Status::failure(
            ProjectText::tr("%1: cannot open: %2").arg(path, db.lastError().text()));

    // SQLITE_NOTADB (26): the bytes are not an SQLite database; any other error is SQLite's
    // own message (e.g. it cannot open the file for reading).
    auto unreadable = [&](const QSqlQuery& failed) {
        return failed.lastError().nativeErrorCode() == u"26"_s
                   ? Status::failure(
                         ProjectText::tr("%1 is not a Synthscope project (not an SQLite database)")
                             .arg(path))
                   : Status::failure(ProjectText::tr("%1 cannot be read: %2")
                                         .arg(path, failed.lastError().databaseText()));
    };
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA application_id"_s) || !q.next())
        return unreadable(q);
    const int appId = q.value(0).toInt();
    q.finish();
    if (!q.exec(u"SELECT count(*) FROM sqlite_schema"_s) || !q.next())
        return unreadable(q);
    const bool empty = q.value(0).toInt() == 0;
    q.finish();

    if (appId != kApplicationId) {
        if (!empty || appId != 0)
            return Status::failure(
                ProjectText::tr(
                    "%1 is an SQLite database of another application, not a Synthscope project")
                    .arg(path));
        if (mode != OpenMode::CreateIfMissing)
            return Status::failure(
                ProjectText::tr("%1 is an empty SQLite database, not a Synthscope project")
                    .arg(path));
        if (Status s = initializeSchema(db); !s)
            return Status::failure(
                ProjectText::tr("%1: cannot create project: %2").arg(path, s.error()));
    }
    if (!readOnly)
        if (Status s = exec(db, u"PRAGMA journal_mode = WAL"_s); !s)
            return Status::failure(
                ProjectText::tr("%1: cannot switch to WAL: %2").arg(path, s.error()));
    if (readOnly) {
        q.finish();
        if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
            return unreadable(q);
        if (const int version = q.value(0).toInt(); version < kSchemaVersion)
            return Status::failure(
                ProjectText::tr(
                    "%1 was written by an older Synthscope (schema %2, this one writes %3) and is "
                    "opened read-only, so it cannot be upgraded: open it once for writing (the "
                    "workbench, or synthscope-cli analyze)")
                    .arg(path, QString::number(version), QString::number(kSchemaVersion)));
        q.finish();
    }
    if (Status s = migrateSchema(db); !s)
        return Status::failure(u"%1: %2"_s.arg(path, s.error()));
    if (Status s = checkSchema(db); !s)
        return Status::failure(
            ProjectText::tr("%1 is a damaged Synthscope project: %2").arg(path, s.error()));
    *project = std::move(p);
    return {};
}

} // namespace synthscope::model
