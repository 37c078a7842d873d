#include "widgets/EmbeddingsDialog.h"

#include "widgets/Language.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

EmbeddingsDialog::EmbeddingsDialog(const QList<std::pair<QString, qint64>>& sources,
                                   const QString& current, QWidget* parent)
    : QDialog(parent)
    , m_use(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_fromField(new QRadioButton(tr("A numeric array field of the records"), this))
    , m_fromFile(new QRadioButton(tr("A file: JSON Lines keyed by corpus and line, or a NumPy .npy in project order"), this))
    , m_fromEndpoint(new QRadioButton(tr("An OpenAI-compatible embeddings endpoint"), this))
    , m_field(new QLineEdit(this))
    , m_file(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_model(new QLineEdit(this))
    , m_keyVariable(new QLineEdit(this))
    , m_batch(new QSpinBox(this))
    , m_problem(new QLabel(this)) {
    setWindowTitle(tr("Embeddings"));
    m_use->setObjectName(u"embeddingSource"_s);
    m_use->addItem(tr("Built in: TF-IDF → randomised SVD, 256 dimensions"), QString());
    for (const auto& [name, count] : sources)
        if (name != u"tfidf-svd"_s)
            m_use->addItem(tr("%1 (%L2 samples)").arg(name).arg(count), name);
    m_use->setCurrentIndex(std::max(0, m_use->findData(current)));

    m_name->setPlaceholderText(tr("a name, e.g. e5-large"));
    m_field->setPlaceholderText(tr("field name, e.g. embedding"));
    m_file->setPlaceholderText(tr("one {\"corpus\", \"line\", \"embedding\"} object per line"));
    m_url->setPlaceholderText(u"http://127.0.0.1:8080/v1"_s);
    m_model->setPlaceholderText(u"text-embedding-3-small"_s);
    m_keyVariable->setPlaceholderText(tr("e.g. OPENAI_API_KEY (empty: no key)"));
    m_batch->setRange(1, 2048);
    m_batch->setValue(64);
    m_fromField->setChecked(true);
    m_problem->setStyleSheet(u"color: %1;"_s.arg(errorColour(palette())));
    m_problem->setWordWrap(true);

    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);

    auto* add = new QGroupBox(tr("Add embeddings"), this);
    auto* form = new QFormLayout(add);
    form->addRow(tr("Name"), m_name);
    form->addRow(m_fromField);
    form->addRow(tr("    Field"), m_field);
    form->addRow(m_fromFile);
    form->addRow(tr("    File"), fileRow);
    form->addRow(m_fromEndpoint);
    form->addRow(tr("    Base URL"), m_url);
    form->addRow(tr("    Model"), m_model);
    form->addRow(tr("    API key variable"), m_keyVariable);
    form->addRow(tr("    Texts per request"), m_batch);
    auto* note = new QLabel(tr("The key is read from that environment variable when the job runs; "
                               "it is never stored in the project. The vectors are."),
                            add);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(note);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Use for the analyses"));
    m_addButton = buttons->addButton(tr("Add and use"), QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(this);
    auto* useRow = new QFormLayout;
    useRow->addRow(tr("The analyses use"), m_use);
    layout->addLayout(useRow);
    layout->addWidget(add);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_addButton, &QPushButton::clicked, this, [this]() {
        m_add = true;
        accept();
    });
    connect(browse, &QPushButton::clicked, this, [this]() {
        const QString f = QFileDialog::getOpenFileName(this, tr("Embeddings file"), QString(),
                                                       tr("Embeddings (*.jsonl *.ndjson *.npy);;JSON Lines keyed by corpus "
                                                          "and line (*.jsonl *.ndjson);;NumPy "
                                                          "array in project order (*.npy)"));
        if (!f.isEmpty())
            m_file->setText(f);
    });
    for (QLineEdit* e : {m_name, m_field, m_file, m_url, m_model})
        connect(e, &QLineEdit::textChanged, this, &EmbeddingsDialog::updateState);
    for (QRadioButton* r : {m_fromField, m_fromFile, m_fromEndpoint})
        connect(r, &QRadioButton::toggled, this, &EmbeddingsDialog::updateState);
    updateState();
}

void EmbeddingsDialog::updateState() {
    const bool field = m_fromField->isChecked();
    const bool file = m_fromFile->isChecked();
    const bool endpoint = m_fromEndpoint->isChecked();
    m_field->setEnabled(field);
    m_file->setEnabled(file);
    for (QWidget* w : std::initializer_list<QWidget*>{m_url, m_model, m_keyVariable, m_batch})
        w->setEnabled(endpoint);
    QString problem;
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        problem = tr("Name the new embeddings to add them.");
    else if (model::isReservedEmbeddingName(name))
        problem = tr("\"tfidf-svd\" and \"tfidf-svd:…\" are the built-in embeddings' names; "
                     "choose another.");
    else if (field && m_field->text().trimmed().isEmpty())
        problem = tr("Give the field that holds each record's vector.");
    else if (file && m_file->text().trimmed().isEmpty())
        problem = tr("Choose the file.");
    else if (endpoint && (!QUrl(m_url->text().trimmed()).isValid() ||
                          QUrl(m_url->text().trimmed()).scheme().isEmpty() ||
                          m_model->text().trimmed().isEmpty()))
        problem = tr("Give the endpoint's base URL (with http:// or https://) and the model.");
    m_problem->setText(problem);
    m_addButton->setEnabled(problem.isEmpty());
}

model::EmbeddingSpec EmbeddingsDialog::spec() const {
    model::EmbeddingSpec s;
    s.source = m_name->text().trimmed();
    if (m_fromField->isChecked()) {
        s.kind = model::EmbeddingSpec::Kind::Field;
        s.field = m_field->text().trimmed();
    } else if (m_fromFile->isChecked()) {
        s.kind = model::EmbeddingSpec::Kind::File;
        s.file = m_file->text().trimmed();
    } else {
        s.kind = model::EmbeddingSpec::Kind::Endpoint;
        s.endpoint.baseUrl = QUrl(m_url->text().trimmed());
        s.endpoint.model = m_model->text().trimmed();
        s.endpoint.apiKeyVariable = m_keyVariable->text().trimmed();
        s.endpoint.batchSize = m_batch->value();
    }
    return s;
}

QString EmbeddingsDialog::chosenSource() const {
    return m_use->currentData().toString();
}

} // namespace synthscope::widgets
