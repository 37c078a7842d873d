// The words of the built-in red lines (resources/rules/redlines.json: each rule's title,
// dimension and action), listed for lupdate: a rules file is JSON, which lupdate cannot read.
// redLineText() shows them translated; a rule's own words (a user's rules file) stay as
// written. GateTest checks that every built-in rule's words are translated.
#include "model/Gate.h"

#include <QCoreApplication>

namespace synthscope::model {

namespace {

[[maybe_unused]] constexpr const char* kBuiltInWords[] = {
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "Synthetic ratio cap"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "Ratio control"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "infuse real data"),
    QT_TRANSLATE_NOOP(
        "synthscope::model::RedLines",
        "Near-duplicate rate of each synthetic corpus over real text of the same lengths"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "Repetition and similarity"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "revise template"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "Synthetic rows that near-copy a real row"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "Data source"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "roll back"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines",
                      "NN-similarity ratio (cosine ≥ 0.95) of each synthetic corpus over real text "
                      "of the same lengths"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "raise inspection rate"),
    QT_TRANSLATE_NOOP(
        "synthscope::model::RedLines",
        "Skeleton repetition of each synthetic corpus over real text of the same lengths"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines",
                      "Shared 4-grams of each synthetic corpus (self-repetition at equal tokens; "
                      "real tweets ≈ 0.07)"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "JS divergence of word frequencies"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "Sample distribution"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "JS divergence of lengths"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "Detectability ROC-AUC"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines",
                      "MAUVE of each synthetic corpus (shared clusters; real vs real ≈ 0.98)"),
    QT_TRANSLATE_NOOP(
        "synthscope::model::RedLines",
        "Real samples whose 5-NN ball holds a synthetic sample (real vs real ≈ 0.96)"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines",
                      "Label-distribution divergence (majority amplification)"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "freeze template"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines",
                      "Template-feel tag rate among reviewed synthetic samples"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "Manual review"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines",
                      "Perplexity gap, synthetic vs real held-out (|log ratio|)"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "Training metrics"),
    QT_TRANSLATE_NOOP(
        "synthscope::model::RedLines",
        "NN-similarity ratio over real text of the same lengths rising over the last 3 analyses"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines",
                      "One generator writes over 90 % of each of the last 3 rounds"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "diversify teachers"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines",
                      "One template version writes over 90 % of each of the last 3 rounds"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "diversify templates"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines",
                      "One judge version filters over 90 % of each of the last 3 rounds"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "diversify judges"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines",
                      "Reviewed share of the newest generator's samples (at least 1 % and 50)"),
    QT_TRANSLATE_NOOP(
        "synthscope::model::RedLines",
        "Reviewed share of the newest template version's samples (at least 1 % and 50)"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines",
                      "Reviewed share of the newest judge version's samples (at least 1 % and 50)"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines",
                      "Judge length bias: how often the judge prefers the output 100 tokens longer "
                      "at equal quality (0.5: length does not sway it)"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "Judge filtering"),
    QT_TRANSLATE_NOOP("synthscope::model::RedLines", "revise judge rubric"),
};

} // namespace

QString redLineText(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    return QCoreApplication::translate("synthscope::model::RedLines", utf8.constData());
}

} // namespace synthscope::model
