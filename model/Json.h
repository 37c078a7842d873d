#pragma once

#include <nlohmann/json.hpp>

namespace synthscope::model {

/// The JSON value type of the project (nlohmann::json, keys in insertion order): records read
/// from files, stored analysis results, rules and manifests. Qt-free, so the readers build
/// without Qt (fuzz harnesses).
using Json = nlohmann::ordered_json;

} // namespace synthscope::model
