#pragma once

#include "model/Importer.h"
#include "model/Project.h"
#include "model/ReviewStore.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace synthscope::test {

/// The real corpora (../shared/data beside the checkout).
QString dataFile(const QString& relative);

/// Writes bytes to dir/name and returns the path.
QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes);

/// Writes a NumPy .npy file (format 1.0, as numpy.save writes it: header padded with spaces
/// to a multiple of 64 bytes, ending in a newline) of the given descr ("<f4", "<f8", or any
/// other text for error cases) and shape, holding values (row-major unless fortranOrder: then
/// values are column-major, as given) encoded as descr says for f4/f8, and as float32 bytes
/// otherwise. Returns the path.
QString writeNpy(const QTemporaryDir& dir, const QString& name, const std::string& descr,
                 const std::string& shape, const std::vector<double>& values,
                 bool fortranOrder = false);

/// Opens (creating) a project at dir/name, failing the test on error.
std::shared_ptr<model::Project> newProject(const QTemporaryDir& dir,
                                           const QString& name = QStringLiteral("p.synthscope"));

/// Imports one file with a text field; returns the report (fails the test on error).
model::ImportReport importFile(model::Project& project, const QString& name, model::Role role,
                               const QString& file, const std::string& textField,
                               const std::string& labelField = {});

/// Imports one file as a corpus named name with role, after adjust has set the rest of the
/// spec (mapping, sampling, ...); returns the report (fails the test on error).
model::ImportReport importWith(model::Project& project, const QString& name, model::Role role,
                               const QString& file,
                               const std::function<void(model::ImportSpec&)>& adjust);

/// The customer-support pair from ../shared/data: Twitter (real, field text) and Bitext
/// (synthetic, field response, label category), analysed.
void importCustomerSupportPair(model::Project& project);

/// A project that is expensive to build (imports and an analysis of real corpora), built once
/// per CTest run and copied into each test process. With SYNTHSCOPE_TEST_CACHE set to a folder
/// that holds `name` (CTest sets it for the tests that require the fixture), the file is copied
/// to dir/name. Otherwise build(path) makes it at dir/name, and when SYNTHSCOPE_TEST_CACHE_FILL
/// is also set (the fixture's setup test), the result is then placed in the cache atomically.
/// build must close the project before it returns. Run by hand, a test binary builds its own.
QString cachedProject(const QTemporaryDir& dir, const QString& name,
                      const std::function<void(const QString& path)>& build);

/// The samples of ids that store's reviewer tagged with tag (fails the test on an error).
QSet<qint64> taggedBy(const model::ReviewStore& store, const QList<qint64>& ids, qint64 tag);

/// The decisions of store's reviewer on ids (fails the test on an error).
QHash<qint64, model::Decision> decidedBy(const model::ReviewStore& store, const QList<qint64>& ids);

} // namespace synthscope::test
