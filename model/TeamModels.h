#pragma once

#include "model/ColumnTableModel.h"
#include "model/TeamReview.h"

namespace synthscope::model {

/// Landis & Koch (1977) reading of a κ or α value: "poor" (< 0), "slight" (≤ 0.20), "fair"
/// (≤ 0.40), "moderate" (≤ 0.60), "substantial" (≤ 0.80), "almost perfect"; "undefined" for NaN.
QString agreementReading(double value);

/// Reviewer agreement per tag (reviewerAgreement()).
class AgreementModel : public ColumnTableModel<AgreementRow> {
    Q_OBJECT
public:
    enum Column { Item, Reviewers, Shared, Observed, Kappa, Alpha, Reading };
    explicit AgreementModel(QObject* parent = nullptr);

protected:
    QVariant rowData(const AgreementRow& row, int role) const override;
};

/// Tag rates as a heat map: one row per value of the dimension, a "Reviewed" column, then one
/// column per tag showing the share of reviewed samples with the tag (background: deeper red
/// for a higher rate). RateRole gives the share in [0, 1] (NaN with nothing reviewed).
class TagRateModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int RateRole = Qt::UserRole + 1;
    using QAbstractTableModel::QAbstractTableModel;
    void setTable(TagRateTable table);
    [[nodiscard]] const TagRateTable& table() const { return m_table; }
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    TagRateTable m_table;
};

/// A note in a list: search hits or similarity groups.
struct NoteRow {
    int group = -1; ///< 0-based similarity group, -1 for a search hit
    int groupSize = 0;
    NoteHit note;
};

class NotesModel : public ColumnTableModel<NoteRow> {
    Q_OBJECT
public:
    static constexpr int SampleIdRole = Qt::UserRole + 1;
    enum Column { Group, Reviewer, Sample, Note };
    explicit NotesModel(QObject* parent = nullptr);
    void setGroups(const QList<NoteGroup>& groups);
    void setHits(const QList<NoteHit>& hits);

protected:
    QVariant rowData(const NoteRow& row, int role) const override;
};

/// Samples ranked by a concept: rank, P(tag), preview.
struct ConceptRow {
    qint64 sampleId = 0;
    double score = 0;
    QString preview;
};

class ConceptModel : public ColumnTableModel<ConceptRow> {
    Q_OBJECT
public:
    static constexpr int SampleIdRole = Qt::UserRole + 1;
    enum Column { Sample, Score, Preview };
    explicit ConceptModel(QObject* parent = nullptr);

protected:
    QVariant rowData(const ConceptRow& row, int role) const override;
};

} // namespace synthscope::model
