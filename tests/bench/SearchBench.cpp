// synthscope-search-bench: times the sample table's searches and filters (what a keystroke
// in the Samples view waits for on its worker thread: the matching ids in order, then the
// first page of rows). Run on demand (not part of the test suite):
//
//   synthscope-search-bench PROJECT
//   synthscope-search-bench --build PROJECT [--rows N] [--analyze] ROLE:FILE:TEXT ...
//
// The second form first builds PROJECT (which must not exist) from real corpora, replicated
// with light perturbation to N rows as synthscope-bench does, imported through the importer
// (so the full-text index is built as in the application) and, with --analyze, analysed (the
// per-sample scores the score filters read). Prints the import and analysis times, then per
// query the median and worst of 5 runs in milliseconds and the number of matches.
#include "BenchCorpora.h"

#include "analysis/Blas.h"
#include "model/Analyzer.h"
#include "model/Importer.h"
#include "model/ReviewStore.h"
#include "model/SampleSearch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

using namespace synthscope;
using namespace synthscope::model;

namespace {

constexpr int kRuns = 5;

int usage() {
    std::fprintf(stderr, "usage: synthscope-search-bench PROJECT\n"
                         "       synthscope-search-bench --build PROJECT [--rows N] [--analyze] "
                         "ROLE:FILE:TEXT ...\n");
    return 2;
}

bool build(const QString& path, std::vector<bench::Corpus> corpora, std::size_t rows,
           bool analyze) {
    bench::replicate(corpora, rows, 1);
    std::shared_ptr<Project> project;
    if (Status s = Project::open(path, Project::OpenMode::CreateIfMissing, &project); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error()));
        return false;
    }
    QTemporaryDir dir;
    QElapsedTimer timer;
    double importSeconds = 0.0;
    std::size_t total = 0;
    for (std::size_t i = 0; i < corpora.size(); ++i) {
        const QString file = dir.filePath(QStringLiteral("corpus-%1.jsonl").arg(i));
        {
            QFile out(file);
            if (!out.open(QIODevice::WriteOnly))
                return false;
            for (const std::string& text : corpora[i].texts) {
                const std::string line = nlohmann::json{{"text", text}}.dump() + "\n";
                out.write(line.data(), static_cast<qint64>(line.size()));
            }
        }
        ImportSpec spec;
        spec.corpusName = QStringLiteral("corpus-%1").arg(i);
        spec.role = corpora[i].synthetic ? Role::Synthetic : Role::Real;
        spec.files = {file};
        spec.mapping.textField = "text";
        ImportReport report;
        timer.start();
        if (Status s = importCorpus(*project, spec, {}, &report); !s) {
            std::fprintf(stderr, "import: %s\n", qPrintable(s.error()));
            return false;
        }
        importSeconds += static_cast<double>(timer.elapsed()) / 1000.0;
        total += corpora[i].texts.size();
    }
    std::printf("import %zu rows (with the full-text index): %.1f s, %.0f rows/s\n", total,
                importSeconds, static_cast<double>(total) / importSeconds);
    if (analyze) {
        timer.start();
        qint64 run = 0;
        if (Status s = runAnalysis(*project, {}, {}, &run); !s) {
            std::fprintf(stderr, "analysis: %s\n", qPrintable(s.error()));
            return false;
        }
        std::printf("analysis: %.1f s\n", static_cast<double>(timer.elapsed()) / 1000.0);
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    synthscope::analysis::runBlasOnCallingThread(); // the analyses bring their own threads
    QCoreApplication app(argc, argv);
    QString path;
    bool building = false;
    bool analyze = false;
    std::size_t rows = 0;
    std::vector<bench::Corpus> corpora;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--build" && i + 1 < argc) {
            building = true;
            path = QString::fromLocal8Bit(argv[++i]);
        } else if (arg == "--rows" && i + 1 < argc) {
            rows = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--analyze") {
            analyze = true;
        } else if (building) {
            bench::Corpus c;
            if (!bench::load(arg, &c))
                return usage();
            corpora.push_back(std::move(c));
        } else if (path.isEmpty()) {
            path = QString::fromLocal8Bit(argv[i]);
        } else {
            return usage();
        }
    }
    if (path.isEmpty() || (building && corpora.empty()))
        return usage();
    if (building && !build(path, std::move(corpora), rows, analyze))
        return 1;

    std::shared_ptr<Project> project;
    if (Status s = Project::open(path, Project::OpenMode::OpenExisting, &project); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error()));
        return 1;
    }
    const ReviewStore review(*project, QStringLiteral("bench"));
    struct Case {
        const char* name;
        std::function<void(SampleQuery&)> set;
    };
    const std::vector<Case> cases = {
        {"every sample, project order", [](SampleQuery&) {}},
        {"search: refund", [](SampleQuery& q) { q.text = QStringLiteral("refund"); }},
        {"search: \"track my order\"",
         [](SampleQuery& q) { q.text = QStringLiteral("\"track my order\""); }},
        {"search: refun* NOT order",
         [](SampleQuery& q) { q.text = QStringLiteral("refun* NOT order"); }},
        {"search: a rare word (delta)", [](SampleQuery& q) { q.text = QStringLiteral("delta"); }},
        {"search + role synthetic",
         [](SampleQuery& q) {
             q.text = QStringLiteral("order");
             q.role = Role::Synthetic;
         }},
        {"role real, sorted by length desc",
         [](SampleQuery& q) {
             q.role = Role::Real;
             q.sortBy = SampleColumn::Length;
             q.descending = true;
         }},
        {"synthetic-likeness >= 0.5, sorted desc",
         [](SampleQuery& q) {
             q.syntheticLikeness.min = 0.5;
             q.sortBy = SampleColumn::SyntheticLikeness;
             q.descending = true;
         }},
        {"every sample sorted by NN other",
         [](SampleQuery& q) {
             q.sortBy = SampleColumn::NnOther;
             q.descending = true;
         }},
        {"search: refund, most synthetic-looking first",
         [](SampleQuery& q) {
             q.text = QStringLiteral("refund");
             q.sortBy = SampleColumn::SyntheticLikeness;
             q.descending = true;
         }},
        {"search: @AmazonHelp (quoted as words)",
         [](SampleQuery& q) { q.text = QStringLiteral("@AmazonHelp"); }},
        {"cluster 1 + search: order",
         [](SampleQuery& q) {
             q.cluster = 0;
             q.text = QStringLiteral("order");
         }},
        {"tagged (first tag), any reviewer",
         [&review](SampleQuery& q) { q.tagId = review.tags().at(0).id; }},
        {"undecided + synthetic",
         [](SampleQuery& q) {
             q.decision = Decision::None;
             q.role = Role::Synthetic;
         }},
    };
    std::printf("%-46s %10s %10s %10s\n", "query (ids + first page of rows)", "median ms",
                "worst ms", "matches");
    for (const Case& c : cases) {
        SampleQuery q;
        c.set(q);
        std::vector<double> ms;
        qsizetype matches = 0;
        for (int run = 0; run < kRuns; ++run) {
            QElapsedTimer timer;
            timer.start();
            QList<qint64> ids;
            QList<SampleRow> page;
            if (Status s = findSamples(*project, q, &ids); !s) {
                std::fprintf(stderr, "%s: %s\n", c.name, qPrintable(s.error()));
                return 1;
            }
            if (Status s = sampleRows(*project, ids.mid(0, 100), q.text, &page); !s) {
                std::fprintf(stderr, "%s: %s\n", c.name, qPrintable(s.error()));
                return 1;
            }
            ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
            matches = ids.size();
        }
        std::sort(ms.begin(), ms.end());
        std::printf("%-46s %10.1f %10.1f %10lld\n", c.name, ms[kRuns / 2], ms.back(),
                    static_cast<long long>(matches));
    }
    return 0;
}
