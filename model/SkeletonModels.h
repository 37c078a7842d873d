#pragma once

#include "model/ColumnTableModel.h"
#include "model/ProjectStore.h"
#include "model/ReviewStore.h"

#include <QAbstractItemModel>
#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

namespace synthscope::model {

/// Skeleton groups as a tree: each group (pattern, size, real, synthetic, synthetic share)
/// with its members (sample id and text) as children, fetched when first expanded.
class SkeletonGroupsModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column {
        Pattern,
        Size,
        Real,
        Synthetic,
        SyntheticShare,
        Coverage, ///< share of all synthetic samples in the group
        Lift,     ///< liftOverReal()
        ColumnCount
    };
    static constexpr int GroupIdRole = Qt::UserRole + 1;
    static constexpr int SampleIdRole = Qt::UserRole + 2;
    static constexpr int SortRole = Qt::UserRole + 3;
    /// "1" for a group of short replies (analysis::isShortReply) and its members, else "0": the
    /// role a proxy filters on to list them apart.
    static constexpr int ShortReplyRole = Qt::UserRole + 4;

    SkeletonGroupsModel(ProjectStore& store, ReviewStore& review, QObject* parent = nullptr);
    /// Reloads the groups of the newest analysis; run (that analysis, as the document holds it)
    /// gives the samples of each role that coverage and lift divide by.
    void reload(const std::optional<StoredAnalysis>& run);
    [[nodiscard]] const QList<SkeletonGroupInfo>& groups() const { return m_groups; }
    [[nodiscard]] bool isShortReply(int row) const { return m_shortReply.at(row); }
    [[nodiscard]] int shortReplyCount() const { return m_shortReplies; }
    /// Members listed under a group: its first samples by id.
    static constexpr int kMemberLimit = 200;
    /// Member sample ids of the group in row, at most kMemberLimit: those fetched (fetchMore),
    /// else read now without adding rows (a view may ask while a proxy removes rows).
    [[nodiscard]] QList<qint64> members(int row) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    /// A group has no rows until its members are fetched (fetchMore, or expanding it in a
    /// tree): at a million samples a project has ~10,000 groups, and a tree asks every one
    /// whether it has children as it lays them out.
    int rowCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    ProjectStore& m_store;
    ReviewStore& m_review;
    QList<SkeletonGroupInfo> m_groups;
    qint64 m_realTotal = 0; // samples of each role in the project
    qint64 m_syntheticTotal = 0;
    QList<bool> m_shortReply; // per group
    int m_shortReplies = 0;
    QHash<int, QList<qint64>> m_members; ///< fetched members by group row
    mutable QHash<qint64, QString> m_previews;
};

/// How many times more of the synthetic side than of the real side a group holds:
/// ((synthetic + ½) / (syntheticTotal + 1)) / ((real + ½) / (realTotal + 1)), the ratio of the
/// two coverages with half a sample added to each count (Jeffreys' prior), so a group without a
/// real member gets a finite lift that grows with its size. 1: as common on both sides; > 1:
/// leans synthetic. Counts ≥ 0, totals ≥ the counts; NaN when a total is negative.
double liftOverReal(qint64 real, qint64 synthetic, qint64 realTotal, qint64 syntheticTotal);

/// Recurring openings or closings: text, count real, count synthetic.
class AffixModel : public ColumnTableModel<AffixRow> {
    Q_OBJECT
public:
    enum Column { Text, Real, Synthetic };
    explicit AffixModel(QObject* parent = nullptr);
};

/// Recurring templates: skeleton 6-gram, real samples, synthetic samples, log-odds z.
class RecurringTemplateModel : public ColumnTableModel<TemplateRow> {
    Q_OBJECT
public:
    enum Column { Pattern, Real, Synthetic, ZScore };
    explicit RecurringTemplateModel(QObject* parent = nullptr);
};

/// The recurring templates (of templates, in their order) that text contains: its skeleton's
/// 6-token windows, written as skeletonString() writes them, compared with each pattern.
/// Cost: one skeleton of text (linear in its length).
QList<TemplateRow> templatesInText(const QString& text, const QList<TemplateRow>& templates);

/// HTML of text with its content highlighted and its structure plain: the tokens a skeleton
/// masks (analysis::skeletonSpans: words, names, numbers, URLs, handles) on an orange ground,
/// what it keeps (function words, punctuation, markup) as written. Every token inside a
/// skeleton window written as one of patterns (skeletonString() of TemplateParams::
/// patternLength tokens, as the recurring templates are) is also bold and underlined: the
/// template's span in context. Line breaks become <br>; the text is HTML-escaped.
QString skeletonHighlightHtml(const QString& text, const QStringList& patterns = {});

} // namespace synthscope::model
