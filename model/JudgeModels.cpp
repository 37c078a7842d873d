#include "model/JudgeModels.h"

#include "analysis/MetricKeys.h"

#include <QColor>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace synthscope::model {

namespace key = analysis::key;

QList<JudgeRow> judgeRows(const StoredAnalysis& analysis) {
    QList<JudgeRow> rows;
    for (const CorpusMetrics& c : analysis.corpora) {
        if (!c.judge)
            continue;
        const auto value = [&c](const char* k) {
            return c.values.value(QString::fromLatin1(k), std::numeric_limits<double>::quiet_NaN());
        };
        JudgeRow r;
        r.corpusId = c.corpusId;
        r.name = c.name;
        r.judged = c.judge->judged;
        r.winRate = value(key::kJudgeWinRate);
        r.lengthControlledWinRate = value(key::kJudgeLengthControlledWinRate);
        r.longerWins = value(key::kJudgeLongerWins);
        r.lengthPreference = value(key::kJudgeLengthPreference);
        r.meanLengthFirst = value(key::kJudgeMeanLengthFirst);
        r.meanLengthSecond = value(key::kJudgeMeanLengthSecond);
        r.lengthDifferenceSd = value(key::kJudgeLengthDifferenceSd);
        r.keptDistinct2 = value(key::kJudgeKeptDistinct2);
        r.offeredDistinct2 = value(key::kJudgeOfferedDistinct2);
        r.summary = *c.judge;
        rows.append(r);
    }
    return rows;
}

namespace {

// A standard error in percentage points; "not measured" when it is not finite.
QVariant pointsError(double se) {
    return std::isfinite(se)
               ? QVariant(
                     JudgeTableModel::tr("± %1 points (standard error)").arg(100.0 * se, 0, 'f', 1))
               : QVariant(JudgeTableModel::tr("standard error not measured"));
}

// A share as a percentage with one decimal; "–" when not measured.
QVariant percentCell(double v) {
    return std::isfinite(v) ? QVariant(u"%1 %"_s.arg(100.0 * v, 0, 'f', 1)) : QVariant(u"–"_s);
}

QVariant sortNumber(double v) {
    return std::isfinite(v) ? QVariant(v) : QVariant(-1.0);
}

} // namespace

JudgeTableModel::JudgeTableModel(QObject* parent)
    : ColumnTableModel(parent) {
    using C = TableColumn<JudgeRow>;
    setColumns({
        C{.header = tr("Corpus"), .display = [](const JudgeRow& r) -> QVariant { return r.name; }},
        C{.header = tr("Pairs"),
          .headerToolTip = tr("Preference pairs with a verdict (ties included)"),
          .display = [](const JudgeRow& r) -> QVariant { return r.judged; },
          .toolTip = [](const JudgeRow& r) -> QVariant {
              return tr("%1 judged pairs, %2 ties").arg(r.judged).arg(r.summary.ties);
          },
          .numeric = true},
        C{.header = tr("Win rate"),
          .headerToolTip = tr("Share of pairs where the judge preferred the second output, ties "
                              "counting half (AlpacaEval's win rate)"),
          .display = [](const JudgeRow& r) -> QVariant { return percentCell(r.winRate); },
          .sort = [](const JudgeRow& r) -> QVariant { return sortNumber(r.winRate); },
          .toolTip = [](const JudgeRow& r) -> QVariant {
              return pointsError(r.summary.winRateStdError);
          },
          .numeric = true},
        C{.header = tr("Length-controlled"),
          .headerToolTip = tr("The win rate had both outputs had the same length: a logistic "
                              "model of the verdicts on their length difference (Dubois et al. "
                              "2024)"),
          .display = [](const JudgeRow& r) -> QVariant {
              return percentCell(r.lengthControlledWinRate);
          },
          .sort = [](const JudgeRow& r) -> QVariant {
              return sortNumber(r.lengthControlledWinRate);
          },
          .toolTip = [](const JudgeRow& r) -> QVariant {
              return pointsError(r.summary.lengthControlledStdError);
          },
          .numeric = true},
        C{.header = tr("Longer wins"),
          .headerToolTip = tr("Among decisive pairs of different lengths, the share the longer "
                              "output won (raw: quality that comes with length counts too)"),
          .display = [](const JudgeRow& r) -> QVariant { return percentCell(r.longerWins); },
          .sort = [](const JudgeRow& r) -> QVariant { return sortNumber(r.longerWins); },
          .numeric = true},
        C{.header = tr("Length preference"),
          .headerToolTip = tr("How often the judge prefers the output 100 tokens longer when "
                              "both are of equal quality. 50 %: length does not sway it; the "
                              "default red line warns above 70 %."),
          .display = [](const JudgeRow& r) -> QVariant { return percentCell(r.lengthPreference); },
          .sort = [](const JudgeRow& r) -> QVariant { return sortNumber(r.lengthPreference); },
          .style = [](const JudgeRow& r, int role) -> QVariant {
              if (role == Qt::ForegroundRole && r.lengthPreference > kLengthBiasLine)
                  return QColor(0xb0, 0x00, 0x20);
              return {};
          },
          .numeric = true},
        C{.header = tr("Tokens 1st → 2nd"),
          .headerToolTip = tr("Mean tokens of the first → second outputs"),
          .display = [](const JudgeRow& r) -> QVariant {
              if (!std::isfinite(r.meanLengthFirst) || !std::isfinite(r.meanLengthSecond))
                  return u"–"_s;
              return u"%1 → %2"_s.arg(r.meanLengthFirst, 0, 'f', 0)
                  .arg(r.meanLengthSecond, 0, 'f', 0);
          },
          .sort = [](const JudgeRow& r) -> QVariant {
              return sortNumber(r.meanLengthSecond - r.meanLengthFirst);
          },
          .numeric = true},
        C{.header = tr("Kept / offered"),
          .headerToolTip = tr("Distinct bigrams of the preferred outputs against both outputs, "
                              "on the same token budget: below 1, the judge narrows the data"),
          .display = [](const JudgeRow& r) -> QVariant {
              if (!std::isfinite(r.keptDistinct2) || !std::isfinite(r.offeredDistinct2) ||
                  r.offeredDistinct2 <= 0)
                  return u"–"_s;
              return QString::number(r.keptDistinct2 / r.offeredDistinct2, 'f', 3);
          },
          .sort = [](const JudgeRow& r) -> QVariant {
              return r.offeredDistinct2 > 0 ? sortNumber(r.keptDistinct2 / r.offeredDistinct2)
                                            : QVariant(-1.0);
          },
          .numeric = true},
    });
}

QVariant JudgeTableModel::rowData(const JudgeRow& row, int role) const {
    return role == CorpusIdRole ? QVariant(row.corpusId) : QVariant();
}

} // namespace synthscope::model
