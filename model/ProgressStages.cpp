// The stages a job reports (analysis::Progress::report(fraction, "stage") in analysis/ and
// model/), listed for lupdate: analysis/ has no Qt, so its stage names are plain literals.
// progressStageText() shows them translated in the job status. The ctest
// Translations.ProgressStages fails when a stage reported in the sources is missing here.
#include "model/JobRunner.h"

#include <QCoreApplication>

namespace synthscope::model {

namespace {

[[maybe_unused]] constexpr const char* kStages[] = {
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "assigning"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "building the report"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "clusters"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "comparing"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "comparing with the stored embeddings"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "compression"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "detectability"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "diversity"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "done"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "each corpus vs real"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "embedding"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "embedding (retrying)"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "exporting"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "fitting the embedding"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "HNSW index"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "imported"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "importing"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "indexing for search"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "judging the red lines"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "k-means"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "k-means++"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "kNN graph"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "language model"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "length-matched baselines"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "loading"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "loading embeddings"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "loading the map"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "LSH"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "LSH buckets"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "MAUVE"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "MinHash"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "mini-batch k-means"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "moulds"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "neighbour layout"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "neighbours"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "perplexity"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "profiling"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "ranking unreviewed samples"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "reading coordinates"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "reading the sources' reviews"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "reading embeddings"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "saving"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "saving embeddings"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "self-BLEU"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "shingles"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "skeleton groups"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "skeletons"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "star clustering"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "SVD"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "template measures"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "TF-IDF"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "tokenizing"),
    QT_TRANSLATE_NOOP("synthscope::analysis::Progress", "writing HTML and PDF"),
};

} // namespace

QString progressStageText(std::string_view stage) {
    const QByteArray utf8(stage.data(), static_cast<qsizetype>(stage.size()));
    // A stage not listed (a translated text passed through, e.g. by a corpus removal) comes
    // back as it is.
    return QCoreApplication::translate("synthscope::analysis::Progress", utf8.constData());
}

} // namespace synthscope::model
