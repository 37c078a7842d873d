#include "model/RecordReader.h"

#include "analysis/Tokenizer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <unordered_map>

namespace synthscope::model {

namespace {

constexpr std::size_t kBlock = 1 << 20;

std::string lowerSuffix(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

bool isBlank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
    });
}

std::string utf8Error(std::string_view bytes) {
    std::size_t bad = 0;
    if (analysis::isValidUtf8(bytes, &bad))
        return {};
    return "invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the record";
}

std::string jsonTypeName(const Json& j) {
    return j.type_name();
}

// Parses an object record; sets error on failure.
// Builds the value Json::parse would, in linear time. nlohmann's own builder inserts each key
// into the ordered map (a vector) by looking it up first: quadratic in the fields of an object
// (a record of 100,000 fields took 10 s). Here a hash of the open object's keys does the
// lookup; as with Json::parse, a repeated key keeps its first place and its last value.
class OrderedBuilder final : public nlohmann::json_sax<Json> {
public:
    explicit OrderedBuilder(Json& root)
        : m_root(root) {}
    bool null() override { return place(Json(nullptr)) != nullptr; }
    bool boolean(bool v) override { return place(Json(v)) != nullptr; }
    bool number_integer(number_integer_t v) override { return place(Json(v)) != nullptr; }
    bool number_unsigned(number_unsigned_t v) override { return place(Json(v)) != nullptr; }
    bool number_float(number_float_t v, const string_t&) override {
        return place(Json(v)) != nullptr;
    }
    bool string(string_t& v) override { return place(Json(std::move(v))) != nullptr; }
    bool binary(binary_t& v) override { return place(Json::binary(std::move(v))) != nullptr; }
    bool start_object(std::size_t) override {
        if (tooDeep())
            return false;
        m_open.push_back({place(Json::object()), {}});
        return true;
    }
    bool key(string_t& k) override {
        m_key = std::move(k);
        return true;
    }
    bool end_object() override {
        m_open.pop_back();
        return true;
    }
    bool start_array(std::size_t) override {
        if (tooDeep())
            return false;
        m_open.push_back({place(Json::array()), {}});
        return true;
    }
    bool end_array() override {
        m_open.pop_back();
        return true;
    }
    bool parse_error(std::size_t, const std::string&,
                     const nlohmann::detail::exception& e) override {
        m_error = e.what();
        return false;
    }
    [[nodiscard]] const std::string& error() const { return m_error; }

private:
    // Deeper values would be copied and freed recursively (a 120 KB record of 60,000 nested
    // arrays overflowed the stack and lost the whole import): the record is rejected instead.
    static constexpr std::size_t kMaxDepth = 512;
    bool tooDeep() {
        if (m_open.size() < kMaxDepth)
            return false;
        m_error = "nested deeper than " + std::to_string(kMaxDepth) + " levels";
        return true;
    }
    struct Open {
        Json* value; // stays valid: its parent does not grow while it is open
        std::unordered_map<std::string, std::size_t> keys;
    };
    Json* place(Json&& v) {
        if (m_open.empty()) {
            m_root = std::move(v);
            return &m_root;
        }
        Open& top = m_open.back();
        if (top.value->is_array()) {
            auto& array = top.value->get_ref<Json::array_t&>();
            array.push_back(std::move(v));
            return &array.back();
        }
        auto& object = top.value->get_ref<Json::object_t&>();
        if (const auto it = top.keys.find(m_key); it != top.keys.end()) {
            Json& slot = (object.begin() + static_cast<std::ptrdiff_t>(it->second))->second;
            slot = std::move(v);
            return &slot;
        }
        top.keys.emplace(m_key, object.size());
        object.emplace_back(std::move(m_key), std::move(v));
        return &object.back().second;
    }
    Json& m_root;
    std::vector<Open> m_open;
    std::string m_key;
    std::string m_error;
};

void parseObject(RawRecord& r) {
    if (std::string e = utf8Error(r.original); !e.empty()) {
        r.error = e;
        return;
    }
    // parse_error, and out_of_range for a number beyond double ({"n": 1e400}): either way this
    // record is rejected and the rest of the file is read.
    std::string what;
    try {
        OrderedBuilder builder(r.fields);
        if (!Json::sax_parse(r.original, &builder))
            what = builder.error();
    } catch (const Json::exception& e) {
        what = e.what();
    }
    if (!what.empty()) {
        const auto pos = what.find("] ");
        r.error = "bad JSON: " + (pos == std::string::npos ? what : what.substr(pos + 2));
        r.fields = Json();
        return;
    }
    if (!r.fields.is_object()) {
        r.error = "not a JSON object (found " + jsonTypeName(r.fields) + ")";
        r.fields = Json();
    }
}

// Buffered byte source over a file with a cursor, tracking line numbers.
class ByteSource {
public:
    explicit ByteSource(const std::string& path)
        : m_in(path, std::ios::binary) {}
    bool good() const { return m_in.is_open(); }
    // Returns the next byte or -1 at the end.
    int get() {
        if (m_pos == m_len && !fill())
            return -1;
        ++m_consumed;
        return static_cast<unsigned char>(m_buf[m_pos++]);
    }
    int peek() {
        if (m_pos == m_len && !fill())
            return -1;
        return static_cast<unsigned char>(m_buf[m_pos]);
    }
    std::uint64_t consumed() const { return m_consumed; }
    void skipBom() {
        if (peek() == 0xEF) {
            // Only skip a full BOM; anything else stays.
            fill(3);
            if (m_len - m_pos >= 3 && static_cast<unsigned char>(m_buf[m_pos + 1]) == 0xBB &&
                static_cast<unsigned char>(m_buf[m_pos + 2]) == 0xBF) {
                m_pos += 3;
                m_consumed += 3;
            }
        }
    }

private:
    bool fill(std::size_t want = 1) {
        if (m_len - m_pos >= want)
            return true;
        std::string rest(m_buf.data() + m_pos, m_len - m_pos);
        m_buf.resize(kBlock + rest.size());
        std::copy(rest.begin(), rest.end(), m_buf.begin());
        m_in.read(m_buf.data() + rest.size(), static_cast<std::streamsize>(kBlock));
        m_len = rest.size() + static_cast<std::size_t>(m_in.gcount());
        m_pos = 0;
        return m_len > 0;
    }
    std::ifstream m_in;
    std::string m_buf;
    std::size_t m_pos = 0;
    std::size_t m_len = 0;
    std::uint64_t m_consumed = 0;
};

// Reads LF-terminated lines (CR before LF dropped); a line longer than the limit is
// skipped to its end and flagged.
class LineReader {
public:
    LineReader(const std::string& path, std::size_t limit)
        : m_src(path)
        , m_limit(limit) {
        m_src.skipBom();
    }
    bool good() const { return m_src.good(); }
    // false at the end; *tooLong receives the full length when over the limit.
    bool next(std::string& line, std::uint64_t& number, std::uint64_t* tooLong) {
        line.clear();
        *tooLong = 0;
        std::uint64_t length = 0;
        int c = m_src.get();
        if (c < 0)
            return false;
        number = ++m_line;
        while (c >= 0 && c != '\n') {
            ++length;
            if (length <= m_limit + 1)
                line.push_back(static_cast<char>(c));
            c = m_src.get();
        }
        if (!line.empty() && line.back() == '\r' && length <= m_limit + 1) {
            line.pop_back();
            --length;
        }
        if (length > m_limit) {
            *tooLong = length;
            line.clear();
        }
        return true;
    }
    std::uint64_t consumed() const { return m_src.consumed(); }

private:
    ByteSource m_src;
    std::size_t m_limit;
    std::uint64_t m_line = 0;
};

std::string tooLongMessage(std::uint64_t length, std::size_t limit) {
    return "record is " + std::to_string(length) + " bytes, over the limit of " +
           std::to_string(limit) + " bytes";
}

// One record per non-blank line; parseLine turns a line into the record (JSON Lines: the
// line is the object; plain text: {"text": line}).
class LineRecordReader final : public RecordReader {
public:
    using ParseLine = void (*)(std::string&& line, RawRecord& record);
    LineRecordReader(const std::string& path, std::size_t limit, ParseLine parse)
        : m_lines(path, limit)
        , m_limit(limit)
        , m_parse(parse) {}
    bool good() const { return m_lines.good(); }
    bool next(RawRecord& r) override {
        std::string line;
        std::uint64_t number = 0;
        std::uint64_t tooLong = 0;
        while (m_lines.next(line, number, &tooLong)) {
            r = RawRecord{};
            r.line = number;
            if (tooLong > 0) {
                r.error = tooLongMessage(tooLong, m_limit);
                return true;
            }
            if (isBlank(line))
                continue;
            m_parse(std::move(line), r);
            return true;
        }
        return false;
    }
    std::uint64_t bytesRead() const override { return m_lines.consumed(); }

private:
    LineReader m_lines;
    std::size_t m_limit;
    ParseLine m_parse;
};

void parseJsonLine(std::string&& line, RawRecord& r) {
    r.original = std::move(line);
    parseObject(r);
}

void parseTextLine(std::string&& line, RawRecord& r) {
    if (std::string e = utf8Error(line); !e.empty()) {
        r.error = e;
        return;
    }
    r.fields = Json::object({{"text", line}});
    r.original = r.fields.dump();
}

// RFC 4180 with a configurable delimiter: quoted fields may hold delimiters, quotes ("") and
// line breaks; records end at an unquoted LF or CRLF; the first record is the header.
class DelimitedReader final : public RecordReader {
public:
    DelimitedReader(const std::string& path, char delimiter, std::size_t limit)
        : m_src(path)
        , m_delim(delimiter)
        , m_limit(limit) {
        m_src.skipBom();
    }
    bool good() const { return m_src.good(); }
    bool next(RawRecord& r) override {
        std::vector<std::string> cells;
        for (;;) {
            r = RawRecord{};
            std::string problem;
            std::uint64_t bytes = 0;
            if (!readRow(cells, r.line, problem, bytes))
                return false;
            if (cells.size() == 1 && isBlank(cells[0]) && problem.empty())
                continue;
            if (!m_haveHeader) {
                if (!problem.empty())
                    throw std::runtime_error("line " + std::to_string(r.line) +
                                             ": cannot read the header: " + problem);
                for (std::size_t i = 0; i < cells.size(); ++i)
                    if (std::string e = utf8Error(cells[i]); !e.empty())
                        throw std::runtime_error("line " + std::to_string(r.line) +
                                                 ": the header's column " + std::to_string(i + 1) +
                                                 " is not valid UTF-8 (" +
                                                 e.substr(0, e.find(" of the")) + ")");
                m_header = uniqueNames(cells);
                m_haveHeader = true;
                continue;
            }
            if (!problem.empty()) {
                r.error = problem;
                r.original = excerptOf(cells); // what was read, for the reject's excerpt
                return true;
            }
            if (bytes > m_limit) {
                r.error = tooLongMessage(bytes, m_limit);
                return true;
            }
            if (cells.size() != m_header.size()) {
                r.error = "row has " + std::to_string(cells.size()) + " fields, the header has " +
                          std::to_string(m_header.size());
                return true;
            }
            r.fields = Json::object();
            // Appended, not looked up: the header's names are unique (uniqueNames), and a
            // lookup per cell in the ordered map was quadratic in the columns.
            auto& object = r.fields.get_ref<Json::object_t&>();
            object.reserve(cells.size());
            for (std::size_t i = 0; i < cells.size(); ++i) {
                if (std::string e = utf8Error(cells[i]); !e.empty()) {
                    r.error = "column '" + m_header[i] + "': " + e.substr(0, e.find(" of the"));
                    r.fields = Json();
                    return true;
                }
                object.emplace_back(m_header[i], std::move(cells[i]));
            }
            r.original = r.fields.dump();
            return true;
        }
    }
    std::uint64_t bytesRead() const override { return m_src.consumed(); }
    const std::vector<std::string>& header() const { return m_header; }

private:
    // A repeated column name gets "_2", "_3", … (the first free one), so no column overwrites
    // another in the record or its stored original.
    static std::vector<std::string> uniqueNames(const std::vector<std::string>& names) {
        const std::set<std::string> reserved(names.begin(), names.end());
        std::set<std::string> taken;
        std::vector<std::string> out;
        for (const std::string& name : names) {
            std::string unique = name;
            // A name some other column has itself is not free either.
            for (int n = 2; taken.contains(unique); ++n)
                for (unique = name + "_" + std::to_string(n); reserved.contains(unique);)
                    unique = name + "_" + std::to_string(++n);
            taken.insert(unique);
            out.push_back(unique);
        }
        return out;
    }
    // The cells of a broken row joined again, at most 300 bytes (the reject's excerpt).
    std::string excerptOf(const std::vector<std::string>& cells) const {
        std::string out;
        for (const std::string& c : cells) {
            if (!out.empty())
                out.push_back(m_delim);
            out += c;
            if (out.size() > 300)
                break;
        }
        return out.substr(0, 300);
    }
    // Reads one record's cells; false at the end of the file with nothing read.
    bool readRow(std::vector<std::string>& cells, std::uint64_t& startLine, std::string& problem,
                 std::uint64_t& bytes) {
        cells.assign(1, std::string());
        int c = m_src.get();
        if (c < 0)
            return false;
        startLine = ++m_line;
        bool quoted = false;
        bool afterQuote = false;
        bool fieldStart = true;
        for (;; c = m_src.get()) {
            if (c < 0) {
                if (quoted)
                    problem = "unterminated quoted field (opened on line " +
                              std::to_string(startLine) + ")";
                break;
            }
            ++bytes;
            const char ch = static_cast<char>(c);
            if (quoted) {
                if (ch == '"') {
                    if (m_src.peek() == '"') {
                        m_src.get();
                        ++bytes;
                        cells.back().push_back('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (ch == '\n')
                        ++m_line;
                    if (bytes <= m_limit)
                        cells.back().push_back(ch);
                }
                continue;
            }
            if (ch == '\n')
                break;
            if (ch == '\r' && m_src.peek() == '\n')
                continue;
            if (ch == m_delim) {
                cells.emplace_back();
                fieldStart = true;
                afterQuote = false;
                continue;
            }
            if (ch == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
                continue;
            }
            if (afterQuote && problem.empty())
                problem = "unexpected character after a closing quote";
            fieldStart = false;
            if (bytes <= m_limit)
                cells.back().push_back(ch);
        }
        return true;
    }

    ByteSource m_src;
    char m_delim;
    std::size_t m_limit;
    std::uint64_t m_line = 0;
    bool m_haveHeader = false;
    std::vector<std::string> m_header;
};

// A top-level JSON array, streamed: each element's exact bytes are found by a structural scan
// (strings, escapes, nesting) and then parsed on its own, so one bad element is rejected and
// the rest are read. Memory: one element (up to the limit) at a time, never the whole file.
class JsonArrayReader final : public RecordReader {
public:
    JsonArrayReader(const std::string& path, std::size_t limit)
        : m_src(path)
        , m_limit(limit) {
        m_src.skipBom();
        skipSpace();
        if (m_src.peek() != '[')
            m_fatal = "not a JSON array (the file must start with '[')";
        else
            m_src.get();
    }
    bool good() const { return m_src.good(); }
    const std::string& fatal() const { return m_fatal; }
    bool next(RawRecord& r) override {
        r = RawRecord{};
        if (m_done || !m_fatal.empty())
            return false;
        skipSpace();
        r.line = m_lineAt;
        int c = m_src.peek();
        if (c == ']') {
            m_src.get();
            m_done = true;
            // Whatever follows the array would be dropped unseen: one reject says so.
            skipSpace();
            if (m_src.peek() < 0)
                return false;
            r.line = m_lineAt;
            r.error = "text after the array's closing ']' is not read";
            return true;
        }
        if (c < 0) {
            m_done = true;
            r.error = "the JSON array is not closed with ']'";
            return true;
        }
        std::string element;
        std::uint64_t bytes = 0;
        std::uint64_t trailingSpace = 0; // white space before the ',' or ']' is not counted
        auto take = [&](int b) {
            trailingSpace = std::isspace(b) ? trailingSpace + 1 : 0;
            ++bytes;
            if (bytes <= m_limit)
                element.push_back(static_cast<char>(b));
            if (b == '\n')
                ++m_lineAt;
        };
        int depth = 0;
        bool inString = false;
        for (c = m_src.peek(); c >= 0; c = m_src.peek()) {
            const char ch = static_cast<char>(c);
            if (!inString && depth == 0 && (ch == ',' || ch == '}' || ch == ']'))
                break; // the element's end (or a stray closing bracket)
            take(m_src.get());
            if (inString) {
                if (ch == '\\') {
                    if (const int escaped = m_src.get(); escaped >= 0)
                        take(escaped);
                } else if (ch == '"') {
                    inString = false;
                }
                continue;
            }
            if (ch == '"')
                inString = true;
            else if (ch == '{' || ch == '[')
                ++depth;
            else if (ch == '}' || ch == ']')
                --depth;
        }
        if (bytes == 0 && c >= 0) {
            // A closing bracket or comma where an element should start ("[}]", "[{…}}]"):
            // reject it and step over it, or the next call would stop at the same byte forever.
            r.error = std::string("unexpected '") + static_cast<char>(m_src.get()) +
                      "' where an element should start";
            if (m_src.peek() == ',')
                m_src.get();
            return true;
        }
        if (m_src.peek() == ',')
            m_src.get();
        if (bytes - trailingSpace > m_limit) {
            r.error = tooLongMessage(bytes - trailingSpace, m_limit);
            return true;
        }
        while (!element.empty() && std::isspace(static_cast<unsigned char>(element.back())))
            element.pop_back();
        r.original = std::move(element);
        parseObject(r);
        return true;
    }
    std::uint64_t bytesRead() const override { return m_src.consumed(); }

private:
    void skipSpace() {
        for (int c = m_src.peek(); c >= 0 && std::isspace(c); c = m_src.peek()) {
            if (c == '\n')
                ++m_lineAt;
            m_src.get();
        }
    }
    ByteSource m_src;
    std::size_t m_limit;
    std::uint64_t m_lineAt = 1;
    bool m_done = false;
    std::string m_fatal;
};

InputFormat sniff(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char c = 0;
    int n = 0;
    while (in.get(c) && n < 4096) {
        ++n;
        const auto u = static_cast<unsigned char>(c);
        if (u == 0xEF || u == 0xBB || u == 0xBF || std::isspace(u))
            continue;
        if (c == '[')
            return InputFormat::JsonArray;
        if (c == '{')
            return InputFormat::JsonLines;
        break;
    }
    return InputFormat::PlainText;
}

} // namespace

const char* formatName(InputFormat format) {
    switch (format) {
    case InputFormat::Auto:
        return "auto";
    case InputFormat::JsonLines:
        return "jsonl";
    case InputFormat::JsonArray:
        return "json";
    case InputFormat::Csv:
        return "csv";
    case InputFormat::Tsv:
        return "tsv";
    case InputFormat::PlainText:
        return "text";
    }
    return "auto";
}

bool parseFormat(const std::string& name, InputFormat* format) {
    for (auto f : {InputFormat::Auto, InputFormat::JsonLines, InputFormat::JsonArray,
                   InputFormat::Csv, InputFormat::Tsv, InputFormat::PlainText})
        if (name == formatName(f)) {
            *format = f;
            return true;
        }
    return false;
}

std::string inputFileProblem(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    switch (status.type()) {
    case fs::file_type::regular:
        break;
    case fs::file_type::not_found:
        return "no such file";
    case fs::file_type::none: // an error other than "not found": too long, no permission, …
        return "cannot be read: " + ec.message();
    case fs::file_type::directory:
        return "is a folder, not a file";
    case fs::file_type::fifo:
        return "is a named pipe (FIFO), not a regular file: records are read more than once, "
               "so save the stream to a file first";
    case fs::file_type::block:
    case fs::file_type::character:
        return "is a device, not a regular file";
    case fs::file_type::socket:
        return "is a socket, not a regular file";
    default:
        return "is not a regular file";
    }
    if (std::ifstream probe(path, std::ios::binary); !probe.is_open())
        return "cannot be read: permission denied";
    return {};
}

std::unique_ptr<RecordReader> RecordReader::open(const std::string& path, InputFormat format,
                                                 std::size_t maxRecordBytes, std::string* error) {
    std::error_code ec;
    maxRecordBytes = std::min(maxRecordBytes, kMaxRecordBytesCap); // the readers add 1 to it
    if (const std::string problem = inputFileProblem(path); !problem.empty()) {
        *error = path + ": " + problem;
        return nullptr;
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (format == InputFormat::Auto) {
        const std::string ext = lowerSuffix(path);
        if (ext == ".jsonl" || ext == ".ndjson")
            format = InputFormat::JsonLines;
        else if (ext == ".csv")
            format = InputFormat::Csv;
        else if (ext == ".tsv" || ext == ".tab")
            format = InputFormat::Tsv;
        else if (ext == ".txt")
            format = InputFormat::PlainText;
        else
            format = sniff(path);
    }
    std::unique_ptr<RecordReader> reader;
    bool good = false;
    switch (format) {
    case InputFormat::JsonLines: {
        auto r = std::make_unique<LineRecordReader>(path, maxRecordBytes, parseJsonLine);
        good = r->good();
        reader = std::move(r);
        break;
    }
    case InputFormat::PlainText: {
        auto r = std::make_unique<LineRecordReader>(path, maxRecordBytes, parseTextLine);
        good = r->good();
        reader = std::move(r);
        break;
    }
    case InputFormat::Csv:
    case InputFormat::Tsv: {
        auto r = std::make_unique<DelimitedReader>(path, format == InputFormat::Csv ? ',' : '\t',
                                                   maxRecordBytes);
        good = r->good();
        reader = std::move(r);
        break;
    }
    case InputFormat::JsonArray: {
        auto r = std::make_unique<JsonArrayReader>(path, maxRecordBytes);
        good = r->good();
        if (good && !r->fatal().empty()) {
            *error = path + ": " + r->fatal();
            return nullptr;
        }
        reader = std::move(r);
        break;
    }
    case InputFormat::Auto:
        break;
    }
    if (!good) {
        *error = path + ": cannot be read";
        return nullptr;
    }
    reader->m_fileSize = ec ? 0 : size;
    reader->m_format = format;
    return reader;
}

bool previewFile(const std::string& path, InputFormat format, std::size_t maxRecords,
                 std::vector<RawRecord>* records, std::vector<std::string>* fieldNames,
                 InputFormat* detected, std::string* error) {
    auto reader = RecordReader::open(path, format, 1 << 24, error);
    if (!reader)
        return false;
    *detected = reader->format();
    RawRecord r;
    try {
        int scanned = 0;
        while (records->size() < maxRecords && scanned < 1000 && reader->next(r)) {
            ++scanned;
            if (!r.error.empty())
                continue;
            for (auto it = r.fields.begin(); it != r.fields.end(); ++it)
                if (std::find(fieldNames->begin(), fieldNames->end(), it.key()) ==
                    fieldNames->end())
                    fieldNames->push_back(it.key());
            records->push_back(r);
        }
    } catch (const std::exception& e) {
        *error = path + ": " + e.what();
        return false;
    }
    return true;
}

} // namespace synthscope::model
