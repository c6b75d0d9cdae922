// Links the test-only FormsService (gateway/route/testdata/forms.proto) into a gateway binary and
// registers it, so //tests/integration:forms_gateway serves it next to the Pulumi services.
#include "gateway/route/service_registry.h"
#include "testdata/forms.pb.h"

namespace {

const bool kFormsRegistered = [] {
  // Touch the file so its descriptors are in the generated pool when main looks the service up.
  (void)pulumi_gateway::route::testdata::OrgRequest::descriptor();
  return pulumi_gateway::RegisterService("pulumi_gateway.route.testdata.FormsService");
}();

}  // namespace
