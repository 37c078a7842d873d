#include "widgets/ExportDialog.h"

#include "widgets/Language.h"

#include "model/ProjectDocument.h"
#include "model/Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

ExportDialog::ExportDialog(model::ProjectDocument& document, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_corpus(new QComboBox(this))
    , m_role(new QComboBox(this))
    , m_tag(new QComboBox(this))
    , m_decision(new QComboBox(this))
    , m_decidedBy(new QComboBox(this))
    , m_clusterMode(new QComboBox(this))
    , m_clusters(new QLineEdit(this))
    , m_skeletonMode(new QComboBox(this))
    , m_skeletons(new QLineEdit(this))
    , m_onePerDuplicate(new QCheckBox(tr("Keep one sample of each duplicate group"), this))
    , m_limitLikeness(new QCheckBox(tr("Synthetic-likeness at most"), this))
    , m_maxLikeness(new QDoubleSpinBox(this))
    , m_path(new QLineEdit(this))
    , m_count(new QLabel(this)) {
    setWindowTitle(tr("Export reviewed slice"));
    m_corpus->addItem(tr("All corpora"));
    for (const auto& c : document.store().corpora())
        m_corpus->addItem(c.name, c.name);
    m_role->addItem(tr("Any role"));
    m_role->addItem(tr("Real"), u"real"_s);
    m_role->addItem(tr("Synthetic"), u"synthetic"_s);
    m_tag->addItem(tr("Any (tagged or not)"), u"any"_s);
    m_tag->addItem(tr("Untagged"), u"none"_s);
    m_tag->addItem(tr("Any tag"), u"tagged"_s);
    for (const auto& t : document.review().tags())
        m_tag->addItem(tr("Tagged “%1”").arg(t.name), t.name);
    m_decision->addItem(tr("Any decision"), u"any"_s);
    m_decision->addItem(tr("Kept"), u"keep"_s);
    m_decision->addItem(tr("Dropped"), u"drop"_s);
    m_decision->addItem(tr("Undecided"), u"undecided"_s);
    m_decidedBy->addItem(tr("by anyone"), u"anyone"_s);
    m_decidedBy->addItem(tr("by the majority of reviewers"), u"majority"_s);
    for (const QString& r : document.review().reviewers())
        m_decidedBy->addItem(tr("by %1").arg(r), r);
    m_decidedBy->setObjectName(u"exportDecidedBy"_s);
    for (QComboBox* mode : {m_clusterMode, m_skeletonMode}) {
        mode->addItem(tr("Only"));
        mode->addItem(tr("All but"));
    }
    m_clusters->setPlaceholderText(tr("all clusters — or numbers, e.g. 3, 7"));
    m_skeletons->setPlaceholderText(tr("all skeleton groups — or numbers, e.g. 1, 2"));
    m_clusters->setObjectName(u"exportClusters"_s);
    m_skeletons->setObjectName(u"exportSkeletonGroups"_s);
    m_onePerDuplicate->setObjectName(u"exportOnePerDuplicate"_s);
    m_onePerDuplicate->setToolTip(tr("Of every group of exact or near-duplicates (newest analysis) "
                                     "keep the member imported first"));
    m_maxLikeness->setRange(0.0, 1.0);
    m_maxLikeness->setSingleStep(0.05);
    m_maxLikeness->setValue(0.9);
    m_maxLikeness->setEnabled(false);
    m_limitLikeness->setToolTip(tr("Leave out samples the detectability model finds obviously "
                                   "synthetic (samples without a score pass)"));
    m_path->setText(
        QDir(QFileInfo(document.project().path()).absolutePath()).filePath(u"export.jsonl"_s));
    m_count->setObjectName(u"exportCount"_s);

    auto* browseButton = new QPushButton(tr("Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);

    auto* form = new QFormLayout;
    form->addRow(tr("Corpus:"), m_corpus);
    form->addRow(tr("Role:"), m_role);
    form->addRow(tr("Tag:"), m_tag);
    auto* decisionRow = new QHBoxLayout;
    decisionRow->addWidget(m_decision, 1);
    decisionRow->addWidget(m_decidedBy, 1);
    form->addRow(tr("Decision:"), decisionRow);
    auto* clusterRow = new QHBoxLayout;
    clusterRow->addWidget(m_clusterMode);
    clusterRow->addWidget(m_clusters, 1);
    form->addRow(tr("Clusters:"), clusterRow);
    auto* skeletonRow = new QHBoxLayout;
    skeletonRow->addWidget(m_skeletonMode);
    skeletonRow->addWidget(m_skeletons, 1);
    form->addRow(tr("Skeleton groups:"), skeletonRow);
    form->addRow(QString(), m_onePerDuplicate);
    auto* likenessRow = new QHBoxLayout;
    likenessRow->addWidget(m_limitLikeness);
    likenessRow->addWidget(m_maxLikeness);
    likenessRow->addStretch();
    form->addRow(QString(), likenessRow);
    form->addRow(tr("Output (JSONL):"), pathRow);
    form->addRow(QString(), m_count);
    auto* note =
        new QLabel(tr("Each line is a sample's original record, verbatim. Beside it: "
                      "<i>file</i>.excluded.jsonl lists the samples left out, and "
                      "<i>file</i>.manifest.json is the datasheet: filter, counts, SHA-256, "
                      "provenance, metrics and red lines at export time."),
                   this);
    note->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);

    for (QComboBox* box :
         {m_corpus, m_role, m_tag, m_decision, m_decidedBy, m_clusterMode, m_skeletonMode})
        connect(box, &QComboBox::currentIndexChanged, this, &ExportDialog::updateCount);
    for (QLineEdit* edit : {m_clusters, m_skeletons})
        connect(edit, &QLineEdit::textChanged, this, &ExportDialog::updateCount);
    connect(m_onePerDuplicate, &QCheckBox::toggled, this, &ExportDialog::updateCount);
    connect(m_limitLikeness, &QCheckBox::toggled, this, [this](bool on) {
        m_maxLikeness->setEnabled(on);
        updateCount();
    });
    connect(m_maxLikeness, &QDoubleSpinBox::valueChanged, this, &ExportDialog::updateCount);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateCount);
    updateCount();
}

model::ExportFilter ExportDialog::filter() const {
    model::ExportFilter f;
    if (m_document.analysis()) // the run whose group numbers this dialog shows
        f.analysisRun = m_document.analysis()->runId;
    if (m_corpus->currentIndex() > 0)
        f.corpus = m_corpus->currentData().toString();
    if (m_role->currentIndex() > 0) {
        model::Role role = model::Role::Real;
        (void)model::parseRole(m_role->currentData().toString(), &role);
        f.role = role;
    }
    model::ExportFilter::parseTag(m_tag->currentData().toString(), &f);
    QString ignored;
    (void)model::ExportFilter::parseDecision(m_decision->currentData().toString(), &f.decisions,
                                             &ignored);
    const QString who = m_decidedBy->currentData().toString();
    if (who == "majority"_L1)
        f.decisionSource = model::ExportFilter::DecisionSource::Majority;
    else if (who != "anyone"_L1) {
        f.decisionSource = model::ExportFilter::DecisionSource::Reviewer;
        f.reviewer = who;
    }
    // A malformed list filters nothing here; updateCount() says so and disables Export.
    (void)model::ExportFilter::parseGroups(m_clusters->text(), &f.clusters.ids, &ignored);
    f.clusters.exclude = m_clusterMode->currentIndex() == 1;
    (void)model::ExportFilter::parseGroups(m_skeletons->text(), &f.skeletonGroups.ids, &ignored);
    f.skeletonGroups.exclude = m_skeletonMode->currentIndex() == 1;
    f.onePerDuplicateGroup = m_onePerDuplicate->isChecked();
    if (m_limitLikeness->isChecked())
        f.maxSyntheticLikeness = m_maxLikeness->value();
    return f;
}

QString ExportDialog::outputPath() const {
    return m_path->text().trimmed();
}

void ExportDialog::updateCount() {
    QList<qint64> ids;
    QString error;
    for (QLineEdit* edit : {m_clusters, m_skeletons})
        if (!model::ExportFilter::parseGroups(edit->text(), &ids, &error)) {
            m_count->setText(u"<span style='color:%1'>%2</span>"_s.arg(errorColour(palette()),
                                                                       error.toHtmlEscaped()));
            m_ok->setEnabled(false);
            return;
        }
    const qint64 n = model::countMatching(m_document.project(), filter());
    m_count->setText(tr("<b>%n sample(s)</b> match.", nullptr, static_cast<int>(n)));
    m_ok->setEnabled(n > 0 && !outputPath().isEmpty());
}

void ExportDialog::browse() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export to"), m_path->text(),
                                                      tr("JSON Lines (*.jsonl)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

} // namespace synthscope::widgets
