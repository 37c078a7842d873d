#include "model/ReviewModels.h"

#include "model/ReviewCommands.h"

#include <QUndoStack>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

ReviewQueueModel::ReviewQueueModel(ReviewStore& store, QObject* parent)
    : QAbstractListModel(parent)
    , m_store(store) {
    connect(&m_store, &ReviewStore::reviewChanged, this, &ReviewQueueModel::onReviewChanged);
    connect(&m_store, &ReviewStore::reviewsChanged, this, [this](const QList<qint64>& ids) {
        for (qint64 id : ids)
            onReviewChanged(id);
    });
}

void ReviewQueueModel::setFilter(const ReviewFilter& filter) {
    m_filter = filter;
    reload();
}

void ReviewQueueModel::reload() {
    beginResetModel();
    m_ids = m_store.reviewQueue(m_filter);
    m_rows.clear();
    m_rows.reserve(m_ids.size());
    for (int i = 0; i < m_ids.size(); ++i)
        m_rows.insert(m_ids[i], i);
    m_shownRows = static_cast<int>(std::min<qsizetype>(m_ids.size(), m_rowsPerFetch));
    m_previews.clear();
    m_reviews.clear();
    endResetModel();
}

void ReviewQueueModel::showRows(int end) {
    end = std::min(size(), end);
    if (end <= m_shownRows)
        return;
    beginInsertRows({}, m_shownRows, end - 1);
    m_shownRows = end;
    endInsertRows();
}

void ReviewQueueModel::showUpTo(int row) {
    if (row >= m_shownRows)
        showRows(row + 1 + m_rowsPerFetch);
}

bool ReviewQueueModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && m_shownRows < m_ids.size();
}

void ReviewQueueModel::fetchMore(const QModelIndex& parent) {
    if (canFetchMore(parent))
        showRows(m_shownRows + m_rowsPerFetch);
}

qint64 ReviewQueueModel::sampleIdAt(int row) const {
    return row >= 0 && row < m_ids.size() ? m_ids[row] : 0;
}

int ReviewQueueModel::rowOf(qint64 sampleId) const {
    return m_rows.value(sampleId, -1);
}

int ReviewQueueModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_shownRows;
}

QVariant ReviewQueueModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const qint64 id = m_ids.at(index.row());
    switch (role) {
    case SampleIdRole:
        return id;
    case Qt::DisplayRole: {
        auto it = m_previews.find(id);
        if (it == m_previews.end()) {
            if (m_previews.size() > 4096)
                m_previews.clear();
            it = m_previews.insert(id, m_store.preview(id, 120));
        }
        const SampleReview& review = cachedReview(id);
        const QString mark = review.decision == Decision::Keep                      ? u"✓"_s
                             : review.decision == Decision::Drop                    ? u"✗"_s
                             : (!review.tagIds.isEmpty() || !review.note.isEmpty()) ? u"•"_s
                                                                                    : u" "_s;
        return u"%1 #%2  %3"_s.arg(mark).arg(id).arg(*it);
    }
    case DecisionRole:
        return decisionName(cachedReview(id).decision);
    case TagCountRole:
        return static_cast<int>(cachedReview(id).tagIds.size());
    default:
        return {};
    }
}

const SampleReview& ReviewQueueModel::cachedReview(qint64 sampleId) const {
    auto it = m_reviews.find(sampleId);
    if (it == m_reviews.end()) {
        if (m_reviews.size() > 4096)
            m_reviews.clear();
        it = m_reviews.insert(sampleId, m_store.review(sampleId));
    }
    return *it;
}

void ReviewQueueModel::onReviewChanged(qint64 sampleId) {
    m_reviews.remove(sampleId);
    const int row = rowOf(sampleId);
    if (row >= 0 && row < m_shownRows)
        Q_EMIT dataChanged(index(row), index(row), {Qt::DisplayRole, DecisionRole, TagCountRole});
}

TagSetModel::TagSetModel(ReviewStore& store, QUndoStack* undo, QObject* parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_undo(undo) {
    connect(&m_store, &ReviewStore::tagsChanged, this, &TagSetModel::reload);
    reload();
}

void TagSetModel::reload() {
    beginResetModel();
    m_tags = m_store.tags();
    endResetModel();
}

int TagSetModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_tags.size());
}

QVariant TagSetModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TagDef& t = m_tags.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.row() < 9 ? u"%1  %2"_s.arg(index.row() + 1).arg(t.name) : t.name;
    case Qt::EditRole:
        return t.name;
    case TagIdRole:
        return t.id;
    case Qt::ToolTipRole:
        return index.row() < 9 ? tr("Hotkey %1 in Review").arg(index.row() + 1)
                               : tr("No hotkey (only 1–9)");
    default:
        return {};
    }
}

bool TagSetModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::EditRole)
        return false;
    const TagDef& tag = m_tags.at(index.row());
    const QString name = value.toString().trimmed();
    if (name == tag.name)
        return true;
    if (!nameProblem(name, tag.id).isEmpty())
        return false;
    if (m_undo == nullptr)
        return m_store.renameTag(tag.id, name).ok();
    m_undo->push(new RenameTagCommand(m_store, tag, name)); // a failure is reported by the store
    return true;
}

QString TagSetModel::nameProblem(const QString& name, qint64 exceptId) const {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("A tag needs a name.");
    for (const TagDef& t : m_tags)
        if (t.id != exceptId && t.name == trimmed)
            return tr("There is already a tag named “%1”.").arg(trimmed);
    return {};
}

Qt::ItemFlags TagSetModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

NeighboursModel::NeighboursModel(QObject* parent)
    : ColumnTableModel(parent) {
    using C = TableColumn<NeighbourDetail>;
    setColumns({
        C{.header = tr("#"),
          .display = [](const NeighbourDetail& n) -> QVariant { return n.rank; },
          .numeric = true},
        C{.header = tr("Cosine"),
          .display = [](const NeighbourDetail& n) -> QVariant {
              return QString::number(n.similarity, 'f', 3);
          },
          .sort = [](const NeighbourDetail& n) -> QVariant { return n.similarity; },
          .numeric = true},
        C{.header = tr("Corpus"),
          .display = [](const NeighbourDetail& n) -> QVariant { return n.corpusName; }},
        C{.header = tr("Text"),
          .display = [](const NeighbourDetail& n) -> QVariant { return n.text; },
          .toolTip = [](const NeighbourDetail& n) -> QVariant { return n.text; }},
    });
}

} // namespace synthscope::model
