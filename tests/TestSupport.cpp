#include "TestSupport.h"

#include "model/Analyzer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <filesystem>
#include <system_error>

#include <gtest/gtest.h>

namespace synthscope::test {

QString dataFile(const QString& relative) {
    return QDir(QStringLiteral(SYNTHSCOPE_DATA_DIR)).filePath(relative);
}

QString writeNpy(const QTemporaryDir& dir, const QString& name, const std::string& descr,
                 const std::string& shape, const std::vector<double>& values, bool fortranOrder) {
    std::string header = "{'descr': '" + descr +
                         "', 'fortran_order': " + (fortranOrder ? "True" : "False") +
                         ", 'shape': " + shape + ", }";
    while ((10 + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    QByteArray bytes("\x93NUMPY\x01\x00", 8);
    bytes.append(static_cast<char>(header.size() & 0xFF));
    bytes.append(static_cast<char>(header.size() >> 8));
    bytes.append(header.data(), static_cast<qsizetype>(header.size()));
    for (double v : values) {
        if (descr == "<f8") {
            bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
        } else {
            const auto f = static_cast<float>(v);
            bytes.append(reinterpret_cast<const char*>(&f), sizeof f);
        }
    }
    return writeFile(dir, name, bytes);
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

std::shared_ptr<model::Project> newProject(const QTemporaryDir& dir, const QString& name) {
    std::shared_ptr<model::Project> p;
    const model::Status s =
        model::Project::open(dir.filePath(name), model::Project::OpenMode::CreateIfMissing, &p);
    EXPECT_TRUE(s.ok()) << s.error().toStdString();
    return p;
}

model::ImportReport importFile(model::Project& project, const QString& name, model::Role role,
                               const QString& file, const std::string& textField,
                               const std::string& labelField) {
    return importWith(project, name, role, file, [&](model::ImportSpec& spec) {
        spec.mapping.textField = textField;
        spec.mapping.labelField = labelField;
    });
}

model::ImportReport importWith(model::Project& project, const QString& name, model::Role role,
                               const QString& file,
                               const std::function<void(model::ImportSpec&)>& adjust) {
    model::ImportSpec spec;
    spec.corpusName = name;
    spec.role = role;
    spec.files = {file};
    adjust(spec);
    model::ImportReport report;
    const model::Status s = model::importCorpus(project, spec, {}, &report);
    EXPECT_TRUE(s.ok()) << s.error().toStdString();
    return report;
}

void importCustomerSupportPair(model::Project& project) {
    importFile(project, QStringLiteral("twitter"), model::Role::Real,
               dataFile(QStringLiteral("twitter-customer-support-sample5000/twcs_sample.jsonl")),
               "text");
    model::ImportSpec spec; // as packaging/demo.sh imports it
    spec.corpusName = QStringLiteral("bitext");
    spec.role = model::Role::Synthetic;
    spec.files = {dataFile(
        QStringLiteral("bitext-customer-support-4.5k/bitext_customer_support_training.jsonl"))};
    spec.mapping.textTemplate = "{instruction}\\n{response}";
    spec.mapping.labelField = "category";
    spec.mapping.meta = {{"generator", "bitext"}, {"template_version", "4.5k"}};
    model::ImportReport report;
    const model::Status imported = model::importCorpus(project, spec, {}, &report);
    ASSERT_TRUE(imported.ok()) << imported.error().toStdString();
    const model::Status s = model::runAnalysis(project, {}, {}, nullptr);
    ASSERT_TRUE(s.ok()) << s.error().toStdString();
}

QString cachedProject(const QTemporaryDir& dir, const QString& name,
                      const std::function<void(const QString& path)>& build) {
    const QString path = dir.filePath(name);
    const QString cache = qEnvironmentVariable("SYNTHSCOPE_TEST_CACHE");
    const bool fill = qEnvironmentVariableIsSet("SYNTHSCOPE_TEST_CACHE_FILL");
    const QString cached = cache.isEmpty() ? QString() : QDir(cache).filePath(name);
    if (fill && !cached.isEmpty())
        QFile::remove(cached); // never let an earlier build's project survive a refill
    if (!cache.isEmpty() && !fill && QFile::copy(cached, path))
        return path;
    build(path);
    if (!fill || cache.isEmpty() || ::testing::Test::HasFailure())
        return path;
    if (QFile::exists(path + QStringLiteral("-wal"))) {
        ADD_FAILURE() << "the project is still open: its WAL would not be in the cache";
        return path;
    }
    // A unique partial file, then an atomic rename over the cached name (POSIX rename), so a
    // reader never sees half a file and two fills never write into one.
    EXPECT_TRUE(QDir().mkpath(cache));
    const QString partial =
        cached + QStringLiteral(".%1.partial").arg(QCoreApplication::applicationPid());
    QFile::remove(partial);
    EXPECT_TRUE(QFile::copy(path, partial));
    std::error_code ec;
    std::filesystem::rename(partial.toStdString(), cached.toStdString(), ec);
    EXPECT_FALSE(ec) << ec.message();
    return path;
}

QSet<qint64> taggedBy(const model::ReviewStore& store, const QList<qint64>& ids, qint64 tag) {
    QSet<qint64> out;
    EXPECT_TRUE(store.taggedAmong(ids, tag, &out).ok());
    return out;
}

QHash<qint64, model::Decision> decidedBy(const model::ReviewStore& store,
                                         const QList<qint64>& ids) {
    QHash<qint64, model::Decision> out;
    EXPECT_TRUE(store.decisionsOf(ids, &out).ok());
    return out;
}

} // namespace synthscope::test
