// libFuzzer harness: one RecordReader format (SYNTHSCOPE_FUZZ_FORMAT, set per executable in
// CMakeLists.txt) reads the input as a whole file. Checked beyond "no crash, hang or leak":
// every record is either rejected with a reason or an object; line numbers never go back;
// progress stays within the file; a good JSON Lines or JSON array record's fields are what its
// own bytes parse to; the only exception is the documented file-level one of a CSV/TSV header.

#include "FuzzSupport.h"
#include "model/RecordReader.h"

#include <sys/mman.h>
#include <unistd.h>

#include <stdexcept>
#include <string>

using synthscope::model::InputFormat;
using synthscope::model::Json;
using synthscope::model::RawRecord;
using synthscope::model::RecordReader;

namespace {

/// One in-memory file per process, rewritten for every input, opened by path like a real one.
int memoryFile() {
    static const int fd = memfd_create("synthscope-fuzz", 0);
    FUZZ_CHECK(fd >= 0);
    return fd;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const int fd = memoryFile();
    FUZZ_CHECK(ftruncate(fd, 0) == 0);
    for (std::size_t done = 0; done < size;) {
        const ssize_t n = pwrite(fd, data + done, size - done, static_cast<off_t>(done));
        FUZZ_CHECK(n > 0);
        done += static_cast<std::size_t>(n);
    }
    const std::string path = "/proc/self/fd/" + std::to_string(fd);
    constexpr InputFormat format = InputFormat::SYNTHSCOPE_FUZZ_FORMAT;
    // A small record limit, so that inputs of libFuzzer's usual lengths reach the size checks.
    constexpr std::size_t maxRecordBytes = 1024;
    std::string error;
    const auto reader = RecordReader::open(path, format, maxRecordBytes, &error);
    if (!reader) {
        FUZZ_CHECK(!error.empty());
        return 0;
    }
    FUZZ_CHECK(reader->fileSize() == size);
    RawRecord record;
    std::uint64_t lastLine = 0;
    std::uint64_t lastBytes = 0;
    std::size_t records = 0;
    for (;;) {
        try {
            if (!reader->next(record))
                break;
        } catch (const std::runtime_error& e) {
            // The documented file-level error (a CSV/TSV header that cannot be used): it names
            // the line, and only the header can raise it.
            const std::string what = e.what();
            FUZZ_CHECK(what.rfind("line ", 0) == 0);
            FUZZ_CHECK(format == InputFormat::Csv || format == InputFormat::Tsv);
            FUZZ_CHECK(records == 0);
            break;
        }
        ++records;
        FUZZ_CHECK(records <= size + 1); // every record consumes input: no endless loop
        FUZZ_CHECK(record.line >= 1 && record.line >= lastLine);
        lastLine = record.line;
        FUZZ_CHECK(reader->bytesRead() >= lastBytes && reader->bytesRead() <= size);
        lastBytes = reader->bytesRead();
        if (!record.error.empty())
            continue;
        FUZZ_CHECK(record.fields.is_object());
        if constexpr (format == InputFormat::JsonLines || format == InputFormat::JsonArray)
            FUZZ_CHECK(Json::parse(record.original, nullptr, false) == record.fields);
        if constexpr (format == InputFormat::Csv || format == InputFormat::Tsv)
            for (const auto& [name, cell] : record.fields.items())
                FUZZ_CHECK(cell.is_string());
    }
    return 0;
}
