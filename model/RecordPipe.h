#pragma once

#include "model/RecordReader.h"

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace synthscope::model {

/// Reads files with RecordReader on a thread of its own while the caller works on the records
/// read before (the importer stores them: reading and parsing JSON Lines is about a seventh of
/// an import, and a second core can take it).
///
/// Records come in batches, in file order: a batch closes at kBatchRecords records or once its
/// originals pass kBatchBytes, and the reader waits while kDepth batches, or batches of more
/// than kQueueBytes, are ready. So at most about kQueueBytes + 2 · kBatchBytes of originals
/// (plus their parsed fields) are held at once, or three records when one record is larger.
/// Every file's last batch has endOfFile set (an empty file gives one empty batch).
///
/// A file that cannot be opened ends the stream with a batch whose error is
/// RecordReader::open's message (which names the file, with its path) and openFailed set; one
/// whose reading throws (a CSV header that cannot be read, or out of memory while a record is
/// read or batched), with what it threw (the batch's file says which: the caller names it as
/// its messages do). What the reader throws outside a file's records (out of memory while
/// opening one or reporting an error) is rethrown by pop() after the batches before it, and by
/// every pop() after, with the batch's file set to the file being read when it was thrown.
/// Destroying the pipe stops the reader before its next record (one record may take long: up to
/// the record cap) and joins it. Not copyable; one consumer thread.
class RecordPipe {
public:
    static constexpr std::size_t kBatchRecords = 512;
    static constexpr std::size_t kBatchBytes = std::size_t{4} << 20;
    static constexpr std::size_t kDepth = 8;
    static constexpr std::size_t kQueueBytes = std::size_t{16} << 20;

    struct Batch {
        std::size_t file = 0;           ///< index into the files given
        std::vector<RawRecord> records; ///< in file order
        std::size_t bytes = 0;          ///< the records' original bytes
        std::uint64_t bytesRead = 0;    ///< of the file, after these records
        bool endOfFile = false;         ///< the file's last batch
        std::uint64_t fileSize = 0;     ///< with endOfFile
        std::string error;              ///< non-empty: the stream ends with this error
        bool openFailed = false;        ///< error is RecordReader::open's (names the file)
    };

    /// Starts reading files (paths in UTF-8) as RecordReader::open(file, format,
    /// maxRecordBytes). Throws std::system_error when no thread can be started.
    RecordPipe(std::vector<std::string> files, InputFormat format, std::size_t maxRecordBytes);
    RecordPipe(const RecordPipe&) = delete;
    RecordPipe& operator=(const RecordPipe&) = delete;
    ~RecordPipe();

    /// The next batch into *out (the vector *out held goes back to the reader, which empties
    /// it); false when every file is read. Rethrows what the reader threw, after the batches
    /// before it, with out->file the file it was reading (out->records empty).
    bool pop(Batch* out);

private:
    bool push(Batch&& batch); // false when the pipe is being destroyed
    Batch fresh(std::size_t file);
    void read();
    void readFiles();

    const std::vector<std::string> m_files;
    const InputFormat m_format;
    const std::size_t m_maxRecordBytes;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch> m_ready;
    std::size_t m_readyBytes = 0;
    std::vector<std::vector<RawRecord>> m_spare; ///< handed back, for their capacity
    std::exception_ptr m_error;                  ///< what read() threw, for pop()
    std::size_t m_errorFile = 0;                 ///< the file being read (set by fresh())
    bool m_finished = false;                     ///< the reader pushed its last batch
    std::atomic<bool> m_stop{false};             ///< the consumer is done with the pipe
    std::thread m_thread;                        ///< last: starts once the rest is built
};

} // namespace synthscope::model
