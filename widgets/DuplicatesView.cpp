#include "widgets/DuplicatesView.h"

#include "analysis/MetricKeys.h"

#include "model/ProjectDocument.h"
#include "model/SimilarityModels.h"
#include "widgets/EmptyState.h"
#include "widgets/ReadOnlyTable.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

namespace key = analysis::key;

namespace {
constexpr int kSideBySide = 6;
}

DuplicatesView::DuplicatesView(QWidget* parent)
    : QWidget(parent)
    , m_groups(new model::DuplicateGroupsModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_mixedOnly(new QCheckBox(tr("Only groups &mixing real and synthetic"), this))
    , m_noneMixed(new QLabel(tr("No duplicate group mixes real and synthetic samples: no "
                                "synthetic sample copies a real one here."),
                             this))
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_review(new QPushButton(tr("Review this group"), this))
    , m_members(new QWidget(this))
    , m_membersLayout(new QHBoxLayout(m_members)) {
    m_sorted->setSourceModel(m_groups);
    m_sorted->setSortRole(model::DuplicateGroupsModel::SortRole);
    m_sorted->setFilterRole(model::DuplicateGroupsModel::MixRole);
    m_mixedOnly->setObjectName(u"mixedOnly"_s);
    m_mixedOnly->setToolTip(tr("Synthetic samples that copy real ones (or the reverse): what "
                               "the cross-duplicate red line counts"));
    m_noneMixed->setObjectName(u"noneMixed"_s);
    m_noneMixed->setWordWrap(true);
    m_noneMixed->hide();
    connect(m_mixedOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_sorted->setFilterFixedString(on ? u"mixed"_s : QString());
        m_noneMixed->setVisible(on && m_sorted->rowCount() == 0);
    });
    m_table = makeReadOnlyTable(m_sorted, this, u"duplicateGroupsTable"_s);
    m_table->setSortingEnabled(true);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_title->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_summary->setObjectName(u"duplicatesSummary"_s);
    m_review->setEnabled(false);
    m_review->setToolTip(tr("Open every member of the group as a review queue"));
    m_membersLayout->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_members);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_review);
    rightLayout->addLayout(header);
    rightLayout->addWidget(scroll, 1);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_summary);
    leftLayout->addWidget(m_mixedOnly);
    leftLayout->addWidget(m_noneMixed);
    leftLayout->addWidget(m_table, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("duplicatesSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter, 1);
    m_state = EmptyState::fill(this, content);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    showGroup(m_sorted->mapToSource(current).row());
            });
    connect(m_review, &QPushButton::clicked, this, [this]() {
        if (m_row < 0)
            return;
        const auto& g = m_groups->rows().at(m_row);
        Q_EMIT reviewGroupRequested(
            g.id, tr("Duplicate group %1 (%2 samples)").arg(g.id + 1).arg(g.size));
    });
    reload();
}

void DuplicatesView::showMixedOnly(bool on) {
    m_mixedOnly->setChecked(on);
}

void DuplicatesView::setDocument(model::ProjectDocument* document) {
    if (m_document != nullptr)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document != nullptr)
        connect(document, &model::ProjectDocument::analysisChanged, this, &DuplicatesView::reload);
    reload();
}

void DuplicatesView::reload() {
    m_row = -1;
    m_review->setEnabled(false);
    m_title->clear();
    while (QLayoutItem* item = m_membersLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (m_document == nullptr || !m_document->analysis()) {
        m_groups->setRows({});
        m_state->showMessage(m_document == nullptr
                                 ? tr("Open or create a project (File menu) to begin.")
                                 : tr("Not analysed yet. Run the analyses (Ctrl+R)."));
        return;
    }
    m_groups->setRows(m_document->store().duplicateGroups());
    m_state->showContent();
    const auto& cmp = m_document->analysis()->comparison;
    QString summary = tr("<b>%n duplicate groups</b> (exact: same normalised text; near: word "
                         "5-gram Jaccard ≥ 0.8 by MinHash).",
                         nullptr, static_cast<int>(m_groups->rowCount()));
    // Corpora imported with an engine's duplicate-cluster ids: their near groups follow them.
    QStringList withIds;
    for (const model::CorpusMetrics& c : m_document->analysis()->corpora) {
        const double ids =
            c.values.value(QString::fromLatin1(key::kImportedDuplicateClusterIds), 0.0);
        if (ids > 0.0)
            withIds << tr("%1 (%n samples)", nullptr, static_cast<int>(ids))
                           .arg(c.name.toHtmlEscaped());
    }
    if (!withIds.isEmpty())
        summary += u" "_s + tr("Near groups also join the samples of one corpus that share a "
                               "duplicate-cluster id imported with it: %1.")
                                .arg(QLocale().createSeparatedList(withIds));
    if (cmp.contains(QString::fromLatin1(key::kCrossExactDuplicates)))
        summary +=
            u" "_s + tr("%1 synthetic samples copy a real one exactly; %2 % are near "
                        "copies of a real one.")
                         .arg(cmp.value(QString::fromLatin1(key::kCrossExactDuplicates)), 0, 'f', 0)
                         .arg(100.0 * cmp.value(QString::fromLatin1(key::kCrossNearDuplicateRate)),
                              0, 'f', 2);
    m_summary->setText(summary);
    m_table->sortByColumn(model::DuplicateGroupsModel::Size, Qt::DescendingOrder);
    for (int c = 1; c < m_groups->columnCount(); ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    if (m_groups->rowCount() == 0)
        m_title->setText(tr("No duplicates: every sample's text is distinct."));
    else
        m_table->selectRow(0);
}

void DuplicatesView::showGroup(int row) {
    if (m_document == nullptr || row < 0 || row >= m_groups->rowCount() || row == m_row)
        return;
    m_row = row;
    while (QLayoutItem* item = m_membersLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const auto& g = m_groups->rows().at(row);
    m_title->setText(tr("<b>Group %1</b>: %2 samples (%3 real, %4 synthetic), %5")
                         .arg(g.id + 1)
                         .arg(g.size)
                         .arg(g.real)
                         .arg(g.synthetic)
                         .arg(g.exact ? tr("exact duplicates") : tr("near-duplicates")));
    const QList<qint64> members =
        m_document->store().groupMembers(model::GroupKind::Duplicate, g.id, kSideBySide);
    for (qint64 id : members) {
        const auto sample = m_document->review().sample(id);
        if (!sample)
            continue;
        auto* view = new QTextBrowser(m_members);
        view->setMinimumWidth(260);
        view->setHtml(u"<p><b>#%1</b> · %2 <i>(%3)</i></p><p>%4</p>"_s.arg(id).arg(
            sample->corpusName.toHtmlEscaped(),
            sample->role == model::Role::Real ? tr("real") : tr("synthetic"),
            sample->text.toHtmlEscaped().replace(u'\n', u"<br>"_s)));
        m_membersLayout->addWidget(view);
    }
    if (g.size > kSideBySide) {
        auto* more = new QLabel(
            tr("… and %1 more.\nReview the group\nto see them all.").arg(g.size - kSideBySide),
            m_members);
        more->setAlignment(Qt::AlignCenter);
        m_membersLayout->addWidget(more);
    }
    m_review->setEnabled(true);
}

} // namespace synthscope::widgets
