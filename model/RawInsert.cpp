#include "model/RawInsert.h"

#include "model/Project.h"

#include <QCoreApplication>

#include <sqlite3.h>

#include <utility>

namespace synthscope::model {

namespace {
/// The translation context of this file's message: the importer's, where it was first written.
struct RawInsertText {
    Q_DECLARE_TR_FUNCTIONS(synthscope::model::Importer)
};
} // namespace

RawInsert::RawInsert(QSqlDatabase& db, const char* sql)
    : m_db(sqliteHandle(db)) {
    if (m_db != nullptr && sqlite3_prepare_v2(m_db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        m_stmt = nullptr;
    } else if (m_db == nullptr) {
        m_error = RawInsertText::tr("not an SQLite connection");
    }
}

RawInsert::~RawInsert() {
    sqlite3_finalize(m_stmt);
}

void RawInsert::text(int at, std::string_view value) {
    keep(sqlite3_bind_text64(m_stmt, at, value.empty() ? "" : value.data(), value.size(),
                             SQLITE_STATIC, SQLITE_UTF8));
}

void RawInsert::textOrNull(int at, std::string_view value) {
    if (value.empty())
        null(at);
    else
        text(at, value);
}

void RawInsert::integer(int at, qint64 value) {
    keep(sqlite3_bind_int64(m_stmt, at, value));
}

void RawInsert::real(int at, double value) {
    keep(sqlite3_bind_double(m_stmt, at, value));
}

void RawInsert::null(int at) {
    keep(sqlite3_bind_null(m_stmt, at));
}

void RawInsert::blob(int at, const void* data, std::size_t bytes) {
    keep(sqlite3_bind_blob64(m_stmt, at, bytes == 0 ? "" : data, bytes, SQLITE_STATIC));
}

Status RawInsert::run(qint64* rowid) {
    if (m_stmt == nullptr)
        return Status::failure(m_error);
    const int bound = std::exchange(m_bindError, SQLITE_OK);
    const int rc = bound == SQLITE_OK ? sqlite3_step(m_stmt) : bound;
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    if (bound != SQLITE_OK)
        return Status::failure(QString::fromUtf8(sqlite3_errstr(bound)));
    if (rc != SQLITE_DONE)
        return Status::failure(QString::fromUtf8(sqlite3_errmsg(m_db)));
    if (rowid != nullptr)
        *rowid = sqlite3_last_insert_rowid(m_db);
    return {};
}

void RawInsert::keep(int rc) {
    if (m_bindError == SQLITE_OK)
        m_bindError = rc;
}

} // namespace synthscope::model
