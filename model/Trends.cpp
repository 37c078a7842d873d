#include "model/Trends.h"
#include "analysis/Statistics.h"

#include "analysis/Knee.h"
#include "model/MetricCatalog.h"
#include "model/ProjectStore.h"
#include "model/RecordReader.h"
#include "model/Sources.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {
/// The translation context of this file's messages (lupdate reads the macro).
struct TrendsText {
    Q_DECLARE_TR_FUNCTIONS(synthscope::model::Trends)
};
} // namespace

namespace {

using analysis::kNaN;
const QString kRatioKey = u"ratio_gradient"_s;

std::optional<double> number(const Json& v) {
    if (v.is_number())
        return v.get<double>();
    if (v.is_string()) {
        bool ok = false;
        const double d = QString::fromStdString(v.get<std::string>()).trimmed().toDouble(&ok);
        if (ok)
            return d;
    }
    return std::nullopt;
}

// A source-concentration metric per round: the stored figures of the newest analysis.
Status sourceByRound(Project& project, Dimension axis, Dimension source, const QString& metric,
                     Trend* out) {
    if (metric == reviewedShareNewestKey(source))
        return Status::failure(
            TrendsText::tr("%1 is judged live on the reviews, not stored: it has no "
                           "trend")
                .arg(metric));
    if (axis != Dimension::Round)
        return Status::failure(
            TrendsText::tr("The concentration on sources is charted by round only; choose Round."));
    QList<DimensionSources> sources;
    if (Status s = sourceConcentration(project, &sources); !s)
        return s;
    for (const DimensionSources& d : std::as_const(sources)) {
        if (d.dimension != source || d.rounds.isEmpty())
            continue;
        TrendSeries series{TrendsText::tr("synthetic samples"), Role::Synthetic, {}, {}};
        for (const SourceShare& r : d.rounds) {
            out->categories << r.round;
            series.y << (metric == sourceEntropyKey(source)        ? r.entropy
                         : metric == sourceLargestShareKey(source) ? r.largestShare
                                                                   : double(r.sources));
        }
        out->series << series;
    }
    return {};
}

} // namespace

Status metricByProvenance(Project& project, Dimension dimension, const QString& metric,
                          Trend* out) {
    *out = {};
    out->metric = metric;
    out->axisTitle = dimensionTitle(dimension);
    if (Dimension source = Dimension::Generator; sourceMetricDimension(metric, &source))
        return sourceByRound(project, dimension, source, metric, out);
    QSqlDatabase db = project.connection();
    std::optional<qint64> newest;
    if (Status s = newestAnalysisRun(db, &newest); !s)
        return s;
    if (!newest)
        return Status::failure(TrendsText::tr("Not analysed yet: run the analyses first."));
    const qint64 run = *newest;
    QSqlQuery q(db);
    // Each corpus: name, role, its most frequent value of the dimension.
    struct CorpusPoint {
        QString name;
        Role role = Role::Real;
        QString x;
        std::optional<double> value;
        double sd = kNaN;
        double nullMean = kNaN;
        double nullSd = kNaN;
    };
    QMap<qint64, CorpusPoint> corpora;
    if (!q.exec(u"SELECT id, name, role FROM corpora ORDER BY id"_s))
        return Status::failure(q.lastError().text());
    while (q.next()) {
        CorpusPoint c;
        c.name = q.value(1).toString();
        (void)parseRole(q.value(2).toString(), &c.role);
        c.x = c.name;
        corpora.insert(q.value(0).toLongLong(), c);
    }
    if (const QString column = sampleColumn(dimension); !column.isEmpty()) {
        if (!q.exec(u"SELECT corpus_id, %1, count(*) AS n FROM samples GROUP BY corpus_id, %1 "
                    "ORDER BY corpus_id, n DESC"_s.arg(column)))
            return Status::failure(q.lastError().text());
        QSet<qint64> seen;
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            if (seen.contains(id) || !corpora.contains(id))
                continue;
            seen.insert(id);
            const QString v = q.value(1).toString();
            corpora[id].x = v.isEmpty() ? TrendsText::tr("(none)") : v;
        }
    }
    q.prepare(u"SELECT corpus_id, value, sd, null_mean, null_sd FROM metrics WHERE run_id = ? "
              "AND name = ? AND corpus_id IS NOT NULL"_s);
    q.addBindValue(run);
    q.addBindValue(metric);
    if (!q.exec())
        return Status::failure(q.lastError().text());
    auto orNaN = [&](int column) {
        return q.value(column).isNull() ? kNaN : q.value(column).toDouble();
    };
    while (q.next())
        if (corpora.contains(q.value(0).toLongLong())) {
            CorpusPoint& c = corpora[q.value(0).toLongLong()];
            c.value = q.value(1).toDouble();
            c.sd = orNaN(2);
            c.nullMean = orNaN(3);
            c.nullSd = orNaN(4);
        }

    // x → sums of value, sd, null mean and null sd, and how many corpora share x.
    struct Sums {
        double value = 0.0, sd = 0.0, nullMean = 0.0, nullSd = 0.0;
        int count = 0;
        bool hasSd = true, hasNull = true;
    };
    QMap<QString, Sums> synthetic;
    for (const CorpusPoint& c : std::as_const(corpora))
        if (c.role == Role::Synthetic && c.value) {
            Sums& s = synthetic[c.x];
            s.value += *c.value;
            s.sd += c.sd * c.sd; // the sd of a mean of corpora: √(Σ sd²) / n
            s.nullMean += c.nullMean;
            s.nullSd += c.nullSd;
            s.hasSd = s.hasSd && !std::isnan(c.sd);
            s.hasNull = s.hasNull && !std::isnan(c.nullMean) && !std::isnan(c.nullSd);
            ++s.count;
        }
    out->categories = synthetic.keys();
    sortDimensionValues(out->categories);
    if (!out->categories.isEmpty()) {
        TrendSeries s{TrendsText::tr("synthetic corpora"), Role::Synthetic, {}, {}};
        bool anySd = false;
        bool anyNull = false;
        for (const QString& x : std::as_const(out->categories)) {
            const Sums& v = synthetic[x];
            const double n = v.count;
            s.y.append(v.value / n);
            s.sd.append(v.hasSd ? std::sqrt(v.sd) / n : kNaN);
            anySd = anySd || v.hasSd;
            out->nullLow.append(v.hasNull ? (v.nullMean - kNullBandSd * v.nullSd) / n : kNaN);
            out->nullHigh.append(v.hasNull ? (v.nullMean + kNullBandSd * v.nullSd) / n : kNaN);
            anyNull = anyNull || v.hasNull;
        }
        if (!anySd)
            s.sd.clear();
        if (!anyNull) {
            out->nullLow.clear();
            out->nullHigh.clear();
        }
        out->series.append(s);
    }
    for (const CorpusPoint& c : std::as_const(corpora))
        if (c.role == Role::Real && c.value)
            out->series.append(
                {TrendsText::tr("%1 (real)").arg(c.name),
                 Role::Real,
                 QList<double>(std::max<qsizetype>(1, out->categories.size()), *c.value),
                 {}});
    return {};
}

Status metricOverRuns(Project& project, const QString& metric, Trend* out) {
    *out = {};
    out->metric = metric;
    out->axisTitle = TrendsText::tr("Analysis run");
    Dimension source = Dimension::Generator;
    const bool isSource = sourceMetricDimension(metric, &source);
    QSqlQuery q(project.connection());
    q.prepare(u"SELECT r.id, r.finished_at, m.corpus_id, c.name, c.role, m.value FROM metrics m "
              "JOIN runs r ON r.id = m.run_id LEFT JOIN corpora c ON c.id = m.corpus_id "
              "WHERE r.id IN "_s +
              kViewRuns + u" AND m.name = ? ORDER BY r.id"_s);
    q.addBindValue(metric);
    if (!q.exec())
        return Status::failure(q.lastError().text());
    QList<qint64> runs;
    QMap<QString, QHash<qint64, double>> bySeries;
    QHash<QString, Role> roles;
    while (q.next()) {
        const qint64 run = q.value(0).toLongLong();
        if (runs.isEmpty() || runs.last() != run) {
            runs.append(run);
            out->categories.append(TrendsText::tr("#%1 %2").arg(run).arg(
                q.value(1).toString().left(16).replace(u'T', u' ')));
        }
        const QString name = !q.value(2).isNull() ? q.value(3).toString()
                             : isSource           ? TrendsText::tr("synthetic samples")
                                                  : TrendsText::tr("real vs synthetic");
        Role role = Role::Synthetic;
        (void)parseRole(q.value(4).toString(), &role);
        roles.insert(name, role);
        bySeries[name].insert(run, q.value(5).toDouble());
    }
    for (auto it = bySeries.cbegin(); it != bySeries.cend(); ++it) {
        TrendSeries s{it.key(), roles.value(it.key()), {}, {}};
        for (qint64 run : runs)
            s.y.append(it.value().value(run, kNaN));
        out->series.append(s);
    }
    return {};
}

QStringList storedMetricKeys(Project& project, bool perCorpusOnly) {
    QSet<QString> stored;
    QSqlQuery q(project.connection());
    if (q.exec(u"SELECT DISTINCT name, corpus_id IS NULL FROM metrics WHERE run_id = "_s +
               kNewestAnalysisRun))
        while (q.next())
            if (!perCorpusOnly || !q.value(1).toBool())
                stored.insert(q.value(0).toString());
    QStringList out;
    for (const MetricInfo& m : corpusMetrics())
        if (const QString key = QString::fromLatin1(m.key); stored.contains(key))
            out << key;
    for (const MetricInfo& m : comparisonMetrics())
        if (const QString key = QString::fromLatin1(m.key); stored.contains(key))
            out << key;
    // Stored for the whole synthetic side, and per round in their own table.
    QSqlQuery s(project.connection());
    if (s.exec(u"SELECT DISTINCT name FROM metrics WHERE corpus_id IS NULL AND run_id = "_s +
               kNewestAnalysisRun)) {
        QSet<QString> pooled;
        while (s.next())
            pooled.insert(s.value(0).toString());
        for (const MetricInfo& m : sourceMetrics())
            if (const QString key = QString::fromLatin1(m.key); pooled.contains(key))
                out << key;
    }
    return out;
}

QList<int> RatioGradient::knees() const {
    QList<int> out;
    const std::vector<double> x(ratios.begin(), ratios.end());
    for (const QList<double>& metric : values) {
        // Only the ratios where this metric was measured.
        std::vector<double> xs;
        std::vector<double> ys;
        std::vector<int> index;
        for (qsizetype i = 0; i < metric.size(); ++i)
            if (!std::isnan(metric[i])) {
                xs.push_back(x[static_cast<std::size_t>(i)]);
                ys.push_back(metric[i]);
                index.push_back(static_cast<int>(i));
            }
        const auto knee = analysis::kneeIndex(xs, ys);
        out.append(knee ? index[*knee] : -1);
    }
    return out;
}

Status parseRatioGradient(const QString& path, RatioGradient* out) {
    *out = {};
    out->source = QFileInfo(path).absoluteFilePath();
    std::string error;
    auto reader = RecordReader::open(path.toStdString(), InputFormat::Auto, 1 << 20, &error);
    if (!reader)
        return Status::failure(TrendsText::tr("%1: %2").arg(path, QString::fromStdString(error)));
    const QString file = QFileInfo(path).fileName();
    struct Row {
        double ratio = 0;
        QMap<QString, double> metrics;
        QString notes;
        std::uint64_t line = 0;
    };
    QList<Row> rows;
    QStringList names;
    RawRecord record;
    while (reader->next(record)) {
        if (!record.error.empty())
            return Status::failure(TrendsText::tr("%1:%2: %3")
                                       .arg(file)
                                       .arg(record.line)
                                       .arg(QString::fromStdString(record.error)));
        Row row;
        row.line = record.line;
        std::optional<double> ratio;
        for (const char* key : {"synth_ratio", "synthetic_ratio", "ratio"})
            if (!ratio && record.fields.contains(key))
                ratio = number(record.fields[key]);
        if (!ratio)
            return Status::failure(
                TrendsText::tr(
                    "%1:%2: no numeric synth_ratio (or synthetic_ratio, ratio) in this row")
                    .arg(file)
                    .arg(record.line));
        row.ratio = *ratio > 1.0 ? *ratio / 100.0 : *ratio;
        if (row.ratio < 0.0 || row.ratio > 1.0)
            return Status::failure(
                TrendsText::tr("%1:%2: the synthetic ratio %3 is outside 0–1 (or 0–100 %)")
                    .arg(file)
                    .arg(record.line)
                    .arg(*ratio));
        for (const auto& [key, value] : record.fields.items()) {
            const QString name = QString::fromStdString(key);
            if (name == "synth_ratio"_L1 || name == "synthetic_ratio"_L1 || name == "ratio"_L1 ||
                name == "real_ratio"_L1)
                continue;
            if (name == "notes"_L1) {
                row.notes = value.is_string() ? QString::fromStdString(value.get<std::string>())
                                              : QString::fromStdString(value.dump());
                continue;
            }
            if (const auto v = number(value)) {
                row.metrics.insert(name, *v);
                if (!names.contains(name))
                    names << name;
            }
        }
        for (const Row& earlier : std::as_const(rows))
            if (earlier.ratio == row.ratio)
                return Status::failure(
                    TrendsText::tr("%1:%2: the ratio %3 was already given on line %4")
                        .arg(file)
                        .arg(record.line)
                        .arg(row.ratio)
                        .arg(earlier.line));
        rows.append(row);
    }
    if (rows.size() < 2)
        return Status::failure(
            TrendsText::tr("%1: a ratio gradient needs at least two runs").arg(file));
    if (names.isEmpty())
        return Status::failure(TrendsText::tr("%1: no metric column has a number").arg(file));
    std::sort(rows.begin(), rows.end(),
              [](const Row& a, const Row& b) { return a.ratio < b.ratio; });
    out->metricNames = names;
    for (const Row& r : std::as_const(rows)) {
        out->ratios.append(r.ratio);
        out->notes.append(r.notes);
    }
    for (const QString& name : std::as_const(names)) {
        QList<double> v;
        for (const Row& r : std::as_const(rows))
            v.append(r.metrics.value(name, kNaN));
        out->values.append(v);
    }
    return {};
}

Status setProjectRatioGradient(Project& project, const RatioGradient& g) {
    Json json = {{"source", g.source.toStdString()}, {"runs", Json::array()}};
    for (qsizetype i = 0; i < g.ratios.size(); ++i) {
        Json run = {{"synth_ratio", g.ratios[i]}};
        for (qsizetype m = 0; m < g.metricNames.size(); ++m)
            if (!std::isnan(g.values[m][i]))
                run[g.metricNames[m].toStdString()] = g.values[m][i];
        if (!g.notes.value(i).isEmpty())
            run["notes"] = g.notes[i].toStdString();
        json["runs"].push_back(run);
    }
    return setProjectInfo(project, kRatioKey, QString::fromStdString(json.dump()));
}

std::optional<RatioGradient> projectRatioGradient(Project& project) {
    const std::optional<QString> stored = projectInfo(project, kRatioKey);
    if (!stored)
        return std::nullopt;
    const Json json = Json::parse(stored->toStdString(), nullptr, false);
    if (!json.is_object() || !json.contains("runs") || !json["runs"].is_array())
        return std::nullopt;
    RatioGradient g;
    g.source = QString::fromStdString(json.value("source", std::string()));
    for (const Json& run : json["runs"])
        for (const auto& [key, value] : run.items())
            if (const QString name = QString::fromStdString(key);
                name != "synth_ratio"_L1 && name != "notes"_L1 && !g.metricNames.contains(name))
                g.metricNames << name;
    g.values.resize(g.metricNames.size());
    for (const Json& run : json["runs"]) {
        g.ratios.append(run.value("synth_ratio", 0.0));
        g.notes.append(QString::fromStdString(run.value("notes", std::string())));
        for (qsizetype m = 0; m < g.metricNames.size(); ++m) {
            const std::string key = g.metricNames[m].toStdString();
            g.values[m].append(run.contains(key) ? run[key].get<double>() : kNaN);
        }
    }
    return g;
}

} // namespace synthscope::model
