#include "widgets/SkeletonsView.h"

#include "model/ProjectDocument.h"
#include "model/SkeletonModels.h"
#include "widgets/EmptyState.h"
#include "widgets/ReadOnlyTable.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::widgets {

namespace {

// Number columns as narrow as their numbers, so that the text column keeps the width (three
// columns of short tables side by side left "i do not" as "i do…").
QTableView* fitNumbers(QTableView* table) {
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(false);
    table->setWordWrap(false);
    if (table->model()->columnCount() > 0)
        table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    return table;
}

} // namespace

SkeletonsView::SkeletonsView(QWidget* parent)
    : QWidget(parent)
    , m_sorted(new QSortFilterProxyModel(this))
    , m_templates(new model::RecurringTemplateModel(this))
    , m_openings(new model::AffixModel(this))
    , m_closings(new model::AffixModel(this))
    , m_tree(new QTreeView(this))
    , m_members(new QTextBrowser(this))
    , m_title(new QLabel(this))
    , m_review(new QPushButton(tr("Review this group"), this))
    , m_shortReplies(new QCheckBox(tr("Show short replies"), this)) {
    m_sorted->setSortRole(model::SkeletonGroupsModel::SortRole);
    m_sorted->setFilterRole(model::SkeletonGroupsModel::ShortReplyRole);
    m_sorted->setFilterFixedString(u"0"_s);
    m_shortReplies->setObjectName(u"skeletonShortReplies"_s);
    m_shortReplies->setToolTip(
        tr("Groups whose skeleton is shorter than six tokens or holds nothing but placeholders "
           "and punctuation (\"<@> <URL>\", a one-word answer): they coincide by chance, not "
           "because a mould made them."));
    connect(m_shortReplies, &QCheckBox::toggled, this, &SkeletonsView::showShortReplies);
    m_tree->setModel(m_sorted);
    m_tree->setObjectName(u"skeletonTree"_s);
    m_tree->setSortingEnabled(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_members->setObjectName(u"skeletonMembers"_s);
    m_title->setObjectName(u"skeletonTitle"_s);
    m_title->setWordWrap(true);
    m_review->setEnabled(false);
    m_review->setToolTip(tr("Open the group's samples as a review queue"));

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_review);
    rightLayout->addLayout(header);
    rightLayout->addWidget(m_members, 1);

    auto* treeBox = new QWidget(this);
    auto* treeLayout = new QVBoxLayout(treeBox);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->addWidget(m_tree, 1);
    treeLayout->addWidget(m_shortReplies);
    auto* top = new QSplitter(Qt::Horizontal, this);
    top->setObjectName(QStringLiteral("skeletonsTopSplitter"));
    top->addWidget(treeBox);
    top->addWidget(right);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);

    auto* affixes = new QWidget(this);
    auto* affixLayout = new QHBoxLayout(affixes);
    affixLayout->setContentsMargins(0, 0, 0, 0);
    auto* templateBox = new QVBoxLayout;
    auto* templateLabel = new QLabel(
        tr("<b>Recurring templates</b> (skeleton 6-grams; samples containing each, leaning "
           "synthetic first)"),
        affixes);
    templateLabel->setToolTip(
        tr("Six skeleton tokens that recur across samples (Shaib et al. 2024, on skeletons). z is "
           "the weighted log-odds z-score of the samples containing it, synthetic against real "
           "(Monroe et al. 2008): the higher, the more surely it leans synthetic (an order, not "
           "a p-value). Long answers that never share a whole skeleton still share these."));
    templateLabel->setWordWrap(true);
    templateBox->addWidget(templateLabel);
    m_templatesTable = fitNumbers(makeReadOnlyTable(m_templates, affixes, u"templatesTable"_s));
    m_templatesTable->setToolTip(tr("Select a template to see samples that contain it"));
    templateBox->addWidget(m_templatesTable);
    auto* openBox = new QVBoxLayout;
    openBox->addWidget(new QLabel(tr("<b>Recurring openings</b> (first three tokens)"), affixes));
    openBox->addWidget(fitNumbers(makeReadOnlyTable(m_openings, affixes, u"openingsTable"_s)));
    auto* closeBox = new QVBoxLayout;
    closeBox->addWidget(new QLabel(tr("<b>Recurring closings</b> (last three tokens)"), affixes));
    closeBox->addWidget(fitNumbers(makeReadOnlyTable(m_closings, affixes, u"closingsTable"_s)));
    affixLayout->addLayout(templateBox, 2);
    affixLayout->addLayout(openBox);
    affixLayout->addLayout(closeBox);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("skeletonsSplitter"));
    splitter->addWidget(top);
    splitter->addWidget(affixes);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* intro =
        new QLabel(tr("A skeleton keeps function words, punctuation and markup (<LI> list item, "
                      "⏎ line break) and masks content (<W> word, <NAME>, <NUM>, <URL>, <@> "
                      "handle). A group is a mould: samples whose skeletons share their six-token "
                      "windows, whatever words fill them and however long they are. Its title "
                      "shows what most members share, “…” for the rest."),
                   content);
    intro->setTextFormat(Qt::PlainText); // "<LI>" would read as HTML
    intro->setWordWrap(true);            // one long line kept the window wider than a laptop screen
    layout->addWidget(intro);
    layout->addWidget(splitter, 1);
    m_state = EmptyState::fill(this, content);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const QModelIndex source = m_sorted->mapToSource(current);
                if (!source.isValid())
                    return;
                if (!source.parent().isValid()) {
                    showGroup(source.row());
                    return;
                }
                // A member: its group, scrolled to the member (when among those shown).
                showGroup(source.parent().row());
                m_members->scrollToAnchor(u"m%1"_s.arg(
                    source.data(model::SkeletonGroupsModel::SampleIdRole).toLongLong()));
            });
    // Number columns sort largest first on their first click; the shown group stays in view.
    connect(m_tree->header(), &QHeaderView::sectionClicked, this, [this](int section) {
        if (section != m_sortColumn && section != model::SkeletonGroupsModel::Pattern)
            m_tree->sortByColumn(section, Qt::DescendingOrder);
        m_sortColumn = section;
        m_tree->scrollTo(m_tree->currentIndex());
    });
    // On a selection, not on the current cell: focus entering the table makes its first cell
    // current without the user choosing it.
    connect(m_templatesTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this]() {
                const QModelIndexList rows = m_templatesTable->selectionModel()->selectedRows();
                if (!rows.isEmpty())
                    showTemplate(rows.first().row());
            });
    connect(m_review, &QPushButton::clicked, this, [this]() {
        if (m_groups != nullptr && m_row >= 0)
            Q_EMIT reviewGroupRequested(m_groups->groups().at(m_row).id,
                                        m_groups->groups().at(m_row).pattern);
    });
    reload();
}

void SkeletonsView::setDocument(model::ProjectDocument* document) {
    if (m_document != nullptr)
        disconnect(m_document, nullptr, this, nullptr);
    m_sorted->setSourceModel(nullptr);
    delete m_groups;
    m_groups = nullptr;
    m_document = document;
    if (document != nullptr) {
        m_groups = new model::SkeletonGroupsModel(document->store(), document->review(), this);
        m_sorted->setSourceModel(m_groups);
        connect(document, &model::ProjectDocument::analysisChanged, this, &SkeletonsView::reload);
    }
    reload();
}

void SkeletonsView::reload() {
    m_row = -1;
    m_review->setEnabled(false);
    m_members->clear();
    m_title->clear();
    if (m_document == nullptr || !m_document->analysis()) {
        m_templates->setRows({});
        m_openings->setRows({});
        m_closings->setRows({});
        m_state->showMessage(m_document == nullptr
                                 ? tr("Open or create a project (File menu) to begin.")
                                 : tr("Not analysed yet. Run the analyses (Ctrl+R)."));
        return;
    }
    m_groups->reload(m_document->analysis());
    m_templates->setRows(m_document->analysis()->recurringTemplates);
    m_openings->setRows(m_document->analysis()->openings);
    m_closings->setRows(m_document->analysis()->closings);
    m_state->showContent();
    const int shortReplies = m_groups->shortReplyCount();
    m_shortReplies->setText(shortReplies == 1
                                ? tr("Show short replies (1 group)")
                                : tr("Show short replies (%1 groups)").arg(shortReplies));
    m_tree->sortByColumn(model::SkeletonGroupsModel::Synthetic, Qt::DescendingOrder);
    m_sortColumn = model::SkeletonGroupsModel::Synthetic;
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < model::SkeletonGroupsModel::ColumnCount; ++c)
        m_tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    if (m_groups->rowCount() == 0)
        m_title->setText(tr("No two samples share a skeleton."));
    else if (m_sorted->rowCount() == 0)
        m_title->setText(tr("Every group is a short reply: tick Show short replies."));
    else
        selectGroup(m_sorted->mapToSource(m_sorted->index(0, 0)).row());
}

void SkeletonsView::showShortReplies(bool show) {
    m_sorted->setFilterFixedString(show ? QString() : u"0"_s);
    // Nothing shown yet (every group was a short reply), or the shown group just hidden: the
    // first listed group.
    const bool shownHidden =
        m_row >= 0 && !show && m_groups != nullptr && m_groups->isShortReply(m_row);
    if ((m_row < 0 || shownHidden || !m_tree->currentIndex().isValid()) && m_sorted->rowCount() > 0)
        selectGroup(m_sorted->mapToSource(m_sorted->index(0, 0)).row());
}

void SkeletonsView::selectGroup(int row) {
    if (m_groups == nullptr || row < 0 || row >= m_groups->rowCount())
        return;
    if (m_groups->isShortReply(row)) // a short-reply group asked for: list short replies
        m_shortReplies->setChecked(true);
    m_tree->setCurrentIndex(m_sorted->mapFromSource(m_groups->index(row, 0)));
    showGroup(row);
}

void SkeletonsView::showGroup(int row) {
    if (row == m_row)
        return;
    m_row = row;
    m_templatesTable->clearSelection(); // the pane shows this group now
    m_templatesTable->setCurrentIndex({});
    const auto& g = m_groups->groups().at(row);
    const QString kind = g.mould            ? tr("mould")
                         : g.isShortReply() ? tr("short reply")
                                            : tr("skeleton");
    m_title->setText(
        tr("<b>Group %1</b> (%2): %3 samples (%4 real, %5 synthetic)<br><code>%6</code>")
            .arg(g.id + 1)
            .arg(kind)
            .arg(g.size)
            .arg(g.real)
            .arg(g.synthetic)
            .arg((g.pattern.size() > 200 ? g.pattern.left(200) + u" [\u2026]"_s : g.pattern)
                     .toHtmlEscaped()));
    m_title->setToolTip(g.pattern);
    QString html = u"<p style='color:gray'>"_s +
                   tr("Highlighted: the content the skeleton masks. Plain: the shared structure.") +
                   u"</p>"_s;
    const QList<qint64> members = m_groups->members(row);
    for (int i = 0; i < members.size() && i < 30; ++i) {
        const auto sample = m_document->review().sample(members[i]);
        if (!sample)
            continue;
        html += u"<p><a name=\"m%1\"></a><b>#%1</b> <i>%2</i><br>%3</p><hr>"_s.arg(members[i])
                    .arg(sample->corpusName.toHtmlEscaped(),
                         model::skeletonHighlightHtml(sample->viewText));
    }
    if (members.size() > 30)
        html += tr("<p>… and %1 more; review the group to see them all.</p>").arg(g.size - 30);
    m_members->setHtml(html);
    m_review->setEnabled(true);
}

void SkeletonsView::showTemplate(int row) {
    if (m_document == nullptr || row < 0 || row >= m_templates->rows().size())
        return;
    const model::TemplateRow& t = m_templates->rows().at(row);
    m_row = -1;
    m_tree->setCurrentIndex({}); // a click on a group shows it again
    m_title->setToolTip(t.pattern);
    m_review->setEnabled(false);
    m_title->setText(
        tr("<b>Template</b> in %1 synthetic and %2 real samples (z = %3)<br><code>%4</code>")
            .arg(t.synthetic)
            .arg(t.real)
            .arg(t.zScore, 0, 'f', 1)
            .arg(t.pattern.toHtmlEscaped()));
    QString html = u"<p style='color:gray'>"_s +
                   tr("Bold and underlined: the template in each sample. Highlighted: the content "
                      "the skeleton masks.") +
                   u"</p>"_s;
    for (const qint64 id : t.examples) {
        const auto sample = m_document->review().sample(id);
        if (!sample)
            continue;
        html += u"<p><b>#%1</b> <i>%2</i><br>%3</p><hr>"_s.arg(id).arg(
            sample->corpusName.toHtmlEscaped(),
            model::skeletonHighlightHtml(sample->viewText, {t.pattern}));
    }
    if (t.examples.isEmpty())
        html += tr("<p>No examples stored: run the analyses again to see them.</p>");
    m_members->setHtml(html);
}

} // namespace synthscope::widgets
