#pragma once

#include "model/SampleSearch.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QThreadPool>

#include <algorithm>
#include <memory>

namespace synthscope::model {

/// The sample table: the samples matching a SampleQuery, one row each (columns as in
/// SampleColumn). The search runs on a worker thread (its own SQLite connection), so the GUI
/// thread never waits on it; a newer query supersedes one still running, whose answer is
/// dropped. Rows are read on demand a page at a time (100 ids by primary key, with the
/// search's snippet for a text query) and cached until the next search.
///
/// Sorting (QTableView's header) re-runs the search with the new order in SQL, so the order
/// covers every match, not only the rows read so far.
///
/// The matches are shown kRowsPerFetch at a time (canFetchMore/fetchMore: a view asks for more
/// as it scrolls to the end): a view's header lays out every row it is told of, which took
/// 40–75 ms of the GUI thread for a million rows at once. sampleIds() is every match.
class SampleTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int SampleIdRole = Qt::UserRole + 1;
    /// The Text column's excerpt with hits between kHitStart and kHitEnd (for a delegate).
    static constexpr int ExcerptRole = Qt::UserRole + 2;
    static constexpr int kPageSize = 100;
    /// Rows shown after a search and added by each fetchMore().
    static constexpr int kRowsPerFetch = 50000;

    explicit SampleTableModel(QObject* parent = nullptr);
    /// Waits for a running search to end (it cannot be interrupted inside SQLite).
    ~SampleTableModel() override;

    /// The project to search (null: an empty table). Re-runs the query.
    void setProject(std::shared_ptr<Project> project);
    /// Starts a search; searchFinished() tells when its rows are in.
    void setQuery(const SampleQuery& query);
    [[nodiscard]] const SampleQuery& query() const { return m_query; }
    /// Runs the current query again (after an import, an analysis or review answers).
    void refresh();
    /// Reads the shown rows again, keeping the matches and their order (after review answers
    /// that leave the matches as they are: the Tags and Decision columns change).
    void rereadRows();
    /// The query whose matches the table shows (the last search that succeeded; query() is
    /// the last one asked for, which may still run or have failed).
    [[nodiscard]] const SampleQuery& shownQuery() const { return m_shown; }
    /// The matching samples, in the table's order (the last finished search).
    [[nodiscard]] const QList<qint64>& sampleIds() const { return m_ids; }
    [[nodiscard]] bool searching() const { return m_answered != m_generation; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;
    /// Whether matches are left to show (rowCount() < sampleIds().size()).
    bool canFetchMore(const QModelIndex& parent) const override;
    /// Shows the next rowsPerFetch() matches.
    void fetchMore(const QModelIndex& parent) override;
    /// Shows every match (before a select-all: a selection covers every match).
    void fetchAll();
    /// Whether the newest analysis found the other role's nearest samples with an HNSW index
    /// (SimilaritySummary::otherRoleApproximate()): the NN other header then says the values
    /// may miss closer samples ("NN other ≈" and its tooltip). Off until set.
    void setNnOtherApproximate(bool approximate);
    /// kRowsPerFetch unless set (≥ 1; tests use a small number).
    void setRowsPerFetch(int rows) { m_rowsPerFetch = std::max(1, rows); }
    [[nodiscard]] int rowsPerFetch() const { return m_rowsPerFetch; }

Q_SIGNALS:
    /// A search ended: the number of matches and its wall time, or (error non-empty) why it
    /// failed (the table then keeps the previous answer).
    void searchFinished(int matches, qint64 milliseconds, const QString& error);

private:
    void start();
    const SampleRow* rowAt(int row) const;
    /// Shows the matches before end (clamped to sampleIds()).
    void showRows(qsizetype end);

    std::shared_ptr<Project> m_project;
    SampleQuery m_query;
    QList<qint64> m_ids;
    int m_shownRows = 0; ///< rows of m_ids shown (rowCount)
    int m_rowsPerFetch = kRowsPerFetch;
    bool m_nnOtherApproximate = false;
    SampleQuery m_shown; ///< the query of m_ids (its text's hits are marked)
    quint64 m_generation = 0;
    quint64 m_answered = 0; ///< the generation of the last answer
    QThreadPool m_pool;
    mutable QHash<int, QList<SampleRow>> m_pages; ///< page index → rows
    mutable QList<SampleRow> m_unread;            ///< a page whose reading failed (not kept)
};

} // namespace synthscope::model
