#include "model/EmbeddingSources.h"

#include "model/Json.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

#include <cmath>
#include <cstring>
#include <limits>
#include <map>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {
/// The translation context of this file's messages (lupdate reads the macro).
struct EmbeddingSourcesText {
    Q_DECLARE_TR_FUNCTIONS(synthscope::model::EmbeddingSources)
};
} // namespace

namespace {

struct SampleRow {
    qint64 id = 0;
    QString corpus;
    QString file;
    qint64 line = 0;
};

QList<SampleRow> allSamples(QSqlDatabase& db) {
    QList<SampleRow> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (q.exec(u"SELECT s.id, c.name, s.source_file, s.source_line FROM samples s "
               "JOIN corpora c ON c.id = s.corpus_id ORDER BY s.id"_s))
        while (q.next())
            out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toLongLong()});
    return out;
}

// The project_info key under which the endpoint that made source's vectors is kept.
QString endpointKey(const QString& source) {
    return u"embedding_endpoint:"_s + source;
}

// Replaces source's vectors by vectors (one per sample id, all of one dimension) in one
// transaction, with the endpoint that made them (or, for vectors from elsewhere, none).
Status storeVectors(QSqlDatabase& db, const QString& source,
                    const std::map<qint64, std::vector<float>>& vectors,
                    const analysis::Progress& progress,
                    const EmbeddingEndpoint* endpoint = nullptr) {
    if (source.trimmed().isEmpty() || isReservedEmbeddingName(source))
        return Status::failure(
            EmbeddingSourcesText::tr(
                "choose a source name other than \"%1\" (\"tfidf-svd\" and \"tfidf-svd:…\" are the "
                "built-in embeddings')")
                .arg(source));
    Transaction tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    QSqlQuery del(db);
    del.prepare(u"DELETE FROM embeddings WHERE source = ?"_s);
    if (Status s = execPrepared(del, {source}); !s)
        return s;
    QSqlQuery ins(db);
    ins.prepare(u"INSERT INTO embeddings (sample_id, source, vector) VALUES (?, ?, ?)"_s);
    std::size_t done = 0;
    for (const auto& [id, v] : vectors) {
        if (++done % 4096 == 0)
            progress.report(static_cast<double>(done) / static_cast<double>(vectors.size()),
                            "saving embeddings");
        const QByteArray blob(reinterpret_cast<const char*>(v.data()),
                              static_cast<qsizetype>(v.size() * sizeof(float)));
        if (Status s = execPrepared(ins, {id, source, blob}); !s)
            return s;
    }
    QSqlQuery info(db);
    if (endpoint == nullptr) {
        info.prepare(u"DELETE FROM project_info WHERE key = ?"_s);
        if (Status s = execPrepared(info, {endpointKey(source)}); !s)
            return s;
    } else {
        // Everything needed to embed a typed text the same way later, except the key itself.
        const Json config = {
            {"base_url", endpoint->baseUrl.toString(QUrl::RemovePassword).toStdString()},
            {"model", endpoint->model.toStdString()},
            {"api_key_env", endpoint->apiKeyVariable.toStdString()},
            {"timeout_ms", endpoint->timeoutMs}};
        info.prepare(u"INSERT INTO project_info (key, value) VALUES (?, ?) ON CONFLICT(key) DO "
                     "UPDATE SET value = excluded.value"_s);
        if (Status s =
                execPrepared(info, {endpointKey(source), QString::fromStdString(config.dump())});
            !s)
            return s;
    }
    return tx.commit();
}

// Numbers of a JSON array as floats; false when it is not a non-empty all-number array.
bool toVector(const Json& j, std::vector<float>* out) {
    if (!j.is_array() || j.empty())
        return false;
    out->clear();
    out->reserve(j.size());
    for (const Json& x : j) {
        if (!x.is_number())
            return false;
        out->push_back(x.get<float>());
    }
    return true;
}

QString where(const SampleRow& s) {
    return u"sample %1 (%2, %3 line %4)"_s.arg(QString::number(s.id), s.corpus, s.file,
                                               QString::number(s.line));
}

template <typename Fn> Status guarded(Fn&& fn) {
    try {
        return fn();
    } catch (const analysis::Cancelled&) {
        return Status::failure(EmbeddingSourcesText::tr("cancelled; the project is unchanged"));
    } catch (const std::exception& e) {
        return Status::failure(QString::fromStdString(e.what()));
    }
}

} // namespace

Status embedTexts(const EmbeddingEndpoint& endpoint, const QStringList& texts,
                  std::vector<std::vector<float>>* out, const analysis::Progress& progress,
                  int* requests) {
    out->assign(static_cast<std::size_t>(texts.size()), {});
    if (!endpoint.baseUrl.isValid() || endpoint.baseUrl.scheme().isEmpty())
        return Status::failure(EmbeddingSourcesText::tr("the endpoint URL \"%1\" is not valid")
                                   .arg(endpoint.baseUrl.toString()));
    QByteArray key;
    if (!endpoint.apiKeyVariable.isEmpty()) {
        key = qgetenv(endpoint.apiKeyVariable.toLocal8Bit().constData());
        if (key.isEmpty())
            return Status::failure(
                EmbeddingSourcesText::tr("the environment variable %1 (the API key) is not set")
                    .arg(endpoint.apiKeyVariable));
    }
    QUrl url = endpoint.baseUrl;
    url.setPath(url.path().endsWith(u'/') ? url.path() + u"embeddings"_s
                                          : url.path() + u"/embeddings"_s);
    QNetworkAccessManager network;
    int made = 0;
    std::size_t dimension = 0;
    const int batch = std::max(1, endpoint.batchSize);
    for (qsizetype first = 0; first < texts.size(); first += batch) {
        progress.report(static_cast<double>(first) / static_cast<double>(texts.size()),
                        "embedding");
        const qsizetype count = std::min<qsizetype>(batch, texts.size() - first);
        Json input = Json::array();
        for (qsizetype i = 0; i < count; ++i)
            input.push_back(texts[first + i].toStdString());
        const QByteArray body = QByteArray::fromStdString(
            Json({{"model", endpoint.model.toStdString()}, {"input", input}}).dump());
        QString lastError;
        QByteArray payload;
        int delay = endpoint.retryDelayMs;
        bool ok = false;
        for (int attempt = 0; attempt < std::max(1, endpoint.attempts) && !ok; ++attempt) {
            if (attempt > 0) {
                QThread::msleep(static_cast<unsigned long>(delay));
                delay *= 2;
                progress.report(static_cast<double>(first) / static_cast<double>(texts.size()),
                                "embedding (retrying)");
            }
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
            if (!key.isEmpty())
                request.setRawHeader("Authorization", "Bearer " + key);
            request.setTransferTimeout(endpoint.timeoutMs);
            QNetworkReply* reply = network.post(request, body);
            ++made;
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            // Poll the cancel flag while waiting.
            QTimer poll;
            QObject::connect(&poll, &QTimer::timeout, &loop, [&]() {
                if (progress.isCancelled())
                    reply->abort();
            });
            poll.start(100);
            loop.exec();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            payload = reply->readAll();
            const auto error = reply->error();
            const QString errorText = reply->errorString();
            reply->deleteLater();
            if (progress.isCancelled())
                throw analysis::Cancelled();
            if (error == QNetworkReply::NoError && status >= 200 && status < 300) {
                ok = true;
                break;
            }
            lastError = status > 0 ? u"HTTP %1: %2"_s.arg(QString::number(status),
                                                          QString::fromUtf8(payload.left(300)))
                                   : errorText;
            const bool retryable = status == 0 || status == 429 || status >= 500;
            if (!retryable)
                break;
        }
        if (requests != nullptr)
            *requests = made;
        if (!ok)
            return Status::failure(EmbeddingSourcesText::tr("the embeddings endpoint %1 failed: %2")
                                       .arg(url.toString(), lastError));
        Json response;
        try {
            response = Json::parse(payload.toStdString());
        } catch (const std::exception&) {
            return Status::failure(
                EmbeddingSourcesText::tr("the embeddings endpoint %1 did not answer JSON")
                    .arg(url.toString()));
        }
        if (!response.contains("data") || !response["data"].is_array() ||
            response["data"].size() != static_cast<std::size_t>(count))
            return Status::failure(
                EmbeddingSourcesText::tr("the embeddings endpoint %1 answered %2 embeddings for %3 "
                                         "texts")
                    .arg(url.toString(),
                         QString::number(response.value("data", Json::array()).size()),
                         QString::number(count)));
        for (std::size_t k = 0; k < response["data"].size(); ++k) {
            const Json& item = response["data"][k];
            const std::size_t index = item.value("index", k);
            std::vector<float> v;
            if (index >= static_cast<std::size_t>(count) ||
                !toVector(item.value("embedding", Json()), &v))
                return Status::failure(
                    EmbeddingSourcesText::tr("the embeddings endpoint %1 answered a malformed "
                                             "embedding (item %2)")
                        .arg(url.toString(), QString::number(k)));
            if (dimension == 0)
                dimension = v.size();
            if (v.size() != dimension)
                return Status::failure(
                    EmbeddingSourcesText::tr("the embeddings endpoint %1 answered embeddings of "
                                             "different dimensions (%2 and %3)")
                        .arg(url.toString(), QString::number(dimension),
                             QString::number(v.size())));
            (*out)[static_cast<std::size_t>(first) + index] = std::move(v);
        }
    }
    if (requests != nullptr)
        *requests = made;
    progress.report(1.0, "embedding");
    return {};
}

Status embedProjectWithEndpoint(Project& project, const EmbeddingEndpoint& endpoint,
                                const QString& source, const analysis::Progress& progress) {
    return guarded([&]() -> Status {
        QSqlDatabase db = project.connection();
        const QList<SampleRow> samples = allSamples(db);
        QStringList texts;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(u"SELECT text FROM samples ORDER BY id"_s))
            return Status::failure(q.lastError().text());
        while (q.next())
            texts << q.value(0).toString();
        std::vector<std::vector<float>> vectors;
        if (Status s = embedTexts(endpoint, texts, &vectors, progress.sub(0.0, 0.9)); !s)
            return s;
        std::map<qint64, std::vector<float>> byId;
        for (qsizetype i = 0; i < samples.size(); ++i)
            byId.emplace(samples[i].id, std::move(vectors[static_cast<std::size_t>(i)]));
        return storeVectors(db, source, byId, progress.sub(0.9, 1.0), &endpoint);
    });
}

Status importEmbeddingsFromField(Project& project, const QString& field, const QString& source,
                                 const analysis::Progress& progress) {
    return guarded([&]() -> Status {
        QSqlDatabase db = project.connection();
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(u"SELECT s.id, c.name, s.source_file, s.source_line, s.original FROM samples "
                    "s JOIN corpora c ON c.id = s.corpus_id ORDER BY s.id"_s))
            return Status::failure(q.lastError().text());
        std::map<qint64, std::vector<float>> vectors;
        std::size_t dimension = 0;
        const std::string key = field.toStdString();
        while (q.next()) {
            const SampleRow row{q.value(0).toLongLong(), q.value(1).toString(),
                                q.value(2).toString(), q.value(3).toLongLong()};
            if (vectors.size() % 4096 == 0)
                progress.report(0.0, "reading embeddings");
            Json record;
            try {
                record = Json::parse(q.value(4).toString().toStdString());
            } catch (const std::exception&) {
                return Status::failure(EmbeddingSourcesText::tr(
                                           "%1 is not a JSON record; embeddings from a field need "
                                           "JSON Lines or JSON array imports")
                                           .arg(where(row)));
            }
            std::vector<float> v;
            if (!record.is_object() || !toVector(record.value(key, Json()), &v))
                return Status::failure(EmbeddingSourcesText::tr("%1 has no numeric array \"%2\"")
                                           .arg(where(row), field));
            if (dimension == 0)
                dimension = v.size();
            if (v.size() != dimension)
                return Status::failure(
                    EmbeddingSourcesText::tr("%1: \"%2\" has %3 numbers, earlier samples %4")
                        .arg(where(row), field, QString::number(v.size()),
                             QString::number(dimension)));
            vectors.emplace(row.id, std::move(v));
        }
        if (vectors.empty())
            return Status::failure(EmbeddingSourcesText::tr("the project has no samples"));
        return storeVectors(db, source, vectors, progress.sub(0.5, 1.0));
    });
}

namespace {

// A NumPy .npy array header (format versions 1.0, 2.0 and 3.0, numpy.lib.format): the Python
// dict literal {'descr': '<f4', 'fortran_order': False, 'shape': (n, d), }.
struct NpyHeader {
    int itemSize = 0; ///< 4 (float32) or 8 (float64), little-endian
    bool fortranOrder = false;
    std::vector<qint64> shape;
    qint64 dataOffset = 0;
};

// Reads the header of file; an error in words otherwise.
Status readNpyHeader(QFile& file, NpyHeader* out) {
    const QByteArray magic = file.read(8);
    if (magic.size() < 8 || !magic.startsWith("\x93NUMPY"))
        return Status::failure(EmbeddingSourcesText::tr("not a NumPy .npy file"));
    const int major = static_cast<unsigned char>(magic[6]);
    if (major < 1 || major > 3)
        return Status::failure(
            EmbeddingSourcesText::tr("NumPy format version %1 is not supported").arg(major));
    const QByteArray lengthBytes = file.read(major == 1 ? 2 : 4);
    qint64 length = 0;
    for (qsizetype i = lengthBytes.size(); i-- > 0;)
        length = length * 256 + static_cast<unsigned char>(lengthBytes[i]);
    if (lengthBytes.size() != (major == 1 ? 2 : 4) || length <= 0 || length > (1 << 20))
        return Status::failure(EmbeddingSourcesText::tr("the .npy header is truncated"));
    const QString header = QString::fromUtf8(file.read(length));
    out->dataOffset = file.pos();
    const auto valueOf = [&header](const QString& key) -> QString {
        const QRegularExpression re(u"['\"]"_s + key + u"['\"]\\s*:\\s*([^,}(]+|\\([^)]*\\))"_s);
        const QRegularExpressionMatch m = re.match(header);
        return m.hasMatch() ? m.captured(1).trimmed() : QString();
    };
    const QString descr = valueOf(u"descr"_s).remove(u'\'').remove(u'"');
    if (descr == u"<f4"_s || descr == u"|f4"_s)
        out->itemSize = 4;
    else if (descr == u"<f8"_s || descr == u"|f8"_s)
        out->itemSize = 8;
    else
        return Status::failure(
            EmbeddingSourcesText::tr("the array holds \"%1\"; little-endian float32 or float64 "
                                     "(<f4, <f8) is needed")
                .arg(descr));
    out->fortranOrder = valueOf(u"fortran_order"_s) == u"True"_s;
    QString shape = valueOf(u"shape"_s);
    shape.remove(u'(').remove(u')');
    out->shape.clear();
    for (const QString& part : shape.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 n = part.trimmed().remove(u'L').toLongLong(&ok);
        if (!ok || n < 0)
            return Status::failure(
                EmbeddingSourcesText::tr("the .npy shape \"%1\" cannot be read").arg(shape));
        out->shape.push_back(n);
    }
    return {};
}

// Row i of the .npy array at path is the vector of samples[i] (project order).
Status importEmbeddingsFromNpy(QSqlDatabase& db, const QString& path, const QString& source,
                               const analysis::Progress& progress) {
    const QList<SampleRow> samples = allSamples(db);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Status::failure(
            EmbeddingSourcesText::tr("cannot open %1: %2").arg(path, file.errorString()));
    NpyHeader h;
    if (Status s = readNpyHeader(file, &h); !s)
        return Status::failure(u"%1: %2"_s.arg(path, s.error()));
    QStringList dims;
    for (qint64 n : h.shape)
        dims << QString::number(n);
    if (h.shape.size() != 2 || h.shape[1] < 1)
        return Status::failure(
            EmbeddingSourcesText::tr("%1: the array must be two-dimensional with at least one "
                                     "column, one row per sample (its shape is (%2))")
                .arg(path, dims.join(u", "_s)));
    const qint64 rows = h.shape[0];
    const qint64 dimension = h.shape[1];
    if (rows != samples.size() || rows == 0)
        return Status::failure(
            EmbeddingSourcesText::tr("%1 has %2 rows, but the project has %3 samples: row i is "
                                     "the i-th sample in project order (corpora and records in "
                                     "import order)")
                .arg(path)
                .arg(rows)
                .arg(samples.size()));
    // Checked by division first: a hostile shape must not overflow the product.
    const qint64 available = file.size() - h.dataOffset;
    const bool fits = dimension <= std::numeric_limits<qint64>::max() / (rows * h.itemSize);
    const qint64 bytes = fits ? rows * dimension * h.itemSize : -1;
    if (!fits || available != bytes)
        return Status::failure(
            EmbeddingSourcesText::tr("%1: %2 bytes of data where a %3 × %4 array needs %5")
                .arg(path)
                .arg(available)
                .arg(rows)
                .arg(dimension)
                .arg(fits ? QString::number(bytes) : EmbeddingSourcesText::tr("more")));
    // Mapped, not read: the data is not copied into memory whole.
    const uchar* data = file.map(h.dataOffset, bytes);
    if (data == nullptr)
        return Status::failure(
            EmbeddingSourcesText::tr("cannot read %1: %2").arg(path, file.errorString()));
    const auto at = [&](qint64 row, qint64 column) -> double {
        const qint64 index = h.fortranOrder ? column * rows + row : row * dimension + column;
        const uchar* p = data + index * h.itemSize;
        if (h.itemSize == 4) {
            float v = 0;
            std::memcpy(&v, p, sizeof v);
            return v;
        }
        double v = 0;
        std::memcpy(&v, p, sizeof v);
        return v;
    };
    std::map<qint64, std::vector<float>> vectors;
    for (qint64 i = 0; i < rows; ++i) {
        if (i % 4096 == 0)
            progress.report(0.5 * static_cast<double>(i) / static_cast<double>(rows),
                            "reading embeddings");
        std::vector<float> v(static_cast<std::size_t>(dimension));
        for (qint64 j = 0; j < dimension; ++j) {
            const double value = at(i, j);
            // Outside float32's range the conversion itself would be undefined.
            if (std::isfinite(value) && std::abs(value) <= std::numeric_limits<float>::max())
                v[static_cast<std::size_t>(j)] = static_cast<float>(value);
            else
                return Status::failure(
                    EmbeddingSourcesText::tr("%1: row %2 (%3) holds a value that is not a finite "
                                             "number within float32's range")
                        .arg(path)
                        .arg(i)
                        .arg(where(samples[static_cast<qsizetype>(i)])));
        }
        vectors.emplace(samples[static_cast<qsizetype>(i)].id, std::move(v));
    }
    return storeVectors(db, source, vectors, progress.sub(0.5, 1.0));
}

} // namespace

Status importEmbeddingsFromFile(Project& project, const QString& path, const QString& source,
                                const analysis::Progress& progress) {
    return guarded([&]() -> Status {
        QSqlDatabase db = project.connection();
        if (path.endsWith(u".npy"_s, Qt::CaseInsensitive))
            return importEmbeddingsFromNpy(db, path, source, progress);
        const QList<SampleRow> samples = allSamples(db);
        QHash<QString, qint64> byKey; // "corpus\nline" → sample id
        for (const SampleRow& s : samples)
            byKey.insert(s.corpus + u'\n' + QString::number(s.line), s.id);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Status::failure(
                EmbeddingSourcesText::tr("cannot open %1: %2").arg(path, file.errorString()));
        std::map<qint64, std::vector<float>> vectors;
        std::size_t dimension = 0;
        qint64 lineNo = 0;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            ++lineNo;
            if (lineNo % 4096 == 0)
                progress.report(0.0, "reading embeddings");
            if (line.isEmpty())
                continue;
            auto bad = [&](const QString& reason) {
                return Status::failure(
                    u"%1 line %2: %3"_s.arg(path, QString::number(lineNo), reason));
            };
            Json j;
            try {
                j = Json::parse(line.toStdString());
            } catch (const std::exception&) {
                return bad(EmbeddingSourcesText::tr("not valid JSON"));
            }
            std::vector<float> v;
            if (!j.is_object() || !j.contains("corpus") || !j["corpus"].is_string() ||
                !j.contains("line") || !j["line"].is_number_integer())
                return bad(u"needs \"corpus\" (text) and \"line\" (integer)"_s);
            if (!toVector(j.value("embedding", Json()), &v))
                return bad(
                    EmbeddingSourcesText::tr("\"embedding\" must be a non-empty array of numbers"));
            const QString k = QString::fromStdString(j["corpus"].get<std::string>()) + u'\n' +
                              QString::number(j["line"].get<qint64>());
            const auto it = byKey.constFind(k);
            if (it == byKey.constEnd())
                return bad(EmbeddingSourcesText::tr("no sample of corpus \"%1\" comes from line %2")
                               .arg(QString::fromStdString(j["corpus"].get<std::string>()),
                                    QString::number(j["line"].get<qint64>())));
            if (dimension == 0)
                dimension = v.size();
            if (v.size() != dimension)
                return bad(EmbeddingSourcesText::tr("%1 numbers, earlier lines %2")
                               .arg(QString::number(v.size()), QString::number(dimension)));
            if (!vectors.emplace(*it, std::move(v)).second)
                return bad(EmbeddingSourcesText::tr("a second embedding for the same sample"));
        }
        for (const SampleRow& s : samples)
            if (!vectors.contains(s.id))
                return Status::failure(
                    EmbeddingSourcesText::tr("%1 has no embedding in %2").arg(where(s), path));
        return storeVectors(db, source, vectors, progress.sub(0.5, 1.0));
    });
}

Status runEmbedding(Project& project, const EmbeddingSpec& spec,
                    const analysis::Progress& progress) {
    switch (spec.kind) {
    case EmbeddingSpec::Kind::Field:
        return importEmbeddingsFromField(project, spec.field, spec.source, progress);
    case EmbeddingSpec::Kind::File:
        return importEmbeddingsFromFile(project, spec.file, spec.source, progress);
    case EmbeddingSpec::Kind::Endpoint:
        return embedProjectWithEndpoint(project, spec.endpoint, spec.source, progress);
    }
    return Status::failure(EmbeddingSourcesText::tr("unknown embedding kind"));
}

namespace {
const QString kAnalysisSourceKey = u"analysis_embedding_source"_s;
}

QString analysisEmbeddingSource(Project& project) {
    return projectInfo(project, kAnalysisSourceKey).value_or(QString());
}

Status setAnalysisEmbeddingSource(Project& project, const QString& source) {
    if (source.isEmpty() || source == u"tfidf-svd"_s)
        return setProjectInfo(project, kAnalysisSourceKey, QString());
    bool known = false;
    for (const auto& [name, count] : embeddingSources(project))
        known = known || name == source;
    if (!known)
        return Status::failure(
            EmbeddingSourcesText::tr("no embeddings named \"%1\" in the project").arg(source));
    return setProjectInfo(project, kAnalysisSourceKey, source);
}

std::optional<EmbeddingEndpoint> embeddingEndpointOf(Project& project, const QString& source) {
    const std::optional<QString> stored = projectInfo(project, endpointKey(source));
    if (!stored)
        return std::nullopt;
    try {
        const Json config = Json::parse(stored->toStdString());
        EmbeddingEndpoint e;
        e.baseUrl = QUrl(QString::fromStdString(config.at("base_url").get<std::string>()));
        e.model = QString::fromStdString(config.at("model").get<std::string>());
        e.apiKeyVariable = QString::fromStdString(config.value("api_key_env", std::string()));
        e.timeoutMs = config.value("timeout_ms", e.timeoutMs);
        return e;
    } catch (const std::exception&) {
        return std::nullopt; // not written by us: treat the vectors as imported
    }
}

bool isReservedEmbeddingName(const QString& name) {
    return name.trimmed() == u"tfidf-svd"_s || name.trimmed().startsWith(u"tfidf-svd:"_s);
}

QList<std::pair<QString, qint64>> embeddingSources(Project& project) {
    QList<std::pair<QString, qint64>> out;
    QSqlQuery q(project.connection());
    // The built-in vectors of the prompts and responses views embed a part, not the text.
    if (q.exec(u"SELECT source, count(*) FROM embeddings WHERE source NOT LIKE 'tfidf-svd:%' "
               "GROUP BY source ORDER BY source"_s))
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toLongLong()});
    return out;
}

} // namespace synthscope::model
