#include "model/SampleTableModel.h"

#include <QElapsedTimer>
#include <QMetaObject>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {

QVariant scoreText(const std::optional<double>& v, int decimals) {
    return v ? QVariant(QString::number(*v, 'f', decimals)) : QVariant(u"–"_s);
}

QVariant optionalGroup(const std::optional<qint64>& v) {
    return v ? QVariant(*v + 1) : QVariant(u"–"_s);
}

// The excerpt without its hit marks and with line breaks as spaces (one line per row).
QString plainExcerpt(QString excerpt) {
    excerpt.remove(kHitStart);
    excerpt.remove(kHitEnd);
    return excerpt.simplified();
}

} // namespace

SampleTableModel::SampleTableModel(QObject* parent)
    : QAbstractTableModel(parent) {
    m_pool.setMaxThreadCount(1);
}

SampleTableModel::~SampleTableModel() {
    m_pool.clear();
    m_pool.waitForDone();
}

void SampleTableModel::setProject(std::shared_ptr<Project> project) {
    m_project = std::move(project);
    beginResetModel();
    m_ids.clear();
    m_shownRows = 0;
    m_pages.clear();
    endResetModel();
    start();
}

void SampleTableModel::setQuery(const SampleQuery& query) {
    m_query = query;
    start();
}

void SampleTableModel::refresh() {
    start();
}

void SampleTableModel::rereadRows() {
    m_pages.clear();
    m_unread.clear();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, kSampleColumnCount - 1));
}

bool SampleTableModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && m_shownRows < m_ids.size();
}

void SampleTableModel::showRows(qsizetype end) {
    end = std::min(end, m_ids.size());
    if (end <= m_shownRows)
        return;
    beginInsertRows({}, m_shownRows, static_cast<int>(end) - 1);
    m_shownRows = static_cast<int>(end);
    endInsertRows();
}

void SampleTableModel::fetchMore(const QModelIndex& parent) {
    if (!parent.isValid())
        showRows(qsizetype{m_shownRows} + m_rowsPerFetch);
}

void SampleTableModel::fetchAll() {
    showRows(m_ids.size());
}

void SampleTableModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= kSampleColumnCount ||
        !isSortable(static_cast<SampleColumn>(column)))
        return;
    const auto by = static_cast<SampleColumn>(column);
    const bool descending = order == Qt::DescendingOrder;
    if (by == m_query.sortBy && descending == m_query.descending)
        return;
    m_query.sortBy = by;
    m_query.descending = descending;
    start();
}

void SampleTableModel::start() {
    const quint64 generation = ++m_generation;
    m_pool.clear(); // a search not yet started is superseded
    if (!m_project) {
        m_answered = generation;
        return;
    }
    std::shared_ptr<Project> project = m_project;
    const SampleQuery query = m_query;
    m_pool.start([this, project, query, generation]() mutable {
        QElapsedTimer timer;
        timer.start();
        QList<qint64> ids;
        const Status s = findSamples(*project, query, &ids);
        project->releaseThreadConnection();
        const qint64 ms = timer.elapsed();
        // Runs on the model's thread; the destructor waits for this task, and Qt drops the
        // posted call if the model is gone by then. The project goes with it, so that its
        // last owner (after a project switch) is let go on the model's thread, whose
        // connection ~Project closes, not on the worker.
        QMetaObject::invokeMethod(
            this,
            [this, generation, ids = std::move(ids), s, ms, query,
             keep = std::move(project)]() mutable {
                if (generation != m_generation)
                    return; // superseded
                m_answered = generation;
                if (!s) {
                    Q_EMIT searchFinished(static_cast<int>(m_ids.size()), ms, s.error());
                    return;
                }
                // Compared element by element: QList's == hands memcmp a null pointer for an
                // empty list (UBSan reports it).
                if (ids.size() == m_ids.size() &&
                    std::equal(ids.cbegin(), ids.cend(), m_ids.cbegin()) &&
                    query.text == m_shown.text) {
                    // The same rows (a search again after answers): keep the selection and
                    // the scroll position, re-read the rows' contents.
                    m_shown = query;
                    m_pages.clear();
                    if (rowCount() > 0)
                        Q_EMIT dataChanged(index(0, 0),
                                           index(rowCount() - 1, kSampleColumnCount - 1));
                } else {
                    beginResetModel();
                    m_ids = std::move(ids);
                    m_shownRows =
                        static_cast<int>(std::min<qsizetype>(m_ids.size(), m_rowsPerFetch));
                    m_shown = query;
                    m_pages.clear();
                    endResetModel();
                }
                Q_EMIT searchFinished(static_cast<int>(m_ids.size()), ms, QString());
            },
            Qt::QueuedConnection);
    });
}

const SampleRow* SampleTableModel::rowAt(int row) const {
    if (row < 0 || row >= m_ids.size() || !m_project)
        return nullptr;
    const int page = row / kPageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        if (m_pages.size() > 64)
            m_pages.clear(); // a long scroll keeps at most 6,400 rows in memory
        const QList<qint64> ids = m_ids.mid(static_cast<qsizetype>(page) * kPageSize, kPageSize);
        QList<SampleRow> rows;
        const Status s = sampleRows(*m_project, ids, m_shown.text, &rows);
        if (!s)
            qWarning("sample table: %s", qPrintable(s.error()));
        // Align with ids (a sample removed since the search leaves an empty row).
        QList<SampleRow> aligned(ids.size());
        qsizetype next = 0;
        for (qsizetype i = 0; i < ids.size(); ++i) {
            aligned[i].id = ids.at(i);
            if (next < rows.size() && rows.at(next).id == ids.at(i))
                aligned[i] = rows.at(next++);
        }
        if (!s) { // not kept: read again when asked again
            m_unread = std::move(aligned);
            return &m_unread[row % kPageSize];
        }
        it = m_pages.insert(page, aligned);
    }
    return &(*it)[row % kPageSize];
}

int SampleTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_shownRows;
}

int SampleTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : kSampleColumnCount;
}

QVariant SampleTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == SampleIdRole)
        return m_ids.at(index.row());
    const auto column = static_cast<SampleColumn>(index.column());
    if (role == Qt::TextAlignmentRole)
        return column == SampleColumn::Corpus || column == SampleColumn::Role ||
                       column == SampleColumn::Tags || column == SampleColumn::Decision ||
                       column == SampleColumn::Text
                   ? QVariant()
                   : QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != ExcerptRole && role != Qt::ToolTipRole)
        return {};
    const SampleRow* r = rowAt(index.row());
    if (r == nullptr)
        return {};
    if (role == ExcerptRole)
        return column == SampleColumn::Text ? QVariant(r->excerpt) : QVariant();
    if (role == Qt::ToolTipRole)
        return column == SampleColumn::Text ? QVariant(plainExcerpt(r->excerpt)) : QVariant();
    switch (column) {
    case SampleColumn::Id:
        return r->id;
    case SampleColumn::Corpus:
        return r->corpus;
    case SampleColumn::Role:
        return r->corpus.isEmpty()     ? QVariant()
               : r->role == Role::Real ? tr("real")
                                       : tr("synthetic");
    case SampleColumn::Length:
        return r->length;
    case SampleColumn::SyntheticLikeness:
        return scoreText(r->syntheticLikeness, 3);
    case SampleColumn::NnOther:
        return scoreText(r->nnOther, 3);
    case SampleColumn::Perplexity:
        return scoreText(r->perplexity, 1);
    case SampleColumn::Cluster:
        return optionalGroup(r->cluster);
    case SampleColumn::SkeletonGroup:
        return optionalGroup(r->skeletonGroup);
    case SampleColumn::DuplicateGroup:
        return optionalGroup(r->duplicateGroup);
    case SampleColumn::Tags:
        return r->tags.join(u", ");
    case SampleColumn::Decision:
        if (r->keeps > 0 && r->drops > 0) // reviewers differ: say how
            return tr("keep %1 · drop %2").arg(r->keeps).arg(r->drops);
        return r->keeps > 0 ? tr("keep") : r->drops > 0 ? tr("drop") : QString();
    case SampleColumn::Text:
        return plainExcerpt(r->excerpt);
    }
    return {};
}

void SampleTableModel::setNnOtherApproximate(bool approximate) {
    if (approximate == m_nnOtherApproximate)
        return;
    m_nnOtherApproximate = approximate;
    const int column = static_cast<int>(SampleColumn::NnOther);
    Q_EMIT headerDataChanged(Qt::Horizontal, column, column);
}

QVariant SampleTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= kSampleColumnCount)
        return {};
    const auto column = static_cast<SampleColumn>(section);
    if (role == Qt::DisplayRole) {
        switch (column) {
        case SampleColumn::Id:
            return tr("Sample");
        case SampleColumn::Corpus:
            return tr("Corpus");
        case SampleColumn::Role:
            return tr("Role");
        case SampleColumn::Length:
            return tr("Length");
        case SampleColumn::SyntheticLikeness:
            return tr("Synth.-like");
        case SampleColumn::NnOther:
            return m_nnOtherApproximate ? tr("NN other ≈") : tr("NN other");
        case SampleColumn::Perplexity:
            return tr("PPL");
        case SampleColumn::Cluster:
            return tr("Cluster");
        case SampleColumn::SkeletonGroup:
            return tr("Skeleton");
        case SampleColumn::DuplicateGroup:
            return tr("Dup.");
        case SampleColumn::Tags:
            return tr("Tags");
        case SampleColumn::Decision:
            return tr("Decision");
        case SampleColumn::Text:
            return tr("Text");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case SampleColumn::Length:
            return tr("Characters of the text");
        case SampleColumn::SyntheticLikeness:
            return tr("Out-of-fold probability that the sample is synthetic (the detectability "
                      "model of the newest analysis); high on a real sample: it reads like the "
                      "generator");
        case SampleColumn::NnOther: {
            const QString what =
                tr("Cosine similarity to the nearest sample of the other role (embedding of "
                   "the newest analysis); near 1: a copy or paraphrase across the sides");
            return m_nnOtherApproximate
                       ? what + u"\n"_s +
                             tr("Approximate: on a project this large an HNSW index found the "
                                "nearest samples and may have missed closer ones")
                       : what;
        }
        case SampleColumn::Perplexity:
            return tr("Perplexity under the language model of the real side (held-out samples "
                      "only); low on synthetic text: the generator's mode");
        case SampleColumn::Text:
            return tr("The start of the text, or the passage around the search hits");
        case SampleColumn::Cluster:
            return tr("k-means cluster of the newest analysis (as on the cluster map)");
        case SampleColumn::SkeletonGroup:
            return tr("Group of samples that share one template skeleton (Skeletons view)");
        case SampleColumn::DuplicateGroup:
            return tr("Exact or near-duplicate group (Duplicates view)");
        case SampleColumn::Tags:
            return tr("Tags any reviewer gave (filter by one with the tag box)");
        case SampleColumn::Decision:
            return tr("Keep or drop; with counts when reviewers differ");
        default:
            return {};
        }
    }
    return {};
}

} // namespace synthscope::model
