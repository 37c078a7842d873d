#include "model/TeamModels.h"

#include <QColor>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace {
QString number(double v, int decimals = 3) {
    return std::isnan(v) ? u"–"_s : QString::number(v, 'f', decimals);
}
} // namespace

QString agreementReading(double value) {
    if (std::isnan(value))
        return AgreementModel::tr("undefined");
    if (value < 0.0)
        return AgreementModel::tr("poor");
    if (value <= 0.20)
        return AgreementModel::tr("slight");
    if (value <= 0.40)
        return AgreementModel::tr("fair");
    if (value <= 0.60)
        return AgreementModel::tr("moderate");
    if (value <= 0.80)
        return AgreementModel::tr("substantial");
    return AgreementModel::tr("almost perfect");
}

QVariant AgreementModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AgreementRow& r = m_rows.at(index.row());
    const double headline = std::isnan(r.kappa) ? r.alpha : r.kappa;
    if (role == Qt::BackgroundRole && index.column() == Reading && !std::isnan(headline))
        return headline > 0.6   ? QColor(0xd8, 0xf0, 0xd8)
               : headline > 0.4 ? QColor(0xff, 0xe9, 0xb0)
                                : QColor(0xf6, 0xc6, 0xc6);
    if (role == Qt::TextAlignmentRole && index.column() != Item && index.column() != Reading)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole)
        return tr("Agreement on “%1” over %2 samples answered by two or more reviewers.")
            .arg(r.item)
            .arg(r.sharedSamples);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Item:
        return r.item;
    case Reviewers:
        return r.reviewers;
    case Shared:
        return r.sharedSamples;
    case Observed:
        return r.sharedSamples > 0 ? QString(number(100.0 * r.observed, 1) + u" %"_s) : u"–"_s;
    case Kappa:
        return number(r.kappa);
    case Alpha:
        return number(r.alpha);
    case Reading:
        return agreementReading(headline);
    default:
        return {};
    }
}

QVariant AgreementModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Item:
        return tr("Tag");
    case Reviewers:
        return tr("Reviewers");
    case Shared:
        return tr("Shared samples");
    case Observed:
        return tr("Observed agreement");
    case Kappa:
        return tr("Cohen's κ (2 reviewers)");
    case Alpha:
        return tr("Krippendorff's α");
    case Reading:
        return tr("Reading (Landis & Koch)");
    default:
        return {};
    }
}

void TagRateModel::setTable(TagRateTable table) {
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int TagRateModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_table.rows.size());
}

int TagRateModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_table.tags.size()) + 2;
}

QVariant TagRateModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TagRateTable::Row& r = m_table.rows.at(index.row());
    const int tag = index.column() - 2;
    const double rate = tag >= 0 && r.reviewed > 0
                            ? static_cast<double>(r.tagged.at(tag)) / r.reviewed
                            : std::nan("");
    if (role == RateRole)
        return tag >= 0 ? QVariant(rate) : QVariant();
    if (role == Qt::TextAlignmentRole && index.column() > 0)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole && tag >= 0 && !std::isnan(rate)) {
        // White → red as the rate rises (a colour-blind-safe single-hue scale).
        const double t = std::clamp(rate, 0.0, 1.0);
        return QColor::fromRgbF(1.0F, static_cast<float>(1.0 - 0.62 * t),
                                static_cast<float>(1.0 - 0.70 * t));
    }
    if (role == Qt::ToolTipRole && tag >= 0)
        return tr("%1 of %2 reviewed samples in %3 carry “%4”.")
            .arg(r.tagged.at(tag))
            .arg(r.reviewed)
            .arg(r.value, m_table.tags.at(tag).name);
    if (role != Qt::DisplayRole)
        return {};
    if (index.column() == 0)
        return r.value;
    if (index.column() == 1)
        return r.reviewed;
    return std::isnan(rate) ? u"–"_s
                            : u"%1 % (%2)"_s.arg(100.0 * rate, 0, 'f', 0).arg(r.tagged.at(tag));
}

QVariant TagRateModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == 0)
        return dimensionTitle(m_table.dimension);
    if (section == 1)
        return tr("Reviewed");
    return section - 2 < m_table.tags.size() ? m_table.tags.at(section - 2).name : QString();
}

void NotesModel::setGroups(const QList<NoteGroup>& groups) {
    QList<NoteRow> rows;
    for (int g = 0; g < groups.size(); ++g)
        for (const NoteHit& n : groups[g].notes)
            rows.append({g, static_cast<int>(groups[g].notes.size()), n});
    setRows(std::move(rows));
}

void NotesModel::setHits(const QList<NoteHit>& hits) {
    QList<NoteRow> rows;
    for (const NoteHit& n : hits)
        rows.append({-1, 0, n});
    setRows(std::move(rows));
}

QVariant NotesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NoteRow& r = m_rows.at(index.row());
    if (role == SampleIdRole)
        return r.note.sampleId;
    if (role == Qt::ToolTipRole)
        return r.note.note;
    if (role == Qt::BackgroundRole && r.group >= 0 && r.groupSize > 1 && r.group % 2 == 0)
        return QColor(0xf1, 0xf4, 0xfa); // alternate shading by group
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Group:
        return r.group < 0        ? tr("match")
               : r.groupSize == 1 ? tr("single")
                                  : tr("group %1 (%2 notes)").arg(r.group + 1).arg(r.groupSize);
    case Reviewer:
        return r.note.reviewer;
    case Sample:
        return u"#%1"_s.arg(r.note.sampleId);
    case Note:
        return r.note.snippet.isEmpty() ? r.note.note : r.note.snippet;
    default:
        return {};
    }
}

QVariant NotesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Group:
        return tr("Group");
    case Reviewer:
        return tr("Reviewer");
    case Sample:
        return tr("Sample");
    case Note:
        return tr("Note");
    default:
        return {};
    }
}

QVariant ConceptModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConceptRow& r = m_rows.at(index.row());
    if (role == SampleIdRole)
        return r.sampleId;
    if (role == Qt::TextAlignmentRole && index.column() == Score)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Sample:
        return u"#%1"_s.arg(r.sampleId);
    case Score:
        return QString::number(r.score, 'f', 3);
    case Preview:
        return r.preview;
    default:
        return {};
    }
}

QVariant ConceptModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Sample:
        return tr("Sample");
    case Score:
        return tr("P(tag)");
    case Preview:
        return tr("Text");
    default:
        return {};
    }
}

} // namespace synthscope::model
