#include "tests/support/thread_names.h"

#include <dirent.h>

#include <fstream>
#include <string>

namespace pulumi_gateway::testing {

std::vector<std::string> ThreadNames(pid_t pid) {
  const std::string dir = pid == 0 ? "/proc/self/task/" : "/proc/" + std::to_string(pid) + "/task/";
  std::vector<std::string> names;
  DIR* tasks = opendir(dir.c_str());
  if (tasks == nullptr) return names;
  while (dirent* task = readdir(tasks)) {
    if (task->d_name[0] == '.') continue;
    std::ifstream comm(dir + task->d_name + "/comm");
    std::string name;
    if (std::getline(comm, name)) names.push_back(name);
  }
  closedir(tasks);
  return names;
}

}  // namespace pulumi_gateway::testing
