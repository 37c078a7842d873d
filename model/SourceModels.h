#pragma once

#include "model/ColumnTableModel.h"
#include "model/Sources.h"

namespace synthscope::model {

/// One row of SourceConcentrationModel: a dimension over all rounds, or within one round.
struct SourceConcentrationRow {
    Dimension dimension = Dimension::Generator;
    SourceShare share;
};

/// The concentration of the synthetic side on its generators, template versions and judge
/// versions (sourceConcentration()): per dimension a row for all rounds, then one per
/// round. Columns: dimension, round, samples, sources, largest source, its share, evenness.
/// A largest share above 0.9 is bold (where the default red line trips).
class SourceConcentrationModel : public ColumnTableModel<SourceConcentrationRow> {
    Q_OBJECT
public:
    enum Column { DimensionColumn, Round, Samples, Sources, Largest, LargestShare, Evenness };
    explicit SourceConcentrationModel(QObject* parent = nullptr);
    /// Flattens the stored concentration into rows.
    void setSources(const QList<DimensionSources>& sources);

protected:
    QVariant rowData(const SourceConcentrationRow& row, int role) const override;
};

/// How much of each source's synthetic output people have read (sourceReviewRows(), set with
/// setRows: the gate's verdict carries them).
/// Columns: dimension, source, first round, samples, reviewed, by two reviewers, reviewed
/// share. The newest source of a dimension is bold.
class SourceReviewModel : public ColumnTableModel<SourceReviewRow> {
    Q_OBJECT
public:
    enum Column { DimensionColumn, Source, FirstRound, Samples, Reviewed, ReviewedTwice, Share };
    explicit SourceReviewModel(QObject* parent = nullptr);

protected:
    QVariant rowData(const SourceReviewRow& row, int role) const override;
};

} // namespace synthscope::model
