#pragma once

#include "model/Project.h"
#include "model/Status.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QSizeF>
#include <QString>

#include <utility>

class QTextDocument;

namespace synthscope::model {

/// A report rendered in memory: the HTML with its charts referenced by name, and the charts.
struct Report {
    QString title;
    QString html;                             ///< body refers to images as src="chart-N.png"
    QList<std::pair<QString, QImage>> charts; ///< name → picture
    /// The HTML as one self-contained file: every chart inlined as a data: URL (base64 PNG).
    [[nodiscard]] QByteArray selfContainedHtml() const;
};

/// Builds the report of a project: its corpora and provenance, the gate verdict and checklist,
/// every stored metric with its meaning, charts (length distribution, key per-corpus metrics,
/// trends by round when rounds exist), reviewer agreement and tag rates, and sample excerpts
/// (the most synthetic-looking, the largest skeleton and duplicate groups, notes). Draws its
/// charts with QPainter, so a QGuiApplication (offscreen is fine) must exist. Errors: no
/// analysis yet, SQL failure.
Status buildReport(Project& project, Report* out);

/// Writes the report as a self-contained HTML file (htmlPath) and/or a PDF (pdfPath, A4,
/// Qt's PDF writer via QTextDocument); an empty path is skipped. Each file is written to a
/// temporary name and renamed into place, so a failure leaves no half-written report.
Status writeReport(const Report& report, const QString& htmlPath, const QString& pdfPath);

/// The HTML and PDF paths of a report named chosen (as typed in a save dialog): a typed .html,
/// .htm or .pdf (any case) ends the name rather than joining it, so "weekly.pdf" gives
/// weekly.html and weekly.pdf.
std::pair<QString, QString> reportPaths(const QString& chosen);

/// Sets html on document, paginated on pages of pageSize (device pixels, as
/// QTextDocument::setPageSize) so that no table row is cut by a page break: a table whose row
/// would run past a page's foot ends before that row, and the rest starts the next page under
/// the table's repeated heading row. Rows taller than a page (under the heading) are left to
/// split.
void layOutForPaper(QTextDocument& document, const QString& html, QSizeF pageSize);

/// How many table rows of the (paginated) document run across a page break although they
/// would fit on a page under their table's heading (0 after layOutForPaper).
int tableRowsAcrossPages(const QTextDocument& document);

} // namespace synthscope::model
