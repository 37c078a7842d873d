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

namespace {

double headlineAgreement(const AgreementRow& r) {
    return std::isnan(r.kappa) ? r.alpha : r.kappa;
}

} // namespace

AgreementModel::AgreementModel(QObject* parent)
    : ColumnTableModel(parent) {
    using C = TableColumn<AgreementRow>;
    setColumns({
        C{.header = tr("Tag"), .display = [](const AgreementRow& r) -> QVariant { return r.item; }},
        C{.header = tr("Reviewers"),
          .display = [](const AgreementRow& r) -> QVariant { return r.reviewers; },
          .numeric = true},
        C{.header = tr("Shared samples"),
          .display = [](const AgreementRow& r) -> QVariant { return r.sharedSamples; },
          .numeric = true},
        C{.header = tr("Observed agreement"),
          .display = [](const AgreementRow& r) -> QVariant {
              return r.sharedSamples > 0 ? QString(number(100.0 * r.observed, 1) + u" %"_s)
                                         : u"–"_s;
          },
          .sort = [](const AgreementRow& r) -> QVariant { return r.observed; },
          .numeric = true},
        C{.header = tr("Cohen's κ (2 reviewers)"),
          .display = [](const AgreementRow& r) -> QVariant { return number(r.kappa); },
          .sort = [](const AgreementRow& r) -> QVariant { return r.kappa; },
          .numeric = true},
        C{.header = tr("Krippendorff's α"),
          .display = [](const AgreementRow& r) -> QVariant { return number(r.alpha); },
          .sort = [](const AgreementRow& r) -> QVariant { return r.alpha; },
          .numeric = true},
        C{.header = tr("Reading (Landis & Koch)"),
          .display = [](const AgreementRow& r) -> QVariant {
              return agreementReading(headlineAgreement(r));
          },
          .sort = [](const AgreementRow& r) -> QVariant { return headlineAgreement(r); },
          .style = [](const AgreementRow& r, int role) -> QVariant {
              const double headline = headlineAgreement(r);
              if (role != Qt::BackgroundRole || std::isnan(headline))
                  return {};
              return headline > 0.6   ? QColor(0xd8, 0xf0, 0xd8)
                     : headline > 0.4 ? QColor(0xff, 0xe9, 0xb0)
                                      : QColor(0xf6, 0xc6, 0xc6);
          }},
    });
}

QVariant AgreementModel::rowData(const AgreementRow& r, int role) const {
    if (role == Qt::ToolTipRole)
        return tr("Agreement on “%1” over %2 samples answered by two or more reviewers.")
            .arg(r.item)
            .arg(r.sharedSamples);
    return {};
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

NotesModel::NotesModel(QObject* parent)
    : ColumnTableModel(parent) {
    using C = TableColumn<NoteRow>;
    setColumns({
        C{.header = tr("Group"),
          .display = [](const NoteRow& r) -> QVariant {
              return r.group < 0 ? tr("match")
                     : r.groupSize == 1
                         ? tr("single")
                         : tr("group %1 (%2 notes)").arg(r.group + 1).arg(r.groupSize);
          },
          .sort = [](const NoteRow& r) -> QVariant { return r.group; }},
        C{.header = tr("Reviewer"),
          .display = [](const NoteRow& r) -> QVariant { return r.note.reviewer; }},
        C{.header = tr("Sample"),
          .display = [](const NoteRow& r) -> QVariant { return u"#%1"_s.arg(r.note.sampleId); },
          .sort = [](const NoteRow& r) -> QVariant { return r.note.sampleId; }},
        C{.header = tr("Note"),
          .display = [](const NoteRow& r) -> QVariant {
              return r.note.snippet.isEmpty() ? r.note.note : r.note.snippet;
          }},
    });
}

QVariant NotesModel::rowData(const NoteRow& r, int role) const {
    switch (role) {
    case SampleIdRole:
        return r.note.sampleId;
    case Qt::ToolTipRole:
        return r.note.note;
    case Qt::BackgroundRole: // alternate shading by group
        return r.group >= 0 && r.groupSize > 1 && r.group % 2 == 0
                   ? QVariant(QColor(0xf1, 0xf4, 0xfa))
                   : QVariant();
    default:
        return {};
    }
}

ConceptModel::ConceptModel(QObject* parent)
    : ColumnTableModel(parent) {
    using C = TableColumn<ConceptRow>;
    setColumns({
        C{.header = tr("Sample"),
          .display = [](const ConceptRow& r) -> QVariant { return u"#%1"_s.arg(r.sampleId); },
          .sort = [](const ConceptRow& r) -> QVariant { return r.sampleId; }},
        C{.header = tr("P(tag)"),
          .display = [](const ConceptRow& r) -> QVariant {
              return QString::number(r.score, 'f', 3);
          },
          .sort = [](const ConceptRow& r) -> QVariant { return r.score; },
          .numeric = true},
        C{.header = tr("Text"),
          .display = [](const ConceptRow& r) -> QVariant { return r.preview; }},
    });
}

QVariant ConceptModel::rowData(const ConceptRow& r, int role) const {
    return role == SampleIdRole ? QVariant(r.sampleId) : QVariant();
}

} // namespace synthscope::model
