#pragma once

#include "model/ColumnTableModel.h"
#include "model/ReviewStore.h"

#include <QAbstractListModel>
#include <QHash>

#include <algorithm>

class QUndoStack;

namespace synthscope::model {

/// The review queue: samples matching a ReviewFilter, in its order. Text previews are
/// fetched on demand and cached; rows update when a review answer changes. The rows are shown
/// kRowsPerFetch at a time (canFetchMore/fetchMore, showUpTo): a list view lays out every row
/// it is told of, which took ~47 ms of the GUI thread for a 475,000-sample queue at once.
/// size() and sampleIdAt() cover the whole queue.
class ReviewQueueModel : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr int SampleIdRole = Qt::UserRole + 1;
    static constexpr int DecisionRole = Qt::UserRole + 2; ///< "keep", "drop" or ""
    static constexpr int TagCountRole = Qt::UserRole + 3;

    explicit ReviewQueueModel(ReviewStore& store, QObject* parent = nullptr);
    void setFilter(const ReviewFilter& filter);
    [[nodiscard]] const ReviewFilter& filter() const { return m_filter; }
    /// Reloads the ids (after an import or analysis).
    void reload();
    [[nodiscard]] qint64 sampleIdAt(int row) const;
    [[nodiscard]] int rowOf(qint64 sampleId) const; ///< -1 when not in the queue
    /// Samples in the queue (rowCount() is the rows shown so far).
    [[nodiscard]] int size() const { return static_cast<int>(m_ids.size()); }
    /// Rows shown after a reload and added by each fetchMore().
    static constexpr int kRowsPerFetch = 50000;
    /// Shows the rows up to row (clamped to the queue), a batch past it.
    void showUpTo(int row);
    /// kRowsPerFetch unless set (≥ 1; tests use a small number); applies from the next reload.
    void setRowsPerFetch(int rows) { m_rowsPerFetch = std::max(1, rows); }

    int rowCount(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    void onReviewChanged(qint64 sampleId);
    /// Shows the rows before end (clamped to the queue).
    void showRows(int end);
    ReviewStore& m_store;
    ReviewFilter m_filter;
    QList<qint64> m_ids;
    int m_shownRows = 0; ///< rows of m_ids shown (rowCount)
    int m_rowsPerFetch = kRowsPerFetch;
    QHash<qint64, int> m_rows;
    /// The answers of a sample, read once and kept until it changes (paint stays off SQL).
    const SampleReview& cachedReview(qint64 sampleId) const;
    mutable QHash<qint64, QString> m_previews;
    mutable QHash<qint64, SampleReview> m_reviews;
};

/// The tag set, in hotkey order. Names are editable in place (rename): with an undo stack,
/// a rename is a RenameTagCommand pushed on it; without, it is written at once.
class TagSetModel : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr int TagIdRole = Qt::UserRole + 1;

    explicit TagSetModel(ReviewStore& store, QUndoStack* undo = nullptr, QObject* parent = nullptr);
    [[nodiscard]] const QList<TagDef>& tags() const { return m_tags; }
    /// Why name cannot name a tag (empty after trimming, or another tag's name, compared
    /// case-sensitively as SQLite's UNIQUE does), or an empty string when it can. exceptId: the
    /// tag being renamed.
    [[nodiscard]] QString nameProblem(const QString& name, qint64 exceptId = 0) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    void reload();
    ReviewStore& m_store;
    QUndoStack* m_undo;
    QList<TagDef> m_tags;
};

/// Nearest real neighbours of the sample under review: rank, cosine, corpus, text.
class NeighboursModel : public ColumnTableModel<NeighbourDetail> {
    Q_OBJECT
public:
    enum Column { Rank, Cosine, Corpus, Text, ColumnCount };
    explicit NeighboursModel(QObject* parent = nullptr);
    void setNeighbours(QList<NeighbourDetail> neighbours) { setRows(std::move(neighbours)); }
    [[nodiscard]] const QList<NeighbourDetail>& neighbours() const { return rows(); }
};

} // namespace synthscope::model
