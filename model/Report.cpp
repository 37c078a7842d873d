#include "model/Report.h"

#include "analysis/MetricKeys.h"

#include "model/Gate.h"
#include "model/MetricCatalog.h"
#include "model/MetricModels.h"
#include "model/ProjectStore.h"
#include "model/ReviewStore.h"
#include "model/SourceModels.h"
#include "model/TeamReview.h"
#include "model/Trends.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSqlQuery>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

#include <algorithm>

#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {
/// The translation context of this file's messages (lupdate reads the macro).
struct ReportText {
    Q_DECLARE_TR_FUNCTIONS(synthscope::model::Report)
};

// A role as the report shows it (translated).
QString roleTitle(Role role) {
    return role == Role::Real ? ReportText::tr("real") : ReportText::tr("synthetic");
}
} // namespace

namespace key = analysis::key;

namespace {

const QColor kReal(0x1f, 0x77, 0xb4);
const QColor kSynthetic(0xe6, 0x6a, 0x00);
constexpr int kChartWidth = 720;

QString esc(const QString& s) {
    return s.toHtmlEscaped();
}

QString cell(const QString& text, const QString& style = {}) {
    return style.isEmpty() ? u"<td>%1</td>"_s.arg(text)
                           : u"<td style=\"%1\">%2</td>"_s.arg(style, text);
}

// A table model as an HTML table: its horizontal headers, then each row; the first column as
// text, the others right-aligned, bold where the model's font is bold, "–" where empty, and
// with the noteRole text (when given and not empty) small below the value.
QString tableHtml(const QAbstractItemModel& m, int noteRole = -1) {
    QString h = u"<table width=\"100%\"><tr>"_s;
    for (int c = 0; c < m.columnCount(); ++c)
        h += u"<th>%1</th>"_s.arg(esc(m.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString()));
    h += u"</tr>"_s;
    for (int r = 0; r < m.rowCount(); ++r) {
        h += u"<tr>"_s;
        for (int c = 0; c < m.columnCount(); ++c) {
            const QModelIndex i = m.index(r, c);
            QString text = esc(m.data(i, Qt::DisplayRole).toString());
            if (text.isEmpty())
                text = u"–"_s;
            if (m.data(i, Qt::FontRole).value<QFont>().bold())
                text = u"<b>%1</b>"_s.arg(text);
            if (const QString note = noteRole >= 0 ? m.data(i, noteRole).toString() : QString();
                !note.isEmpty())
                text += u"<br><small style=\"color:#666\">%1</small>"_s.arg(esc(note));
            h += cell(text, c == 0 ? QString() : u"text-align:right"_s);
        }
        h += u"</tr>"_s;
    }
    return h + u"</table>"_s;
}

// A white picture kChartWidth wide.
QImage chartCanvas(int height) {
    QImage image(kChartWidth, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    return image;
}

// Antialiasing, the title in bold at the top, then the 12-pixel font for labels.
void startChart(QPainter& p, const QString& title) {
    p.setRenderHint(QPainter::Antialiasing);
    QFont font = p.font();
    font.setPixelSize(13);
    font.setBold(true);
    p.setFont(font);
    p.drawText(QRect(8, 6, kChartWidth - 16, 24), Qt::AlignLeft | Qt::AlignVCenter, title);
    font.setBold(false);
    font.setPixelSize(12);
    p.setFont(font);
}

// A horizontal bar chart: one bar per label, coloured per bar.
QImage barChart(const QString& title, const QStringList& labels, const QList<double>& values,
                const QList<QColor>& colours, int decimals) {
    const int rowHeight = 26;
    const int labelWidth = 230;
    QImage image = chartCanvas(44 + rowHeight * static_cast<int>(labels.size()) + 12);
    QPainter p(&image);
    startChart(p, title);
    double top = 0.0;
    for (double v : values)
        top = std::max(top, std::isnan(v) ? 0.0 : v);
    if (top <= 0.0)
        top = 1.0;
    const int barSpace = kChartWidth - labelWidth - 90;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const int y = 40 + rowHeight * static_cast<int>(i);
        p.setPen(Qt::black);
        p.drawText(QRect(8, y, labelWidth - 12, rowHeight - 4), Qt::AlignRight | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(labels[i], Qt::ElideMiddle, labelWidth - 12));
        const double v = values[i];
        const double scaled = barSpace * v / top;
        if (!std::isfinite(scaled)) // NaN, or an infinite value: no bar
            continue;
        const int w =
            static_cast<int>(std::round(std::clamp(scaled, 0.0, static_cast<double>(barSpace))));
        p.fillRect(QRect(labelWidth, y + 3, std::max(1, w), rowHeight - 10), colours.value(i));
        p.drawText(QRect(labelWidth + w + 6, y, 84, rowHeight - 4),
                   Qt::AlignLeft | Qt::AlignVCenter, QString::number(v, 'f', decimals));
    }
    return image;
}

// Two overlaid distributions over equal bins (shares of each side).
QImage histogramChart(const QString& title, int binWidth, const QVector<double>& real,
                      const QVector<double>& synthetic) {
    QImage image = chartCanvas(300);
    QPainter p(&image);
    startChart(p, title);
    const auto shares = [](const QVector<double>& counts) {
        double total = 0.0;
        for (double c : counts)
            total += c;
        QVector<double> out;
        for (double c : counts)
            out << (total > 0 ? c / total : 0.0);
        return out;
    };
    const QVector<double> r = shares(real);
    const QVector<double> s = shares(synthetic);
    const qsizetype bins = std::max(r.size(), s.size());
    double top = 0.0;
    for (double v : r)
        top = std::max(top, v);
    for (double v : s)
        top = std::max(top, v);
    if (bins == 0 || top <= 0.0)
        return image;
    const QRect plot(50, 40, kChartWidth - 70, 210);
    p.setPen(QColor(0xcc, 0xcc, 0xcc));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    const double step = static_cast<double>(plot.width()) / static_cast<double>(bins);
    for (const auto& [values, colour] : {std::pair{r, kReal}, std::pair{s, kSynthetic}}) {
        QColor fill = colour;
        fill.setAlpha(110);
        for (qsizetype i = 0; i < values.size(); ++i) {
            const int h = static_cast<int>(std::round(plot.height() * values[i] / top));
            p.fillRect(QRectF(plot.left() + step * static_cast<double>(i), plot.bottom() - h,
                              std::max(1.0, step - 1.0), h),
                       fill);
        }
    }
    p.setPen(Qt::black);
    for (int i = 0; i <= 4; ++i) {
        const qsizetype bin = bins * i / 4;
        p.drawText(
            QRectF(plot.left() + step * static_cast<double>(bin) - 30, plot.bottom() + 4, 60, 18),
            Qt::AlignCenter, QString::number(bin * binWidth));
    }
    p.drawText(QRect(plot.left(), plot.bottom() + 22, plot.width(), 18), Qt::AlignCenter,
               ReportText::tr("tokens per sample"));
    p.fillRect(QRect(kChartWidth - 220, 12, 12, 12), kReal);
    p.drawText(QRect(kChartWidth - 204, 8, 80, 20), Qt::AlignVCenter, ReportText::tr("real"));
    p.fillRect(QRect(kChartWidth - 130, 12, 12, 12), kSynthetic);
    p.drawText(QRect(kChartWidth - 114, 8, 110, 20), Qt::AlignVCenter, ReportText::tr("synthetic"));
    return image;
}

// A line per series over categories (a Trend).
QImage lineChart(const QString& title, const Trend& t) {
    QImage image = chartCanvas(280);
    QPainter p(&image);
    startChart(p, title);
    double lo = INFINITY;
    double hi = -INFINITY;
    for (const TrendSeries& s : t.series)
        for (double v : s.y)
            if (!std::isnan(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
    if (!(lo <= hi) || t.categories.isEmpty())
        return image;
    if (hi == lo) {
        hi += 0.5;
        lo -= 0.5;
    }
    const QRect plot(70, 40, kChartWidth - 100, 190);
    const auto xAt = [&](qsizetype i) {
        return plot.left() + (t.categories.size() == 1
                                  ? plot.width() / 2.0
                                  : plot.width() * static_cast<double>(i) /
                                        static_cast<double>(t.categories.size() - 1));
    };
    const auto yAt = [&](double v) { return plot.bottom() - plot.height() * (v - lo) / (hi - lo); };
    p.setPen(QColor(0xcc, 0xcc, 0xcc));
    p.drawRect(plot);
    p.setPen(Qt::black);
    p.drawText(QRect(4, plot.top() - 8, 62, 16), Qt::AlignRight, QString::number(hi, 'g', 4));
    p.drawText(QRect(4, plot.bottom() - 8, 62, 16), Qt::AlignRight, QString::number(lo, 'g', 4));
    for (qsizetype i = 0; i < t.categories.size(); ++i)
        p.drawText(QRectF(xAt(i) - 60, plot.bottom() + 4, 120, 18), Qt::AlignCenter,
                   t.categories[i].left(18));
    p.drawText(QRect(plot.left(), plot.bottom() + 22, plot.width(), 18), Qt::AlignCenter,
               t.axisTitle);
    int legend = 0;
    for (const TrendSeries& s : t.series) {
        const QColor colour = s.role == Role::Real ? kReal : kSynthetic;
        QPen pen(colour, 2.5);
        if (s.role == Role::Real)
            pen.setStyle(Qt::DashLine);
        p.setPen(pen);
        QPolygonF line;
        for (qsizetype i = 0; i < t.categories.size(); ++i) {
            const double v = s.y.size() == 1 ? s.y[0] : s.y.value(i, std::nan(""));
            if (!std::isnan(v))
                line << QPointF(xAt(i), yAt(v));
        }
        p.drawPolyline(line);
        if (s.role != Role::Real)
            for (const QPointF& pt : line)
                p.drawEllipse(pt, 3.5, 3.5);
        p.drawLine(QPointF(plot.right() - 200, plot.top() + 14 + legend * 16),
                   QPointF(plot.right() - 180, plot.top() + 14 + legend * 16));
        p.setPen(Qt::black);
        p.drawText(QRect(plot.right() - 176, plot.top() + 6 + legend * 16, 176, 16),
                   Qt::AlignVCenter, s.name.left(28));
        ++legend;
    }
    return image;
}

QString metricRow(const MetricInfo& info, const QList<QString>& values) {
    QString row = u"<tr><td><b>%1</b></td>"_s.arg(esc(metricNameWithUnit(info)));
    for (const QString& v : values)
        row += cell(v, u"text-align:right"_s);
    return row + cell(esc(metricTr(info.meaning)), u"color:#444"_s) + u"</tr>"_s;
}

QString excerpt(const QString& text, int limit = 320) {
    const QString simplified = text.simplified();
    return esc(simplified.size() > limit ? simplified.left(limit) + u"…"_s : simplified);
}

} // namespace

QByteArray Report::selfContainedHtml() const {
    QString inlined = html;
    for (const auto& [name, image] : charts) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        inlined.replace(u"src=\"%1\""_s.arg(name), u"src=\"data:image/png;base64,%1\""_s.arg(
                                                       QString::fromLatin1(png.toBase64())));
    }
    return inlined.toUtf8();
}

Status buildReport(Project& project, Report* out) {
    *out = {};
    const ReadSnapshot snapshot(project.connection()); // one analysis run throughout
    if (!snapshot.status())
        return snapshot.status();
    ProjectStore store(project);
    const std::optional<StoredAnalysis> analysis = store.latestAnalysis();
    if (!analysis)
        return Status::failure(
            ReportText::tr("Not analysed yet: run the analyses before writing a report."));
    if (!analysis->damaged.isEmpty())
        return Status::failure(analysis->damaged);
    const QList<CorpusInfo> corpora = store.corpora();
    out->title =
        ReportText::tr("Synthscope report — %1").arg(QFileInfo(project.path()).completeBaseName());
    auto addChart = [&](const QImage& image) {
        const QString name = u"chart-%1.png"_s.arg(out->charts.size() + 1);
        out->charts.append({name, image});
        return u"<p><img src=\"%1\" width=\"%2\"></p>"_s.arg(name).arg(kChartWidth);
    };

    QString h;
    h += u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title><style>"
         "body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}"
         "table{border-collapse:collapse;margin:0.5em 0 1.5em}"
         "td,th{border:1px solid #ccc;padding:3px 8px;vertical-align:top;font-size:12px}"
         "th{background:#f0f0f0;text-align:left}h2{border-bottom:2px solid #ddd;margin-top:1.6em}"
         ".pass{background:#d8f0d8}.warn{background:#ffe9b0}.fail{background:#f6c6c6}"
         ".sample{border-left:4px solid #e66a00;padding:4px 10px;margin:6px 0;background:#faf7f2;"
         "font-size:12px}</style></head><body>"_s.arg(esc(out->title));
    const QString viewNote =
        project.view() == AnalysisView::All
            ? QString()
            : ReportText::tr(" · <b>%1 only</b> (the %2 view: corpora without %2 are not in it)")
                  .arg(project.view() == AnalysisView::Prompts ? ReportText::tr("Prompts")
                                                               : ReportText::tr("Responses"),
                       viewName(project.view()));
    h +=
        ReportText::tr(
            "<h1>%1</h1><p>Project <code>%2</code> · analysis run %3%8 finished %4 · written %5 by "
            "Synthscope %6%7</p>")
            .arg(esc(out->title), esc(project.path()))
            .arg(analysis->runId)
            .arg(esc(analysis->finishedAt), QDateTime::currentDateTimeUtc().toString(Qt::ISODate),
                 QStringLiteral(SYNTHSCOPE_VERSION),
                 analysis->stale ? ReportText::tr(" · <b>stale: corpora changed after this run</b>")
                                 : QString(),
                 viewNote);

    // Gate and checklist
    // The sources' reviews are read once, for the rules and the table further down.
    const GateVerdict gate = judgeGate(project, analysis::Progress());
    if (!gate.rulesError.isEmpty())
        return Status::failure(gate.rulesError);
    if (!gate.error.isEmpty())
        return Status::failure(gate.error);
    const QList<RedLineResult>& results = gate.results;
    const GateStatus overall = overallStatus(results);
    h += u"<h2>%1</h2><p class=\"%2\" style=\"padding:6px;font-size:16px\"><b>%3</b></p>"_s.arg(
        ReportText::tr("Gate and checklist"), gateStatusName(overall), gateStatusTitle(overall));
    h += u"<table width=\"100%\"><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>"_s
             .arg(ReportText::tr("Status"), ReportText::tr("Red line"), ReportText::tr("Value"),
                  ReportText::tr("Passes when"), ReportText::tr("Action when tripped"));
    for (const RedLineResult& r : results) {
        const QString condition = conditionText(r.rule);
        h +=
            u"<tr><td class=\"%1\">%2</td>"_s.arg(gateStatusName(r.status),
                                                  gateStatusTitle(r.status)) +
            cell(esc(redLineText(r.rule.title)) +
                 (r.detail.isEmpty() ? QString() : u"<br><small>%1</small>"_s.arg(esc(r.detail)))) +
            cell(r.value ? QString::number(*r.value, 'f', 4) : u"–"_s, u"text-align:right"_s) +
            cell(esc(condition)) + cell(esc(redLineText(r.rule.action))) + u"</tr>"_s;
    }
    h += u"</table>"_s;

    // Corpora and provenance
    h += u"<h2>%1</h2><table "
         u"width=\"100%\"><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th>"
         "<th>%7</th></tr>"_s.arg(ReportText::tr("Corpora"), ReportText::tr("Corpus"),
                                  ReportText::tr("Role"), ReportText::tr("Samples"),
                                  ReportText::tr("Rejected rows"), ReportText::tr("Provenance"),
                                  ReportText::tr("Files"));
    for (const CorpusInfo& c : corpora) {
        QStringList files;
        for (const QString& f : c.files)
            files << esc(QFileInfo(f).fileName());
        h += u"<tr>"_s + cell(u"<b>%1</b>"_s.arg(esc(c.name))) + cell(roleTitle(c.role)) +
             cell(QString::number(c.samples), u"text-align:right"_s) +
             cell(QString::number(c.rejected), u"text-align:right"_s) +
             cell(esc(c.provenanceText())) + cell(files.join(u"<br>"_s)) + u"</tr>"_s;
    }
    h += u"</table>"_s;

    // Metrics
    h += u"<h2>%1</h2>"_s.arg(ReportText::tr("Real versus synthetic"));
    if (analysis->hasComparison) {
        h += u"<table width=\"100%\"><tr><th>%1</th><th>%2</th><th>%3</th></tr>"_s.arg(
            ReportText::tr("Metric"), ReportText::tr("Value"), ReportText::tr("Meaning"));
        for (const MetricInfo& info : comparisonMetrics())
            if (const QString key = QString::fromLatin1(info.key);
                analysis->comparison.contains(key))
                h += metricRow(info, {formatMetric(info, analysis->comparison.value(key))});
        h += u"</table>"_s;
        h += addChart(histogramChart(
            ReportText::tr("Length distribution (share of samples per bin)"),
            analysis->histogramBinWidth, analysis->histogramReal, analysis->histogramSynthetic));
    } else {
        h += u"<p>%1</p>"_s.arg(ReportText::tr("Needs a real and a synthetic corpus."));
    }
    // Each synthetic corpus against reality, with the real-vs-real band.
    {
        VsRealModel vs;
        vs.setAnalysis(analysis);
        if (vs.rowCount() > 0)
            h += u"<h2>%1</h2><p>%2</p>"_s.arg(
                     ReportText::tr("Each synthetic corpus against reality"),
                     ReportText::tr(
                         "On equal samples per side; below each value, the band of real against "
                         "real at the same size (mean ± 3 sd). <b>Bold</b>: outside the band.")) +
                 tableHtml(vs, VsRealModel::NullBandRole);
    }
    // Each synthetic corpus's repetition against real text of the same lengths.
    {
        if (const QString warning = lengthMismatchWarning(*analysis); !warning.isEmpty())
            h += u"<p style=\"background:#fff3cd;padding:6px\">%1</p>"_s.arg(warning);
        LengthControlModel lengths;
        lengths.setAnalysis(analysis);
        if (lengths.rowCount() > 0) {
            h += u"<h2>%1</h2><p>%2</p>"_s.arg(
                     ReportText::tr("Repetition against real text of the same lengths"),
                     ReportText::tr(
                         "Each rate of sampled synthetic samples over the rate of as many real "
                         "samples with the same token lengths; 1× = as repetitive as reality. "
                         "<b>Bold</b>: at least %1×. A dash: not measured (too few of the corpus's "
                         "lengths occur in the real data, or no embeddings or perplexities).")
                         .arg(LengthControlModel::kLiftWorry, 0, 'f', 0)) +
                 tableHtml(lengths);
        }
    }

    // Per-corpus metrics: the size- and length-controlled ones, then the raw ones apart.
    for (const bool raw : {false, true}) {
        h += u"<h2>%1</h2>"_s.arg(
            raw ? ReportText::tr("Raw measures (depend on corpus size or text length)")
                : ReportText::tr("Per-corpus metrics"));
        h += u"<table width=\"100%\"><tr><th>%1</th>"_s.arg(ReportText::tr("Metric"));
        for (const CorpusMetrics& c : analysis->corpora)
            h += u"<th>%1<br><small>%2</small></th>"_s.arg(esc(c.name), roleTitle(c.role));
        h += u"<th>%1</th></tr>"_s.arg(ReportText::tr("Meaning"));
        for (const MetricInfo& info : corpusMetrics()) {
            const QString key = QString::fromLatin1(info.key);
            if (isUncontrolledMetric(key) != raw)
                continue;
            QList<QString> values;
            bool any = false;
            for (const CorpusMetrics& c : analysis->corpora) {
                any = any || c.values.contains(key);
                values << (c.values.contains(key) ? formatMetric(info, c.values.value(key))
                                                  : u"–"_s);
            }
            if (any)
                h += metricRow(info, values);
        }
        h += u"</table>"_s;
    }
    for (const char* name : {key::kSelfRepetitionAtBudget, key::kTemplatesPerToken,
                             key::kSkeletonRepetitionRateLengthLift, key::kDistinct2AtBudget}) {
        const MetricInfo* info = findMetric(QString::fromLatin1(name));
        QStringList labels;
        QList<double> values;
        QList<QColor> colours;
        for (const CorpusMetrics& c : analysis->corpora) {
            labels << c.name;
            values << c.values.value(QString::fromLatin1(name), std::nan(""));
            colours << (c.role == Role::Real ? kReal : kSynthetic);
        }
        if (info != nullptr && !labels.isEmpty())
            h += addChart(barChart(metricTr(info->title), labels, values, colours, info->decimals));
    }

    // What the judge kept: the corpora of preference pairs only.
    if (std::any_of(analysis->corpora.begin(), analysis->corpora.end(),
                    [](const CorpusMetrics& c) { return c.judge.has_value(); })) {
        h += u"<h2>%1</h2><p>%2</p>"_s.arg(
            ReportText::tr("What the judge kept"),
            ReportText::tr(
                "Corpora of preference pairs: how often the judge preferred the second "
                "output, raw and at equal length (Dubois et al. 2024), and how much length "
                "sways it."));
        h += u"<table width=\"100%\"><tr><th>%1</th>"_s.arg(ReportText::tr("Metric"));
        QList<const CorpusMetrics*> judged;
        for (const CorpusMetrics& c : analysis->corpora)
            if (c.judge) {
                judged << &c;
                h += u"<th>%1</th>"_s.arg(esc(c.name));
            }
        h += u"<th>%1</th></tr>"_s.arg(ReportText::tr("Meaning"));
        for (const MetricInfo& info : judgeMetrics()) {
            const QString key = QString::fromLatin1(info.key);
            QList<QString> values;
            for (const CorpusMetrics* c : judged)
                values << (c->values.contains(key) ? formatMetric(info, c->values.value(key))
                                                   : u"–"_s);
            h += metricRow(info, values);
        }
        h += u"</table>"_s;
    }

    // Trends by round
    Trend trend;
    if (metricByProvenance(project, Dimension::Round, QString::fromLatin1(key::kMeanLengthTokens),
                           &trend) &&
        trend.categories.size() >= 2) {
        h += u"<h2>%1</h2>"_s.arg(ReportText::tr("Trends across rounds"));
        for (const char* name : {key::kJsUnigram, key::kSelfRepetitionAtBudget,
                                 key::kSkeletonRepetitionRateLengthLift, key::kMeanLengthTokens}) {
            const MetricInfo* info = findMetric(QString::fromLatin1(name));
            if (info != nullptr &&
                metricByProvenance(project, Dimension::Round, QString::fromLatin1(name), &trend) &&
                !trend.categories.isEmpty())
                h += addChart(
                    lineChart(ReportText::tr("%1 by round").arg(metricTr(info->title)), trend));
        }
    }

    // Who wrote the synthetic side and how much of each source people read (Table 17-3: data
    // source, manual review).
    QList<DimensionSources> sources;
    SourceReviewModel reviewed;
    if (sourceConcentration(project, &sources) && !sources.isEmpty()) {
        SourceConcentrationModel concentration;
        concentration.setSources(sources);
        h += u"<h2>%1</h2><p>%2</p>"_s.arg(
                 ReportText::tr("Sources of the synthetic side"),
                 ReportText::tr(
                     "Per generator, template version and judge version: the share of the "
                     "largest source overall and in each round (bold above 0.9), and how "
                     "evenly the sources are used (1 = evenly, 0 = one source).")) +
             tableHtml(concentration);
        Trend byRound;
        for (const DimensionSources& d : std::as_const(sources))
            if (d.rounds.size() >= 2 &&
                metricByProvenance(project, Dimension::Round, sourceLargestShareKey(d.dimension),
                                   &byRound))
                h += addChart(lineChart(ReportText::tr("Largest %1's share by round")
                                            .arg(dimensionTitle(d.dimension).toLower()),
                                        byRound));
    }
    reviewed.setRows(gate.sourceReview);
    if (reviewed.rowCount() > 0)
        h += u"<h2>%1</h2><p>%2</p>"_s.arg(
                 ReportText::tr("Review of each source"),
                 ReportText::tr(
                     "Synthetic samples answered by a reviewer, per source; the newest source of "
                     "each kind (bold) must be read before the gate passes.")) +
             tableHtml(reviewed);

    // Reviewers
    h += u"<h2>%1</h2>"_s.arg(ReportText::tr("Human review"));
    QList<AgreementRow> agreement;
    (void)reviewerAgreement(project, &agreement);
    ReviewStore review(project, u"report"_s);
    const QStringList reviewers = review.reviewers();
    h += u"<p>%1</p>"_s.arg(
        reviewers.isEmpty() ? ReportText::tr("No reviewer has answered yet.")
                            : ReportText::tr("Reviewers: %1.").arg(esc(reviewers.join(u", "_s))));
    if (!agreement.isEmpty()) {
        h +=
            u"<table width=\"100%\"><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>"_s
                .arg(ReportText::tr("Tag"), ReportText::tr("Shared samples"),
                     ReportText::tr("Observed agreement"), ReportText::tr("Cohen's κ"),
                     ReportText::tr("Krippendorff's α"));
        const auto num = [](double v) {
            return std::isnan(v) ? u"–"_s : QString::number(v, 'f', 3);
        };
        for (const AgreementRow& r : agreement)
            h += u"<tr>"_s + cell(esc(r.item)) + cell(QString::number(r.sharedSamples)) +
                 cell(QString::number(100.0 * r.observed, 'f', 1) + u" %"_s) + cell(num(r.kappa)) +
                 cell(num(r.alpha)) + u"</tr>"_s;
        h += u"</table>"_s;
    }
    TagRateTable rates;
    if (tagRates(project, Dimension::Corpus, &rates) && !rates.rows.isEmpty()) {
        h += u"<h3>%1</h3><table width=\"100%\"><tr><th>%2</th><th>%3</th>"_s.arg(
            ReportText::tr("Tag rates by corpus"), ReportText::tr("Corpus"),
            ReportText::tr("Reviewed"));
        for (const TagDef& t : rates.tags)
            h += u"<th>%1</th>"_s.arg(esc(t.name));
        h += u"</tr>"_s;
        for (const TagRateTable::Row& r : rates.rows) {
            h += u"<tr>"_s + cell(esc(r.value)) + cell(QString::number(r.reviewed));
            for (qsizetype t = 0; t < rates.tags.size(); ++t) {
                const double rate =
                    r.reviewed > 0 ? static_cast<double>(r.tagged[t]) / r.reviewed : 0.0;
                const int shade = static_cast<int>(255 - 140 * rate);
                h += cell(u"%1 %"_s.arg(100.0 * rate, 0, 'f', 0),
                          u"text-align:right;background:rgb(255,%1,%2)"_s.arg(shade).arg(shade));
            }
            h += u"</tr>"_s;
        }
        h += u"</table>"_s;
    }
    QList<NoteGroup> notes;
    if (groupNotes(project, 0.35, &notes) && !notes.isEmpty()) {
        h += u"<h3>%1</h3><ul>"_s.arg(ReportText::tr("Recurring notes"));
        for (const NoteGroup& g : notes.mid(0, 10))
            h +=
                u"<li>%1 × “%2”</li>"_s.arg(g.notes.size()).arg(excerpt(g.notes.front().note, 160));
        h += u"</ul>"_s;
    }

    // Sample excerpts
    h += u"<h2>%1</h2>"_s.arg(ReportText::tr("Sample excerpts"));
    ReviewFilter likely;
    likely.mostSyntheticFirst = true;
    const QList<qint64> mostSynthetic = review.reviewQueue(likely).mid(0, 5);
    h += u"<h3>%1</h3>"_s.arg(ReportText::tr("Most synthetic-looking (detectability model)"));
    for (qint64 id : mostSynthetic)
        if (const auto s = review.sample(id))
            h += u"<div class=\"sample\"><b>#%1</b> %2 · P(synthetic) %3<br>%4</div>"_s.arg(id)
                     .arg(esc(s->corpusName))
                     .arg(s->syntheticLikeness ? QString::number(*s->syntheticLikeness, 'f', 2)
                                               : u"–"_s)
                     .arg(excerpt(s->text));
    const QList<SkeletonGroupInfo> skeletons = store.skeletonGroups(1);
    if (!skeletons.isEmpty()) {
        h += u"<h3>%1</h3><p><code>%2</code></p>"_s.arg(
            ReportText::tr("Largest skeleton group (%1 samples)").arg(skeletons.front().size),
            excerpt(skeletons.front().pattern, 200));
        for (qint64 id : store.groupMembers(GroupKind::Skeleton, skeletons.front().id, 3))
            if (const auto s = review.sample(id))
                h += u"<div class=\"sample\"><b>#%1</b> %2<br>%3</div>"_s.arg(id).arg(
                    esc(s->corpusName), excerpt(s->text));
    }
    const QList<DuplicateGroupRow> duplicates = store.duplicateGroups(1);
    if (!duplicates.isEmpty()) {
        h += u"<h3>%1</h3>"_s.arg(ReportText::tr("Largest duplicate group (%1 samples, %2)")
                                      .arg(duplicates.front().size)
                                      .arg(duplicates.front().exact
                                               ? ReportText::tr("exact")
                                               : ReportText::tr("near-duplicates")));
        for (qint64 id : store.groupMembers(GroupKind::Duplicate, duplicates.front().id, 3))
            if (const auto s = review.sample(id))
                h += u"<div class=\"sample\"><b>#%1</b> %2<br>%3</div>"_s.arg(id).arg(
                    esc(s->corpusName), excerpt(s->text));
    }
    h += u"</body></html>"_s;
    out->html = h;
    return {};
}

namespace {

struct RowExtent {
    QTextTable* table = nullptr;
    int row = 0;
    qreal top = 0;
    qreal bottom = 0;
    qreal heading = 0; ///< height of the table's heading row (repeated above it on a new page)
};

void collectTables(QTextFrame* frame, QList<QTextTable*>* tables) {
    const auto children = frame->childFrames();
    for (QTextFrame* child : children) {
        if (auto* table = qobject_cast<QTextTable*>(child))
            tables->append(table);
        collectTables(child, tables);
    }
}

// Every table row of document with its laid-out vertical extent (document coordinates).
std::vector<RowExtent> tableRows(const QTextDocument& document) {
    QAbstractTextDocumentLayout* layout = document.documentLayout();
    QList<QTextTable*> tables;
    collectTables(document.rootFrame(), &tables);
    std::vector<RowExtent> rows;
    for (QTextTable* table : tables)
        for (int r = 0; r < table->rows(); ++r) {
            RowExtent e{table, r, std::numeric_limits<qreal>::max(), 0};
            for (int c = 0; c < table->columns(); ++c) {
                const QTextTableCell cell = table->cellAt(r, c);
                if (!cell.isValid() || cell.row() != r || cell.column() != c)
                    continue;
                e.top = std::min(
                    e.top, layout->blockBoundingRect(cell.firstCursorPosition().block()).top());
                e.bottom =
                    std::max(e.bottom,
                             layout->blockBoundingRect(cell.lastCursorPosition().block()).bottom());
            }
            if (e.top <= e.bottom) {
                if (r > 0 && !rows.empty() && rows.back().table == table)
                    e.heading = rows.back().row == 0 ? rows.back().bottom - rows.back().top
                                                     : rows.back().heading;
                rows.push_back(e);
            }
        }
    return rows;
}

// Whether the extent runs past the foot of the page its top is on.
// Whether the row runs past the foot of the page its top is on, and would fit on a page of
// its own under the table's heading (a taller row has to split).
bool crossesPage(const RowExtent& e, qreal pageHeight, qreal bottomMargin) {
    const qreal page = std::floor(e.top / pageHeight);
    return e.bottom > (page + 1) * pageHeight - bottomMargin + 0.5 &&
           e.bottom - e.top < pageHeight - 2 * bottomMargin - e.heading;
}

} // namespace

int tableRowsAcrossPages(const QTextDocument& document) {
    const qreal h = document.pageSize().height();
    const qreal margin = document.rootFrame()->frameFormat().bottomMargin();
    int n = 0;
    for (const RowExtent& e : tableRows(document))
        n += crossesPage(e, h, margin) ? 1 : 0;
    return n;
}

namespace {

// The offset in html of the n-th (0-based) occurrence of tag (e.g. "<table"), or -1.
qsizetype nthTag(const QString& html, QStringView tag, qsizetype from, int n) {
    qsizetype at = from - 1;
    for (int k = 0; k <= n; ++k) {
        at = html.indexOf(tag, at + 1, Qt::CaseInsensitive);
        if (at < 0)
            return -1;
    }
    return at;
}

// Splits the html's table-th table before its row-th row into a second table that starts a
// new page and repeats the first table's heading row; returns false when the html has no such
// row (the document and the html disagree).
bool breakTableBeforeRow(QString* html, int table, int row) {
    const qsizetype open = nthTag(*html, u"<table", 0, table);
    if (open < 0)
        return false;
    const qsizetype openEnd = html->indexOf(u'>', open);
    const QString tableTag = html->mid(open, openEnd + 1 - open);
    const qsizetype firstRow = nthTag(*html, u"<tr", open, 0);
    const qsizetype firstRowEnd = html->indexOf(u"</tr>", firstRow, Qt::CaseInsensitive);
    const QString heading = html->mid(firstRow, firstRowEnd + 5 - firstRow);
    const bool hasHeading = heading.contains(u"<th", Qt::CaseInsensitive);
    const auto breaking = [&] {
        return QString(tableTag).insert(6, u" style=\"page-break-before:always\"");
    };
    if (row == 0 || (row == 1 && hasHeading)) { // the whole table moves
        if (tableTag.contains(u"page-break-before"))
            return false; // it starts a page already: nothing to gain
        html->replace(open, tableTag.size(), breaking());
        return true;
    }
    const qsizetype at = nthTag(*html, u"<tr", open, row);
    if (at < 0)
        return false;
    html->insert(at, u"</table>" + breaking() + (hasHeading ? heading : QString()));
    return true;
}

// The heading row of every table (the report's tables all open with one) repeats at the top
// of each page the table continues on.
void repeatTableHeadings(QTextDocument& document) {
    QList<QTextTable*> tables;
    collectTables(document.rootFrame(), &tables);
    for (QTextTable* table : tables) {
        QTextTableFormat format = table->format();
        format.setHeaderRowCount(1);
        table->setFormat(format);
    }
}

} // namespace

std::pair<QString, QString> reportPaths(const QString& chosen) {
    QString base = chosen;
    for (const QString& extension : {u".html"_s, u".htm"_s, u".pdf"_s})
        if (base.endsWith(extension, Qt::CaseInsensitive)) {
            base.chop(extension.size());
            break;
        }
    return {base + u".html"_s, base + u".pdf"_s};
}

void layOutForPaper(QTextDocument& document, const QString& html, QSizeF pageSize) {
    // Table by table from the top: a row that would run past a page's foot ends its table
    // there; the rest continues on the next page under the repeated heading. Each split
    // shifts what follows, so the document is laid out and measured again after it.
    QString paper = html;
    document.setHtml(paper);
    repeatTableHeadings(document);
    document.setPageSize(pageSize);
    const qreal margin = document.rootFrame()->frameFormat().bottomMargin();
    for (int guard = 0; guard < 1000; ++guard) {
        QList<QTextTable*> tables;
        collectTables(document.rootFrame(), &tables);
        bool split = false;
        for (const RowExtent& e : tableRows(document)) {
            // A row that cannot be helped (its table starts a page already) is passed over.
            if (crossesPage(e, pageSize.height(), margin) &&
                breakTableBeforeRow(&paper, static_cast<int>(tables.indexOf(e.table)), e.row)) {
                split = true;
                break;
            }
        }
        if (!split)
            return;
        document.setHtml(paper);
        repeatTableHeadings(document);
        document.setPageSize(pageSize);
    }
}

Status writeReport(const Report& report, const QString& htmlPath, const QString& pdfPath) {
    if (!htmlPath.isEmpty()) {
        QSaveFile file(htmlPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(report.selfContainedHtml()) < 0 ||
            !file.commit())
            return Status::failure(
                ReportText::tr("Cannot write %1: %2").arg(htmlPath, file.errorString()));
    }
    if (!pdfPath.isEmpty()) {
        QByteArray pdf;
        {
            QBuffer buffer(&pdf);
            buffer.open(QIODevice::WriteOnly);
            QPdfWriter writer(&buffer);
            writer.setTitle(report.title);
            writer.setCreator(u"Synthscope %1"_s.arg(QStringLiteral(SYNTHSCOPE_VERSION)));
            writer.setPageSize(QPageSize(QPageSize::A4));
            writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
            writer.setResolution(110);
            QTextDocument document;
            for (const auto& [name, image] : report.charts)
                document.addResource(QTextDocument::ImageResource, QUrl(name), image);
            // The screen layout's centred column does not apply on paper.
            QString paper = report.html;
            paper.replace(u"max-width:1000px;margin:2em auto;"_s, QString());
            // Lay the text out on the writer's printable area (in its device pixels), so
            // tables span the page width; no table row is cut by a page break.
            layOutForPaper(
                document, paper,
                writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF());
            document.print(&writer);
        }
        QSaveFile file(pdfPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(pdf) < 0 || !file.commit())
            return Status::failure(
                ReportText::tr("Cannot write %1: %2").arg(pdfPath, file.errorString()));
    }
    return {};
}

} // namespace synthscope::model
