#include "widgets/SamplesView.h"

#include "model/ProjectDocument.h"
#include "model/SampleTableModel.h"
#include "widgets/BulkAnswerBar.h"
#include "widgets/EmptyState.h"
#include "widgets/Language.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

namespace {

constexpr int kTypingPauseMs = 300;

// Draws the Text column's excerpt with the search hits marked (bold on the highlight colour).
class HitDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        const QString excerpt = index.data(model::SampleTableModel::ExcerptRole).toString();
        if (!excerpt.contains(model::kHitStart)) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        const QWidget* widget = option.widget;
        QStyle* style = widget != nullptr ? widget->style() : nullptr;
        if (style != nullptr)
            style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        // The excerpt as HTML: escaped text, hits in <b>, line breaks as spaces.
        QString html;
        bool inHit = false;
        QString run;
        qsizetype plain = 0;     // characters of text so far
        qsizetype firstHit = -1; // where the first hit starts in the text
        const auto flush = [&]() {
            html += run.toHtmlEscaped();
            plain += run.size();
            run.clear();
        };
        for (QChar c : excerpt) {
            if (c == model::kHitStart || c == model::kHitEnd) {
                flush();
                if (c == model::kHitStart && firstHit < 0)
                    firstHit = plain;
                inHit = c == model::kHitStart;
                // A light highlight with dark ink: readable in light and dark palettes (the
                // palette's text on a light highlight is not, in a dark one).
                html +=
                    inHit ? u"<b style=\"background-color:%1;color:#1a1a1a\">"_s.arg(
                                isDarkPalette(option.palette)
                                    ? u"#ffdd57"_s
                                    : option.palette.color(QPalette::Highlight).lighter(170).name())
                          : u"</b>"_s;
            } else {
                run += c.isSpace() ? QChar(u' ') : c;
            }
        }
        flush();
        QTextDocument doc;
        doc.setDocumentMargin(0);
        doc.setDefaultFont(opt.font);
        doc.setTextWidth(-1);
        doc.setHtml(u"<span style=\"white-space:pre\">%1</span>"_s.arg(html));
        const QRect text = opt.rect.adjusted(4, 0, -4, 0);
        // A hit beyond the first third of a narrow column is brought into view: the passage
        // moves left, so the hit shows with some words before it.
        const QSizeF size = doc.size(); // lays the document out
        qreal shift = 0.0;
        if (const QTextLayout* line = doc.firstBlock().layout();
            firstHit >= 0 && line != nullptr && line->lineCount() > 0) {
            const qreal x = line->lineAt(0).cursorToX(static_cast<int>(firstHit));
            if (x > text.width() / 3.0)
                shift = x - text.width() / 4.0;
        }
        painter->save();
        painter->setClipRect(text);
        painter->translate(text.left() - shift, text.top() + (text.height() - size.height()) / 2);
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = opt.palette;
        context.palette.setColor(QPalette::Text,
                                 opt.palette.color((opt.state & QStyle::State_Selected) != 0
                                                       ? QPalette::HighlightedText
                                                       : QPalette::Text));
        doc.documentLayout()->draw(painter, context);
        painter->restore();
    }
};

} // namespace

SamplesView::SamplesView(QWidget* parent)
    : QWidget(parent)
    , m_model(new model::SampleTableModel(this))
    , m_search(new QLineEdit(this))
    , m_corpus(new QComboBox(this))
    , m_role(new QComboBox(this))
    , m_cluster(new QComboBox(this))
    , m_tag(new QComboBox(this))
    , m_decision(new QComboBox(this))
    , m_mine(new QCheckBox(tr("Only &my answers"), this))
    , m_minLikeness(new QDoubleSpinBox(this))
    , m_status(new QLabel(this))
    , m_review(new QPushButton(tr("&Review these"), this))
    , m_showOnMap(new QPushButton(tr("Show on ma&p"), this))
    , m_similar(new QPushButton(tr("S&imilar"), this))
    , m_bulk(new BulkAnswerBar(
          u"sample"_s, [this]() { return selectedIds(); }, this))
    , m_typing(new QTimer(this)) {
    m_search->setObjectName(u"sampleSearch"_s);
    m_search->setPlaceholderText(tr("Search sample texts (Ctrl+F): words, \"a phrase\", "
                                    "prefix*, AND, OR, NOT"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("SQLite FTS5 full-text search, the syntax of note search. Case and "
                            "accents are ignored; Enter searches at once."));
    m_corpus->setObjectName(u"sampleCorpus"_s);
    m_role->setObjectName(u"sampleRole"_s);
    m_role->addItem(tr("Any role"));
    m_role->addItem(tr("Real"), u"real"_s);
    m_role->addItem(tr("Synthetic"), u"synthetic"_s);
    m_cluster->setObjectName(u"sampleCluster"_s);
    m_tag->setObjectName(u"sampleTag"_s);
    m_decision->setObjectName(u"sampleDecision"_s);
    m_decision->addItem(tr("Any decision"));
    m_decision->addItem(tr("Kept"), u"keep"_s);
    m_decision->addItem(tr("Dropped"), u"drop"_s);
    m_decision->addItem(tr("Undecided"), u"none"_s);
    for (QComboBox* box : {m_corpus, m_role, m_cluster, m_tag, m_decision}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(6);
    }
    m_mine->setObjectName(u"sampleMine"_s);
    m_mine->setToolTip(tr("Tags and decisions count only when you gave them; alone: the samples "
                          "you answered"));
    m_minLikeness->setObjectName(u"sampleMinLikeness"_s);
    m_minLikeness->setRange(0.0, 1.0);
    m_minLikeness->setSingleStep(0.05);
    m_minLikeness->setDecimals(2);
    m_minLikeness->setPrefix(tr("Synthetic-likeness ≥ "));
    m_minLikeness->setSpecialValueText(tr("Synthetic-likeness: any"));
    m_minLikeness->setToolTip(tr("Out-of-fold probability that a sample is synthetic (newest "
                                 "analysis). A real sample above 0.5 reads like the generator."));
    m_status->setObjectName(u"sampleStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setObjectName(u"sampleTable"_s);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    m_table->setWordWrap(false);
    m_table->setItemDelegateForColumn(static_cast<int>(model::SampleColumn::Text),
                                      new HitDelegate(m_table));
    // Widths are set, not measured: measuring would read every row (a million at scale). The
    // text comes right after the sample number and takes the room the numbers leave.
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    const int textColumn = static_cast<int>(model::SampleColumn::Text);
    header->setSectionResizeMode(textColumn, QHeaderView::Stretch);
    header->moveSection(header->visualIndex(textColumn), 1);
    const QFontMetrics fm(font());
    for (int c = 0; c < model::kSampleColumnCount; ++c)
        if (c != textColumn)
            header->resizeSection(
                c,
                std::max(fm.horizontalAdvance(
                             m_model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString()) +
                             24,
                         fm.horizontalAdvance(u"000000"_s)));
    header->resizeSection(static_cast<int>(model::SampleColumn::Corpus),
                          fm.horizontalAdvance(u"a corpus name"_s));
    header->resizeSection(static_cast<int>(model::SampleColumn::Tags),
                          fm.horizontalAdvance(u"template feel"_s));
    header->setMinimumSectionSize(fm.horizontalAdvance(u"0000"_s));
    // The text, tags and decisions are shown, not ranked: a click on their header keeps the
    // order there is.
    connect(header, &QHeaderView::sortIndicatorChanged, this,
            [this, header](int logical, Qt::SortOrder) {
                if (model::isSortable(static_cast<model::SampleColumn>(logical)))
                    return;
                const model::SampleQuery& q = m_model->query();
                header->setSortIndicator(static_cast<int>(q.sortBy),
                                         q.descending ? Qt::DescendingOrder : Qt::AscendingOrder);
            });
    m_table->verticalHeader()->setDefaultSectionSize(fm.height() + 8);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);

    m_review->setObjectName(u"sampleReview"_s);
    m_review->setToolTip(tr("Open the matches (or the selected rows) as a review queue"));
    m_similar->setObjectName(u"sampleSimilar"_s);
    m_similar->setToolTip(tr("Rank every sample by cosine similarity to the text in the search box "
                             "(the analyses' embeddings endpoint when they use one, else the "
                             "built-in TF-IDF and SVD embedding) and review the closest 200"));
    m_similar->setEnabled(false);
    connect(m_search, &QLineEdit::textChanged, m_similar,
            [this](const QString& text) { m_similar->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_similar, &QPushButton::clicked, this, [this]() {
        if (!m_search->text().trimmed().isEmpty())
            Q_EMIT similarRequested(m_search->text().trimmed());
    });
    m_showOnMap->setObjectName(u"sampleShowOnMap"_s);
    m_showOnMap->setToolTip(tr("Show the matches (or the selected rows) on the cluster map, the "
                               "other samples faded, and select them there"));
    connect(m_bulk, &BulkAnswerBar::nothingToDo, m_status, &QLabel::setText);

    // The combo boxes share the room the box and the spin box leave (their minimum fits a
    // laptop screen; wider windows show their whole entries).
    auto* filters = new QHBoxLayout;
    for (QComboBox* box : {m_corpus, m_role, m_cluster, m_tag, m_decision})
        filters->addWidget(box, 1);
    filters->addWidget(m_mine);
    filters->addWidget(m_minLikeness);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_status, 1);
    actions->addWidget(m_review);
    actions->addWidget(m_showOnMap);
    actions->addWidget(m_bulk);

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_similar);
    layout->addLayout(searchRow);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);
    m_state = EmptyState::fill(this, content);

    m_typing->setSingleShot(true);
    m_typing->setInterval(kTypingPauseMs);
    connect(m_typing, &QTimer::timeout, this, &SamplesView::runSearch);
    connect(m_search, &QLineEdit::textEdited, this, &SamplesView::scheduleSearch);
    connect(m_search, &QLineEdit::returnPressed, this, &SamplesView::runSearch);
    // The clear button changes the text without textEdited.
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty())
            scheduleSearch();
    });
    for (QComboBox* box : {m_corpus, m_role, m_cluster, m_tag, m_decision})
        connect(box, &QComboBox::activated, this, &SamplesView::runSearch);
    connect(m_mine, &QCheckBox::toggled, this, &SamplesView::runSearch);
    connect(m_minLikeness, &QDoubleSpinBox::valueChanged, this, &SamplesView::scheduleSearch);
    connect(m_model, &model::SampleTableModel::searchFinished, this,
            &SamplesView::onSearchFinished);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SamplesView::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SamplesView::updateActions);
    // New matches start at the top (not where the last list was scrolled to).
    connect(m_model, &QAbstractItemModel::modelReset, m_table, &QTableView::scrollToTop);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        Q_EMIT openSampleRequested(index.data(model::SampleTableModel::SampleIdRole).toLongLong());
    });
    connect(m_review, &QPushButton::clicked, this, &SamplesView::reviewMatches);
    connect(m_showOnMap, &QPushButton::clicked, this, [this]() {
        const QList<qint64> ids = chosenSamples().first;
        if (ids.isEmpty())
            return;
        // The map counts them itself: the title names the search only.
        const QString text = m_model->shownQuery().text;
        Q_EMIT showOnMapRequested(ids, selectedIds().size() > 1 ? tr("Selected rows")
                                       : text.isEmpty()         ? tr("Sample table")
                                                                : tr("Search “%1”").arg(text));
    });
    // Enter on a row opens it in Review, as a double click does.
    auto* open = new QAction(m_table);
    open->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    open->setShortcutContext(Qt::WidgetShortcut);
    connect(open, &QAction::triggered, this, [this]() {
        if (const QModelIndex current = m_table->currentIndex(); current.isValid())
            Q_EMIT openSampleRequested(
                current.data(model::SampleTableModel::SampleIdRole).toLongLong());
    });
    m_table->addAction(open);
    // Select all (Ctrl+A) covers every match, also those the table has not shown yet (it shows
    // them a batch at a time as it scrolls).
    auto* all = new QAction(m_table);
    all->setShortcut(QKeySequence::SelectAll);
    all->setShortcutContext(Qt::WidgetShortcut);
    connect(all, &QAction::triggered, this, [this]() {
        m_model->fetchAll();
        m_table->selectAll();
    });
    m_table->addAction(all);
    reload();
}

void SamplesView::setDocument(model::ProjectDocument* document) {
    if (m_document != nullptr) {
        disconnect(m_document, nullptr, this, nullptr);
        disconnect(&m_document->review(), nullptr, this, nullptr);
    }
    m_document = document;
    if (document != nullptr) {
        connect(document, &model::ProjectDocument::corporaChanged, this, &SamplesView::reload);
        connect(document, &model::ProjectDocument::analysisChanged, this, &SamplesView::reload);
        connect(&document->review(), &model::ReviewStore::tagsChanged, this, &SamplesView::reload);
        // Answers move samples in or out of a tag or decision filter: search again (once per
        // burst of answers; a bulk step sends one per sample).
        // Other answers change only the Tags and Decision columns: the rows are read again.
        const auto answered = [this]() {
            const model::SampleQuery q = m_model->query();
            if (q.tagId || q.decision || !q.reviewer.isEmpty())
                m_typing->start();
            else
                m_model->rereadRows();
        };
        connect(&document->review(), &model::ReviewStore::reviewChanged, this, answered);
        connect(&document->review(), &model::ReviewStore::reviewsChanged, this, answered);
    }
    m_model->setProject(document != nullptr ? document->sharedProject() : nullptr);
    m_bulk->setDocument(document);
    reload();
}

void SamplesView::focusSearch() {
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void SamplesView::search(const QString& text) {
    m_search->setText(text);
    runSearch();
}

void SamplesView::reload() {
    if (m_document == nullptr) {
        m_state->showMessage(tr("Open or create a project (File menu) to begin."));
        return;
    }
    const auto refill = [](QComboBox* box, const QString& any,
                           const QList<std::pair<QString, qint64>>& items) {
        const QVariant before = box->currentData();
        box->clear();
        box->addItem(any);
        for (const auto& [text, id] : items)
            box->addItem(text, id);
        if (const int at = box->findData(before); before.isValid() && at >= 0)
            box->setCurrentIndex(at);
    };
    QList<std::pair<QString, qint64>> corpora;
    for (const model::CorpusInfo& c : m_document->store().corpora())
        corpora.append({c.name, c.id});
    refill(m_corpus, tr("All corpora"), corpora);
    QList<std::pair<QString, qint64>> clusters;
    if (m_document->analysis())
        for (const model::ClusterRow& c : m_document->store().clusters())
            clusters.append({tr("Cluster %1 · %2").arg(c.id + 1).arg(c.label), c.id});
    refill(m_cluster, clusters.isEmpty() ? tr("Clusters: analyse first") : tr("Any cluster"),
           clusters);
    m_model->setNnOtherApproximate(m_document->analysis() && m_document->analysis()->similarity &&
                                   m_document->analysis()->similarity->otherRoleApproximate());
    m_cluster->setEnabled(!clusters.isEmpty());
    QList<std::pair<QString, qint64>> tags;
    for (const model::TagDef& t : m_document->review().tags())
        tags.append({t.name, t.id});
    refill(m_tag, tr("Any tag"), tags);
    m_bulk->rebuildTagMenu();
    if (corpora.isEmpty()) {
        m_state->showMessage(tr("No samples yet. Import a corpus (Ctrl+I) to search it."));
        return;
    }
    m_state->showContent();
    runSearch();
}

model::SampleQuery SamplesView::query() const {
    model::SampleQuery q = m_model->query(); // keeps the table's sort
    q.text = m_search->text().trimmed();
    const auto id = [](const QComboBox* box) {
        const QVariant v = box->currentData();
        return v.isValid() ? std::optional<qint64>(v.toLongLong()) : std::nullopt;
    };
    q.corpusId = id(m_corpus);
    q.cluster = id(m_cluster);
    q.tagId = id(m_tag);
    q.role.reset();
    if (model::Role role = model::Role::Real;
        m_role->currentData().isValid() &&
        model::parseRole(m_role->currentData().toString(), &role))
        q.role = role;
    q.decision.reset();
    if (const QVariant d = m_decision->currentData(); d.isValid())
        q.decision =
            d.toString() == "none"_L1 ? model::Decision::None : model::parseDecision(d.toString());
    q.reviewer =
        m_mine->isChecked() && m_document != nullptr ? m_document->review().reviewer() : QString();
    q.syntheticLikeness = {};
    if (m_minLikeness->value() > m_minLikeness->minimum())
        q.syntheticLikeness.min = m_minLikeness->value();
    return q;
}

void SamplesView::scheduleSearch() {
    m_typing->start();
}

void SamplesView::runSearch() {
    m_typing->stop();
    if (m_document == nullptr)
        return;
    m_status->setText(tr("Searching…"));
    m_model->setQuery(query());
}

void SamplesView::onSearchFinished(int matches, qint64 milliseconds, const QString& error) {
    if (!error.isEmpty()) {
        m_status->setText(u"<span style=\"color:%1\">%2</span> "_s.arg(errorColour(palette()),
                                                                       error.toHtmlEscaped()) +
                          tr("(the table still shows the last search)"));
        return;
    }
    const QLocale locale;
    model::SampleQuery unsorted = m_model->shownQuery();
    unsorted.sortBy = model::SampleColumn::Id;
    unsorted.descending = false;
    m_status->setText(
        unsorted.isEmpty()
            ? tr("%1 samples · %2 ms").arg(locale.toString(matches)).arg(milliseconds)
        : matches == 0
            ? tr("<b>No sample</b> matches this search and these filters · %1 ms").arg(milliseconds)
            : tr("<b>%1</b> matching samples · %2 ms")
                  .arg(locale.toString(matches))
                  .arg(milliseconds));
    updateActions();
}

QList<qint64> SamplesView::selectedIds() const {
    // In the table's order, not the order the rows were picked in.
    QList<int> rows;
    for (const QItemSelectionRange& range : m_table->selectionModel()->selection())
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows.append(row);
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QList<qint64> out;
    out.reserve(rows.size());
    const QList<qint64>& ids = m_model->sampleIds();
    for (int row : rows)
        if (row < ids.size())
            out.append(ids.at(row));
    return out;
}

void SamplesView::updateActions() {
    // Counted from the ranges (after Ctrl+A at a million rows, listing each row is slow).
    qsizetype selected = 0;
    for (const QItemSelectionRange& range : m_table->selectionModel()->selection())
        selected += range.height();
    const qsizetype matches = m_model->sampleIds().size();
    m_review->setEnabled(matches > 0);
    m_showOnMap->setEnabled(matches > 0);
    m_review->setText(selected > 1 ? tr("&Review %Ln selected", nullptr, static_cast<int>(selected))
                                   : tr("&Review these"));
    m_bulk->setEnabled(selected > 0 && m_document != nullptr);
}

std::pair<QList<qint64>, QString> SamplesView::chosenSamples() const {
    const QList<qint64> selected = selectedIds();
    const QList<qint64> ids = selected.size() > 1 ? selected : m_model->sampleIds();
    const QString what = m_model->shownQuery().text.isEmpty()
                             ? tr("Sample table")
                             : tr("Search “%1”").arg(m_model->shownQuery().text);
    return {ids, selected.size() > 1
                     ? tr("%1: %n selected", nullptr, static_cast<int>(ids.size())).arg(what)
                     : tr("%1 (%n samples)", nullptr, static_cast<int>(ids.size())).arg(what)};
}

void SamplesView::reviewMatches() {
    const auto [ids, title] = chosenSamples();
    if (!ids.isEmpty())
        Q_EMIT reviewSamplesRequested(ids, title, m_model->shownQuery().toJson());
}

} // namespace synthscope::widgets
