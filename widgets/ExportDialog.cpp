#include "widgets/ExportDialog.h"

#include "model/ProjectDocument.h"
#include "model/Settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
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
    form->addRow(tr("Decision:"), m_decision);
    form->addRow(tr("Output (JSONL):"), pathRow);
    form->addRow(QString(), m_count);
    auto* note =
        new QLabel(tr("Each line is a sample's original record, verbatim. A manifest "
                      "(<i>file</i>.manifest.json) records the filter, counts and SHA-256."),
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

    for (QComboBox* box : {m_corpus, m_role, m_tag, m_decision})
        connect(box, &QComboBox::currentIndexChanged, this, &ExportDialog::updateCount);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateCount);
    updateCount();
}

model::ExportFilter ExportDialog::filter() const {
    model::ExportFilter f;
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
    return f;
}

QString ExportDialog::outputPath() const {
    return m_path->text().trimmed();
}

void ExportDialog::updateCount() {
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
