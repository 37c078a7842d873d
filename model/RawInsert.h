#pragma once

#include "model/Status.h"

#include <QSqlDatabase>
#include <QString>

#include <cstddef>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace synthscope::model {

/// One prepared INSERT on SQLite's own API, for the statements run once per sample or more (the
/// import's samples, an analysis's neighbours, embeddings and scores): a value is bound as it
/// is, where QSqlQuery would wrap each in a QVariant (a text as a UTF-16 copy that SQLite
/// converts back, a blob as a QByteArray copy). Texts and blobs are bound SQLITE_STATIC: they
/// must live until run(). Positions count from 1. Runs inside the caller's transaction.
class RawInsert {
public:
    /// Prepares sql on db's SQLite handle. A failure (not an SQLite connection, SQL SQLite
    /// rejects) is kept in error(); binds are then ignored and run() returns it.
    RawInsert(QSqlDatabase& db, const char* sql);
    ~RawInsert();
    RawInsert(const RawInsert&) = delete;
    RawInsert& operator=(const RawInsert&) = delete;

    /// Empty when prepared, else SQLite's message.
    [[nodiscard]] const QString& error() const { return m_error; }
    /// Binds text (never NULL: an empty string is '').
    void text(int at, std::string_view value);
    /// Binds text, or NULL when it is empty.
    void textOrNull(int at, std::string_view value);
    void integer(int at, qint64 value);
    /// Binds a double; SQLite stores a NaN as NULL.
    void real(int at, double value);
    void null(int at);
    /// Binds bytes bytes from data as a blob (zero bytes: an empty blob, not NULL).
    void blob(int at, const void* data, std::size_t bytes);
    /// Runs the statement once; *rowid (if given) gets the new row's id. Failure: SQLite's
    /// message (a value that could not be bound, a text over SQLite's length limit say, is named
    /// so). The bindings are cleared after: a value not bound again for the next run is NULL,
    /// never a pointer into the last one.
    Status run(qint64* rowid = nullptr);

private:
    void keep(int rc);

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    int m_bindError = 0; ///< the first failed bind since the last run (SQLITE_OK = 0)
    QString m_error;
};

} // namespace synthscope::model
