// For tests: checks that a JSON document is schema-complete for a schema of the API description
// — every declared property present (allOf merged), arrays and maps non-empty, each value of its
// declared JSON type and enum — written apart from the example generator so it can catch it.
//
// The generator's documented limits are accepted: a `$ref` repeated on its own branch may be {}
// or [] (cycle cut), a discriminated object is checked against the schema its tag names, and a
// schema without a type or properties accepts any value.
//
//   std::vector<std::string> problems = CheckSchemaComplete(*api, schema, document);
//   EXPECT_THAT(problems, IsEmpty());
#ifndef EMULATOR_SCHEMA_CHECKER_H_
#define EMULATOR_SCHEMA_CHECKER_H_

#include <string>
#include <vector>

#include "emulator/api_description.h"
#include "emulator/model.h"

namespace emulator {

// One line per problem ("a.b[0].c: missing"), empty when `value` is complete.
std::vector<std::string> CheckSchemaComplete(const ApiDescription& api, const Json& schema,
                                             const Json& value);

}  // namespace emulator

#endif  // EMULATOR_SCHEMA_CHECKER_H_
