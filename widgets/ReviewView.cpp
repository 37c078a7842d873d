#include "widgets/ReviewView.h"

#include "model/ProjectDocument.h"
#include "model/ReviewCommands.h"
#include "model/ReviewModels.h"
#include "model/SampleSearch.h"
#include "model/SkeletonModels.h"
#include "widgets/EmptyState.h"
#include "widgets/KeyHelpOverlay.h"
#include "widgets/Language.h"
#include "widgets/SampleQueueDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

namespace {

QShortcut* shortcut(const QKeySequence& key, QWidget* parent, std::function<void()> fn) {
    auto* s = new QShortcut(key, parent);
    s->setContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(s, &QShortcut::activated, parent, std::move(fn));
    return s;
}

// Filter combo data: role ("real"/"synthetic") and corpus id (0 = all).
QVariant filterData(model::Role role, qint64 corpusId) {
    return QVariantList{model::roleName(role), corpusId};
}

// Plain text without the character format the previous HTML left at the cursor (setPlainText
// keeps it: a sample shown after a conversation became one link to "unfold").
void setPlainTextFresh(QTextBrowser* browser, const QString& text) {
    browser->clear();
    browser->setCurrentCharFormat(QTextCharFormat());
    browser->setPlainText(text);
}

// A system prompt longer than this is folded to its first kFoldedSystemChars characters.
constexpr qsizetype kFoldSystemAbove = 280;
constexpr qsizetype kFoldedSystemChars = 200;
const QString kUnfoldLink = u"synthscope:unfold-system"_s;

// A line of a bulleted or numbered list ("- ", "* ", "• ", "1. ", "2) ").
bool isListLine(const QString& line) {
    static const QRegularExpression list(u"^\\s*([-*\u2022]|\\d{1,3}[.)])\\s+\\S"_s);
    return list.match(line).hasMatch();
}

// One turn's content as HTML: fenced code blocks (```) and runs of list lines in a monospaced
// block that keeps its line breaks, the rest as paragraphs.
QString contentHtml(const QString& content) {
    // Monospaced lines keep their breaks and indentation and still wrap at the pane's edge
    // (Qt's rich text keeps neither <pre>'s wrapping nor white-space: pre-wrap).
    const QString mono = u"<p style=\"font-family: monospace; margin: 2px 0;\">%1</p>"_s;
    QString out;
    QStringList block; // the run being collected
    enum class Kind { Text, Code, List } kind = Kind::Text;
    const auto flush = [&]() {
        if (block.isEmpty())
            return;
        QStringList lines;
        for (const QString& line : std::as_const(block)) {
            QString escaped = line.toHtmlEscaped();
            if (kind != Kind::Text) { // indentation as non-breaking spaces
                qsizetype lead = 0;
                while (lead < escaped.size() && escaped.at(lead) == u' ')
                    ++lead;
                escaped.replace(0, lead, u"&nbsp;"_s.repeated(lead));
            }
            lines << escaped;
        }
        out += kind == Kind::Text
                   ? u"<p style=\"margin: 2px 0;\">"_s + lines.join(u"<br>"_s) + u"</p>"_s
                   : mono.arg(lines.join(u"<br>"_s));
        block.clear();
    };
    for (const QString& line : content.split(u'\n')) {
        if (line.trimmed().startsWith(u"```"_s)) {
            if (kind == Kind::Code) { // the closing fence
                flush();
                kind = Kind::Text;
            } else {
                flush();
                kind = Kind::Code;
            }
            continue;
        }
        if (kind != Kind::Code) {
            const Kind lineKind = isListLine(line) ? Kind::List : Kind::Text;
            if (lineKind != kind && !(kind == Kind::List && line.trimmed().isEmpty())) {
                flush();
                kind = lineKind;
            }
        }
        block << line;
    }
    flush();
    return out;
}

// A conversation as HTML: each turn under its role, the user's on a blue tint, the
// assistant's on an orange one (darker tints in a dark palette); a long system prompt folded behind
// a link unless unfolded.
QString conversationHtml(const QList<model::TurnDetail>& turns, bool unfoldSystem, bool dark) {
    QString out;
    for (const model::TurnDetail& t : turns) {
        QString title;
        QString tint;
        if (t.role == u"user"_s) {
            title = ReviewView::tr("User");
            tint = dark ? u"#1f3347"_s : u"#eaf2fa"_s;
        } else if (t.role == u"assistant"_s) {
            title = ReviewView::tr("Assistant");
            tint = dark ? u"#40301f"_s : u"#fdf0e4"_s;
        } else if (t.role == u"system"_s) {
            title = ReviewView::tr("System prompt");
            tint = dark ? u"#333333"_s : u"#f0f0f0"_s;
        } else {
            title = ReviewView::tr("Tool");
            tint = dark ? u"#243321"_s : u"#eef5ea"_s;
        }
        QString body;
        const bool foldable = t.role == u"system"_s && t.content.size() > kFoldSystemAbove;
        if (foldable && !unfoldSystem)
            body = u"<p style=\"margin: 2px 0;\">%1… <a href=\"%2\">%3</a></p>"_s.arg(
                t.content.left(kFoldedSystemChars).toHtmlEscaped(), kUnfoldLink,
                ReviewView::tr("show all %1 characters (F)").arg(t.content.size()));
        else if (foldable)
            body = contentHtml(t.content) +
                   u"<p style=\"margin: 2px 0;\"><a href=\"%1\">%2</a></p>"_s.arg(
                       kUnfoldLink, ReviewView::tr("show less (F)"));
        else if (t.content.trimmed().isEmpty())
            body = ReviewView::tr("<p style=\"margin: 2px 0;\"><i>(no text: a tool call)</i></p>");
        else
            body = contentHtml(t.content);
        out += u"<table width=\"100%\" cellpadding=\"6\" cellspacing=\"0\" bgcolor=\"%1\" "
               "style=\"margin-bottom: 6px;\"><tr><td><b>%2</b>%3</td></tr></table>"_s.arg(
                   tint, title, body);
    }
    return out;
}

} // namespace

ReviewView::ReviewView(QWidget* parent)
    : QWidget(parent)
    , m_neighbours(new model::NeighboursModel(this))
    , m_filter(new QComboBox(this))
    , m_onlyUnreviewed(new QCheckBox(tr("Only unreviewed"), this))
    , m_syntheticFirst(new QCheckBox(tr("Most synthetic-looking first"), this))
    , m_advance(new QCheckBox(tr("Next after keep/drop"), this))
    , m_position(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_saveQueue(new QPushButton(tr("Save as Queue…"), this))
    , m_others(new QLabel(this))
    , m_queueView(new QListView(this))
    , m_sampleHeader(new QLabel(this))
    , m_pairHeader(new QLabel(this))
    , m_sampleText(new QTextBrowser(this))
    , m_recordButton(new QToolButton(this))
    , m_recordText(new QPlainTextEdit(this))
    , m_neighbourTable(new QTableView(this))
    , m_neighbourText(new QTextBrowser(this))
    , m_neighbourHeader(new QLabel(this))
    , m_tagRow(new QHBoxLayout)
    , m_keep(new QPushButton(tr("Keep (K)"), this))
    , m_drop(new QPushButton(tr("Drop (D)"), this))
    , m_note(new QLineEdit(this)) {
    m_filter->setObjectName(u"reviewFilter"_s);
    m_filter->setToolTip(tr("Which samples to review"));
    m_advance->setChecked(true);
    m_progress->setObjectName(u"queueProgress"_s);
    m_progress->setMaximumWidth(220);
    m_progress->setFormat(tr("%v of %m answered"));
    m_progress->setToolTip(tr("Samples of this saved queue you have answered (tag, decision or "
                              "note); the queue reopens where you stopped."));
    m_progress->hide();
    m_saveQueue->setObjectName(u"saveQueueButton"_s);
    m_saveQueue->setFocusPolicy(Qt::NoFocus);
    m_saveQueue->setToolTip(tr("Keep the samples listed now as a named queue that remembers "
                               "your progress"));
    m_others->setObjectName(u"otherReviewers"_s);
    m_others->setWordWrap(true);
    m_others->setTextFormat(Qt::RichText);
    m_queueView->setObjectName(u"reviewQueue"_s);
    m_queueView->setUniformItemSizes(true);
    m_queueView->setMinimumWidth(200);
    m_queueView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_queueView->setTextElideMode(Qt::ElideRight);
    m_sampleText->setObjectName(u"sampleText"_s);
    m_sampleText->setOpenLinks(false); // the only link unfolds a system prompt
    connect(m_sampleText, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.toString() == kUnfoldLink && m_document != nullptr)
            toggleSystemPrompt();
    });
    m_recordButton->setObjectName(u"showRecord"_s);
    m_recordButton->setText(tr("Record (O)"));
    m_recordButton->setCheckable(true);
    m_recordButton->setFocusPolicy(Qt::NoFocus);
    m_recordButton->setToolTip(
        tr("Show the record this sample was imported from, with all its fields (O)"));
    m_recordText->setObjectName(u"recordText"_s);
    m_recordText->setReadOnly(true);
    m_recordText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_recordText->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_recordText->hide();
    connect(m_recordButton, &QToolButton::toggled, this, [this](bool on) {
        m_recordText->setVisible(on);
        if (on && m_document != nullptr)
            m_recordText->setPlainText(m_document->review().originalOf(m_textSample));
    });
    m_pairHeader->setObjectName(u"pairHeader"_s);
    m_pairHeader->setWordWrap(true);
    m_pairHeader->setTextFormat(Qt::RichText);
    m_pairHeader->setStyleSheet(u"QLabel { background: palette(alternate-base); padding: 4px; }"_s);
    m_pairHeader->hide();
    m_sampleHeader->setObjectName(u"sampleHeader"_s);
    m_sampleHeader->setWordWrap(true);
    m_neighbourHeader->setObjectName(u"neighbourHeader"_s);
    m_neighbourHeader->setWordWrap(true);
    m_filter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_filter->setMinimumContentsLength(16);
    m_sampleHeader->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_neighbourTable->setModel(m_neighbours);
    m_neighbourTable->setObjectName(u"neighbourTable"_s);
    m_neighbourTable->verticalHeader()->hide();
    m_neighbourTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_neighbourTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_neighbourTable->horizontalHeader()->setStretchLastSection(true);
    m_neighbourTable->setWordWrap(false);
    m_neighbourTable->setTabKeyNavigation(false); // Tab moves on to the next pane
    m_neighbourText->setObjectName(u"neighbourText"_s);
    m_neighbourText->setOpenLinks(false); // a folded system prompt stays folded here
    m_keep->setCheckable(true);
    m_drop->setCheckable(true);
    m_keep->setObjectName(u"keepButton"_s);
    m_drop->setObjectName(u"dropButton"_s);
    m_keep->setToolTip(tr("Keep this sample for training (K); press again to clear (U)"));
    m_drop->setToolTip(tr("Drop this sample from training (D); press again to clear (U)"));
    m_note->setObjectName(u"noteEdit"_s);
    m_note->setPlaceholderText(
        tr("Note — what feels wrong? (Enter saves; Esc returns to the keys)"));
    m_note->setClearButtonEnabled(true);

    auto* prevButton = new QPushButton(tr("◀ Previous (P)"), this);
    auto* nextButton = new QPushButton(tr("Next (N) ▶"), this);
    prevButton->setFocusPolicy(Qt::NoFocus);
    nextButton->setFocusPolicy(Qt::NoFocus);
    connect(prevButton, &QPushButton::clicked, this, &ReviewView::previous);
    connect(nextButton, &QPushButton::clicked, this, &ReviewView::next);

    auto* sampleButton = new QPushButton(tr("Sample…"), this);
    sampleButton->setObjectName(u"sampleQueueButton"_s);
    sampleButton->setFocusPolicy(Qt::NoFocus);
    sampleButton->setToolTip(
        tr("Draw a stratified, seeded (optionally risk-weighted) review queue (Ctrl+Shift+Q)"));
    connect(sampleButton, &QPushButton::clicked, this, &ReviewView::sampleQueue);
    connect(m_saveQueue, &QPushButton::clicked, this, &ReviewView::saveAsQueue);
    shortcut(QKeySequence(u"Ctrl+Shift+Q"_s), this, [this]() { sampleQueue(); });

    // Two rows, so that Review fits a 1280-pixel screen beside the project panel: the queue
    // and where the reviewer is in it, then how the queue is read.
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Review:"), this));
    top->addWidget(m_filter, 1);
    top->addWidget(sampleButton);
    top->addWidget(m_saveQueue);
    top->addWidget(m_progress);
    top->addWidget(m_position);
    top->addWidget(prevButton);
    top->addWidget(nextButton);
    auto* options = new QHBoxLayout;
    options->addWidget(m_onlyUnreviewed);
    options->addWidget(m_syntheticFirst);
    options->addWidget(m_advance);
    options->addStretch();

    auto* samplePane = new QWidget(this);
    auto* sampleLayout = new QVBoxLayout(samplePane);
    sampleLayout->setContentsMargins(0, 0, 0, 0);
    auto* headerRow = new QHBoxLayout;
    headerRow->addWidget(m_sampleHeader, 1);
    headerRow->addWidget(m_recordButton, 0, Qt::AlignTop);
    sampleLayout->addLayout(headerRow);
    sampleLayout->addWidget(m_pairHeader);
    sampleLayout->addWidget(m_sampleText, 2);
    sampleLayout->addWidget(m_recordText, 1);

    auto* neighbourPane = new QWidget(this);
    auto* neighbourLayout = new QVBoxLayout(neighbourPane);
    neighbourLayout->setContentsMargins(0, 0, 0, 0);
    neighbourLayout->addWidget(m_neighbourHeader);
    neighbourLayout->addWidget(m_neighbourTable, 2);
    neighbourLayout->addWidget(m_neighbourText, 3);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("reviewSplitter"));
    splitter->addWidget(m_queueView);
    splitter->addWidget(samplePane);
    splitter->addWidget(neighbourPane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 3);
    splitter->setSizes({260, 540, 540});

    auto* answers = new QHBoxLayout;
    answers->addLayout(m_tagRow);
    answers->addStretch();
    answers->addWidget(m_keep);
    answers->addWidget(m_drop);

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addLayout(options);
    layout->addWidget(splitter, 1);
    layout->addLayout(answers);
    layout->addWidget(m_note);
    layout->addWidget(m_others);
    m_state = EmptyState::fill(this, content);

    // A queue the reviewer chooses (another filter, only unreviewed, another order) starts at
    // its first sample: "most synthetic-looking first" once landed at 2902 of 6389.
    connect(m_filter, &QComboBox::currentIndexChanged, this,
            [this]() { reloadQueue(Start::First); });
    connect(m_onlyUnreviewed, &QCheckBox::toggled, this, [this]() { reloadQueue(Start::First); });
    connect(m_syntheticFirst, &QCheckBox::toggled, this, [this]() { reloadQueue(Start::First); });
    connect(m_keep, &QPushButton::clicked, this, [this]() { decide(model::Decision::Keep); });
    connect(m_drop, &QPushButton::clicked, this, [this]() { decide(model::Decision::Drop); });
    connect(m_note, &QLineEdit::editingFinished, this, &ReviewView::commitNote);
    shortcut(QKeySequence(Qt::Key_N), this, [this]() { next(); });
    shortcut(QKeySequence(Qt::Key_Right), this, [this]() { next(); });
    shortcut(QKeySequence(Qt::Key_P), this, [this]() { previous(); });
    shortcut(QKeySequence(Qt::Key_Left), this, [this]() { previous(); });
    shortcut(QKeySequence(Qt::Key_K), this, [this]() { decide(model::Decision::Keep); });
    shortcut(QKeySequence(Qt::Key_D), this, [this]() { decide(model::Decision::Drop); });
    shortcut(QKeySequence(Qt::Key_U), this, [this]() { decide(model::Decision::None); });
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_note);
    escape->setContext(Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, this, [this]() {
        commitNote();
        m_queueView->setFocus();
    });
    // E writes the note; Enter saves it and gives the keys back (focus used to stay in the
    // note, so the next N typed an "n").
    shortcut(QKeySequence(Qt::Key_E), this, [this]() {
        m_note->setFocus(Qt::ShortcutFocusReason);
        m_note->end(false);
    });
    connect(m_note, &QLineEdit::returnPressed, this, [this]() {
        commitNote();
        m_queueView->setFocus();
    });
    m_keyHelp = new KeyHelpOverlay(tr("Keys in Review"), keyHelp(), this);
    shortcut(QKeySequence(Qt::Key_Question), this, [this]() { toggleKeyHelp(); });
    shortcut(QKeySequence(Qt::Key_O), this, [this]() { m_recordButton->toggle(); });
    shortcut(QKeySequence(Qt::Key_F), this, [this]() { toggleSystemPrompt(); });
    setDocument(nullptr);
}

QList<std::pair<QString, QString>> ReviewView::keyHelp() {
    return {
        {tr("1 … 9"), tr("toggle the tag with that number")},
        {tr("K"), tr("keep the sample for training")},
        {tr("D"), tr("drop it")},
        {tr("U"), tr("clear the decision")},
        {tr("E"), tr("write a note (Enter saves and returns to the keys, Esc too)")},
        {tr("N or →"), tr("next sample")},
        {tr("P or ←"), tr("previous sample")},
        {tr("O"), tr("show or hide the record the sample came from, all its fields")},
        {tr("F"), tr("unfold or fold a conversation's long system prompt")},
        {tr("Ctrl+Z"), tr("undo the last answer")},
        {tr("Ctrl+Shift+Z"), tr("redo")},
        {tr("Ctrl+Shift+Q"), tr("sample a review queue (stratified, seeded, risk-weighted)")},
        {tr("Tab"), tr("move between the queue, the sample, its neighbours and the note")},
        {tr("?"), tr("show or hide these keys")},
    };
}

void ReviewView::toggleKeyHelp() {
    m_keyHelp->toggle();
}

bool ReviewView::focusNextPrevChild(bool next) {
    // Walk the window's focus chain from the focused widget and take the first widget of this
    // view that accepts Tab; the chain is a ring, so past the view's last widget it comes
    // back to its first.
    QWidget* start = QApplication::focusWidget();
    if (start == nullptr || !isAncestorOf(start))
        return QWidget::focusNextPrevChild(next);
    QWidget* w = start;
    do {
        w = next ? w->nextInFocusChain() : w->previousInFocusChain();
        if (w != start && isAncestorOf(w) && w->isVisibleTo(this) && w->isEnabled() &&
            (w->focusPolicy() & Qt::TabFocus) != 0 && w->focusProxy() == nullptr &&
            !m_keyHelp->isAncestorOf(w) && w != m_keyHelp) {
            w->setFocus(next ? Qt::TabFocusReason : Qt::BacktabFocusReason);
            return true;
        }
    } while (w != start);
    return QWidget::focusNextPrevChild(next);
}

void ReviewView::setDocument(model::ProjectDocument* document) {
    if (m_document != nullptr) {
        disconnect(m_document, nullptr, this, nullptr);
        disconnect(&m_document->review(), nullptr, this, nullptr);
    }
    delete m_queue;
    m_queue = nullptr;
    m_document = document;
    m_row = -1;
    if (document == nullptr) {
        m_queueView->setModel(nullptr);
        m_state->showMessage(tr("Open or create a project (File menu) to begin."));
        return;
    }
    m_queue = new model::ReviewQueueModel(document->review(), this);
    m_queueView->setModel(m_queue);
    connect(m_queueView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid() && current.row() != m_row)
                    showRow(current.row());
            });
    connect(document, &model::ProjectDocument::corporaChanged, this,
            [this]() { reloadFilters(true); });
    connect(document, &model::ProjectDocument::analysisChanged, this, [this]() { showRow(m_row); });
    connect(&document->review(), &model::ReviewStore::tagsChanged, this, &ReviewView::rebuildTags);
    connect(&document->review(), &model::ReviewStore::reviewChanged, this, [this](qint64 id) {
        if (id == currentSampleId())
            refreshAnswers();
        refreshProgress();
    });
    connect(&document->review(), &model::ReviewStore::reviewsChanged, this,
            [this](const QList<qint64>& ids) {
                if (ids.contains(currentSampleId()))
                    refreshAnswers();
                refreshProgress(); // once for the whole bulk write
            });
    // A queue saved or removed: the chosen entry's samples are the same unless it was removed.
    connect(&document->review(), &model::ReviewStore::queuesChanged, this,
            [this]() { reloadFilters(false); });
    // A queue drawn in a job (sampleQueue, reviewUnreviewedSource) opens when it is saved.
    connect(document, &model::ProjectDocument::queueSampled, this, &ReviewView::openSavedQueue);
    connect(document, &model::ProjectDocument::queueFailed, this, [this](const QString& error) {
        QMessageBox::warning(this, tr("Sample a queue"), error);
    });
    connect(m_neighbourTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showNeighbour(current.row()); });
    rebuildTags();
    reloadFilters();
}

qint64 ReviewView::currentSampleId() const {
    return m_queue != nullptr ? m_queue->sampleIdAt(m_row) : 0;
}

void ReviewView::reloadFilters(bool samplesMayHaveChanged) {
    if (m_document == nullptr)
        return;
    const QVariant previous = m_filter->currentData();
    const QString previousText = m_filter->currentText();
    QSignalBlocker block(m_filter);
    m_filter->clear();
    m_filter->addItem(tr("All synthetic samples"), filterData(model::Role::Synthetic, 0));
    m_filter->addItem(tr("All real samples"), filterData(model::Role::Real, 0));
    for (const model::CorpusInfo& c : m_document->store().corpora())
        m_filter->addItem(
            tr("%1 (%2)").arg(c.name, c.role == model::Role::Real ? tr("real") : tr("synthetic")),
            filterData(c.role, c.id));
    addSavedQueues();
    int keep = m_filter->findData(previous);
    // A list chosen elsewhere (a map selection, a cluster, a sample list) is not among the
    // fixed entries: it stays chosen when only the saved queues changed.
    if (keep < 0 && !samplesMayHaveChanged && previous.isValid()) {
        m_filter->addItem(previousText, previous);
        keep = m_filter->count() - 1;
    }
    m_filter->setCurrentIndex(keep >= 0 ? keep : 0);
    if (samplesMayHaveChanged || keep < 0)
        reloadQueue();
}

void ReviewView::reloadQueue(Start start) {
    if (m_queue == nullptr)
        return;
    commitNote();
    const QVariantList data = m_filter->currentData().toList();
    model::ReviewFilter filter;
    if (data.size() == 3 && data[0].toString() == "group"_L1) {
        const qint64 group = data[2].toLongLong();
        switch (static_cast<model::GroupKind>(data[1].toInt())) {
        case model::GroupKind::Skeleton:
            filter.skeletonGroup = group;
            break;
        case model::GroupKind::Duplicate:
            filter.duplicateGroup = group;
            break;
        case model::GroupKind::Cluster:
            filter.cluster = group;
            break;
        }
    } else if (data.size() == 2 && data[0].toString() == "queue"_L1) {
        filter.queue = data[1].toLongLong();
    } else if (data.size() >= 2 && data[0].toString() == "samples"_L1) {
        QList<qint64> ids;
        for (const QVariant& v : data[1].toList())
            ids.append(v.toLongLong());
        filter.samples = ids;
    } else if (data.size() == 2) {
        (void)model::parseRole(data[0].toString(), &filter.role);
        if (data[1].toLongLong() != 0)
            filter.corpusId = data[1].toLongLong();
    }
    filter.onlyUnreviewed = m_onlyUnreviewed->isChecked();
    filter.mostSyntheticFirst = m_syntheticFirst->isChecked();
    const qint64 keepId = currentSampleId();
    const bool openedSavedQueue = filter.queue && m_queue->filter().queue != filter.queue;
    m_queue->setFilter(filter);
    m_saveQueue->setEnabled(m_queue->size() > 0 && !filter.queue);
    refreshProgress();
    if (m_queue->size() == 0) {
        m_row = -1;
        if (m_document->store().corpora().isEmpty())
            m_state->showMessage(
                tr("Nothing to review yet. Import a real and a synthetic corpus (Ctrl+I)."));
        else {
            m_state->showContent();
            m_position->setText(tr("No samples match"));
            m_sampleHeader->setText(filter.onlyUnreviewed
                                        ? tr("Every sample here has been reviewed.")
                                        : tr("No samples match this filter."));
            m_sampleText->clear();
            m_neighbours->setNeighbours({});
            m_neighbourText->clear();
        }
        return;
    }
    m_state->showContent();
    int row = start == Start::Current ? m_queue->rowOf(keepId) : 0;
    // A saved queue opened or chosen again resumes where the reviewer stopped (its order is
    // its own: the ordering box does not move it to the start and lose that place).
    if (filter.queue && !filter.onlyUnreviewed && (openedSavedQueue || start == Start::First))
        if (const auto info = m_document->review().queue(*filter.queue))
            row = info->position;
    m_row = -1;
    showRow(row >= 0 ? row : 0);
}

std::optional<qint64> ReviewView::savedQueue() const {
    return m_queue != nullptr ? m_queue->filter().queue : std::nullopt;
}

void ReviewView::addSavedQueues() {
    for (const model::QueueInfo& q : m_document->review().queues())
        m_filter->addItem(
            tr("Queue: %1 (%2 of %3 answered)").arg(q.name).arg(q.answered).arg(q.size),
            QVariantList{u"queue"_s, q.id});
}

void ReviewView::refreshProgress() {
    const auto queue = savedQueue();
    const auto info = queue ? m_document->review().queue(*queue) : std::nullopt;
    m_progress->setVisible(info.has_value());
    if (!info)
        return;
    m_progress->setRange(0, std::max(1, info->size));
    m_progress->setValue(info->answered);
}

void ReviewView::openSavedQueue(qint64 queueId) {
    selectQueue(QVariantList{u"queue"_s, queueId}, tr("Queue"));
}

void ReviewView::sampleQueue() {
    if (m_document == nullptr)
        return;
    SampleQueueDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Drawn in a job (seconds at a million samples); opened when saved (queueSampled).
    m_document->startSampleQueue(dialog.spec(), dialog.name());
}

void ReviewView::reviewUnreviewedSource(model::Dimension dimension, const QString& value,
                                        int needed) {
    if (m_document == nullptr)
        return;
    model::SamplingSpec spec;
    spec.stratifyBy = model::Dimension::Cluster;
    spec.size = std::max(1, needed);
    spec.only = {{dimension, value}};
    spec.onlyUnreviewed = true;
    const QString name = tr("Unreviewed %1 (%2), risk-weighted")
                             .arg(value, model::dimensionTitle(dimension).toLower());
    // The same evidence twice resumes the queue drawn before, while it has samples to answer.
    for (const model::QueueInfo& q : m_document->review().queues())
        if (q.name == name && q.answered < q.size) {
            openSavedQueue(q.id);
            return;
        }
    m_document->startSampleQueue(spec, name);
}

void ReviewView::saveAsQueue() {
    if (m_queue == nullptr || m_queue->size() == 0)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save as Queue"), tr("Queue name:"),
                                               QLineEdit::Normal, m_filter->currentText(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    QList<qint64> ids;
    for (int r = 0; r < m_queue->size(); ++r)
        ids.append(m_queue->sampleIdAt(r));
    QJsonObject how{{u"kind"_s, u"selection"_s}, {u"from"_s, m_filter->currentText()}};
    // A list from the sample table keeps the search and filters that made it.
    if (const QVariantList data = m_filter->currentData().toList();
        data.size() == 3 && !data[2].toMap().isEmpty())
        how[u"query"_s] = QJsonObject::fromVariantMap(data[2].toMap());
    const QString spec = QString::fromUtf8(QJsonDocument(how).toJson(QJsonDocument::Compact));
    qint64 id = 0;
    if (const model::Status s = m_document->review().createQueue(name, ids, spec, &id); !s) {
        QMessageBox::warning(this, tr("Save as Queue"), s.error());
        return;
    }
    openSavedQueue(id);
}

void ReviewView::showRow(int row) {
    if (m_queue == nullptr || m_queue->size() == 0)
        return;
    commitNote();
    m_row = std::clamp(row, 0, m_queue->size() - 1);
    m_queue->showUpTo(m_row); // the list shows a batch at a time
    m_queueView->setCurrentIndex(m_queue->index(m_row));
    m_queueView->scrollTo(m_queue->index(m_row)); // the list follows N and P
    m_position->setText(tr("%1 of %2").arg(m_row + 1).arg(m_queue->size()));
    if (const auto queue = savedQueue(); queue && !m_queue->filter().onlyUnreviewed)
        (void)m_document->review().setQueuePosition(*queue, m_row);
    const qint64 id = currentSampleId();
    const auto sample = m_document->review().sample(id);
    if (!sample)
        return;
    QStringList meta;
    meta << tr("<b>%1</b> (%2)")
                .arg(sample->corpusName.toHtmlEscaped(),
                     sample->role == model::Role::Real ? tr("real") : tr("synthetic"));
    meta << tr("sample #%1, %2 line %3")
                .arg(id)
                .arg(sample->sourceFile.section(u'/', -1).toHtmlEscaped())
                .arg(sample->line);
    if (!sample->label.isEmpty())
        meta << tr("label <b>%1</b>").arg(sample->label.toHtmlEscaped());
    for (auto it = sample->meta.begin(); it != sample->meta.end(); ++it)
        meta << u"%1 = %2"_s.arg(it.key(), it.value().toHtmlEscaped());
    if (sample->skeletonGroup)
        meta << tr("skeleton group %1").arg(*sample->skeletonGroup + 1);
    QString templateTip;
    if (m_document->analysis()) {
        const QList<model::TemplateRow> templates =
            model::templatesInText(sample->viewText, m_document->analysis()->recurringTemplates);
        if (!templates.isEmpty()) {
            const QString first =
                u"“<code>%1</code>”"_s.arg(templates.first().pattern.toHtmlEscaped());
            // "Recurring template", not "template": template_version (how a sample was
            // generated) is often shown beside it.
            meta << (templates.size() == 1
                         ? tr("recurring template %1").arg(first)
                         : tr("recurring template %1 (+%2 more)")
                               .arg(first, QString::number(templates.size() - 1)));
            for (const model::TemplateRow& t : templates)
                templateTip += tr("“%1”  z %2; samples: %3 synthetic, %4 real\n")
                                   .arg(t.pattern)
                                   .arg(t.zScore, 0, 'f', 1)
                                   .arg(t.synthetic)
                                   .arg(t.real);
            templateTip.prepend(tr("Recurring templates (Skeletons view) in this sample:\n"));
        }
    }
    m_sampleHeader->setToolTip(templateTip.trimmed());
    if (sample->perplexity)
        meta << tr("perplexity %1").arg(*sample->perplexity, 0, 'f', 1);
    if (sample->cluster)
        meta << tr("cluster %1").arg(*sample->cluster + 1);
    if (sample->duplicateGroup)
        meta << tr("<b>duplicate group %1</b>").arg(*sample->duplicateGroup + 1);
    if (sample->nnOwn)
        meta << tr("nearest in own corpus %1").arg(*sample->nnOwn, 0, 'f', 3);
    if (sample->syntheticLikeness)
        meta << tr("synthetic-likeness %1").arg(*sample->syntheticLikeness, 0, 'f', 2);
    m_sampleHeader->setText(meta.join(u" · "_s));
    showSampleText(id, sample->text);

    // A preference pair: the prompt above, the judge's verdict, the other output beside.
    if (const auto pair = m_document->review().pairOf(id)) {
        const std::optional<bool> preferred = pair->preferredThis();
        const QString verdict = !pair->preferSecond ? tr("gave no verdict")
                                : !preferred        ? tr("called it a tie")
                                : *preferred        ? tr("<b>preferred this output</b>")
                                                    : tr("<b>preferred the other output</b>");
        QString prompt = pair->prompt.left(600).toHtmlEscaped().replace(u'\n', u"<br>"_s);
        if (pair->prompt.size() > 600)
            prompt += u"…"_s;
        m_pairHeader->setText(
            (pair->prompt.isEmpty() ? QString() : tr("<b>Prompt</b>: %1<br>").arg(prompt)) +
            tr("The %1 output of a preference pair; the judge %2.")
                .arg(pair->isFirst ? tr("first") : tr("second"), verdict));
        m_pairHeader->show();
        m_neighbours->setNeighbours({});
        m_neighbourTable->hide(); // the pane shows the other output, not neighbours
        m_neighbourHeader->setText(tr("<b>The other output</b> of the pair (#%1%2): the judge %3.")
                                       .arg(pair->otherId)
                                       .arg(pair->otherGenerator.isEmpty()
                                                ? QString()
                                                : u", "_s + pair->otherGenerator.toHtmlEscaped())
                                       .arg(!pair->preferSecond ? tr("gave no verdict")
                                            : !preferred        ? tr("called it a tie")
                                            : *preferred ? tr("preferred the sample on the left")
                                                         : tr("<b>preferred this one</b>")));
        m_neighbourText->setPlainText(pair->otherText);
        refreshAnswers();
        return;
    }
    m_pairHeader->hide();
    m_neighbourTable->show();
    m_neighbours->setNeighbours(m_document->review().neighbours(id));
    m_neighbourTable->resizeColumnToContents(0);
    m_neighbourTable->resizeColumnToContents(1);
    m_neighbourTable->resizeColumnToContents(2);
    if (m_neighbours->rowCount() > 0) {
        m_neighbourHeader->setText(
            m_document->analysis() && m_document->analysis()->similarity &&
                    m_document->analysis()->similarity->otherRoleApproximate()
                ? tr("<b>Nearest real samples</b> (embedding cosine; approximate: on a project "
                     "this large an HNSW index found them and may have missed closer ones)")
                : tr("<b>Nearest real samples</b> (embedding cosine)"));
        m_neighbourTable->selectRow(0);
        showNeighbour(0);
    } else {
        m_neighbourHeader->setText(
            sample->role == model::Role::Real
                ? tr("<b>Neighbours</b> are found for synthetic samples.")
            : !m_document->analysis()
                ? tr("<b>No neighbours yet</b>: the part shown is not analysed (Ctrl+R).")
                : tr("<b>No real neighbours</b> (run the analyses, Ctrl+R, "
                     "with a real corpus in the project)."));
        m_neighbourText->clear();
    }
    refreshAnswers();
}

void ReviewView::reviewGroup(model::GroupKind kind, qint64 groupId, const QString& title) {
    selectQueue(QVariantList{u"group"_s, static_cast<int>(kind), groupId}, title);
}

void ReviewView::reviewSamples(const QList<qint64>& sampleIds, const QString& title,
                               const QJsonObject& query) {
    QVariantList ids;
    ids.reserve(sampleIds.size());
    for (qint64 id : sampleIds)
        ids.append(id);
    selectQueue(QVariantList{u"samples"_s, ids, query.toVariantMap()}, title);
}

void ReviewView::reviewCorpus(qint64 corpusId) {
    if (m_document == nullptr)
        return;
    for (const model::CorpusInfo& c : m_document->store().corpora())
        if (c.id == corpusId)
            selectQueue(filterData(c.role, c.id), c.name);
}

void ReviewView::showSample(qint64 sampleId) {
    if (m_queue == nullptr)
        return;
    if (const int row = m_queue->rowOf(sampleId); row >= 0) {
        showRow(row);
        return;
    }
    reviewSamples({sampleId}, tr("Sample #%1").arg(sampleId));
}

void ReviewView::selectQueue(const QVariant& data, const QString& title) {
    if (m_document == nullptr)
        return;
    int index = m_filter->findData(data);
    if (index < 0) {
        m_filter->addItem(title.left(90), data);
        index = m_filter->count() - 1;
    }
    if (index != m_filter->currentIndex())
        m_filter->setCurrentIndex(index); // starts the queue at its first sample
    else
        reloadQueue(Start::First); // the same queue again: from its start
}

void ReviewView::toggleSystemPrompt() {
    if (m_document == nullptr || m_textSample < 0)
        return;
    m_unfoldSystem = !m_unfoldSystem;
    showSampleText(m_textSample, m_textSampleText);
}

void ReviewView::showSampleText(qint64 sampleId, const QString& text) {
    if (sampleId != m_textSample)
        m_unfoldSystem = false; // each sample starts folded
    m_textSample = sampleId;
    m_textSampleText = text;
    const QList<model::TurnDetail> turns = m_document->review().turnsOf(sampleId);
    if (turns.isEmpty()) {
        setPlainTextFresh(m_sampleText, text);
        markSearchHits(sampleId);
    } else
        m_sampleText->setHtml(conversationHtml(turns, m_unfoldSystem, isDarkPalette(palette())));
    if (m_recordButton->isChecked())
        m_recordText->setPlainText(m_document->review().originalOf(sampleId));
}

void ReviewView::changeEvent(QEvent* event) {
    // The turns' tints follow a palette change (a dark desktop theme switched on).
    if (event->type() == QEvent::PaletteChange && m_document != nullptr && m_textSample >= 0)
        showSampleText(m_textSample, m_textSampleText);
    QWidget::changeEvent(event);
}

QString ReviewView::queueSearch() const {
    const QVariantList data = m_filter->currentData().toList();
    if (data.size() < 3 || data[0].toString() != u"samples"_s)
        return {};
    return data[2].toMap().value(u"text"_s).toString();
}

void ReviewView::markSearchHits(qint64 sampleId) {
    const QString search = queueSearch();
    if (search.trimmed().isEmpty() || m_document == nullptr ||
        m_document->project().view() != model::AnalysisView::All)
        return;
    QList<std::pair<qsizetype, qsizetype>> hits;
    if (!model::searchHits(m_document->project(), sampleId, search, &hits) || hits.isEmpty())
        return;
    QTextDocument* document = m_sampleText->document();
    const int size = document->characterCount() - 1; // without the final paragraph mark
    QTextCharFormat hit;
    hit.setBackground(QColor(0xff, 0xdd, 0x57)); // as a marker pen, readable in dark too
    hit.setForeground(QColor(0x1a, 0x1a, 0x1a));
    QTextCursor cursor(document);
    for (const auto& [start, length] : hits) {
        if (start + length > size)
            break; // not the stored text (should not happen): mark nothing more
        cursor.setPosition(static_cast<int>(start));
        cursor.setPosition(static_cast<int>(start + length), QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(hit);
    }
    QTextCursor first(document);
    first.setPosition(static_cast<int>(hits.front().first));
    m_sampleText->setTextCursor(first);
    m_sampleText->ensureCursorVisible();
}

void ReviewView::showNeighbour(int row) {
    if (row < 0 || row >= m_neighbours->rowCount()) {
        m_neighbourText->clear();
        return;
    }
    const auto& n = m_neighbours->neighbours().at(row);
    // A conversation's turns under their roles, as on the left (system prompts folded).
    if (const QList<model::TurnDetail> turns = m_document->review().turnsOf(n.sampleId);
        !turns.isEmpty())
        m_neighbourText->setHtml(conversationHtml(turns, false, isDarkPalette(palette())));
    else
        setPlainTextFresh(m_neighbourText, n.text);
}

void ReviewView::next() {
    showRow(m_row + 1);
}
void ReviewView::previous() {
    showRow(m_row - 1);
}

void ReviewView::refreshAnswers() {
    const qint64 id = currentSampleId();
    if (id == 0)
        return;
    m_answers = m_document->review().review(id);
    for (int i = 0; i < m_tagButtons.size(); ++i)
        m_tagButtons[i]->setChecked(m_answers.tagIds.contains(m_tags[i].id));
    m_keep->setChecked(m_answers.decision == model::Decision::Keep);
    m_drop->setChecked(m_answers.decision == model::Decision::Drop);
    if (!m_note->hasFocus() || m_note->text() != m_answers.note)
        m_note->setText(m_answers.note);
    QStringList others;
    for (const model::ReviewerAnswer& a : m_document->review().otherAnswers(id)) {
        QStringList parts;
        for (const model::TagDef& t : m_tags)
            if (a.review.tagIds.contains(t.id))
                parts << t.name.toHtmlEscaped();
        if (a.review.decision != model::Decision::None)
            parts << u"<b>%1</b>"_s.arg(model::decisionName(a.review.decision));
        if (!a.review.note.isEmpty())
            parts << u"“%1”"_s.arg(a.review.note.toHtmlEscaped());
        others << u"<i>%1</i>: %2"_s.arg(a.reviewer.toHtmlEscaped(), parts.join(u", "_s));
    }
    m_others->setText(others.isEmpty() ? QString()
                                       : tr("Other reviewers — %1").arg(others.join(u" · "_s)));
    m_others->setVisible(!others.isEmpty());
}

void ReviewView::rebuildTags() {
    qDeleteAll(m_tagButtons);
    m_tagButtons.clear();
    qDeleteAll(m_tagShortcuts);
    m_tagShortcuts.clear();
    m_tags = m_document != nullptr ? m_document->review().tags() : QList<model::TagDef>();
    for (int i = 0; i < m_tags.size(); ++i) {
        auto* button = new QPushButton(
            i < 9 ? u"%1  %2"_s.arg(i + 1).arg(m_tags[i].name) : m_tags[i].name, this);
        button->setCheckable(true);
        button->setObjectName(u"tagButton%1"_s.arg(i));
        button->setToolTip(i < 9 ? tr("Toggle “%1” (key %2)").arg(m_tags[i].name).arg(i + 1)
                                 : m_tags[i].name);
        button->setFocusPolicy(Qt::NoFocus);
        connect(button, &QPushButton::clicked, this, [this, i]() { toggleTag(i); });
        m_tagRow->addWidget(button);
        m_tagButtons << button;
        if (i < 9)
            m_tagShortcuts << shortcut(QKeySequence(static_cast<int>(Qt::Key_1) + i), this,
                                       [this, i]() { toggleTag(i); });
    }
    refreshAnswers();
}

void ReviewView::toggleTag(int position) {
    const qint64 id = currentSampleId();
    if (id == 0 || position < 0 || position >= m_tags.size())
        return;
    const model::TagDef& tag = m_tags[position];
    const bool on = !m_answers.tagIds.contains(tag.id);
    m_document->undoStack().push(new model::SetTagCommand(m_document->review(), id, tag, on));
}

void ReviewView::decide(model::Decision decision) {
    const qint64 id = currentSampleId();
    if (id == 0)
        return;
    const model::Decision before = m_answers.decision;
    const model::Decision after = before == decision ? model::Decision::None : decision;
    if (before == after) {
        refreshAnswers();
        return;
    }
    m_document->undoStack().push(
        new model::SetDecisionCommand(m_document->review(), id, before, after));
    if (after != model::Decision::None && m_advance->isChecked() && m_row + 1 < m_queue->size())
        next();
}

void ReviewView::commitNote() {
    const qint64 id = currentSampleId();
    if (m_document == nullptr || id == 0)
        return;
    const QString text = m_note->text();
    if (text == m_answers.note)
        return;
    const QString before = m_answers.note;
    m_answers.note = text;
    m_document->undoStack().push(new model::SetNoteCommand(m_document->review(), id, before, text));
}

} // namespace synthscope::widgets
