#pragma once

#include "model/Json.h"

#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace synthscope::model {

/// Input formats. Auto picks by file suffix (.jsonl/.ndjson, .json, .csv, .tsv/.tab, .txt)
/// and, for .json or an unknown suffix, by the first non-blank character ('[' → JSON array,
/// '{' → JSON Lines, otherwise plain text).
enum class InputFormat { Auto, JsonLines, JsonArray, Csv, Tsv, PlainText };

const char* formatName(InputFormat format);                     ///< "jsonl", "json", "csv", …
bool parseFormat(const std::string& name, InputFormat* format); ///< inverse, plus "auto"

/// One record read from a file: either fields (a JSON object) or an error.
///
/// original is what the project stores verbatim and what export writes back:
/// - JSON Lines: the line's bytes exactly (without its line terminator and, on line 1, the BOM);
/// - JSON array: the element's bytes exactly;
/// - CSV/TSV: a JSON object of header → cell text (every cell a string, in header order);
/// - plain text: {"text": line}.
struct RawRecord {
    std::uint64_t line = 0; ///< 1-based line where the record starts
    std::string original;
    Json fields;       ///< a JSON object when error is empty
    std::string error; ///< why the record was rejected; empty when it is good
};

/// The largest maxRecordBytes a reader takes (1 GiB); a larger one is treated as this.
inline constexpr std::size_t kMaxRecordBytesCap = std::size_t{1} << 30;

/// Why path cannot be read as an input file, or "" when it is a regular file we may read:
/// "no such file", "is a folder, not a file", "is a named pipe (FIFO), not a regular file
/// …", "is a device, not a regular file", "is a socket, not a regular file", "cannot be
/// read: permission denied".
std::string inputFileProblem(const std::string& path);

/// Streams records from one file. Bad records come back with error set; the reader goes on.
/// A blank line (only whitespace) is not a record in JSON Lines, CSV/TSV and plain text.
class RecordReader {
public:
    virtual ~RecordReader() = default;
    /// Opens path. Returns nullptr and sets *error when it cannot be read or, for Auto,
    /// the format cannot be told. maxRecordBytes caps one record's size (bigger: rejected);
    /// values above kMaxRecordBytesCap count as the cap.
    static std::unique_ptr<RecordReader> open(const std::string& path, InputFormat format,
                                              std::size_t maxRecordBytes, std::string* error);
    /// The next record; false at the end of the file. Throws std::runtime_error, with a message
    /// starting "line N: ", for an error that ends the whole file rather than one record: a
    /// CSV/TSV header that cannot be read (e.g. an unterminated quote) or is not valid UTF-8.
    virtual bool next(RawRecord& record) = 0;
    /// Bytes consumed so far and the file size, for progress.
    [[nodiscard]] virtual std::uint64_t bytesRead() const = 0;
    [[nodiscard]] std::uint64_t fileSize() const { return m_fileSize; }
    [[nodiscard]] InputFormat format() const { return m_format; }

protected:
    std::uint64_t m_fileSize = 0;
    InputFormat m_format = InputFormat::Auto;
};

/// Reads up to maxRecords good records (and the field names seen, in first-seen order) for a
/// preview. Returns false and sets *error when the file cannot be opened.
bool previewFile(const std::string& path, InputFormat format, std::size_t maxRecords,
                 std::vector<RawRecord>* records, std::vector<std::string>* fieldNames,
                 InputFormat* detected, std::string* error);

} // namespace synthscope::model
