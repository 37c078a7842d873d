#include "TestSupport.h"

#include "model/RecordPipe.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace synthscope;
using namespace synthscope::model;

namespace {

// n JSON Lines records {"text": "PREFIXi"}, i from 1, each padded to at least `pad` bytes.
QByteArray lines(const std::string& prefix, int n, std::size_t pad = 0) {
    std::string out;
    for (int i = 1; i <= n; ++i) {
        std::string text = prefix + std::to_string(i);
        if (text.size() < pad)
            text += std::string(pad - text.size(), 'x');
        out += "{\"text\": \"" + text + "\"}\n";
    }
    return QByteArray::fromStdString(out);
}

struct Drained {
    std::vector<RecordPipe::Batch> batches;
    std::vector<std::pair<std::size_t, std::string>> texts; // (file, text) in order
};

Drained drain(RecordPipe& pipe) {
    Drained out;
    RecordPipe::Batch batch;
    while (pipe.pop(&batch)) {
        for (const RawRecord& r : batch.records)
            out.texts.emplace_back(batch.file, r.fields.value("text", std::string()));
        RecordPipe::Batch kept = batch;
        out.batches.push_back(std::move(kept));
    }
    return out;
}

} // namespace

// Every record once, in file order; a batch closes at kBatchRecords records; each file (an
// empty one too) ends with one endOfFile batch that carries its size.
TEST(RecordPipe, BatchesKeepFileOrderAndEndEachFile) {
    QTemporaryDir dir;
    const std::vector<std::string> files = {
        test::writeFile(dir, QStringLiteral("a.jsonl"), lines("a", 1300)).toStdString(),
        test::writeFile(dir, QStringLiteral("empty.jsonl"), "").toStdString(),
        test::writeFile(dir, QStringLiteral("b.jsonl"), lines("b", 5)).toStdString()};
    RecordPipe pipe(files, InputFormat::Auto, 1 << 20);
    const Drained d = drain(pipe);
    ASSERT_EQ(d.texts.size(), 1305u);
    for (int i = 0; i < 1300; ++i)
        ASSERT_EQ(d.texts[i], std::make_pair(std::size_t{0}, "a" + std::to_string(i + 1)));
    for (int i = 0; i < 5; ++i)
        ASSERT_EQ(d.texts[1300 + i], std::make_pair(std::size_t{2}, "b" + std::to_string(i + 1)));
    // a: 512 + 512 + 276 (the last one ends the file); empty: one empty batch; b: one of 5.
    ASSERT_EQ(d.batches.size(), 5u);
    const std::vector<std::size_t> sizes = {512, 512, 276, 0, 5};
    const std::vector<std::size_t> fileOf = {0, 0, 0, 1, 2};
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        EXPECT_EQ(d.batches[i].records.size(), sizes[i]) << "batch " << i;
        EXPECT_EQ(d.batches[i].file, fileOf[i]) << "batch " << i;
        EXPECT_EQ(d.batches[i].endOfFile, i >= 2) << "batch " << i;
        EXPECT_TRUE(d.batches[i].error.empty());
    }
    EXPECT_EQ(d.batches[2].fileSize, static_cast<std::uint64_t>(lines("a", 1300).size()));
    EXPECT_EQ(d.batches[2].bytesRead, d.batches[2].fileSize);
    EXPECT_LT(d.batches[0].bytesRead, d.batches[1].bytesRead);
    EXPECT_EQ(d.batches[3].fileSize, 0u);
}

// Large records close a batch by bytes: records of 1.5 MiB come three to a batch (4.5 MiB
// passes the 4 MiB), so memory follows the bytes, not only the count.
TEST(RecordPipe, LargeRecordsCloseABatchByBytes) {
    QTemporaryDir dir;
    const std::size_t big = std::size_t{3} << 19; // 1.5 MiB
    const std::vector<std::string> files = {
        test::writeFile(dir, QStringLiteral("big.jsonl"), lines("r", 7, big)).toStdString()};
    RecordPipe pipe(files, InputFormat::Auto, std::size_t{2} << 20);
    const Drained d = drain(pipe);
    ASSERT_EQ(d.texts.size(), 7u);
    ASSERT_EQ(d.batches.size(), 3u);
    EXPECT_EQ(d.batches[0].records.size(), 3u);
    EXPECT_EQ(d.batches[1].records.size(), 3u);
    EXPECT_EQ(d.batches[2].records.size(), 1u);
    EXPECT_GE(d.batches[0].bytes, RecordPipe::kBatchBytes);
    EXPECT_LT(d.batches[0].bytes - d.batches[0].records.back().original.size(),
              RecordPipe::kBatchBytes);
}

// A file that cannot be opened after others ends the stream with its open error (the path in
// it), after the batches before it; a file whose header cannot be read, with the bare reason.
TEST(RecordPipe, OpenAndReadFailuresEndTheStreamAfterTheBatchesBefore) {
    QTemporaryDir dir;
    const std::string good =
        test::writeFile(dir, QStringLiteral("a.jsonl"), lines("a", 600)).toStdString();
    const std::string missing = dir.filePath(QStringLiteral("missing.jsonl")).toStdString();
    const std::string badCsv =
        test::writeFile(dir, QStringLiteral("bad.csv"), "\"text\nx\n").toStdString();
    {
        RecordPipe pipe({good, missing, good}, InputFormat::Auto, 1 << 20);
        const Drained d = drain(pipe);
        ASSERT_EQ(d.batches.size(), 3u);
        EXPECT_EQ(d.texts.size(), 600u);
        EXPECT_EQ(d.batches[2].file, 1u);
        EXPECT_TRUE(d.batches[2].openFailed);
        EXPECT_NE(d.batches[2].error.find(missing), std::string::npos) << d.batches[2].error;
    }
    {
        RecordPipe pipe({good, badCsv}, InputFormat::Auto, 1 << 20);
        const Drained d = drain(pipe);
        ASSERT_EQ(d.batches.size(), 3u);
        EXPECT_EQ(d.batches[2].file, 1u);
        EXPECT_FALSE(d.batches[2].openFailed);
        // Bare: the importer names the file as its messages do.
        EXPECT_EQ(d.batches[2].error.rfind("line 1", 0), 0u) << d.batches[2].error;
    }
}

// A consumer that stops early (cancel, a failed store) destroys the pipe while the reader
// waits on a full queue, or is reading: the destructor returns, and nothing is read after.
TEST(RecordPipe, DestroyingItStopsAReaderThatIsAhead) {
    QTemporaryDir dir;
    const std::vector<std::string> files = {
        test::writeFile(dir, QStringLiteral("many.jsonl"), lines("m", 50000)).toStdString()};
    {
        RecordPipe pipe(files, InputFormat::Auto, 1 << 20);
        RecordPipe::Batch batch;
        ASSERT_TRUE(pipe.pop(&batch));
        EXPECT_EQ(batch.records.size(), RecordPipe::kBatchRecords);
        EXPECT_EQ(batch.records.front().fields.value("text", std::string()), "m1");
    } // the reader is ahead, waiting for room: the destructor must wake it
    {
        RecordPipe pipe(files, InputFormat::Auto, 1 << 20); // destroyed before any pop
    }
    SUCCEED();
}
