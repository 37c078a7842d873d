#pragma once

#include "model/Importer.h"
#include "model/Project.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace synthscope::test {

/// The real corpora (../shared/data beside the checkout).
QString dataFile(const QString& relative);

/// Writes bytes to dir/name and returns the path.
QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes);

/// Opens (creating) a project at dir/name, failing the test on error.
std::shared_ptr<model::Project> newProject(const QTemporaryDir& dir,
                                           const QString& name = QStringLiteral("p.synthscope"));

/// Imports one file with a text field; returns the report (fails the test on error).
model::ImportReport importFile(model::Project& project, const QString& name, model::Role role,
                               const QString& file, const std::string& textField,
                               const std::string& labelField = {});

/// The customer-support pair from ../shared/data: Twitter (real, field text) and Bitext
/// (synthetic, field response, label category), analysed.
void importCustomerSupportPair(model::Project& project);

} // namespace synthscope::test
