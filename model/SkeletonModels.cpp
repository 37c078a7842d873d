#include "model/SkeletonModels.h"

#include "analysis/MetricKeys.h"
#include "analysis/Skeleton.h"
#include "analysis/Templates.h"

#include <QColor>
#include <QSet>

#include <algorithm>

#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

SkeletonGroupsModel::SkeletonGroupsModel(ProjectStore& store, ReviewStore& review, QObject* parent)
    : QAbstractItemModel(parent)
    , m_store(store)
    , m_review(review) {}

void SkeletonGroupsModel::reload(const std::optional<StoredAnalysis>& run) {
    beginResetModel();
    m_groups = m_store.skeletonGroups();
    m_realTotal = 0;
    m_syntheticTotal = 0;
    if (run)
        for (const CorpusMetrics& c : run->corpora)
            (c.role == Role::Synthetic ? m_syntheticTotal : m_realTotal) +=
                static_cast<qint64>(c.values.value(QString::fromLatin1(analysis::key::kSamples)));
    m_shortReply.clear();
    m_shortReplies = 0;
    for (const SkeletonGroupInfo& g : m_groups) {
        m_shortReply.append(g.isShortReply());
        m_shortReplies += m_shortReply.back() ? 1 : 0;
    }
    m_members.clear();
    m_previews.clear();
    endResetModel();
}

QList<qint64> SkeletonGroupsModel::members(int row) const {
    if (auto it = m_members.constFind(row); it != m_members.cend())
        return *it;
    return m_store.groupMembers(GroupKind::Skeleton, m_groups.at(row).id, kMemberLimit);
}

bool SkeletonGroupsModel::hasChildren(const QModelIndex& parent) const {
    if (!parent.isValid())
        return !m_groups.isEmpty();
    return parent.internalId() == 0 && parent.column() == 0 && m_groups.at(parent.row()).size > 0;
}

bool SkeletonGroupsModel::canFetchMore(const QModelIndex& parent) const {
    return hasChildren(parent) && parent.isValid() && !m_members.contains(parent.row());
}

void SkeletonGroupsModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent))
        return;
    QList<qint64> fetched = members(parent.row());
    if (fetched.isEmpty()) { // an empty group (its samples removed): fetched, nothing to add
        m_members.insert(parent.row(), {});
        return;
    }
    beginInsertRows(parent, 0, static_cast<int>(fetched.size()) - 1);
    m_members.insert(parent.row(), std::move(fetched));
    endInsertRows();
}

QModelIndex SkeletonGroupsModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column,
                       parent.isValid() ? static_cast<quintptr>(parent.row() + 1) : quintptr(0));
}

QModelIndex SkeletonGroupsModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, quintptr(0));
}

int SkeletonGroupsModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    const auto it = m_members.constFind(parent.row());
    return it == m_members.cend() ? 0 : static_cast<int>(it->size());
}

int SkeletonGroupsModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant SkeletonGroupsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() != 0) { // a member
        const int groupRow = static_cast<int>(index.internalId() - 1);
        const qint64 sample = m_members.constFind(groupRow)->at(index.row()); // rows: fetched
        if (role == ShortReplyRole)
            return m_shortReply.at(groupRow) ? u"1"_s : u"0"_s;
        if (role == SampleIdRole)
            return sample;
        if (role == GroupIdRole)
            return m_groups.at(groupRow).id;
        if ((role == Qt::DisplayRole || role == Qt::ToolTipRole) && index.column() == Pattern) {
            auto it = m_previews.find(sample);
            if (it == m_previews.end())
                it = m_previews.insert(sample, m_review.preview(sample, 200));
            return u"#%1  %2"_s.arg(sample).arg(*it);
        }
        return {};
    }
    const SkeletonGroupInfo& g = m_groups.at(index.row());
    const double share =
        g.size == 0 ? 0.0 : static_cast<double>(g.synthetic) / static_cast<double>(g.size);
    const double coverage = m_syntheticTotal == 0 ? 0.0
                                                  : static_cast<double>(g.synthetic) /
                                                        static_cast<double>(m_syntheticTotal);
    const double lift = liftOverReal(g.real, g.synthetic, m_realTotal, m_syntheticTotal);
    if (role == GroupIdRole)
        return g.id;
    if (role == ShortReplyRole)
        return m_shortReply.at(index.row()) ? u"1"_s : u"0"_s;
    if (role == Qt::ToolTipRole)
        return g.pattern;
    if (role == Qt::ForegroundRole && m_shortReply.at(index.row())) // listed apart when shown
        return QColor(Qt::gray);
    if (role == Qt::TextAlignmentRole && index.column() != Pattern)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole) {
        switch (index.column()) {
        case Pattern:
            return g.pattern;
        case Size:
            return g.size;
        case Real:
            return g.real;
        case Synthetic:
            return g.synthetic;
        case SyntheticShare:
            return share;
        case Coverage:
            return coverage;
        case Lift:
            return lift;
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Pattern:
        return g.pattern;
    case Size:
        return g.size;
    case Real:
        return g.real;
    case Synthetic:
        return g.synthetic;
    case SyntheticShare:
        return u"%1%"_s.arg(qRound(100.0 * share));
    case Coverage:
        return u"%1%"_s.arg(100.0 * coverage, 0, 'f', coverage < 0.01 ? 2 : 1);
    case Lift:
        return std::isfinite(lift) ? u"%1×"_s.arg(lift, 0, 'f', lift < 10.0 ? 2 : 0) : QString();
    default:
        return {};
    }
}

double liftOverReal(qint64 real, qint64 synthetic, qint64 realTotal, qint64 syntheticTotal) {
    if (real < 0 || synthetic < 0 || realTotal < 0 || syntheticTotal < 0)
        return std::numeric_limits<double>::quiet_NaN();
    const double syntheticCoverage =
        (static_cast<double>(synthetic) + 0.5) / (static_cast<double>(syntheticTotal) + 1.0);
    const double realCoverage =
        (static_cast<double>(real) + 0.5) / (static_cast<double>(realTotal) + 1.0);
    return syntheticCoverage / realCoverage;
}

QVariant SkeletonGroupsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    // Short headers leave the pattern column room; the tooltips say what each column is.
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Pattern:
            return tr("The mould's shared structure (\u201c\u2026\u201d where its members "
                      "differ), or a short reply's skeleton; expand a row for its members");
        case Size:
            return tr("Samples in the group");
        case Real:
            return tr("Real samples in the group");
        case Synthetic:
            return tr("Synthetic samples in the group");
        case SyntheticShare:
            return tr("Share of the group's samples that are synthetic");
        case Coverage:
            return tr("Share of all synthetic samples that this group holds");
        case Lift:
            return tr("Lift over real: how many times more of the synthetic side than of the real "
                      "side the group holds (each count plus one half). 1\u00d7: as common in "
                      "real data.");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Pattern:
        return tr("Mould or skeleton");
    case Size:
        return tr("Size");
    case Real:
        return tr("Real");
    case Synthetic:
        return tr("Synth.");
    case SyntheticShare:
        return tr("Synth. %");
    case Coverage:
        return tr("Coverage");
    case Lift:
        return tr("Lift");
    default:
        return {};
    }
}

AffixModel::AffixModel(QObject* parent)
    : ColumnTableModel(parent) {
    using C = TableColumn<AffixRow>;
    setColumns({C{.header = tr("Tokens"),
                  .display = [](const AffixRow& r) -> QVariant { return r.text; },
                  .toolTip = [](const AffixRow& r) -> QVariant { return r.text; }},
                C{.header = tr("Real"),
                  .display = [](const AffixRow& r) -> QVariant { return r.real; },
                  .numeric = true},
                C{.header = tr("Synthetic"),
                  .display = [](const AffixRow& r) -> QVariant { return r.synthetic; },
                  .numeric = true}});
}

RecurringTemplateModel::RecurringTemplateModel(QObject* parent)
    : ColumnTableModel(parent) {
    using C = TableColumn<TemplateRow>;
    setColumns({C{.header = tr("Template (skeleton 6-gram)"),
                  .display = [](const TemplateRow& r) -> QVariant { return r.pattern; },
                  .toolTip = [](const TemplateRow& r) -> QVariant {
                      return tr("%1\n⏎ line break · <LI> list item · <W> word · <NAME> name · "
                                "<NUM> number · <URL> link · <@> handle")
                          .arg(r.pattern);
                  }},
                C{.header = tr("Real"),
                  .display = [](const TemplateRow& r) -> QVariant { return r.real; },
                  .numeric = true},
                C{.header = tr("Synthetic"),
                  .display = [](const TemplateRow& r) -> QVariant { return r.synthetic; },
                  .numeric = true},
                C{.header = tr("z"),
                  .display = [](const TemplateRow& r) -> QVariant {
                      return QString::number(r.zScore, 'f', 1);
                  },
                  .sort = [](const TemplateRow& r) -> QVariant { return r.zScore; },
                  .numeric = true}});
}

QList<TemplateRow> templatesInText(const QString& text, const QList<TemplateRow>& templates) {
    QList<TemplateRow> found;
    if (templates.isEmpty())
        return found;
    const std::vector<std::string> skeleton = analysis::skeletonTokens(text.toStdString());
    const std::size_t length = analysis::TemplateParams{}.patternLength; // as the run counted
    QSet<QString> windows;
    for (std::size_t i = 0; i + length <= skeleton.size(); ++i)
        windows.insert(QString::fromStdString(
            analysis::skeletonString(std::span(skeleton).subspan(i, length))));
    for (const TemplateRow& t : templates)
        if (windows.contains(t.pattern))
            found.append(t);
    return found;
}

QString skeletonHighlightHtml(const QString& text, const QStringList& patterns) {
    const std::string utf8 = text.toStdString();
    const analysis::SkeletonSpans spans = analysis::skeletonSpans(utf8);
    const std::size_t n = spans.tokens.size();
    // Tokens inside a window that is one of the patterns.
    std::vector<bool> inPattern(n, false);
    if (!patterns.isEmpty()) {
        QSet<QString> wanted(patterns.begin(), patterns.end());
        const std::size_t length = analysis::TemplateParams{}.patternLength;
        for (std::size_t i = 0; i + length <= n; ++i)
            if (wanted.contains(QString::fromStdString(
                    analysis::skeletonString(std::span(spans.tokens).subspan(i, length)))))
                std::fill_n(inPattern.begin() + static_cast<std::ptrdiff_t>(i), length, true);
    }
    const auto piece = [&](std::size_t from, std::size_t to) {
        return QString::fromUtf8(utf8.data() + from, static_cast<qsizetype>(to - from))
            .toHtmlEscaped()
            .replace(u'\n', u"<br>"_s);
    };
    QString html;
    std::size_t at = 0;
    for (std::size_t i = 0; i < n; ++i) {
        QString gap = piece(at, spans.begin[i]);
        // A space between two tokens of one pattern belongs to the pattern's mark.
        if (i > 0 && inPattern[i] && inPattern[i - 1] && !gap.isEmpty())
            gap = u"<u>"_s + gap + u"</u>"_s;
        html += gap;
        QString token = piece(spans.begin[i], spans.end[i]);
        if (analysis::isPlaceholder(spans.tokens[i]))
            token = u"<span style=\"background:#ffe2b8;color:#1a1a1a\">"_s + token + u"</span>"_s;
        if (inPattern[i])
            token = u"<b><u>"_s + token + u"</u></b>"_s;
        html += token;
        at = spans.end[i];
    }
    html += piece(at, utf8.size());
    return html;
}

} // namespace synthscope::model
