// Runs a fuzz target over its seed corpus in ordinary (non-libFuzzer) builds, so every corpus
// input is a regression test in `bazel test //...`. With --config=fuzz libFuzzer's own main is
// linked instead and this file is not used.
//
//   replay_main CORPUS_DIR_OR_FILE...
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

int RunFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  const std::string input = bytes.str();
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  int inputs = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path path(argv[i]);
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::directory_iterator(path)) {
        if (entry.is_regular_file()) inputs += RunFile(entry.path());
      }
    } else {
      inputs += RunFile(path);
    }
  }
  std::cout << "replayed " << inputs << " corpus inputs" << std::endl;
  if (inputs == 0) {
    std::cerr << "no corpus inputs found" << std::endl;
    return 1;
  }
  return 0;
}
