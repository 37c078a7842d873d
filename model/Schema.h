#pragma once

#include "model/Status.h"

#include <QSqlDatabase>

namespace synthscope::model {

/// Marks an empty SQLite database as a Synthscope project (application_id), schema version 0.
Status initializeSchema(QSqlDatabase& db);

/// Applies every forward migration from the file's PRAGMA user_version up to target
/// (Project::kSchemaVersion when negative; tests build old files with a lower one), each in
/// its own transaction. Fails without change when the file is newer than this build
/// understands.
Status migrateSchema(QSqlDatabase& db, int target = -1);

} // namespace synthscope::model
