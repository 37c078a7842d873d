#include "widgets/ImportDialog.h"

#include "widgets/Language.h"

#include "model/Settings.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

namespace {

const model::InputFormat kFormats[] = {
    model::InputFormat::Auto, model::InputFormat::JsonLines, model::InputFormat::JsonArray,
    model::InputFormat::Csv,  model::InputFormat::Tsv,       model::InputFormat::PlainText};

QString cellText(const model::Json& value) {
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    return QString::fromStdString(value.dump());
}

} // namespace

ImportDialog::ImportDialog(QWidget* parent)
    : QDialog(parent)
    , m_files(new QLineEdit(this))
    , m_format(new QComboBox(this))
    , m_preview(new QTableWidget(this))
    , m_previewNote(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_real(new QRadioButton(tr("Real (human-written)"), this))
    , m_synthetic(new QRadioButton(tr("Synthetic (model-generated)"), this))
    , m_useField(new QRadioButton(tr("Field"), this))
    , m_useTemplate(new QRadioButton(tr("Template"), this))
    , m_usePairs(new QRadioButton(tr("Preference pairs"), this))
    , m_useConversation(new QRadioButton(tr("Conversation"), this))
    , m_conversationFormat(new QComboBox(this))
    , m_textRole(new QComboBox(this))
    , m_textField(new QComboBox(this))
    , m_template(new QLineEdit(this))
    , m_labelField(new QComboBox(this))
    , m_duplicateField(new QComboBox(this))
    , m_where(new QLineEdit(this))
    , m_maxKiB(new QSpinBox(this))
    , m_sample(new QCheckBox(tr("&Keep a uniform random sample of"), this))
    , m_sampleSize(new QSpinBox(this))
    , m_sampleSeed(new QSpinBox(this))
    , m_mapped(new QPlainTextEdit(this))
    , m_error(new QLabel(this)) {
    setWindowTitle(tr("Import corpus"));
    resize(900, 720);
    // Within the screen, title bar included (at 1280x720 Import and Cancel fell off it).
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        resize(size().boundedTo(screen->availableGeometry().size() - QSize(40, 70)));
    m_files->setObjectName(u"importFiles"_s);
    m_files->setPlaceholderText(tr("One or more files; separate with ;"));
    auto* browseButton = new QPushButton(tr("Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &ImportDialog::browse);
    m_format->addItems({tr("Detect from file"), tr("JSON Lines"), tr("JSON array"), tr("CSV"),
                        tr("TSV"), tr("Plain text (one sample per line)")});
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setObjectName(u"importPreview"_s);
    m_preview->verticalHeader()->setDefaultSectionSize(22);
    m_preview->setWordWrap(false);
    // Radio buttons with one parent are auto-exclusive together: the role and the text source
    // each need a group of their own, or choosing one unticks the other. The role has no
    // default: a corpus stored under the wrong role corrupts every comparison, so the user
    // must choose it.
    m_real->setObjectName(u"importRoleReal"_s);
    m_synthetic->setObjectName(u"importRoleSynthetic"_s);
    m_textField->setObjectName(u"importTextFieldName"_s);
    m_useField->setObjectName(u"importTextField"_s);
    m_useTemplate->setObjectName(u"importTextTemplate"_s);
    m_usePairs->setObjectName(u"importPairs"_s);
    m_usePairs->setEnabled(false);
    m_usePairs->setToolTip(tr("Records with two outputs and a judge's verdict (output_1, "
                              "output_2, preference) or a chosen and a rejected output: each "
                              "becomes two samples and a pair for the Judge view"));
    m_useConversation->setObjectName(u"importConversation"_s);
    m_useConversation->setToolTip(
        tr("Records holding turns (OpenAI messages, ShareGPT conversations) or an instruction "
           "and its answer (Alpaca, with earlier turns in history; prompt/completion): each "
           "becomes one sample that keeps its turns with their roles, so prompts and responses "
           "can be analysed apart"));
    m_conversationFormat->setObjectName(u"importConversationFormat"_s);
    for (model::ConversationFormat f :
         {model::ConversationFormat::OpenAiMessages, model::ConversationFormat::ShareGpt,
          model::ConversationFormat::Alpaca, model::ConversationFormat::PromptCompletion})
        m_conversationFormat->addItem(
            f == model::ConversationFormat::OpenAiMessages ? tr("OpenAI messages")
            : f == model::ConversationFormat::ShareGpt     ? tr("ShareGPT conversations")
            : f == model::ConversationFormat::Alpaca ? tr("Alpaca: instruction, input, output")
                                                     : tr("prompt / completion"),
            static_cast<int>(f));
    m_textRole->setObjectName(u"importTextRole"_s);
    m_textRole->addItem(tr("neither: a whole text"), QString());
    m_textRole->addItem(tr("a prompt (what a user typed)"), u"prompt"_s);
    m_textRole->addItem(tr("a response (what a model or agent answered)"), u"response"_s);
    m_textRole->setToolTip(
        tr("A prompt is analysed in the Prompts view (Analyse box), a response in the Responses "
           "view; every text is in the Whole texts view"));
    auto* roleGroup = new QButtonGroup(this);
    roleGroup->addButton(m_real);
    roleGroup->addButton(m_synthetic);
    auto* textGroup = new QButtonGroup(this);
    textGroup->addButton(m_useField);
    textGroup->addButton(m_useTemplate);
    textGroup->addButton(m_usePairs);
    textGroup->addButton(m_useConversation);
    m_useField->setChecked(true);
    m_template->setPlaceholderText(tr("e.g. {instruction}\\n{input}\\n{output}"));
    m_template->setToolTip(
        tr("{name} inserts a field; \\n a line break, \\t a tab; {{ and }} are literal braces."));
    m_where->setObjectName(u"importWhere"_s);
    m_where->setPlaceholderText(
        tr("every record; or e.g. inbound=True (several: separate with ;)"));
    m_where->setToolTip(tr("Import only the records whose field has this value; the others are "
                           "skipped, not rejected. Numbers and booleans compare as written in "
                           "JSON (true, 1)."));
    m_maxKiB->setRange(1, 1 << 20);
    m_maxKiB->setValue(1024);
    m_maxKiB->setSuffix(tr(" KiB"));
    m_maxKiB->setToolTip(tr("Records larger than this are rejected with their line number."));
    m_mapped->setReadOnly(true);
    m_mapped->setMaximumHeight(110);
    m_mapped->setObjectName(u"mappedPreview"_s);
    m_error->setStyleSheet(u"color: %1;"_s.arg(errorColour(palette())));
    m_error->setObjectName(u"importError"_s);
    m_error->setWordWrap(true);

    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_files, 1);
    fileRow->addWidget(browseButton);
    auto* source = new QGroupBox(tr("Source"), this);
    auto* sourceForm = new QFormLayout(source);
    sourceForm->addRow(tr("Files:"), fileRow);
    sourceForm->addRow(tr("Format:"), m_format);
    sourceForm->addRow(m_previewNote);
    sourceForm->addRow(m_preview);

    auto* roleRow = new QHBoxLayout;
    roleRow->addWidget(m_real);
    roleRow->addWidget(m_synthetic);
    roleRow->addStretch();
    auto* textRow = new QVBoxLayout;
    auto* fromFields = new QHBoxLayout;
    fromFields->addWidget(m_useField);
    fromFields->addWidget(m_textField, 1);
    fromFields->addWidget(m_useTemplate);
    fromFields->addWidget(m_template, 2);
    auto* structured = new QHBoxLayout;
    structured->addWidget(m_useConversation);
    structured->addWidget(m_conversationFormat, 1);
    structured->addWidget(m_usePairs);
    structured->addStretch(1);
    textRow->addLayout(fromFields);
    textRow->addLayout(structured);
    auto* mapping = new QGroupBox(tr("Mapping"), this);
    auto* form = new QFormLayout(mapping);
    form->addRow(tr("Corpus name:"), m_name);
    form->addRow(tr("Role:"), roleRow);
    form->addRow(tr("Text:"), textRow);
    form->addRow(tr("The text is:"), m_textRole);
    form->addRow(tr("Label (optional):"), m_labelField);
    m_duplicateField->setObjectName(u"importDuplicateCluster"_s);
    m_duplicateField->setToolTip(
        u"<p>"_s +
        tr("A duplicate-cluster id computed elsewhere, e.g. by datatrove's MinHash stages "
           "(metadata.minhash_cluster) or NeMo Curator (group). Samples of this corpus with the "
           "same id are one near-duplicate group in the analysis.") +
        u"</p>"_s);
    form->addRow(tr("Duplicate cluster (optional):"), m_duplicateField);
    form->addRow(tr("Only records where:"), m_where);
    const QString metaNames[] = {tr("Generator:"), tr("Template version:"), tr("Judge version:"),
                                 tr("Round:")};
    for (const QString& name : metaNames) {
        auto* edit = new QLineEdit(this);
        edit->setPlaceholderText(tr("a fixed value, or {field} to read it from each record"));
        form->addRow(name, edit);
        m_meta << edit;
        connect(edit, &QLineEdit::textChanged, this, &ImportDialog::validate);
    }
    form->addRow(tr("Largest record:"), m_maxKiB);
    // A file too large to import whole: one pass, a uniform sample (reservoir sampling).
    m_sample->setObjectName(u"importSample"_s);
    m_sample->setToolTip(tr("Read every record once and keep a uniform random sample of this many "
                            "(reservoir sampling); the corpus records the sample, so its measures "
                            "read as estimates. The same seed and files give the same sample."));
    m_sampleSize->setObjectName(u"importSampleSize"_s);
    m_sampleSize->setRange(1, std::numeric_limits<int>::max());
    m_sampleSize->setValue(100000);
    m_sampleSize->setGroupSeparatorShown(true);
    m_sampleSize->setSuffix(tr(" records"));
    m_sampleSeed->setObjectName(u"importSampleSeed"_s);
    m_sampleSeed->setRange(0, std::numeric_limits<int>::max());
    m_sampleSeed->setValue(1);
    m_sampleSeed->setPrefix(tr("seed "));
    for (QSpinBox* box : {m_sampleSize, m_sampleSeed})
        box->setEnabled(false);
    connect(m_sample, &QCheckBox::toggled, m_sampleSize, &QWidget::setEnabled);
    connect(m_sample, &QCheckBox::toggled, m_sampleSeed, &QWidget::setEnabled);
    auto* sampleRow = new QHBoxLayout;
    sampleRow->addWidget(m_sample);
    sampleRow->addWidget(m_sampleSize);
    sampleRow->addWidget(m_sampleSeed);
    sampleRow->addStretch();
    form->addRow(tr("Sample:"), sampleRow);
    form->addRow(tr("First record's text:"), m_mapped);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Import"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(source, 3);
    // The mapping scrolls rather than push Import off a 1280×720 screen.
    auto* mappingScroll = new QScrollArea(this);
    mappingScroll->setObjectName(u"importMappingScroll"_s);
    mappingScroll->setWidgetResizable(true);
    mappingScroll->setFrameShape(QFrame::NoFrame);
    mappingScroll->setWidget(mapping);
    layout->addWidget(mappingScroll, 2);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_files, &QLineEdit::editingFinished, this, &ImportDialog::loadPreview);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportDialog::loadPreview);
    for (QWidget* w : {static_cast<QWidget*>(m_textField), static_cast<QWidget*>(m_labelField)})
        connect(qobject_cast<QComboBox*>(w), &QComboBox::currentIndexChanged, this,
                &ImportDialog::updateMappedPreview);
    connect(m_template, &QLineEdit::textChanged, this, &ImportDialog::updateMappedPreview);
    connect(m_where, &QLineEdit::textChanged, this, &ImportDialog::updateMappedPreview);
    connect(m_useField, &QRadioButton::toggled, this, &ImportDialog::updateMappedPreview);
    connect(m_usePairs, &QRadioButton::toggled, this, &ImportDialog::updateMappedPreview);
    connect(m_useConversation, &QRadioButton::toggled, this, &ImportDialog::updateMappedPreview);
    connect(m_conversationFormat, &QComboBox::currentIndexChanged, this,
            &ImportDialog::updateMappedPreview);
    connect(m_textRole, &QComboBox::currentIndexChanged, this, &ImportDialog::updateMappedPreview);
    connect(roleGroup, &QButtonGroup::buttonToggled, this, &ImportDialog::validate);
    connect(m_name, &QLineEdit::textChanged, this, &ImportDialog::validate);
    validate();
}

void ImportDialog::browse() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Choose corpus files"), model::Settings::lastDirectory().get(),
        tr("Corpora (*.jsonl *.ndjson *.json *.csv *.tsv *.tab *.txt);;All files (*)"));
    if (files.isEmpty())
        return;
    model::Settings::lastDirectory().set(QFileInfo(files.first()).absolutePath());
    setFiles(files);
}

void ImportDialog::setFiles(const QStringList& files) {
    m_files->setText(files.join(u";"_s));
    if (m_name->text().isEmpty() && !files.isEmpty())
        m_name->setText(QFileInfo(files.first()).completeBaseName());
    loadPreview();
}

void ImportDialog::loadPreview() {
    m_records.clear();
    m_pairs.reset();
    m_conversation.reset();
    m_preview->clear();
    m_preview->setRowCount(0);
    m_preview->setColumnCount(0);
    const QStringList files = m_files->text().split(u';', Qt::SkipEmptyParts);
    if (files.isEmpty()) {
        m_previewNote->setText(tr("Choose a file to see its first rows."));
        validate();
        return;
    }
    std::vector<std::string> fields;
    model::InputFormat detected = model::InputFormat::Auto;
    std::string error;
    const auto format = kFormats[std::clamp(m_format->currentIndex(), 0, 5)];
    if (!model::previewFile(files.first().trimmed().toStdString(), format, 20, &m_records, &fields,
                            &detected, &error)) {
        m_previewNote->setText(QString::fromStdString(error));
        validate();
        return;
    }
    m_previewNote->setText(tr("First %1 records of %2 (read as %3):")
                               .arg(m_records.size())
                               .arg(QFileInfo(files.first()).fileName(),
                                    QString::fromLatin1(model::formatName(detected))));
    m_preview->setColumnCount(static_cast<int>(fields.size()));
    m_preview->setRowCount(static_cast<int>(m_records.size()));
    QStringList headers;
    for (const auto& f : fields)
        headers << QString::fromStdString(f);
    m_preview->setHorizontalHeaderLabels(headers);
    for (int r = 0; r < static_cast<int>(m_records.size()); ++r)
        for (int c = 0; c < static_cast<int>(fields.size()); ++c) {
            const auto& rec = m_records[static_cast<std::size_t>(r)].fields;
            auto it = rec.find(fields[static_cast<std::size_t>(c)]);
            const QString text = it == rec.end() ? QString() : cellText(*it);
            auto* item = new QTableWidgetItem(text.left(200).simplified());
            item->setToolTip(text.left(2000));
            m_preview->setItem(r, c, item);
        }
    m_preview->resizeColumnsToContents();
    for (int c = 0; c < m_preview->columnCount(); ++c)
        m_preview->setColumnWidth(c, std::min(m_preview->columnWidth(c), 260));

    const QString previousText = m_textField->currentText();
    const QString previousLabel = m_labelField->currentText();
    const QString previousDuplicate = m_duplicateField->currentText();
    QSignalBlocker b1(m_textField);
    QSignalBlocker b2(m_labelField);
    QSignalBlocker b3(m_duplicateField);
    // Only fields that can be a text (not those holding objects or arrays), nested ones too.
    QStringList mappable;
    for (const std::string& name : model::mappableFieldNames(fields, m_records))
        mappable << QString::fromStdString(name);
    m_textField->clear();
    m_textField->addItems(mappable);
    m_labelField->clear();
    m_labelField->addItem(tr("(none)"));
    m_labelField->addItems(mappable);
    // Sensible default: a field called text/response/output/content, else the first.
    int guess = static_cast<int>(mappable.indexOf(previousText));
    for (const char* name : {"text", "response", "output", "content", "completion", "decoded"})
        if (guess < 0)
            guess = static_cast<int>(mappable.indexOf(QString::fromLatin1(name)));
    m_textField->setCurrentIndex(std::max(guess, 0));
    m_labelField->setCurrentIndex(std::max(0, m_labelField->findText(previousLabel)));
    // The duplicate cluster may sit in a nested object (datatrove keeps it in "metadata"); an
    // engine's own name is picked when the file has it.
    m_duplicateField->clear();
    m_duplicateField->addItem(tr("(none)"));
    m_duplicateField->addItems(mappable);
    int duplicate = m_duplicateField->findText(previousDuplicate);
    for (const char* name : {"metadata.minhash_cluster", "__cluster__"})
        if (duplicate < 0) // an explicit (none) stays
            duplicate = m_duplicateField->findText(QString::fromLatin1(name));
    m_duplicateField->setCurrentIndex(std::max(0, duplicate));
    // Judged pairs are read as pairs, and conversations as conversations (in the detected
    // layout), unless the user picks a field or a template instead; a record with a "text"
    // field starts on that field, as the CLI does.
    if (!m_records.empty()) {
        m_pairs = model::detectPairMapping(m_records.front().fields);
        m_conversation = model::detectConversationMapping(m_records.front().fields);
    }
    const bool hasText = !m_records.empty() && m_records.front().fields.contains("text");
    m_usePairs->setEnabled(m_pairs.has_value());
    if (m_conversation) {
        const QSignalBlocker quiet(m_conversationFormat);
        m_conversationFormat->setCurrentIndex(
            m_conversationFormat->findData(static_cast<int>(m_conversation->format)));
    }
    if (m_pairs && !hasText) {
        m_usePairs->setChecked(true);
    } else if (m_conversation && !hasText) {
        m_useConversation->setChecked(true);
    } else if ((m_usePairs->isChecked() && !m_pairs) || m_useConversation->isChecked()) {
        m_useField->setChecked(true);
    }
    updateMappedPreview();
}

model::ConversationMapping ImportDialog::chosenConversation() const {
    const auto format =
        static_cast<model::ConversationFormat>(m_conversationFormat->currentData().toInt());
    if (m_conversation && m_conversation->format == format)
        return *m_conversation;
    return model::defaultConversationMapping(format);
}

model::ImportSpec ImportDialog::spec() const {
    model::ImportSpec s;
    s.corpusName = m_name->text().trimmed();
    s.role = m_real->isChecked() ? model::Role::Real : model::Role::Synthetic;
    for (const QString& f : m_files->text().split(u';', Qt::SkipEmptyParts))
        s.files << f.trimmed();
    s.format = kFormats[std::clamp(m_format->currentIndex(), 0, 5)];
    if (m_usePairs->isChecked() && m_pairs) {
        s.mapping.pairs = *m_pairs;
        s.mapping.textField.clear();
    } else if (m_useConversation->isChecked()) {
        s.mapping.conversation = chosenConversation();
        s.mapping.textField.clear();
    } else {
        if (m_useTemplate->isChecked()) {
            s.mapping.textTemplate = m_template->text().toStdString();
            s.mapping.textField.clear();
        } else {
            s.mapping.textField = m_textField->currentText().toStdString();
        }
        s.mapping.textRole = m_textRole->currentData().toString().toStdString();
    }
    if (m_labelField->currentIndex() > 0)
        s.mapping.labelField = m_labelField->currentText().toStdString();
    if (m_duplicateField->currentIndex() > 0)
        s.mapping.duplicateClusterField = m_duplicateField->currentText().toStdString();
    for (const QString& condition : m_where->text().split(u';', Qt::SkipEmptyParts)) {
        const qsizetype eq = condition.indexOf(u'=');
        if (eq > 0)
            s.mapping.where[condition.left(eq).trimmed().toStdString()] =
                condition.mid(eq + 1).trimmed().toStdString();
    }
    for (int i = 0; i < m_meta.size(); ++i)
        if (!m_meta[i]->text().trimmed().isEmpty())
            s.mapping.meta[model::kMetaKeys[i]] = m_meta[i]->text().trimmed().toStdString();
    s.maxRecordBytes = static_cast<std::size_t>(m_maxKiB->value()) * 1024;
    if (m_sample->isChecked())
        s.sampling = model::ImportSampling{.size = m_sampleSize->value(),
                                           .seed = static_cast<quint64>(m_sampleSeed->value())};
    return s;
}

void ImportDialog::updateMappedPreview() {
    m_textField->setEnabled(m_useField->isChecked());
    m_template->setEnabled(m_useTemplate->isChecked());
    m_conversationFormat->setEnabled(m_useConversation->isChecked());
    m_textRole->setEnabled(m_useField->isChecked() || m_useTemplate->isChecked());
    const bool pairs = m_usePairs->isChecked() && m_pairs;
    const model::ImportSpec s = spec();
    // The first previewed record the filter keeps (the first of all without a filter).
    const auto first =
        std::find_if(m_records.begin(), m_records.end(), [&s](const model::RawRecord& r) {
            return model::matchesWhere(r.fields, s.mapping);
        });
    const auto cut = [](const std::string& text, int limit) {
        const QString t = QString::fromStdString(text);
        return t.size() > limit ? t.left(limit) + u"…"_s : t;
    };
    if (m_records.empty()) {
        m_mapped->clear();
    } else if (first == m_records.end()) {
        m_mapped->setPlainText(tr("None of the first %1 records matches \u201conly records "
                                  "where\u201d.")
                                   .arg(m_records.size()));
    } else if (pairs) {
        // What a pair becomes, then the first record as a pair (in the box, so that choosing
        // pairs does not move the dialog's controls).
        QString text =
            tr("Each record: two samples ('%1', '%2') and a pair; %3.\n")
                .arg(QString::fromStdString(m_pairs->firstField),
                     QString::fromStdString(m_pairs->secondField),
                     m_pairs->preferenceField.empty()
                         ? tr("the first is always the preferred one")
                         : tr("verdict in '%1': 1 first, 2 second, 1.5 a tie, 0 or null none")
                               .arg(QString::fromStdString(m_pairs->preferenceField)));
        model::MappedPair mapped;
        std::string error;
        if (model::mapPair(first->fields, s.mapping, &mapped, &error)) {
            const double v = mapped.preferSecond;
            const QString verdict =
                std::isnan(v) ? tr("none (a failed or missing judgement)")
                : v == 0.0    ? tr("the first output preferred")
                : v == 1.0    ? tr("the second output preferred")
                : v == 0.5    ? tr("a tie")
                           : tr("weighted, %1 % for the second output").arg(100.0 * v, 0, 'f', 0);
            if (!mapped.prompt.empty())
                text += tr("Prompt: %1\n").arg(cut(mapped.prompt, 200));
            text += tr("First: %1\nSecond: %2\nVerdict: %3")
                        .arg(cut(mapped.first.text, 300), cut(mapped.second.text, 300), verdict);
        } else {
            text += tr("This record would be rejected: %1").arg(QString::fromStdString(error));
        }
        m_mapped->setPlainText(text);
    } else if (s.mapping.conversation.enabled()) {
        // The first record's turns, each under its role.
        std::vector<model::Turn> turns;
        std::string error;
        if (model::mapConversation(first->fields, s.mapping.conversation, &turns, &error)) {
            QStringList lines;
            for (const model::Turn& t : turns)
                lines << u"%1: %2"_s.arg(QString::fromLatin1(model::turnRoleName(t.role)),
                                         cut(t.content, 240).simplified());
            m_mapped->setPlainText(lines.join(u'\n'));
        } else {
            m_mapped->setPlainText(
                tr("This record would be rejected: %1").arg(QString::fromStdString(error)));
        }
    } else {
        model::MappedRecord mapped;
        std::string error;
        if (model::mapRecord(first->fields, s.mapping, &mapped, &error))
            m_mapped->setPlainText(
                QString::fromStdString(mapped.text) +
                (mapped.label.empty()
                     ? QString()
                     : tr("\n[label: %1]").arg(QString::fromStdString(mapped.label))));
        else
            m_mapped->setPlainText(
                tr("This record would be rejected: %1").arg(QString::fromStdString(error)));
    }
    validate();
}

void ImportDialog::validate() {
    const QStringList conditions = m_where->text().split(u';', Qt::SkipEmptyParts);
    const bool badWhere = std::any_of(conditions.cbegin(), conditions.cend(), [](const QString& c) {
        return !c.trimmed().isEmpty() && c.trimmed().indexOf(u'=') <= 0;
    });
    const model::ImportSpec s = spec();
    // A condition on a field none of the previewed records has would import nothing.
    QString unknownWhere;
    if (!m_records.empty())
        for (const auto& [field, value] : s.mapping.where)
            if (std::none_of(
                    m_records.begin(), m_records.end(),
                    [&field](const model::RawRecord& r) { return r.fields.contains(field); }))
                unknownWhere = QString::fromStdString(field);
    QString problem;
    std::string err;
    if (s.files.isEmpty())
        problem = tr("Choose at least one file.");
    else if (s.corpusName.isEmpty())
        problem = tr("Give the corpus a name.");
    else if (!m_real->isChecked() && !m_synthetic->isChecked())
        problem = tr("Choose the role: real (human-written) or synthetic (model-generated).");
    else if (badWhere)
        problem = tr("Write each condition as field=value, separated by ;.");
    else if (!unknownWhere.isEmpty())
        problem = tr("No field '%1' in the first records: check its name.").arg(unknownWhere);
    else if (!s.mapping.pairs.enabled() && !s.mapping.conversation.enabled() &&
             !m_useField->isChecked() && !m_useTemplate->isChecked())
        problem = tr("Choose whether the text comes from a field or a template.");
    else if (s.mapping.pairs.enabled() || s.mapping.conversation.enabled())
        problem.clear(); // the layout names its own fields
    else if (!s.mapping.textTemplate.empty() &&
             !model::validateTemplate(s.mapping.textTemplate, &err))
        problem = tr("Text template: %1").arg(QString::fromStdString(err));
    else if (s.mapping.textTemplate.empty() && s.mapping.textField.empty())
        problem = tr("Choose the text field or write a template.");
    m_error->setText(problem);
    if (m_ok != nullptr)
        m_ok->setEnabled(problem.isEmpty());
}

} // namespace synthscope::widgets
