#pragma once

#include "model/Status.h"

#include <QSqlDatabase>

namespace synthscope::model {

/// Marks an empty SQLite database as a Synthscope project (application_id), schema version 0.
Status initializeSchema(QSqlDatabase& db);

/// Checks that every table the migrations create is there as a table (not a view or missing)
/// with all its columns, so a damaged or doctored file is refused on open instead of answering
/// queries wrongly (a gate that could not read `corpora` once passed). The expected schema is
/// built once by running the migrations on an in-memory database. Fails naming the first
/// missing table, column, trigger or view (a missing trigger leaves a full-text index behind
/// its text), or a trigger or view the migrations did not create (or whose SQL differs):
/// stored code would run on our writes. Extra tables and columns are allowed.
Status checkSchema(QSqlDatabase& db);

/// Applies every forward migration from the file's PRAGMA user_version up to target
/// (Project::kSchemaVersion when negative; tests build old files with a lower one), each in
/// its own transaction. Fails without change when the file is newer than this build
/// understands.
Status migrateSchema(QSqlDatabase& db, int target = -1);

} // namespace synthscope::model
