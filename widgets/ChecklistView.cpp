#include "widgets/ChecklistView.h"

#include "model/GateModels.h"
#include "model/ProjectDocument.h"
#include "model/SourceModels.h"
#include "widgets/EmptyState.h"
#include "widgets/LazyReload.h"
#include "widgets/ReadOnlyTable.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

ChecklistView::ChecklistView(QWidget* parent)
    : QWidget(parent)
    , m_rules(new model::RedLinesModel(this))
    , m_sourceReview(new model::SourceReviewModel(this))
    , m_sourceReviewTitle(new QLabel(this))
    , m_verdict(new QLabel(this))
    , m_edit(new QPushButton(tr("Edit rules…"), this)) {
    m_lazy = new LazyReload(this, [this]() { reload(); });
    m_table = makeReadOnlyTable(m_rules, this, u"checklistTable"_s);
    m_table->setWordWrap(false);
    m_verdict->setTextFormat(Qt::RichText);
    m_verdict->setWordWrap(true);
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* header = new QHBoxLayout;
    header->addWidget(m_verdict, 1);
    header->addWidget(m_edit);
    layout->addLayout(header);
    layout->addWidget(m_table, 1);
    m_sourceReviewTable = makeReadOnlyTable(m_sourceReview, this, u"sourceReviewTable"_s);
    m_sourceReviewTable->setMaximumHeight(160);
    m_sourceReviewTitle->setWordWrap(true);
    m_sourceReviewTitle->setText(
        tr("<b>Review of each source</b> — synthetic samples a reviewer answered, per generator, "
           "template version and judge version. The newest of each (bold) must be read before "
           "the gate passes: double-click its red line to review a risk-weighted queue of its "
           "unread samples."));
    layout->addWidget(m_sourceReviewTitle);
    layout->addWidget(m_sourceReviewTable);
    auto* hint = new QLabel(content);
    m_hint = hint;
    hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(hint);
    m_state = EmptyState::fill(this, content);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const QVariantList focus = index.data(model::RedLinesModel::FocusRole).toList();
        model::Dimension dimension = model::Dimension::Generator;
        if (focus.size() == 3 && model::parseDimension(focus[0].toString(), &dimension)) {
            Q_EMIT reviewSourceRequested(dimension, focus[1].toString(), focus[2].toInt());
            return;
        }
        const model::RedLineResult& r = m_rules->rows().at(index.row());
        Q_EMIT evidenceRequested(index.data(model::RedLinesModel::EvidenceRole).toString(),
                                 r.rule.metric, r.corpusId.value_or(0));
    });
    connect(m_edit, &QPushButton::clicked, this, &ChecklistView::editRules);
    reload();
}

void ChecklistView::setDocument(model::ProjectDocument* document) {
    if (m_document != nullptr) {
        disconnect(m_document, nullptr, this, nullptr);
        disconnect(&m_document->review(), nullptr, this, nullptr);
        disconnect(m_document, nullptr, m_lazy, nullptr);
        disconnect(&m_document->review(), nullptr, m_lazy, nullptr);
    }
    m_document = document;
    if (document != nullptr) {
        connect(document, &model::ProjectDocument::analysisChanged, m_lazy, &LazyReload::markStale);
        connect(&document->review(), &model::ReviewStore::reviewChanged, m_lazy,
                &LazyReload::markStale);
        connect(&document->review(), &model::ReviewStore::reviewsChanged, m_lazy,
                &LazyReload::markStale);
        connect(&document->review(), &model::ReviewStore::tagsChanged, m_lazy,
                &LazyReload::markStale);
        connect(document, &model::ProjectDocument::gateChanged, m_lazy, &LazyReload::markStale);
    }
    m_lazy->markStale();
}

void ChecklistView::reload() {
    m_rules->setRows({});
    m_sourceReview->setRows({});
    m_sourceReviewTitle->setVisible(false);
    m_sourceReviewTable->setVisible(false);
    // The pipeline's command for the view shown (its rules are judged on that view's run).
    const model::AnalysisView view =
        m_document != nullptr ? m_document->view() : model::AnalysisView::All;
    m_hint->setText(
        tr("The same rules gate a pipeline: <code>synthscope-cli gate --project P%1</code> exits "
           "1 when a fail rule trips.")
            .arg(view == model::AnalysisView::All ? QString()
                                                  : u" --view "_s + model::viewName(view)));
    if (m_document == nullptr || !m_document->analysis()) {
        m_state->showMessage(m_document == nullptr
                                 ? tr("Open or create a project (File menu) to begin.")
                             : view == model::AnalysisView::All
                                 ? tr("Not analysed yet. Run the analyses (Ctrl+R).")
                                 : tr("The %1 are not analysed yet. Run the analyses (Ctrl+R).")
                                       .arg(model::ProjectDocument::viewTitle(view).toLower()));
        return;
    }
    // Judged in a job (seconds at a million samples): the verdict shows when it lands; one of
    // an earlier analysis is not shown, one from before the latest answers is (the next
    // follows).
    m_document->requestGate();
    const std::shared_ptr<const model::GateVerdict> judged = m_document->gate();
    if (!judged || (judged->runId != m_document->analysis()->runId && !m_document->gateCurrent())) {
        m_state->showMessage(tr("Judging the red lines on the newest analysis…"));
        return;
    }
    if (!judged->rulesError.isEmpty()) {
        m_state->showContent();
        m_verdict->setText(
            tr("<b>The rules cannot be read:</b> %1").arg(judged->rulesError.toHtmlEscaped()));
        return;
    }
    if (!judged->error.isEmpty()) {
        m_state->showMessage(judged->error);
        return;
    }
    const QList<model::RedLineResult>& results = judged->results;
    m_state->showContent();
    m_rules->setRows(results);
    m_sourceReview->setRows(judged->sourceReview);
    const bool sources = m_sourceReview->rowCount() > 0;
    m_sourceReviewTitle->setVisible(sources);
    m_sourceReviewTable->setVisible(sources);
    if (sources)
        m_sourceReviewTable->resizeColumnsToContents();
    int counts[4] = {0, 0, 0, 0};
    for (const auto& r : results)
        ++counts[static_cast<int>(r.status)];
    const model::GateStatus overall = model::overallStatus(results);
    const bool stale = m_document->analysis()->stale;
    const QString colour = model::gateStatusInk(stale ? model::GateStatus::Warn : overall).name();
    // An analysis of other corpora than the project's never passes (synthscope-cli gate exits
    // 2 on it): the rules below describe the corpora that run saw.
    const QString verdict = stale ? tr("OUT OF DATE") : model::gateStatusTitle(overall);
    QString text = tr("<span style='font-size:16pt; color:%1'><b>Gate: %2</b></span> — %3 "
                      "pass, %4 warn, %5 fail, %6 not applicable")
                       .arg(colour, verdict)
                       .arg(counts[0])
                       .arg(counts[1])
                       .arg(counts[2])
                       .arg(counts[3]);
    if (stale)
        text += tr("<br><b>Corpora were imported, removed or given another role after this "
                   "analysis</b>: these "
                   "results describe the corpora it saw. Run the analyses again (Ctrl+R) before "
                   "judging the gate.");
    if (!m_document->gateCurrent()) // answers, tags or rules changed since: judged again
        text += tr(" <i>(judging again…)</i>");
    m_verdict->setText(text);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
}

void ChecklistView::editRules() {
    if (m_document == nullptr)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Red-line rules"));
    auto* text = new QPlainTextEdit(&dialog);
    text->setPlainText(QString::fromUtf8(model::projectRedLinesJson(m_document->project())));
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel |
                                             QDialogButtonBox::RestoreDefaults,
                                         &dialog);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(tr("Each rule: id, title, dimension, metric, scope (comparison, "
                                    "synthetic, real), op and threshold or trend {runs, worse}, "
                                    "severity (warn, fail), action, evidence."),
                                 &dialog));
    layout->addWidget(text, 1);
    layout->addWidget(buttons);
    dialog.resize(900, 640);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, &dialog,
            [text]() { text->setPlainText(QString::fromUtf8(model::defaultRedLinesJson())); });
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&]() {
        const model::Status s = m_document->setRedLines(text->toPlainText().toUtf8());
        if (!s) {
            QMessageBox::warning(&dialog, tr("Red-line rules"), s.error());
            return; // keep the dialog open with the text as typed
        }
        dialog.accept();
    });
    if (dialog.exec() == QDialog::Accepted)
        m_lazy->markStale(); // judged again: the verdict follows
}

} // namespace synthscope::widgets
