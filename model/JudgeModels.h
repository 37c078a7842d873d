#pragma once

#include "model/ColumnTableModel.h"
#include "model/ProjectStore.h"

#include <QList>
#include <QString>

#include <limits>

namespace synthscope::model {

/// One corpus of preference pairs as the Judge view lists it: the judge_* metrics of the newest
/// analysis (MetricCatalog's judgeMetrics()) and its JudgeSummary. NaN: not measured.
struct JudgeRow {
    qint64 corpusId = 0;
    QString name;
    qint64 judged = 0;
    double winRate = std::numeric_limits<double>::quiet_NaN();
    double lengthControlledWinRate = std::numeric_limits<double>::quiet_NaN();
    double longerWins = std::numeric_limits<double>::quiet_NaN();
    double lengthPreference = std::numeric_limits<double>::quiet_NaN();
    double meanLengthFirst = std::numeric_limits<double>::quiet_NaN();
    double meanLengthSecond = std::numeric_limits<double>::quiet_NaN();
    double lengthDifferenceSd = std::numeric_limits<double>::quiet_NaN(); ///< tokens
    double keptDistinct2 = std::numeric_limits<double>::quiet_NaN();
    double offeredDistinct2 = std::numeric_limits<double>::quiet_NaN();
    JudgeSummary summary;
};

/// The corpora of analysis that hold preference pairs, in the analysis's order.
QList<JudgeRow> judgeRows(const StoredAnalysis& analysis);

/// Per corpus of preference pairs: pairs, win rate, length-controlled win rate (each with its
/// standard error in the tooltip), longer-wins share, judge length preference, mean lengths and
/// the diversity of what was kept against what was offered.
class JudgeTableModel : public ColumnTableModel<JudgeRow> {
    Q_OBJECT
public:
    enum Column {
        Corpus,
        Pairs,
        WinRate,
        LengthControlled,
        LongerWins,
        LengthPreference,
        Lengths,
        KeptDiversity
    };
    static constexpr int CorpusIdRole = Qt::UserRole + 1;
    /// The length preference above which the view marks a row (the default red line's).
    static constexpr double kLengthBiasLine = 0.7;

    explicit JudgeTableModel(QObject* parent = nullptr);

protected:
    QVariant rowData(const JudgeRow& row, int role) const override;
};

} // namespace synthscope::model
