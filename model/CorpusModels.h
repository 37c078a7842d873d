#pragma once

#include "model/ColumnTableModel.h"
#include "model/ProjectStore.h"

namespace synthscope::model {

/// Corpora of the project: name, role, samples, rejected rows, format, provenance.
class CorporaModel : public ColumnTableModel<CorpusInfo> {
    Q_OBJECT
public:
    enum Column { Name, RoleColumn, Samples, Rejected, Format, Provenance, ColumnCount };
    static constexpr int CorpusIdRole = Qt::UserRole + 1;

    explicit CorporaModel(QObject* parent = nullptr);
    void setCorpora(QList<CorpusInfo> corpora) { setRows(std::move(corpora)); }
    [[nodiscard]] const QList<CorpusInfo>& corpora() const { return rows(); }
    /// "a uniform sample of 500 of 9,514 records (reservoir sampling, seed 7)", as shown in
    /// the Provenance column of a sampled corpus.
    static QString samplingText(const CorpusInfo::Sampling& sampling);

protected:
    QVariant rowData(const CorpusInfo& row, int role) const override;
};

/// Rejected rows: file, line, reason.
class RejectsModel : public ColumnTableModel<RejectedRow> {
    Q_OBJECT
public:
    enum Column { File, Line, Reason, ColumnCount };
    explicit RejectsModel(QObject* parent = nullptr);
    void setRejects(QList<RejectedRow> rows) { setRows(std::move(rows)); }
};

} // namespace synthscope::model
